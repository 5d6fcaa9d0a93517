// Canary's boot module. The build (cargo xtask postbuild) inserts Trunk's
// loader here so that index.html has no inline script and a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') holds.
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

// Offline: a service worker precaches this exact build. A new build waits
// until the learner chooses to reload, so old and new files never mix.
if ('serviceWorker' in navigator && !embedded) {
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    const announce = () => dispatchEvent(new CustomEvent('canary:update-ready'));
    if (reg.waiting && navigator.serviceWorker.controller) announce();
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    window.canaryApplyUpdate = () => reg.waiting?.postMessage('skip-waiting');
  }).catch(() => { /* no offline support here: the app still works online */ });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!reloading && window.canaryUpdateRequested) { reloading = true; location.reload(); }
  });
}

/*__TRUNK_LOADER__*/

// For the benchmarks: the size of the app's wasm memory.
window.canaryWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
