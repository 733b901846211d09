// Measures the web client as a worker on a phone (issue 13, "Measured, not promised"):
//   - the first-load JavaScript of the job list: every script the page loads until it has settled, gzip -9 (the build's
//     budget counts the same way), and what actually crossed the wire (the server sends Brotli when asked);
//   - Lighthouse's mobile performance and accessibility scores (its default mobile form factor and simulated throttling:
//     a Moto G Power class phone on slow 4G) for the job list (/jobs) and a job page (/jobs/{id});
//   - the cumulative layout shift of each.
// It starts the built API (api/bin/Release) in Development on a fresh database with the demo data, signs in as the
// demo worker (佐藤 美咲) and hands Lighthouse the session cookie. Japanese, as a first visit.
//
//   node tests/perf/measure.mjs [--runs N] [--json file] [--reports folder] [--url http://host:port --cookie "name=value"]
// --reports keeps each run's Lighthouse report (HTML to open in a browser, JSON to query) in the folder; --webroot serves
// another build of the web client (e.g. an older commit's `vite build --outDir`) to compare before and after.
//
// Exit status: 1 when accessibility is below 100 or CLS is at or above 0.01 on either page, 2 when it could not measure.
// The performance score is printed, never enforced: Lighthouse simulates the phone from the trace it observes, so on a
// loaded machine (several engineers share two cores) the same build scores lower; accessibility (axe-core on the DOM)
// and layout shift (space reserved in CSS, system fonts) do not depend on the machine's load, so those two are gates.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const repo = new URL("../../", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const runs = Math.max(1, Number(option("--runs", process.env.PERF_RUNS ?? "1")));
const jsonOut = option("--json", process.env.PERF_JSON);
const givenUrl = option("--url", undefined);
const givenCookie = option("--cookie", undefined);
const reportsDir = option("--reports", process.env.PERF_REPORTS);
// Another build of the web client to serve instead of api/wwwroot (a before/after comparison under the same load).
const webRoot = option("--webroot", process.env.PERF_WEBROOT);
const chromePath = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const worker = { email: "misaki@yuzawa.example", password: "yuzawa-demo-2026" };
const goals = { performance: 95, accessibility: 100, cls: 0.01 };
const lighthouseVersion = JSON.parse(readFileSync(new URL("./node_modules/lighthouse/package.json", import.meta.url), "utf8")).version;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, process, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (process && process.exitCode !== null) throw new Error(`the API stopped (exit ${process.exitCode}) before it answered`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** The built API in Development (demo data) on its own database and port; the caller stops it. */
async function startApi() {
  const dll = join(repo, "api/bin/Release/net10.0/Marketplace.Api.dll");
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build first (dotnet build Marketplace.sln -c Release)`);
  const site = webRoot ?? join(repo, "api/wwwroot");
  if (!existsSync(join(site, "index.html"))) throw new Error(`${site}/index.html is missing: the web client is not built`);
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), "marketplace-perf-"));
  const url = `http://127.0.0.1:${port}`;
  const api = spawn("dotnet", [dll], {
    // The content root is the project folder, so wwwroot and the Development settings are the ones ./run.sh serves.
    cwd: join(repo, "api"),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: "Development",
      ASPNETCORE_URLS: url,
      ASPNETCORE_WEBROOT: site,
      ConnectionStrings__Marketplace: `Data Source=${join(folder, "perf.db")}`,
      Files__Folder: join(folder, "files"),
      Logging__LogLevel__Default: "Warning",
      "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware": "Warning",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  api.stderr.on("data", (d) => (stderr += d));
  const stop = () => {
    if (api.exitCode === null) api.kill("SIGTERM");
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // best effort
    }
  };
  try {
    await waitFor(`${url}/health`, api, 90);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n${stderr}`);
  }
  return { url, stop };
}

async function signIn(url) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(worker),
  });
  if (!r.ok) throw new Error(`signing in as ${worker.email} answered ${r.status}: ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error("signing in set no cookie");
  return cookie;
}

async function firstJob(url, cookie) {
  const r = await fetch(`${url}/api/jobs?limit=1`, { headers: { cookie } });
  if (!r.ok) throw new Error(`GET /api/jobs answered ${r.status}`);
  const page = await r.json();
  const job = (page.items ?? page)[0];
  if (!job) throw new Error("the demo data has no open job to measure");
  return job.id;
}

/** The scripts the page loaded, each gzipped at level 9 as the build's budget counts them, and their bytes on the wire. */
async function scriptBytes(lhr, cookie) {
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === "Script");
  let gzip = 0;
  let wire = 0;
  const files = [];
  for (const s of scripts) {
    const body = Buffer.from(await (await fetch(s.url, { headers: { cookie } })).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    gzip += size;
    wire += s.transferSize ?? 0;
    files.push({ file: new URL(s.url).pathname, gzip: size, wire: s.transferSize ?? 0 });
  }
  return { gzip, wire, files };
}

async function lighthouseRun(chrome, url, cookie, reportName) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: ["json", "html"],
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    // A signed-in worker: the session cookie rides on every request of the page.
    extraHeaders: { Cookie: cookie },
    // Lighthouse's own defaults otherwise: formFactor mobile, 412 × 823 screen emulation, simulated throttling.
  });
  const lhr = result.lhr;
  if (reportsDir && reportName) {
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(join(reportsDir, `${reportName}.report.json`), result.report[0]);
    writeFileSync(join(reportsDir, `${reportName}.report.html`), result.report[1]);
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue;
  return {
    lhr,
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    cls: audit("cumulative-layout-shift") ?? NaN,
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    si: audit("speed-index"),
    // Lighthouse's measure of this machine's speed at the time (higher is faster; it was 300–900 on the shared 2-core
    // machine under load): the simulated phone is derived from what this machine did, so a low index means low scores.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    failedA11y: Object.values(lhr.audits)
      .filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
      .map((a) => `${a.id}: ${a.title}`),
    shifts: (lhr.audits["layout-shifts"]?.details?.items ?? []).map((i) => ({ score: i.score, node: i.node?.snippet })),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const started = Date.now();
  const load = loadavg();
  let api;
  let url = givenUrl;
  if (!url) {
    api = await startApi();
    url = api.url;
  }
  let chrome;
  try {
    const cookie = givenCookie ?? (await signIn(url));
    const jobId = await firstJob(url, cookie);
    chrome = await chromeLauncher.launch({
      chromePath,
      // Headless Debian Chromium with no outside network (see the browser tests' flags).
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    });
    const pages = [
      { name: "job list", path: "/jobs", file: "job-list" },
      { name: "job page", path: `/jobs/${jobId}`, file: "job-page" },
    ];
    const results = [];
    for (const page of pages) {
      const tries = [];
      for (let i = 0; i < runs; i++) tries.push(await lighthouseRun(chrome, url + page.path, cookie, `${page.file}-${i + 1}`));
      // The run with the median performance score speaks for the page; CLS and accessibility take the worst run.
      const byPerf = [...tries].sort((a, b) => a.performance - b.performance);
      const mid = byPerf[Math.floor((byPerf.length - 1) / 2)];
      results.push({
        ...page,
        performance: mid.performance,
        performanceRuns: tries.map((t) => t.performance),
        accessibility: Math.min(...tries.map((t) => t.accessibility)),
        cls: Math.max(...tries.map((t) => t.cls)),
        fcp: median(tries.map((t) => t.fcp)),
        lcp: median(tries.map((t) => t.lcp)),
        tbt: median(tries.map((t) => t.tbt)),
        si: median(tries.map((t) => t.si)),
        benchmarkIndex: median(tries.map((t) => t.benchmarkIndex)),
        failedA11y: [...new Set(tries.flatMap((t) => t.failedA11y))],
        shifts: tries.flatMap((t) => t.shifts).filter((s) => s.score > 0),
        js: page.path === "/jobs" ? await scriptBytes(mid.lhr, cookie) : undefined,
      });
    }

    const list = results[0];
    const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
    const ms = (v) => `${Math.round(v)} ms`;
    console.log("");
    console.log(`Measured as a worker on a phone (Lighthouse ${lighthouseVersion}, mobile, simulated throttling; ${runs} run(s) per page; load average ${load.map((l) => l.toFixed(2)).join(" ")})`);
    console.log(`  first-load JavaScript of the job list: ${kb(list.js.gzip)} gzip (${kb(list.js.wire)} on the wire, ${list.js.files.length} files)`);
    for (const f of list.js.files) console.log(`    ${f.file}: ${kb(f.gzip)} gzip, ${kb(f.wire)} on the wire`);
    for (const r of results) {
      console.log(
        `  ${r.name.padEnd(9)} performance ${String(r.performance).padStart(3)}${runs > 1 ? ` (runs ${r.performanceRuns.join(", ")})` : ""}` +
          `  accessibility ${String(r.accessibility).padStart(3)}  CLS ${r.cls.toFixed(3)}` +
          `  (FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, SI ${ms(r.si)}; benchmark index ${Math.round(r.benchmarkIndex)})`,
      );
      for (const a of r.failedA11y) console.log(`      accessibility: ${a}`);
      for (const s of r.shifts) console.log(`      layout shift ${s.score.toFixed(4)}: ${s.node ?? "(unknown element)"}`);
    }
    console.log(`  goals: performance ≥ ${goals.performance}, accessibility ${goals.accessibility}, CLS < ${goals.cls}; took ${Math.round((Date.now() - started) / 1000)} s`);
    if (jsonOut)
      writeFileSync(jsonOut, JSON.stringify({ loadAverage: load, runs, results: results.map(({ ...r }) => r) }, null, 2));

    const failures = [];
    for (const r of results) {
      if (r.accessibility < goals.accessibility) failures.push(`${r.name}: accessibility ${r.accessibility} < ${goals.accessibility}`);
      if (!(r.cls < goals.cls)) failures.push(`${r.name}: CLS ${r.cls.toFixed(3)} ≥ ${goals.cls}`);
      if (r.performance < goals.performance)
        console.log(`  note: ${r.name} performance ${r.performance} is below ${goals.performance} (printed, not enforced: it follows the machine's load)`);
    }
    if (failures.length) {
      for (const f of failures) console.error(`measure: ${f}`);
      process.exitCode = 1;
    }
  } finally {
    if (chrome) await chrome.kill();
    api?.stop();
  }
}

main().catch((e) => {
  console.error(`measure: could not measure: ${e.stack ?? e}`);
  process.exit(2);
});
