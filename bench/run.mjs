#!/usr/bin/env node
// `make bench`, browser part: faq-widget against Fuse.js, MiniSearch and FlexSearch in headless
// Chromium, on the same FAQ and questions, at 12, 1,000 and 10,000 entries.
//
//   node bench/run.mjs [--sizes 12,1000,10000] [--engines faq-widget-element,faq-widget,fuse,minisearch,flexsearch]
//                      [--ready-runs 5] [--budget-ms 2500] [--pass-budget-ms 30000]
//                      [--out bench-results] [--plots bench-results] [--pkg pkg]
//
// Before the browser starts, every FAQ is compiled as `make dist` compiles faq.json (packs.mjs:
// `target/release/faq compile`, cached in OUT/) and the widget's script is filled with it. Prints a
// Markdown table and writes OUT/results.json, OUT/table.md and the plots (into --plots; nothing
// outside bench-results/ unless told: `make bench-figures` refreshes the committed ones).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { FILES } from "./files.mjs";
import { generate } from "./gen-faq.mjs";
import { filledScript, packOf, ROOT } from "./packs.mjs";
import { costPlot, plot } from "./plot.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

const DEV_TSV = path.resolve(ROOT, "tests/data/dev.tsv");
export const ENGINES = ["faq-widget-element", "faq-widget", "fuse", "minisearch", "flexsearch"];

function parseArgs(argv) {
  const a = {
    sizes: [12, 1000, 10000],
    engines: ENGINES,
    readyRuns: 5,
    budgetMs: 2500,
    passBudgetMs: 30000,
    maxRounds: 40,
    minBatchUs: 200,
    out: "bench-results",
    plots: "bench-results",
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
    else if (k === "--plots") a.plots = v();
    else if (k === "--seed") a.seed = Number(v());
    else if (k === "--pkg") a.pkg = v();
    else throw new Error(`bench/run.mjs: unknown argument ${k}`);
  }
  for (const e of a.engines) if (!ENGINES.includes(e)) throw new Error(`bench/run.mjs: unknown engine ${e}`);
  return a;
}

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Bytes on the wire: files each compressed on their own, as a server sends them. */
function wireBytes(files) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = sizes(fs.readFileSync(path.resolve(ROOT, f)));
    t.raw += s.raw;
    t.gzip += s.gzip;
    t.brotli += s.brotli;
  }
  return t;
}

const add = (x, y) => ({ raw: x.raw + y.raw, gzip: x.gzip + y.gzip, brotli: x.brotli + y.brotli });

export const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function chromiumVersion() {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

function git(...args) {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

export function machine() {
  const info = fs.readFileSync("/proc/cpuinfo", "utf8");
  const field = (name) => (info.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, "m")) || [])[1];
  const cpu = `${field("model name") || os.cpus()[0]?.model} (family ${field("cpu family")}, model ${field("model")})`;
  return {
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    chromium: chromiumVersion(),
    node: process.version,
    commit: git("rev-parse", "--short", "HEAD"),
    dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    date: new Date().toISOString(),
  };
}

export const fmtUs = (x) =>
  x == null || Number.isNaN(x)
    ? "–"
    : x >= 10000
      ? `${Math.round(x / 1000).toLocaleString("en")} ms`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} ms`
        : `${x >= 100 ? Math.round(x) : x.toFixed(1)} µs`;
export const fmtMs = (x) => (x == null || Number.isNaN(x) ? "–" : x >= 100 ? `${Math.round(x).toLocaleString("en")} ms` : `${x.toFixed(1)} ms`);
export const fmtKB = (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
export const fmtMB = (b) => (b == null || Number.isNaN(b) ? "–" : `${(b / 1024 / 1024).toFixed(2)}`);
const pct = (x) => `${(100 * x).toFixed(1)}`;

export function table(results) {
  const lines = [
    "| entries | engine | overall % | top-1 % | top-3 % | OOS rej. % | p50 | p90 | p99 | ready (median) | JS heap + wasm MB | code+FAQ gzip / br |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of results) {
    const q = r.quality;
    const partial = q.rows < r.rowsTotal ? ` (${q.rows}/${r.rowsTotal} q.)` : "";
    lines.push(
      `| ${r.size.toLocaleString("en")} | ${r.engine} | ${pct(q.overall)}${partial} | ${pct(q.top1)} | ${pct(q.top3)} | ${pct(q.oos)} | ${fmtUs(r.p50)} | ${fmtUs(r.p90)} | ${fmtUs(r.p99)} | ${fmtMs(r.readyMedian)} | ${fmtMB(r.heapMedian)} + ${fmtMB(r.wasmMedian)} | ${fmtKB(r.total.gzip)} / ${fmtKB(r.total.brotli)} |`,
    );
  }
  return lines.join("\n");
}

/** JS heap in use after a full collection, and the bytes of every WebAssembly memory in the page. */
async function memory(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  await cdp.send("Runtime.releaseObject", { objectId: objects.objectId });
  return { heap: usedSize, wasm: result.value };
}

/** The FAQ of each size (generated ones regenerated only when their bytes would change), its pack and its filled script. */
function prepare(a, out) {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
  const shipped = path.join(ROOT, "dist/faq-widget.js");
  if (!fs.existsSync(shipped)) throw new Error("bench: no dist/faq-widget.js (run make dist)");
  const files = {};
  for (const n of a.sizes) {
    let json = path.join(ROOT, "faq.json");
    if (n !== base.entries.length) {
      json = path.join(out, `faq-${n}.json`);
      const text = `${JSON.stringify(generate(base, n, a.seed), null, 1)}\n`;
      if (!fs.existsSync(json) || fs.readFileSync(json, "utf8") !== text) fs.writeFileSync(json, text);
    }
    // The real FAQ: the pack and the script `make dist` built. Others: compiled the same way.
    let pack = path.join(ROOT, "dist/faq.pack");
    let script = shipped;
    if (n !== base.entries.length) {
      const t = Date.now();
      const p = packOf(json, path.join(out, `faq-${n}.pack`));
      pack = p.file;
      console.error(
        `bench: ${n} entries: ${path.relative(ROOT, pack)} ${p.compiledMs == null ? "(cached)" : `compiled in ${((Date.now() - t) / 1000).toFixed(1)} s`}`,
      );
      script = filledScript(pack, path.join(out, `faq-widget-${n}.js`));
    }
    files[n] = { json, pack, script };
  }
  return { base, files };
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // Other work on the machine skews timings: the load average is recorded with the results.
  const loadStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const out = path.resolve(ROOT, a.out);
  fs.mkdirSync(out, { recursive: true });
  const { files } = prepare(a, out);
  const extra = { "/eval/dev.tsv": DEV_TSV };
  for (const n of a.sizes) {
    extra[`/faq/${n}.json`] = files[n].json;
    extra[`/pack/${n}.pack`] = files[n].pack;
    extra[`/script/${n}.js`] = files[n].script;
  }
  const server = await serve(extra);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const rowsTotal =
    fs
      .readFileSync(DEV_TSV, "utf8")
      .split("\n")
      .filter((l) => l.trim()).length - 1;
  const results = [];
  try {
    for (const n of a.sizes) {
      const json = sizes(fs.readFileSync(files[n].json));
      const pack = sizes(fs.readFileSync(files[n].pack));
      const script = sizes(fs.readFileSync(files[n].script));
      for (const engine of a.engines) {
        const runOnce = async (withQueries) => {
          const ctx = await browser.newContext();
          const page = await ctx.newPage();
          page.on("pageerror", (e) => console.error(`[${engine} ${n}] page error: ${e.message}`));
          await page.goto(`${server.origin}/bench/page.html`);
          await page.waitForFunction(() => window.bench);
          const cdp = await ctx.newCDPSession(page);
          const before = withQueries ? null : await memory(cdp);
          const r = await page.evaluate((o) => window.bench.run(o), {
            engine,
            pkg: a.pkg,
            faqUrl: `/faq/${n}.json`,
            packUrl: `/pack/${n}.pack`,
            scriptUrl: `/script/${n}.js`,
            tsvUrl: withQueries ? "/eval/dev.tsv" : null,
            passBudgetMs: a.passBudgetMs,
            budgetMs: a.budgetMs,
            maxRounds: a.maxRounds,
            minBatchUs: a.minBatchUs,
          });
          // Memory once ready, in the cold runs only (the timed pass leaves garbage and warm caches).
          if (before) {
            const after = await memory(cdp);
            r.heap = after.heap - before.heap;
            r.wasm = after.wasm - before.wasm;
          }
          await ctx.close();
          return r;
        };
        const t = Date.now();
        const r = await runOnce(true);
        const cold = [];
        // Fewer cold-start repeats where one start takes seconds.
        const reps = Math.max(1, r.ready > 2000 ? Math.min(2, a.readyRuns - 1) : a.readyRuns - 1);
        for (let i = 0; i < reps; i++) cold.push(await runOnce(false));
        const all = [r, ...cold];
        const code =
          {
            "faq-widget": wireBytes(FILES["faq-widget"].map((f) => f.replace(/^pkg\//, `${a.pkg}/`))),
            "faq-widget-element": script,
          }[engine] || wireBytes(FILES[engine]);
        // What each downloads for this FAQ: the element its one script (the FAQ inside); the engine
        // its package and the pack; the peers their library and the FAQ's JSON.
        const data = engine === "faq-widget-element" ? null : engine === "faq-widget" ? pack : json;
        const row = {
          size: n,
          engine,
          rowsTotal,
          quality: r.quality,
          p50: r.p50,
          p90: r.p90,
          p99: r.p99,
          mean: r.mean,
          samples: r.samples,
          calls: r.calls,
          rounds: r.rounds,
          batch: r.batch,
          firstPassMeanUs: r.firstPassMeanUs,
          isolated: r.isolated,
          firstAnswer: r.firstAnswer,
          ready: all.map((x) => x.ready),
          readyMedian: median(all.map((x) => x.ready)),
          loadMedian: median(all.map((x) => x.load)),
          buildMedian: median(all.map((x) => x.build)),
          firstMedian: median(all.map((x) => x.first)),
          heap: cold.map((x) => x.heap),
          wasm: cold.map((x) => x.wasm),
          heapMedian: median(cold.map((x) => x.heap)),
          wasmMedian: median(cold.map((x) => x.wasm)),
          code,
          data,
          total: data ? add(code, data) : code,
          answers: r.answers,
        };
        results.push(row);
        console.error(
          `bench: ${String(n).padStart(5)} entries  ${engine.padEnd(18)}  overall ${pct(r.quality.overall)}%  p50 ${fmtUs(r.p50)}  p90 ${fmtUs(r.p90)}  p99 ${fmtUs(r.p99)}  ready ${fmtMs(row.readyMedian)}  heap+wasm ${fmtMB(row.heapMedian)}+${fmtMB(row.wasmMedian)} MB  (${r.samples} samples, ${((Date.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const m = { ...machine(), loadavgAtStart: loadStart };
  const md = table(results);
  const doc = { machine: m, options: a, seconds: (Date.now() - started) / 1000, results };
  fs.writeFileSync(path.join(out, "results.json"), `${JSON.stringify(doc, null, 1)}\n`);
  fs.writeFileSync(path.join(out, "table.md"), `${md}\n`);
  if (a.plots) {
    const dir = path.resolve(ROOT, a.plots);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "bench-latency.svg"), plot(results, m));
    fs.writeFileSync(path.join(dir, "bench-costs.svg"), costPlot(results, m));
  }
  console.log(
    `\nMachine: ${m.nproc} cores, ${m.cpu}; ${m.chromium}; node ${m.node}; commit ${m.commit}${m.dirty ? " (modified)" : ""}; load average ${m.loadavgAtStart[0]} at start, ${m.loadavg[0]} at end\n`,
  );
  console.log(md);
  console.log(`\n(${doc.seconds.toFixed(0)} s; details in ${path.relative(ROOT, out)}/results.json${a.plots ? `, plots in ${a.plots}/` : ""})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
