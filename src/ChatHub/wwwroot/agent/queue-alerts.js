// Agents' ergonomics beside the console (console.js exposes its state as window.ConsoleApp): a new queued visitor is
// announced by a short beep and in the tab title ("(2) 新访客 — …"); each queued visitor shows their last message;
// each conversation tab and active-list entry shows how many visitor messages arrived while it was not in view.
(function () {
  "use strict";
  const app = window.ConsoleApp;
  if (!app) return;
  const { el } = window.GovChat;
  const baseTitle = document.title;
  const seen = new Set();       // queued conversations already announced
  const previews = new Map();   // id → last visitor message text
  const unread = new Map();     // id → visitor messages not yet seen
  let first = true;
  let audio = null;
  const state = window.QueueAlerts = { beeps: 0 };

  // WebAudio, no sound file: two short tones. Browsers allow sound after the first click on the page.
  function beep() {
    state.beeps++;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume().catch(() => {});
      [0, 0.18].forEach((offset, i) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = i ? 880 : 660;
        gain.gain.setValueAtTime(0.15, audio.currentTime + offset);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + offset + 0.15);
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + offset);
        osc.stop(audio.currentTime + offset + 0.16);
      });
    } catch { /* no audio device: the title still tells */ }
  }

  function onQueue() {
    const ids = app.queue.map((c) => c.id);
    const fresh = ids.filter((id) => !seen.has(id));
    for (const id of [...seen]) if (!ids.includes(id)) seen.delete(id);
    fresh.forEach((id) => seen.add(id));
    // The queue found at sign-in is not news; visitors arriving afterwards are.
    if (fresh.length && !first) beep();
    first = false;
    document.title = ids.length ? `(${ids.length}) 新访客 — ${baseTitle}` : baseTitle;
    document.body.dataset.queueLength = String(ids.length);
    for (const id of ids) if (!previews.has(id)) loadPreview(id);
    drawPreviews();
  }

  async function loadPreview(id) {
    previews.set(id, null);
    try {
      const m = await app.connection.invoke("Preview", id);
      previews.set(id, m ? m.text : "");
      drawPreviews();
    } catch { previews.delete(id); }
  }

  function drawPreviews() {
    for (const item of document.querySelectorAll("#queue [data-conversation]")) {
      const text = previews.get(item.dataset.conversation);
      const info = item.querySelector(".item-info");
      if (!info || !text || info.querySelector(".preview")) continue;
      info.appendChild(el("span", { class: "preview", testid: "queue-preview", title: text }, text.length > 40 ? text.slice(0, 40) + "…" : text));
    }
  }

  function drawUnread() {
    for (const id of [...unread.keys()]) if (!app.unread.has(id)) unread.delete(id);
    for (const node of document.querySelectorAll("#tabs [data-conversation], #active [data-conversation]")) {
      const count = unread.get(node.dataset.conversation) || 0;
      let badge = node.querySelector(".unread-count");
      if (!count) { if (badge) badge.remove(); continue; }
      if (!badge) node.appendChild(badge = el("span", { class: "unread-count", testid: "unread-count" }));
      // Only on change: the observer watching the tabs sees every write, and an equal write must not loop.
      if (badge.textContent !== String(count)) {
        badge.textContent = String(count);
        badge.setAttribute("aria-label", `${count} 条未读消息`);
      }
    }
  }

  // After console.js's own handlers (registered first), which keep app.queue and app.unread.
  app.connection.on("QueueChanged", () => { previews.clear(); });
  app.connection.on("Message", (m) => {
    if (m.sender === "visitor" && app.unread.has(m.conversationId)) unread.set(m.conversationId, (unread.get(m.conversationId) || 0) + 1);
    if (m.sender === "visitor" && previews.has(m.conversationId)) previews.set(m.conversationId, m.text);
    drawUnread();
  });
  // The lists are redrawn by console.js on every change; follow each redraw.
  new MutationObserver(onQueue).observe(document.getElementById("queue"), { childList: true });
  new MutationObserver(drawUnread).observe(document.getElementById("active"), { childList: true });
  new MutationObserver(drawUnread).observe(document.getElementById("tabs"), { childList: true, attributes: true, subtree: true, attributeFilter: ["class"] });
})();
