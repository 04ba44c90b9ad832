// Upload a bank file: drafts of one batch, or the line-numbered report of what is wrong.
(async function () {
  "use strict";
  const { start, show, el } = window.Admin;
  if (!(await start("import.html"))) return;
  const form = document.getElementById("upload");
  const message = document.getElementById("message");
  const errors = document.getElementById("errors");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    try {
      const response = await fetch("/api/admin/bank/import", { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        show(message, body.detail || `导入失败（${response.status}）`, true);
        for (const e of body.errors || []) errors.appendChild(el("li", { testid: "import-error" }, e.text || e.message));
        return;
      }
      show(message, `已生成 ${body.drafts} 条待审核草稿（批次 ${body.batchId}），${body.unchanged} 条与现有内容相同未生成。`);
      const link = el("a", { href: "/admin/drafts.html" }, "前往审核队列");
      message.append(" ", link);
    } catch { show(message, "无法连接服务器，请检查网络。", true); }
  });
})();
