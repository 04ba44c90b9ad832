// Entry editor: every field, live Markdown preview (DOMPurify), save as a draft, history with diff and rollback.
(async function () {
  "use strict";
  const { api, start, show, params, el } = window.Admin;
  if (!(await start("index.html"))) return;
  const form = document.getElementById("editor");
  const message = document.getElementById("message");
  const preview = document.getElementById("preview");
  const id = params.get("id");
  let original = null;

  const render = () => preview.replaceChildren(window.GovChat.markdown(form.elements.answer.value));
  form.elements.answer.addEventListener("input", render);

  function fill(e) {
    for (const name of ["question", "answer", "category", "department", "region", "source", "basis", "validFrom", "validTo", "status"])
      form.elements[name].value = e[name] || (name === "status" ? "published" : "");
    form.elements.similarQuestions.value = (e.similarQuestions || []).join("\n");
    form.elements.entryId.value = e.id || "";
    render();
  }

  async function load() {
    const data = await api("/api/admin/bank/entries/" + encodeURIComponent(id));
    original = data.entry;
    document.getElementById("title").textContent = `编辑问答 ${original.id}（第 ${original.version} 版）`;
    form.elements.entryId.disabled = true;
    document.getElementById("pending").textContent = data.pendingDrafts.length ? `待审核草稿：${data.pendingDrafts.join("、")}` : "";
    fill(original);
    await history();
  }

  async function history() {
    const data = await api(`/api/admin/bank/entries/${encodeURIComponent(id)}/history`);
    document.getElementById("history-card").hidden = false;
    const body = document.getElementById("history");
    body.replaceChildren();
    for (const v of data.items) {
      const tr = el("tr", { testid: "version" });
      const actions = el("td");
      if (v.version > 1) actions.appendChild(el("button", { type: "button", onclick: () => diff(v.version) }, "对比上一版"));
      if (v.version !== original.version) actions.appendChild(el("button", { type: "button", testid: "rollback", onclick: () => rollback(v.version) }, "回滚到此版"));
      tr.append(el("td", {}, `第 ${v.version} 版`), el("td", {}, `${window.Labels.actor(v.changedBy)}${v.reviewedBy ? " / " + window.Labels.actor(v.reviewedBy) : ""}`),
        el("td", { class: "opt" }, window.Labels.time(v.changedAt)), el("td", {}, v.note ? window.Labels.actor(v.note) : window.Labels.kind(v.kind)), actions);
      body.appendChild(tr);
    }
  }

  async function diff(version) {
    try {
      const data = await api(`/api/admin/bank/entries/${encodeURIComponent(id)}/diff?from=${version - 1}&to=${version}`);
      const box = document.getElementById("diff");
      box.replaceChildren(el("h3", {}, `第 ${data.from} 版 → 第 ${data.to} 版`), window.renderDiff(data.diff));
    } catch (e) { show(message, e.message, true); }
  }

  async function rollback(version) {
    try {
      const draft = await api(`/api/admin/bank/entries/${encodeURIComponent(id)}/rollback`, { json: { version } });
      show(message, `已生成回滚草稿 ${draft.id}，待审核人发布后生效。`);
    } catch (e) { show(message, e.message, true); }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const body = {
      baseEntryId: id, question: f.question.value, answer: f.answer.value, category: f.category.value, department: f.department.value,
      region: f.region.value, source: f.source.value, basis: f.basis.value, validFrom: f.validFrom.value, validTo: f.validTo.value,
      status: f.status.value, similarQuestions: f.similarQuestions.value.split("\n").map((s) => s.trim()).filter(Boolean),
      origin: "editor", note: f.note.value,
    };
    if (!id) body.entryId = f.entryId.value;
    try {
      const draft = await api("/api/admin/bank/drafts", { json: body });
      show(message, `已保存为草稿 ${draft.id}，待所属部门审核人发布后生效。`);
      message.dataset.draft = draft.id;
    } catch (e) { show(message, e.message, true); }
  });

  if (id) { try { await load(); } catch (e) { show(message, e.message, true); } }
  else { document.getElementById("title").textContent = "新建问答"; render(); }
})();
