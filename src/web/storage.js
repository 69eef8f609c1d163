// The browser's storage for autosave (linked with --pre-js): one IndexedDB record holding
// the open portfolio's file text (UTF-8 bytes, as a Blob), its file name, when it was
// written and whether it had unsaved changes. A record from before (format 1) holds the
// text as a string instead, and is still read. src/web/session.cpp decides when to write
// (debounced after edits) and what to do with the record at start; this only reads,
// writes and deletes it.
//
// Storage may be missing or refuse (private windows, file:// pages, a full disk, a user
// setting): every call settles, with an Error whose message says why, and never throws.
// Nothing leaves the browser.

Module['kcStorage'] = (function () {
  'use strict';

  const databaseName = 'kamcanvas';
  const storeName = 'work';
  const recordKey = 'current';
  // Opening can hang when the browser asks the user or another tab blocks an upgrade:
  // the app does not wait longer than this for its start document. Generous, because a
  // timeout turns autosave off for the page: a busy machine (measured: over 4 s on a loaded
  // one, in a fresh profile) must not cost the user their autosave.
  const openTimeoutMs = 15000;

  let database = null;   // a Promise of the open IDBDatabase

  function withTimeout(promise, ms, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
      promise.then((value) => { clearTimeout(timer); resolve(value); },
                   (error) => { clearTimeout(timer); reject(error); });
    });
  }

  function describe(error) {
    if (!error) return 'unknown error';
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : String(error.message || error);
  }

  function openDatabase() {
    if (database) return database;
    database = withTimeout(new Promise((resolve, reject) => {
      const factory = typeof indexedDB === 'undefined' ? null : indexedDB;
      if (!factory) throw new Error('IndexedDB is not available');
      const request = factory.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab deleting the database ("forget local data") must not be blocked by us.
        db.onversionchange = () => { db.close(); database = null; };
        resolve(db);
      };
      request.onerror = () => reject(request.error || new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }), openTimeoutMs, 'opening IndexedDB');
    database.catch(() => { database = null; });   // a later call may try again
    return database;
  }

  // Runs `use(store)` in one transaction; resolves with the request's result once the
  // transaction has completed (so a write is on disk, not only queued).
  function transact(mode, use) {
    return openDatabase().then((db) => new Promise((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = use(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(transaction.error || new Error('the transaction was aborted'));
      transaction.onerror = () => reject(transaction.error || request.error);
    }));
  }

  // The stored text: a Uint8Array of the bytes (format 2), a string (format 1), or null
  // when the record holds neither.
  async function contentOf(record) {
    if (!record) return null;
    if (record.bytes instanceof Blob) return new Uint8Array(await record.bytes.arrayBuffer());
    return typeof record.text === 'string' ? record.text : null;
  }

  return {
    // → Promise of {name, content (the text: bytes or a string), savedAt (ms since 1970),
    // unsaved} or null when nothing is stored.
    async load() {
      try {
        const record = await transact('readonly', (store) => store.get(recordKey));
        const content = await contentOf(record);
        return content === null ? null : {
          name: typeof record.name === 'string' ? record.name : '',
          content,
          savedAt: Number(record.savedAt) || 0,
          unsaved: !!record.unsaved,
        };
      } catch (error) {
        throw new Error(describe(error));
      }
    },

    // `bytes`: a Blob of the file's text. → Promise of when it was written, once written.
    save(name, bytes, unsaved) {
      const record = { format: 2, name, bytes, savedAt: Date.now(), unsaved: !!unsaved };
      return transact('readwrite', (store) => store.put(record, recordKey))
        .then(() => record.savedAt)
        .catch((error) => { throw new Error(describe(error)); });
    },

    // Deletes the whole database. → Promise, resolved once it is gone.
    forget() {
      const closing = database ? database.then((db) => db.close(), () => {}) : Promise.resolve();
      database = null;
      return closing.then(() => new Promise((resolve, reject) => {
        const factory = typeof indexedDB === 'undefined' ? null : indexedDB;
        if (!factory) { resolve(); return; }   // nothing can have been stored
        const request = factory.deleteDatabase(databaseName);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error(describe(request.error)));
        request.onblocked = () => resolve();   // done once the other tabs close theirs
      }));
    },

    describe,
  };
})();
