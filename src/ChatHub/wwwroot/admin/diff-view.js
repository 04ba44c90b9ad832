// Renders an EntryDiff (fields, similar questions added/removed, answer pieces) as text nodes only.
(function () {
  "use strict";
  const { el } = window.GovChat;
  const NAMES = { id: "编号", question: "标准问题", category: "分类", department: "部门", region: "地区", tags: "标签", source: "来源",
    basis: "政策依据", validFrom: "生效日期", validTo: "失效日期", status: "状态" };
  window.renderDiff = function (diff) {
    const box = el("div", { class: "diff" });
    for (const f of diff.fields) box.appendChild(el("div", {}, `${NAMES[f.field] || f.field}：${f.before ?? "（空）"} → ${f.after ?? "（空）"}`));
    if (diff.similarAdded.length) box.appendChild(el("div", {}, "新增问法：" + diff.similarAdded.join(" / ")));
    if (diff.similarRemoved.length) box.appendChild(el("div", {}, "删除问法：" + diff.similarRemoved.join(" / ")));
    if (diff.answer.some((p) => p.op !== "equal")) {
      const answer = el("div", { class: "md", testid: "answer-diff" });
      for (const p of diff.answer) answer.appendChild(el(p.op === "insert" ? "ins" : p.op === "delete" ? "del" : "span", {}, p.text));
      answer.style.whiteSpace = "pre-wrap";
      box.append(el("div", {}, "答案变化："), answer);
    }
    if (!box.childElementCount) box.appendChild(el("div", { class: "muted" }, "内容没有变化"));
    return box;
  };
})();
