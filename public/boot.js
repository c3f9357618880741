// Runs before the app loads: applies the resident's stored language and elder mode to <html>,
// so a reload never flashes the wrong language or text size. Mirrors src/shared/settings.rs.
(function () {
  try {
    var lang = localStorage.getItem("baoan.lang");
    if (lang === "zh-Hans" || lang === "zh-Hant" || lang === "en") {
      document.documentElement.setAttribute("lang", lang);
    }
    if (location.pathname !== "/") {
      // The splash's home-page words (index.html) are for the home page only.
      document.documentElement.classList.add("boot-deep");
    }
    if (localStorage.getItem("baoan.elder") === "1") {
      document.documentElement.classList.add("elder");
    }
  } catch (e) {
    // Storage may be unavailable (private mode): defaults apply.
  }
})();

// The offline app shell (public/sw.js): lets a booking's QR code open at the gate without a network.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  });
}
