// Needs-review list (expired, expiring, superseded basis) and the superseded-policy list.
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("needs-review.html"))) return;
  const days = document.getElementById("days");
  const message = document.getElementById("message");

  async function load() {
    try {
      const data = await api("/api/admin/bank/needs-review?days=" + encodeURIComponent(days.value || "30"));
      const rows = document.getElementById("rows");
      rows.replaceChildren();
      for (const item of data.items) {
        const reasons = [];
        if (item.expired) reasons.push(`已过期（${item.entry.validTo}），已停止回答`);
        else if (item.daysLeft != null) reasons.push(`${item.daysLeft} 天后到期（${item.entry.validTo}）`);
        if (item.supersededBasis) reasons.push(`依据政策已废止：${item.supersededBasis}`);
        const link = el("a", { href: "/admin/entry.html?id=" + encodeURIComponent(item.entry.id) }, item.entry.id);
        const cell = el("td"); cell.appendChild(link);
        const tr = el("tr", { testid: "due" });
        tr.append(cell, el("td", {}, item.entry.question), el("td", {}, reasons.join("；")));
        rows.appendChild(tr);
      }
      const policies = await api("/api/admin/bank/superseded-policies");
      const ul = document.getElementById("policies");
      ul.replaceChildren();
      for (const p of policies.items) {
        const li = el("li", {}, `${p.basis}${p.note ? "（" + p.note + "）" : ""} · ${p.addedBy} `);
        li.appendChild(el("button", { type: "button", onclick: () => remove(p.basis) }, "撤销"));
        ul.appendChild(li);
      }
    } catch (e) { show(message, e.message, true); }
  }

  async function remove(basis) {
    try { await api("/api/admin/bank/superseded-policies", { method: "DELETE", json: { basis } }); await load(); }
    catch (e) { show(message, e.message, true); }
  }

  document.getElementById("policy").addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      await api("/api/admin/bank/superseded-policies", { json: { basis: f.basis.value, note: f.note.value } });
      event.target.reset();
      show(message, "已标记。");
      await load();
    } catch (e) { show(message, e.message, true); }
  });
  days.addEventListener("change", load);
  load();
})();
