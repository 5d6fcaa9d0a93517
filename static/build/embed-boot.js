// The embed page's boot module (embed/index.html, written by cargo xtask
// postbuild): it loads the module of the one simulator the fragment names and
// nothing else. Question and quiz embeds, and anything unknown, belong to the
// full app one directory up.
/*__RESIZE__*/

/*__MODULES__*/

const sim = location.hash.match(/^#\/embed\/([a-z]+)/)?.[1];
if (sim && MODULES[`sim-${sim}`]) {
  window.canaryModule(`sim-${sim}`).then((m) => m.embed()).catch((e) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.className = 'error';
    p.textContent = `This simulator could not be loaded (${e.message}). Reload to try again.`;
    document.body.append(p);
  });
} else {
  location.replace(`../${location.hash}`);
}
