// Account management for admins (GET/POST/PUT /api/admin/agents, docs/admin.md): list, create, edit, disable, reset.
(async function () {
  "use strict";
  const { api, start, show, el } = window.Admin;
  if (!(await start("accounts.html"))) return;
  const form = document.getElementById("account");
  const message = document.getElementById("message");
  const formMessage = document.getElementById("form-message");
  const cancel = document.getElementById("cancel");
  let editing = null;

  for (const [value, label] of window.Labels.knownRoles()) {
    const box = el("input", { type: "checkbox", name: "roles", value, testid: "role-" + value });
    const label2 = el("label", { class: "inline" });
    label2.append(box, ` ${label}（${value}）`);
    document.getElementById("role-boxes").appendChild(label2);
  }

  async function load() {
    try {
      const accounts = await api("/api/admin/agents");
      const rows = document.getElementById("rows");
      rows.replaceChildren();
      for (const a of accounts) rows.appendChild(row(a));
      show(message, `共 ${accounts.length} 个账号`);
    } catch (e) { show(message, e.message, true); }
  }

  function row(a) {
    const tr = el("tr", { testid: "account-row" });
    tr.dataset.account = a.id;
    const departments = a.departments.includes("*") ? "全部部门" : a.departments.join("、");
    const state = a.disabled ? "已停用" : a.temporaryCredentials ? "待修改密码" : "正常";
    const actions = el("td", { class: "actions" });
    actions.append(el("button", { type: "button", testid: "account-edit", "aria-label": `编辑 ${a.id}`, onclick: () => edit(a) }, "编辑"),
      el("button", { type: "button", class: a.disabled ? "" : "danger", testid: "account-toggle", "aria-label": `${a.disabled ? "启用" : "停用"} ${a.id}`, onclick: () => toggle(a) }, a.disabled ? "启用" : "停用"));
    tr.append(el("td", {}, a.id), el("td", {}, a.name), el("td", { class: "opt" }, departments),
      el("td", {}, window.Labels.roles(a.roles)), el("td", { class: "opt" }, String(a.capacity)), el("td", { testid: "account-state" }, state), actions);
    return tr;
  }

  async function toggle(a) {
    try {
      await api("/api/admin/agents/" + encodeURIComponent(a.id), { method: "PUT", json: { disabled: !a.disabled } });
      await load();
    } catch (e) { show(message, e.message, true); }
  }

  function edit(a) {
    editing = a.id;
    document.getElementById("form-title").textContent = `编辑账号 ${a.id}`;
    document.getElementById("password-label").textContent = "重置密码（留空则不修改；重置后对方须在下次登录时修改）";
    form.username.value = a.id;
    form.username.readOnly = true;
    form.name.value = a.name;
    form.departments.value = a.departments.join("，");
    form.capacity.value = a.capacity;
    for (const box of form.querySelectorAll("input[name=roles]")) box.checked = a.roles.includes(box.value);
    form.password.value = "";
    cancel.hidden = false;
    show(formMessage, "");
    form.name.focus();
  }

  function reset() {
    editing = null;
    form.reset();
    form.username.readOnly = false;
    document.getElementById("form-title").textContent = "新建账号";
    document.getElementById("password-label").textContent = "初始密码（留空则自动生成临时密码，只显示一次）";
    cancel.hidden = true;
  }
  cancel.addEventListener("click", () => { reset(); show(formMessage, ""); });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      name: form.name.value.trim(),
      departments: form.departments.value.split(/[,，、\s]+/).map((d) => d.trim()).filter(Boolean),
      roles: [...form.querySelectorAll("input[name=roles]:checked")].map((b) => b.value),
      capacity: Number(form.capacity.value),
    };
    if (form.password.value) body.password = form.password.value;
    try {
      if (editing) {
        await api("/api/admin/agents/" + encodeURIComponent(editing), { method: "PUT", json: body });
        show(formMessage, `已保存账号 ${editing}。`);
      } else {
        body.username = form.username.value.trim();
        const created = await api("/api/admin/agents", { json: body });
        show(formMessage, created.temporaryPassword
          ? `已创建账号 ${created.id}，临时密码：${created.temporaryPassword}（只显示这一次，请转告本人，首次登录时须修改）`
          : `已创建账号 ${created.id}。`);
      }
      reset();
      await load();
    } catch (e) { show(formMessage, e.message, true); }
  });

  load();
})();
