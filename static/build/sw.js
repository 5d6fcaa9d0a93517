// Canary's service worker, generated per build by `cargo xtask postbuild`:
// VERSION and ASSETS are filled in from the build output. Every asset of
// this build is precached under a cache named for the build, so after one
// visit the whole app — every page, widget and question — works offline.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `canary-${VERSION}`;
// Feature modules (modules/): content-hashed, so one cache serves every
// build; each is stored the first time it is used (or all at once from
// Settings, "make available offline"), and files no build lists any more go.
const MODULE_FILES = __MODULE_ASSETS__;
const MODULE_CACHE = 'canary-modules';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('canary-') && key !== CACHE && key !== MODULE_CACHE) await caches.delete(key);
    }
    const modules = await caches.open(MODULE_CACHE);
    const keep = new Set(MODULE_FILES.map((f) => new URL(f, self.registration.scope).href));
    for (const request of await modules.keys()) {
      if (!keep.has(request.url)) await modules.delete(request);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when the learner accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const under = (dir) => request.url.startsWith(new URL(dir, self.registration.scope).href);
  // The embed page (embed/) is for other sites' pages and is not cached:
  // leave its requests to the network instead of answering with the app.
  if (under('./embed/')) return;
  if (under('./modules/')) {
    event.respondWith((async () => {
      const modules = await caches.open(MODULE_CACHE);
      const hit = await modules.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) await modules.put(request, response.clone());
      return response;
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Routes live in the URL fragment, so every navigation is index.html.
    const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    const response = await fetch(request);
    return response;
  })());
});
