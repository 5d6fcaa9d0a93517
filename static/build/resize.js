// Shared by the app's boot script and the embed page's (cargo xtask postbuild
// puts it into both).
const embedded = location.hash.startsWith('#/embed/');

// Embedded: tell the parent page how tall the content is, whenever it changes.
if (embedded && window.parent !== window) {
  document.documentElement.classList.add('embedded');
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ canary: 'resize', height, href: location.href }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  // Browsers throttle rendering (and so ResizeObserver) in off-screen
  // cross-site frames; DOM changes still arrive, so report on those too.
  new MutationObserver(report).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  addEventListener('load', report);
}
