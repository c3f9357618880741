// The app shell for offline use: a resident must be able to open a booking's entry QR code at
// the cemetery gate without a network (the booking itself is kept in localStorage by the app).
// Network first, so a deploy is picked up at once; the cache only answers when offline.
// API responses are never cached here. The caches hold only the app's pages and files, and the
// app deletes every cache (Cache API, src/shared/session.rs `forget_resident`) when a resident
// signs out or their session is found gone, so nothing opened on a shared phone outlives them.
const CACHE = "baoan-shell-v2";

// Caches a page and every file it names (stylesheet, scripts, the bundle's wasm).
async function precachePage(cache, path, key) {
  const res = await fetch(path, { cache: "no-store" });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put(key, res);
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(assets.map((a) => cache.add(a).catch(() => {})));
}

// At install: the home page, and the page of every tab of ours already open (its bundle was
// loaded before this worker could see it), so the page the resident is on opens offline.
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const pages = new Map([["/", "/"]]);
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    const url = new URL(client.url);
    if (url.origin === self.location.origin) pages.set(pageKey(url), url.pathname);
  }
  await Promise.all([...pages].map(([key, path]) => precachePage(cache, path, key).catch(() => {})));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precacheShell().catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) =>
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  ),
);

// The app is built as bundles, each started by its own page; the first path segment decides
// which (contract/src/bundle.rs). A page is cached under that segment, so an offline reload of
// /memorial/bookings/QM1 gets the memorial page; an unknown segment falls back to the home page.
function pageKey(url) {
  return "/" + (url.pathname.split("/")[1] || "");
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  const navigate = req.mode === "navigate";
  const key = navigate ? pageKey(url) : req;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(key, res.clone());
        return res;
      } catch (err) {
        const hit = (await cache.match(key)) || (navigate ? await cache.match("/") : undefined);
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
