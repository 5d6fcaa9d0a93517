// Canary's boot module. The build (cargo xtask postbuild) inserts Trunk's
// loader here so that index.html has no inline script and a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') holds.
/*__RESIZE__*/

// Prerendered pages (examples/prerender.rs): for a deep link, fetch the
// page this URL names and show it until the app takes over; for a route with
// no prerendered page, nothing. The wasm downloads meanwhile (it is
// preloaded); only its start waits for the page (see the end of this file),
// so the app always takes over the page it replaces, never a blank one.
const prerenderedPage = (() => {
  const shown = document.getElementById('prerender');
  const route = location.hash.slice(1).split('?')[0] || '/';
  const name = route.slice(1).replaceAll('/', '-');
  const prerendered = /*__PRERENDERED__*/[];
  const reveal = () => document.documentElement.classList.remove('deep-link');
  if (shown && prerendered.includes(name) && !embedded) {
    return fetch(`./prerender/${name}.html`)
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '')
      .then((html) => {
        const page = document.createElement('template');
        page.innerHTML = html;
        shown.replaceChildren(page.content);
        reveal();
      });
  }
  if (shown && route !== '/') shown.replaceChildren();
  reveal();
  return Promise.resolve();
})();

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

/*__MODULES__*/

// A deep link straight into a simulator: fetch its module alongside the
// app's own wasm rather than after it.
const deep = location.hash.match(/^#\/widgets\/([a-z]+)/);
if (deep) window.canaryModule(`sim-${deep[1]}`).catch(() => { /* the page says so */ });

await prerenderedPage;
/*__TRUNK_LOADER__*/

// For the benchmarks: the size of the app's wasm memory.
window.canaryWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
