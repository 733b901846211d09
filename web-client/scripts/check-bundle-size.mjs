// Fails the build when the JavaScript a first visit loads grows past the budget: the page is used on cheap phones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgetBytes = 200 * 1024;
const outDir = new URL("../../api/wwwroot/", import.meta.url).pathname;
const html = readFileSync(join(outDir, "index.html"), "utf8");
// Every script the entry page loads at once: the entry module and the chunks it preloads.
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error("check-bundle-size: no script found in index.html");
  process.exit(1);
}
let total = 0;
for (const file of scripts) {
  const size = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  total += size;
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
const verdict = `first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${budgetBytes / 1024} KB)`;
if (total > budgetBytes) {
  console.error(`check-bundle-size: over budget — ${verdict}`);
  process.exit(1);
}
console.log(verdict);
