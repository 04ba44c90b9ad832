// The citizen's chat page (docs/protocol.md, visitor hub). Loaded at / and, with ?embed=1, inside widget.js's frame.
(function () {
  "use strict";
  const { el, markdown, hubError, problemText, timeOf } = window.GovChat;
  const TOKEN_KEY = "govassistant.visitorToken";
  const LAST_KEY = "govassistant.lastConversation";
  const TYPING_EVERY_MS = 3000;
  const TYPING_SHOWN_MS = 4000;
  const RECENT_MS = 24 * 3600 * 1000;
  const RATINGS = [[5, "非常满意"], [4, "满意"], [3, "基本满意"], [2, "不满意"], [1, "非常不满意"]];

  const $ = (id) => document.getElementById(id);
  const ui = {
    transcript: $("transcript"), composer: $("composer"), input: $("input"), send: $("send"),
    human: $("human"), end: $("end"), status: $("status"), typing: $("typing"), queue: $("queue"),
    connection: $("connection"), error: $("error"), errorText: $("error-text"), restart: $("restart"),
  };
  if (new URLSearchParams(location.search).get("embed") === "1") document.documentElement.classList.add("embed");

  const state = {
    conversation: null,   // ConversationSummary
    seen: new Map(),      // seq → element, to drop duplicates and keep order
    lastSeq: 0,           // highest seq with no gap before it: what Resume asks after
    loading: true,        // events are held back while a view loads, then replayed
    pending: [],
    lastTypingSent: 0,
    typingTimer: 0,
  };

  // ---- storage: localStorage when the browser allows it (some block it in frames), memory otherwise ----
  const memory = {};
  function load(key) {
    try { return window.localStorage.getItem(key) ?? memory[key] ?? null; } catch { return memory[key] ?? null; }
  }
  function save(key, value) {
    memory[key] = value;
    try { window.localStorage.setItem(key, value); } catch { /* memory only */ }
  }

  let token = load(TOKEN_KEY);
  async function issueToken() {
    const response = await fetch("/api/visitors", { method: "POST", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(await problemText(response, "暂时无法连接咨询服务，请稍后再试。"));
    token = (await response.json()).visitorToken;
    save(TOKEN_KEY, token);
  }

  // ---- connection ----
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/visitor", { accessTokenFactory: () => token })
    // Phones lose the network often: keep trying, backing off to every 30 s.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(30000, 1000 * 2 ** c.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  function whenCurrent(conversationId, action) {
    if (state.loading) state.pending.push([conversationId, action]);
    else if (state.conversation && conversationId === state.conversation.id) action();
  }
  connection.on("Message", (m) => whenCurrent(m.conversationId, () => addMessage(m)));
  connection.on("ConversationChanged", (c) => whenCurrent(c.id, () => applySummary(c)));
  connection.on("QueuePosition", (id, position) => whenCurrent(id, () => showQueue(position)));
  connection.on("AgentTyping", (id, agentName) => whenCurrent(id, () => showTyping(agentName)));

  connection.onreconnecting(() => showConnection("网络不稳定，正在重新连接…"));
  connection.onreconnected(async () => {
    showConnection(null);
    if (!state.conversation) return;
    try {
      // Everything after the last message we hold; duplicates are dropped by seq.
      const view = await connection.invoke("Resume", state.conversation.id, state.lastSeq);
      showView(view, false);
    } catch (e) {
      showError(hubError(e));
    }
  });
  connection.onclose(() => showConnection("连接已断开。", true));

  async function connect() {
    if (!token) await issueToken();
    try {
      await connection.start();
    } catch (e) {
      // Keys rotated or token damaged: a new identity is better than no chat.
      if (e && (e.statusCode === 401 || /401|Unauthorized/.test(e.message || ""))) {
        await issueToken();
        await connection.start();
      } else {
        throw e;
      }
    }
  }

  async function open() {
    state.loading = true;
    try {
      const view = (await recentClosed()) ?? (await connection.invoke("Start"));
      showView(view, true);
    } finally {
      state.loading = false;
      const pending = state.pending.splice(0);
      for (const [id, action] of pending) if (state.conversation && id === state.conversation.id) action();
    }
  }

  // A conversation that closed since the visitor last looked (an answered ticket, a chat to rate) is shown again
  // instead of starting a new one; Start only resumes conversations that are still open.
  async function recentClosed() {
    let last;
    try { last = JSON.parse(load(LAST_KEY) || "null"); } catch { last = null; }
    if (!last || !last.id) return null;
    try {
      const view = await connection.invoke("Resume", last.id, 0);
      if (view.conversation.state !== "closed") return null;
      const latest = view.messages[view.messages.length - 1];
      const unseen = view.messages.some((m) => m.seq > (last.seq || 0));
      const recent = latest && Date.now() - new Date(latest.at).getTime() < RECENT_MS;
      return unseen || (recent && view.conversation.rating == null) ? view : null;
    } catch {
      return null;
    }
  }

  // ---- rendering ----
  function showView(view, reset) {
    if (reset) {
      ui.transcript.replaceChildren();
      state.seen.clear();
      state.lastSeq = 0;
    }
    applySummary(view.conversation);
    for (const m of view.messages) addMessage(m);
    if (reset && window.GovWelcome) window.GovWelcome.attach(ui.transcript, send);   // js/welcome.js
    ui.send.disabled = false;
    if (view.queuePosition !== null && view.queuePosition !== undefined) showQueue(view.queuePosition);
  }

  function applySummary(c) {
    state.conversation = c;
    const agents = (c.agents || []).map((a) => a.name).join("、");
    const text = {
      bot: "智能助手为您服务",
      queued: "正在为您转接人工客服",
      withAgent: agents ? `人工客服 ${agents} 为您服务` : "人工客服为您服务",
      ticket: "已留言，工作人员会尽快答复",
      closed: "本次会话已结束",
    }[c.state] || "";
    ui.status.textContent = text;
    document.documentElement.dataset.state = c.state;
    document.documentElement.dataset.conversation = c.id;
    ui.human.hidden = c.state !== "bot";
    ui.end.hidden = !(c.state === "queued" || c.state === "withAgent");
    ui.composer.hidden = c.state === "closed";
    ui.restart.hidden = c.state !== "closed";
    if (c.state !== "queued") ui.queue.hidden = true;
    if (c.state !== "withAgent") hideTyping();
    // Leave-a-message forms only make sense while the bot has the conversation.
    // A form offered after a long wait stays usable while the visitor keeps waiting in the queue.
    for (const form of ui.transcript.querySelectorAll("form.ticket-form"))
      if (c.state !== "bot" && !(c.state === "queued" && form.dataset.keepWaiting)) disable(form, c.state === "ticket" ? "留言已提交" : "已转人工服务");
    for (const form of ui.transcript.querySelectorAll("form.rating-form")) if (c.rating != null) form.remove();
    remember();
  }

  function addMessage(m) {
    if (state.seen.has(m.seq)) return;
    const node = renderMessage(m);
    node.dataset.seq = m.seq;
    // Keep seq order even when a Resume fills a gap after later messages arrived.
    let before = null;
    for (const [seq, other] of state.seen) if (seq > m.seq && (!before || seq < Number(before.dataset.seq))) before = other;
    ui.transcript.insertBefore(node, before);
    state.seen.set(m.seq, node);
    while (state.seen.has(state.lastSeq + 1)) state.lastSeq++;
    if (m.sender === "agent") hideTyping();
    const type = m.data && m.data.type;
    if (type === "queued" && state.conversation && state.conversation.state === "queued") showQueue(m.data.position);
    if (type === "rated") for (const form of ui.transcript.querySelectorAll("form.rating-form")) form.remove();
    remember();
    ui.transcript.scrollTop = ui.transcript.scrollHeight;
  }

  function remember() {
    if (!state.conversation) return;
    save(LAST_KEY, JSON.stringify({ id: state.conversation.id, seq: state.lastSeq }));
  }

  function renderMessage(m) {
    const data = m.data || {};
    if (m.sender === "system") return renderSystem(m, data);
    const mine = m.sender === "visitor";
    const row = el("div", { class: `msg msg-${m.sender}`, testid: `msg-${m.sender}` });
    const bubble = el("div", { class: "bubble" });
    if (!mine) bubble.appendChild(el("div", { class: "msg-name" }, m.senderName || (m.sender === "bot" ? "智能助手" : "工作人员")));
    if (m.sender === "bot") {
      bubble.appendChild(window.GovAspects.body(m, data));
      renderBotExtras(bubble, m, data);
      window.GovAspects.extras(bubble, data, send);
    } else {
      if (data.type === "ticket") bubble.appendChild(el("div", { class: "msg-label" }, "留言"));
      bubble.appendChild(el("div", { class: "text", testid: "msg-text" }, m.text));
      if (data.type === "ticket" && data.contact) bubble.appendChild(el("div", { class: "msg-meta" }, `联系方式：${data.contact}`));
    }
    bubble.appendChild(el("time", { class: "msg-time", datetime: m.at }, timeOf(m.at)));
    row.appendChild(bubble);
    return row;
  }

  function renderBotExtras(bubble, m, data) {
    const choices = data.choices || [];
    if (choices.length) {
      const list = el("div", { class: "choices", role: "group", "aria-label": "请选择您要咨询的问题" });
      for (const c of choices) list.appendChild(el("button", { type: "button", class: "btn btn-choice", testid: "choice", onclick: () => send(c.question) }, c.question));
      bubble.appendChild(list);
    }
    if (data.basis) bubble.appendChild(el("div", { class: "msg-meta" }, `政策依据：${data.basis}`));
    const related = data.related || [];
    if (related.length) {
      const box = el("div", { class: "related" }, "");
      box.appendChild(el("span", { class: "related-title" }, "相关问题："));
      for (const r of related) box.appendChild(el("button", { type: "button", class: "link", testid: "related", onclick: () => send(r.question) }, r.question));
      bubble.appendChild(box);
    }
    if (data.decision === "answered") {
      const box = el("div", { class: "feedback" });
      const thanks = el("span", { class: "feedback-thanks", testid: "feedback-thanks" });
      const vote = async (helpful, button) => {
        try {
          await connection.invoke("Feedback", m.conversationId, m.seq, helpful);
          for (const b of box.querySelectorAll("button")) { b.disabled = true; b.classList.toggle("chosen", b === button); }
          thanks.textContent = helpful ? "感谢您的反馈" : "抱歉没能帮到您，可以换个说法再问，或点击“转人工”。";
        } catch (e) { showError(hubError(e)); }
      };
      // Words, not 👍/👎: a phone without an emoji font shows empty boxes.
      const up = el("button", { type: "button", class: "btn-icon", testid: "feedback-up" }, "有帮助");
      const down = el("button", { type: "button", class: "btn-icon", testid: "feedback-down" }, "没帮助");
      up.addEventListener("click", () => vote(true, up));
      down.addEventListener("click", () => vote(false, down));
      box.append(up, down, thanks);
      bubble.appendChild(box);
    }
  }

  function renderSystem(m, data) {
    const row = el("div", { class: "msg msg-system", testid: "msg-system" });
    row.dataset.type = data.type || "";
    row.appendChild(el("div", { class: "system-text" }, m.text));
    const c = state.conversation;
    if (data.type === "offerTicket" && c && c.state === "bot") row.appendChild(ticketForm());
    if (data.type === "offerTicket" && data.keepWaiting && c && c.state === "queued") row.appendChild(ticketForm(true));
    if (data.type === "closed" && c && c.state === "closed" && c.rating == null) row.appendChild(ratingForm());
    return row;
  }

  function ticketForm(keepWaiting) {
    const text = el("textarea", { rows: 3, maxlength: 2000, required: true, testid: "ticket-text", placeholder: "请描述您要咨询的事项", "aria-label": "留言内容" });
    const contact = el("input", { type: "text", maxlength: 100, testid: "ticket-contact", placeholder: "手机号或邮箱（选填，便于回复您）", "aria-label": "联系方式", autocomplete: "tel" });
    const submit = el("button", { type: "submit", class: "btn btn-primary", testid: "ticket-submit" }, "提交留言");
    const form = el("form", { class: "card ticket-form", testid: "ticket-form" });
    if (keepWaiting) form.dataset.keepWaiting = "true";
    form.append(el("div", { class: "card-title" }, "留言咨询"), text, contact, submit);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return showError("请填写留言内容");
      submit.disabled = true;
      try {
        await connection.invoke("LeaveMessage", state.conversation.id, text.value.trim(), contact.value.trim() || null);
        disable(form, "留言已提交");
        hideError();
      } catch (e) {
        submit.disabled = false;
        showError(hubError(e));
      }
    });
    return form;
  }

  function ratingForm() {
    const form = el("form", { class: "card rating-form", testid: "rating-form" });
    const group = el("div", { class: "rating-options", role: "radiogroup", "aria-label": "满意程度" });
    for (const [value, label] of RATINGS) {
      const input = el("input", { type: "radio", name: "rating", value, id: `rating-${value}-${Date.now()}` });
      const option = el("label", { class: "rating-option", testid: `rating-${value}`, for: input.id }, "");
      option.append(input, el("span", {}, label));
      group.appendChild(option);
    }
    const comment = el("textarea", { rows: 2, maxlength: 500, testid: "rating-comment", placeholder: "您的意见或建议（选填）", "aria-label": "评价内容" });
    const submit = el("button", { type: "submit", class: "btn btn-primary", testid: "rating-submit" }, "提交评价");
    form.append(el("div", { class: "card-title" }, "请对本次服务进行评价"), group, comment, submit);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chosen = form.querySelector("input[name=rating]:checked");
      if (!chosen) return showError("请选择满意程度");
      submit.disabled = true;
      try {
        await connection.invoke("Rate", state.conversation.id, Number(chosen.value), comment.value.trim() || null);
        hideError();
      } catch (e) {
        submit.disabled = false;
        showError(hubError(e));
      }
    });
    return form;
  }

  function disable(form, note) {
    for (const field of form.elements) field.disabled = true;
    if (!form.querySelector(".card-note")) form.appendChild(el("div", { class: "card-note" }, note));
  }

  // ---- banners ----
  function showError(text) {
    ui.errorText.textContent = text;
    ui.error.hidden = false;
  }
  function hideError() { ui.error.hidden = true; }
  $("error-close").addEventListener("click", hideError);

  function showQueue(position) {
    ui.queue.textContent = `正在为您转接人工客服，您前面还有 ${position} 位，请稍候。`;
    ui.queue.hidden = false;
  }

  function showConnection(text, retry) {
    ui.connection.hidden = !text;
    ui.connection.replaceChildren();
    if (!text) return;
    ui.connection.appendChild(el("span", {}, text));
    if (retry) ui.connection.appendChild(el("button", { type: "button", class: "link", testid: "reconnect", onclick: () => boot() }, "重新连接"));
  }

  function showTyping(agentName) {
    ui.typing.textContent = `${agentName || "工作人员"}：对方正在输入…`;
    ui.typing.hidden = false;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
  }
  function hideTyping() {
    clearTimeout(state.typingTimer);
    ui.typing.hidden = true;
  }

  // ---- actions ----
  async function send(text) {
    text = String(text || "").trim();
    if (!text) return;
    if (!state.conversation || connection.state !== signalR.HubConnectionState.Connected) {
      showError("正在连接咨询服务，请稍候再发送。");
      throw new Error("not connected");
    }
    try {
      await connection.invoke("Send", state.conversation.id, text);
      hideError();
    } catch (e) {
      showError(hubError(e));
      throw e;
    }
  }

  async function act(method) {
    if (!state.conversation) return;
    try {
      await connection.invoke(method, state.conversation.id);
      hideError();
    } catch (e) {
      showError(hubError(e));
    }
  }

  ui.composer.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = ui.input.value;
    if (!text.trim()) return;
    ui.input.value = "";
    autosize();
    try { await send(text); } catch { ui.input.value = text; autosize(); }
  });
  ui.input.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter breaks the line; an IME composing Chinese must not send half a word.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.input.addEventListener("input", () => {
    autosize();
    const c = state.conversation;
    if (!c || c.state !== "withAgent" || Date.now() - state.lastTypingSent < TYPING_EVERY_MS) return;
    state.lastTypingSent = Date.now();
    connection.invoke("Typing", c.id).catch(() => { /* a hint only */ });
  });
  function autosize() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight, 160) + "px";
  }

  ui.human.addEventListener("click", () => act("RequestHuman"));
  ui.end.addEventListener("click", () => act("Close"));
  ui.restart.querySelector("button").addEventListener("click", async () => {
    save(LAST_KEY, "null");
    state.conversation = null;
    try { await open(); } catch (e) { showError(hubError(e)); }
  });

  async function boot() {
    showConnection("正在连接…");
    try {
      if (connection.state === signalR.HubConnectionState.Disconnected) await connect();
      await open();
      showConnection(null);
    } catch (e) {
      console.error("咨询服务连接失败", e);
      showConnection(e && e.message && !/HubException/.test(e.message) ? "暂时无法连接咨询服务，请检查网络后重试。" : hubError(e), true);
    }
  }
  boot();
})();
