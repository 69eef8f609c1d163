// Big files are read in pieces (issue 8): kamcanvas.open, and the file picker and a drop
// for files of 1 MiB and more, hand the file to the app piece by piece, with frames drawn
// in between that show how far the reading is. Checked here:
// - open() gives what load() gives for every shared example, real portfolio and bad file,
//   the same result and the same portfolio afterwards (a text that is not well-formed JSON
//   is read whole, for its line and column);
// - a generated portfolio of 30,000 accounts through the picker: the page drew frames
//   while it was read, each seeing more of it read; afterwards the same portfolio as
//   load() of the same text;
// - big broken files: a format error is found by the pieces (a pointer place), a syntax
//   error by the whole read (a line:column place); the open work stays either way.
// The big portfolio is generated at test time (../shared/tools/gen_portfolio.py).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, dataDir, launchBrowser, openApp, sharedDir, waitFor } from './harness.mjs';

let browser;
let app;
let dir;
let bigFile;
let bigText;
const bigAccounts = 30000;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kamcanvas-big-'));
  bigFile = path.join(dir, 'big.kamcanvas.json');
  bigText = execFileSync('python3', [path.join(sharedDir, 'tools/gen_portfolio.py'), '--accounts', String(bigAccounts),
    '--seed', '11'], { maxBuffer: 1 << 30 }).toString('utf8');
  writeFileSync(bigFile, bigText);
  browser = await launchBrowser();
  app = await openApp(browser);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const saved = () => app.page.evaluate(() => kamcanvas.save());

async function pick(file) {
  const chooser = app.page.waitForEvent('filechooser', { timeout: 10000 });
  await app.page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
}

// Every state of kamcanvas.reading() seen at a frame, until `done` holds for the summary.
async function framesWhileReading(done) {
  await app.page.evaluate(() => {
    window.readingSeen = [];
    const watch = () => {
      const reading = kamcanvas.reading();
      if (reading) window.readingSeen.push(reading);
      window.readingWatch = requestAnimationFrame(watch);
    };
    window.readingWatch = requestAnimationFrame(watch);
  });
  await done();
  return app.page.evaluate(() => {
    cancelAnimationFrame(window.readingWatch);
    return window.readingSeen;
  });
}

test('open() gives what load() gives, for every example, real portfolio and bad file', async () => {
  const files = [];
  for (const folder of ['examples', 'real', 'bad'])
    for (const name of readdirSync(path.join(dataDir, folder)).filter((n) => n.endsWith('.json')).sort())
      files.push(path.join(dataDir, folder, name));
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = path.basename(file);
    const byLoad = await app.page.evaluate(([t, n]) => ({ result: kamcanvas.load(t, n), text: kamcanvas.save() }), [text, name]);
    // Something else in between, so that an open() that changed nothing cannot pass.
    await app.page.evaluate(() => kamcanvas.load('{"kamcanvas": 1, "accounts": []}', 'between.json'));
    const byOpen = await app.page.evaluate(async ([t, n]) => ({ result: await kamcanvas.open(t, n), text: kamcanvas.save() }),
      [text, name]);
    assert.deepEqual(byOpen.result, byLoad.result, `${name}: the result`);
    // Opened: the same portfolio; refused: the one open before stays.
    if (byLoad.result.ok) assert.equal(byOpen.text, byLoad.text, `${name}: the portfolio open afterwards`);
    else assert.equal(byOpen.text, '{\n  "kamcanvas": 1,\n  "accounts": []\n}\n', `${name}: refused, nothing changed`);
  }
  // Bytes and Blobs too, and a truncated text (read whole) with its line and column.
  const example = readFileSync(path.join(dataDir, 'examples/synthetic-40.json'), 'utf8');
  const asBytes = await app.page.evaluate(async (t) => (await kamcanvas.open(new TextEncoder().encode(t), 's.json')).ok, example);
  const asBlob = await app.page.evaluate(async (t) => (await kamcanvas.open(new Blob([t]), 's.json')).ok, example);
  assert.ok(asBytes && asBlob);
  const cut = await app.page.evaluate(async (t) => kamcanvas.open(t.slice(0, 500), 'cut.json'), example);
  assert.equal(cut.ok, false);
  assert.match(cut.errors[0].place, /^\d+:\d+$/);
  await assert.rejects(app.page.evaluate(() => kamcanvas.open(42)), /source must be/);
  assertNoProblems(app.problems);
});

test(`${bigAccounts.toLocaleString('en')} accounts through the file picker: read in pieces with frames between, the same portfolio as load()`, async (t) => {
  const seen = await framesWhileReading(async () => {
    await pick(bigFile);
    await waitFor(() => app.page.evaluate(() => kamcanvas.summary().accounts), (n) => n === bigAccounts,
      { timeout: 120000, interval: 100, what: 'the big file to open' });
  });
  const bytes = Buffer.byteLength(bigText);
  t.diagnostic(`${seen.length} frames drew the progress of ${(bytes / 1e6).toFixed(1)} MB`);
  assert.ok(seen.length >= 3, `frames drawn while reading: ${seen.length}`);
  for (const state of seen) {
    assert.equal(state.name, 'big.kamcanvas.json');
    assert.equal(state.total, bytes);
  }
  const reads = seen.map((s) => s.read);
  assert.ok(reads.every((read, i) => i === 0 || read >= reads[i - 1]), 'the progress only goes forward');
  assert.ok(reads[0] < bytes && new Set(reads).size >= 3, `the frames saw the reading move on: ${reads.join(', ')}`);
  assert.equal(await app.page.evaluate(() => kamcanvas.reading()), null);

  const byPieces = await saved();
  const byLoad = await app.page.evaluate((text) => {
    window.bigText = text;   // for the next test
    kamcanvas.load(text, 'big.kamcanvas.json');
    return kamcanvas.save();
  }, bigText);
  assert.ok(byPieces === byLoad, 'the portfolio read in pieces is the one read whole');
  assertNoProblems(app.problems);
});

test('big broken files: a format error found by the pieces, a syntax error by the whole read; the open work stays', async () => {
  const before = await saved();
  // window.bigText: the big portfolio's text, handed to the page by the test before.
  const outcomes = await app.page.evaluate(async (broken) => {
    const data = JSON.parse(window.bigText);
    data.accounts[broken].revenue = { 2025: -5 };
    const results = [];
    for (const text of [JSON.stringify(data), window.bigText.slice(0, window.bigText.length - 1000)]) {
      results.push({ result: await kamcanvas.open(text, 'broken.json'), after: kamcanvas.save() });
    }
    return results;
  }, bigAccounts - 10);
  const [format, syntax] = outcomes;
  assert.equal(format.result.ok, false);
  assert.equal(format.result.errors[0].place, `/accounts/${bigAccounts - 10}/revenue/2025`);
  assert.equal(syntax.result.ok, false);
  assert.match(syntax.result.errors[0].place, /^\d+:\d+$/);
  for (const outcome of outcomes) assert.ok(outcome.after === before, 'the open portfolio is unchanged');
  assertNoProblems(app.problems);
});
