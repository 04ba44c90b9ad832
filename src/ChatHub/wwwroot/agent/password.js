// Change one's own password (POST /api/agents/me/password). Also where every staff page sends a session whose
// password must be changed first (first admin, temporary password); afterwards back to where they were going.
(function () {
  "use strict";
  const form = document.getElementById("change");
  const error = document.getElementById("error");
  const submit = document.getElementById("submit");

  function returnUrl() {
    const url = new URLSearchParams(location.search).get("returnUrl") || "";
    return /^\/(?![\/\\])/.test(url) && !url.startsWith("/agent/password") ? url : "/agent/";
  }

  function show(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  document.getElementById("back").href = returnUrl();
  fetch("/api/agents/me", { headers: { Accept: "application/json" } })
    .then(async (r) => {
      if (r.status === 401) return location.replace("/agent/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search));
      if (!r.ok) return;
      const me = await r.json();
      document.getElementById("who").textContent = `账号：${me.id}（${me.name}）`;
      document.getElementById("forced").hidden = !me.mustChangePassword;
      document.getElementById("back").hidden = me.mustChangePassword;
      document.body.dataset.ready = "true";
    })
    .catch(() => show("无法连接服务器，请检查网络。"));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    show("");
    if (form.next.value !== form.again.value) {
      show("两次输入的新密码不一致。");
      form.again.focus();
      return;
    }
    submit.disabled = true;
    try {
      const response = await fetch("/api/agents/me/password", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ currentPassword: form.current.value, newPassword: form.next.value }),
      });
      if (response.ok) {
        location.replace(returnUrl());
        return;
      }
      let detail = "修改失败，请稍后再试。";
      try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
      show(detail);
    } catch {
      show("无法连接服务器，请检查网络。");
    } finally {
      submit.disabled = false;
    }
  });
})();
