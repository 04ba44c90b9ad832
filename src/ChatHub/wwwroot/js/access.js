// 长辈模式 (large text, high contrast) on the visitor page, remembered on this device; and, inside widget.js's frame,
// the close button and Escape that tell the embedding page to close the panel. Loaded in <head> so the mode applies
// from the first paint.
(function () {
  "use strict";
  const KEY = "govassistant.elderMode";
  const root = document.documentElement;
  const embedded = new URLSearchParams(location.search).get("embed") === "1" && window.parent !== window;

  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch { return false; }
  }
  function apply(on) {
    root.classList.toggle("elder", on);
    const toggle = document.getElementById("elder-toggle");
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(on));
      toggle.textContent = on ? "标准模式" : "长辈模式";
      toggle.title = on ? "切换回标准字号" : "大字号、高对比度";
    }
    // The widget widens its panel for the larger text.
    if (embedded) window.parent.postMessage({ type: "govassistant:elder", on }, "*");
  }
  apply(stored());

  document.addEventListener("DOMContentLoaded", () => {
    apply(root.classList.contains("elder"));
    document.getElementById("elder-toggle").addEventListener("click", () => {
      const on = !root.classList.contains("elder");
      try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch { /* this visit only */ }
      apply(on);
    });
    if (!embedded) return;
    // Only the frame's own header: the embedding page draws no second bar (widget.js).
    const close = document.getElementById("embed-close");
    close.hidden = false;
    const ask = () => window.parent.postMessage({ type: "govassistant:close" }, "*");
    close.addEventListener("click", ask);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") ask(); });
  });
})();
