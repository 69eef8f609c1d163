// Bad input never loses work (issue 8), in Chromium: a good portfolio is opened with the
// file picker, edited in the criteria view and saved; then every file of ../shared/data/bad,
// nasty CSVs made here (binary garbage, only a header, unmatched quotes, 10,000 columns,
// invalid UTF-8, empty) and broken share links are fed to the app as a user would (file
// picker, drop, the address bar). After each, the edited portfolio is still open, byte
// for byte, and nothing went to the console as an error.
//
// A share link is read at start only, so each broken link opens a fresh page in the same
// browser context: there the app must say what is wrong with the link, and the edited
// work autosaved earlier must still be in storage, restored by the next reload.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import {
  assertNoProblems, dataDir, exampleFile, expectedSummary, launchBrowser, openApp, waitFor,
} from './harness.mjs';

let browser;
let app;          // {context, page, url, problems} of the page with the edited portfolio
let edited;       // its text after the edit: what every step below must leave as it is
const goodFile = path.join(dataDir, 'examples/synthetic-40.json');

const saved = (page) => page.evaluate(() => kamcanvas.save());
const csvState = (page) => page.evaluate(() => kamcanvas.csvImport());

// Enough frames and time for a file to be read (FileReader), queued and applied.
async function settle(page) {
  const frames = () => page.evaluate(() => new Promise((resolve) => {
    let left = 5;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }));
  await frames();
  await page.waitForTimeout(150);
  await frames();
}

async function clickPart(page, name) {
  const part = await waitFor(() => page.evaluate((n) => kamcanvas.parts().find((p) => p.name === n), name),
    (p) => p !== undefined, { what: `part ${name}` });
  await page.mouse.click(part.x + part.width / 2, part.y + part.height / 2);
}

// The app's Open shortcut, then the file chosen in the real <input type=file>.
async function pickFile(page, name, bytes) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

// dragover + drop of one File on the canvas, as a drag from the desktop does.
async function dropFile(page, name, bytes) {
  const handled = await page.evaluate(([fileName, content]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], fileName));
    const canvas = document.getElementById('canvas');
    const options = { dataTransfer: transfer, bubbles: true, cancelable: true };
    canvas.dispatchEvent(new DragEvent('dragover', options));
    const drop = new DragEvent('drop', options);
    canvas.dispatchEvent(drop);
    return drop.defaultPrevented;
  }, [name, Array.from(bytes)]);
  assert.ok(handled, `the drop of ${name} is taken by the page`);
}

// Alternates the two ways a user hands over a file.
let fed = 0;
function feed(page, name, bytes) {
  return fed++ % 2 === 0 ? pickFile(page, name, bytes) : dropFile(page, name, bytes);
}

async function assertStillEdited(page, what) {
  assert.equal(await saved(page), edited, `${what}: the edited portfolio is open and unchanged`);
}

// What harness.openApp records for its page, for pages opened later in the same context.
function watch(page, problems) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

before(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  const { page } = app;
  // Both ways of handing over a file reach the app (so the bad files below do too).
  const dropped = path.join(dataDir, 'examples/unicode.json');
  await dropFile(page, 'unicode.json', readFileSync(dropped));
  await waitFor(() => page.evaluate(() => kamcanvas.summary()), (s) => s.name === expectedSummary(dropped).name,
    { what: 'a dropped file to open' });
  await pickFile(page, 'synthetic-40.json', readFileSync(goodFile));
  await waitFor(() => page.evaluate(() => kamcanvas.summary()), (s) => s.accounts === expectedSummary(goodFile).accounts,
    { what: 'the good portfolio to open' });

  // The edit, through the UI: the first criterion renamed in the criteria view.
  await page.evaluate(() => kamcanvas.view('criteria'));
  const id = JSON.parse(await saved(page)).criteria[0].id;
  await clickPart(page, `criteria/name:${id}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Edited before the bad input');
  await page.keyboard.press('Enter');
  edited = await waitFor(() => saved(page), (text) => JSON.parse(text).criteria[0].name === 'Edited before the bad input',
    { what: 'the edit' });
  await waitFor(() => page.evaluate(() => kamcanvas.autosave()), (a) => a.state === 'on' && !a.pending && a.savedAt !== null,
    { what: 'autosave to write the edit' });
  // Saved (Ctrl+S, a download) as a user would before trying other files: Open would
  // otherwise first ask whether to throw the unsaved changes away.
  await page.evaluate(() => kamcanvas.view('dashboard'));
  const download = page.waitForEvent('download', { timeout: 10000 });
  await page.keyboard.press('Control+S');
  await download;
  await waitFor(() => page.evaluate(() => _app_has_unsaved_changes()), (unsaved) => unsaved === 0,
    { what: 'the edit to count as saved' });
  assert.equal(await saved(page), edited);
});

after(async () => {
  await app?.context.close();
  await browser?.close();
});

test('every file of shared/data/bad leaves the edited portfolio open and unchanged', async () => {
  const { page, problems } = app;
  const files = readdirSync(path.join(dataDir, 'bad')).sort();
  assert.ok(files.length >= 24, `${files.length} bad files`);
  for (const name of files) {
    await feed(page, name, readFileSync(path.join(dataDir, 'bad', name)));
    await settle(page);
    // A file that does not look like JSON (the .expect files) opens the CSV import
    // dialog, which changes nothing until Import: it is cancelled here.
    if (await csvState(page) !== null) {
      await assertStillEdited(page, `${name} in the import dialog`);
      await clickPart(page, 'csv_import/cancel');
      await waitFor(() => csvState(page), (state) => state === null, { what: `the dialog of ${name} to close` });
    }
    await assertStillEdited(page, name);
  }
  assertNoProblems(problems);
});

// CSVs no export would write: each is refused as a whole, or shows its problems (or no
// account) in the import dialog, which is then cancelled.
test('broken CSVs leave the edited portfolio open and unchanged', async () => {
  const { page, problems } = app;
  let seed = 7;
  const garbage = Buffer.alloc(4096);
  for (let i = 0; i < garbage.length; ++i) garbage[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const columns = Array.from({ length: 10000 }, (_, i) => `column ${i}`);
  const csvs = {
    'binary-garbage.csv': garbage,
    'only-a-header.csv': Buffer.from('id;name;segment;revenue_2024\r\n'),
    'unmatched-quotes.csv': Buffer.from('id,name,revenue_2024\nk1,"Een,100\nk2,Twee",200\n"k3,Drie,300\n'),
    'ten-thousand-columns.csv': Buffer.from(`${columns.join(',')}\n${columns.map((_, i) => i).join(',')}\n`),
    'invalid-utf8.csv': Buffer.concat([Buffer.from('id,name\nk1,'), Buffer.from([0xC3, 0x28, 0xFF, 0xFE]), Buffer.from('\nk2,\xE9t\xE9\n', 'latin1')]),
    'empty.csv': Buffer.alloc(0),
  };
  for (const [name, bytes] of Object.entries(csvs)) {
    await feed(page, name, bytes);
    await settle(page);
    const state = await csvState(page);
    if (state !== null) {
      assert.ok(state.errors.length > 0 || !state.usable || state.accounts === 0,
        `${name}: the dialog shows what is wrong: ${JSON.stringify(state).slice(0, 300)}`);
      await assertStillEdited(page, `${name} in the import dialog`);
      await clickPart(page, 'csv_import/cancel');
      await waitFor(() => csvState(page), (s) => s === null, { what: `the dialog of ${name} to close` });
    }
    await assertStillEdited(page, name);
  }
  assertNoProblems(problems);
});

test('a broken share link says why in a fresh page, and the edited work is still stored', async () => {
  const { context, page, url } = app;
  const made = await page.evaluate(() => kamcanvas.shareLink());
  assert.equal(made.ok, true);
  const data = new URL(made.link).hash.slice('#p='.length);
  const deflated = (bytes) => zlib.deflateRawSync(bytes).toString('base64url');
  const blockType3 = Buffer.from(data, 'base64url');
  blockType3[0] ^= 0x02;   // BTYPE 2 (dynamic) becomes 3, which does not exist

  const links = [
    ['#p=', /carries no data/],
    ['#p=%%%', /is not base64url/],
    ['#p=ab cd', /is not base64url/],
    [`#p=${'A'.repeat(40000)}`, /carries 40000 characters; at most 32000/],
    [`#p=${data.slice(0, Math.floor(data.length / 8) * 4)}`, /cut off/],
    [`#p=${data.slice(0, 4 * Math.floor(data.length / 4) + 1)}`, /cut off/],
    [`#p=${blockType3.toString('base64url')}`, /damaged: its data cannot be unpacked \(invalid block type 3\)/],
    [`#p=${deflated(Buffer.alloc(9 * 1024 * 1024))}`, /unpacks to more than 8 MB/],
    [`#p=${deflated(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))}`, /not UTF-8/],
    [`#p=${deflated(readFileSync(path.join(dataDir, 'bad/duplicate-id.json')))}`, /portfolio in the link cannot be opened: \/accounts\/1\/id/],
    [`#p=${deflated(Buffer.from('id;name\nk1;Een\n'))}`, /portfolio in the link cannot be opened/],
  ];
  for (const [fragment, expected] of links) {
    const what = fragment.slice(0, 40);
    const problems = [];
    const fresh = watch(await context.newPage(), problems);
    await fresh.goto(url + fragment);
    await fresh.evaluate(() => kamcanvas.ready);
    const problem = await waitFor(() => fresh.evaluate(() => kamcanvas.startProblem()), (p) => p !== null,
      { what: `the app to refuse ${what}` });
    assert.equal(problem.source, 'share link', what);
    assert.match(problem.message, expected, what);
    assert.deepEqual(await fresh.evaluate(() => kamcanvas.summary()), expectedSummary(exampleFile),
      `${what}: the fresh page shows the example`);
    assert.equal(await fresh.evaluate(() => location.hash), '', `${what}: the link is out of the address`);

    // Nothing lost: the next start restores the edited work from storage.
    await fresh.reload();
    await fresh.evaluate(() => kamcanvas.ready);
    assert.equal(await saved(fresh), edited, `${what}: the edited work is restored`);
    assert.equal((await fresh.evaluate(() => kamcanvas.notices()))[0]?.kind, 'restored', what);
    assert.equal(await fresh.evaluate(() => kamcanvas.startProblem()), null, `${what}: a plain start has no problem`);
    assertNoProblems(problems);
    await fresh.close();
  }
  // And the page where it was made never noticed.
  await assertStillEdited(page, 'after the broken links');
  assertNoProblems(app.problems);
});
