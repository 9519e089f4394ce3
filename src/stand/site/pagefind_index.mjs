// Writes the Pagefind index of the site's search from records on standard input (one JSON line each:
// {url, content}, content a small HTML document per paragraph; see src/stand/site/search.py). Run by
// src/stand/site/pagefind.py while MkDocs writes the site: node pagefind_index.mjs <pagefind package folder> <output folder>.
// Records are added one at a time, in the order given, so the same records give the same files.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [packageDir, outputPath] = process.argv.slice(2);
const pagefind = await import(pathToFileURL(`${packageDir}/lib/index.js`).href);

function check(step, response) {
  if (response.errors && response.errors.length) {
    throw new Error(`${step}: ${response.errors.join("; ")}`);
  }
  return response;
}

const { index } = check("createIndex", await pagefind.createIndex({}));
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const record = JSON.parse(line);
  check(record.url, await index.addHTMLFile(record));
}
check("writeFiles", await index.writeFiles({ outputPath }));
await pagefind.close();
