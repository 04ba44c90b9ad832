// One open conversation in the console: its tab, transcript, assist panel, composer and actions.
// Visitor and agent text is set with textContent; only the bot's Markdown is rendered (through DOMPurify).
(function () {
  "use strict";
  const { el, markdown, markdownToPlain, hubError, timeOf } = window.GovChat;
  const TYPING_EVERY_MS = 3000;
  const TYPING_SHOWN_MS = 4000;
  const STATES = { bot: "机器人接待", queued: "排队中", withAgent: "人工接待中", ticket: "留言工单", closed: "已结束" };
  const RATINGS = { 5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意" };
  const DECISIONS = { answered: "已回答", clarify: "追问澄清", noAnswer: "未找到答案", humanRequested: "要求人工", smallTalk: "寒暄" };

  class ChatPane {
    constructor(app, id) {
      this.app = app;
      this.id = id;
      this.summary = null;
      this.seen = new Map();
      this.lastSeq = 0;
      this.lastTypingSent = 0;
      this.typingTimer = 0;
      this.suggestTimer = 0;

      this.root = document.getElementById("pane-template").content.firstElementChild.cloneNode(true);
      this.root.dataset.conversation = id;
      const part = (role) => this.root.querySelector(`[data-role="${role}"]`);
      this.ui = {
        title: part("title"), meta: part("meta"), transcript: part("transcript"), typing: part("typing"),
        composer: part("composer"), input: part("input"), note: part("note"), send: part("send"),
        suggestions: part("suggestions"), canned: part("canned"), transferPanel: part("transfer-panel"),
        colleague: part("colleague"), department: part("department"),
        transfer: part("transfer"), handback: part("handback"), close: part("close"),
      };
      this.tab = el("button", { type: "button", class: "tab", role: "tab", testid: "tab" });
      this.tab.dataset.conversation = id;
      this.tabLabel = el("span", {}, "会话");
      this.tabClose = el("span", { class: "tab-close", role: "button", "aria-label": "关闭标签", title: "关闭标签（不结束会话）" }, "×");
      this.tab.append(this.tabLabel, this.tabClose);
      this.wire(part);
    }

    wire(part) {
      const ui = this.ui;
      this.tab.addEventListener("click", (e) => (e.target === this.tabClose ? this.app.closeTab(this.id) : this.app.select(this.id)));
      ui.composer.addEventListener("submit", (e) => { e.preventDefault(); this.submit(); });
      ui.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ui.composer.requestSubmit(); }
      });
      ui.input.addEventListener("input", () => this.typing());
      ui.note.addEventListener("change", () => this.applyState());
      part("suggest").addEventListener("click", () => this.suggest());
      ui.transfer.addEventListener("click", () => this.openTransfer());
      part("panel-close").addEventListener("click", () => { ui.transferPanel.hidden = true; });
      part("to-agent").addEventListener("click", () => this.withColleague("TransferToAgent"));
      part("invite").addEventListener("click", () => this.withColleague("Invite"));
      part("to-department").addEventListener("click", () => {
        const department = ui.department.value.trim();
        if (!department) return this.app.showError("请选择要转接的部门");
        this.act("TransferToDepartment", department).then((ok) => { if (ok) ui.transferPanel.hidden = true; });
      });
      // Re-categorise by the visitor's real problem; a field left empty keeps its current value.
      part("recategorise").addEventListener("click", () => {
        const category = part("category").value.trim() || (this.summary && this.summary.category) || null;
        const department = ui.department.value.trim() || (this.summary && this.summary.department) || null;
        if (!category && !department) return this.app.showError("请填写分类或部门");
        this.act("Recategorise", category, department).then((ok) => { if (ok) ui.transferPanel.hidden = true; });
      });
      ui.handback.addEventListener("click", () => this.act("HandBack"));
      ui.close.addEventListener("click", async () => {
        if (await window.confirmDialog("确定结束本次会话？结束后访客将收到评价邀请，不能再继续对话。", "结束会话")) this.act("Close");
      });
      // 存为问答草稿: the agent's last reply and the visitor's question become a proposal for the bank's editors.
      ui.close.after(el("button", { type: "button", class: "btn", testid: "propose-draft", onclick: () => this.proposeDraft() }, "存为问答草稿"));
    }

    async proposeDraft() {
      const texts = (who) => [...this.ui.transcript.querySelectorAll(`[data-testid=msg-${who}] [data-testid=msg-text]`)].map((n) => n.textContent);
      const answer = texts("agent").pop();
      if (!answer) return this.app.showError("还没有坐席回复可以存为草稿");
      const response = await fetch("/api/admin/bank/drafts", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ baseEntryId: null, question: texts("visitor").pop() || "", answer, origin: "agentReply", note: `会话 ${this.id}` }),
      }).catch(() => null);
      if (response && response.ok) this.app.showError(`已存为问答草稿 ${(await response.json()).id}，待编辑完善、审核发布`);
      else this.app.showError(response ? await window.GovChat.problemText(response, "保存草稿失败") : "网络连接中断，请稍后再试。");
    }

    async load() {
      const view = await this.app.connection.invoke("Open", this.id, this.lastSeq);
      this.update(view.conversation);
      for (const m of view.messages) this.add(m);
      if (!this.cannedShown) this.showCanned();
      this.suggest();
    }

    // ---- state ----
    update(summary) {
      this.summary = summary;
      const who = (summary.agents || []).map((a) => a.name).join("、");
      this.tabLabel.textContent = this.title();
      this.ui.title.textContent = this.title();
      const parts = [STATES[summary.state] || summary.state, summary.department || "未指定部门"];
      if (who) parts.push(`坐席：${who}`);
      if (summary.rating != null) parts.push(`评价：${RATINGS[summary.rating] || summary.rating}`);
      this.ui.meta.textContent = parts.join(" · ");
      this.root.dataset.state = summary.state;
      this.applyState();
    }

    title() {
      const s = this.summary;
      return `${s && s.channel === "wechat" ? "微信访客" : "访客"} ${this.id.slice(-4)}${s && s.category ? " · " + s.category : ""}`;
    }

    mine() {
      return !!this.summary && this.summary.state === "withAgent" && this.summary.agents.some((a) => a.id === this.app.me.id);
    }

    applyState() {
      const s = this.summary ? this.summary.state : "";
      const mine = this.mine();
      for (const b of [this.ui.transfer, this.ui.handback, this.ui.close]) b.disabled = !mine;
      const note = this.ui.note.checked;
      this.ui.composer.classList.toggle("note-mode", note);
      const canSend = note || mine || s === "ticket";
      this.ui.input.disabled = !canSend;
      this.ui.send.disabled = !canSend;
      this.ui.send.textContent = note ? "写备注" : s === "ticket" ? "回复留言" : "发送";
      this.ui.input.placeholder = note ? "内部备注，访客不可见"
        : s === "ticket" ? "回复留言（发送后工单关闭，访客回到页面即可看到）"
        : mine ? "回复访客（Enter 发送，Shift+Enter 换行）" : "接入后才能回复；可写内部备注";
      if (!mine) this.ui.transferPanel.hidden = true;
    }

    // ---- transcript ----
    add(m) {
      if (this.seen.has(m.seq)) return false;
      const node = this.render(m);
      node.dataset.seq = m.seq;
      let before = null;
      for (const [seq, other] of this.seen) if (seq > m.seq && (!before || seq < Number(before.dataset.seq))) before = other;
      this.ui.transcript.insertBefore(node, before);
      this.seen.set(m.seq, node);
      while (this.seen.has(this.lastSeq + 1)) this.lastSeq++;
      if (m.sender === "visitor") {
        this.hideTyping();
        // New question: refresh the bank's suggestions, once the burst is over.
        clearTimeout(this.suggestTimer);
        this.suggestTimer = setTimeout(() => this.suggest(), 300);
      }
      this.ui.transcript.scrollTop = this.ui.transcript.scrollHeight;
      return true;
    }

    render(m) {
      const data = m.data || {};
      if (m.sender === "system") {
        const row = el("div", { class: "msg msg-system", testid: "msg-system" });
        row.appendChild(el("div", { class: "system-text" }, `${m.text}  ${timeOf(m.at)}`));
        return row;
      }
      const row = el("div", { class: `msg msg-${m.sender}`, testid: `msg-${m.sender}` });
      const bubble = el("div", { class: "bubble" });
      const label = { visitor: "访客", bot: "智能助手", agent: m.senderName || "坐席", note: `内部备注 · ${m.senderName || ""}（访客不可见）` }[m.sender] || m.sender;
      const head = el("div", { class: "msg-name" }, `${label}  ${timeOf(m.at)}`);
      bubble.appendChild(head);
      if (m.sender === "bot") {
        bubble.appendChild(markdown(m.text));
        const meta = [DECISIONS[data.decision] || data.decision, data.faqId, data.confidence != null ? `置信度 ${data.confidence}` : null].filter(Boolean);
        if (meta.length) bubble.appendChild(el("div", { class: "msg-meta" }, meta.join(" · ")));
        if ((data.choices || []).length) bubble.appendChild(el("div", { class: "msg-meta" }, "给出的选项：" + data.choices.map((c) => c.question).join(" / ")));
      } else {
        if (data.type === "ticket") bubble.appendChild(el("div", { class: "msg-label" }, "留言"));
        const text = el("div", { class: "text", testid: "msg-text" }, m.text);
        bubble.appendChild(text);
        if (m.masked) bubble.appendChild(this.revealButton(m, text));
        if (data.type === "ticket" && data.contact) bubble.appendChild(el("div", { class: "msg-meta" }, `联系方式：${data.contact}`));
      }
      row.appendChild(bubble);
      return row;
    }

    // Personal data in a visitor's message is masked; showing it is a deliberate, audited act.
    revealButton(m, text) {
      const button = el("button", { type: "button", class: "btn btn-light", testid: "reveal", title: "显示原文（将记录在审计日志中）" }, "显示原文");
      button.addEventListener("click", async () => {
        try {
          text.textContent = await this.app.connection.invoke("Reveal", this.id, m.seq);
          button.remove();
        } catch (e) {
          this.app.showError(hubError(e));
        }
      });
      return button;
    }

    showTyping() {
      this.ui.typing.hidden = false;
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.hideTyping(), TYPING_SHOWN_MS);
    }

    hideTyping() {
      clearTimeout(this.typingTimer);
      this.ui.typing.hidden = true;
    }

    // ---- composer and assist ----
    async submit() {
      const text = this.ui.input.value.trim();
      if (!text) return;
      const method = this.ui.note.checked ? "Note" : "Send";
      this.ui.send.disabled = true;
      try {
        await this.app.connection.invoke(method, this.id, text);
        this.ui.input.value = "";
        this.app.hideError();
      } catch (e) {
        this.app.showError(hubError(e));
      } finally {
        this.applyState();
        this.ui.input.focus();
      }
    }

    typing() {
      if (this.ui.note.checked || !this.mine() || Date.now() - this.lastTypingSent < TYPING_EVERY_MS) return;
      this.lastTypingSent = Date.now();
      this.app.connection.invoke("Typing", this.id).catch(() => { /* a hint only */ });
    }

    insert(text) {
      const input = this.ui.input;
      input.value = input.value.trim() ? `${input.value.replace(/\s+$/, "")}\n${text}` : text;
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }

    async suggest() {
      let list;
      try {
        list = await this.app.connection.invoke("Suggest", this.id);
      } catch (e) {
        return this.app.showError(hubError(e));
      }
      const ul = this.ui.suggestions;
      ul.replaceChildren();
      if (!list.length) ul.appendChild(el("li", { class: "muted" }, "访客发言后显示知识库中的相关答案"));
      for (const s of list) {
        const item = el("li");
        const button = el("button", { type: "button", class: "assist-item", testid: "suggestion", title: "点击插入回复框" });
        button.append(el("strong", {}, s.question), el("span", { class: "muted" }, ` ${s.id} · 匹配分 ${s.score.toFixed(2)}`));
        button.addEventListener("click", () => this.insert(markdownToPlain(s.answer)));
        item.appendChild(button);
        ul.appendChild(item);
      }
    }

    async showCanned() {
      this.cannedShown = true;
      const replies = await window.Canned.for(this.summary && this.summary.department);
      const ul = this.ui.canned;
      ul.replaceChildren();
      for (const text of replies) {
        const item = el("li");
        item.appendChild(el("button", { type: "button", class: "assist-item", testid: "canned-reply", onclick: () => this.insert(text) }, text));
        ul.appendChild(item);
      }
    }

    // ---- actions ----
    async openTransfer() {
      const panel = this.ui.transferPanel;
      panel.hidden = !panel.hidden;
      if (panel.hidden) return;
      const select = this.ui.colleague;
      select.replaceChildren(el("option", { value: "" }, "正在加载…"));
      try {
        const colleagues = await this.app.connection.invoke("Colleagues");
        select.replaceChildren();
        if (!colleagues.length) select.appendChild(el("option", { value: "" }, "暂无在线同事"));
        const status = { online: "在线", busy: "忙碌", away: "离开" };
        for (const c of colleagues) {
          select.appendChild(el("option", { value: c.id }, `${c.name}（${status[c.status] || c.status}）${c.departments.join("、")}`));
        }
      } catch (e) {
        this.app.showError(hubError(e));
      }
    }

    async withColleague(method) {
      const agentId = this.ui.colleague.value;
      if (!agentId) return this.app.showError("请选择一位在线同事");
      if (await this.act(method, agentId)) this.ui.transferPanel.hidden = true;
    }

    async act(method, ...args) {
      try {
        await this.app.connection.invoke(method, this.id, ...args);
        this.app.hideError();
        return true;
      } catch (e) {
        this.app.showError(hubError(e));
        return false;
      }
    }
  }

  window.ChatPane = ChatPane;
})();
