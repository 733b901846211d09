// Fails the build when the JavaScript a first visit loads grows past the budget: the page is used on cheap phones.
// Every page is a chunk of its own (React.lazy) and the libraries are one "framework" chunk, so the shell is what every
// first visit pays; it was 136 KB gzip before the split and 128 KB after, with English fetched only by English readers.
// The budget leaves room to grow, and a shell that swallowed the pages again (~155 KB) fails it. tests/perf/measure.mjs
// measures what the job list really loads (shell + its page) and Lighthouse's scores. Raised from 150 to 151 KB with
// issue 29's job page (the NDA's words and the 403s worded in Japanese): the shell was at 149.95 KB after the round-2
// merges, and Japanese words come with the first load by design; a shell that swallows the pages still fails. Raised
// to 152 KB with issue 23's teams: their seven pages are one lazy chunk and their words (jaTeams.ts) travel with them,
// but the menu's three entries, the team conflicts' words (ConflictCodeTests keeps them in ja.ts) and the chunk map's
// new names left the shell 126 bytes over 151 KB.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgetBytes = 152 * 1024;
const outDir = new URL("../../api/wwwroot/", import.meta.url).pathname;
const html = readFileSync(join(outDir, "index.html"), "utf8");
// Every script the entry page loads at once: the entry module and the chunks it preloads.
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error("check-bundle-size: no script found in index.html");
  process.exit(1);
}
// English is fetched only by those who read it (src/i18n/index.ts): the site's English name must not be in the first load.
const englishName = /name:\s*"([^"]+)"/.exec(readFileSync(new URL("../src/i18n/en.ts", import.meta.url), "utf8"))?.[1];
let total = 0;
for (const file of scripts) {
  const code = readFileSync(join(outDir, file));
  if (englishName && code.includes(englishName)) {
    console.error(`check-bundle-size: ${file} holds the English words ("${englishName}"): load them with loadLanguage("en"), not with the first load`);
    process.exit(1);
  }
  const size = gzipSync(code, { level: 9 }).length;
  total += size;
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
const verdict = `first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${budgetBytes / 1024} KB)`;
if (total > budgetBytes) {
  console.error(`check-bundle-size: over budget — ${verdict}`);
  process.exit(1);
}
console.log(verdict);
