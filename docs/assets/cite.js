// "Citeer" on every paragraph of a report page, and the paragraph a link points at.
// Progressive enhancement: without JavaScript every paragraph keeps its permalink (¶) and
// the cite box names the report; with it, one click copies a full citation. The date
// consulted is the reader's today, taken when they copy, never when the site was built.
(function () {
  "use strict";
  var box = document.querySelector(".svdu-cite-box[data-cite-url]");
  if (!box) { return; }
  var source = {
    organisation: box.getAttribute("data-cite-organisation"),
    year: box.getAttribute("data-cite-year"),
    title: box.getAttribute("data-cite-title"),
    publisher: box.getAttribute("data-cite-publisher"),
    url: box.getAttribute("data-cite-url")
  };

  function today() {
    return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" }).format(new Date());
  }

  function citations(paragraph) {
    var page = "p.\u00a0" + paragraph.getAttribute("data-page");
    var link = source.url + "#" + paragraph.id;
    var date = today();
    return [
      ["Nederlands", source.organisation + ", " + source.title + (source.publisher ? " (" + source.publisher + ")" : "") +
        ", " + page + ". " + link + " (geraadpleegd op " + date + ")."],
      ["APA", source.organisation + ". (" + source.year + "). " + source.title + " (" + page + ")." +
        (source.publisher ? " " + source.publisher + "." : "") + " Geraadpleegd op " + date + ", van " + link]
    ];
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "svdu-sr-only";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function panelFor(paragraph, button) {
    var panel = document.createElement("div");
    panel.className = "svdu-cite-panel";
    panel.id = "citeer-" + paragraph.id;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "Bronvermelding voor deze alinea");
    var status = document.createElement("p");
    status.className = "svdu-cite-status";
    status.setAttribute("role", "status");
    citations(paragraph).forEach(function (style) {
      var row = document.createElement("div");
      row.className = "svdu-cite-row";
      var text = document.createElement("p");
      text.className = "svdu-cite-text";
      text.textContent = style[1];
      var action = document.createElement("button");
      action.type = "button";
      action.className = "svdu-button";
      action.textContent = "Kopieer (" + style[0] + ")";
      action.addEventListener("click", function () {
        var fresh = citations(paragraph).filter(function (s) { return s[0] === style[0]; })[0][1];
        text.textContent = fresh;
        copy(fresh).then(function () { status.textContent = "Gekopieerd: " + style[0] + "."; },
          function () { status.textContent = "Kopiëren lukte niet; selecteer de tekst en kopieer die zelf."; });
      });
      row.appendChild(text);
      row.appendChild(action);
      panel.appendChild(row);
    });
    panel.appendChild(status);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { toggle(paragraph, button, false); button.focus(); }
    });
    return panel;
  }

  function toggle(paragraph, button, open) {
    var panel = document.getElementById("citeer-" + paragraph.id);
    if (open && !panel) {
      panel = panelFor(paragraph, button);
      paragraph.parentNode.insertBefore(panel, paragraph.nextSibling);
    }
    if (panel) { panel.hidden = !open; }
    button.setAttribute("aria-expanded", String(open));
  }

  document.querySelectorAll("p.svdu-p[data-page]").forEach(function (paragraph) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "svdu-cite-button";
    button.textContent = "Citeer";
    button.setAttribute("aria-label", "Citeer deze alinea, p.\u00a0" + paragraph.getAttribute("data-page"));
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "citeer-" + paragraph.id);
    button.addEventListener("click", function () {
      toggle(paragraph, button, button.getAttribute("aria-expanded") !== "true");
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") { toggle(paragraph, button, false); }
    });
    var meta = paragraph.querySelector(".svdu-meta");
    (meta || paragraph).appendChild(button);
  });

  // The paragraph a link points at: marked, with its page said beside it.
  var note = document.createElement("p");
  note.className = "svdu-target-note";
  // Any fragment is the reader's to type: one that is no valid percent-encoding ("#%E0%A4%A") is taken as written.
  function fragment() {
    var raw = window.location.hash.slice(1);
    try { return decodeURIComponent(raw); } catch (error) { return raw; }
  }
  function mark() {
    var id = fragment();
    var target = id && document.getElementById(id);
    var paragraph = target && target.closest ? target.closest("p.svdu-p") : null;
    document.querySelectorAll(".svdu-targeted").forEach(function (p) { p.classList.remove("svdu-targeted"); });
    if (!paragraph) { if (note.parentNode) { note.parentNode.removeChild(note); } return; }
    paragraph.classList.add("svdu-targeted");
    note.textContent = "U bekijkt p.\u00a0" + paragraph.getAttribute("data-page") + " van het rapport.";
    paragraph.parentNode.insertBefore(note, paragraph);
    note.scrollIntoView();  // the note went in above the paragraph the browser had scrolled to
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
