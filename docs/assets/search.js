// Site search. The header field opens the search page (/zoeken/); the search page asks Pagefind
// (pagefind/pagefind.js, loaded only there) and shows one result per paragraph, linked to the
// paragraph's anchor. What a reader types stays in the browser: the search page keeps it after "#"
// in its address, which is never sent to the server. Without JavaScript the header form still opens
// the search page, which says that search needs JavaScript and where else to look.
// Every text from the index is put in with textContent: nothing from the data becomes markup.
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src); // this file is assets/search.js
  var PAGE_SIZE = 10;
  var EXCERPT_WORDS = 36;
  var FILTERS = [["jaar", "Jaar", "Alle jaren"], ["thema", "Thema", "Alle thema’s"], ["organisatie", "Organisatie", "Alle organisaties"]];

  function searchPage(query) {
    return new URL("zoeken/", root).href + (query ? "#q=" + encodeURIComponent(query) : "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function count(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // The header form: to the search page, the query after "#".
  function setupHeaderForm(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = form.elements.q.value.trim();
      var page = document.querySelector("form[data-svdu-search-page]");
      if (page) {
        page.elements.q.value = query;
        page.requestSubmit();
        page.elements.q.focus();
      } else {
        window.location.href = searchPage(query);
      }
    });
  }

  // "/" anywhere but in a field: to the search field (on a phone, where the header has only a button, to the search page).
  function onSlash(event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      return;
    }
    event.preventDefault();
    var field = document.getElementById("svdu-zoekterm") || document.getElementById("svdu-header-q");
    if (field && field.offsetParent !== null) {
      field.focus();
      field.select();
    } else {
      window.location.href = searchPage("");
    }
  }

  // The words around the first hits, the hits marked: Pagefind counts word positions in the record's
  // content split at white space, the same way as here.
  function excerpt(paragraph, content, locations) {
    var words = content.split(/[^\S\uFEFF]+/);
    var hits = {};
    locations.forEach(function (at) { hits[at] = true; });
    var first = locations.length ? Math.min.apply(null, locations) : 0;
    var start = Math.max(0, Math.min(first - 8, words.length - EXCERPT_WORDS));
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    if (start > 0) { paragraph.append("… "); }
    for (var i = start; i < end; i += 1) {
      paragraph.append(hits[i] ? element("mark", "", words[i]) : words[i]);
      if (i < end - 1) { paragraph.append(" "); }
    }
    if (end < words.length) { paragraph.append(" …"); }
  }

  // A result: the passage first, then a short title that links to it, "Logius 2023 · Thema · p. 10" (a paragraph
  // outside the themes names its chapter), then the heading it stands under.
  function resultItem(data) {
    var item = element("li", "svdu-search__result");
    var filters = data.filters || {};
    var trail = data.meta.title.split(" › ");
    var theme = (filters.thema || [])[0];
    var where = theme && theme !== "Zonder thema" ? theme : trail[0];
    var short = [(filters.organisatie || []).join(", ") + " " + (filters.jaar || []).join(", "), where, "p.\u00a0" + data.meta.page];
    var text = element("p", "svdu-search__excerpt");
    excerpt(text, data.content, data.locations);
    var title = element("p", "svdu-search__title");
    var link = element("a", "", short.join(" · "));
    link.href = new URL(data.url.replace(/^\//, ""), root).href;
    title.append(link);
    item.append(text, title);
    var heading = trail[trail.length - 1];
    if (heading !== where) { item.append(element("p", "svdu-search__meta", heading)); }
    return item;
  }

  // -- suggestions when nothing is found: topics and themes that share a word stem with the query --

  function words(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’‘']/g, "")
      .split(/[^a-z0-9]+/).filter(function (word) { return word.length >= 3; });
  }

  function commonPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) { n += 1; }
    return n;
  }

  // "rekenkamerrapport" and "rekenkamer", "digi" and "digid", "samenwerkingen" and "samenwerking".
  function related(query, word) {
    return word.startsWith(query) || (query.startsWith(word) && word.length >= 4) || commonPrefix(query, word) >= 6;
  }

  function score(entry, queryWords) {
    var names = words([entry.name].concat(entry.aliases).join(" "));
    var described = words(entry.description).filter(function (word) { return word.length >= 6; });
    return queryWords.reduce(function (total, query) {
      if (names.some(function (word) { return related(query, word); })) { return total + 2; }
      return total + (described.some(function (word) { return related(query, word); }) ? 1 : 0);
    }, 0);
  }

  function suggestions(entries, query) {
    var queryWords = words(query);
    return entries.map(function (entry) { return { entry: entry, score: score(entry, queryWords) }; })
      .filter(function (s) { return s.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.entry.name.localeCompare(b.entry.name, "nl"); })
      .slice(0, 6).map(function (s) { return s.entry; });
  }

  function suggestionList(entries) {
    var list = element("ul", "svdu-search__suggestions");
    entries.forEach(function (entry) {
      var item = element("li");
      var link = element("a", "", entry.name);
      link.href = new URL(entry.url, root).href;
      item.append(link, " ", element("span", "svdu-search__kind", "(" + entry.kind.toLowerCase() + ")"));
      list.append(item);
    });
    return list;
  }

  // "Zie ook: DigiD (onderwerp), DigiD Machtigen (onderwerp)" above the results: the pages about what was searched.
  function relatedLine(entries) {
    var line = element("p", "svdu-search__related", "Zie ook: ");
    entries.forEach(function (entry, n) {
      var link = element("a", "", entry.name);
      link.href = new URL(entry.url, root).href;
      line.append(n ? ", " : "", link, " (" + entry.kind.toLowerCase() + ")");
    });
    return line;
  }

  // -- the search page ------------------------------------------------

  function SearchPage(form, pagefind, aids) {
    this.form = form;
    this.pagefind = pagefind;
    this.field = form.elements.q;
    this.status = document.getElementById("svdu-zoekstatus");
    this.output = document.getElementById("svdu-zoekresultaten");
    this.generation = 0;
    this.topics = aids.suggestions;
  }

  // The filter choices come from zoeken/zoekhulp.json (Pagefind's own filter index is not needed for them).
  SearchPage.prototype.addFilters = function (choices) {
    var fieldset = this.form.querySelector("fieldset");
    var self = this;
    FILTERS.forEach(function (filter) {
      var values = choices[filter[0]] || [];
      if (values.length < 2) { return; } // one organisation: nothing to choose
      var id = "svdu-zoekfilter-" + filter[0];
      var label = element("label", "", filter[1]);
      label.htmlFor = id;
      var select = element("select");
      select.id = id;
      select.name = filter[0];
      select.append(new Option(filter[2], ""));
      values.forEach(function (value) { select.append(new Option(value, value)); });
      select.addEventListener("change", function () { self.run(); });
      var wrap = element("span", "svdu-search__filter");
      wrap.append(label, " ", select);
      fieldset.append(wrap);
    });
    fieldset.hidden = !fieldset.querySelector("select");
  };

  SearchPage.prototype.chosen = function () {
    var chosen = {};
    FILTERS.forEach(function (filter) {
      var select = this.form.elements[filter[0]];
      if (select && select.value) { chosen[filter[0]] = select.value; }
    }, this);
    return chosen;
  };

  // The query and filters after "#" (or in ?q=, from a form sent without JavaScript), and back.
  SearchPage.prototype.readAddress = function () {
    var params = new URLSearchParams(window.location.hash.slice(1) || window.location.search.slice(1));
    this.field.value = params.get("q") || "";
    FILTERS.forEach(function (filter) {
      var select = this.form.elements[filter[0]];
      if (select) { select.value = params.get(filter[0]) || ""; }
    }, this);
  };

  SearchPage.prototype.writeAddress = function (query, chosen) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    Object.keys(chosen).forEach(function (name) { params.set(name, chosen[name]); });
    var hash = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (hash ? "#" + hash : ""));
  };

  SearchPage.prototype.run = async function () {
    var query = this.field.value.trim();
    var chosen = this.chosen();
    var generation = (this.generation += 1);
    this.writeAddress(query, chosen);
    if (!query) {
      this.output.replaceChildren();
      this.status.textContent = "";
      return;
    }
    var found = await this.pagefind.search(query, { filters: chosen });
    if (generation !== this.generation || !found) { return; } // a newer search started meanwhile
    if (found.results.length) {
      this.status.textContent = count(found.results.length, "alinea", "alinea’s") + " gevonden voor ‘" + query + "’.";
      var list = element("ol", "svdu-search__results");
      this.output.replaceChildren(list);
      var related = suggestions(this.topics, query);
      if (related.length) { this.output.prepend(relatedLine(related)); }
      await this.more(found.results, list, 0, false);
    } else {
      this.nothing(query, Object.keys(chosen).length > 0);
    }
  };

  // Results from ``start`` on, a page at a time; "Meer resultaten" adds the next page and moves focus to it.
  SearchPage.prototype.more = async function (results, list, start, focus) {
    var page = await Promise.all(results.slice(start, start + PAGE_SIZE).map(function (result) { return result.data(); }));
    if (!list.isConnected) { return; } // a newer search replaced these results meanwhile
    var items = page.map(resultItem);
    list.append.apply(list, items);
    var button = this.output.querySelector(".svdu-search__more");
    if (button) { button.remove(); }
    if (focus && items.length) { items[0].querySelector("a").focus(); }
    var next = start + PAGE_SIZE;
    if (next < results.length) {
      var self = this;
      button = element("button", "md-button svdu-search__more", "Meer resultaten (" + (results.length - next) + " over)");
      button.type = "button";
      button.addEventListener("click", function () { self.more(results, list, next, true); });
      this.output.append(button);
    }
  };

  SearchPage.prototype.nothing = function (query, filtered) {
    this.status.textContent = "Niets gevonden voor ‘" + query + "’" + (filtered ? " met deze filters." : ".");
    var related = suggestions(this.topics, query);
    var heading = element("h2", "svdu-search__heading", related.length ? "Misschien zoekt u" : "Kijk per thema of onderwerp");
    var shown = related.length ? related : this.topics.filter(function (entry) { return entry.kind === "Thema"; });
    var all = element("p", "", "");
    var link = element("a", "", "Alle onderwerpen");
    link.href = new URL("onderwerpen/", root).href;
    all.append(link);
    this.output.replaceChildren(heading, suggestionList(shown), all);
  };

  async function setupSearchPage(form) {
    var loaded = await Promise.all([import(new URL("pagefind/pagefind.js", root).href), fetch(new URL("zoeken/zoekhulp.json", root))]);
    var pagefind = loaded[0];
    // Matches in the headings above a paragraph count, but less than its own words; the page number never.
    // pageLength below the default 0.75: records are paragraphs, and a one-line list item should not
    // outrank the paragraph that discusses the same word just for being short.
    await pagefind.options({ ranking: { metaWeights: { title: 0.5, page: 0 }, pageLength: 0.4 } });
    await pagefind.init();
    var aids = await loaded[1].json();
    var page = new SearchPage(form, pagefind, aids);
    page.addFilters(aids.filters);
    page.readAddress();
    var timer = null;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      page.run();
    });
    page.field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { page.run(); }, 250);
    });
    window.addEventListener("hashchange", function () {
      page.readAddress();
      page.run();
    });
    await page.run();
    if (!page.field.value) { page.field.focus(); }
  }

  document.querySelectorAll("form[data-svdu-search-form]").forEach(setupHeaderForm);
  document.addEventListener("keydown", onSlash);
  var searchForm = document.querySelector("form[data-svdu-search-page]");
  if (searchForm) {
    setupSearchPage(searchForm).catch(function (error) {
      document.getElementById("svdu-zoekstatus").textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
      window.console.error(error);
    });
  }
})();
