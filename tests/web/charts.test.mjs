// The chart views (issue: pyramid, migration, Pareto/ABC, share of wallet, retention,
// breakdowns) against the spec's reports: what each view shows — kamcanvas.figures(view),
// built by the same code that draws — equals the shared expected report of every example
// (an independent computation) and, for the extensions, the engine's report; a real mouse
// click on a drawn part lists exactly the accounts behind it; Copy puts the figures on the
// clipboard as tab-separated text; PNG downloads a picture of the chart; the dashboard lays
// every chart out side by side at 1366×768 and 1920×1080; both languages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoProblems, dataDir, distinctColours, exampleFile, launchBrowser, openApp, readText, waitFor,
} from './harness.mjs';

const charts = ['pyramid', 'migration', 'pareto', 'wallet', 'retention', 'breakdowns'];
const layers = ['top', 'large', 'medium', 'small', 'inactive', 'prospect', 'suspect'];

let browser;
let app;
before(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => {
  if (app) assertNoProblems(app.problems);
  await browser?.close();
});

const evaluate = (fn, arg) => app.page.evaluate(fn, arg);
const load = (text, name) => evaluate(([t, n]) => kamcanvas.load(t, n), [text, name]);
const figures = (view) => evaluate((v) => kamcanvas.figures(v), view);
const analyze = () => evaluate(() => kamcanvas.analyze());
const showView = (view) => evaluate((v) => kamcanvas.view(v), view);

function close(actual, expected, where) {
  if (expected === null || actual === null) return assert.equal(actual, expected, where);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${where}: ${actual} ≠ ${expected}`);
}

// Figures as objects keyed by column key.
function rowsOf(f) {
  return f.rows.map((row) => Object.fromEntries(f.columns.map((c, i) => [c.key, row[i]])));
}

const examples = readdirSync(path.join(dataDir, 'examples')).filter((f) => f.endsWith('.json')).sort();

// [SECTION] figures against the expected reports -----------------------------------------

test('every chart shows the expected report of every shared example', async () => {
  for (const file of examples) {
    const expected = JSON.parse(readText(path.join(dataDir, 'expected', file.replace(/\.json$/, '.report.json'))));
    assert.ok((await load(readText(path.join(dataDir, 'examples', file)), file)).ok, file);

    const pyramid = rowsOf(await figures('pyramid'));
    assert.deepEqual(pyramid.map((r) => r.layer), layers, `${file}: pyramid layers`);
    expected.pyramid.layers.forEach((layer, i) => {
      for (const key of ['count', 'revenue', 'revenue_share', 'account_share'])
        close(pyramid[i][key], layer[key] ?? 0, `${file}: pyramid ${layer.layer}.${key}`);
    });

    const pareto = await figures('pareto');
    for (const key of ['customers', 'total_revenue', 'accounts_for_80', 'share_of_accounts_for_80', 'top20_count',
      'top20_revenue_share', 'gini'])
      close(pareto.facts[key], expected.pareto[key] ?? 0, `${file}: pareto.${key}`);
    const classCounts = { A: 0, B: 0, C: 0 };
    for (const value of Object.values(expected.pareto.abc || {})) classCounts[value] += 1;
    for (const row of rowsOf(pareto)) assert.equal(row.customers, classCounts[row.class], `${file}: class ${row.class}`);

    const wallet = await figures('wallet');
    close(wallet.facts.share_of_wallet, expected.wallet.share_of_wallet, `${file}: wallet share`);
    const walletRows = new Map(rowsOf(wallet).map((r) => [r.id, r]));
    assert.equal(walletRows.size, expected.wallet.accounts.length, `${file}: wallet accounts`);
    for (const a of expected.wallet.accounts) {
      close(walletRows.get(a.id).share_of_wallet, a.share_of_wallet, `${file}: wallet ${a.id}`);
      close(walletRows.get(a.id).room, a.room, `${file}: room ${a.id}`);
    }
    // Sorted by room, largest first.
    const rooms = rowsOf(wallet).map((r) => r.room);
    assert.deepEqual(rooms, [...rooms].sort((a, b) => b - a), `${file}: wallet order`);

    const retention = await figures('retention');
    for (const key of ['retention_rate', 'net_revenue_retention', 'previous_year'])
      close(retention.facts[key], expected.retention[key], `${file}: retention.${key}`);
    close(retention.facts.customers_previous, expected.retention.customers_previous ?? 0, `${file}: customers_previous`);
    const statuses = Object.fromEntries(rowsOf(retention).map((r) => [r.status, r.count]));
    for (const key of ['retained', 'lost', 'new', 'reactivated'])
      assert.equal(statuses[key], expected.retention[key] ?? 0, `${file}: retention.${key}`);
  }
});

test('migration and breakdowns show the engine\'s extension figures', async () => {
  for (const file of ['synthetic-400.json', 'retention.json', 'unicode.json']) {
    assert.ok((await load(readText(path.join(dataDir, 'examples', file)), file)).ok);
    const report = await analyze();
    const migration = await figures('migration');
    for (const flow of report.migration.flows) {
      const row = rowsOf(migration).find((r) => r.from === flow.from);
      assert.equal(row[`to_${flow.to}`], flow.count, `${file}: ${flow.from} → ${flow.to}`);
    }
    for (const key of ['up', 'down', 'unchanged', 'from_year', 'to_year'])
      assert.equal(migration.facts[key], report.migration[key], `${file}: migration.${key}`);

    const breakdowns = rowsOf(await figures('breakdowns'));   // segment is the first dimension
    assert.equal(breakdowns.length, report.breakdowns.segment.length, `${file}: segments`);
    report.breakdowns.segment.forEach((group, i) => {
      assert.equal(breakdowns[i].group, group.key, `${file}: segment ${i}`);
      for (const key of ['accounts', 'customers', 'revenue', 'revenue_share', 'wallet', 'share_of_wallet'])
        close(breakdowns[i][key], group[key], `${file}: segment ${group.key}.${key}`);
    });
  }
});

// [SECTION] clicking, copying, exporting -------------------------------------------------

async function partsOf(prefix) {
  return waitFor(() => evaluate(() => kamcanvas.parts()), (parts) => parts.some((p) => p.name.startsWith(prefix)),
    { what: `parts of ${prefix}` });
}

async function clickPart(name) {
  const parts = await partsOf(name.split('/')[0] + '/');
  const part = parts.find((p) => p.name === name);
  assert.ok(part, `part ${name} is drawn; drawn: ${parts.map((p) => p.name).join(', ')}`);
  await app.page.mouse.move(part.x + part.width / 2, part.y + part.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.up();
  return part;
}

test('a click on a chart part lists exactly the accounts behind it', async () => {
  assert.ok((await load(readText(exampleFile), 'zuivelhoeve.kamcanvas.json')).ok);
  await showView('dashboard');
  const report = await analyze();
  const idsWhere = (map, value) => Object.entries(map).filter(([, v]) => v === value).map(([id]) => id);

  const cases = [
    ['pyramid/layer:top', 'layer:top', idsWhere(report.pyramid.layer_of, 'top')],
    ['pyramid/layer:prospect', 'layer:prospect', idsWhere(report.pyramid.layer_of, 'prospect')],
    ['pareto/class:B', 'abc:B', idsWhere(report.pareto.abc, 'B')],
    ['migration/cell:small>inactive', 'migration:small>inactive',
      report.migration.flows.find((f) => f.from === 'small' && f.to === 'inactive').accounts],
    ['retention/status:lost', 'retention:lost', null],
  ];
  for (const [part, key, ids] of cases) {
    await clickPart(part);
    const selection = await waitFor(() => evaluate(() => kamcanvas.selection()), (s) => s.key === key,
      { what: `selection ${key}` });
    if (ids) assert.deepEqual([...selection.accounts].sort(), [...ids].sort(), part);
    assert.ok(selection.accounts.length > 0, `${part} lists accounts`);
    assert.ok(selection.title.length > 0);
    // The list's window may lie over the next chart: close it as a user would.
    await clickPart('selection/close');
    await waitFor(() => evaluate(() => kamcanvas.selection().key), (k) => k === '', { what: 'list closed' });
  }

  // The breakdowns table: a click on a row lists the segment's accounts.
  const segment = report.breakdowns.segment[0].key;
  await clickPart(`breakdowns/group:${segment}`);
  const selection = await waitFor(() => evaluate(() => kamcanvas.selection()), (s) => s.key === `segment:${segment}`);
  const portfolio = JSON.parse(readText(exampleFile));
  assert.deepEqual([...selection.accounts].sort(),
    portfolio.accounts.filter((a) => a.segment === segment).map((a) => a.id).sort());

  // The pyramid's layer also filters the accounts table (the same selection).
  await clickPart('pyramid/layer:top');
  await waitFor(() => evaluate(() => kamcanvas.selection().key), (k) => k === 'layer:top');
  await showView('accounts');
  assert.equal(await evaluate(() => kamcanvas.view()), 'accounts');
});

test('Copy puts the figures on the clipboard as tab-separated text', async () => {
  assert.ok((await load(readText(exampleFile), 'zuivelhoeve.kamcanvas.json')).ok);
  await evaluate(() => kamcanvas.language('en'));
  await showView('pareto');
  await clickPart('pareto/copy');
  const text = await waitFor(() => evaluate(() => navigator.clipboard.readText()), (t) => t.startsWith('Pareto'),
    { what: 'clipboard text' });
  const lines = text.split('\n');
  assert.deepEqual(lines[1].split('\t'), ['Class', 'Customers', 'Customer share', 'Revenue share']);
  const report = await analyze();
  const count80 = lines.find((l) => l.startsWith('Customers for 80% of revenue\t'));
  assert.equal(count80, `Customers for 80% of revenue\t${report.pareto.accounts_for_80}`);

  // Dutch: Dutch labels and a decimal comma (a Dutch spreadsheet reads it as a number).
  await evaluate(() => kamcanvas.language('nl'));
  await showView('pyramid');
  await clickPart('pyramid/copy');
  const dutch = await waitFor(() => evaluate(() => navigator.clipboard.readText()), (t) => t.startsWith('Klantenpiramide'));
  const top = dutch.split('\n').find((l) => l.startsWith('top\t')).split('\t');
  assert.equal(top[3], String(report.pyramid.layers[0].revenue_share).replace('.', ','));
  await evaluate(() => kamcanvas.language('en'));
});

test('PNG downloads a picture of the chart at the size it is drawn', async () => {
  assert.ok((await load(readText(exampleFile), 'zuivelhoeve.kamcanvas.json')).ok);
  await showView('dashboard');
  const downloadPromise = app.page.waitForEvent('download');
  await clickPart('pyramid/png');
  const download = await downloadPromise;
  assert.match(download.suggestedFilename(), /^Accountportfolio 2025-pyramid-2025\.png$/);
  const png = readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
  assert.ok(width > 300 && height > 200 && width < 1366, `a dashboard cell: ${width}×${height}`);
  assert.ok(await distinctColours(app.page, png) > 20, 'the picture has the chart in it');
});

// [SECTION] layout --------------------------------------------------------------------------

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`at ${width}×${height} the dashboard shows every chart side by side, inside the window`, async () => {
    const page = await openApp(browser, { width, height });
    try {
      const parts = await waitFor(() => page.page.evaluate(() => kamcanvas.parts()),
        (list) => charts.every((c) => list.some((p) => p.name.startsWith(`${c}/`))), { what: 'all charts drawn' });
      // Each chart's parts lie in the window, and the charts' areas do not overlap.
      const boxes = charts.map((chart) => {
        const own = parts.filter((p) => p.name.startsWith(`${chart}/`));
        return { chart, x0: Math.min(...own.map((p) => p.x)), y0: Math.min(...own.map((p) => p.y)),
          x1: Math.max(...own.map((p) => p.x + p.width)), y1: Math.max(...own.map((p) => p.y + p.height)) };
      });
      for (const b of boxes) assert.ok(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height, `${b.chart} inside`);
      for (const a of boxes)
        for (const b of boxes)
          if (a !== b) assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${a.chart} / ${b.chart}`);
      assertNoProblems(page.problems);
    } finally {
      await page.context.close();
    }
  });
}

// [SECTION] real data -------------------------------------------------------------------------

test('the real Superstore and Northwind tables give a sensible pyramid', async () => {
  for (const name of ['superstore', 'northwind']) {
    const file = path.join(dataDir, 'real', `${name}.kamcanvas.json`);
    assert.ok((await load(readText(file), path.basename(file))).ok);
    const rows = rowsOf(await figures('pyramid'));
    const customers = rows.slice(0, 4);
    // Every customer layer is filled, and a customer higher up buys more on average.
    for (const r of customers) assert.ok(r.count > 0, `${name}: ${r.layer} has customers`);
    const average = customers.map((r) => r.revenue / r.count);
    for (let i = 1; i < average.length; ++i) assert.ok(average[i - 1] > average[i], `${name}: ${rows[i].layer}`);
    const shares = customers.reduce((sum, r) => sum + r.revenue_share, 0);
    close(shares, 1, `${name}: revenue shares add up`);
  }
});
