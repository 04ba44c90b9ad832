// Canned reply management for supervisors (/api/canned-replies/manage): grouped by department, edit in place.
(function () {
  "use strict";
  const { el } = window.GovChat;
  const $ = (id) => document.getElementById(id);
  const LOGIN = "/agent/login.html?returnUrl=" + encodeURIComponent("/agent/canned.html");
  const API = "/api/canned-replies/manage";

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 401) { location.replace(LOGIN); throw new Error("未登录"); }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new Error((problem && problem.detail) || `操作失败（${response.status}）`);
    }
    return response.status === 204 ? null : response.json();
  }

  function showError(text) {
    $("error").textContent = text || "";
    $("error").hidden = !text;
  }

  function row(reply) {
    const text = el("textarea", { rows: "2", maxlength: "1000", testid: "canned-edit-text", "aria-label": "常用语内容" });
    text.value = reply.text;
    text.disabled = !reply.editable;
    const item = el("li", { class: "canned-row", testid: "canned-row" });
    item.appendChild(text);
    if (reply.editable) {
      item.appendChild(el("button", { type: "button", class: "btn", testid: "canned-update", onclick: () => act(() =>
        call("PUT", `${API}/${reply.id}`, { department: reply.department, text: text.value })) }, "保存"));
      item.appendChild(el("button", { type: "button", class: "btn btn-danger", testid: "canned-delete", onclick: () => act(() =>
        call("DELETE", `${API}/${reply.id}`)) }, "删除"));
    }
    item.appendChild(el("span", { class: "muted" }, `${reply.updatedBy} · ${new Date(reply.updatedAt).toLocaleString("zh-CN")}`));
    return item;
  }

  async function load() {
    const replies = await call("GET", API);
    const groups = new Map();
    for (const r of replies) {
      if (!groups.has(r.department)) groups.set(r.department, []);
      groups.get(r.department).push(r);
    }
    const root = $("groups");
    root.replaceChildren();
    for (const [department, list] of groups) {
      root.appendChild(el("h3", {}, department || "通用（各部门）"));
      const ul = el("ul", { class: "canned-list" });
      for (const reply of list) ul.appendChild(row(reply));
      root.appendChild(ul);
    }
  }

  async function act(action) {
    showError(null);
    try {
      await action();
      await load();
    } catch (e) {
      showError(e.message);
    }
  }

  $("add").addEventListener("submit", (e) => {
    e.preventDefault();
    act(async () => {
      await call("POST", API, { department: $("department").value.trim(), text: $("text").value });
      $("text").value = "";
    });
  });

  fetch("/api/departments", { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : []))
    .then((list) => { for (const d of list) $("departments").appendChild(el("option", { value: d })); });
  act(async () => {});
})();
