// Editors' insights: unanswered clusters and suggestions (/api/admin/insights), each turned into a bank draft in
// one step through the bank's drafts API (POST /api/admin/bank/drafts → 201 { id }); only then is it marked handled.
// Nothing is applied to the bank without an editor. Server text is always set with textContent.
(function () {
  "use strict";
  const API = "/api/admin/insights";
  const DRAFTS = "/api/admin/bank/drafts";
  const $ = (id) => document.getElementById(id);

  const { el } = window.GovChat;

  function show(id, text) {
    $(id).textContent = text || "";
    $(id).hidden = !text;
  }

  async function problem(response) {
    try { return (await response.json()).detail || `请求失败（${response.status}）`; } catch { return `请求失败（${response.status}）`; }
  }

  async function post(url, body) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
  }

  // Creates a draft; returns its id, or null after showing why not.
  async function draft(body) {
    const response = await post(DRAFTS, body);
    if (response.status !== 201) {
      show("error", `草稿未创建：${await problem(response)}`);
      return null;
    }
    return (await response.json()).id;
  }

  function period() {
    const form = $("filters");
    return new URLSearchParams({ from: form.elements.from.value, to: form.elements.to.value });
  }

  function clusterItem(c) {
    const item = el("article", { class: "item", testid: "cluster" });
    item.dataset.key = c.key;
    item.append(el("h3", { testid: "cluster-label" }, c.label), el("div", { class: "meta", testid: "cluster-count" }, `${c.count} 个问题，${c.phrasings.length} 种问法`));
    const list = el("ul");
    for (const p of c.phrasings) list.appendChild(el("li", {}, p.count > 1 ? `${p.text}（${p.count} 次）` : p.text));
    item.appendChild(list);
    const actions = el("div", { class: "actions" });
    const create = el("button", { type: "button", class: "btn btn-primary", testid: "cluster-draft" }, "生成新条目草稿");
    const entry = el("input", { type: "text", maxlength: 64, placeholder: "条目编号", "aria-label": "已有条目编号", testid: "cluster-entry" });
    const attach = el("button", { type: "button", class: "btn", testid: "cluster-attach" }, "补充为该条目的相似问");
    const note = `来自未解决问题聚类：${c.count} 个问题（${period().get("from")} 至 ${period().get("to")}）`;
    const texts = c.phrasings.map((p) => p.text);

    async function handled(draftId, action) {
      const response = await post(`${API}/clusters/handled`, { questionIds: c.questionIds, draftId, action });
      if (!response.ok) return show("error", await problem(response));
      show("error", "");
      show("notice", `已生成草稿 ${draftId}，请到题库草稿中审核发布。`);
      item.remove();
    }

    create.addEventListener("click", async () => {
      create.disabled = true;
      const id = await draft({ baseEntryId: null, question: c.label, similarQuestions: texts.filter((t) => t !== c.label), origin: "cluster", note });
      create.disabled = false;
      if (id) await handled(id, "draft");
    });
    attach.addEventListener("click", async () => {
      const baseEntryId = entry.value.trim();
      if (!baseEntryId) return show("error", "请填写要补充相似问的条目编号。");
      attach.disabled = true;
      const id = await draft({ baseEntryId, addSimilarQuestions: texts, origin: "cluster", note });
      attach.disabled = false;
      if (id) await handled(id, "similar");
    });
    actions.append(create, entry, attach);
    item.appendChild(actions);
    return item;
  }

  function suggestionItem(s) {
    const item = el("article", { class: "item", testid: "suggestion" });
    const title = s.kind === "similar" ? `建议补充相似问：“${s.question}”` : `建议复核答案：访客问“${s.question}”后点了 👎`;
    item.append(
      el("h3", { testid: "suggestion-title" }, title),
      el("div", { class: "meta" }, `条目 ${s.entryId}：${s.entryQuestion || "（条目已下线）"}`),
      el("div", { class: "meta" }, `${s.reason}，共 ${s.count} 次`));
    const actions = el("div", { class: "actions" });
    const accept = el("button", { type: "button", class: "btn btn-primary", testid: "suggestion-accept" }, s.kind === "similar" ? "采纳（生成草稿）" : "生成复核草稿");
    const reject = el("button", { type: "button", class: "btn", testid: "suggestion-reject" }, "驳回");

    async function resolve(status, draftId) {
      const response = await post(`${API}/suggestions/resolve`, { questionIds: s.questionIds, status, draftId });
      if (!response.ok) return show("error", await problem(response));
      show("error", "");
      show("notice", status === "accepted" ? `已生成草稿 ${draftId}，请到题库草稿中审核发布。` : "已驳回该建议。");
      item.remove();
    }

    accept.addEventListener("click", async () => {
      accept.disabled = true;
      const body = s.kind === "similar"
        ? { baseEntryId: s.entryId, addSimilarQuestions: [s.question], origin: "feedback", note: s.reason }
        : { baseEntryId: s.entryId, origin: "feedback", note: `访客问“${s.question}”后对答案点了 👎（${s.count} 次），请复核。` };
      const id = await draft(body);
      accept.disabled = false;
      if (id) await resolve("accepted", id);
    });
    reject.addEventListener("click", () => resolve("rejected", null));
    actions.append(accept, reject);
    item.appendChild(actions);
    return item;
  }

  async function list(what, render, target, empty) {
    const response = await fetch(`${API}/${what}?${period()}`, { headers: { Accept: "application/json" } });
    if (response.status === 401) {
      location.replace("/agent/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search));
      return false;
    }
    if (response.status === 403) {
      show("error", "问题洞察仅对题库编辑、审核人员和管理员开放。");
      return false;
    }
    if (!response.ok) {
      show("error", await problem(response));
      return false;
    }
    const items = await response.json();
    $(target).replaceChildren(...(items.length ? items.map(render) : [el("div", { class: "empty" }, empty)]));
    return true;
  }

  async function load() {
    document.body.dataset.ready = "false";
    if (!await list("clusters", clusterItem, "clusters", "该时段没有未解决的问题。")) return;
    if (!await list("suggestions", suggestionItem, "suggestions", "暂无待处理的建议。")) return;
    history.replaceState(null, "", `?${period()}`);
    document.body.dataset.ready = "true";
  }

  async function start() {
    const form = $("filters");
    const given = new URLSearchParams(location.search);
    const day = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    form.elements.to.value = given.get("to") || day(new Date());
    form.elements.from.value = given.get("from") || day(new Date(Date.now() - 6 * 86400000));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      load().catch(() => show("error", "无法连接服务器，请检查网络。"));
    });
    try {
      // Editors and reviewers are not agents (/api/agents/me is the agents' own), so the first list call tells
      // whether the session is there (401 → sign in) and allowed (403 → not for this role).
      await load();
    } catch {
      show("error", "无法连接服务器，请检查网络。");
    }
  }

  start();
})();
