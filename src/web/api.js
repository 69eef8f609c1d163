// window.kamcanvas: the page's JavaScript API (documented in docs/js-api.md), linked with
// --post-js. Each method but open() is a synchronous call into the app between two frames (through
// the KEEPALIVE exports of src/web/js_api.cpp); nothing here makes a request.

(function () {
  'use strict';

  let started = false;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});   // a failed start is shown on the page; awaiting callers still see it

  // Called by the app after its first frames (the example is on screen), or on failure.
  Module['kcSignalReady'] = function () {
    started = true;
    Module['kcShowStatus']('', false);
    resolveReady();
    // Only now: installing the worker fetches every file of the site once more to keep it
    // offline, which on a first visit would compete with the start for network and CPU.
    Module['kcBrowser'].registerServiceWorker();
  };
  Module['kcFailReady'] = (error) => rejectReady(error);

  function requireStarted() {
    if (!started) throw new Error('kamcanvas is still starting: await kamcanvas.ready first');
  }

  // Runs use(ptr, byteLength) with `text` as UTF-8 in wasm memory (0-terminated), freed
  // afterwards. The browser's own TextEncoder does the conversion: Emscripten's
  // lengthBytesUTF8/stringToUTF8 walk the string in JS, which costs more than the parse
  // itself for a file of 100,000 accounts.
  const encoder = new TextEncoder();
  function withUTF8(text, use) { return withBytes(encoder.encode(text), use); }

  // Runs use(ptr, length) with `bytes` in wasm memory (0-terminated), freed afterwards.
  function withBytes(bytes, use) {
    const size = bytes.length + 1;
    const ptr = _malloc(size);
    if (!ptr) throw new Error(`kamcanvas: not enough memory for ${size} bytes`);
    try {
      HEAPU8.set(bytes, ptr);   // HEAPU8 read after _malloc: memory may have grown
      HEAPU8[ptr + bytes.length] = 0;
      return use(ptr, bytes.length);
    } finally {
      _free(ptr);
    }
  }

  function fileNameOr(name) {
    // "" is the bundled example's name inside the app: an API load is never that.
    return typeof name === 'string' && name !== '' ? name : 'portfolio.kamcanvas.json';
  }

  // The text or bytes of what kamcanvas.open was given.
  async function contentOf(source) {
    if (typeof source === 'string' || source instanceof Uint8Array) return source;
    if (source instanceof ArrayBuffer) return new Uint8Array(source);
    if (typeof Blob !== 'undefined' && source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
    throw new TypeError('kamcanvas.open(source): source must be a string, ArrayBuffer, Uint8Array or Blob');
  }

  // Resolves after `count` more animation frames: what a call changed is then on screen.
  function afterFrames(count) {
    return new Promise((resolve) => {
      const step = () => (count-- <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    });
  }

  const api = {
    // Resolves once the app runs and shows the bundled example.
    ready,

    // Opens `text` as a portfolio, exactly as opening a file does. On errors the open
    // portfolio stays as it was. → {ok, errors: [{place, message, code}], warnings: [...]}
    load(text, name = 'portfolio.kamcanvas.json') {
      requireStarted();
      if (typeof text !== 'string') throw new TypeError('kamcanvas.load(text): text must be a string');
      return withUTF8(fileNameOr(name), (namePtr) => withUTF8(text, (textPtr, length) =>
        JSON.parse(UTF8ToString(_app_load(namePtr, textPtr, length)))));
    },

    // Opens `source` (a string, ArrayBuffer, Uint8Array, Blob or File) as a portfolio the
    // way the file picker opens a big file: read in pieces, the page drawing a progress bar
    // between them and never frozen for the whole file, the text never whole in wasm
    // memory. → a Promise of what load() gives.
    async open(source, name = 'portfolio.kamcanvas.json') {
      requireStarted();
      const fileName = fileNameOr(name);
      const content = await contentOf(source);
      const opened = await Module['kcBrowser'].openInPieces(fileName, content);
      if (opened) return opened;
      // Not well-formed JSON: read whole, so that the error gets its line and column.
      return withUTF8(fileName, (namePtr) => withBytes(
        typeof content === 'string' ? encoder.encode(content) : content,
        (ptr, length) => JSON.parse(UTF8ToString(_app_load(namePtr, ptr, length)))));
    },

    // The file being read in pieces (by open(), the file picker or a drop), or null:
    // {name, read, total}, read and total counted in bytes (in UTF-16 code units for a
    // string given to open()).
    reading() {
      return Module['kcBrowser'].reading();
    },

    // The open portfolio as format-1 text, exactly what Save downloads.
    save() {
      requireStarted();
      return UTF8ToString(_app_save());
    },

    // → {name, accounts, year}: portfolio name, number of accounts, analysis year or null.
    summary() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_summary()));
    },

    // The analysis report of the open portfolio, the same object `kamcanvas analyze
    // [--year Y]` prints. Without `year`, the portfolio's own analysis year.
    analyze(year) {
      requireStarted();
      const hasYear = year !== undefined && year !== null;
      if (hasYear && !Number.isInteger(year))
        throw new TypeError('kamcanvas.analyze(year): year must be an integer');
      return JSON.parse(UTF8ToString(_app_analyze(hasYear ? year : 0, hasYear ? 1 : 0)));
    },

    // The names of the views (tabs), in tab order.
    views() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_views())).views;
    },

    // Without a name: the view shown now. With one: brings that view to the front and
    // resolves (with the name) once it has been drawn; rejects for an unknown name.
    view(name) {
      requireStarted();
      if (name === undefined) return JSON.parse(UTF8ToString(_app_views())).active;
      if (typeof name !== 'string' || !withUTF8(name, (ptr) => _app_show_view(ptr)))
        return Promise.reject(new RangeError(`kamcanvas.view(name): no view named ${JSON.stringify(name)}`));
      return afterFrames(2).then(() => name);
    },

    // What a chart shows, as figures: {title, columns: [{key, label}], rows, facts};
    // null for a view without figures.
    figures(view) {
      requireStarted();
      if (typeof view !== 'string') throw new TypeError('kamcanvas.figures(view): view must be a string');
      return JSON.parse(withUTF8(view, (ptr) => UTF8ToString(_app_figures(ptr))));
    },

    // The clickable parts of the charts drawn in the last frame, each {name, x, y,
    // width, height} in page coordinates (CSS pixels), ready for a mouse click.
    parts() {
      requireStarted();
      const canvas = Module['canvas'];
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width > 0 ? box.width / canvas.width : 1;
      return JSON.parse(UTF8ToString(_app_parts())).map((part) => ({
        name: part.name,
        x: box.left + part.x * scale,
        y: box.top + part.y * scale,
        width: part.width * scale,
        height: part.height * scale,
      }));
    },

    // The chart part whose accounts are listed: {key, title, accounts: [ids]}; key ""
    // when none is.
    selection() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_selection()));
    },

    // [SECTION] files beyond Open and Save (docs/js-api.md, "Files") ----------------------

    // Runs a File menu tool as the menu does: "import-csv" (the file picker for CSV),
    // "export-csv" (the CSV export dialog), "export-json" (downloads the report),
    // "share-link", "forget-local-data". Throws a RangeError for any other name.
    command(name) {
      requireStarted();
      if (typeof name !== 'string' || !withUTF8(name, (ptr) => _app_command(ptr)))
        throw new RangeError(`kamcanvas.command(name): no command named ${JSON.stringify(name)}`);
      return afterFrames(2);
    },

    // The CSV import dialog: null when it is closed, else {file, separator,
    // separatorChoice, decimal, decimalChoice, columns: [{header, target}], rows, accounts,
    // refused, usable, errors, warnings}. `changes` ({separator, decimal, map: {header:
    // target}}) are applied first, as the dialog's controls would; a change that cannot
    // be applied throws a RangeError.
    csvImport(changes) {
      requireStarted();
      const call = (ptr) => JSON.parse(UTF8ToString(_app_csv_import(ptr)));
      const outcome = changes === undefined ? call(0) : withUTF8(JSON.stringify(changes), call);
      if (outcome.error) throw new RangeError(`kamcanvas.csvImport(changes): ${outcome.error}`);
      return outcome.state;
    },

    // The notices shown under the toolbar: [{kind, text}], kind one of "restored",
    // "imported", "storage_failed", "local_data_forgotten", "share_link", "share_failed".
    notices() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_notices()));
    },

    // Autosave: {state: "starting" | "on" | "off" | "failed", savedAt (ms since 1970, or
    // null before the first write), pending (a change not written yet), writing and
    // lastWrite ({frames, bytes, ms} of the write being made and of the last one, or null),
    // restarts (writes dropped because the portfolio changed meanwhile)}; docs/js-api.md.
    autosave() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_autosave_state()));
    },

    // What the start could not open (a broken share link, a refused ?src=), as the
    // problems panel shows it: {source, message}, or null.
    startProblem() {
      requireStarted();
      return JSON.parse(UTF8ToString(_app_start_problem()));
    },

    // A share link of the open portfolio, made as "Copy share link" makes it (without
    // copying it). → Promise of {ok, link, size, limit} or {ok: false, size, limit, reason}.
    shareLink() {
      requireStarted();
      return Module['kcShare'].makeLink(UTF8ToString(_app_save()), location.href);
    },

    // The UI language, "nl" or "en"; with a code, switches to it first.
    language(code) {
      requireStarted();
      if (code === undefined) return UTF8ToString(_app_language(0));
      if (code !== 'nl' && code !== 'en')
        throw new RangeError('kamcanvas.language(code): code must be "nl" or "en"');
      return withUTF8(code, (ptr) => UTF8ToString(_app_language(ptr)));
    },
  };

  window['kamcanvas'] = Object.freeze(api);
})();
