// Nothing lost, easy to share (issue 7), in Chromium: autosave brings an edit back after a
// reload and survives storage that fails; CSV import through the file picker and the
// dialog's Import button (both real exports checked against the CSV text, and nasty
// ones); the exports; a share link opened in a fresh browser; ?src=; the one-file build
// from file://; and the site working offline after one visit.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  assertNoProblems, dataDir, exampleFile, expectedSummary, launchBrowser, openApp, readText, repoDir, waitFor,
} from './harness.mjs';
import { startServer } from './serve.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const summary = (page) => page.evaluate(() => kamcanvas.summary());
const saved = (page) => page.evaluate(() => kamcanvas.save());
const notices = (page) => page.evaluate(() => kamcanvas.notices());
const csvState = (page) => page.evaluate(() => kamcanvas.csvImport());

// Clicks the middle of the named part of the last frame (kamcanvas.parts()).
async function clickPart(page, name) {
  const part = await waitFor(() => page.evaluate((n) => kamcanvas.parts().find((p) => p.name === n), name),
    (p) => p !== undefined, { what: `part ${name}` });
  await page.mouse.click(part.x + part.width / 2, part.y + part.height / 2);
}

async function waitForAutosave(page) {
  return waitFor(() => page.evaluate(() => kamcanvas.autosave()),
    (a) => a.state === 'on' && !a.pending && a.savedAt !== null, { what: 'autosave to write' });
}

// [SECTION] autosave ----------------------------------------------------------------------

// An edit the way a user makes one: in the criteria view, click the first criterion's name,
// select it, type the new one, Enter. Returns the portfolio text after the edit.
async function renameACriterion(page, newName) {
  await page.evaluate(() => kamcanvas.view('criteria'));
  const id = JSON.parse(await saved(page)).criteria[0].id;
  await clickPart(page, `criteria/name:${id}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newName);
  await page.keyboard.press('Enter');
  return waitFor(() => saved(page), (text) => JSON.parse(text).criteria[0].name === newName,
    { what: `the criterion to be named ${newName}` });
}

test('an edit is written to the browser\'s storage and is back after a reload, with a notice', async () => {
  const { context, page, problems } = await openApp(browser);
  assert.equal((await page.evaluate(() => kamcanvas.autosave())).state, 'on');
  const edited = await renameACriterion(page, 'Renamed Criterion');
  await waitForAutosave(page);

  await page.reload();
  await page.evaluate(() => kamcanvas.ready);
  assert.equal(await saved(page), edited, 'the edited portfolio is open again');
  const shown = await notices(page);
  assert.equal(shown.length, 1);
  assert.equal(shown[0].kind, 'restored');
  assert.match(shown[0].text, /^Restored your work from \d\d:\d\d — open the example instead\?$/);
  assert.equal(await page.evaluate(() => document.title), 'kamcanvas');
  // Restored work with unsaved changes still asks before the tab is closed.
  assert.equal(await page.evaluate(() => _app_has_unsaved_changes()), 1);

  // "Open the example": the example again, and from then on that is what is stored.
  await clickPart(page, 'notice/open_example');
  await waitFor(() => saved(page), (text) => !text.includes('Renamed Criterion'), { what: 'the example' });
  assert.deepEqual(await summary(page), expectedSummary(exampleFile));
  await waitForAutosave(page);
  await page.reload();
  await page.evaluate(() => kamcanvas.ready);
  assert.deepEqual(await notices(page), [], 'the example is not "restored work"');
  assertNoProblems(problems);
  await context.close();
});

test('forgetting local data deletes the stored work and stops autosave for the page', async () => {
  const { context, page, problems } = await openApp(browser);
  await page.evaluate((text) => kamcanvas.load(text, 'synthetic-40.json'), readText(path.join(dataDir, 'examples/synthetic-40.json')));
  await waitForAutosave(page);
  await page.evaluate(() => kamcanvas.command('forget-local-data'));
  await waitFor(() => notices(page), (n) => n.some((x) => x.kind === 'local_data_forgotten'), { what: 'the notice' });
  assert.equal((await page.evaluate(() => kamcanvas.autosave())).state, 'off');
  const stored = await page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.open('kamcanvas');
    request.onsuccess = () => {
      const db = request.result;
      const names = Array.from(db.objectStoreNames);
      db.close();
      resolve(names);
    };
    request.onerror = () => resolve(null);
  }));
  assert.deepEqual(stored, [], 'the database is gone (opening it made a new, empty one)');
  await page.evaluate(() => indexedDB.deleteDatabase('kamcanvas'));
  await page.reload();
  await page.evaluate(() => kamcanvas.ready);
  assert.deepEqual(await summary(page), expectedSummary(exampleFile));
  assertNoProblems(problems);
  await context.close();
});

// Private windows, blocked storage, a full disk: the same app, one clear notice.
const storageFailures = {
  'IndexedDB refuses to open': () => {
    IDBFactory.prototype.open = function () { throw new DOMException('storage is blocked', 'SecurityError'); };
  },
  'IndexedDB is missing': () => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  },
  'the disk is full': () => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('no space left', 'QuotaExceededError'); };
  },
};

for (const [failure, initScript] of Object.entries(storageFailures)) {
  test(`when ${failure}, the app keeps working and says so once`, async () => {
    const { context, page, problems } = await openApp(browser, { initScript });
    assert.deepEqual(await summary(page), expectedSummary(exampleFile));
    const file = path.join(dataDir, 'examples/synthetic-40.json');
    await page.evaluate((text) => kamcanvas.load(text, 'synthetic-40.json'), readText(file));
    const shown = await waitFor(() => notices(page), (n) => n.some((x) => x.kind === 'storage_failed'),
      { what: 'the storage notice' });
    assert.match(shown.find((x) => x.kind === 'storage_failed').text, /cannot autosave.*keeps working/);
    assert.equal((await page.evaluate(() => kamcanvas.autosave())).state, 'failed');
    await clickPart(page, 'notice/close:storage_failed');
    await waitFor(() => notices(page), (n) => n.length === 0, { what: 'the notice to close' });

    // Editing goes on; the notice is not shown again.
    await renameACriterion(page, 'Still Editable');
    await renameACriterion(page, 'Edited Again');
    await page.waitForTimeout(1500);
    assert.deepEqual(await notices(page), [], 'told once');
    assert.equal((await summary(page)).accounts, expectedSummary(file).accounts);
    assertNoProblems(problems);
    await context.close();
  });
}

// [SECTION] CSV import ----------------------------------------------------------------------

// {rows, revenue: {year: sum}} of a CSV without quotes, read with a plain split.
function csvTotals(text) {
  const lines = text.replace(/^\uFEFF/, '').split('\n').filter((line) => line !== '');
  const header = lines[0].split(',');
  const revenue = {};
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    header.forEach((name, i) => {
      const year = /^revenue_(\d{4})$/.exec(name);
      if (year) revenue[year[1]] = (revenue[year[1]] || 0) + Number(cells[i]);
    });
  }
  return { rows: lines.length - 1, revenue };
}

function revenueTotals(portfolioText) {
  const totals = {};
  for (const account of JSON.parse(portfolioText).accounts)
    for (const [year, amount] of Object.entries(account.revenue || {})) totals[year] = (totals[year] || 0) + amount;
  return totals;
}

async function chooseCsv(page, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.evaluate(() => kamcanvas.command('import-csv'));
  const picker = await chooser;
  assert.match(await picker.element().getAttribute('accept'), /\.csv/);
  await picker.setFiles(file);
  return waitFor(() => csvState(page), (state) => state !== null, { what: 'the import dialog' });
}

for (const name of ['superstore-customers.csv', 'northwind-customers.csv']) {
  test(`${name} imports as it is through the picker and the dialog`, async () => {
    const { context, page, problems } = await openApp(browser);
    const file = path.join(dataDir, 'real', name);
    const expected = csvTotals(readText(file));
    const state = await chooseCsv(page, file);
    assert.equal(state.file, name);
    assert.equal(state.separator, ',');
    assert.equal(state.usable, true);
    assert.deepEqual(state.errors, []);
    assert.equal(state.rows, expected.rows);
    const target = (header) => state.columns.find((c) => c.header === header).target;
    assert.equal(target('customer_id'), 'id');
    assert.equal(target('customer_name'), 'name');
    assert.equal(target('revenue_total'), 'ignore');
    for (const year of Object.keys(expected.revenue)) assert.equal(target(`revenue_${year}`), `revenue_${year}`);

    await clickPart(page, 'csv_import/import');
    await waitFor(() => csvState(page), (s) => s === null, { what: 'the dialog to close' });
    const imported = await summary(page);
    assert.equal(imported.accounts, expected.rows);
    assert.equal(imported.name, name.replace(/\.csv$/, ''));
    const totals = revenueTotals(await saved(page));
    for (const [year, sum] of Object.entries(expected.revenue))
      assert.ok(Math.abs((totals[year] || 0) - sum) < 0.005, `revenue ${year}: ${totals[year]} against ${sum}`);
    const report = await page.evaluate(() => kamcanvas.analyze());
    assert.ok(Math.abs(report.pareto.total_revenue - expected.revenue[report.year]) < 0.005);
    const shown = await notices(page);
    assert.ok(shown.some((n) => n.kind === 'imported' && n.text.includes(`${expected.rows.toLocaleString('en')} accounts`)));
    assert.equal(await page.evaluate(() => _app_has_unsaved_changes()), 1, 'an import is not saved yet');
    assertNoProblems(problems);
    await context.close();
  });
}

// A Dutch Excel export with everything that goes wrong in practice.
const nastyCsv = '\uFEFF' + [
  'Klantnummer;Bedrijfsnaam;Branche;Omzet 2024;Omzet 2025;Score Innovatie',
  'K1;"Jansen; Zonen & Co";Retail;1.234,56;2.000,00;4',
  'K2;"Bakkerij ""De Korenbloem""";Food;500,5;750,25;3',
  'K3;"Regel een',
  'regel twee";Food;10,00;n.v.t.;2',
  'K4;=cmd|\'/C calc\'!A0;Retail;-5,00;12,00;5',
  'K5;Gewoon BV;Retail;€ 7.500,00;8.000;1',
  ';;;;;',
  '',
].join('\r\n');

async function dropFile(page, name, text) {
  await page.evaluate(([fileName, content]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], fileName, { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    const options = { dataTransfer: transfer, bubbles: true, cancelable: true };
    canvas.dispatchEvent(new DragEvent('dragover', options));
    canvas.dispatchEvent(new DragEvent('drop', options));
  }, [name, text]);
}

test('a nasty Dutch CSV dropped on the page: semicolons, decimal comma, quotes, BOM, bad numbers by line', async () => {
  const { context, page, problems } = await openApp(browser, { locale: 'nl-NL' });
  await dropFile(page, 'klanten.csv', nastyCsv);
  const state = await waitFor(() => csvState(page), (s) => s !== null, { what: 'the import dialog' });
  assert.equal(state.separator, ';');
  assert.equal(state.decimal, ',');
  assert.deepEqual(state.columns.map((c) => c.target),
    ['id', 'name', 'segment', 'revenue_2024', 'revenue_2025', 'score_innovatie']);
  assert.equal(state.rows, 5, 'the line of separators only is no row');
  assert.equal(state.accounts, 3);
  assert.equal(state.refused, 2);
  const places = state.errors.map((e) => e.place);
  assert.deepEqual(places, ['line 4, column Omzet 2025', 'line 6, column Omzet 2024'],
    'each bad number by the line it starts on (the quoted line end counts) and its column');
  assert.match(state.errors[0].message, /n\.v\.t\./);

  // Correcting the mapping in the dialog: the 2025 column left out lets line 4 in.
  const corrected = await page.evaluate(() => kamcanvas.csvImport({ map: { 'Omzet 2025': 'ignore' } }));
  assert.equal(corrected.accounts, 4);
  assert.deepEqual(corrected.errors.map((e) => e.place), ['line 6, column Omzet 2024']);

  await clickPart(page, 'csv_import/import');
  await waitFor(() => csvState(page), (s) => s === null, { what: 'the dialog to close' });
  const portfolio = JSON.parse(await saved(page));
  const byId = Object.fromEntries(portfolio.accounts.map((a) => [a.id, a]));
  assert.deepEqual(Object.keys(byId), ['K1', 'K2', 'K3', 'K5']);
  assert.equal(byId.K1.name, 'Jansen; Zonen & Co');
  assert.equal(byId.K1.revenue['2024'], 1234.56);
  assert.equal(byId.K2.name, 'Bakkerij "De Korenbloem"');
  assert.equal(byId.K2.revenue['2024'], 500.5);
  assert.equal(byId.K3.name, 'Regel een\r\nregel twee');
  assert.equal(byId.K5.revenue['2024'], 7500);
  assert.equal(byId.K5.revenue['2025'], undefined, 'the column was left out');
  assert.deepEqual(portfolio.criteria.map((c) => c.id), ['innovatie']);
  assert.equal(portfolio.portfolio.name, 'klanten');
  assertNoProblems(problems);
  await context.close();
});

test('importing over unsaved changes asks first; Cancel keeps the open portfolio', async () => {
  const { context, page, problems } = await openApp(browser);
  await renameACriterion(page, 'Unsaved Edit');
  const before = await saved(page);
  await dropFile(page, 'a.csv', 'id,name\na1,Alpha\n');
  await waitFor(() => csvState(page), (s) => s !== null, { what: 'the import dialog' });
  await clickPart(page, 'csv_import/cancel');
  await waitFor(() => csvState(page), (s) => s === null, { what: 'the dialog to close' });
  assert.equal(await saved(page), before);

  await dropFile(page, 'a.csv', 'id,name\na1,Alpha\n');
  await waitFor(() => csvState(page), (s) => s !== null, { what: 'the import dialog' });
  await clickPart(page, 'csv_import/import');
  await page.waitForTimeout(300);
  assert.notEqual(await csvState(page), null, 'the dialog asks instead of importing');
  assert.equal(await saved(page), before);
  await clickPart(page, 'csv_import/confirm');
  await waitFor(() => summary(page), (s) => s.accounts === 1, { what: 'the import' });
  assertNoProblems(problems);
  await context.close();
});

// [SECTION] exports -----------------------------------------------------------------------

async function downloadText(page, start) {
  const download = page.waitForEvent('download', { timeout: 10000 });
  await start();
  const file = await download;
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test('exports: the accounts with their figures as CSV, the report as JSON', async () => {
  const { context, page, problems } = await openApp(browser, { locale: 'nl-NL' });
  await page.evaluate(() => {
    const portfolio = JSON.parse(kamcanvas.save());
    portfolio.accounts[0].name = `=Formule ${portfolio.accounts[0].name}`;
    return kamcanvas.load(JSON.stringify(portfolio), 'formule.kamcanvas.json');
  });
  const report = await page.evaluate(() => kamcanvas.analyze());

  const json = await downloadText(page, () => page.evaluate(() => kamcanvas.command('export-json')));
  assert.match(json.name, /-report\.json$/);
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), report);

  await page.evaluate(() => kamcanvas.command('export-csv'));
  const csv = await downloadText(page, () => clickPart(page, 'csv_export/download'));
  assert.match(csv.name, /-accounts\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const text = csv.bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '', 'CRLF after every line');
  const header = lines[0].split(';');   // Dutch: semicolon and decimal comma by default
  assert.deepEqual(header.slice(0, 6), ['id', 'name', 'status', 'segment', 'region', 'key']);
  assert.equal(lines.length - 2, report.accounts);
  const layer = header.indexOf('layer');
  const ids = Object.keys(report.pyramid.layer_of);
  for (const line of lines.slice(1, -1)) {
    const cells = line.split(';');
    assert.equal(cells[layer], report.pyramid.layer_of[cells[0]]);
    assert.ok(ids.includes(cells[0]));
  }
  assert.ok(text.includes(';\'=Formule '), 'a name starting with = is guarded');
  assert.match(text, /;\d+,\d+;/, 'decimal comma');
  assertNoProblems(problems);
  await context.close();
});

// [SECTION] share links and ?src= ---------------------------------------------------------

test('a share link made in one page opens the same portfolio in a fresh browser', async () => {
  const first = await openApp(browser);
  const file = path.join(dataDir, 'examples/synthetic-40.json');
  await first.page.evaluate((text) => kamcanvas.load(text, 'synthetic-40.json'), readText(file));
  const made = await first.page.evaluate(() => kamcanvas.shareLink());
  assert.equal(made.ok, true);
  assert.ok(made.link.startsWith(first.url) && made.link.includes('#p='), made.link.slice(0, 80));

  // The menu's command makes the same link and shows it.
  await first.page.evaluate(() => kamcanvas.command('share-link'));
  const shown = await waitFor(() => notices(first.page), (n) => n.some((x) => x.kind === 'share_link'),
    { what: 'the share link notice' });
  assert.match(shown.find((x) => x.kind === 'share_link').text, /no server/);
  const portfolio = await saved(first.page);
  await first.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(made.link);
  await page.evaluate(() => kamcanvas.ready);
  assert.equal(await saved(page), portfolio);
  assert.deepEqual(await summary(page), expectedSummary(file));
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is taken out of the address');
  assert.equal(await page.evaluate(() => kamcanvas.startProblem()), null);
  assert.ok(requests.every((url) => !url.includes('#p=') && !url.includes('p=')), 'the data is never requested');
  await context.close();
});

test('broken and oversized links: the example stays and the app says why', async () => {
  const { context, page, url, problems } = await openApp(browser);
  const refusals = [['#p=not-a-real-link', /not base64url|cut off|damaged/], ['#p=' + 'A'.repeat(40000), /at most 32000/],
    ['#p=%%%', /character 1 \('%'\) is not base64url/]];
  for (const [fragment, why] of refusals) {
    // A new document each time: only the fragment differs, and a fragment change alone
    // does not reload the page.
    await page.goto('about:blank');
    await page.goto(url + fragment);
    await page.evaluate(() => kamcanvas.ready);
    assert.deepEqual(await summary(page), expectedSummary(exampleFile), fragment.slice(0, 20));
    const problem = await waitFor(() => page.evaluate(() => kamcanvas.startProblem()), (p) => p !== null,
      { what: `the refusal of ${fragment.slice(0, 20)}` });
    assert.equal(problem.source, 'share link');
    assert.match(problem.message, why);
  }
  // Random data does not compress: far beyond a link's limit.
  const big = { kamcanvas: 1, accounts: [] };
  for (let i = 0; i < 3000; ++i) big.accounts.push({ id: `a${i}`, name: Math.random().toString(36).repeat(3) });
  await page.evaluate((text) => kamcanvas.load(text, 'big.json'), JSON.stringify(big));
  const made = await page.evaluate(() => kamcanvas.shareLink());
  assert.equal(made.ok, false);
  assert.ok(made.size > made.limit);
  await page.evaluate(() => kamcanvas.command('share-link'));
  const shown = await waitFor(() => notices(page), (n) => n.some((x) => x.kind === 'share_failed'),
    { what: 'the too-big notice' });
  assert.match(shown.find((x) => x.kind === 'share_failed').text, /too big for a link/);
  assertNoProblems(problems);
  await context.close();
});

test('?src= opens a file from the same site, and refuses anything else', async () => {
  const site = mkdtempSync(path.join(os.tmpdir(), 'kamcanvas-site-'));
  cpSync(process.env.KC_SITE_DIR || path.join(repoDir, 'build-web/site'), site, { recursive: true });
  cpSync(path.join(dataDir, 'examples/synthetic-40.json'), path.join(site, 'data/synthetic-40.json'));
  writeFileSync(path.join(site, 'data/klanten.csv'), 'id;naam\nk1;Een\nk2;Twee\n');
  const { server, url } = await startServer(site, 0);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${url}?src=data/synthetic-40.json`);
    await page.evaluate(() => kamcanvas.ready);
    assert.deepEqual(await summary(page), expectedSummary(path.join(dataDir, 'examples/synthetic-40.json')));
    assert.equal(await page.evaluate(() => location.search), '', 'the address is cleaned');

    await page.goto(`${url}?src=data/klanten.csv`);
    await page.evaluate(() => kamcanvas.ready);
    assert.equal((await csvState(page)).accounts, 2, 'a CSV source opens the import dialog');

    for (const refused of ['https://example.com/p.json', '//example.com/p.json', 'data/missing.json',
      'javascript:alert(1)']) {
      await page.goto(`${url}?src=${encodeURIComponent(refused)}`);
      await page.evaluate(() => kamcanvas.ready);
      assert.deepEqual(await summary(page), expectedSummary(exampleFile), refused);
    }
    assert.deepEqual(requests.filter((r) => !r.startsWith(url)), [], 'nothing asked of another origin');
    await context.close();
  } finally {
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

// [SECTION] one file, offline -------------------------------------------------------------

test('the one-file build opened from file:// loads and analyzes the example', async () => {
  const file = process.env.KC_ONEFILE || path.join(repoDir, 'dist/kamcanvas.html');
  assert.ok(existsSync(file), `${file} is missing: run scripts/build-onefile`);
  const html = readFileSync(file, 'utf8');
  assert.ok(!/<script src=|<link rel="stylesheet"|\.wasm["']/.test(html), 'nothing refers to another file');
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => kamcanvas.ready);
  assert.deepEqual(await summary(page), expectedSummary(exampleFile));
  const report = await page.evaluate(() => kamcanvas.analyze());
  const expected = JSON.parse(readText(path.join(repoDir, 'web/examples/zuivelhoeve.kamcanvas.json')));
  assert.equal(report.accounts, expected.accounts.length);
  assert.ok(report.pyramid.layers.length === 7 && report.pareto.total_revenue > 0);
  assert.deepEqual(requests.filter((r) => !r.startsWith('file:') && !r.startsWith('data:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the site works with the network cut', async () => {
  const { context, page, problems } = await openApp(browser);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitFor(() => page.evaluate(() => !!navigator.serviceWorker.controller), (c) => c, { what: 'the worker to take over' });
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => kamcanvas.ready);
  assert.deepEqual(await summary(page), expectedSummary(exampleFile));
  assert.ok((await page.evaluate(() => kamcanvas.analyze())).pareto.total_revenue > 0);
  // A file the user opens still works: it never needed the network.
  await page.evaluate((text) => kamcanvas.load(text, 'unicode.json'), readText(path.join(dataDir, 'examples/unicode.json')));
  assert.deepEqual(await summary(page), expectedSummary(path.join(dataDir, 'examples/unicode.json')));
  assertNoProblems(problems);
  await context.close();
});
