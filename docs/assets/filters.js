// Filters for the examples table (progressive enhancement: without JavaScript
// the form stays hidden and the table lists every example).
(function () {
  "use strict";
  function setup(form) {
    var table = document.getElementById(form.getAttribute("data-filter-target"));
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = form.querySelector(".svdu-count");
    function apply() {
      var theme = form.elements.theme.value;
      var year = form.elements.year.value;
      var wanted = Array.prototype.filter.call(form.querySelectorAll("input[name=outcome]"), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var outcomes = (row.getAttribute("data-outcomes") || "").split(" ");
        var visible = (!theme || row.getAttribute("data-theme") === theme) &&
          (!year || row.getAttribute("data-year") === year) &&
          wanted.every(function (o) { return outcomes.indexOf(o) !== -1; });
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      count.textContent = shown + " van " + rows.length + " voorbeelden";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  document.querySelectorAll("form.svdu-filters").forEach(setup);
})();
