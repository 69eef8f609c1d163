// Module settings of the web app (linked with --pre-js, runs before the runtime starts):
// the canvas to draw on, where messages go, and what the page shows while loading or when
// the app could not start. The page itself (shell.html) holds no script of its own.

Module['canvas'] = document.getElementById('canvas');
Module['print'] = (text) => console.log(text);
Module['printErr'] = (text) => console.error(text);

// The status line of shell.html: "loading" until the first frame, a message on failure.
Module['kcShowStatus'] = function (text, isError) {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.hidden = !text;
  status.classList.toggle('error', !!isError);
};

// The app could not start (no WebGL 2, the .wasm failed to load, a crash): tell the user,
// and reject window.kamcanvas.ready (api.js sets kcFailReady).
Module['kcFailToStart'] = function (what) {
  Module['kcShowStatus'](
    'kamcanvas kon niet starten / could not start: ' + what +
    ' — een recente Chrome, Edge, Firefox of Safari met WebGL 2 is nodig /' +
    ' a recent Chrome, Edge, Firefox or Safari with WebGL 2 is needed.', true);
  if (Module['kcFailReady']) Module['kcFailReady'](new Error(String(what)));
};
Module['onAbort'] = (what) => Module['kcFailToStart'](what);

// The WebGL context may be lost (GPU reset, too many tabs): say so instead of freezing.
Module['canvas'].addEventListener('webglcontextlost', (event) => {
  event.preventDefault();
  Module['kcShowStatus']('WebGL-context verloren: herlaad de pagina. /' +
    ' WebGL context lost: reload the page.', true);
});
