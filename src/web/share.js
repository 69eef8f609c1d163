// Share links and same-origin sources (linked with --pre-js; also loaded by the node tests
// in tests/web/share_link.test.mjs).
//
// A share link carries the portfolio in the URL fragment: #p= followed by the portfolio
// text deflated (the browser's CompressionStream, 'deflate-raw') and base64url-encoded.
// Browsers never send the fragment to the server, so the data goes from one browser to
// the other inside the link only. Links are made here and read in C++
// (src/core/share_link.hpp, through start.js): the decoder that faces untrusted links is
// the one the fuzzer tests. Opening one then goes through the same reader as a file.
//
// `?src=path/file.json` names a file on the same static host (relative to the page):
// anything with a scheme, a host or another origin is refused before a request is made.
//
// Every function here settles on any input, garbage included: a timeout ends anything
// that hangs.

Module['kcShare'] = (function () {
  'use strict';

  const fragmentPrefix = '#p=';
  // The most characters of data a link may carry: kShareLinkMaxData of
  // src/core/share_link.hpp, which refuses to read more. 32,000 characters keep a link
  // usable in mail, chat and browsers' address bars (all take far longer URLs, but pasting
  // and reading such links gets unwieldy beyond this); it holds about 24 KB deflated, a
  // portfolio of a few hundred accounts.
  const maxLinkData = 32000;
  const timeoutMs = 10000;
  const maxSourceLength = 2048;

  class LinkError extends Error {}

  function withTimeout(promise, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new LinkError(`${what} took too long`)), timeoutMs);
      promise.then((value) => { clearTimeout(timer); resolve(value); },
                   (error) => { clearTimeout(timer); reject(error); });
    });
  }

  // [SECTION] base64url -------------------------------------------------------------------
  function toBase64Url(bytes) {
    let binary = '';
    const chunk = 0x8000;   // String.fromCharCode takes a limited number of arguments
    for (let i = 0; i < bytes.length; i += chunk)
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // [SECTION] compression ---------------------------------------------------------------
  function hasCompression() {
    return typeof CompressionStream === 'function';
  }

  async function deflate(text) {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // [SECTION] links ------------------------------------------------------------------------

  // The link that opens `text`: `pageUrl` without its fragment and ?src=, then #p=….
  // → Promise of {ok: true, link, size, limit} or {ok: false, size, limit, reason}; reason
  // '' means too big for a link.
  async function makeLink(text, pageUrl) {
    if (!hasCompression())
      return { ok: false, size: 0, limit: maxLinkData, reason: 'this browser cannot compress (CompressionStream is missing)' };
    try {
      const data = toBase64Url(await withTimeout(deflate(String(text)), 'compressing'));
      if (data.length > maxLinkData) return { ok: false, size: data.length, limit: maxLinkData, reason: '' };
      const url = new URL(pageUrl);
      url.searchParams.delete('src');
      url.hash = '';
      return { ok: true, link: `${url.href}${fragmentPrefix}${data}`, size: data.length, limit: maxLinkData };
    } catch (error) {
      return { ok: false, size: 0, limit: maxLinkData, reason: String(error && error.message || error) };
    }
  }

  function isLink(hash) {
    return typeof hash === 'string' && hash.startsWith(fragmentPrefix);
  }

  // [SECTION] ?src= ------------------------------------------------------------------------

  // `source` resolved against `pageUrl`, when it is a relative path on the page's own
  // origin. → {ok: true, url, name} or {ok: false, message}.
  function sourceUrl(source, pageUrl) {
    const refuse = (why) => ({ ok: false, message: `?src=${String(source).slice(0, 80)} is refused: ${why}` });
    if (typeof source !== 'string' || source === '') return refuse('it is empty');
    if (source.length > maxSourceLength) return refuse('it is too long');
    // A scheme (http:, data:, javascript:), a network path (//host) or a backslash
    // (which URL parsing turns into a slash) could leave the origin: only plain paths.
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(source) || source.startsWith('//') || /[\\\u0000-\u001f]/.test(source))
      return refuse('only a relative path on this site is allowed');
    let page, url;
    try {
      page = new URL(pageUrl);
      url = new URL(source, page);
    } catch (error) {
      return refuse('it is not a path');
    }
    if (page.protocol !== 'http:' && page.protocol !== 'https:')
      return refuse('files are read from the same web server only, and this page is not served by one');
    if (url.origin !== page.origin) return refuse('it is on another site');
    const segments = url.pathname.split('/');
    let name = segments[segments.length - 1] || 'portfolio.kamcanvas.json';
    try { name = decodeURIComponent(name); } catch (error) { /* keep it encoded */ }
    return { ok: true, url: url.href, name };
  }

  // Fetches a checked source. mode 'same-origin' makes a redirect to another origin fail
  // as well. → Promise of {ok: true, name, bytes} or {ok: false, message}.
  async function fetchSource(checked) {
    try {
      const response = await withTimeout(fetch(checked.url, { mode: 'same-origin', credentials: 'same-origin' }),
                                         `loading ${checked.name}`);
      if (!response.ok) return { ok: false, message: `${checked.name} could not be loaded: HTTP ${response.status}` };
      const bytes = new Uint8Array(await withTimeout(response.arrayBuffer(), `loading ${checked.name}`));
      return { ok: true, name: checked.name, bytes };
    } catch (error) {
      return { ok: false, message: `${checked.name} could not be loaded: ${error && error.message || error}` };
    }
  }

  return { makeLink, isLink, sourceUrl, fetchSource, maxLinkData, toBase64Url };
})();
