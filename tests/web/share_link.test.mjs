// The share-link codec and the ?src= check of src/web/share.js, run in node (which has the
// same CompressionStream and DecompressionStream as the browser): links round-trip any
// portfolio text, and no broken link — random data, cut off, bit flips, wrong alphabet,
// too long, a deflate bomb, bytes that are not UTF-8 — throws or hangs: each one settles
// with a message. tests/web/files.test.mjs opens links in the app itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dataDir, exampleFile, repoDir } from './harness.mjs';

// share.js is a --pre-js file: it assigns Module.kcShare.
const Module = {};
new Function('Module', readFileSync(path.join(repoDir, 'src/web/share.js'), 'utf8'))(Module);
const share = Module.kcShare;
const page = 'https://example.test/kamcanvas/index.html';

async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A deterministic random source, so a failure can be replayed.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// readLink must settle within the codec's own time limit, with {ok:false, message}.
async function assertRefused(hash, why) {
  const started = Date.now();
  const outcome = await share.readLink(hash);
  assert.equal(outcome.ok, false, `${why}: a broken link was read as ${JSON.stringify(outcome).slice(0, 200)}`);
  assert.equal(typeof outcome.message, 'string');
  assert.ok(outcome.message.length > 0, `${why}: no message`);
  assert.ok(Date.now() - started < 11000, `${why}: took ${Date.now() - started} ms`);
  return outcome.message;
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
    assert.deepEqual(await share.readLink(url.hash), { ok: true, text });
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

test('garbage in the fragment is refused with a message, never thrown', async () => {
  const next = random(20240601);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 300; ++i) {
    const length = Math.floor(next() * 400);
    let data = '';
    for (let j = 0; j < length; ++j) data += alphabet[Math.floor(next() * alphabet.length)];
    const outcome = await share.readLink(`#p=${data}`);
    // Random data may by chance inflate to something; what it must never do is throw.
    assert.equal(typeof outcome.ok, 'boolean');
    if (outcome.ok) assert.equal(typeof outcome.text, 'string');
    else assert.ok(outcome.message);
  }
  await assertRefused('#p=', 'no data');
  await assertRefused('#p=abc', 'length 3 mod 4 of nothing');
  await assertRefused('#p=a', 'one character');
  await assertRefused('#p=AAAA+/==', 'standard base64');
  await assertRefused('#p=%E2%82%AC', 'percent-encoded');
  await assertRefused('#p=ü€', 'not ASCII');
  await assertRefused('#p=' + 'A'.repeat(share.maxLinkData + 1), 'too long');
  await assertRefused('#q=AAAA', 'not a link');
  await assertRefused(null, 'not a string');
});

test('a real link cut off, or with bits flipped, is refused or read, never thrown', async () => {
  const text = readFileSync(exampleFile, 'utf8');
  const { link } = await share.makeLink(text, page);
  const data = new URL(link).hash.slice(3);
  for (let cut = 0; cut < data.length; cut += Math.max(1, Math.floor(data.length / 150)))
    await assertRefused(`#p=${data.slice(0, cut)}`, `cut at ${cut}`);
  const next = random(99);
  for (let i = 0; i < 200; ++i) {
    const chars = data.split('');
    const at = Math.floor(next() * chars.length);
    chars[at] = chars[at] === 'A' ? 'B' : 'A';
    const outcome = await share.readLink(`#p=${chars.join('')}`);
    // A flipped bit may still inflate (deflate has no checksum): the app's reader then
    // checks the text like any file. It must be text and not the original.
    if (outcome.ok) assert.notEqual(outcome.text, text);
    else assert.ok(outcome.message);
  }
});

test('a deflate bomb stops at the limit, and bytes that are not UTF-8 are refused', async () => {
  const bomb = await deflateRaw(new Uint8Array(20 * 1024 * 1024));   // 20 MB of zeros
  const bombData = share.toBase64Url(bomb);
  assert.ok(bombData.length <= share.maxLinkData, 'the bomb fits in a link');
  assert.match(await assertRefused(`#p=${bombData}`, 'deflate bomb'), /more than 8 MB/);

  const latin1 = await deflateRaw(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]));   // {"é"} in Latin-1
  assert.match(await assertRefused(`#p=${share.toBase64Url(latin1)}`, 'Latin-1'), /UTF-8/);

  // Junk after the end of the deflated data: browsers refuse it (the Compression Streams
  // standard says so), node's zlib ignores it; either way nothing but the data is read.
  const trailing = new Uint8Array([...await deflateRaw(new TextEncoder().encode('{}')), 1, 2, 3]);
  const withJunk = await share.readLink(`#p=${share.toBase64Url(trailing)}`);
  assert.ok(withJunk.ok ? withJunk.text === '{}' : withJunk.message, JSON.stringify(withJunk));
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
