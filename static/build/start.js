// Runs before the first paint (a classic script in <head>, written by cargo
// xtask postbuild): the prerendered dashboard is only for the dashboard's
// URL. For any other route the boot module swaps in that route's prerendered
// page (or the app renders it), so the dashboard must not flash first.
if ((location.hash.slice(1).split('?')[0] || '/') !== '/') {
  document.documentElement.classList.add('deep-link');
}
