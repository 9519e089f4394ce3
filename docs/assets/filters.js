// Filters for the examples table (progressive enhancement: without JavaScript
// the form stays hidden and the table lists every example). The choice is kept
// in the address (?thema=…&jaar=…&bevat=went_wrong), so a filtered view can be shared.
(function () {
  "use strict";
  var PARAMS = { theme: "thema", year: "jaar", outcome: "bevat" };
  function setup(form) {
    var table = document.getElementById(form.getAttribute("data-filter-target"));
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = form.querySelector(".svdu-count");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=outcome]"));
    function restore() {
      var query = new URL(window.location.href).searchParams;
      form.elements.theme.value = query.get(PARAMS.theme) || "";
      form.elements.year.value = query.get(PARAMS.year) || "";
      if (form.elements.theme.selectedIndex < 0) { form.elements.theme.value = ""; }
      if (form.elements.year.selectedIndex < 0) { form.elements.year.value = ""; }
      var wanted = (query.get(PARAMS.outcome) || "").split(",");
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    }
    function remember(theme, year, wanted) {
      var url = new URL(window.location.href);
      [[PARAMS.theme, theme], [PARAMS.year, year], [PARAMS.outcome, wanted.join(",")]].forEach(function (pair) {
        if (pair[1]) { url.searchParams.set(pair[0], pair[1]); } else { url.searchParams.delete(pair[0]); }
      });
      window.history.replaceState(null, "", url);
    }
    // An empty result says why, so nobody concludes that nothing went wrong in a year whose report simply does
    // not divide its examples into parts (the reason comes from the page: a <template> per such year).
    var empty = form.querySelector(".svdu-filter-empty");
    function explain(shown, theme, year, wanted) {
      if (!empty) { return; }
      empty.hidden = shown > 0;
      if (shown > 0) { empty.replaceChildren(); return; }
      var undivided = year && form.querySelector("template[data-undivided='" + year + "']");
      var why;
      if (wanted.length && undivided) {
        why = undivided.content.cloneNode(true);
      } else if (wanted.length && year) {
        why = "Geen voorbeeld uit " + year + " heeft al deze delen; kies er minder.";
      } else if (wanted.length) {
        why = "Geen voorbeeld heeft al deze delen; kies er minder.";
      } else if (year && theme) {
        why = "Het rapport van " + year + " heeft geen voorbeelden bij dit thema.";
      } else {
        why = "Kies minder filters.";
      }
      empty.replaceChildren("Geen voorbeeld past bij deze keuze. ", why);
    }
    function apply(save) {
      var theme = form.elements.theme.value;
      var year = form.elements.year.value;
      var wanted = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
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
      explain(shown, theme, year, wanted);
      if (save) { remember(theme, year, wanted); }
    }
    form.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    restore();
    apply(false);
  }
  document.querySelectorAll("form.svdu-filters").forEach(setup);
})();
