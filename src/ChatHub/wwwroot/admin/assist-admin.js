// Model assistance on the admin pages (docs/assist.md), shown only when a model is configured: new phrasings for an
// entry (entry page), a new entry drafted from an unanswered cluster (insights page), and the model's calls,
// failures, latency and tokens per day (dashboard). The model only ever produces drafts for the review queue.
(function () {
  "use strict";
  const { el, problemText } = window.GovChat;

  async function call(url, method, json) {
    const init = { method: method || "GET", headers: { Accept: "application/json" } };
    if (json !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(json); }
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(await problemText(response, `操作失败（${response.status}）`));
    return response.json();
  }

  function outcome(result) {
    if (result.status === "ok") return `已生成草稿 ${result.draft.id}（${result.draft.createdBy}），请到审核队列核对后发布。`;
    return result.status === "off" ? "未配置模型。" : "模型暂时不可用，或没有给出可用的内容，请稍后再试。";
  }

  function entryPage(form) {
    const id = new URLSearchParams(location.search).get("id");
    if (!id) return;
    const message = el("p", { class: "muted", testid: "assist-phrasings-message" });
    const button = el("button", { type: "button", testid: "assist-phrasings" }, "请模型建议相似问法（生成草稿）");
    button.addEventListener("click", async () => {
      button.disabled = true;
      message.textContent = "正在生成…";
      try { message.textContent = outcome(await call(`/api/assist/entries/${encodeURIComponent(id)}/phrasings`, "POST")); }
      catch (e) { message.textContent = e.message; }
      finally { button.disabled = false; }
    });
    const card = el("section", { class: "card", testid: "assist-entry" });
    card.append(el("h2", {}, "模型辅助"), button, message);
    form.closest("section").after(card);
  }

  function insightsPage(box) {
    const add = (item) => {
      if (item.querySelector("[data-testid=assist-cluster]")) return;
      const button = el("button", { type: "button", class: "btn", testid: "assist-cluster" }, "请模型起草条目");
      const message = el("div", { class: "meta", testid: "assist-cluster-message" });
      button.addEventListener("click", async () => {
        const questions = [...item.querySelectorAll("li")].map((li) => li.textContent.replace(/（\d+ 次）$/, ""));
        button.disabled = true;
        message.textContent = "正在起草…";
        try { message.textContent = outcome(await call("/api/assist/clusters/entry-draft", "POST", { questions })); }
        catch (e) { message.textContent = e.message; }
        finally { button.disabled = false; }
      });
      (item.querySelector(".actions") || item).append(button);
      item.append(message);
    };
    const scan = () => box.querySelectorAll("[data-testid=cluster]").forEach(add);
    new MutationObserver(scan).observe(box, { childList: true, subtree: true });
    scan();
  }

  async function dashboardPage(tables) {
    let usage;
    try { usage = await call("/api/assist/usage?days=14"); } catch { return; }
    const card = el("section", { class: "table-card", testid: "table-assist" });
    card.appendChild(el("h2", {}, "模型调用（按日）"));
    const grid = el("table");
    const head = el("tr");
    for (const h of ["日期", "调用", "失败", "平均耗时（毫秒）", "最长耗时（毫秒）", "输入 tokens", "输出 tokens"]) head.appendChild(el("th", {}, h));
    grid.appendChild(head);
    for (const d of usage.days) {
      const tr = el("tr", { testid: "assist-row" });
      for (const v of [d.day, d.calls, d.failures, d.averageMs, d.maxMs, d.promptTokens, d.completionTokens]) tr.appendChild(el("td", {}, v));
      grid.appendChild(tr);
    }
    card.appendChild(usage.days.length ? grid : el("div", { class: "empty" }, "暂无模型调用"));
    tables.after(card);
  }

  async function boot() {
    try { if ((await call("/api/assist/status")).status !== "ok") return; } catch { return; }
    const form = document.getElementById("editor");
    if (form) entryPage(form);
    const clusters = document.querySelector("[data-testid=clusters]") || document.getElementById("clusters");
    if (clusters) insightsPage(clusters);
    const tables = document.getElementById("tables");
    if (tables) dashboardPage(tables);
  }

  boot();
})();
