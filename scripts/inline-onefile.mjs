#!/usr/bin/env node
// Makes the one-file build's page: shell.html with the program (kamcanvas.js linked with
// -sSINGLE_FILE=1, the .wasm inside it as base64), the stylesheet and the icon inlined, so
// the page needs no other file and works when opened from file://. Run by the `onefile`
// target of cmake/web.cmake (scripts/build-onefile).
//
//   node scripts/inline-onefile.mjs --page shell.html --script kamcanvas.js
//        --style kamcanvas.css --icon favicon.svg --out kamcanvas.html
//
// The page's Content-Security-Policy stays as strict as the site's: instead of 'self',
// the inline script and stylesheet are allowed by their SHA-256 hashes (and fetch() may
// read data: URLs, which is how the program reads its own WebAssembly). Whatever the
// script expects to find in the page and does not, stops the build (exit 1), so a changed
// shell.html cannot quietly give a broken file.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

function fail(message) {
  console.error(`inline-onefile: ${message}`);
  process.exit(1);
}

const options = {};
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const name of ['page', 'script', 'style', 'icon', 'out'])
  if (!options[name]) fail(`--${name} is missing`);

// Line ends as the HTML parser leaves them (CRLF and CR become LF), so the hashes below
// are of the text the browser checks.
const read = (file) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
let page = read(options.page);
// Inside <script> and <style>, only "</script" / "</style" and "<!--" can end or confuse
// the element; written with a backslash they mean the same to JavaScript and CSS strings.
const script = read(options.script).replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
const style = read(options.style).replace(/<\/style/gi, '<\\/style');
const icon = `data:image/svg+xml;base64,${readFileSync(options.icon).toString('base64')}`;
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function replaceOnce(pattern, replacement, what) {
  if (!pattern.test(page)) fail(`${options.page} has no ${what}`);
  page = page.replace(pattern, () => replacement);
}

replaceOnce(/<link rel="stylesheet" href="kamcanvas\.css">/, `<style>${style}</style>`, 'stylesheet link');
replaceOnce(/<script src="kamcanvas\.js" defer><\/script>\n?/, '', 'kamcanvas.js script tag');
// At the end of <body>: the canvas and status elements exist when it runs (as with defer).
replaceOnce(/<\/body>/, `<script>${script}</script>\n</body>`, '</body>');
replaceOnce(/href="favicon\.svg"/, `href="${icon}"`, 'icon link');
// No manifest and no service worker from file:// (browser.js registers none there).
page = page.replace(/\s*<link rel="manifest"[^>]*>/, '');
const policy = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
if (policy.test(page)) {
  page = page.replace(policy, (all, start, content, end) => {
    // connect-src data: lets Emscripten's loader fetch() the .wasm from the data: URL it
    // holds (it decodes the base64 itself when that fails, but only after a violation).
    const rewritten = content
      .replace(/script-src 'self'/, `script-src ${hash(script)}`)
      .replace(/style-src 'self'/, `style-src ${hash(style)}`)
      .replace(/connect-src 'self'/, 'connect-src \'self\' data:');
    if (!rewritten.includes('sha256-') || !rewritten.includes('connect-src \'self\' data:'))
      fail('the Content-Security-Policy has no script-src, style-src and connect-src \'self\' to rewrite');
    return start + rewritten + end;
  });
}
writeFileSync(options.out, page);
console.log(`inline-onefile: ${options.out} (${Math.round(page.length / 1024)} KB)`);
