// The phone menu (the theme's drawer) as a real button: it has a name, opens with Enter or the space bar, keeps
// the keyboard inside the drawer while it is open, and Escape closes it and puts focus back on the button.
// Without JavaScript the theme's own menu label stays (it opens the drawer by mouse or touch).
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("button[data-svdu-menu]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) { return; }
  var label = document.querySelector("label[data-svdu-menu-label]");
  var phone = window.matchMedia("(max-width: 76.234375em)");
  button.hidden = false;
  if (label) { label.hidden = true; }

  function focusable() {
    var all = drawer.querySelectorAll("a[href], button, select, input:not([type=checkbox]), [tabindex]:not([tabindex='-1'])");
    return Array.prototype.filter.call(all, function (node) {
      return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden";
    });
  }

  function open() { return toggle.checked && phone.matches; }

  function show(wanted) {
    if (toggle.checked !== wanted) {
      toggle.checked = wanted;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    button.setAttribute("aria-expanded", String(wanted));
    if (wanted) {
      window.requestAnimationFrame(function () {
        var first = focusable()[0];
        if (first) { first.focus(); }
      });
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () { show(!toggle.checked); });
  // The overlay (a label) and the drawer's own title close it too: the button follows.
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
    if (!toggle.checked && drawer.contains(document.activeElement)) { button.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (!open()) { return; }
    if (event.key === "Escape") {
      event.preventDefault();
      show(false);
      return;
    }
    if (event.key !== "Tab") { return; }
    var items = focusable();
    if (!items.length) { return; }
    var first = items[0];
    var last = items[items.length - 1];
    var inside = drawer.contains(document.activeElement);
    if (event.shiftKey && (!inside || document.activeElement === first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
      event.preventDefault();
      first.focus();
    }
  });
})();
