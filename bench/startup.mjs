// Start-up benchmark: the web app next to Dear ImGui's own bare GLFW example built with the
// same flags (bench/bare), opened alternately in headless Chromium, each time in a fresh
// browser context: a first visit, with nothing downloaded or compiled before.
//
//   bench/startup.sh                       # builds the bare example, then runs this
//   node bench/startup.mjs APP_SITE BARE_SITE    (RUNS=15 by default)
//
// Both pages get the same instrumentation before their own scripts run: every
// requestAnimationFrame callback is watched for WebGL draw calls, and the end of each
// callback that drew is stamped with performance.now() (milliseconds since navigation
// start). That gives, for both, the time of the first frame drawn — the same event in
// both, measured the same way. For the app it also stamps when window.kamcanvas.ready
// resolves: the third frame drawn with the start document (the bundled example) open.
import { launchBrowser } from '../tests/web/harness.mjs';
import { startServer } from '../tests/web/serve.mjs';

const [appSite, bareSite] = process.argv.slice(2);
if (!appSite || !bareSite) {
  console.error('usage: node bench/startup.mjs APP_SITE_DIR BARE_SITE_DIR');
  process.exit(2);
}
// Medians of 15: on a small, shared machine single runs differ by a factor of two.
const runs = Number(process.env.RUNS || 15);
const framesWanted = 3;   // drawn frames to wait for: the app's ready comes on its third

// Runs in the page before any of its scripts (context.addInitScript).
function instrument(framesWanted) {
  const marks = { compiled: null, firstFrameStart: null, drawn: [], ready: null };
  window.__startup = marks;
  // When the .wasm is downloaded, compiled and instantiated: what comes after is start-up
  // code (main() up to the first frame).
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const instantiate = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return instantiate.apply(this, args).then((result) => {
        marks.compiled ??= performance.now();
        return result;
      });
    };
  }
  let drewThisFrame = false;
  const watchDraws = (proto) => {
    for (const name of ['drawElements', 'drawArrays']) {
      const draw = proto[name];
      proto[name] = function (...args) {
        drewThisFrame = true;
        return draw.apply(this, args);
      };
    }
  };
  watchDraws(WebGLRenderingContext.prototype);
  watchDraws(WebGL2RenderingContext.prototype);

  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((time) => {
    drewThisFrame = false;
    const start = performance.now();
    try {
      callback(time);
    } finally {
      if (drewThisFrame && !marks.drawn.length) marks.firstFrameStart = start;
      if (drewThisFrame && marks.drawn.length < framesWanted) marks.drawn.push(performance.now());
      // The app's API exists once its script ran; hook ready before it can resolve.
      if (window.kamcanvas && !marks.hooked) {
        marks.hooked = true;
        window.kamcanvas.ready.then(() => { marks.ready = performance.now(); }, () => {});
      }
    }
  });
}

async function measure(browser, url, isApp) {
  // A screen larger than the window: GLFW-JS asks for fullscreen when a window is resized
  // to exactly the screen's size (Playwright's default screen is the viewport), which the
  // bare example would do and the browser refuses without a user gesture.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 }, screen: { width: 1366, height: 800 },
  });
  try {
    await context.addInitScript(instrument, framesWanted);
    const page = await context.newPage();
    // A fresh context starts with an empty HTTP cache and no compiled code: every run is a
    // first visit (checked below through the .wasm's transfer size). DevTools' network
    // agent is left off: it keeps a copy of every response, which slows a download in
    // proportion to its size, as no user's browser does (KC_BENCH_DEVTOOLS_NETWORK=1 turns
    // it on, with its cache switch, to compare).
    if (process.env.KC_BENCH_DEVTOOLS_NETWORK) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(({ isApp, framesWanted }) => {
      const marks = window.__startup;
      return marks && marks.drawn.length >= framesWanted && (!isApp || marks.ready !== null);
    }, { isApp, framesWanted }, { timeout: 60000, polling: 50 });
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    // Then a second of frames with nothing happening: what one frame costs here.
    const idleFrames = await page.evaluate(() => new Promise((resolve) => {
      const deltas = [];
      let last = null;
      const end = performance.now() + 1000;
      const step = (now) => {
        if (last !== null) deltas.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(step); else resolve(deltas);
      };
      requestAnimationFrame(step);
    }));
    return await page.evaluate((idleFrames) => ({
      idleFrame: idleFrames.sort((a, b) => a - b)[Math.floor(idleFrames.length / 2)],
      compiled: window.__startup.compiled,
      firstFrameStart: window.__startup.firstFrameStart,
      drawn: window.__startup.drawn,
      ready: window.__startup.ready,
      webgl2: !!document.getElementById('canvas').getContext('webgl2'),
      wasmTransferred: performance.getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.wasm')).map((entry) => entry.transferSize),
    }), idleFrames);
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;

const app = await startServer(appSite, 0);
const bare = await startServer(bareSite, 0);
const browser = await launchBrowser();
const results = { app: [], bare: [] };
try {
  for (let i = 0; i < runs; i++) {
    // Alternating, the bare example first on even runs and second on odd ones.
    const order = i % 2 ? ['app', 'bare'] : ['bare', 'app'];
    for (const which of order) {
      const url = which === 'app' ? app.url : bare.url;
      results[which].push(await measure(browser, url, which === 'app'));
    }
    const a = results.app.at(-1), b = results.bare.at(-1);
    console.log(`run ${i + 1}: bare: wasm ${ms(b.compiled)}, first frame ${ms(b.drawn[0])} | ` +
      `app: wasm ${ms(a.compiled)}, first frame ${ms(a.drawn[0])}, ready ${ms(a.ready)}`);
  }
} finally {
  await browser.close();
  app.server.close();
  bare.server.close();
}

for (const [which, list] of Object.entries(results)) {
  if (!list.every((r) => r.webgl2)) console.log(`warning: ${which} did not draw in a WebGL 2 context`);
  if (!list.every((r) => r.wasmTransferred.length === 1 && r.wasmTransferred[0] > 0))
    throw new Error(`${which}: a run did not download its .wasm exactly once (${JSON.stringify(list.map((r) => r.wasmTransferred))})`);
}
const bareCompiled = median(results.bare.map((r) => r.compiled));
const appCompiled = median(results.app.map((r) => r.compiled));
const bareFirst = median(results.bare.map((r) => r.drawn[0]));
const bareThird = median(results.bare.map((r) => r.drawn[framesWanted - 1]));
const appFirst = median(results.app.map((r) => r.drawn[0]));
const appReady = median(results.app.map((r) => r.ready));
console.log(`\nmedian of ${runs} runs each, from navigation start (each a first visit: fresh context, empty cache):`);
console.log(`  bare ImGui example: wasm instantiated ${ms(bareCompiled)}, first frame drawn ${ms(bareFirst)}, third ${ms(bareThird)}`);
console.log(`  kamcanvas:          wasm instantiated ${ms(appCompiled)}, first frame drawn ${ms(appFirst)}, ready ${ms(appReady)}`);
console.log(`  first frame: kamcanvas / bare = ${(appFirst / bareFirst).toFixed(2)}x (goal <= 1.3x)`);
console.log(`  kamcanvas ready (third frame with the example open) / bare third frame = ${(appReady / bareThird).toFixed(2)}x`);
console.log(`  idle frame time after start (median of medians): kamcanvas ` +
  `${median(results.app.map((r) => r.idleFrame)).toFixed(1)} ms, bare ${median(results.bare.map((r) => r.idleFrame)).toFixed(1)} ms`);
// Where the time between the instantiated wasm and the first frame goes: main() and what
// runs before the first animation frame, then that frame's own callback.
const split = (list) => ({
  main: median(list.map((r) => r.firstFrameStart - r.compiled)),
  frame: median(list.map((r) => r.drawn[0] - r.firstFrameStart)),
});
const appSplit = split(results.app), bareSplit = split(results.bare);
console.log(`  wasm instantiated → first drawn frame's callback starts: kamcanvas ${ms(appSplit.main)}, bare ${ms(bareSplit.main)}`);
console.log(`  first drawn frame's callback itself:                    kamcanvas ${ms(appSplit.frame)}, bare ${ms(bareSplit.frame)}`);
