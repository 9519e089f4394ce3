// The page /selectie/: the reader's collection in order, grouped by theme or by report (or not at all), with
// "Omhoog", "Omlaag" and "Verwijder" per item and the exports. Loaded by selection.js on this page only.

const GROUPINGS = [
  ["thema", "per thema"],
  ["rapport", "per rapport"],
  ["geen", "niet groeperen"],
];
const KIND_LABELS = { paragraph: "Alinea", call: "Oproep", figure: "Cijfer", example: "Voorbeeld" };

function element(name, attributes, children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "text") { node.textContent = value; } else { node.setAttribute(key, value); }
  }
  for (const child of children || []) { node.append(child); }
  return node;
}

// The groups as shown and exported: in the order of their first item; the reader's order within each.
export function groups(state) {
  const mode = state.group || "thema";
  const found = new Map();
  for (const item of state.items) {
    let key = "";
    let title = null;
    if (mode === "thema") {
      key = item.theme || "";
      title = item.themeTitle || "Zonder thema";
    } else if (mode === "rapport") {
      key = item.report;
      title = `${item.organisation}, ${item.reportTitle}`;
    }
    if (!found.has(key)) { found.set(key, { key, title, items: [] }); }
    found.get(key).items.push(item);
  }
  return [...found.values()];
}

function short(item) {
  const text = item.title || item.text[0] || "";
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

export function start(holder, api) {
  const { load, save, announce, exporter } = api;
  holder.replaceChildren();
  document.querySelectorAll("[data-selectie-nojs]").forEach((node) => { node.hidden = true; });

  const grouping = element("fieldset", { class: "svdu-sel-grouping" }, [element("legend", { text: "Groeperen" })]);
  for (const [value, label] of GROUPINGS) {
    const id = `svdu-groep-${value}`;
    const input = element("input", { type: "radio", name: "svdu-groep", id, value });
    input.addEventListener("change", () => {
      const state = load();
      state.group = value;
      save(state);
      render();
      announce(`De selectie staat nu ${label === "niet groeperen" ? "in uw eigen volgorde" : label}.`);
    });
    grouping.append(element("span", { class: "svdu-sel-choice" }, [input, " ", element("label", { for: id, text: label })]));
  }
  const count = element("p", { class: "svdu-sel-count" });
  const list = element("div", { class: "svdu-sel-groups" });
  const exports = element("section", { class: "svdu-sel-exports", "aria-labelledby": "svdu-exporteren" });
  holder.append(grouping, count, list, exports);

  const memo = element("textarea", { id: "svdu-memo", readonly: "", rows: "12", class: "svdu-sel-memo" });
  const memoBox = element("div", { class: "svdu-sel-memo-box", hidden: "" }, [
    element("label", { for: "svdu-memo", text: "Tekst voor uw notitie (elke passage met haar bron)" }), memo,
  ]);
  const copyButton = element("button", { type: "button", class: "svdu-button", text: "Kopieer de tekst" });
  memoBox.append(element("p", {}, [copyButton]));

  function exportButton(text, action) {
    const button = element("button", { type: "button", class: "svdu-button", text });
    button.addEventListener("click", () => {
      button.setAttribute("aria-busy", "true");
      exporter().then((module) => action(module, load())).then((said) => { if (said) { announce(said); } },
        () => announce("Exporteren lukte niet.")).then(() => button.removeAttribute("aria-busy"));
    });
    return button;
  }
  exports.append(
    element("h2", { id: "svdu-exporteren", text: "Exporteren" }),
    element("p", { text: "Alles wordt in uw browser gemaakt; er gaat niets naar een server. Elke passage krijgt haar bron: organisatie, titel, jaar, pagina zoals afgedrukt (of [n]: de n-de pagina van een bestand zonder paginanummer) en de link." }),
    element("div", { class: "svdu-sel-export-buttons" }, [
      exportButton("Tekst voor een notitie", (module, state) => {
        memo.value = module.memoText(groups(state), state.group);
        memoBox.hidden = false;
        memo.focus();
        memo.setSelectionRange(0, 0);  // from the top: the first passage first
        memo.scrollTop = 0;
        return "De tekst staat in het tekstvak; kopieer hem met de knop ‘Kopieer de tekst’.";
      }),
      exportButton("Markdown (.md)", (module, state) => module.downloadMarkdown(groups(state), state.group)),
      exportButton("Word (.docx)", (module, state) => module.downloadDocx(groups(state), state.group, api.root)),
      exportButton("BibTeX (.bib)", (module, state) => module.downloadCitations(state.items, "bib", api.root)),
      exportButton("CSL-JSON (.json)", (module, state) => module.downloadCitations(state.items, "json", api.root)),
    ]),
    memoBox,
  );
  copyButton.addEventListener("click", () => {
    exporter().then((module) => module.copy(memo.value)).then(() => announce("Gekopieerd."),
      () => announce("Kopiëren lukte niet; selecteer de tekst en kopieer die zelf."));
  });
  const clear = element("button", { type: "button", class: "svdu-button svdu-sel-clear", text: "Maak de selectie leeg" });
  clear.addEventListener("click", () => {
    if (!window.confirm("Alle passages uit Mijn selectie verwijderen?")) { return; }
    const state = load();
    state.items = [];
    save(state);
    render();
    announce("Mijn selectie is leeg.");
    holder.querySelector("h2, p")?.focus?.();
  });
  exports.append(element("p", {}, [clear]));

  function move(id, step) {
    const state = load();
    const shown = groups(state);
    const group = shown.find((g) => g.items.some((item) => item.id === id));
    const at = group.items.findIndex((item) => item.id === id);
    const other = group.items[at + step];
    if (!other) { return; }
    const i = state.items.findIndex((item) => item.id === id);
    const j = state.items.findIndex((item) => item.id === other.id);
    [state.items[i], state.items[j]] = [state.items[j], state.items[i]];
    save(state);
    render();
    const where = group.title ? ` in ${group.title}` : "";
    announce(`‘${short(group.items[at])}’ staat nu op plaats ${at + step + 1} van ${group.items.length}${where}.`);
    const wanted = holder.querySelector(`[data-item="${CSS.escape(id)}"] [data-action="${step < 0 ? "up" : "down"}"]`);
    const fallback = holder.querySelector(`[data-item="${CSS.escape(id)}"] [data-action="${step < 0 ? "down" : "up"}"]`);
    (wanted && !wanted.disabled ? wanted : fallback).focus();
  }

  function remove(id) {
    const state = load();
    const index = state.items.findIndex((item) => item.id === id);
    const removed = state.items[index];
    state.items.splice(index, 1);
    save(state);
    render();
    const n = state.items.length;
    announce(`Verwijderd: ‘${short(removed)}’. Nog ${n} ${n === 1 ? "passage" : "passages"}.`);
    const rows = holder.querySelectorAll("[data-item]");
    const next = rows[Math.min(index, rows.length - 1)];
    (next ? next.querySelector('[data-action="remove"]') : count).focus();
  }

  function render() {
    const state = load();
    const mode = state.group || "thema";
    grouping.querySelectorAll("input").forEach((input) => { input.checked = input.value === mode; });
    const reports = new Set(state.items.map((item) => item.report));
    const n = state.items.length;
    count.setAttribute("tabindex", "-1");
    count.textContent = n
      ? `${n} ${n === 1 ? "passage" : "passages"} uit ${reports.size} ${reports.size === 1 ? "rapport" : "rapporten"}.`
      : "Uw selectie is leeg. Kies ‘Bewaar’ bij een alinea, oproep, cijfer of voorbeeld om die hier te verzamelen.";
    if (state.damaged) {  // what storage held that this site did not write: said, not silently dropped
      count.textContent += ` ${state.damaged} bewaarde ${state.damaged === 1 ? "passage was" : "passages waren"}` +
        ` beschadigd en ${state.damaged === 1 ? "staat" : "staan"} hier niet.`;
    }
    exports.hidden = n === 0;
    grouping.hidden = n === 0;
    list.replaceChildren();
    for (const [n, group] of groups(state).entries()) {
      const items = element("ol", { class: "svdu-sel-list" });
      if (group.title) {
        const id = `svdu-groep-${n + 1}`;
        list.append(element("h2", { id, text: group.title }));
        items.setAttribute("aria-labelledby", id);
      } else {
        items.setAttribute("aria-label", "Mijn selectie");
      }
      group.items.forEach((item, at) => {
        const label = short(item);
        const where = `${KIND_LABELS[item.kind] || "Passage"} · ${item.organisation} ${item.year} · p.\u00a0${item.page}`;
        const quote = element("blockquote", { class: "svdu-quote" });
        if (item.title) { quote.append(element("p", { class: "svdu-sel-title" }, [element("strong", { text: item.title })])); }
        for (const text of item.text) { quote.append(element("p", { text })); }
        const up = element("button", { type: "button", class: "svdu-button", "data-action": "up", text: "Omhoog",
          "aria-label": `Omhoog: ${label}` });
        const down = element("button", { type: "button", class: "svdu-button", "data-action": "down", text: "Omlaag",
          "aria-label": `Omlaag: ${label}` });
        const drop = element("button", { type: "button", class: "svdu-button", "data-action": "remove", text: "Verwijder",
          "aria-label": `Verwijder: ${label}` });
        up.disabled = at === 0;
        down.disabled = at === group.items.length - 1;
        up.addEventListener("click", () => move(item.id, -1));
        down.addEventListener("click", () => move(item.id, 1));
        drop.addEventListener("click", () => remove(item.id));
        items.append(element("li", { class: "svdu-sel-item", "data-item": item.id }, [
          element("p", { class: "svdu-meta svdu-sel-where", text: where }),
          quote,
          element("p", { class: "svdu-sel-cite" }, [
            `${item.organisation}, ${item.reportTitle} (${item.year}), p.\u00a0${item.page}. `,
            // Only an address of the web is a link: a stored value edited to "javascript:…" stays text.
            /^https?:\/\//i.test(item.url) ? element("a", { href: item.url, text: item.url }) : element("span", { text: item.url }),
          ]),
          element("p", { class: "svdu-sel-actions" }, [up, " ", down, " ", drop]),
        ]));
      });
      list.append(items);
    }
  }
  render();
  window.addEventListener("storage", (event) => { if (event.key === "svdu-selectie") { render(); } });
}
