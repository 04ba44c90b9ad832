// Shared by the admin pages: sign-in check, navigation, JSON calls with Chinese errors.
(function () {
  "use strict";
  const { el, problemText } = window.GovChat;
  const PAGES = [
    ["index.html", "问答库"], ["drafts.html", "审核队列"], ["needs-review.html", "待复核"], ["consistency.html", "一致性"],
    ["import.html", "批量导入"], ["audit.html", "审计日志"], ["dashboard.html", "服务看板"], ["insights.html", "问答分析"], ["accounts.html", "账号管理"],
  ];

  async function api(path, options) {
    const init = Object.assign({ headers: { Accept: "application/json" } }, options || {});
    if (init.json !== undefined) {
      init.method = init.method || "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(init.json);
    }
    const response = await fetch(path, init);
    if (response.status === 401) { toLogin(); throw new Error("请先登录。"); }
    if (response.status === 403 && (await response.clone().json().catch(() => ({}))).code === "passwordChangeRequired") {
      location.replace("/agent/password.html?returnUrl=" + encodeURIComponent(location.pathname + location.search));
      throw new Error("请先修改密码。");
    }
    if (!response.ok) {
      const error = new Error(await problemText(response.clone(), `操作失败（${response.status}）`));
      try { error.body = await response.json(); } catch { /* not JSON */ }
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  function toLogin() {
    location.replace("/agent/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search));
  }

  async function start(page) {
    let me;
    try { me = await api("/api/admin/bank/me"); } catch { return null; }
    const header = el("header", { class: "top" });
    header.appendChild(el("h1", {}, "问答库管理"));
    const nav = el("nav", { class: "admin-nav", "aria-label": "管理导航" });
    for (const [href, label] of PAGES) {
      if (href === "accounts.html" && !me.roles.includes("admin")) continue;
      const a = el("a", { href: "/admin/" + href }, label);
      if (href === page) a.setAttribute("aria-current", "page");
      nav.appendChild(a);
    }
    header.appendChild(nav);
    const roles = window.Labels ? window.Labels.roles(me.roles) : me.roles.join("、");
    header.appendChild(el("span", { class: "me", testid: "admin-me" }, `${me.name}（${roles}）`));
    header.appendChild(el("a", { class: "own-password", href: "/agent/password.html?returnUrl=" + encodeURIComponent(location.pathname) }, "修改密码"));
    if (window.Labels) await window.Labels.loadTimeZone();
    document.body.prepend(header);
    document.body.dataset.ready = "true";
    return me;
  }

  function show(node, text, isError) {
    node.textContent = text || "";
    node.className = isError ? "error" : "ok";
  }

  const params = new URLSearchParams(location.search);
  window.Admin = { api, start, show, params, el };
})();
