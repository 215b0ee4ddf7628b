#!/usr/bin/env node
// Where faq-widget's time goes in Chromium: the V8 sampling profiler (CDP Profiler domain) over
// (1) the host page's load with the floating widget (www/index.html and the one script tag),
// (2) the <faq-widget> element's time to ready (script, wasm, index, first answer), and per size
// (3) reading the compiled index (`new FaqEngine(index)`), five times in one page, cold then warm,
// and (4) answering the dev questions. Uses a wasm-bindgen build with function names kept
// (bench-results/pkg-profiling) and a script bundled from it (bench-results/dist-profiling):
// `make bench-profile` builds both.
//
//   node bench/profile.mjs [--sizes 12,10000] [--pkg bench-results/pkg-profiling]
//                          [--dist bench-results/dist-profiling] [--top 25] [--ask-ms 3000] [--only host]
//
// Prints, per phase, the functions with the most self time and the most total (inclusive) time.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { generate } from "./gen-faq.mjs";
import { packOf, ROOT } from "./packs.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const sizes = opt("--sizes", "12,10000").split(",").map(Number);
const pkg = opt("--pkg", "bench-results/pkg-profiling");
const dist = opt("--dist", "bench-results/dist-profiling");
const top = Number(opt("--top", "25"));
const askMs = Number(opt("--ask-ms", "3000"));
// --only host: the host page's load alone.
const only = opt("--only", null);
const OUT = path.join(ROOT, "bench-results");

const base = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const extra = { "/eval/dev.tsv": path.resolve(ROOT, "tests/data/dev.tsv") };
fs.mkdirSync(OUT, { recursive: true });
for (const n of sizes) {
  let pack = path.join(ROOT, "dist/faq.pack");
  if (n !== base.entries.length) {
    const json = path.join(OUT, `faq-${n}.json`);
    if (!fs.existsSync(json)) fs.writeFileSync(json, `${JSON.stringify(generate(base, n, 5), null, 1)}\n`);
    pack = packOf(json, path.join(OUT, `faq-${n}.pack`)).file;
  }
  extra[`/pack/${n}.pack`] = pack;
}
// The host page with the profiling build of the script (www/index.html names generated/faq-widget.js).
const html = fs.readFileSync(path.join(ROOT, "www/index.html"), "utf8");
const host = path.join(OUT, "host-profiling.html");
fs.writeFileSync(host, html.replace('src="generated/faq-widget.js"', `src="/${dist}/faq-widget.js"`).replace('href="site.css"', 'href="/www/site.css"'));
extra["/host-profiling.html"] = host;
const profilingScript = path.join(ROOT, dist, "faq-widget.js");
if (!fs.existsSync(profilingScript)) throw new Error(`bench/profile.mjs: no ${dist}/faq-widget.js (make bench-profile bundles it)`);
const server = await serve(extra);
const origin = server.origin;

/** Self and inclusive time per function name from a CDP CPU profile. */
function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => {
    const u = n.callFrame.url ? path.basename(n.callFrame.url.split("?")[0]) : "";
    // A script's top level and its anonymous functions: named by file and line.
    if (!n.callFrame.functionName && u) return `(anonymous) [${u}:${n.callFrame.lineNumber + 1}]`;
    const f = n.callFrame.functionName || "(anonymous)";
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

function print(title, profile) {
  const s = summarize(profile);
  console.log(`\n=== ${title}; ${s.totalMs.toFixed(1)} ms sampled (idle and "(program)" left out)`);
  console.log("self time:");
  for (const x of s.self) console.log(`  ${x}`);
  console.log("total time (function and what it calls):");
  for (const x of s.incl) console.log(`  ${x}`);
}

async function benchPage(browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${origin}/bench/page.html`);
  await page.waitForFunction(() => window.bench);
  return { ctx, page, cdp: await ctx.newCDPSession(page) };
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  // (1) The host page's load, with the long tasks seen by a PerformanceObserver beside the profile.
  for (const rate of [1, 4]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__longtasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longtasks.push(Math.round(e.duration));
      }).observe({ type: "longtask", buffered: true });
    });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    // A fixed wait, no polling: the driver's own injected scripts would show in the profile.
    await page.goto(`${origin}/host-profiling.html`, { waitUntil: "load" });
    await page.waitForTimeout(3000 * rate);
    const { profile } = await cdp.send("Profiler.stop");
    const tasks = await page.evaluate(() => window.__longtasks);
    print(
      `host page load with the floating widget (www/index.html, ${dist}/faq-widget.js) at ${rate}x CPU; long tasks: ${tasks.join(", ") || "none"} ms`,
      profile,
    );
    await ctx.close();
  }
  // (2) The element's time to ready.
  if (only !== "host") {
    const { ctx, page, cdp } = await benchPage(browser);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    const r = await page.evaluate((o) => window.bench.run(o), { engine: "faq-widget-element", scriptUrl: `/${dist}/faq-widget.js` });
    const { profile } = await cdp.send("Profiler.stop");
    print(
      `<faq-widget> time to ready (${dist}/faq-widget.js, bundled FAQ): ${r.ready.toFixed(1)} ms (script ${r.load.toFixed(1)} ms, first answer ${r.first.toFixed(1)} ms)`,
      profile,
    );
    await ctx.close();
  }
  for (const n of only === "host" ? [] : sizes) {
    // (3) Cold against warm: reading the same index five times in one fresh page.
    {
      const { ctx, page } = await benchPage(browser);
      const r = await page.evaluate((o) => window.bench.run(o), { engine: "faq-widget", pkg, packUrl: `/pack/${n}.pack` });
      const t = [];
      for (let i = 0; i < 5; i++) t.push((await page.evaluate(() => window.bench.buildKept())).toFixed(2));
      console.log(
        `\n=== faq-widget, ${n} entries: ready ${r.ready.toFixed(1)} ms (code + pack ${r.load.toFixed(1)} ms, new FaqEngine(index) ${r.build.toFixed(2)} ms, first answer ${r.first.toFixed(2)} ms); new FaqEngine(index) five more times in the same page: ${t.join(", ")} ms`,
      );
      await ctx.close();
    }
    // (4) Profiles of reading the index and of answering.
    const { ctx, page, cdp } = await benchPage(browser);
    await page.evaluate((o) => window.bench.run(o), { engine: "faq-widget", pkg, packUrl: `/pack/${n}.pack` });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    for (const phase of ["read the index", "ask"]) {
      await cdp.send("Profiler.start");
      const t = Date.now();
      const v =
        phase === "ask"
          ? await page.evaluate(([u, ms]) => window.bench.askKept(u, ms), ["/eval/dev.tsv", askMs])
          : await page.evaluate(async () => {
              let ms = 0;
              for (let i = 0; i < 20; i++) ms += await window.bench.buildKept();
              return ms / 20;
            });
      const { profile } = await cdp.send("Profiler.stop");
      print(
        `faq-widget ${phase}, ${n} entries (${Date.now() - t} ms wall): ${phase === "ask" ? `${v.toFixed(1)} µs per question` : `${v.toFixed(2)} ms per read, 20 reads`}`,
        profile,
      );
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
