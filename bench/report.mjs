#!/usr/bin/env node
// Markdown for BENCHMARKS.md from the last run: the browser table, the native figures and the
// targets, read from bench-results/results.json and bench-results/native.txt.
//
//   node bench/report.mjs [--dir bench-results]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUDGET } from "../scripts/budget.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dir = path.resolve(ROOT, args.includes("--dir") ? args[args.indexOf("--dir") + 1] : "bench-results");
const doc = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
const R = doc.results;
const get = (size, engine) => R.find((r) => r.size === size && r.engine === engine);
const us = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(x >= 100 ? 0 : 1)} µs`);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const PEERS = ["fuse", "minisearch", "flexsearch"];
const out = [];

out.push(fs.readFileSync(path.join(dir, "table.md"), "utf8").trim(), "");

const nativeFile = path.join(dir, "native.txt");
if (fs.existsSync(nativeFile)) {
  out.push(
    "Native (criterion's own estimates are in its output; these are from one engine per size):",
    "",
    "```",
    fs.readFileSync(nativeFile, "utf8").trim(),
    "```",
    "",
  );
}

const sizes = [...new Set(R.map((r) => r.size))].sort((a, b) => a - b);
const small = sizes[0];
const large = sizes[sizes.length - 1];
const el = get(small, "faq-widget-element");
const rows = [["target", "measured", "met"]];
if (el) {
  for (const [kind, limit] of Object.entries(BUDGET)) {
    if (limit) rows.push([`\`dist/faq-widget.js\` ≤ ${kb(limit)} ${kind}`, kb(el.code[kind]), el.code[kind] <= limit ? "yes" : "**no**"]);
  }
}
for (const [size, limit] of [
  [small, 500],
  [large, 5000],
]) {
  for (const eng of ["faq-widget-element", "faq-widget"]) {
    const r = get(size, eng);
    if (r) rows.push([`query p99 < ${us(limit)} at ${size.toLocaleString("en")} entries (${eng})`, us(r.p99), r.p99 < limit ? "yes" : "**no**"]);
  }
}
for (const eng of ["faq-widget-element", "faq-widget"]) {
  const r = get(small, eng);
  if (r)
    rows.push([
      `ready < 30 ms at ${small} entries (${eng})`,
      `${r.readyMedian.toFixed(0)} ms (runs: ${r.ready.map((x) => x.toFixed(0)).join(", ")})`,
      r.readyMedian < 30 ? "yes" : "**no**",
    ]);
}
for (const size of sizes) {
  const best = PEERS.map((p) => get(size, p))
    .filter(Boolean)
    .sort((a, b) => a.p50 - b.p50)[0];
  for (const eng of ["faq-widget-element", "faq-widget"]) {
    const r = get(size, eng);
    if (r && best)
      rows.push([
        `faster than every peer at ${size.toLocaleString("en")} (${eng}, p50)`,
        `${us(r.p50)} vs ${best.engine} ${us(best.p50)}`,
        r.p50 < best.p50 ? "yes" : "**no**",
      ]);
  }
}
out.push(rows.map((r, i) => `| ${r.join(" | ")} |${i === 0 ? "\n|---|---|---|" : ""}`).join("\n"));
console.log(out.join("\n"));
