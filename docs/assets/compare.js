// The year switch of a theme's comparison view (progressive enhancement).
// Wide screens show every year as a column; phones show one year at a time,
// chosen with the switch and kept in the address (?jaar=2023) so the view can be shared.
// Without JavaScript every year stays visible, stacked.
(function () {
  "use strict";
  var header = document.querySelector(".svdu-compare-years");
  if (!header) { return; }
  var columns = Array.prototype.map.call(header.querySelectorAll(".svdu-cell"), function (cell) {
    return { id: cell.getAttribute("data-column"), year: cell.getAttribute("data-year") };
  });
  if (columns.length < 2) { return; }
  var cells = document.querySelectorAll(".svdu-cell[data-column]");
  var group = document.createElement("div");
  group.className = "svdu-year-switch";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Toon het jaar");
  var buttons = columns.map(function (column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = column.year;
    button.setAttribute("data-column", column.id);
    button.addEventListener("click", function () { show(column, true); });
    group.appendChild(button);
    return button;
  });
  header.parentNode.parentNode.insertBefore(group, header.parentNode);

  function show(column, remember) {
    Array.prototype.forEach.call(cells, function (cell) {
      cell.classList.toggle("svdu-off", cell.getAttribute("data-column") !== column.id);
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-column") === column.id));
    });
    if (remember) {
      var url = new URL(window.location.href);
      url.searchParams.set("jaar", column.year);
      window.history.replaceState(null, "", url);
    }
  }
  function chosen() {
    var wanted = new URL(window.location.href).searchParams.get("jaar");
    var hash = window.location.hash.slice(1);
    return columns.filter(function (c) { return c.year === wanted || c.id === hash; })[0];
  }
  var first = chosen();
  show(first || columns[columns.length - 1], !first && new URL(window.location.href).searchParams.has("jaar"));
})();
