// The first screen under the greeting (GET /api/welcome): this week's most-asked questions, service themes that
// open their top questions, the hotline and service hours. Clicking a question asks it.
(function () {
  "use strict";
  const { el } = window.GovChat;
  let loading = null;

  function load() {
    loading = loading || fetch("/api/welcome", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    return loading;
  }

  function questionList(questions, testid, ask) {
    const list = el("ul", { class: "welcome-questions" });
    for (const q of questions) {
      const button = el("button", { type: "button", class: "btn-question", testid }, q.question);
      button.addEventListener("click", () => ask(q.question).catch(() => { /* the page shows the error */ }));
      list.appendChild(el("li")).appendChild(button);
    }
    return list;
  }

  function render(view, ask) {
    const card = el("section", { class: "welcome", testid: "welcome", "aria-label": "常见问题与服务主题" });
    if (view.hotQuestions.length) {
      card.appendChild(el("h2", { class: "welcome-title" }, view.hotSource === "log" ? "本周热门问题" : "常见问题"));
      card.appendChild(questionList(view.hotQuestions, "welcome-hot", ask));
    }
    if (view.categories.length) {
      card.appendChild(el("h2", { class: "welcome-title" }, "按主题查找"));
      const chips = el("div", { class: "welcome-categories", role: "group", "aria-label": "服务主题" });
      const panel = el("div", { class: "welcome-category-panel", id: "welcome-category-panel", testid: "welcome-category-questions", hidden: true });
      for (const c of view.categories) {
        const chip = el("button", { type: "button", class: "chip", testid: "welcome-category", "aria-expanded": "false", "aria-controls": panel.id }, c.name);
        chip.addEventListener("click", () => {
          const open = chip.getAttribute("aria-expanded") !== "true";
          for (const other of chips.children) other.setAttribute("aria-expanded", "false");
          panel.replaceChildren();
          panel.hidden = !open;
          if (!open) return;
          chip.setAttribute("aria-expanded", "true");
          panel.append(el("h3", { class: "welcome-subtitle" }, `${c.name} · 常见问题`), questionList(c.questions, "welcome-category-question", ask));
        });
        chips.appendChild(chip);
      }
      card.append(chips, panel);
    }
    const contact = el("p", { class: "welcome-contact", testid: "welcome-contact" });
    contact.append("服务热线 ", el("a", { href: `tel:${view.hotline}`, testid: "welcome-hotline" }, view.hotline),
      el("span", { testid: "welcome-hours" }, view.serviceHours ? `　人工服务时间 ${view.serviceHours}` : "　人工服务 全天"));
    card.appendChild(contact);
    return card;
  }

  // Puts the card under the greeting (the conversation's first message), once per transcript.
  async function attach(transcript, ask) {
    const view = await load();
    if (!view || transcript.querySelector(".welcome")) return;
    const greeting = transcript.querySelector('[data-seq="1"]');
    transcript.insertBefore(render(view, ask), greeting ? greeting.nextSibling : transcript.firstChild);
  }

  window.GovWelcome = { attach };
})();
