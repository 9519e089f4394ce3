// Mijn selectie: a "Bewaar" button on every paragraph, call, figure and example (elements with data-sel,
// "<report>/<kind>/<id>"), a collection kept in this browser (localStorage, never sent anywhere), and the
// button "Download als brief (.docx)" on a theme's page. Progressive enhancement: without JavaScript, or
// where the browser keeps no local storage, no control is inserted at all. The page /selectie/
// (selection-page.js) and the exports (selection-export.js, and the docx library) load only when used.
(function () {
  "use strict";
  var KEY = "svdu-selectie";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.URL) { return; }
  var root = new URL("../", script.src).href;  // this file is <site>/assets/selection.js
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(KEY + "-test", "1");
    store.removeItem(KEY + "-test");
  } catch (error) {
    return;  // no local storage (a locked-down browser): nothing to keep a selection in, so no controls
  }
  var KIND_WORDS = { paragraph: "alinea", call: "oproep", figure: "cijfer", example: "voorbeeld" };

  // An item as this site stores it: its words and where they come from, every field text (or a number for the
  // year). Anything else in storage (edited by hand, or left by another version) is set aside, not shown.
  var TEXTS = ["id", "kind", "report", "organisation", "reportTitle", "url"];
  var OPTIONAL = ["page", "year", "title", "theme", "themeTitle", "publisher", "reportUrl"];
  function words(text) {  // a passage: one text, or its paragraphs (an example)
    return typeof text === "string" ||
      (Array.isArray(text) && text.every(function (part) { return typeof part === "string"; }));
  }
  function sound(item) {
    return item !== null && typeof item === "object" && !Array.isArray(item) && words(item.text) &&
      TEXTS.every(function (key) { return typeof item[key] === "string"; }) &&
      OPTIONAL.every(function (key) {
        return item[key] == null || typeof item[key] === "string" || typeof item[key] === "number";
      });
  }
  function load() {
    try {
      var state = JSON.parse(store.getItem(KEY));
      if (state && Array.isArray(state.items)) {
        var kept = state.items.filter(sound);
        state.damaged = state.items.length - kept.length;
        state.items = kept;
        return state;
      }
    } catch (error) { /* a damaged entry: start again */ }
    return { version: 1, items: [], group: "thema", damaged: 0 };
  }
  function save(state) {
    var kept = { version: state.version || 1, items: state.items, group: state.group };
    store.setItem(KEY, JSON.stringify(kept));
  }
  function has(state, id) { return state.items.some(function (item) { return item.id === id; }); }
  function passages(n) { return n + (n === 1 ? " passage" : " passages"); }

  var live = document.createElement("p");
  live.className = "svdu-sr-only";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.id = "svdu-selectie-status";
  document.body.appendChild(live);
  var timer = null;
  function announce(text) {
    // Emptied first, so the same words said twice are heard twice.
    live.textContent = "";
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { live.textContent = text; }, 60);
  }

  var sources = {};
  function source(report) {
    if (!sources[report]) {
      sources[report] = fetch(root + "selectie/bronnen/" + encodeURIComponent(report) + ".json").then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
    }
    return sources[report];
  }

  // One item as the selection keeps it: everything its exports need, so /selectie/ works from storage alone.
  function itemFrom(data, id) {
    var found = data.items[id];
    if (!found) { return null; }
    return {
      id: id,
      kind: found.kind,
      report: data.report.id,
      organisation: data.report.organisation,
      publisher: data.report.publisher || null,
      reportTitle: data.report.title,
      year: data.report.year,
      reportUrl: data.report.url,
      title: found.title || null,
      text: found.text,
      page: found.page,
      url: found.url,
      // An item outside any theme (an introduction, a closing chapter) is grouped under its chapter's heading.
      theme: found.theme || (found.chapter ? "hoofdstuk-" + found.chapter : null),
      themeTitle: (found.theme && data.themes[found.theme]) || found.chapter || null
    };
  }

  var buttons = [];
  // The menu's "Mijn selectie" says how many passages it holds, so a reader sees that Bewaar did something.
  var tabs = Array.prototype.filter.call(document.querySelectorAll(".md-tabs__link, .md-nav__link"), function (link) {
    return /\/selectie\/$/.test(link.pathname || "");
  });
  function refresh() {
    var state = load();
    buttons.forEach(function (button) {
      var kept = has(state, button.getAttribute("data-sel-id"));
      button.setAttribute("aria-pressed", String(kept));
      button.textContent = kept ? "Bewaard" : "Bewaar";
    });
    tabs.forEach(function (link) {
      var count = link.querySelector(".svdu-tab-count");
      if (!count) {
        count = document.createElement("span");
        count.className = "svdu-tab-count";
        link.appendChild(count);
      }
      count.textContent = state.items.length ? " (" + state.items.length + ")" : "";
    });
  }

  function toggle(button) {
    var parts = button.getAttribute("data-sel-for").split("/");
    var id = parts[2];
    var state = load();
    if (has(state, id)) {
      state.items = state.items.filter(function (item) { return item.id !== id; });
      save(state);
      refresh();
      announce("Weggehaald uit Mijn selectie. Nog " + passages(state.items.length) + ".");
      return Promise.resolve();
    }
    button.setAttribute("aria-busy", "true");
    return source(parts[0]).then(function (data) {
      var item = itemFrom(data, id);
      if (!item) { throw new Error("onbekend"); }
      var now = load();  // another tab may have changed it meanwhile
      if (!has(now, id)) { now.items.push(item); }
      save(now);
      refresh();
      announce("Bewaard in Mijn selectie: nu " + passages(now.items.length) + ".");
    }).catch(function () {
      announce("Bewaren lukte niet; laad de pagina opnieuw en probeer het nog eens.");
    }).then(function () { button.removeAttribute("aria-busy"); });
  }

  function slot(element) {
    if (element.matches("p.svdu-p")) { return element.querySelector(".svdu-meta") || element; }
    if (element.tagName === "TR") { return element.querySelector("th") || element.lastElementChild || element; }
    return element;
  }

  document.querySelectorAll("[data-sel]").forEach(function (element) {
    var value = element.getAttribute("data-sel");
    var parts = value.split("/");
    if (parts.length !== 3) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "svdu-sel-button";
    button.textContent = "Bewaar";
    var page = element.getAttribute("data-page");
    // Which passage, in its first words: forty buttons on a page must not all sound the same.
    var heading = document.querySelector("h1");  // a whole example is its page: its title is the page's
    var text = element.textContent.trim() ||
      (heading ? heading.textContent.replace(/^Voorbeeld:\s*|^Illustratie:\s*|[#\u00b6]\s*$/g, "") : "");
    var words = text.replace(/\s+/g, " ").trim().split(" ").slice(0, 6).join(" ");
    button.setAttribute("aria-label", "Bewaar in Mijn selectie (" + (KIND_WORDS[parts[1]] || "passage") +
      (page ? ", p.\u00a0" + page : "") + "): " + words + "\u2026");
    button.setAttribute("data-sel-for", value);
    button.setAttribute("data-sel-id", parts[2]);
    button.addEventListener("click", function () { toggle(button); });
    slot(element).appendChild(document.createTextNode(" "));
    slot(element).appendChild(button);
    buttons.push(button);
  });
  refresh();
  window.addEventListener("storage", function (event) { if (event.key === KEY) { refresh(); } });

  function exporter() { return import(root + "assets/selection-export.js"); }

  // A theme's page: its content as an editable Word brief, built in the browser.
  document.querySelectorAll("[data-brief]").forEach(function (holder) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "svdu-button svdu-brief-button";
    button.textContent = "Download als brief (.docx)";
    button.addEventListener("click", function () {
      button.setAttribute("aria-busy", "true");
      announce("De brief wordt gemaakt.");
      exporter().then(function (module) {
        return module.downloadBrief(new URL(holder.getAttribute("data-brief"), window.location.href).href, root);
      }).then(function (name) {
        announce("De brief is gedownload als " + name + ".");
      }, function () {
        announce("De brief maken lukte niet.");
      }).then(function () { button.removeAttribute("aria-busy"); });
    });
    holder.appendChild(button);
  });

  var page = document.getElementById("svdu-selectie");
  if (page) {
    import(root + "assets/selection-page.js").then(function (module) {
      module.start(page, { load: load, save: save, announce: announce, exporter: exporter, root: root });
    });
  }
})();
