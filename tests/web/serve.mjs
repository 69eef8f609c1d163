// A tiny static file server for the built web app (no dependencies): serves one folder on
// 127.0.0.1 with the right MIME types (application/wasm for .wasm, which streaming
// compilation requires). Used by scripts/serve and scripts/test-web.
//
//   node tests/web/serve.mjs DIR [PORT]     PORT 0 (or none): a free port is picked
//
// Prints "serving DIR on http://127.0.0.1:PORT/" once listening. As a module,
// startServer(dir, port) returns {server, url}.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

// The file a URL path names inside `root`, or null when it would leave `root`.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function handle(root, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'method not allowed\n');
  const urlPath = new URL(request.url, 'http://localhost').pathname;
  let file = resolveInside(root, urlPath);
  if (!file) return send(response, 403, 'forbidden\n');
  let stat;
  try {
    stat = await fs.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.stat(file);
    }
  } catch {
    return send(response, 404, 'not found\n');
  }
  response.writeHead(200, {
    'Content-Type': mimeTypes[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

export function startServer(dir, port = 0) {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => send(response, 500, 'internal error\n'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tests/web/serve.mjs DIR [PORT]');
    process.exit(2);
  }
  const { url } = await startServer(dir, Number(port || 0));
  console.log(`serving ${path.resolve(dir)} on ${url}`);
}
