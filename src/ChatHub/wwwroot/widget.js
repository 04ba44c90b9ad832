// Embeddable chat for any government site:
//   <script src="https://<host>/widget.js" async></script>
// Adds a floating "在线咨询" button; the chat itself is the host's own page in a frame (/?embed=1), so the
// visitor token, hub connection and styles stay on the host's origin and cannot clash with the site's.
(function () {
  "use strict";
  if (window.__govAssistantWidget) return;
  window.__govAssistantWidget = true;

  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const origin = script ? new URL(script.src, location.href).origin : location.origin;
  const label = (script && script.dataset.label) || "在线咨询";

  const host = document.createElement("div");
  host.id = "govassistant-widget";
  // A shadow root keeps the site's CSS off our button and ours off the site.
  const root = host.attachShadow({ mode: "open" });
  // Constructed style sheets, not a <style> element: a site's Content-Security-Policy without 'unsafe-inline'
  // (ours included) blocks inline styles but not these. Browsers without them get the <style> element.
  const css = `
      :host { all: initial; }
      .launcher {
        position: fixed; right: 16px; bottom: calc(16px + env(safe-area-inset-bottom)); z-index: 2147483000;
        min-height: 52px; padding: 0 20px; border: 0; border-radius: 26px; cursor: pointer;
        background: #c4161c; color: #fff; font: 600 16px/1 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
        box-shadow: 0 4px 14px rgba(0,0,0,.25);
      }
      .launcher:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
      .panel {
        position: fixed; right: 16px; bottom: 80px; z-index: 2147483001; width: 400px; height: min(640px, calc(100vh - 100px));
        display: flex; flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden;
        box-shadow: 0 8px 30px rgba(0,0,0,.3);
      }
      .panel[hidden] { display: none; }
      .panel.elder { width: 480px; height: min(760px, calc(100vh - 100px)); }
      iframe { flex: 1; width: 100%; border: 0; }
      @media (max-width: 600px) {
        .panel { inset: 0; width: auto; height: auto; border-radius: 0; }
      }
    `;
  let inlineStyle = "";
  if ("adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    inlineStyle = `<style>${css}</style>`;
  }
  root.innerHTML = inlineStyle + `
    <button type="button" class="launcher" data-testid="widget-launcher" aria-haspopup="dialog"></button>
    <div class="panel" role="dialog" aria-label="" data-testid="widget-panel" hidden></div>`;
  const launcher = root.querySelector(".launcher");
  const panel = root.querySelector(".panel");
  launcher.textContent = label;
  panel.setAttribute("aria-label", label);

  function open() {
    if (!panel.querySelector("iframe")) {
      // Created on first open, so a site's page load does not pay for the chat.
      const frame = document.createElement("iframe");
      frame.src = origin + "/?embed=1";
      frame.title = label;
      frame.setAttribute("data-testid", "widget-frame");
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.hidden = true;
    panel.querySelector("iframe").focus();
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.focus();
  }
  launcher.addEventListener("click", open);
  // The chat's own header is the panel's only bar; its close button (and Escape inside it) ask us to close.
  window.addEventListener("message", (e) => {
    const frame = panel.querySelector("iframe");
    if (!frame || e.source !== frame.contentWindow || e.origin !== origin || !e.data) return;
    if (e.data.type === "govassistant:close" && !panel.hidden) close();
    if (e.data.type === "govassistant:elder") panel.classList.toggle("elder", e.data.on === true);
  });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !panel.hidden) close(); });

  if (document.body) document.body.appendChild(host);
  else document.addEventListener("DOMContentLoaded", () => document.body.appendChild(host));
})();
