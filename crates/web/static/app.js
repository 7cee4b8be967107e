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
  // "Add another" / "Remove" swap their list in place (htmx); the focus follows (issue 12):
  // to the first field of the new entry, or after a removal to the list's "Add" button, so a
  // keyboard or screen-reader user is not sent back to the top of the page.
  var pending = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.name === "action" && elt.value && elt.getAttribute("hx-target")) {
      pending = { action: elt.value, target: elt.getAttribute("hx-target") };
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!pending) { return; }
    var done = pending;
    pending = null;
    var list = document.querySelector(done.target);
    if (!list) { return; }
    var entries = list.querySelectorAll("fieldset.entry");
    var focus = null;
    if (done.action.indexOf("add:") === 0 && entries.length) {
      focus = entries[entries.length - 1].querySelector("input:not([type=hidden]), select, textarea");
    } else {
      focus = list.querySelector("button[value^='add:']");
    }
    if (focus) { focus.focus(); }
  });
})();
