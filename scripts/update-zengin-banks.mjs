#!/usr/bin/env node
// Refreshes the bank and branch list the API ships (api/Banks/zengin-banks.tsv.gz) from the zengin-code package on npm
// (MIT, https://github.com/zengin-code), which republishes the Zengin bank and branch codes (全銀協 金融機関・店舗コード).
//
//   node scripts/update-zengin-banks.mjs            # the newest version
//   node scripts/update-zengin-banks.mjs 1.0.0-p20260824
//
// It fetches the package with `npm pack` (the ordinary npm client and registry, nothing else), reads its data and
// writes one gzip'd TSV: a bank line "B<TAB>code<TAB>name<TAB>kana", then one line per branch "code<TAB>name<TAB>kana",
// banks and branches in code order. The kana are the list's own (full-width katakana); the API folds them for search.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const version = process.argv[2] ?? "latest";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "api", "Banks", "zengin-banks.tsv.gz");
const work = mkdtempSync(join(tmpdir(), "zengin-"));
try {
  execFileSync("npm", ["pack", `zengin-code@${version}`, "--silent"], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  execFileSync("tar", ["xzf", tarball], { cwd: work });
  const data = createRequire(import.meta.url)(join(work, "package", "lib", "zengin-data.js"));
  const clean = (text) => String(text ?? "").replace(/[\t\r\n]/g, " ").trim();
  const lines = [];
  let branches = 0;
  for (const code of Object.keys(data).sort()) {
    const bank = data[code];
    lines.push(["B", bank.code, clean(bank.name), clean(bank.kana)].join("\t"));
    for (const branchCode of Object.keys(bank.branches).sort()) {
      const branch = bank.branches[branchCode];
      lines.push([branch.code, clean(branch.name), clean(branch.kana)].join("\t"));
      branches++;
    }
  }
  const text = lines.join("\n") + "\n";
  const packed = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  writeFileSync(target, packed);
  const banks = lines.length - branches;
  console.log(`${tarball}: ${banks} banks, ${branches} branches; ${text.length} characters, ${packed.length} bytes gzip'd -> ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
