// The agents' console (docs/protocol.md, agent hub): presence, queue, active chats in tabs, tickets.
(function () {
  "use strict";
  const { el, hubError } = window.GovChat;
  const LOGIN = "/agent/login.html?returnUrl=" + encodeURIComponent("/agent/");
  const $ = (id) => document.getElementById(id);
  const ui = {
    me: $("me"), presence: $("presence"), logout: $("logout"), error: $("error"), errorText: $("error-text"),
    connection: $("connection"), offer: $("offer"), queue: $("queue"), queueCount: $("queue-count"), acceptNext: $("accept-next"),
    active: $("active"), activeCount: $("active-count"), tickets: $("tickets"), ticketCount: $("ticket-count"),
    tabs: $("tabs"), panes: $("panes"), empty: $("empty"),
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/agent")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(15000, 1000 * 2 ** c.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  const app = window.ConsoleApp = {
    connection,
    me: null,
    seesAll: false,
    queue: [],
    active: new Map(),   // id → ConversationSummary
    tickets: new Map(),
    unread: new Set(),
    offered: new Set(),  // queued conversations routing offered to this agent
    panes: new Map(),    // id → ChatPane
    current: null,
    showError(text) { ui.errorText.textContent = text; ui.error.hidden = false; },
    hideError() { ui.error.hidden = true; },
    select,
    closeTab,
  };
  $("error-close").addEventListener("click", () => app.hideError());

  // ---- hub events ----
  // Counts queue pushes, so a reply to Hello that was read before a push but arrives after it cannot undo it.
  let queuePushes = 0;
  connection.on("QueueChanged", (queue) => { queuePushes++; app.queue = queue; renderQueue(); });
  connection.on("Offered", (c) => { app.offered.add(c.id); renderQueue(); });
  // Conversation changes pushed while Hello is on its way are held and applied on top of its reply.
  let heldChanges = []; // held from the start: a change can arrive before the first Hello has said who this agent is
  connection.on("ConversationChanged", (c) => { if (heldChanges) heldChanges.push(c); else track(c); });
  connection.on("VisitorTyping", (id) => { const pane = app.panes.get(id); if (pane) pane.showTyping(); });
  connection.on("Message", (m) => {
    const pane = app.panes.get(m.conversationId);
    const added = pane ? pane.add(m) : true;
    if (added && app.current !== m.conversationId && m.sender === "visitor") {
      app.unread.add(m.conversationId);
      renderLists();
    }
  });

  connection.onreconnecting(() => showConnection("连接中断，正在重新连接…"));
  connection.onreconnected(async () => {
    showConnection(null);
    try {
      // A new connection starts online: put back what the agent chose.
      await connection.invoke("SetStatus", ui.presence.value);
      await hello();
      for (const pane of app.panes.values()) await pane.load();
    } catch (e) {
      app.showError(hubError(e));
    }
  });
  connection.onclose(() => showConnection("与服务器的连接已断开。", true));

  // ---- home ----
  async function hello() {
    const pushesBefore = queuePushes;
    heldChanges ??= [];
    let home, held;
    try {
      home = await connection.invoke("Hello");
    } finally {
      held = heldChanges;
      heldChanges = null;
    }
    app.me = home.me;
    app.seesAll = home.roles.includes("supervisor") || home.roles.includes("admin");
    $("manage-canned").hidden = !app.seesAll;
    $("manage-accounts").hidden = !home.roles.includes("admin");
    const departments = home.departments.includes("*") ? "全部部门" : home.departments.join("、") || "未分配部门";
    ui.me.textContent = `${home.me.name}（${departments}）`;
    ui.presence.value = home.status;
    ui.presence.disabled = false;
    // Every queue change is pushed with the whole queue: a push that arrived while Hello was on its way is newer.
    if (queuePushes === pushesBefore) app.queue = home.queue;
    app.active = new Map(home.active.map((c) => [c.id, c]));
    app.tickets = new Map(home.tickets.map((c) => [c.id, c]));
    for (const c of held) track(c);
    renderQueue();
    renderLists();
    document.body.dataset.ready = "true";
  }

  // Keeps the lists in step with a conversation's new state; open panes follow too.
  function track(c) {
    const mine = c.agents.some((a) => a.id === app.me.id);
    if (c.state === "withAgent" && (mine || app.seesAll)) app.active.set(c.id, c);
    else app.active.delete(c.id);
    if (c.state === "ticket") app.tickets.set(c.id, c);
    else app.tickets.delete(c.id);
    const pane = app.panes.get(c.id);
    if (pane) pane.update(c);
    renderLists();
  }

  function waited(c) {
    const since = c.queuedAt ? (Date.now() - new Date(c.queuedAt).getTime()) / 60000 : 0;
    return since < 1 ? "刚刚" : `已等待 ${Math.floor(since)} 分钟`;
  }

  // WeChat users are marked, so an agent knows replies go out as WeChat messages.
  function visitorLabel(c) {
    return `${c.channel === "wechat" ? "微信访客" : "访客"} ${c.id.slice(-4)}`;
  }

  function renderQueue() {
    // An offer lasts while the conversation waits in the queue.
    for (const id of app.offered) if (!app.queue.some((c) => c.id === id)) app.offered.delete(id);
    renderOffer();
    ui.queueCount.textContent = String(app.queue.length);
    ui.queue.replaceChildren();
    if (!app.queue.length) ui.queue.appendChild(el("li", { class: "muted" }, "暂无排队的访客"));
    for (const c of app.queue) {
      const item = el("li", { class: app.offered.has(c.id) ? "item offered" : "item", testid: "queue-item" });
      item.dataset.conversation = c.id;
      const info = el("div", { class: "item-info" });
      info.append(el("strong", {}, `${visitorLabel(c)} · ${c.category || "未分类"}`),
        el("span", { class: "muted" }, `${c.department || "未指定部门"} · ${waited(c)}`));
      item.append(info, el("button", { type: "button", class: "btn btn-primary", testid: "accept", onclick: () => accept(c.id) }, "接入"));
      ui.queue.appendChild(item);
    }
  }

  function renderOffer() {
    const offered = app.queue.find((c) => app.offered.has(c.id));
    ui.offer.hidden = !offered;
    ui.offer.replaceChildren();
    if (!offered) return;
    ui.offer.append(el("span", {}, `系统为您分配了新的访客：${visitorLabel(offered)} · ${offered.category || "未分类"}`),
      el("button", { type: "button", class: "btn btn-primary", testid: "accept-offer", onclick: () => accept(offered.id) }, "立即接入"));
  }

  function renderLists() {
    renderList(ui.active, ui.activeCount, app.active, "active-item", "暂无进行中的会话", (c) =>
      `${c.department || "未指定部门"} · ${c.agents.map((a) => a.name).join("、")}`);
    renderList(ui.tickets, ui.ticketCount, app.tickets, "ticket-item", "暂无待回复的留言", (c) =>
      `${c.department || "未指定部门"} · ${new Date(c.createdAt).toLocaleString("zh-CN", { timeZone: window.GovChat.timeZone })}`);
  }

  function renderList(list, count, map, testid, emptyText, describe) {
    count.textContent = String(map.size);
    list.replaceChildren();
    if (!map.size) list.appendChild(el("li", { class: "muted" }, emptyText));
    for (const c of map.values()) {
      const item = el("li", { class: "item" });
      const button = el("button", { type: "button", class: "item-open", testid, onclick: () => openPane(c.id) });
      button.dataset.conversation = c.id;
      button.classList.toggle("unread", app.unread.has(c.id));
      button.classList.toggle("current", app.current === c.id);
      button.append(el("strong", {}, `${visitorLabel(c)} · ${c.category || "未分类"}`), el("span", { class: "muted" }, describe(c)));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  // ---- tabs ----
  async function openPane(id) {
    let pane = app.panes.get(id);
    if (!pane) {
      pane = new window.ChatPane(app, id);
      app.panes.set(id, pane);
      ui.tabs.appendChild(pane.tab);
      ui.panes.appendChild(pane.root);
      try {
        await pane.load();
      } catch (e) {
        closeTab(id);
        app.showError(hubError(e));
        return;
      }
    }
    select(id);
  }

  function select(id) {
    app.current = id;
    app.unread.delete(id);
    for (const [key, pane] of app.panes) {
      const on = key === id;
      pane.root.hidden = !on;
      pane.tab.classList.toggle("active", on);
      pane.tab.setAttribute("aria-selected", String(on));
    }
    ui.empty.hidden = app.panes.size > 0;
    renderLists();
  }

  function closeTab(id) {
    const pane = app.panes.get(id);
    if (!pane) return;
    pane.tab.remove();
    pane.root.remove();
    app.panes.delete(id);
    if (app.current === id) {
      const next = [...app.panes.keys()].pop();
      if (next) select(next);
      else { app.current = null; ui.empty.hidden = false; renderLists(); }
    }
  }

  // ---- actions ----
  async function accept(id) {
    try {
      const c = await connection.invoke("Accept", id);
      track(c);
      await openPane(c.id);
      app.hideError();
    } catch (e) {
      app.showError(hubError(e));
    }
  }

  ui.acceptNext.addEventListener("click", async () => {
    try {
      const c = await connection.invoke("AcceptNext");
      if (!c) return app.showError("当前没有可接入的排队会话");
      track(c);
      await openPane(c.id);
      app.hideError();
    } catch (e) {
      app.showError(hubError(e));
    }
  });

  ui.presence.addEventListener("change", async () => {
    try {
      await connection.invoke("SetStatus", ui.presence.value);
      app.hideError();
    } catch (e) {
      app.showError(hubError(e));
    }
  });

  ui.logout.addEventListener("click", async () => {
    try { await connection.stop(); } catch { /* leaving anyway */ }
    await fetch("/api/agents/logout", { method: "POST" }).catch(() => {});
    location.replace(LOGIN);
  });

  function showConnection(text, reload) {
    ui.connection.hidden = !text;
    ui.connection.replaceChildren();
    if (!text) return;
    ui.connection.appendChild(el("span", {}, text));
    if (reload) ui.connection.appendChild(el("button", { type: "button", class: "btn btn-link", onclick: () => location.reload() }, "重新加载"));
  }

  // The console page itself is static; the session is checked here and a stranger is sent to sign in.
  async function boot() {
    const me = await fetch("/api/agents/me", { headers: { Accept: "application/json" } }).catch(() => null);
    if (me && me.status === 401) return location.replace(LOGIN);
    const session = me && me.ok ? await me.json() : null;
    if (session && session.mustChangePassword) return location.replace("/agent/password.html?returnUrl=%2Fagent%2F");
    if (session) window.GovChat.timeZone = session.timeZone;
    try {
      await connection.start();
      await hello();
      const departments = await window.Canned.departments();
      for (const d of departments) $("departments").appendChild(el("option", { value: d }));
    } catch (e) {
      if (/401|Unauthorized/.test((e && e.message) || "")) return location.replace(LOGIN);
      showConnection("无法连接服务器，请检查网络后重新加载。", true);
    }
  }
  boot();
})();
