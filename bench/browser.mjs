// Browser half of the benchmark: in headless Chromium, on the release web app, with a
// generated portfolio
//   - times kamcanvas.open() (in pieces, as the file picker opens a file), kamcanvas.load()
//     (the whole text at once) and kamcanvas.analyze() next to JSON.parse of the same text
//     in the same page, and records the frames drawn during the first open;
//   - reads the wasm heap (the WebAssembly memory's size: its high-water mark, as wasm
//     memory never shrinks) after the first open, as a multiple of the file's size;
//   - with the portfolio open, records frame times (requestAnimationFrame deltas) while
//     nothing happens, while the mouse wheel scrolls the accounts table and the rating
//     grid, and while a criterion's weight is dragged on its slider and after (every
//     frame of a drag is a weight change: the rating is recomputed for the next frame).
//
//   bench/browser.sh                # generates the files, runs this on a built site
//   node bench/browser.mjs FILE...  # with the site already built (KC_SITE_DIR or build-web/site)
//
// RUNS (default 3) load/analyze repetitions; the frame scenarios run once per file.
// The file is handed to the page by an intercepted same-origin URL, so no data crosses
// CDP as a giant argument and the page makes no request to another origin.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openApp, waitFor } from '../tests/web/harness.mjs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node bench/browser.mjs PORTFOLIO.json...');
  process.exit(2);
}
const runs = Number(process.env.RUNS || 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// [SECTION] load and analyze -------------------------------------------------------------

// Opens the file once with kamcanvas.open, as the file picker does (in pieces, frames
// drawn between them: → heap after it, and the frames while it ran), then `runs` times
// JSON.parse, open, load (the whole text at once) and analyze, each timed. The portfolio
// stays open.
function timeLoading(page, url) {
  return page.evaluate(async ({ url, runs }) => {
    const text = await (await fetch(url)).text();
    const heapBefore = HEAPU8.buffer.byteLength;
    const frames = [];
    let last = performance.now();
    let watching = true;
    const watch = (now) => {
      frames.push(now - last);
      last = now;
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const openStart = performance.now();
    const first = await window.kamcanvas.open(text, 'bench.json');
    const firstOpen = performance.now() - openStart;
    watching = false;
    if (!first.ok) throw new Error(`open failed: ${JSON.stringify(first.errors.slice(0, 3))}`);
    const heapAfterLoad = HEAPU8.buffer.byteLength;

    const timings = { parse: [], open: [], load: [], analyze: [] };
    let accounts = 0;
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      accounts = JSON.parse(text).accounts.length;
      timings.parse.push(performance.now() - start);

      start = performance.now();
      const opened = await window.kamcanvas.open(text, 'bench.json');
      timings.open.push(performance.now() - start);
      if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.errors.slice(0, 3))}`);

      start = performance.now();
      const result = window.kamcanvas.load(text, 'bench.json');
      timings.load.push(performance.now() - start);
      if (!result.ok) throw new Error(`load failed: ${JSON.stringify(result.errors.slice(0, 3))}`);

      start = performance.now();
      window.kamcanvas.analyze();
      timings.analyze.push(performance.now() - start);
    }
    return { accounts, timings, firstOpen, openFrames: frames, heapBefore, heapAfterLoad,
      heapAtEnd: HEAPU8.buffer.byteLength };
  }, { url, runs });
}

// [SECTION] frame times ------------------------------------------------------------------

// Runs in the page before its own scripts (openApp's initScript): for each
// requestAnimationFrame callback that drew (made a WebGL draw call), the time it took less
// the time spent inside WebGL calls — the app's own work for a frame, wasm and JS. The
// interval between frames also holds the browser's compositing and the rendering, which
// here is SwiftShader on the same CPU; and WebGL calls that read state (ImGui's backend
// saves the GL state each frame) wait there until the previous frame is rendered.
function watchFrameWork() {
  let drew = false;
  let inWebGL = 0;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (typeof descriptor.value !== 'function' || name === 'constructor') continue;
      const call = descriptor.value;
      const isDraw = name === 'drawElements' || name === 'drawArrays';
      proto[name] = function (...args) {
        if (isDraw) drew = true;
        const start = performance.now();
        try {
          return call.apply(this, args);
        } finally {
          inWebGL += performance.now() - start;
        }
      };
    }
  }
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((time) => {
    drew = false;
    inWebGL = 0;
    const start = performance.now();
    try {
      callback(time);
    } finally {
      const work = window.__frameWork;
      if (drew && work && work.on) work.list.push(performance.now() - start - inWebGL);
    }
  });
}

// Starts recording requestAnimationFrame deltas, and the app's work per frame, in the page.
const startFrames = (page) => page.evaluate(() => {
  const recording = { deltas: [], running: true };
  window.__frames = recording;
  window.__frameWork = { on: true, list: [] };
  let last = null;
  const step = (now) => {
    if (!recording.running) return;
    if (last !== null) recording.deltas.push(now - last);
    last = now;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
});

// Stops the recording → {deltas, work} in milliseconds.
const stopFrames = (page) => page.evaluate(() => {
  window.__frames.running = false;
  window.__frameWork.on = false;
  return { deltas: window.__frames.deltas, work: window.__frameWork.list };
});

const afterFrames = (page, count) => page.evaluate((count) => new Promise((resolve) => {
  const step = () => (count-- <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), count);

function percentiles(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { frames: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function canvasMiddle(page) {
  return page.evaluate(() => {
    const box = document.getElementById('canvas').getBoundingClientRect();
    return [box.x + box.width / 2, box.y + box.height / 2];
  });
}

// Frames while the wheel scrolls `view` down: 40 notches of 300 px, one every 50 ms.
async function scrolling(page, view) {
  await page.evaluate((v) => kamcanvas.view(v), view);
  await afterFrames(page, 5);
  await page.mouse.move(...(await canvasMiddle(page)));
  await startFrames(page);
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(50);
  }
  await afterFrames(page, 10);
  return stopFrames(page);
}

// Frames from now until autosave has written the open portfolio (it does so a while
// after a file was opened or changed).
async function untilAutosaved(page) {
  await startFrames(page);
  await waitFor(() => page.evaluate(() => kamcanvas.autosave()), (state) => !state.pending,
    { timeout: 60000, interval: 200, what: 'autosave to write the portfolio' });
  await afterFrames(page, 5);
  return stopFrames(page);
}

// Frames while nothing happens, on the accounts table: what drawing alone costs.
async function idle(page) {
  await page.evaluate(() => kamcanvas.view('accounts'));
  await afterFrames(page, 5);
  await startFrames(page);
  await page.waitForTimeout(2000);
  return stopFrames(page);
}

// Frames while the first criterion's weight is dragged along its slider (30 mouse
// moves, each a new weight) and the 60 frames after the button is released.
async function weightChange(page) {
  await page.evaluate(() => kamcanvas.view('criteria'));
  const slider = await waitFor(() => page.evaluate(() => kamcanvas.parts().find((p) => p.name.startsWith('criteria/weight:'))),
    (part) => !!part, { what: 'a weight slider among kamcanvas.parts()' });
  const before = await page.evaluate(() => JSON.stringify(kamcanvas.analyze().rating.ranking.slice(0, 3)));
  await afterFrames(page, 5);   // what the API call left for the app's frames is done
  const y = slider.y + slider.height / 2;
  await page.mouse.move(slider.x + slider.width * 0.2, y);
  await startFrames(page);
  await page.mouse.down();
  await page.mouse.move(slider.x + slider.width * 0.8, y, { steps: 30 });
  await page.mouse.up();
  await afterFrames(page, 60);
  const frames = await stopFrames(page);
  const after = await page.evaluate(() => JSON.stringify(kamcanvas.analyze().rating.ranking.slice(0, 3)));
  return { frames, changed: before !== after, slider: slider.name };
}

// [SECTION] the run ----------------------------------------------------------------------

// `recorded`: {deltas, work} (stopFrames).
function printFrames(label, recorded, autosaved) {
  const { frames, p50, p95, max } = percentiles(recorded.deltas);
  const verdict = p95 < 16 ? 'meets' : 'misses';
  const work = recorded.work.length ? percentiles(recorded.work) : null;
  console.log(`  ${label.padEnd(36)} ${String(frames).padStart(4)} frames  p50 ${p50.toFixed(1).padStart(6)}  ` +
    `p95 ${p95.toFixed(1).padStart(6)}  max ${max.toFixed(1).padStart(6)} ms   (${verdict} p95 < 16 ms)` +
    (work ? `; the app's work a frame, WebGL calls left out: p50 ${work.p50.toFixed(1)}  p95 ${work.p95.toFixed(1)}  max ${work.max.toFixed(1)} ms` : '') +
    (autosaved ? `  [autosave wrote the portfolio meanwhile: ${mb(autosaved.bytes)} made in ${autosaved.frames} ` +
      `frames, ${ms(autosaved.ms)} in all]` : ''));
}

// Runs a scenario → [deltas, the autosave write that completed while it ran or null]: a
// write makes the text of the portfolio on the main thread, a few ms a frame.
async function withAutosave(page, scenario) {
  const autosave = () => page.evaluate(() => kamcanvas.autosave());
  const before = (await autosave()).savedAt;
  const result = await scenario();
  const after = await autosave();
  return [result, after.savedAt !== before ? after.lastWrite : null];
}

// The harness unrefs its server, and while the page is busy for seconds (an autosave of
// a big portfolio) node could find nothing else keeping it alive and quietly exit.
const keepAlive = setInterval(() => {}, 1000);
const browser = await launchBrowser();
try {
  console.log(`${await browser.version()}, headless, WebGL in software (SwiftShader): frame times are the CPU's`);
  for (const file of files) {
    // No service worker: the page's fetch of the file must reach page.route, which does
    // not see requests a worker makes.
    const { context, page } = await openApp(browser, {
      contextOptions: { serviceWorkers: 'block' }, initScript: watchFrameWork,
    });
    const name = path.basename(file);
    const size = statSync(file).size;
    await page.route(`**/bench-data/${name}`, (route) =>
      route.fulfill({ body: readFileSync(file), contentType: 'application/json' }));
    const figures = await timeLoading(page, `/bench-data/${name}`);

    const parse = median(figures.timings.parse);
    const open = median(figures.timings.open);
    const load = median(figures.timings.load);
    const analyze = median(figures.timings.analyze);
    console.log(`${name}: ${figures.accounts} accounts, ${mb(size)} (median of ${runs})`);
    console.log(`  JSON.parse        ${ms(parse)}`);
    console.log(`  kamcanvas.open    ${ms(open)}   (${(open / parse).toFixed(2)}x JSON.parse; goal <= 4x; ` +
      'in pieces with frames between, as the file picker opens a file)');
    console.log(`  kamcanvas.load    ${ms(load)}   (${(load / parse).toFixed(2)}x JSON.parse; the whole text at once, ` +
      'the page frozen meanwhile)');
    console.log(`  kamcanvas.analyze ${ms(analyze)}   (report as a JS object, JSON included)`);
    const multiple = (bytes) => `${(bytes / size).toFixed(2)}x the file`;
    console.log(`  wasm heap         ${mb(figures.heapBefore)} with the example; ${mb(figures.heapAfterLoad)} after the ` +
      `first open (${multiple(figures.heapAfterLoad)}; goal < 3x); ${mb(figures.heapAtEnd)} after ${runs} more ` +
      'opens, loads and analyses');
    printFrames(`the first open (${ms(figures.firstOpen)})`, { deltas: figures.openFrames, work: [] }, null);

    console.log(`  frame times with ${figures.accounts} accounts open (requestAnimationFrame deltas):`);
    printFrames('after the loads, until autosave wrote', ...(await withAutosave(page, () => untilAutosaved(page))));
    printFrames('idle, accounts table', ...(await withAutosave(page, () => idle(page))));
    printFrames('wheel scrolling the accounts table', ...(await withAutosave(page, () => scrolling(page, 'accounts'))));
    printFrames('wheel scrolling the rating grid', ...(await withAutosave(page, () => scrolling(page, 'rating'))));
    const [weight, autosaved] = await withAutosave(page, () => weightChange(page));
    printFrames('weight dragged, and 60 frames after', weight.frames, autosaved);
    if (!weight.changed) console.log(`  (warning: dragging ${weight.slider} did not change the rating's top 3)`);
    await context.close();
  }
} finally {
  await browser.close();
  clearInterval(keepAlive);
}
