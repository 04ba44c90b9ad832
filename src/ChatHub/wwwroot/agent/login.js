// Staff sign-in: POST /api/agents/login sets the HTTP-only session cookie, then back to where the cookie
// middleware sent us from: the server checks that target and answers with a path on this site (returnUrl).
(function () {
  "use strict";
  const form = document.getElementById("login");
  const error = document.getElementById("error");
  const submit = document.getElementById("submit");

  function requested() {
    return new URLSearchParams(location.search).get("returnUrl") || "";
  }

  // Only for the already-signed-in shortcut; a sign-in goes where the server says. "/x" is ours; "//host",
  // "/\host" and "/<TAB>/host" (browsers drop tabs and line breaks) are other sites.
  function returnUrl() {
    const url = requested();
    return /^\/(?![\/\\])[^\s\\\u0000-\u001f\u007f]*$/.test(url) ? url : "/agent/";
  }

  function show(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  // A password set by someone else must be replaced first: the change page, then where they were going.
  function next(session) {
    const target = (session && session.returnUrl) || returnUrl();
    location.replace(session && session.mustChangePassword ? "/agent/password.html?returnUrl=" + encodeURIComponent(target) : target);
  }

  // Already signed in: straight to the console.
  fetch("/api/agents/me", { headers: { Accept: "application/json" } })
    .then(async (r) => { if (r.ok) next(await r.json()); })
    .catch(() => { /* offline: let them try */ });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    show("");
    submit.disabled = true;
    try {
      const response = await fetch("/api/agents/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ username: form.username.value.trim(), password: form.password.value, returnUrl: requested() }),
      });
      if (response.ok) {
        next(await response.json());
        return;
      }
      let detail = "登录失败，请稍后再试。";
      try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
      show(detail);
      form.password.value = "";
      form.password.focus();
    } catch {
      show("无法连接服务器，请检查网络。");
    } finally {
      submit.disabled = false;
    }
  });
})();
