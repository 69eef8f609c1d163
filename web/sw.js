// kamcanvas's service worker: after one visit, the app opens without a network. It caches
// the site's own files when it installs and serves them from that cache; anything else
// (a ?src= file, say) goes to the network as usual. Registered by src/web/browser.js on
// http(s) pages only.
//
// Versions: cmake/web.cmake writes this file into the site with SITE_VERSION replaced by
// a hash of every cached file, so each build that changes a file changes this one. The
// browser then installs the new worker next to the old one; it takes over (and deletes
// the old cache) once no page of the old version is open any more, so a running page
// never gets files of two versions.
'use strict';

const cacheName = 'kamcanvas-@KC_SITE_VERSION@';
const siteFiles = ['./', 'index.html', 'kamcanvas.js', 'kamcanvas.wasm', 'kamcanvas.css', 'favicon.svg',
                   'manifest.webmanifest'];

self.addEventListener('install', (event) => {
  // 'reload': fresh from the server, never from the HTTP cache of an older version.
  event.waitUntil(caches.open(cacheName).then((cache) =>
    cache.addAll(siteFiles.map((file) => new Request(file, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('kamcanvas-') && name !== cacheName)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));   // the first visit's page works offline too
});

// The app's page, also with ?src= or a share link (the fragment never reaches here).
function isAppPage(url) {
  const scope = new URL(self.registration.scope);
  return url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const cached = request.mode === 'navigate'
    ? (isAppPage(url) ? caches.match('index.html', { cacheName }) : Promise.resolve(undefined))
    : caches.match(request, { cacheName });
  event.respondWith(cached.then((response) => response || fetch(request)));
});
