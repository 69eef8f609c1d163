// Browser half of the benchmark: in headless Chromium, on the release web app, times
// kamcanvas.load() and kamcanvas.analyze() for a generated portfolio next to JSON.parse of
// the same text in the same page, and reads the wasm heap size.
//
//   bench/browser.sh                # builds the site, generates the files, runs this
//   node bench/browser.mjs FILE...  # with the site already built (KC_SITE_DIR or build-web/site)
//
// The file is handed to the page by an intercepted same-origin URL, so no data crosses
// CDP as a giant argument and the page makes no request to another origin.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openApp } from '../tests/web/harness.mjs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node bench/browser.mjs PORTFOLIO.json...');
  process.exit(2);
}
const runs = Number(process.env.RUNS || 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const browser = await launchBrowser();
try {
  for (const file of files) {
    const { context, page } = await openApp(browser);
    const name = path.basename(file);
    await page.route(`**/bench-data/${name}`, (route) =>
      route.fulfill({ body: readFileSync(file), contentType: 'application/json' }));
    const figures = await page.evaluate(async ({ url, runs }) => {
      const text = await (await fetch(url)).text();
      const timings = { parse: [], load: [], analyze: [] };
      let accounts = 0;
      for (let i = 0; i < runs; i++) {
        let start = performance.now();
        accounts = JSON.parse(text).accounts.length;
        timings.parse.push(performance.now() - start);

        start = performance.now();
        const result = window.kamcanvas.load(text, 'bench.json');
        timings.load.push(performance.now() - start);
        if (!result.ok) throw new Error(`load failed: ${JSON.stringify(result.errors.slice(0, 3))}`);

        start = performance.now();
        window.kamcanvas.analyze();
        timings.analyze.push(performance.now() - start);
      }
      return { accounts, timings, heap: window.kamcanvas.memory ? window.kamcanvas.memory() : null };
    }, { url: `/bench-data/${name}`, runs });

    const parse = median(figures.timings.parse);
    const load = median(figures.timings.load);
    const analyze = median(figures.timings.analyze);
    console.log(`${name}: ${figures.accounts} accounts, ${mb(statSync(file).size)} (median of ${runs})`);
    console.log(`  JSON.parse        ${ms(parse)}`);
    console.log(`  kamcanvas.load    ${ms(load)}   (${(load / parse).toFixed(2)}x JSON.parse; goal <= 4x)`);
    console.log(`  kamcanvas.analyze ${ms(analyze)}   (report as a JS object, JSON included)`);
    if (figures.heap) console.log(`  wasm heap         ${mb(figures.heap)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
