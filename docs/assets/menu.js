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

  // What a person can see in the open drawer: the theme slides its nested panels (a page's contents) out of view
  // sideways, and their links must not take the focus while they are out of sight.
  function focusable() {
    var all = drawer.querySelectorAll("a[href], button, select, input:not([type=checkbox]), [tabindex]:not([tabindex='-1'])");
    var area = drawer.getBoundingClientRect();
    return Array.prototype.filter.call(all, function (node) {
      var box = node.getBoundingClientRect();
      var inView = box.width > 0 && box.left >= area.left - 1 && box.right <= area.right + 1;
      return inView && getComputedStyle(node).visibility !== "hidden";
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
    // Every Tab moves through what is in view, in order, and wraps round: never onto a link out of sight.
    event.preventDefault();
    var at = items.indexOf(document.activeElement);
    var next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : (at + 1) % items.length;
    items[next].focus();
  });
})();
