// Files in and out through the browser's own ways: the file picker (Ctrl+O, the app's Open
// shortcut, which opens the real <input type=file>), drag-and-drop of a File, and Save
// (Ctrl+S) as a download. A bad file leaves the open portfolio as it was.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoProblems, dataDir, exampleFile, expectedSummary, launchBrowser, openApp, readText, waitFor,
} from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const summary = (page) => page.evaluate(() => kamcanvas.summary());

async function chooseFileWithCtrlO(page, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
}

// Dispatches dragover + drop of one File, as a drag from the desktop does.
async function dropFile(page, name, text) {
  return page.evaluate(([fileName, content]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], fileName, { type: 'application/json' }));
    const canvas = document.getElementById('canvas');
    const options = { dataTransfer: transfer, bubbles: true, cancelable: true };
    const over = new DragEvent('dragover', options);
    canvas.dispatchEvent(over);
    const drop = new DragEvent('drop', options);
    canvas.dispatchEvent(drop);
    return { overAccepted: over.defaultPrevented, dropHandled: drop.defaultPrevented };
  }, [name, text]);
}

test('Ctrl+O opens the file picker and the chosen file is opened', async () => {
  const { context, page, problems } = await openApp(browser);
  const file = path.join(dataDir, 'examples/synthetic-40.json');
  await chooseFileWithCtrlO(page, file);
  await waitFor(() => summary(page), (s) => s.accounts === expectedSummary(file).accounts,
    { what: 'the chosen file to open' });
  assert.deepEqual(await summary(page), expectedSummary(file));

  // The same file again still opens (the input is reset after each choice).
  await page.evaluate(() => kamcanvas.load(kamcanvas.save().replace(/"name": "[^"]*"/, '"name": "changed"')));
  await chooseFileWithCtrlO(page, file);
  await waitFor(() => summary(page), (s) => s.name === expectedSummary(file).name,
    { what: 'the same file to open a second time' });
  assertNoProblems(problems);
  await context.close();
});

test('a bad file from the picker leaves the open portfolio unchanged', async () => {
  const { context, page, problems } = await openApp(browser);
  const before = await page.evaluate(() => kamcanvas.save());
  await chooseFileWithCtrlO(page, path.join(dataDir, 'bad/duplicate-id.json'));
  // Give the app frames to read and apply it; then nothing may have changed.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => kamcanvas.save()), before);
  assert.deepEqual(await summary(page), expectedSummary(exampleFile));
  assertNoProblems(problems);
  await context.close();
});

test('a file dropped on the page is opened', async () => {
  const { context, page, problems } = await openApp(browser);
  const file = path.join(dataDir, 'examples/unicode.json');
  const handled = await dropFile(page, 'unicode.json', readText(file));
  assert.deepEqual(handled, { overAccepted: true, dropHandled: true },
    'dragover and drop are taken by the page, so the browser does not navigate to the file');
  await waitFor(() => summary(page), (s) => s.name === expectedSummary(file).name,
    { what: 'the dropped file to open' });
  assert.deepEqual(await summary(page), expectedSummary(file));
  assertNoProblems(problems);
  await context.close();
});

test('Ctrl+S downloads the open portfolio, byte for byte what save() returns', async () => {
  const { context, page, problems } = await openApp(browser);
  const download = page.waitForEvent('download', { timeout: 10000 });
  await page.keyboard.press('Control+S');
  const saved = await download;
  assert.match(saved.suggestedFilename(), /\.kamcanvas\.json$/);
  const chunks = [];
  for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), await page.evaluate(() => kamcanvas.save()));
  assertNoProblems(problems);
  await context.close();
});
