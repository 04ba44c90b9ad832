// Bank list: filters, paging; every value shown with textContent.
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("index.html"))) return;
  const form = document.getElementById("filters");
  const rows = document.getElementById("rows");
  const message = document.getElementById("message");
  let page = 1;
  const STATUS = { published: "已发布", retired: "已下线", draft: "草稿" };

  try {
    const facets = await api("/api/admin/bank/facets");
    for (const [name, values] of [["category", facets.categories], ["department", facets.departments], ["region", facets.regions], ["source", facets.sources]])
      for (const v of values) form.elements[name].appendChild(el("option", { value: v }, v));
  } catch (e) { show(message, e.message, true); }

  async function load() {
    const query = new URLSearchParams();
    for (const field of form.elements) if (field.name && field.value) query.set(field.name, field.value);
    query.set("page", page);
    try {
      const result = await api("/api/admin/bank/entries?" + query);
      rows.replaceChildren();
      for (const e of result.items) {
        const tr = el("tr", { testid: "entry-row" });
        const link = el("a", { href: "/admin/entry.html?id=" + encodeURIComponent(e.id) }, e.id);
        const id = el("td"); id.appendChild(link);
        tr.append(id, el("td", {}, e.question), el("td", { class: "opt" }, e.department || ""), el("td", { class: "opt" }, e.validTo || "长期"),
          el("td", {}, STATUS[e.status] || e.status));
        rows.appendChild(tr);
      }
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      document.getElementById("page").textContent = `第 ${page} / ${pages} 页，共 ${result.total} 条`;
      document.getElementById("prev").disabled = page <= 1;
      document.getElementById("next").disabled = page >= pages;
      show(message, "");
    } catch (e) { show(message, e.message, true); }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); page = 1; load(); });
  document.getElementById("prev").addEventListener("click", () => { page--; load(); });
  document.getElementById("next").addEventListener("click", () => { page++; load(); });
  load();
})();
