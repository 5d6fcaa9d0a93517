/*! Canary embed script: turns placeholders into Canary iframes that size
 * themselves to their content. Several per page; no cookies, no tracking,
 * and no styles cross in either direction (each item is its own document).
 *
 *   <div data-canary="widget/codedeploy" data-canary-state="platform=lambda"></div>
 *   <div data-canary="question/d1-codedeploy-lambda-canary-window"></div>
 *   <div data-canary="quiz" data-canary-task="1.4" data-canary-size="5"></div>
 *   <script src="https://example.com/canary/embed.js" async></script>
 *
 * Optional on any placeholder: data-canary-theme="light|dark|auto",
 * data-canary-bg="transparent", data-canary-title="…".
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script ? script.src.replace(/embed\.js(\?.*)?$/, '') : '';
  var frames = [];

  function route(spec, el) {
    var query = [];
    var path;
    if (spec.indexOf('widget/') === 0) {
      path = spec.slice('widget/'.length);
      if (el.getAttribute('data-canary-state')) query.push(el.getAttribute('data-canary-state'));
    } else if (spec.indexOf('question/') === 0) {
      path = 'question/' + encodeURIComponent(spec.slice('question/'.length));
    } else if (spec === 'quiz') {
      path = 'quiz';
      ['ids', 'task', 'domain', 'service', 'size', 'state'].forEach(function (k) {
        var v = el.getAttribute('data-canary-' + k);
        if (v) query.push(k + '=' + encodeURIComponent(v));
      });
    } else {
      return null;
    }
    ['theme', 'bg'].forEach(function (k) {
      var v = el.getAttribute('data-canary-' + k);
      if (v) query.push(k + '=' + encodeURIComponent(v));
    });
    // Simulators load the small embed bundle (embed/); a question or a quiz
    // needs the full app.
    var doc = spec.indexOf('widget/') === 0 ? base + 'embed/' : base;
    return doc + '#/embed/' + path + (query.length ? '?' + query.join('&') : '');
  }

  function mount(el) {
    if (el.getAttribute('data-canary-mounted')) return;
    var src = route(el.getAttribute('data-canary') || '', el);
    if (!src) return;
    el.setAttribute('data-canary-mounted', '1');
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.title = el.getAttribute('data-canary-title') || 'Canary: AWS DevOps Professional practice';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'no-referrer';
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.cssText = 'display:block;width:100%;height:420px;border:0;margin:0;padding:0;background:transparent;color-scheme:normal';
    el.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.canary !== 'resize' || typeof data.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(80, Math.ceil(data.height)) + 'px';
      }
    }
  });

  function scan() {
    var nodes = document.querySelectorAll('[data-canary]');
    for (var i = 0; i < nodes.length; i++) mount(nodes[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
