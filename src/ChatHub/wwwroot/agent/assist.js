// Model assistance in the console (docs/assist.md): a 2–3 line handoff summary above the transcript and a reply
// draft built only from the bank entries the engine retrieves, citing their ids. Nothing is sent from here: the
// draft goes into the agent's input box, where the agent edits and sends it. Hidden when no model is configured.
(function () {
  "use strict";
  const { el, problemText } = window.GovChat;

  async function call(url, method) {
    const response = await fetch(url, { method: method || "GET", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(await problemText(response, "模型辅助暂时不可用。"));
    return response.json();
  }

  function attach(pane) {
    const id = pane.dataset.conversation;
    if (!id || pane.querySelector(".llm-assist")) return;
    const status = el("span", { class: "llm-status", testid: "assist-status" });
    const lines = el("ul", { class: "llm-lines", testid: "assist-summary-lines" });
    const refresh = el("button", { type: "button", class: "btn btn-link", testid: "assist-summary-refresh" }, "刷新摘要");
    const draft = el("button", { type: "button", class: "btn", testid: "assist-draft" }, "起草回复");
    const box = el("div", { class: "llm-draft", testid: "assist-draft-box", hidden: true });
    const text = el("textarea", { class: "llm-draft-text", testid: "assist-draft-text", rows: 4, maxlength: 2000, "aria-label": "回复草稿（可修改）" });
    const cites = el("span", { class: "llm-cites", testid: "assist-draft-cites" });
    const use = el("button", { type: "button", class: "btn btn-primary", testid: "assist-draft-use" }, "填入回复框");
    const actions = el("div", { class: "llm-draft-actions" });
    actions.append(cites, use);
    box.append(text, actions);
    const head = el("div", { class: "llm-head" });
    head.append(el("strong", {}, "交接摘要"), el("span", { class: "llm-badge" }, "模型生成，仅供参考"), status, refresh, draft);
    const panel = el("section", { class: "llm-assist", testid: "assist-summary" });
    panel.append(head, lines, box);
    const body = pane.querySelector(".pane-body");
    body.parentNode.insertBefore(panel, body);

    async function summarise() {
      status.textContent = "正在生成…";
      try {
        const s = await call(`/api/assist/conversations/${encodeURIComponent(id)}/summary`);
        lines.replaceChildren(...(s.lines || []).map((l) => el("li", { testid: "assist-summary-line" }, l)));
        status.textContent = s.status === "ok" ? (s.entryIds.length ? `依据条目：${s.entryIds.join("、")}` : "") : "模型暂时不可用";
      } catch (e) {
        status.textContent = e.message;
      }
    }

    refresh.addEventListener("click", summarise);
    draft.addEventListener("click", async () => {
      draft.disabled = true;
      status.textContent = "正在起草…";
      try {
        const d = await call(`/api/assist/conversations/${encodeURIComponent(id)}/reply-draft`, "POST");
        if (d.status !== "ok") { status.textContent = "没有可依据的条目，或模型暂时不可用"; return; }
        text.value = d.text;
        cites.textContent = `引用条目：${d.citedIds.join("、")}（请核对后发送）`;
        box.hidden = false;
        status.textContent = "";
      } catch (e) {
        status.textContent = e.message;
      } finally {
        draft.disabled = false;
      }
    });
    // Into the composer only: the agent reads, edits and presses 发送.
    use.addEventListener("click", () => {
      const input = pane.querySelector("[data-role=input]");
      input.value = text.value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
      box.hidden = true;
    });
    // A transfer or an invitation adds a system message: the arriving agent needs the summary as it is now. The
    // history arrives in a burst when the pane opens, hence one summary after the burst rather than one per message.
    let timer = 0;
    const soon = () => { clearTimeout(timer); timer = setTimeout(summarise, 400); };
    new MutationObserver((changes) => {
      if (changes.some((c) => [...c.addedNodes].some((n) => n.dataset && n.dataset.testid === "msg-system"))) soon();
    }).observe(pane.querySelector("[data-role=transcript]"), { childList: true });
    soon();
  }

  async function boot() {
    const panes = document.getElementById("panes");
    if (!panes) return;
    let status = "off";
    try {
      status = (await call("/api/assist/status")).status;
    } catch {
      status = "unavailable";
    }
    document.body.dataset.assist = status;
    if (status !== "ok") return;
    const scan = () => panes.querySelectorAll("[data-testid=chat-pane][data-conversation]").forEach(attach);
    new MutationObserver(scan).observe(panes, { childList: true });
    scan();
  }

  boot();
})();
