// Review queue: each pending draft with its diff against the live entry; publish or reject (with a reason).
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("drafts.html"))) return;
  const list = document.getElementById("drafts");
  const message = document.getElementById("message");
  const scope = document.getElementById("scope");
  const status = document.getElementById("status");
  const ORIGINS = { editor: "编辑", cluster: "未答问题聚类", agentReply: "坐席回复", feedback: "反馈", import: "导入", rollback: "回滚" };

  async function load() {
    try {
      const data = await api(`/api/admin/bank/drafts?status=${status.value}&scope=${scope.value}`);
      list.replaceChildren();
      if (!data.items.length) list.appendChild(el("p", { class: "muted" }, "没有草稿"));
      for (const d of data.items) list.appendChild(await card(d));
    } catch (e) { show(message, e.message, true); }
  }

  async function card(summary) {
    const d = summary.status === "pending" ? await api("/api/admin/bank/drafts/" + summary.id) : summary;
    const box = el("article", { class: "card", testid: "draft" });
    box.dataset.draft = d.id;
    const target = d.baseEntryId ? `修改 ${d.baseEntryId}` : `新建 ${d.entryId || "（发布时分配编号）"}`;
    box.appendChild(el("h3", {}, `${d.id} · ${target} · ${d.proposed.question || "（未填写问题）"}`));
    box.appendChild(el("div", { class: "muted" }, `来源：${ORIGINS[d.origin] || d.origin} · 提交人：${d.createdBy} · 部门：${d.department || "未指定"}${d.note ? " · 说明：" + d.note : ""}`));
    if (!d.complete) box.appendChild(el("div", { class: "tag warn" }, "待补全：" + d.missing.join("、")));
    if (d.stale) box.appendChild(el("div", { class: "tag warn" }, "条目已被修改，此草稿已过时"));
    if (d.rejectReason) box.appendChild(el("div", { class: "error" }, "驳回理由：" + d.rejectReason));
    if (d.diff) box.appendChild(window.renderDiff(d.diff));
    if (d.status === "pending") {
      const actions = el("div", { class: "filters" });
      const edit = el("a", { href: d.baseEntryId ? "/admin/entry.html?id=" + encodeURIComponent(d.baseEntryId) : "#" }, d.baseEntryId ? "查看条目" : "");
      if (d.canReview) {
        const reason = el("input", { placeholder: "驳回理由", testid: "reject-reason" });
        actions.append(
          el("button", { type: "button", class: "primary", testid: "publish", onclick: () => act(d.id, "publish") }, "发布"),
          reason,
          el("button", { type: "button", class: "danger", testid: "reject", onclick: () => act(d.id, "reject", { reason: reason.value }) }, "驳回"));
      } else {
        actions.appendChild(el("span", { class: "muted", testid: "review-refusal" }, d.reviewRefusal || ""));
      }
      actions.appendChild(edit);
      box.appendChild(actions);
    }
    return box;
  }

  async function act(id, action, body) {
    if (action === "publish" && !(await window.confirmDialog(`确定发布草稿 ${id}？发布后将立即用于回答访客。`, "确认发布"))) return;
    try {
      await api(`/api/admin/bank/drafts/${id}/${action}`, { method: "POST", json: body || {} });
      show(message, action === "publish" ? `草稿 ${id} 已发布，问答已更新。` : `草稿 ${id} 已驳回。`);
      await load();
    } catch (e) { show(message, e.message, true); }
  }

  scope.addEventListener("change", load);
  status.addEventListener("change", load);
  load();
})();
