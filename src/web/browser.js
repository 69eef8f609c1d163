// The browser side of src/web/browser.cpp (linked with --pre-js): file picker, drag-and-drop,
// download, clipboard, the app's shortcut keys, language, cursor. C++ calls in through
// Module.kcBrowser (thin EM_JS wrappers); files and pastes go back through the KEEPALIVE
// exports _app_file_opened and _app_clipboard_pasted, which only queue them for the next frame.
// Nothing here makes a request: files are read locally and downloads are in-memory Blobs
// (the service worker registered here fetches only the site's own files).

Module['kcBrowser'] = (function () {
  'use strict';

  // Copies a JS string into wasm memory (UTF-8, 0-terminated); the callee frees it.
  function newUTF8(text) {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
  }

  // Hands one file's bytes to the app (C++ takes ownership of both buffers).
  function deliverFile(name, bytes) {
    const namePtr = newUTF8(name);
    const dataPtr = _malloc(Math.max(1, bytes.length));
    if (!namePtr || !dataPtr) {
      if (namePtr) _free(namePtr);
      if (dataPtr) _free(dataPtr);
      console.error(`kamcanvas: not enough memory to open ${name} (${bytes.length} bytes)`);
      return;
    }
    HEAPU8.set(bytes, dataPtr);   // HEAPU8 read after _malloc: memory may have grown
    _app_file_opened(namePtr, dataPtr, bytes.length);
  }

  // [SECTION] big files: read in pieces (src/web/open_in_pieces.cpp) -------------------
  // From this size on a portfolio file is read in pieces, with frames showing the progress
  // in between: pieces are read for up to `readingSliceMs` (a task no longer than the
  // browser's "long task"), then the browser may draw and handle input. A piece takes the
  // reader some 5-10 ms.
  const piecewiseFromBytes = 1 << 20;   // also start.js's, for restored work
  const pieceBytes = 256 << 10;
  const readingSliceMs = 50;
  const encoder = new TextEncoder();

  // Lets the browser draw a frame and handle input before the next piece. A message to
  // ourselves comes back at once (nested setTimeout(0) calls wait 4 ms each).
  function nextTurn() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }

  // Copies the piece of `source` (bytes or a string) that starts at `at` into wasm memory
  // at `buffer`. → [bytes copied, where the next piece starts].
  function copyPiece(source, at, buffer) {
    const target = HEAPU8.subarray(buffer, buffer + pieceBytes);   // HEAPU8 anew: memory may have grown
    if (typeof source !== 'string') {
      const piece = source.subarray(at, at + pieceBytes);
      target.set(piece);
      return [piece.length, at + piece.length];
    }
    // A piece of the string never ends between the two halves of a surrogate pair: each
    // half alone would be encoded as U+FFFD. encodeInto stops before a character that
    // does not fit, so `read` says where the next piece starts.
    let end = Math.min(at + pieceBytes, source.length);
    const last = source.charCodeAt(end - 1);
    if (end < source.length && last >= 0xD800 && last <= 0xDBFF) end -= 1;
    const { read, written } = encoder.encodeInto(source.substring(at, end), target);
    return [written, at + read];
  }

  let progress = null;   // {name, read, total} while a file is read in pieces (kamcanvas.reading())

  async function readInPieces(name, source, restoring) {
    const buffer = _app_pieces_begin(newUTF8(name), source.length, pieceBytes);
    if (!buffer) return null;
    if (restoring) _app_pieces_restoring(newUTF8(restoring.savedAt), restoring.unsaved ? 1 : 0);
    progress = { name, read: 0, total: source.length };
    try {
      let sliceStart = performance.now();
      for (let at = 0; at < source.length;) {
        let copied;
        [copied, at] = copyPiece(source, at, buffer);
        progress.read = at;
        if (!_app_pieces_feed(copied)) break;
        if (performance.now() - sliceStart >= readingSliceMs) {
          await nextTurn();
          sliceStart = performance.now();
        }
      }
    } catch (error) {
      _app_pieces_cancel();
      throw error;
    } finally {
      progress = null;
    }
    const reply = _app_pieces_end();
    return reply ? JSON.parse(UTF8ToString(reply)) : null;
  }

  // Opens `source` (a Uint8Array or a string) as the portfolio file `name`, reading it in
  // pieces. → a Promise of {ok, errors, warnings} as kamcanvas.load gives them, or of null
  // when the app needs the whole file (text that is not well-formed JSON: its error is
  // placed by line and column in the whole text); nothing was opened then. One file at a
  // time: a second call waits for the first. `restoring` ({savedAt, unsaved}): the file is
  // work autosaved earlier, restored at start (src/web/start.js).
  let reading = Promise.resolve();
  function openInPieces(name, source, restoring = null) {
    const run = reading.then(() => readInPieces(name, source, restoring));
    reading = run.catch(() => {});
    return run;
  }

  function isCsvName(name) { return /\.(csv|tsv|txt)$/i.test(name); }

  function readFile(file) {
    file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      if (bytes.length < piecewiseFromBytes || isCsvName(file.name)) return deliverFile(file.name, bytes);
      return openInPieces(file.name, bytes).then((opened) => { if (!opened) deliverFile(file.name, bytes); });
    }).catch((error) => console.error(`kamcanvas: could not read ${file.name}: ${error}`));
  }

  // [SECTION] open: one hidden <input type=file>, reused -------------------------------
  let fileInput = null;
  function pickFile(accept) {
    if (!fileInput) {
      fileInput = document.createElement('input');
      fileInput.type = 'file';
      fileInput.hidden = true;
      fileInput.addEventListener('change', () => {
        const file = fileInput.files && fileInput.files[0];
        fileInput.value = '';     // picking the same file again must fire 'change' again
        if (file) readFile(file);
      });
      document.body.appendChild(fileInput);
    }
    fileInput.accept = accept;
    // Called from the frame after a click or key press: still inside the browser's
    // user-activation window, so the picker is allowed to open.
    fileInput.click();
  }

  // [SECTION] drag-and-drop: our own listeners (GLFW's need the filesystem, which is off) --
  function hasFiles(event) {
    const types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }
  function installDrop() {
    document.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();              // allows the drop instead of navigating to the file
      event.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer.files[0];   // one portfolio at a time: the first file
      if (file) readFile(file);
    });
  }

  // [SECTION] download: an in-memory Blob through <a download> -------------------------
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // A PNG from RGBA pixels (top row first): a 2D canvas encodes it, then it downloads
  // like any other file. Nothing leaves the page.
  function downloadPng(name, rgba, width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer), width, height), 0, 0);
    canvas.toBlob((blob) => {
      if (!blob) { console.error(`kamcanvas: could not encode ${name}`); return; }
      blob.arrayBuffer().then((buffer) => download(name, 'image/png', new Uint8Array(buffer)));
    }, 'image/png');
  }

  // [SECTION] clipboard ----------------------------------------------------------------
  // Copy: the system clipboard where the browser allows it (async; may be refused without
  // focus or permission) — C++ keeps a local copy either way.
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).catch(() => {});
  }
  // Paste: the browser gives the clipboard only to a 'paste' event. Ctrl+V also reaches
  // ImGui as a key, and ImGui then pastes from the local copy, so the event just refreshes
  // that copy (typing the text as well would paste twice, and ImGui ignores typed characters
  // while Ctrl is down). Any other paste (Cmd+V, the browser's menu) is typed into the
  // focused field as characters.
  let lastKeyWasCtrlV = false;
  function installPaste() {
    window.addEventListener('keydown', (event) => {
      lastKeyWasCtrlV = event.ctrlKey && !event.metaKey && !event.altKey &&
        (event.key === 'v' || event.key === 'V');
    }, true);
    document.addEventListener('paste', (event) => {
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      if (!text) return;
      event.preventDefault();
      const ptr = newUTF8(text);
      if (ptr) _app_clipboard_pasted(ptr, lastKeyWasCtrlV ? 1 : 0);
      lastKeyWasCtrlV = false;
    });
  }

  // [SECTION] the app's own shortcuts: keep the browser from acting on them --------------
  // Ctrl/Cmd + O (browser: open file), S (save page), Z / Shift+Z / Y (undo, redo). The key
  // still reaches GLFW and ImGui: preventDefault does not stop other listeners.
  const appShortcutKeys = new Set(['o', 's', 'z', 'y']);
  function installShortcuts() {
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey &&
          appShortcutKeys.has(event.key.toLowerCase()))
        event.preventDefault();
    }, true);
  }

  // [SECTION] leaving the page with unsaved edits: let the browser ask first ------------
  function installLeaveGuard() {
    window.addEventListener('beforeunload', (event) => {
      if (!_app_has_unsaved_changes()) return;
      event.preventDefault();
      event.returnValue = '';   // older browsers need both to show their "leave page?" dialog
    });
  }

  // [SECTION] offline: the service worker (web/sw.js) ------------------------------------
  // Only where the browser has one and the page comes from a web server: a file:// page
  // (the one-file build) has nothing to cache and cannot register one. Registered once the
  // app is on screen (api.js, as ready resolves), and not before the page's load event:
  // installing it fetches every file of the site once more, and on a first visit that
  // would compete with the .wasm download and the first frames, which come after load.
  function registerServiceWorker() {
    const served = location.protocol === 'https:' || location.protocol === 'http:';
    if (!served || !('serviceWorker' in navigator)) return;
    const register = () => navigator.serviceWorker.register('sw.js', { scope: './' }).catch((error) => {
      console.warn(`kamcanvas: no offline use (the service worker did not register: ${error})`);
    });
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }

  // [SECTION] language and cursor ------------------------------------------------------
  function prefersDutch() {
    const languages = navigator.languages && navigator.languages.length
      ? navigator.languages : [navigator.language || ''];
    for (const tag of languages) {
      const code = String(tag).toLowerCase();
      if (code === 'nl' || code.startsWith('nl-')) return true;
      if (code === 'en' || code.startsWith('en-')) return false;
    }
    return false;
  }

  function setCursor(css) {
    if (Module['canvas'].style.cursor !== css) Module['canvas'].style.cursor = css;
  }

  return {
    installHooks() {
      installDrop(); installPaste(); installShortcuts(); installLeaveGuard();
    },
    registerServiceWorker,
    pickFile,
    openInPieces,
    reading: () => (progress ? Object.assign({}, progress) : null),
    piecewiseFromBytes,
    download,
    downloadPng,
    copyText,
    prefersDutch,
    setCursor,
  };
})();
