import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";
import { jaAdmin } from "./jaAdmin";
import { jaMilestones } from "./jaMilestones";
import { jaDeal } from "./jaDeal";
import { jaTeams } from "./jaTeams";
import { jaContests } from "./jaContests";
import { jaTaskJobs } from "./jaTaskJobs";
import { jaReset } from "./jaReset";
import { jaThread } from "./jaThread";
import { jaProgrammes } from "./jaProgrammes";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes("i18n") ? [path] : [];
  });
}

// Flattened one by one: the pages' own dictionaries add keys inside sections the first load has too (notificationKind).
const jaKeys = new Map([ja, jaAdmin, jaMilestones, jaDeal, jaTeams, jaContests, jaTaskJobs, jaReset, jaThread, jaProgrammes].flatMap((words) => [...flatten(words as unknown as Tree)]));
const enKeys = flatten(en as unknown as Tree);

describe("translations", () => {
  it("have the same keys in Japanese and English", () => {
    expect([...enKeys.keys()].sort()).toEqual([...jaKeys.keys()].sort());
  });

  it("have no empty text", () => {
    for (const [key, text] of [...jaKeys, ...enKeys]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of jaKeys) expect(placeholders(enKeys.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("cover every literal key the code asks for", () => {
    const root = join(process.cwd(), "src"); // vitest runs in web-client/
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-zA-Z]+\.[a-zA-Z.]+)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/key: "(nav\.[a-zA-Z]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const known = (key: string) => jaKeys.has(key) || jaKeys.has(`${key}_other`);
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });

  // "1 transfers", "1 unread messages": an English text with a count has a singular and a plural form (count_one,
  // count_other), unless it reads right for one as it stands; those are listed here by name.
  it("give English counts a singular form", () => {
    const readsRightForOne = ["jobs.countCapped", "workerSearch.hours", "workerSearch.rated", "thread.unread", "deal.freeRevisions", "trust.unreadOnMenu"];
    const unpluralized = [...enKeys]
      .filter(([key, text]) => text.includes("{{count}}") && !/_(one|other)$/.test(key) && !readsRightForOne.includes(key))
      .map(([key]) => key);
    expect(unpluralized).toEqual([]);
  });
});
