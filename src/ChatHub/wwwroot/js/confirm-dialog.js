// A confirmation asked in the page (a modal <dialog>, keyboard- and screen-reader-usable) before an action that cannot
// be undone: publishing a draft, closing a conversation. window.confirmDialog(message, okLabel) resolves true or false.
(function () {
  "use strict";
  window.confirmDialog = function (message, okLabel) {
    return new Promise((resolve) => {
      const dialog = document.createElement("dialog");
      dialog.className = "confirm-dialog";
      dialog.dataset.testid = "confirm-dialog";
      dialog.setAttribute("aria-label", "请确认");
      const text = document.createElement("p");
      text.textContent = message;
      const ok = document.createElement("button");
      ok.type = "button";
      ok.className = "primary btn btn-primary";
      ok.dataset.testid = "confirm-ok";
      ok.textContent = okLabel || "确定";
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "btn";
      cancel.dataset.testid = "confirm-cancel";
      cancel.textContent = "取消";
      const buttons = document.createElement("div");
      buttons.className = "confirm-buttons";
      buttons.append(ok, cancel);
      dialog.append(text, buttons);
      // Escape closes the dialog with an empty returnValue: the same as 取消.
      dialog.addEventListener("close", () => {
        dialog.remove();
        resolve(dialog.returnValue === "ok");
      });
      ok.addEventListener("click", () => dialog.close("ok"));
      cancel.addEventListener("click", () => dialog.close("cancel"));
      document.body.appendChild(dialog);
      dialog.showModal();
      cancel.focus();
    });
  };
})();
