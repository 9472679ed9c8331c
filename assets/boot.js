// Start-up and offline glue that must work before Python runs (and if it never does):
// PyScript's progress in words, the service worker that keeps the app offline-ready, the
// "new version" prompt, and a note while the browser is offline.
const root = document.documentElement;
const text = document.getElementById("boot-text");
const words = {
  "Loading interpreter": "Loading Python…",
  "Loaded interpreter": "Python loaded",
  "Loading files": "Loading the app…",
  "Loaded files": "App loaded",
};
addEventListener("py:progress", ({ detail }) => {
  if (text && document.body.dataset.stage === "loading") {
    text.textContent = words[detail] || detail;
  }
});

// ---- offline note -------------------------------------------------------------------
function showConnection() {
  const note = document.getElementById("offline-note");
  if (note) note.hidden = navigator.onLine;
}
addEventListener("online", showConnection);
addEventListener("offline", showConnection);
showConnection();

// ---- service worker and updates -------------------------------------------------------
let updateAccepted = false;

function offerUpdate(worker) {
  // Only a replacement is an update; the very first install just makes the app offline-ready.
  if (!worker || !navigator.serviceWorker.controller) return;
  const banner = document.getElementById("update-banner");
  if (!banner) return;
  banner.hidden = false;
  document.getElementById("update-reload").onclick = () => {
    updateAccepted = true;
    document.getElementById("update-text").textContent = "Updating…";
    worker.postMessage("activate-update");
  };
  document.getElementById("update-later").onclick = () => { banner.hidden = true; };
}

function watchForUpdates(registration) {
  offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offerUpdate(worker);
    });
  });
  // A tab left open for days still learns about a new version when it is looked at again.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

async function registerWorker() {
  try {
    const registration = await navigator.serviceWorker.register("./sw.js",
                                                                { updateViaCache: "none" });
    watchForUpdates(registration);
  } catch (error) {
    // The app still works online; it just cannot be opened offline from this browser.
    console.warn("ssi-coach: offline copy not available:", error);
  }
}

if ("serviceWorker" in navigator && root.dataset.offline !== "off") {
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updateAccepted) location.reload();
  });
  // Installing copies the whole runtime into the cache: wait until the app is on screen
  // so it never competes with the first start.
  const started = () => ["charts", "charts-failed"].includes(document.body.dataset.stage);
  if (started()) {
    registerWorker();
  } else {
    const watcher = new MutationObserver(() => {
      if (started()) { watcher.disconnect(); registerWorker(); }
    });
    watcher.observe(document.body, { attributes: true, attributeFilter: ["data-stage"] });
  }
}
