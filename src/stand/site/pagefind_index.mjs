// Writes the Pagefind index of the site's search from records in a file (JSON: a list of
// {url, content}, content a small HTML document per paragraph; see src/stand/site/search.py). Run by src/stand/site/pagefind.py while MkDocs
// writes the site: node pagefind_index.mjs <pagefind package folder> <output folder> <records file>.
// Records are added one at a time, in the order given, so the same records give the same files.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [packageDir, outputPath, recordsPath] = process.argv.slice(2);
const pagefind = await import(pathToFileURL(`${packageDir}/lib/index.js`).href);

function check(step, response) {
  if (response.errors && response.errors.length) {
    throw new Error(`${step}: ${response.errors.join("; ")}`);
  }
  return response;
}

const input = await readFile(recordsPath, "utf8");
const { index } = check("createIndex", await pagefind.createIndex({}));
for (const record of JSON.parse(input)) {
  check(record.url, await index.addHTMLFile(record));
}
check("writeFiles", await index.writeFiles({ outputPath }));
await pagefind.close();
