// The share-link maker and the ?src= check of src/web/share.js, run in node (which has the
// same CompressionStream as the browser): a link carries the portfolio text exactly, read
// back here with node's zlib, and a portfolio too big for a link is refused with its size.
// Links are read by the C++ core (src/core/share_link.hpp): its tests, every kind of
// broken link included, are in tests/core/share_link_test.cpp; tests/web/files.test.mjs
// and bad_input.test.mjs open links in the app itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { dataDir, exampleFile, repoDir } from './harness.mjs';

// share.js is a --pre-js file: it assigns Module.kcShare.
const Module = {};
new Function('Module', readFileSync(path.join(repoDir, 'src/web/share.js'), 'utf8'))(Module);
const share = Module.kcShare;
const page = 'https://example.test/kamcanvas/index.html';

// A deterministic random source, so a failure can be replayed.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('a link carries the portfolio text exactly, and only in the fragment', async () => {
  for (const file of [exampleFile, path.join(dataDir, 'examples/unicode.json'), path.join(dataDir, 'examples/synthetic-40.json')]) {
    const text = readFileSync(file, 'utf8');
    const made = await share.makeLink(text, `${page}?src=examples/other.json#p=old`);
    assert.equal(made.ok, true, file);
    const url = new URL(made.link);
    assert.equal(url.origin + url.pathname, 'https://example.test/kamcanvas/index.html');
    assert.equal(url.search, '', 'a ?src= of the page is not carried over');
    assert.match(url.hash, /^#p=[A-Za-z0-9_-]+$/);
    assert.equal(made.size, url.hash.length - 3);
    assert.ok(made.size < text.length, 'the data is compressed');
    const data = Buffer.from(url.hash.slice(3), 'base64url');
    assert.equal(data.toString('base64url'), url.hash.slice(3), 'base64url without padding');
    assert.equal(zlib.inflateRawSync(data).toString('utf8'), text);
  }
});

test('a portfolio too big for a link is refused with its size and the limit', async () => {
  // Text that does not compress: random digits.
  const next = random(7);
  let text = '';
  while (text.length < 60000) text += Math.floor(next() * 1e9).toString(36);
  const made = await share.makeLink(text, page);
  assert.equal(made.ok, false);
  assert.equal(made.reason, '');
  assert.equal(made.limit, share.maxLinkData);
  assert.ok(made.size > made.limit);
});

test('?src= takes a relative path on the page\'s own site only', () => {
  const ok = share.sourceUrl('examples/zuivelhoeve.kamcanvas.json', page);
  assert.deepEqual(ok, { ok: true, url: 'https://example.test/kamcanvas/examples/zuivelhoeve.kamcanvas.json',
    name: 'zuivelhoeve.kamcanvas.json' });
  assert.equal(share.sourceUrl('../data/klanten%20Q3.csv', page).name, 'klanten Q3.csv');
  assert.equal(share.sourceUrl('/other/file.json', page).url, 'https://example.test/other/file.json');
  for (const refused of ['https://evil.test/p.json', 'http://example.test/p.json', '//evil.test/p.json',
    'javascript:alert(1)', 'data:application/json,{}', '\\\\evil.test\\p.json', '/\\evil.test/p.json',
    'blob:https://example.test/x', 'p.json\n', '', 'x'.repeat(3000)]) {
    const outcome = share.sourceUrl(refused, page);
    assert.equal(outcome.ok, false, JSON.stringify(refused));
    assert.match(outcome.message, /refused/);
  }
  assert.equal(share.sourceUrl('p.json', 'file:///media/usb/kamcanvas.html').ok, false, 'no server: nothing to fetch');
});
