#!/usr/bin/env node
// Markdown from the last benchmark run (bench-results/): the browser table, faq-widget's ratios to
// each peer, the targets of issue 12 with met / not met, the host page's long tasks and the native
// figures. Read from results.json, longtasks.json and native.txt.
//
//   node bench/report.mjs [--dir bench-results] [--write BENCHMARKS.md]
//
// --write replaces what stands between <!-- RESULTS:BEGIN --> and <!-- RESULTS:END --> in that
// file (make bench-figures); otherwise the Markdown goes to stdout.
import fs from "node:fs";
import path from "node:path";
import { longtaskTable } from "./longtasks.mjs";
import { ROOT } from "./packs.mjs";
import { fmtKB, fmtMs, fmtUs, table } from "./run.mjs";

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const dir = path.resolve(ROOT, opt("--dir", "bench-results"));
const write = opt("--write", null);

const PEERS = ["fuse", "minisearch", "flexsearch"];
const OURS = ["faq-widget-element", "faq-widget"];
const NAMES = { fuse: "Fuse.js", minisearch: "MiniSearch", flexsearch: "FlexSearch", "faq-widget-element": "element", "faq-widget": "engine" };

/** The Markdown report of the results in `dir`. */
export function report(dir) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
  const R = doc.results;
  const m = doc.machine;
  const get = (size, engine) => R.find((r) => r.size === size && r.engine === engine);
  const sizes = [...new Set(R.map((r) => r.size))].sort((a, b) => a - b);
  const small = sizes[0];
  const out = [];
  const mem = (r) => (r.heapMedian || 0) + (r.wasmMedian || 0);
  // Below 0.1×, as a fraction: 1/2,000 reads better than 0.0005×.
  const ratio = (a, b) => {
    if (a == null || b == null || !b || Number.isNaN(a / b)) return "–";
    const r = a / b;
    return r < 0.1 ? `1/${Math.round(1 / r).toLocaleString("en")}` : `${r.toFixed(2)}×`;
  };

  out.push(
    `Run of ${m.date.slice(0, 10)} at commit \`${m.commit}\`${m.dirty ? " (with local changes)" : ""}: ${m.nproc} cores, ${m.cpu}; ${m.chromium}; Node ${m.node}; load average ${m.loadavgAtStart?.[0]} at the start and ${m.loadavg[0]} at the end; ${Math.round(doc.seconds)} s.`,
    "",
    table(R),
    "",
  );

  // Ratios: faq-widget's figure divided by the peer's (below 1 = faq-widget lower, i.e. better).
  out.push(
    "**Ratios**, faq-widget's figure over the peer's, measured in the same run (below 1× = faq-widget is lower, i.e. better):",
    "",
    "| entries | faq-widget row | vs | ready | p50 | p90 | p99 | bytes gzip | memory |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const size of sizes) {
    for (const ours of OURS) {
      const o = get(size, ours);
      if (!o) continue;
      for (const peer of PEERS) {
        const p = get(size, peer);
        if (!p) continue;
        out.push(
          `| ${size.toLocaleString("en")} | ${NAMES[ours]} | ${NAMES[peer]} | ${ratio(o.readyMedian, p.readyMedian)} | ${ratio(o.p50, p.p50)} | ${ratio(o.p90, p.p90)} | ${ratio(o.p99, p.p99)} | ${ratio(o.total.gzip, p.total.gzip)} | ${ratio(mem(o), mem(p))} |`,
        );
      }
    }
  }
  out.push("");

  // The targets of issue 12: each a comparison within this run.
  const rows = [];
  const below = (ours, size, metric, peers) => {
    const o = get(size, ours);
    const ps = peers.map((p) => get(size, p)).filter(Boolean);
    if (!o || !ps.length) return;
    const f = metric === "readyMedian" ? fmtMs : fmtUs;
    const worst = ps.filter((p) => !(o[metric] < p[metric]));
    const name = metric === "readyMedian" ? "ready" : metric;
    const whom = peers.length === PEERS.length ? "every peer's" : `${peers.map((p) => NAMES[p]).join("'s and ")}'s`;
    rows.push([
      `${size.toLocaleString("en")} entries: ${name} below ${whom} (${NAMES[ours]})`,
      `${f(o[metric])} vs ${ps.map((p) => `${NAMES[p.engine]} ${f(p[metric])}`).join(", ")}`,
      worst.length ? `**no** (${worst.map((p) => NAMES[p.engine]).join(", ")})` : "yes",
    ]);
  };
  for (const ours of OURS) {
    for (const size of sizes) {
      if (size === small) {
        for (const metric of ["readyMedian", "p50", "p90"]) below(ours, size, metric, PEERS);
      } else {
        for (const metric of ["p50", "p99"]) below(ours, size, metric, PEERS);
        below(ours, size, "readyMedian", ["minisearch", "flexsearch"]);
      }
    }
  }
  const ltFile = path.join(dir, "longtasks.json");
  const lt = fs.existsSync(ltFile) ? JSON.parse(fs.readFileSync(ltFile, "utf8")) : null;
  if (lt) {
    for (const g of lt.groups.filter((g) => g.size === small)) {
      // Every long-task entry is a task over 50 ms (its duration may round to 50).
      const longest = Math.max(...g.runs.map((r) => r.load.longest));
      const count = g.runs.filter((r) => r.load.count > 0).length;
      rows.push([
        `no task over 50 ms on the host page's load at ${g.rate}× CPU (${small} entries)`,
        count ? `longest ${Math.round(longest)} ms; a long task in ${count} of ${g.runs.length} loads` : `none in ${g.runs.length} loads`,
        count ? "**no**" : "yes",
      ]);
    }
  }
  out.push("**Targets** (issue 12):", "", "| target | measured | met |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`), "");

  if (lt) {
    out.push(
      `**The host page's long tasks** (\`bench/longtasks.mjs\`: www/index.html with its one script tag, a PerformanceObserver for \`longtask\` installed before the page's scripts; "load" runs until the page has been idle ${lt.quietMs / 1000} s; "open + first answer" is a click on the launcher, "${lt.question}" typed key by key and Enter):`,
      "",
      longtaskTable(lt),
      "",
    );
  }
  const el = get(small, "faq-widget-element");
  if (el)
    out.push(`\`dist/faq-widget.js\` with the real FAQ inside: ${fmtKB(el.code.raw)} raw, ${fmtKB(el.code.gzip)} gzip, ${fmtKB(el.code.brotli)} brotli.`, "");

  const nativeFile = path.join(dir, "native.txt");
  if (fs.existsSync(nativeFile))
    out.push("Native engine (`make bench-native`, `benches/engine.rs`):", "", "```", fs.readFileSync(nativeFile, "utf8").trim(), "```", "");
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = report(dir);
  if (write) {
    const file = path.resolve(ROOT, write);
    const text = fs.readFileSync(file, "utf8");
    const a = text.indexOf("<!-- RESULTS:BEGIN -->");
    const b = text.indexOf("<!-- RESULTS:END -->");
    if (a < 0 || b < a) throw new Error(`${write}: no <!-- RESULTS:BEGIN --> … <!-- RESULTS:END --> block`);
    fs.writeFileSync(
      file,
      `${text.slice(0, a)}<!-- RESULTS:BEGIN -->\n<!-- Written by make bench-figures (bench/report.mjs) from bench-results/. -->\n${md}\n${text.slice(b)}`,
    );
    console.error(`report: ${write} updated`);
  } else {
    console.log(md);
  }
}
