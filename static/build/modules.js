// Feature modules (src/modules.rs): wasm binaries of their own, loaded on
// demand. cargo xtask postbuild fills in this build's hashed files and where
// they live relative to this script.
const MODULES = __MODULE_FILES__;
const MODULE_BASE = new URL(__MODULE_BASE__, import.meta.url);
const moduleUrls = (file) => [new URL(file, MODULE_BASE).href,
  new URL(file.replace(/\.js$/, '_bg.wasm'), MODULE_BASE).href];
const loading = {};
// Resolves to the module's exports once its wasm is running; the wasm is
// fetched in parallel with the JS glue, not after it.
window.canaryModule = (name) => {
  const file = MODULES[name];
  if (!file) return Promise.reject(new Error(`this build has no module ${name}`));
  loading[name] ??= (async () => {
    const [js, wasm] = moduleUrls(file);
    const bytes = fetch(wasm);
    const m = await import(js);
    await m.default({ module_or_path: bytes });
    return m;
  })().catch((e) => { delete loading[name]; throw e; });
  return loading[name];
};
// "Make available offline" (Settings): every module into the cache the
// service worker answers modules/ from.
window.canaryCacheModules = async () => {
  const cache = await caches.open('canary-modules');
  await cache.addAll(Object.values(MODULES).flatMap(moduleUrls));
  return Object.keys(MODULES).length;
};
