// window.kamcanvas against the spec and the shared data: analyze() equals the expected
// reports (1e-9 tolerance), a bad file is refused with the expected place and changes
// nothing, save() round-trips without loss, arguments are checked, and a 100,000-account
// portfolio opens through the file picker and draws (32-bit draw indices).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoProblems, dataDir, distinctColours, exampleFile, expectedSummary, launchBrowser, openApp,
  readText, waitFor,
} from './harness.mjs';

let browser;
let app;   // one page for every test here: each test loads what it needs
before(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
});
after(async () => {
  if (app) assertNoProblems(app.problems);
  await browser?.close();
});

const load = (text, name) => app.page.evaluate(([t, n]) => kamcanvas.load(t, n), [text, name]);
const call = (method, ...args) => app.page.evaluate(([m, a]) => kamcanvas[m](...a), [method, args]);

const examples = readdirSync(path.join(dataDir, 'examples')).filter((f) => f.endsWith('.json')).sort();
const badFiles = readdirSync(path.join(dataDir, 'bad')).filter((f) => f.endsWith('.json')).sort();

// Report keys the spec has; anything else at the top must be a documented extension
// (docs/analysis-extensions.md), which the shared expected reports leave out.
const extensionKeys = new Set(['migration', 'breakdowns', 'weighting']);

// Deep equality where numbers may differ by 1e-9, relative to their size (at least 1).
function assertClose(actual, expected, where = '') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
    assert.ok(Math.abs(actual - expected) <= tolerance, `${where || '/'}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: array length`);
    expected.forEach((item, i) => assertClose(actual[i], item, `${where}/${i}`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual),
      `${where}: expected an object, got ${JSON.stringify(actual)}`);
    const extra = Object.keys(actual).filter((k) => !(k in expected));
    const allowed = where === '' ? extra.filter((k) => !extensionKeys.has(k)) : extra;
    assert.deepEqual(allowed, [], `${where || '/'}: keys not in the expected report`);
    for (const key of Object.keys(expected)) {
      assert.ok(key in actual, `${where}/${key}: missing`);
      assertClose(actual[key], expected[key], `${where}/${key}`);
    }
  } else {
    assert.deepEqual(actual, expected, where);
  }
}

function expectedPlaceMatches(place, expected) {
  // "3:" names a line (any column); a JSON Pointer names a value or anything inside it.
  if (expected.endsWith(':')) return place.startsWith(expected);
  return place === expected || place.startsWith(expected === '/' ? '/' : expected + '/');
}

test('analyze() equals the expected report of every shared example', async () => {
  for (const file of examples) {
    const result = await load(readText(path.join(dataDir, 'examples', file)), file);
    assert.equal(result.ok, true, `${file}: ${JSON.stringify(result.errors)}`);
    const expected = JSON.parse(readText(path.join(dataDir, 'expected', file.replace(/\.json$/, '.report.json'))));
    assertClose(await call('analyze'), expected, '');
  }
});

test('analyze() equals the expected report of the real data sets', async () => {
  for (const name of ['northwind', 'superstore']) {
    const result = await load(readText(path.join(dataDir, 'real', `${name}.kamcanvas.json`)));
    assert.equal(result.ok, true, `${name}: ${JSON.stringify(result.errors)}`);
    assertClose(await call('analyze'), JSON.parse(readText(path.join(dataDir, 'real', `${name}.report.json`))), '');
  }
});

test('analyze(year) analyses that year; a year that is not an integer is refused', async () => {
  await load(readText(path.join(dataDir, 'examples/retention.json')));
  const ownYear = (await call('analyze')).year;
  assert.equal((await call('analyze', ownYear - 1)).year, ownYear - 1);
  assert.equal((await call('analyze', null)).year, ownYear);
  await assert.rejects(call('analyze', 2024.5), /year must be an integer/);
  await assert.rejects(call('analyze', '2024'), /year must be an integer/);
});

test('summary() tells name, accounts and analysis year', async () => {
  for (const file of ['examples/no-year.json', 'examples/empty.json', 'examples/unicode.json']) {
    const full = path.join(dataDir, file);
    assert.equal((await load(readText(full))).ok, true);
    assert.deepEqual(await call('summary'), expectedSummary(full), file);
  }
});

test('every bad file is refused with the expected place and changes nothing', async () => {
  const good = readText(exampleFile);
  assert.equal((await load(good)).ok, true);
  const summaryBefore = await call('summary');
  const savedBefore = await call('save');
  for (const file of badFiles) {
    const expectedPlace = readText(path.join(dataDir, 'bad', file.replace(/\.json$/, '.expect'))).trim();
    const result = await load(readText(path.join(dataDir, 'bad', file)), file);
    assert.equal(result.ok, false, `${file} was accepted`);
    assert.ok(result.errors.length > 0, `${file}: ok false without errors`);
    for (const error of result.errors) {
      assert.equal(typeof error.place, 'string');
      assert.ok(error.message.length > 0, `${file}: an error without a message`);
    }
    assert.ok(result.errors.some((e) => expectedPlaceMatches(e.place, expectedPlace)),
      `${file}: no error at ${expectedPlace}: ${JSON.stringify(result.errors)}`);
    assert.deepEqual(await call('summary'), summaryBefore, `${file} changed the summary`);
    assert.equal(await call('save'), savedBefore, `${file} changed the portfolio`);
  }
});

test('save() round-trips: what it writes loads back to the same text and loses nothing', async () => {
  for (const file of [...examples.map((f) => path.join(dataDir, 'examples', f)), exampleFile,
    path.join(dataDir, 'real/northwind.kamcanvas.json')]) {
    const original = readText(file);
    assert.equal((await load(original)).ok, true, file);
    const saved = await call('save');
    assert.deepEqual(JSON.parse(saved), JSON.parse(original), `${file}: save() lost or changed data`);
    assert.equal((await load(saved)).ok, true, file);
    assert.equal(await call('save'), saved, `${file}: a second save differs`);
  }
});

test('load() reports warnings and refuses what is not a string', async () => {
  const result = await load('{"kamcanvas": 1, "accounts": [{"id": "a", "name": "A", "status": "active", ' +
    '"revenue": {"2025": 200}, "wallet": {"2025": 100}}]}');
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  assert.deepEqual(result.errors, []);
  assert.ok(Array.isArray(result.warnings));
  for (const warning of result.warnings) assert.ok(warning.place && warning.message);
  await assert.rejects(app.page.evaluate(() => kamcanvas.load({ kamcanvas: 1 })), /text must be a string/);
  const syntax = await load('{"kamcanvas": 1,,}');
  assert.equal(syntax.ok, false);
  assert.match(syntax.errors[0].place, /^1:\d+$/);
});

// 100,000 accounts made here, with what the dashboard draws of each: revenue for the
// pyramid and the Pareto curve, a wallet, scores on both axes of the matrix.
// ../shared/tools/gen_portfolio.py (used for 20,000 and 30,000 accounts elsewhere) takes
// close to a minute for this many on a busy two-core machine.
function bigPortfolio(count) {
  const segments = ['Retail', 'Horeca', 'Industrie'];
  const regions = ['Noord', 'Oost', 'Zuid', 'West'];
  const accounts = [];
  for (let i = 0; i < count; i++) {
    const r = (i * 7919) % 100003;
    accounts.push({
      id: `ACC-${String(i).padStart(6, '0')}`, name: `Klant ${i}`, segment: segments[i % 3], region: regions[i % 4],
      revenue: { 2024: (r % 5000) * 3.5, 2025: 10 + (r % 7000) * 2.25 }, wallet: { 2025: 20000 + (r % 9000) },
      scores: { appeal: 1 + (r % 5), strength: 1 + ((r >> 3) % 5) },
    });
  }
  return JSON.stringify({
    kamcanvas: 1,
    portfolio: { name: 'Big', year: 2025 },
    criteria: [{ id: 'appeal', weight: 2, min: 1, max: 5, axis: 'attractiveness' },
      { id: 'strength', weight: 1, min: 1, max: 5, axis: 'position' }],
    accounts,
  });
}

test('100,000 accounts open through the file picker and are drawn', async (t) => {
  // Through the picker: Chromium reads the file from disk itself, where passing 35 MB
  // through page.evaluate would take half a minute of the test's time.
  const dir = mkdtempSync(path.join(tmpdir(), 'kamcanvas-'));
  const file = path.join(dir, 'big.kamcanvas.json');
  writeFileSync(file, bigPortfolio(100000));
  try {
    const started = Date.now();
    const chooser = app.page.waitForEvent('filechooser', { timeout: 10000 });
    await app.page.keyboard.press('Control+O');
    await (await chooser).setFiles(file);
    await waitFor(() => call('summary'), (s) => s.accounts === 100000,
      { timeout: 60000, interval: 250, what: '100,000 accounts to open' });
    t.diagnostic(`opened in ${Date.now() - started} ms`);
    await app.page.waitForTimeout(500);
    const colours = await distinctColours(app.page, await app.page.screenshot());
    assert.ok(colours > 100, `with 100,000 accounts the screenshot has only ${colours} colours`);
    // Every account has its place in the matrix (all of them scored on both axes).
    const matrix = await call('figures', 'matrix');
    const accountsColumn = matrix.columns.findIndex((c) => c.key === 'accounts');
    assert.equal(matrix.rows.reduce((sum, row) => sum + row[accountsColumn], 0), 100000,
      `the matrix's quadrants hold every account: ${JSON.stringify(matrix.rows)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
