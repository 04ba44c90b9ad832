// Shared by the visitor page and the agents' console: DOM building, safe Markdown, hub error text.
// Everything a person typed goes through textContent; only the bot's Markdown goes through DOMPurify.
(function () {
  "use strict";

  // Builds an element; text is always set with textContent, never parsed as HTML.
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "testid") node.dataset.testid = value;
      else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Links in bot answers open outside the chat, without giving the new page a handle on ours.
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.hasAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });

  // A line right after a list item that is neither indented nor a list item itself is, to CommonMark, a "lazy
  // continuation" of that item; in the bank such lines (**办理地点**：…, **收费**：…) always start a new paragraph,
  // so a blank line is put before them. Indented lines stay inside the item; fenced code is left alone.
  const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
  function separateListTails(text) {
    const out = [];
    let inList = false;
    let fenced = false;
    for (const line of String(text || "").split(/\r?\n/)) {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) { out.push(line); inList = false; continue; }
      if (LIST_ITEM.test(line)) inList = true;
      else if (!line.trim()) inList = false;
      else if (inList && !/^(?: {2,}|\t)/.test(line)) { out.push(""); inList = false; }
      out.push(line);
    }
    return out.join("\n");
  }

  // The bot's Markdown as a sanitised fragment. Raw HTML in the bank is not trusted either.
  function markdown(text) {
    const html = marked.parse(separateListTails(text), { gfm: true, breaks: true, async: false });
    const fragment = DOMPurify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "img"],
      FORBID_ATTR: ["style"],
    });
    const box = el("div", { class: "md" });
    box.appendChild(fragment);
    return box;
  }

  // The bank's Markdown as plain text, for inserting an answer into an agent's reply (the visitor sees it as text).
  function markdownToPlain(text) {
    return String(text || "")
      .replace(/\*\*(.+?)\*\*/g, "$1")
      .replace(/__(.+?)__/g, "$1")
      .replace(/^#{1,6}\s+/gm, "")
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1（$2）")
      .replace(/`([^`]+)`/g, "$1");
  }

  // SignalR wraps a HubException as "An unexpected error occurred invoking 'X' on the server. HubException: 文本".
  function hubError(error) {
    const message = (error && error.message) || String(error || "");
    const match = /HubException: ([\s\S]*)$/.exec(message);
    if (match) return match[1].trim();
    if (/connection|WebSocket|Failed to fetch|NetworkError|stopped/i.test(message)) return "网络连接中断，正在重试，请稍后再试。";
    return "操作失败，请稍后再试。";
  }

  // A ProblemDetails response as one line of Chinese.
  async function problemText(response, fallback) {
    try {
      const body = await response.json();
      return body.detail || body.title || fallback;
    } catch {
      return fallback;
    }
  }

  function timeOf(iso) {
    const d = new Date(iso);
    // Staff pages set GovChat.timeZone to the service's zone (GET /api/agents/me); visitors see their own.
    return isNaN(d) ? "" : d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", timeZone: window.GovChat.timeZone });
  }

  window.GovChat = { el, markdown, markdownToPlain, hubError, problemText, timeOf };

  // Staff pages: every state-changing call to this site's API carries the antiforgery token of the signed-in
  // account (header X-CSRF-TOKEN, fetched once from /api/agents/antiforgery), so no other page can make those calls
  // with the staff cookie. A token gone stale (signed in again) is fetched anew and the call retried once.
  if (/^\/(agent|admin)\//.test(location.pathname) && window.fetch) {
    const plainFetch = window.fetch.bind(window);
    let token = null;
    const fetchToken = async () => {
      try {
        const r = await plainFetch("/api/agents/antiforgery", { headers: { Accept: "application/json" } });
        token = r.ok ? (await r.json()).token : null;
      } catch { token = null; }
    };
    window.fetch = async function (input, init) {
      const method = String((init && init.method) || (input instanceof Request ? input.method : "GET")).toUpperCase();
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (["GET", "HEAD", "OPTIONS"].includes(method) || url.origin !== location.origin || !url.pathname.startsWith("/api/")) {
        return plainFetch(input, init);
      }
      const send = () => {
        const headers = new Headers((init && init.headers) || undefined);
        if (token) headers.set("X-CSRF-TOKEN", token);
        return plainFetch(input, Object.assign({}, init, { headers }));
      };
      if (!token) await fetchToken();
      const response = await send();
      if (response.status !== 400 || response.headers.get("X-Antiforgery") !== "invalid") return response;
      await fetchToken();
      return send();
    };
  }
})();
