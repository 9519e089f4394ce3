// Exports of Mijn selectie, and a theme's brief: loaded only when a reader exports (selection.js imports it).
// Text for a memo, Markdown, Word (.docx, with the docx library served from this site: assets/vendor/docx/,
// the npm package pinned in package.json) and the cited reports as BibTeX or CSL-JSON (/data/citeren/).
// Everything is made in the browser; nothing is sent anywhere.

const NBSP = "\u00a0";

// "Logius, Stand van de uitvoering 2023 (Logius, Ministerie van …), p. 10", as the site's Citeer writes it: the
// year only where the title does not already say it, the publisher where the manifest names one.
function source(organisation, title, year, page, publisher) {
  const named = title.includes(String(year)) ? title : `${title} (${year})`;
  return `${organisation}, ${named}${publisher ? ` (${publisher})` : ""}, p.${NBSP}${page}`;
}

export function citation(item) {
  return `${source(item.organisation, item.reportTitle, item.year, item.page, item.publisher)}. ${item.url}`;
}

function quoted(item) {
  return `“${item.text.join("\n\n")}”`;
}

// (a) Text to paste into a memo: each passage, then its citation on the next line.
export function memoText(groups, mode) {
  const lines = [];
  for (const group of groups) {
    if (mode !== "geen" && group.title) { lines.push(group.title, ""); }
    for (const item of group.items) {
      if (item.title) { lines.push(item.title); }
      lines.push(quoted(item), `— ${citation(item)}`, "");
    }
  }
  return lines.join("\n").trimEnd() + "\n";
}

function markdownText(text) {
  return text.replace(/([\\`*_[\]<>#|&])/g, "\\$1");
}

// (b) Markdown: a heading per group, each passage as a quote with its linked citation.
export function markdown(groups, mode) {
  const lines = ["# Mijn selectie", ""];
  for (const group of groups) {
    if (mode !== "geen" && group.title) { lines.push(`## ${markdownText(group.title)}`, ""); }
    for (const item of group.items) {
      if (item.title) { lines.push(`**${markdownText(item.title)}**`, ""); }
      item.text.forEach((text, n) => {
        lines.push(`> ${n === 0 ? "“" : ""}${markdownText(text)}${n === item.text.length - 1 ? "”" : ""}`);
        if (n < item.text.length - 1) { lines.push(">"); }
      });
      const label = source(item.organisation, item.reportTitle, item.year, item.page, item.publisher);
      lines.push("", `— [${markdownText(label)}](<${item.url}>)`, "");
    }
  }
  return lines.join("\n").trimEnd() + "\n";
}

export function download(name, blob) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return name;
}

export function downloadMarkdown(groups, mode) {
  const name = download("mijn-selectie.md", new Blob([markdown(groups, mode)], { type: "text/markdown;charset=utf-8" }));
  return `Gedownload: ${name}.`;
}

export function copy(text) {
  if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "svdu-sr-only";
  document.body.append(area);
  area.select();
  const done = document.execCommand("copy");
  area.remove();
  return done ? Promise.resolve() : Promise.reject(new Error("copy"));
}

// The docx library: about 230 KB compressed, so fetched only for a Word export.
function docxLibrary() {
  return import(new URL("vendor/docx/index.mjs", import.meta.url).href);
}

function link(docx, url, text) {
  return new docx.ExternalHyperlink({ link: url, children: [new docx.TextRun({ text: text || url, style: "Hyperlink" })] });
}

function documentOf(docx, title, children, footnotes) {
  return new docx.Document({
    title,
    creator: "Stand van de uitvoering (open data)",
    lastModifiedBy: "Stand van de uitvoering (open data)",
    description: "Passages uit de Stand van de uitvoering, elk met de bron.",
    styles: { default: { document: { run: { language: { value: "nl-NL" } } } } },
    footnotes: footnotes || {},
    sections: [{ children }],
  });
}

// (c) Word: exactly the selection, in its order and groups, each passage followed by its citation and link.
export async function downloadDocx(groups, mode) {
  const docx = await docxLibrary();
  const children = [new docx.Paragraph({ text: "Mijn selectie", heading: docx.HeadingLevel.TITLE })];
  for (const group of groups) {
    if (mode !== "geen" && group.title) {
      children.push(new docx.Paragraph({ text: group.title, heading: docx.HeadingLevel.HEADING_1 }));
    }
    for (const item of group.items) {
      if (item.title) { children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: item.title, bold: true })] })); }
      item.text.forEach((text, n) => {
        const open = n === 0 ? "“" : "";
        const close = n === item.text.length - 1 ? "”" : "";
        children.push(new docx.Paragraph({ text: `${open}${text}${close}`, indent: { left: 567 } }));
      });
      children.push(new docx.Paragraph({
        spacing: { after: 240 },
        children: [
          new docx.TextRun(`— ${source(item.organisation, item.reportTitle, item.year, item.page, item.publisher)}. `),
          link(docx, item.url),
        ],
      }));
    }
  }
  const blob = await docx.Packer.toBlob(documentOf(docx, "Mijn selectie", children));
  return `Gedownload: ${download("mijn-selectie.docx", blob)}.`;
}

// (d) The cited reports, once each in the order they first appear, from the dataset's own files.
export async function downloadCitations(items, format, root) {
  const reports = [...new Set(items.map((item) => item.report))];
  // A report no longer on the site (a passage kept from an older version) is left out, not the whole export.
  const found = await Promise.all(reports.map((report) =>
    fetch(`${root}data/citeren/${encodeURIComponent(report)}.${format}`).then((response) => {
      if (!response.ok) { return null; }
      return format === "json" ? response.json() : response.text();
    }, () => null)));
  const texts = found.filter((text) => text !== null);
  if (!texts.length) { throw new Error("geen rapport gevonden"); }
  let blob;
  if (format === "json") {
    blob = new Blob([JSON.stringify(texts.flat(), null, 2) + "\n"], { type: "application/json" });
  } else {
    blob = new Blob([texts.map((text) => text.trim()).join("\n\n") + "\n"], { type: "application/x-bibtex" });
  }
  return `Gedownload: ${download(`mijn-selectie.${format === "json" ? "json" : "bib"}`, blob)}.`;
}

// A theme's brief: the years one after another, what the report asks and what went wrong or must change first,
// every passage with a numbered note (a Word footnote) naming its source and link.
export async function downloadBrief(url) {
  const [docx, brief] = await Promise.all([
    docxLibrary(),
    fetch(url).then((response) => { if (!response.ok) { throw new Error(response.status); } return response.json(); }),
  ]);
  const footnotes = {};
  for (const [index, note] of brief.notes.entries()) {
    footnotes[index + 1] = { children: [new docx.Paragraph({ children: [
      new docx.TextRun(`${source(note.organisation, note.title, note.year, note.page, note.publisher)}. `),
      link(docx, note.url),
    ] })] };
  }
  const children = [
    new docx.Paragraph({ text: brief.title, heading: docx.HeadingLevel.TITLE }),
    new docx.Paragraph({ text: brief.description }),
    new docx.Paragraph({ children: [new docx.TextRun("Bron: Stand van de uitvoering als open data, "), link(docx, brief.url)] }),
  ];
  for (const year of brief.years) {
    children.push(new docx.Paragraph({
      text: `${year.year}: ${year.organisation}, ${year.report}`, heading: docx.HeadingLevel.HEADING_1,
    }));
    children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: `Hoofdstuk ‘${year.heading}’`, italics: true })] }));
    for (const row of year.rows) {
      children.push(new docx.Paragraph({ text: row.title, heading: docx.HeadingLevel.HEADING_2 }));
      for (const passage of row.passages) {
        if (passage.title) {
          children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: passage.title, bold: true })] }));
        }
        passage.text.forEach((text, n) => {
          const runs = [new docx.TextRun(text)];
          if (n === passage.text.length - 1) { runs.push(new docx.FootnoteReferenceRun(passage.note)); }
          children.push(new docx.Paragraph({ children: runs }));
        });
      }
    }
  }
  const blob = await docx.Packer.toBlob(documentOf(docx, brief.title, children, footnotes));
  return download(brief.file, blob);
}
