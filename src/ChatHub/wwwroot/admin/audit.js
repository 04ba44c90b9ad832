// Audit log with filters and CSV export of the same filters.
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("audit.html"))) return;
  const form = document.getElementById("filters");
  const message = document.getElementById("message");

  async function load() {
    const query = new URLSearchParams();
    for (const field of form.elements) if (field.name && field.value) query.set(field.name, field.value);
    document.getElementById("csv").href = "/api/admin/audit/export.csv?" + query;
    try {
      const data = await api("/api/admin/audit?" + query);
      const rows = document.getElementById("rows");
      rows.replaceChildren();
      for (const a of data.items) {
        const tr = el("tr", { testid: "audit-row" });
        const action = el("td", {}, window.Labels.action(a.action));
        action.title = a.action;
        tr.append(el("td", {}, window.Labels.time(a.at)), el("td", {}, window.Labels.actor(a.actor)), action, el("td", {}, a.target || ""),
          el("td", { class: "opt" }, a.detail || ""));
        rows.appendChild(tr);
      }
      show(message, `共 ${data.items.length} 条`);
    } catch (e) { show(message, e.message, true); }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
