// landed — small progressive enhancement. Everything works without it.
(function () {
  "use strict";
  // Fill the NOC code when a suggestion from the type-ahead is chosen.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-noc]") : null;
    if (!button) { return; }
    event.preventDefault();
    var target = document.getElementById(button.getAttribute("data-target"));
    if (target) {
      target.value = button.getAttribute("data-noc");
      target.focus();
    }
    var list = button.closest("[data-suggestions]");
    if (list) {
      var status = document.getElementById(list.getAttribute("data-status"));
      if (status) { status.textContent = button.getAttribute("data-chosen") || ""; }
      list.innerHTML = "";
    }
  });
  // Put the focus on the error summary when a form comes back with errors.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary") || document.getElementById("form-error");
    if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
  });
  // After htmx swaps in new entries, move focus to the first new field.
  document.addEventListener("htmx:afterSettle", function (event) {
    var el = event.detail && event.detail.elt;
    if (!el || !el.querySelector) { return; }
    var focus = el.querySelector("[data-autofocus]");
    if (focus) { focus.focus(); }
  });
})();
