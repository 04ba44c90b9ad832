// Aspect answers on the visitor page (docs/protocol.md, bot message data): a question about one aspect (多少钱,
// 要带什么材料 …) shows that section first, with a button that expands the whole answer; the other questions of a
// message that asked several are offered after it; a question about the citizen's own records offers a person.
(function () {
  "use strict";
  const { el, markdown } = window.GovChat;

  // The answer's body: the section first when there is one, the whole answer one click (or Enter/Space) away.
  function body(m, data) {
    if (!data.section) {
      const whole = markdown(m.text);
      whole.dataset.testid = "bot-answer";
      return whole;
    }
    const box = el("div", { class: "aspect-answer" });
    const section = markdown(data.section);
    section.dataset.testid = "answer-section";
    const whole = markdown(m.text);
    whole.dataset.testid = "bot-answer";
    whole.id = `answer-full-${m.conversationId}-${m.seq}`;
    whole.hidden = true;
    const toggle = el("button", {
      type: "button", class: "link aspect-toggle", testid: "show-full",
      "aria-expanded": "false", "aria-controls": whole.id,
    }, "查看完整答复");
    toggle.addEventListener("click", () => {
      const open = whole.hidden;
      whole.hidden = !open;
      section.hidden = open;   // the whole answer holds the section: shown once
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "收起完整答复" : "查看完整答复";
    });
    box.append(section, whole, toggle);
    return box;
  }

  // After the answer: the message's other questions; for a question about the citizen's own records, a person.
  function extras(bubble, data, send) {
    const others = data.otherQuestions || [];
    if (others.length) {
      const box = el("div", { class: "related other-questions", role: "group", "aria-label": "您可能还想问" });
      box.appendChild(el("span", { class: "related-title" }, "您可能还想问："));
      for (const q of others) box.appendChild(el("button", { type: "button", class: "link", testid: "other-question", onclick: () => send(q.question) }, q.question));
      bubble.appendChild(box);
    }
    if (data.reason === "ownCase") {
      // The page's own 转人工 button does the request, so the state it shows stays the one place that decides.
      const human = document.getElementById("human");
      if (human && !human.hidden) {
        bubble.appendChild(el("button", { type: "button", class: "btn btn-light", testid: "own-case-human", onclick: () => human.click() }, "转人工"));
      }
    }
  }

  window.GovAspects = { body, extras };
})();
