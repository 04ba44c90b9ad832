// Service-quality dashboard for supervisors: figures from /api/admin/insights/dashboard, drawn with the bundled
// Chart.js (wwwroot/lib, copied from npm at build) and listed as tables, each exportable as CSV.
// Everything from the server is set as text (textContent), never parsed as HTML.
(function () {
  "use strict";
  const API = "/api/admin/insights";
  const $ = (id) => document.getElementById(id);
  const charts = {};

  const { el } = window.GovChat;

  function showError(text) {
    $("error").textContent = text;
    $("error").hidden = !text;
  }

  async function problem(response) {
    try { return (await response.json()).detail || `请求失败（${response.status}）`; } catch { return `请求失败（${response.status}）`; }
  }

  // Signed in as a supervisor or admin? Otherwise to the sign-in page (and back here afterwards).
  async function session() {
    const response = await fetch("/api/agents/me", { headers: { Accept: "application/json" } });
    if (response.status === 401) {
      location.replace("/agent/login.html?returnUrl=" + encodeURIComponent(location.pathname + location.search));
      return null;
    }
    if (!response.ok) throw new Error(await problem(response));
    const me = await response.json();
    $("me").textContent = me.name;
    if (!me.roles.includes("supervisor") && !me.roles.includes("admin")) {
      showError("服务质量看板仅对主管和管理员开放。");
      return null;
    }
    return me;
  }

  function isoDay(date) {
    const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 10);
  }

  function query() {
    const form = $("filters");
    const params = new URLSearchParams();
    for (const name of ["from", "to", "channel", "category", "department"]) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  const percent = (x) => `${(x * 100).toFixed(1)}%`;
  const seconds = (s) => (s == null ? "—" : s >= 3600 ? `${(s / 3600).toFixed(1)} 小时` : s >= 60 ? `${(s / 60).toFixed(1)} 分钟` : `${Math.round(s)} 秒`);

  function cards(s) {
    const list = [
      ["questions", "问题数", s.questions, `服务类问题 ${s.botQuestions}`],
      ["resolution", "机器人解决率", percent(s.resolutionRate), `${s.resolved} 个已解决（未转人工、无 👎/差评）`],
      ["clarification", "澄清率", percent(s.clarificationRate), `${s.clarified} 次“您是不是想问”`],
      ["escalation", "转人工率", percent(s.escalationRate), `${s.escalated} 次转人工，${s.unanswered} 个未答`],
      ["queue", "排队等待 P50 / P90", `${seconds(s.queueWait.p50Seconds)} / ${seconds(s.queueWait.p90Seconds)}`, `${s.queueWait.count} 次接入`],
      ["first-response", "坐席首次响应 P50 / P90", `${seconds(s.firstResponse.p50Seconds)} / ${seconds(s.firstResponse.p90Seconds)}`, `${s.firstResponse.count} 次`],
      ["duration", "会话时长 P50", seconds(s.duration.p50Seconds), `平均 ${seconds(s.duration.averageSeconds)}，${s.duration.count} 个会话`],
      ["rating", "平均满意度", s.averageRating == null ? "—" : `${s.averageRating} 分`, `${s.rated} 个评价`],
      ["bad", "差评", s.badRatings, `已跟进 ${s.badRatingsFollowedUp}`],
      ["tickets", "待处理留言", s.ticketsOpen, `超时 ${s.ticketsOverdue}`],
    ];
    const box = $("cards");
    box.replaceChildren(...list.map(([id, label, value, hint]) => {
      const card = el("div", { class: "card", testid: `card-${id}` });
      card.append(el("div", { class: "label" }, label), el("div", { class: "value", testid: "value" }, value), el("div", { class: "hint" }, hint));
      return card;
    }));
  }

  function table(report, name) {
    return report.tables.find((t) => t.name === name) || { rows: [], columns: [] };
  }

  function draw(name, type, labels, values, label) {
    if (charts[name]) charts[name].destroy();
    charts[name] = new Chart($(`chart-${name}`), {
      type,
      data: { labels, datasets: [{ label, data: values, backgroundColor: "rgba(30, 79, 138, 0.55)", borderColor: "#1e4f8a", fill: type === "line" }] },
      options: {
        // Drawn at once: no animation, so what is on screen is the data, also for screenshots and tests.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  function chartsOf(report) {
    const perDay = table(report, "perDay");
    draw("perDay", "line", perDay.rows.map((r) => r[0].slice(5)), perDay.rows.map((r) => Number(r[1])), "问题数");
    const perHour = table(report, "perHour");
    draw("perHour", "bar", perHour.rows.map((r) => r[0].slice(0, 2)), perHour.rows.map((r) => Number(r[1])), "问题数");
    const categories = table(report, "hotCategories");
    draw("hotCategories", "bar", categories.rows.map((r) => r[0]), categories.rows.map((r) => Number(r[1])), "次数");
    const satisfaction = table(report, "satisfaction");
    draw("satisfaction", "bar", satisfaction.rows.map((r) => r[0]), satisfaction.rows.map((r) => Number(r[2])), "数量");
  }

  function followUpCell(conversationId) {
    const box = el("div", { class: "followup" });
    const note = el("input", { type: "text", maxlength: 500, placeholder: "跟进说明", "aria-label": "跟进说明", testid: "followup-note" });
    const button = el("button", { type: "button", class: "btn", testid: "followup-submit" }, "标记已跟进");
    button.addEventListener("click", async () => {
      if (!note.value.trim()) return showError("请填写跟进说明。");
      button.disabled = true;
      const response = await fetch(`${API}/followups`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ conversationId, note: note.value.trim() }),
      });
      button.disabled = false;
      if (!response.ok) return showError(await problem(response));
      showError("");
      await load();
    });
    box.append(note, button);
    return box;
  }

  function tables(report, params) {
    const box = $("tables");
    box.replaceChildren(...report.tables.map((t) => {
      const card = el("section", { class: "table-card", testid: `table-${t.name}` });
      const head = el("div", { class: "table-head" });
      const csv = new URLSearchParams(params);
      csv.set("table", t.name);
      head.append(el("h2", {}, t.title), el("a", { href: `${API}/dashboard.csv?${csv}`, download: `${t.name}.csv`, testid: "csv" }, "导出 CSV"));
      card.appendChild(head);
      if (!t.rows.length) {
        card.appendChild(el("div", { class: "empty" }, "暂无数据"));
        return card;
      }
      const followUps = t.name === "badRatings";
      const grid = el("table");
      const header = el("tr");
      for (const c of t.columns) header.appendChild(el("th", { scope: "col" }, c));
      if (followUps) header.appendChild(el("th", { scope: "col" }, "操作"));
      grid.appendChild(el("thead")).appendChild(header);
      const body = grid.appendChild(el("tbody"));
      for (const row of t.rows) {
        const tr = el("tr", { testid: "row" });
        for (const cell of row) tr.appendChild(el("td", {}, cell));
        if (followUps) {
          const td = el("td");
          if (row[5] !== "已跟进") td.appendChild(followUpCell(row[0]));
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
      card.appendChild(grid);
      return card;
    }));
  }

  async function load() {
    const params = query();
    document.body.dataset.ready = "false";
    const response = await fetch(`${API}/dashboard?${params}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      showError(await problem(response));
      return;
    }
    const report = await response.json();
    showError("");
    cards(report.summary);
    chartsOf(report);
    tables(report, params);
    history.replaceState(null, "", `?${params}`);
    document.body.dataset.ready = "true";
  }

  async function start() {
    const form = $("filters");
    const given = new URLSearchParams(location.search);
    const today = new Date();
    form.elements.to.value = given.get("to") || isoDay(today);
    form.elements.from.value = given.get("from") || isoDay(new Date(today.getTime() - 6 * 86400000));
    for (const name of ["channel", "category", "department"]) if (given.get(name)) form.elements[name].value = given.get(name);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      load().catch(() => showError("无法连接服务器，请检查网络。"));
    });
    try {
      if (await session()) await load();
    } catch {
      showError("无法连接服务器，请检查网络。");
    }
  }

  start();
})();
