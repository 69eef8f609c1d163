// What the app opens at start, and the JS half of autosave (linked with --pre-js, after
// browser.js, share.js and storage.js; the C++ half is src/web/session.cpp).
//
// At start, after the bundled example is open, C++ calls kcSession.start(), which picks
// the first of:
//   1. a share link in the address (#p=…)            → read by C++, opened like a file the user chose
//   2. ?src=relative/path.json on the same site       → fetched, opened the same way
//   3. work autosaved in this browser earlier          → restored, with a notice
//   4. nothing: the example stays.
// The address is then cleaned of #p= and ?src=, so a reload brings back the latest
// (autosaved) work instead of the link's original. Whatever happens, C++ hears
// _app_start_finished exactly once; window.kamcanvas.ready waits for it.

Module['kcSession'] = (function () {
  'use strict';

  const encoder = new TextEncoder();

  // `text` (a string) or `bytes` as a malloc'ed buffer; C++ frees it. → [ptr, length].
  function toWasm(value) {
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    const ptr = _malloc(bytes.length + 1);
    if (!ptr) throw new Error(`not enough memory for ${bytes.length} bytes`);
    HEAPU8.set(bytes, ptr);   // HEAPU8 read after _malloc: memory may have grown
    HEAPU8[ptr + bytes.length] = 0;
    return [ptr, bytes.length];
  }

  function cString(text) { return toWasm(String(text))[0]; }

  // "14:32" today, else "2025-03-12 14:32": when the stored work was written, local time.
  function localTime(ms) {
    const at = new Date(ms), now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
    const sameDay = at.toDateString() === now.toDateString();
    return sameDay ? time : `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`;
  }

  function openFile(name, bytes) {
    const [data, size] = toWasm(bytes);
    _app_file_opened(cString(name), data, size);
  }

  function failed(source, message) {
    _app_start_failed(cString(source), cString(message));
  }

  // Drops #p= and ?src= from the address without reloading or adding a history entry.
  function cleanAddress() {
    try {
      const url = new URL(location.href);
      url.searchParams.delete('src');
      url.hash = '';
      history.replaceState(history.state, '', url.href);
    } catch (error) { /* an address that cannot be rewritten only costs a reload's comfort */ }
  }

  // The C++ core reads the link (src/core/share_link.hpp: base64url, inflate, UTF-8, each
  // checked and bounded) at the start of the next frame: the fragment goes over as it is.
  function openLink() {
    const fragment = location.hash;
    cleanAddress();
    _app_open_share_link(cString(fragment));
  }

  async function openSource(source) {
    const checked = Module['kcShare'].sourceUrl(source, location.href);
    const outcome = checked.ok ? await Module['kcShare'].fetchSource(checked) : checked;
    cleanAddress();
    if (outcome.ok) openFile(outcome.name, outcome.bytes);
    else failed(`?src=${String(source).slice(0, 80)}`, outcome.message);
  }

  // → '' when storage works (whether or not something was stored), else why not.
  async function restoreWork() {
    try {
      const record = await Module['kcStorage'].load();
      if (record) {
        // Big work is read in pieces, the page showing how far (browser.js); the rest, or
        // what the pieces leave to a whole read, the usual way.
        const restoring = { savedAt: localTime(record.savedAt), unsaved: record.unsaved };
        const browser = Module['kcBrowser'];
        if (record.content.length >= browser.piecewiseFromBytes &&
            await browser.openInPieces(record.name, record.content, restoring)) return '';
        const [text, size] = toWasm(record.content);
        _app_start_restore(cString(record.name), text, size, cString(restoring.savedAt), restoring.unsaved ? 1 : 0);
      }
      return '';
    } catch (error) {
      return String(error && error.message || error);
    }
  }

  async function start() {
    let storageProblem = '';
    try {
      const source = new URLSearchParams(location.search).get('src');
      if (Module['kcShare'].isLink(location.hash)) openLink();
      else if (source !== null) await openSource(source);
      else storageProblem = await restoreWork();
    } catch (error) {
      failed('start', String(error && error.message || error));
    }
    _app_start_finished(storageProblem ? cString(storageProblem) : 0);
  }

  // [SECTION] autosave: C++ decides when; this writes and reports back -----------------
  // C++ makes the text a few milliseconds a frame and hands over each frame's bytes;
  // once the last is here it asks for them to be stored. A write dropped half-way (the
  // portfolio changed meanwhile) drops its pieces.
  let pieces = [];

  function addPiece(bytes) { pieces.push(bytes); }

  function dropPieces() { pieces = []; }

  function save(name, unsaved) {
    const whole = pieces;
    pieces = [];
    // A Blob the browser cannot make (no memory for it) fails the write like storage does.
    new Promise((resolve) => resolve(new Blob(whole, { type: 'application/json' })))
      .then((bytes) => Module['kcStorage'].save(name, bytes, unsaved))
      .then((savedAt) => _app_storage_saved(savedAt),
            (error) => _app_storage_failed(cString(String(error && error.message || error))));
  }

  function forget() {
    Module['kcStorage'].forget().then(
      () => _app_local_data_forgotten(0),
      (error) => _app_local_data_forgotten(cString(error.message)));
  }

  // Edits made just before the tab is hidden or closed would otherwise wait for the
  // autosave's quiet moment: write them now (the browser lets a hidden page finish).
  function installFlush() {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') _app_autosave_flush();
    });
    window.addEventListener('pagehide', () => _app_autosave_flush());
  }

  // [SECTION] share links made from the File menu --------------------------------------
  function makeShareLink(text) {
    return Module['kcShare'].makeLink(text, location.href).then((outcome) => {
      if (outcome.ok && navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(outcome.link).catch(() => {});   // the notice shows it too
      _app_share_link_made(outcome.ok ? 1 : 0, cString(outcome.link || ''), outcome.size, outcome.limit,
                           cString(outcome.reason || ''));
      return outcome;
    });
  }

  return { start, addPiece, dropPieces, save, forget, installFlush, makeShareLink };
})();
