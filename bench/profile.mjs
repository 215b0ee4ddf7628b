#!/usr/bin/env node
// Where faq-widget's time goes in Chromium: the V8 sampling profiler (CDP Profiler domain) over
// (1) building the engine from the FAQ object and (2) answering the dev questions, at each size.
// Uses a wasm-pack --profiling build (function names kept) from bench-results/pkg-profiling.
//
//   node bench/profile.mjs [--sizes 12,10000] [--pkg bench-results/pkg-profiling] [--top 25]
//
// Prints, per phase, the functions with the most self time and the most total (inclusive) time.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { generate } from "./gen-faq.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const sizes = opt("--sizes", "12,10000").split(",").map(Number);
const pkg = opt("--pkg", "bench-results/pkg-profiling");
const top = Number(opt("--top", "25"));
const askMs = Number(opt("--ask-ms", "3000"));
// A dist/faq-widget.js bundled from the named wasm (scripts/bundle.mjs --pkg PKG --out DIST), to
// profile the shipped widget's time to ready.
const dist = opt("--dist", null);

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
const base = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const files = { "/eval/dev.tsv": path.resolve(ROOT, "tests/data/dev.tsv") };
for (const n of sizes) {
  const f = n === base.entries.length ? path.join(ROOT, "faq.json") : path.join(ROOT, `bench-results/faq-${n}.json`);
  if (!fs.existsSync(f)) fs.writeFileSync(f, `${JSON.stringify(generate(base, n, 5), null, 1)}\n`);
  files[`/faq/${n}.json`] = f;
}
const server = http.createServer((req, res) => {
  const p = new URL(req.url, "http://x").pathname;
  const f = files[p] || path.join(ROOT, decodeURIComponent(p));
  if (!f.startsWith(ROOT) && !Object.values(files).includes(f)) return res.writeHead(404).end();
  if (!fs.existsSync(f)) return res.writeHead(404).end();
  res.writeHead(200, {
    "content-type": TYPES[path.extname(f)] || "application/octet-stream",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  });
  fs.createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Self and inclusive time per function name from a CDP CPU profile. */
function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame.functionName || "(anonymous)";
    const u = n.callFrame.url ? path.basename(n.callFrame.url.split("?")[0]) : "";
    return f.startsWith("(") ? f : `${f}${u && !u.endsWith(".wasm") && !f.includes("::") ? ` [${u}]` : ""}`;
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] || 0;
    const n = byId.get(id);
    if (n.callFrame.functionName === "(idle)" || n.callFrame.functionName === "(program)") return;
    total += dt;
    self.set(name(n), (self.get(name(n)) || 0) + dt);
    const seen = new Set();
    for (let cur = id; cur != null; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) || 0) + dt);
    }
  });
  const rows = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  return { totalMs: total / 1000, self: rows(self), incl: rows(incl.set("(root)", 0)) };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  if (dist) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${origin}/bench/page.html`);
    await page.waitForFunction(() => window.bench);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    const r = await page.evaluate((o) => window.bench.run(o), { engine: "faq-widget-element", dist, faqUrl: null, tsvUrl: null });
    const { profile } = await cdp.send("Profiler.stop");
    const s = summarize(profile);
    console.log(
      `\n=== <faq-widget> time to ready (${dist}/faq-widget.js, bundled FAQ): ${r.ready.toFixed(1)} ms (script ${r.load.toFixed(1)} ms, first answer ${r.build.toFixed(1)} ms), ${s.totalMs.toFixed(1)} ms sampled`,
    );
    console.log("self time:");
    for (const x of s.self) console.log(`  ${x}`);
    console.log("total time (function and what it calls):");
    for (const x of s.incl) console.log(`  ${x}`);
    await ctx.close();
  }
  for (const n of sizes) {
    // Cold against warm: the same build five times in one fresh page.
    {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${origin}/bench/page.html`);
      await page.waitForFunction(() => window.bench);
      await page.evaluate((o) => window.bench.prepare(o), { engine: "faq-widget", pkg, faqUrl: `/faq/${n}.json` });
      const t = await page.evaluate(() => {
        const out = [];
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          window.bench.buildKept();
          out.push((performance.now() - s).toFixed(1));
        }
        return out;
      });
      console.log(`\n=== faq-widget build, ${n} entries, five times in one page: ${t.join(", ")} ms (the first runs cold wasm code)`);
      await ctx.close();
    }
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${origin}/bench/page.html`);
    await page.waitForFunction(() => window.bench);
    await page.evaluate((o) => window.bench.prepare(o), { engine: "faq-widget", pkg, faqUrl: `/faq/${n}.json` });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    for (const phase of ["build", "ask"]) {
      await cdp.send("Profiler.start");
      const t = Date.now();
      const perQ =
        phase === "build"
          ? await page.evaluate(() => window.bench.buildKept())
          : await page.evaluate(([u, ms]) => window.bench.askKept(u, ms), ["/eval/dev.tsv", askMs]);
      const { profile } = await cdp.send("Profiler.stop");
      const s = summarize(profile);
      console.log(
        `\n=== faq-widget ${phase}, ${n} entries: ${s.totalMs.toFixed(1)} ms sampled (${Date.now() - t} ms wall)${phase === "ask" ? `, ${perQ.toFixed(1)} µs per question` : ""}`,
      );
      console.log("self time:");
      for (const r of s.self) console.log(`  ${r}`);
      console.log("total time (function and what it calls):");
      for (const r of s.incl) console.log(`  ${r}`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
