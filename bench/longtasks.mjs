#!/usr/bin/env node
// What the host page pays for the widget: long tasks (over 50 ms) on a page that embeds the
// floating widget with its one script tag, as www/index.html does, in headless Chromium at 1x and
// at 4x CPU throttling (CDP Emulation.setCPUThrottlingRate).
//
//   node bench/longtasks.mjs [--sizes 12,1000,10000] [--rates 1,4] [--runs 5] [--out bench-results]
//
// Each run is a fresh browser context. A PerformanceObserver({type: "longtask", buffered: true}),
// installed before any of the page's scripts (an init script), records every long task. Phases:
//
//   load    from navigation until the page is idle: after the load event, the launcher in the
//           page, and no long task for QUIET_MS (with at least one requestIdleCallback passed),
//           so work the widget defers to idle time is counted too
//   open    the user opens the panel (a click on the launcher), types a question key by key and
//           presses Enter, until the reply is shown and the page is quiet again
//
// The same page without the script tag is measured too ("host page alone"): what the page costs
// by itself. It reports what the widget does, whatever that is; nothing fails on a figure.
// Writes OUT/longtasks.json and prints a Markdown table.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { generate } from "./gen-faq.mjs";
import { filledScript, packOf, ROOT } from "./packs.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const SIZES = opt("--sizes", "12,1000,10000").split(",").map(Number);
const RATES = opt("--rates", "1,4").split(",").map(Number);
const RUNS = Number(opt("--runs", "5"));
const OUT = path.resolve(ROOT, opt("--out", "bench-results"));
const QUIET_MS = 2000;
const QUESTION = "como pago mi factura";

/** The host page (www/index.html), and the same page without its one script tag. */
function pages() {
  const html = fs.readFileSync(path.join(ROOT, "www/index.html"), "utf8");
  const tag = '<script src="generated/faq-widget.js"></script>';
  if (!html.includes(tag)) throw new Error(`www/index.html no longer embeds ${tag}`);
  const bare = path.join(OUT, "host-alone.html");
  fs.writeFileSync(bare, html.replace(tag, ""));
  return { bare };
}

/** The widget's script for `n` entries: the shipped one for the real FAQ, else filled from a compiled pack. */
function scriptFor(n) {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
  if (n === base.entries.length) return path.join(ROOT, "dist/faq-widget.js");
  const json = path.join(OUT, `faq-${n}.json`);
  if (!fs.existsSync(json)) fs.writeFileSync(json, `${JSON.stringify(generate(base, n, 5), null, 1)}\n`);
  const { file } = packOf(json, path.join(OUT, `faq-${n}.pack`));
  return filledScript(file, path.join(OUT, `faq-widget-${n}.js`));
}

// Runs in the page before its scripts.
function observe() {
  const tasks = [];
  window.__longtasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration, attribution: (e.attribution || []).map((a) => a.containerType) });
  }).observe({ type: "longtask", buffered: true });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until no long task for QUIET_MS after `since` (page time), with one idle callback passed; gives up after capMs. */
async function settle(page, since, capMs) {
  const t = Date.now();
  for (;;) {
    const s = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestIdleCallback(() => resolve({ now: performance.now(), last: Math.max(0, ...window.__longtasks.map((x) => x.start + x.duration)) }), {
            timeout: 5000,
          }),
        ),
    );
    if (s.now - Math.max(since, s.last) >= QUIET_MS) return true;
    if (Date.now() - t > capMs) return false;
    await sleep(250);
  }
}

/** Every long-task entry is a task over 50 ms by definition (its duration is rounded, so it may read 50). */
function summary(tasks) {
  return {
    count: tasks.length,
    longest: tasks.reduce((m, x) => Math.max(m, x.duration), 0),
    blocking: tasks.reduce((s, x) => s + Math.max(0, x.duration - 50), 0),
    tasks,
  };
}

async function once(browser, origin, url, rate, widget) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(observe);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}${url}`, { waitUntil: "load" });
  const loadEnd = await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? performance.now());
  let launcherAt = null;
  if (widget) {
    await page.waitForFunction(() => document.querySelector("faq-widget")?.shadowRoot?.querySelector(".launcher"), null, { timeout: 60000 });
    launcherAt = await page.evaluate(() => performance.now());
  }
  const quiet = await settle(page, Math.max(loadEnd, launcherAt ?? 0), 30000 * rate);
  const load = summary(await page.evaluate(() => window.__longtasks.slice()));
  const r = { rate, loadEnd, launcherAt, quiet, load, errors };
  if (widget) {
    // The first use: open the panel, type the question key by key (suggestions each time), Enter.
    const from = await page.evaluate(() => performance.now());
    const w = page.locator("faq-widget");
    // At 10,000 entries and 4x, each key's suggestions take seconds: no time limit but the page's own.
    const timeout = 0;
    await w.locator(".launcher").click({ timeout });
    await w.locator("input.query").pressSequentially(QUESTION, { delay: 30, timeout });
    await w.locator("input.query").press("Enter", { timeout });
    // Any reply (an answer, "which one?", no answer, the contacts) shows a view title.
    await w.locator(".view-title").first().waitFor({ timeout });
    const answerAt = await page.evaluate(() => performance.now());
    r.reply = (await w.locator(".view-title").first().textContent()).trim();
    await settle(page, answerAt, 30000 * rate);
    r.open = summary(await page.evaluate((t) => window.__longtasks.filter((x) => x.start >= t), from));
    r.openToAnswerMs = answerAt - from;
  }
  await ctx.close();
  return r;
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function longtaskTable(doc) {
  // A page with no task over 50 ms has no long-task entry at all: "none" then.
  const ms = (x) => (x == null ? "–" : x === 0 ? "none" : `${Math.round(x).toLocaleString("en")} ms`);
  const lines = [
    "| page | CPU | loads with a long task | load: longest task, median (max) | load: long tasks per load, median (max) | load: blocking time (sum over 50 ms), median | open + first answer: longest task, median (max) |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const g of doc.groups) {
    const L = g.runs.map((r) => r.load);
    const O = g.runs.filter((r) => r.open).map((r) => r.open);
    lines.push(
      `| ${g.page} | ${g.rate}× | ${L.filter((x) => x.count > 0).length} of ${L.length} | ${ms(median(L.map((x) => x.longest)))} (${ms(Math.max(...L.map((x) => x.longest)))}) | ${median(L.map((x) => x.count))} (${Math.max(...L.map((x) => x.count))}) | ${Math.round(median(L.map((x) => x.blocking)))} ms | ${O.length ? `${ms(median(O.map((x) => x.longest)))} (${ms(Math.max(...O.map((x) => x.longest)))})` : "–"} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { bare } = pages();
  const extra = { "/host-alone.html": bare };
  for (const n of SIZES) extra[`/generated-${n}/faq-widget.js`] = scriptFor(n);
  // The host page as www/index.html, whose script tag names generated/faq-widget.js: one copy of
  // the page per size, pointing at that size's script.
  const html = fs.readFileSync(path.join(ROOT, "www/index.html"), "utf8");
  for (const n of SIZES) {
    const f = path.join(OUT, `host-${n}.html`);
    fs.writeFileSync(f, html.replace('src="generated/faq-widget.js"', `src="generated-${n}/faq-widget.js"`));
    extra[`/host-${n}.html`] = f;
  }
  const server = await serve(extra, { isolated: false, root: path.join(ROOT, "www") });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const groups = [];
  try {
    // The first page of a new browser pays for starting its renderer: one run, not counted.
    await once(browser, server.origin, "/host-alone.html", 1, false);
    for (const rate of RATES) {
      const plan = [{ page: "host page alone (www/index.html without the script)", url: "/host-alone.html", widget: false }];
      for (const n of SIZES) plan.push({ page: `host page + faq-widget, ${n.toLocaleString("en")} entries`, url: `/host-${n}.html`, widget: true, size: n });
      for (const p of plan) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          try {
            runs.push(await once(browser, server.origin, p.url, rate, p.widget));
          } catch (e) {
            console.error(`longtasks: ${p.page} at ${rate}x, run ${i + 1}: ${e.message.split("\n")[0]}`);
          }
        }
        if (!runs.length) continue;
        groups.push({ ...p, rate, runs });
        const L = runs.map((r) => r.load);
        console.error(
          `longtasks: ${p.page} at ${rate}x: load longest ${L.map((x) => Math.round(x.longest)).join(", ")} ms; > 50 ms: ${L.map((x) => x.count).join(", ")}${runs[0].open ? `; open+answer longest ${runs.map((r) => Math.round(r.open.longest)).join(", ")} ms` : ""}${runs.some((r) => r.errors.length) ? `; page errors: ${runs.flatMap((r) => r.errors).join("; ")}` : ""}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const doc = { date: new Date().toISOString(), quietMs: QUIET_MS, question: QUESTION, groups };
  fs.writeFileSync(path.join(OUT, "longtasks.json"), `${JSON.stringify(doc, null, 1)}\n`);
  console.log(longtaskTable(doc));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
