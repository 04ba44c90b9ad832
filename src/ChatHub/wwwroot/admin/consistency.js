// Consistency flags: pairs of near-duplicate questions whose answers disagree; merge, link or dismiss.
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("consistency.html"))) return;
  const message = document.getElementById("message");
  const status = document.getElementById("status");
  const KINDS = { fee: "收费", timeLimit: "时限", phone: "电话", address: "地址", office: "办理机构", materials: "材料" };

  async function load() {
    try {
      const data = await api("/api/admin/bank/consistency?status=" + status.value);
      const box = document.getElementById("flags");
      box.replaceChildren();
      if (data.lastRun) box.appendChild(el("p", { class: "muted" }, `上次检查：${window.Labels.time(data.lastRun.at)}，${data.lastRun.entries} 条，发现 ${data.lastRun.found} 对，用时 ${data.lastRun.milliseconds} 毫秒`));
      if (!data.items.length) box.appendChild(el("p", { class: "muted" }, "没有记录"));
      for (const f of data.items) {
        const card = el("article", { class: "card", testid: "flag" });
        card.appendChild(el("h3", {}, `${f.firstId} ↔ ${f.secondId}${f.crossDepartment ? "（跨部门）" : ""} · 相似度 ${f.similarity}`));
        card.appendChild(el("div", {}, `${f.firstId}（${f.firstDepartment || "未指定部门"}）：${f.firstPhrasing}`));
        card.appendChild(el("div", {}, `${f.secondId}（${f.secondDepartment || "未指定部门"}）：${f.secondPhrasing}`));
        for (const c of f.conflicts)
          card.appendChild(el("div", { class: "tag warn" }, `${KINDS[c.kind] || c.kind}：${c.onlyInFirst.join("、") || "—"} ≠ ${c.onlyInSecond.join("、") || "—"}`));
        if (f.decidedBy) card.appendChild(el("div", { class: "muted" }, `${f.decidedBy} 处理${f.decisionNote ? "：" + f.decisionNote : ""}${f.draftIds ? "（草稿 " + f.draftIds + "）" : ""}`));
        if (f.status === "open") {
          const note = el("input", { placeholder: "说明（可选）" });
          card.append(el("div", { class: "filters" },),
            el("button", { type: "button", onclick: () => decide(f.pairKey, "merge", f.firstId, note.value) }, `合并，保留 ${f.firstId}`),
            el("button", { type: "button", onclick: () => decide(f.pairKey, "merge", f.secondId, note.value) }, `合并，保留 ${f.secondId}`),
            el("button", { type: "button", onclick: () => decide(f.pairKey, "link", null, note.value) }, "关联（均保留）"),
            el("button", { type: "button", onclick: () => decide(f.pairKey, "dismiss", null, note.value) }, "忽略"), note);
        }
        box.appendChild(card);
      }
    } catch (e) { show(message, e.message, true); }
  }

  async function decide(pair, action, keep, note) {
    try {
      await api("/api/admin/bank/consistency/decision", { json: { pair, action, keep, note } });
      show(message, action === "merge" ? "已生成合并草稿，待审核发布。" : "已处理。");
      await load();
    } catch (e) { show(message, e.message, true); }
  }

  document.getElementById("run").addEventListener("click", async () => {
    try { const run = await api("/api/admin/bank/consistency/run", { method: "POST" }); show(message, `检查完成：发现 ${run.found} 对，待处理 ${run.open} 对。`); await load(); }
    catch (e) { show(message, e.message, true); }
  });
  status.addEventListener("change", load);
  load();
})();
