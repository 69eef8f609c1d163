// The page's Content-Security-Policy (shell.html): the app starts and is used under it
// without one violation, every request it makes goes to its own origin, and the policy is
// really in force — fetch, beacon, WebSocket, image and script requests to another origin,
// inline script and eval are refused from the page itself. The same page with the policy
// bypassed does reach the other origin, so the refusals are the policy's doing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoProblems, dataDir, expectedSummary, launchBrowser, openApp, readText, repoDir, waitFor,
} from './harness.mjs';
import { startServer } from './serve.mjs';

let browser;
let otherOrigin;   // another port on the loopback address is another origin
let otherServerHits = 0;
before(async () => {
  browser = await launchBrowser();
  const other = await startServer(path.join(repoDir, 'web'), 0);
  other.server.on('request', () => { otherServerHits += 1; });
  other.server.on('upgrade', (request, socket) => { otherServerHits += 1; socket.destroy(); });   // a WebSocket
  other.server.unref();
  otherOrigin = new URL(other.url).origin;
});
after(async () => { await browser?.close(); });

// Runs in the page before any of its own scripts: keeps every violation report.
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
}
const violations = (page) => page.evaluate(() => window.cspViolations);

// The policy of the served page, as {directive: [sources]}.
async function policyOf(page) {
  const content = await page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null);
  assert.ok(content, 'the page has a Content-Security-Policy meta tag');
  return Object.fromEntries(content.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; }));
}

const summary = (page) => page.evaluate(() => kamcanvas.summary());

test('the policy allows the page\'s own origin only, and compiling WebAssembly', async () => {
  const { context, page, problems } = await openApp(browser);
  assert.deepEqual(await policyOf(page), {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'connect-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  });
  assertNoProblems(problems);
  await context.close();
});

test('starting and using the app breaks no rule and requests only its own origin', async () => {
  const { context, page, url, problems, requests } = await openApp(browser, { initScript: recordViolations });
  const origin = new URL(url).origin;
  assert.deepEqual(await violations(page), [], 'no violation while starting');

  // Open a file through the picker, edit in the table, undo, switch language, analyse,
  // load through the API, and save as a download: the ways the app is used.
  const file = path.join(dataDir, 'examples/synthetic-40.json');
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
  await waitFor(() => summary(page), (s) => s.accounts === expectedSummary(file).accounts,
    { what: 'the chosen file to open' });
  await page.mouse.click(300, 200);
  await page.keyboard.type('x');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.evaluate(() => kamcanvas.language('nl'));
  await page.evaluate(() => kamcanvas.analyze());
  await page.evaluate((text) => kamcanvas.load(text, 'unicode.json'),
    readText(path.join(dataDir, 'examples/unicode.json')));
  const download = page.waitForEvent('download', { timeout: 10000 });
  await page.keyboard.press('Control+S');
  assert.match((await download).suggestedFilename(), /\.kamcanvas\.json$/);
  await page.waitForTimeout(300);   // frames after the last action

  assert.deepEqual(await violations(page), [], 'no violation while in use');
  const requested = requests.map((r) => new URL(r));
  const elsewhere = requested.filter((r) => r.origin !== origin && !['data:', 'blob:'].includes(r.protocol));
  assert.deepEqual(elsewhere.map(String), [], 'requests to other origins');
  // The recorder did see the page load: a test of nothing would pass the line above too.
  const paths = requested.filter((r) => r.origin === origin).map((r) => r.pathname);
  for (const expected of ['/', '/kamcanvas.js', '/kamcanvas.wasm', '/kamcanvas.css'])
    assert.ok(paths.includes(expected), `${expected} was requested (got ${paths.join(', ')})`);
  assertNoProblems(problems);
  await context.close();
});

// Each way a page can send data tries to reach `target`; → what happened to each, as
// text. sendBeacon only says whether it queued the request: the server knows better.
function reachFromPage(target) {
  const outcome = (promise) => promise.then(() => 'sent', (error) => `refused: ${error.name}`);
  const wsTarget = target.replace(/^http/, 'ws');
  return Promise.all([
    outcome(fetch(`${target}/fetch.txt`, { mode: 'no-cors' })),
    outcome(new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('GET', `${target}/xhr.txt`);
      request.onload = resolve;
      request.onerror = () => reject(new Error('network error'));
      request.send();
    })),
    outcome(new Promise((resolve, reject) => {
      try {
        const socket = new WebSocket(`${wsTarget}/socket`);
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error('no connection'));
      } catch (error) {
        reject(error);
      }
    })),
    outcome(new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = resolve;
      image.onerror = () => reject(new Error('not loaded'));
      image.src = `${target}/favicon.svg`;
    })),
    outcome(new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${target}/script.js`;
      script.onload = resolve;
      script.onerror = () => reject(new Error('not loaded'));
      document.head.append(script);
    })),
    Promise.resolve(navigator.sendBeacon(`${target}/beacon`, 'data') ? 'queued' : 'refused'),
  ]).then(([fetched, xhr, socket, image, script, beacon]) => ({ fetched, xhr, socket, image, script, beacon }));
}

test('the policy is in force: another origin, inline script and eval are refused', async () => {
  const { context, page, problems } = await openApp(browser, { initScript: recordViolations });
  const hitsBefore = otherServerHits;
  const { beacon, ...outcomes } = await page.evaluate(reachFromPage, otherOrigin);
  for (const [way, outcome] of Object.entries(outcomes)) assert.match(outcome, /^refused/, way);

  // In a task of the page's own: code evaluated through DevTools may eval regardless.
  const inline = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
    window.inlineRan = false;
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.head.append(script);
    let evalOutcome = 'ran';
    try { eval('1 + 1'); } catch (error) { evalOutcome = error.name; }
    let functionOutcome = 'ran';
    try { new Function('return 1')(); } catch (error) { functionOutcome = error.name; }
    resolve({ inlineRan: window.inlineRan, evalOutcome, functionOutcome });
  }, 0)));
  assert.deepEqual(inline, { inlineRan: false, evalOutcome: 'EvalError', functionOutcome: 'EvalError' });

  // Each refusal is reported: the other origin's URLs, the inline script, the evals.
  const otherHost = new URL(otherOrigin).host;
  const blocked = (v) => (['inline', 'eval'].includes(v.blocked) ? v.blocked : new URL(v.blocked).host);
  const expected = ['connect-src', 'img-src', 'script-src', 'script-src-elem'];
  const reported = await waitFor(() => violations(page),
    (v) => expected.every((d) => v.some((r) => r.directive === d)), { what: 'violation reports' });
  assert.deepEqual([...new Set(reported.map((v) => v.directive))].sort(), expected);
  assert.deepEqual([...new Set(reported.map(blocked))].sort(), ['eval', 'inline', otherHost].sort());
  await page.waitForTimeout(500);   // the beacon is sent after the call returns
  assert.equal(otherServerHits, hitsBefore, 'nothing reached the other origin');

  // Refusals are reported on the console (and the attempts seen as requests, which the
  // policy then stopped); nothing else went wrong, and the app is unharmed.
  const deliberate = (p) => /Content Security Policy/.test(p) || p.startsWith(`request to another origin: ${otherOrigin}/`);
  assert.deepEqual(problems.filter((p) => !deliberate(p)), []);
  assert.equal((await summary(page)).accounts > 0, true);
  await context.close();
});

test('without the policy the same page does reach the other origin', async () => {
  const { context, page, url, requests } = await openApp(browser, { contextOptions: { bypassCSP: true } });
  const hitsBefore = otherServerHits;
  const outcomes = await page.evaluate(reachFromPage, otherOrigin);
  assert.equal(outcomes.fetched, 'sent');
  assert.equal(outcomes.image, 'sent');
  assert.equal(outcomes.beacon, 'queued');
  // fetch, XHR, WebSocket, image, script and beacon all reach the server.
  await waitFor(async () => otherServerHits - hitsBefore, (n) => n >= 6, { what: 'requests at the other origin' });
  const origin = new URL(url).origin;
  assert.ok(requests.some((r) => r.startsWith(otherOrigin + '/') && !r.startsWith(origin + '/')),
    'the request recorder saw the request to the other origin');
  await context.close();
});
