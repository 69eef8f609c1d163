// Shared helpers of the browser tests: start Debian's Chromium through playwright-core,
// open the served app, and record every console error, page error and request to another
// origin, which the tests then require to be none.
//
// The app's URL comes from KC_WEB_URL (scripts/test-web starts one server for all files);
// without it the built site (KC_SITE_DIR, default build-web/site) is served in-process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.KC_SHARED_DIR || path.resolve(repoDir, '../shared');
export const dataDir = path.join(sharedDir, 'data');
export const exampleFile = path.join(repoDir, 'web/examples/zuivelhoeve.kamcanvas.json');

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync',
];

let sharedServer = null;
async function appUrl() {
  if (process.env.KC_WEB_URL) return process.env.KC_WEB_URL;
  if (!sharedServer) {
    const site = process.env.KC_SITE_DIR || path.join(repoDir, 'build-web/site');
    sharedServer = await startServer(site, 0);
    sharedServer.server.unref();   // lets node exit when the tests are done
  }
  return sharedServer.url;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.KC_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

// Opens the app in a new page and waits for window.kamcanvas.ready.
// → {context, page, url, problems, requests}; problems collects what must not happen,
// requests every URL the page asked for, in order.
// contextOptions go to browser.newContext; initScript runs in the page before its own.
export async function openApp(browser, {
  width = 1366, height = 768, dpr = 1, locale = 'en-US', contextOptions = {}, initScript = null,
} = {}) {
  const url = await appUrl();
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, locale, acceptDownloads: true, ...contextOptions,
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const requested = request.url();
    requests.push(requested);
    if (!requested.startsWith(origin + '/') && !/^(data|blob):/.test(requested))
      problems.push(`request to another origin: ${requested}`);
  });
  // Intercept file pickers from the start: enabling it only when a test waits for one
  // races with the picker opening, and an unintercepted headless picker just vanishes.
  page.on('filechooser', () => {});
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.kamcanvas.ready);
  return { context, page, url, problems, requests };
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], 'console errors, page errors or foreign requests');
}

// Polls `read` (async) until `accept(value)` holds; returns the value.
export async function waitFor(read, accept, { timeout = 10000, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  while (Date.now() < deadline) {
    value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
}

export function readText(file) {
  return readFileSync(file, 'utf8');
}

// {name, accounts, year} of a portfolio file, computed here from the spec (analysis year:
// portfolio.year, else the latest year with revenue > 0 in any account, else null).
export function expectedSummary(file) {
  const portfolio = JSON.parse(readText(file));
  const accounts = portfolio.accounts || [];
  let year = portfolio.portfolio && Number.isInteger(portfolio.portfolio.year) ? portfolio.portfolio.year : null;
  if (year === null) {
    for (const account of accounts)
      for (const [key, value] of Object.entries(account.revenue || {}))
        if (value > 0 && (year === null || Number(key) > year)) year = Number(key);
  }
  return { name: (portfolio.portfolio && portfolio.portfolio.name) || '', accounts: accounts.length, year };
}

// Distinct colours in a PNG screenshot, counted in the browser (it decodes PNGs for us).
export async function distinctColours(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4)
      colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return colours.size;
  }, png.toString('base64'));
}
