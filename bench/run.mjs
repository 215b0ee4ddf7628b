#!/usr/bin/env node
// `make bench`, browser part: faq-widget against Fuse.js, MiniSearch and FlexSearch in headless
// Chromium, on the same FAQ and questions, at 12, 1,000 and 10,000 entries.
//
//   node bench/run.mjs [--sizes 12,1000,10000] [--engines faq-widget,fuse,minisearch,flexsearch]
//                      [--ready-runs 5] [--budget-ms 2500] [--pass-budget-ms 30000]
//                      [--out bench-results] [--svg docs/bench-latency.svg] [--pkg pkg]
//
// Prints a Markdown table and writes OUT/results.json, OUT/table.md and the SVG plot.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { FILES } from "./files.mjs";
import { generate } from "./gen-faq.mjs";
import { plot } from "./plot.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEV_TSV = path.resolve(ROOT, "tests/data/dev.tsv");

function parseArgs(argv) {
  const a = {
    sizes: [12, 1000, 10000],
    engines: ["faq-widget-element", "faq-widget", "fuse", "minisearch", "flexsearch"],
    readyRuns: 5,
    budgetMs: 2500,
    passBudgetMs: 30000,
    maxRounds: 40,
    minBatchUs: 200,
    out: "bench-results",
    svg: "docs/bench-latency.svg",
    seed: 5,
    // Where the `faq-widget` row loads the engine from (another wasm-pack build to compare).
    pkg: "pkg",
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === "--sizes") a.sizes = v().split(",").map(Number);
    else if (k === "--engines") a.engines = v().split(",");
    else if (k === "--ready-runs") a.readyRuns = Number(v());
    else if (k === "--budget-ms") a.budgetMs = Number(v());
    else if (k === "--pass-budget-ms") a.passBudgetMs = Number(v());
    else if (k === "--max-rounds") a.maxRounds = Number(v());
    else if (k === "--out") a.out = v();
    else if (k === "--svg") a.svg = v();
    else if (k === "--seed") a.seed = Number(v());
    else if (k === "--pkg") a.pkg = v();
    else throw new Error(`bench/run.mjs: unknown argument ${k}`);
  }
  return a;
}

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".tsv": "text/tab-separated-values",
  ".svg": "image/svg+xml",
};

/** A static server on 127.0.0.1 for the repository, cross-origin isolated (5 µs timer instead of 100 µs). */
function serve(extra) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let file = extra[url.pathname] || path.join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(ROOT) && !Object.values(extra).includes(file)) file = null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      "cache-control": "no-store",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Bytes on the wire: the engine's files each compressed on their own, as a server sends them. */
function wireBytes(files) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = sizes(fs.readFileSync(path.join(ROOT, f)));
    t.raw += s.raw;
    t.gzip += s.gzip;
    t.brotli += s.brotli;
  }
  return t;
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function chromiumVersion() {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

function machine() {
  const info = fs.readFileSync("/proc/cpuinfo", "utf8");
  const field = (name) => (info.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, "m")) || [])[1];
  const cpu = `${field("model name") || os.cpus()[0]?.model} (family ${field("cpu family")}, model ${field("model")})`;
  return {
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    chromium: chromiumVersion(),
    node: process.version,
    date: new Date().toISOString(),
  };
}

const fmtUs = (x) =>
  x == null || Number.isNaN(x)
    ? "–"
    : x >= 10000
      ? `${Math.round(x / 1000).toLocaleString("en")} ms`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} ms`
        : `${x >= 100 ? Math.round(x) : x.toFixed(1)} µs`;
const fmtMs = (x) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const fmtKB = (b) => `${(b / 1024).toFixed(1)}`;
const pct = (x) => `${(100 * x).toFixed(1)}`;

function table(results) {
  const lines = [
    "| entries | engine | top-1 % | top-3 % | OOS rej. % | overall % | p50 | p99 | ready (median) | code KB raw / gzip / br | code+FAQ KB gzip / br |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const r of results) {
    const q = r.quality;
    const partial = q.rows < r.rowsTotal ? ` (${q.rows}/${r.rowsTotal} q.)` : "";
    lines.push(
      `| ${r.size.toLocaleString("en")} | ${r.engine} | ${pct(q.top1)}${partial} | ${pct(q.top3)} | ${pct(q.oos)} | ${pct(q.overall)} | ${fmtUs(r.p50)} | ${fmtUs(r.p99)} | ${fmtMs(r.readyMedian)} | ${fmtKB(r.code.raw)} / ${fmtKB(r.code.gzip)} / ${fmtKB(r.code.brotli)} | ${fmtKB(r.total.gzip)} / ${fmtKB(r.total.brotli)} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // Other work on the machine skews timings: the load average is recorded with the results.
  const loadStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const out = path.resolve(ROOT, a.out);
  fs.mkdirSync(out, { recursive: true });
  // The shipped script, when `make dist` has built it; the engine alone always (from pkg/).
  const hasDist = fs.existsSync(path.join(ROOT, "dist/faq-widget.js"));
  if (!hasDist) console.error("bench: no dist/faq-widget.js (run `make dist`): measuring the engine from pkg/ only");
  const engines = a.engines.filter((e) => e !== "faq-widget-element" || hasDist);
  // The FAQs: the real one, and generated ones (deterministic; regenerated only when missing).
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
  const faqFile = {};
  for (const n of a.sizes) {
    if (n === base.entries.length) {
      faqFile[n] = path.join(ROOT, "faq.json");
      continue;
    }
    const f = path.join(out, `faq-${n}.json`);
    const text = `${JSON.stringify(generate(base, n, a.seed), null, 1)}\n`;
    if (!fs.existsSync(f) || fs.readFileSync(f, "utf8") !== text) fs.writeFileSync(f, text);
    faqFile[n] = f;
  }
  const extra = { "/eval/dev.tsv": DEV_TSV };
  for (const n of a.sizes) extra[`/faq/${n}.json`] = faqFile[n];
  const server = await serve(extra);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    // launch() (not launchPersistentContext) gives Chromium a new empty profile directory each run.
  });
  const rowsTotal =
    fs
      .readFileSync(DEV_TSV, "utf8")
      .split("\n")
      .filter((l) => l.trim()).length - 1;
  const results = [];
  try {
    for (const n of a.sizes) {
      const data = sizes(fs.readFileSync(faqFile[n]));
      for (const engine of engines) {
        const runOnce = async (withQueries) => {
          const ctx = await browser.newContext();
          const page = await ctx.newPage();
          page.on("pageerror", (e) => console.error(`[${engine} ${n}] page error: ${e.message}`));
          await page.goto(`${origin}/bench/page.html`);
          await page.waitForFunction(() => window.bench);
          const r = await page.evaluate((o) => window.bench.run(o), {
            engine,
            pkg: a.pkg,
            // The element at the real FAQ's size uses the FAQ bundled inside dist/faq-widget.js.
            faqUrl: engine === "faq-widget-element" && n === base.entries.length ? null : `/faq/${n}.json`,
            tsvUrl: withQueries ? "/eval/dev.tsv" : null,
            passBudgetMs: a.passBudgetMs,
            budgetMs: a.budgetMs,
            maxRounds: a.maxRounds,
            minBatchUs: a.minBatchUs,
          });
          await ctx.close();
          return r;
        };
        const t = Date.now();
        const r = await runOnce(true);
        const ready = [r.ready];
        const build = [r.build];
        const load = [r.load];
        // Fewer cold-start repeats where one build takes seconds.
        const reps = r.ready > 2000 ? Math.min(2, a.readyRuns - 1) : a.readyRuns - 1;
        for (let i = 0; i < reps; i++) {
          const x = await runOnce(false);
          ready.push(x.ready);
          build.push(x.build);
          load.push(x.load);
        }
        const code = wireBytes(engine === "faq-widget" ? FILES[engine].map((f) => f.replace(/^pkg\//, `${a.pkg}/`)) : FILES[engine]);
        // dist/faq-widget.js carries the real FAQ inside; everything else downloads the FAQ too.
        const bundled = engine === "faq-widget-element" && n === base.entries.length;
        const row = {
          size: n,
          engine,
          rowsTotal,
          quality: r.quality,
          p50: r.p50,
          p99: r.p99,
          mean: r.mean,
          samples: r.samples,
          calls: r.calls,
          rounds: r.rounds,
          batch: r.batch,
          firstPassMeanUs: r.firstPassMeanUs,
          isolated: r.isolated,
          readyMedian: median(ready),
          ready,
          buildMedian: median(build),
          loadMedian: median(load),
          code,
          data,
          total: bundled ? code : { raw: code.raw + data.raw, gzip: code.gzip + data.gzip, brotli: code.brotli + data.brotli },
          answers: r.answers,
        };
        results.push(row);
        console.error(
          `bench: ${String(n).padStart(5)} entries  ${engine.padEnd(10)}  top-1 ${pct(r.quality.top1)}%  p50 ${fmtUs(r.p50)}  p99 ${fmtUs(r.p99)}  ready ${fmtMs(row.readyMedian)}  (${r.samples} samples, ${((Date.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const m = { ...machine(), loadavgAtStart: loadStart };
  const md = table(results);
  const doc = { machine: m, options: a, seconds: (Date.now() - started) / 1000, results };
  fs.writeFileSync(path.join(out, "results.json"), `${JSON.stringify(doc, null, 1)}\n`);
  fs.writeFileSync(path.join(out, "table.md"), `${md}\n`);
  if (a.svg) {
    fs.mkdirSync(path.dirname(path.resolve(ROOT, a.svg)), { recursive: true });
    fs.writeFileSync(path.resolve(ROOT, a.svg), plot(results, m));
  }
  console.log(`\nMachine: ${m.nproc} cores, ${m.cpu}; ${m.chromium}; node ${m.node}; load average ${m.loadavgAtStart[0]} at start, ${m.loadavg[0]} at end\n`);
  console.log(md);
  console.log(`\n(${doc.seconds.toFixed(0)} s; details in ${path.relative(ROOT, out)}/results.json${a.svg ? `, plot in ${a.svg}` : ""})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
