// ssi-coach service worker: the whole app, runtime included, from this browser's cache.
//
// tools/build_dist.py fills VERSION (a hash of every file listed) and PRECACHE (every file
// of the built site) in the copy it writes to dist/; this source copy caches nothing.
// Cache-first: once installed, the page, the Python runtime and the packages come from the
// cache, so the app opens with the network off. A new deployment installs beside the old
// one and waits; the page offers "reload", and only then does the new version take over,
// so a page never runs half old and half new files. Old caches are deleted on activation.
const VERSION = "dev";
const PRECACHE = [];
const CACHE = `ssi-coach-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith("ssi-coach-") && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "activate-update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The fragment (a shared report) never reaches here; a query string is ignored so
    // "?utm=..." links still open offline.
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
