// The benchmark page: loads one engine and its FAQ, makes it ready to answer, answers the dev
// questions and times the answers. Driven by bench/run.mjs (one fresh browser context per call of
// run()).
//
// What each engine gets: faq-widget the compiled FAQ that `faq compile` made before the browser
// started (the pack: the FAQ's texts and the binary index), as `make dist` makes it; the element
// its script with that pack inside (dist/faq-widget.js at 12 entries, the same template filled at
// 1,000 and 10,000); the peers the FAQ's JSON, from which they build their index in the page.

import { ADAPTERS, parseTsv, score } from "./adapters.mjs";
import { FILES } from "./files.mjs";
import { mulberry32 } from "./prng.mjs";

/** The question every engine answers first: "ready" ends with its answer. */
export const FIRST_QUESTION = "como pago mi factura";

/** Loads an engine's code and its FAQ; resolves to what its adapter's build() takes. */
async function load(opts) {
  const { engine } = opts;
  const json = () => fetch(opts.faqUrl).then((r) => r.json());
  switch (engine) {
    case "fuse": {
      const [m, faq] = await Promise.all([import(`/${FILES.fuse[0]}`), json()]);
      return { lib: { Fuse: m.default }, faq };
    }
    case "minisearch": {
      const [m, faq] = await Promise.all([import(`/${FILES.minisearch[0]}`), json()]);
      return { lib: { MiniSearch: m.default }, faq };
    }
    case "flexsearch": {
      const [m, faq] = await Promise.all([import(`/${FILES.flexsearch[0]}`), json()]);
      return { lib: m.default, faq };
    }
    case "faq-widget-element":
      return { lib: await loadScript(opts.scriptUrl), faq: null };
    case "faq-widget": {
      const pkg = opts.pkg || "pkg";
      const code = (async () => {
        const m = await import(`/${pkg}/faq_widget.js`);
        await m.default({ module_or_path: `/${pkg}/faq_widget_bg.wasm` });
        return m;
      })();
      // The widget's own reader of packs (www/src/publish.js): JSON, then the index from base64.
      const [m, publish, text] = await Promise.all([code, import("/www/src/publish.js"), fetch(opts.packUrl).then((r) => r.text())]);
      return { lib: { FaqEngine: m.FaqEngine }, faq: publish.readPack(text) };
    }
  }
  throw new Error(`unknown engine ${engine}`);
}

/**
 * The widget's one classic script, as a page embeds it: a <faq-widget> (floating, the default)
 * already in the page, then the script tag. Resolves to the element once the script has run.
 */
async function loadScript(src) {
  const el = document.createElement("faq-widget");
  document.body.append(el);
  await new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(s);
  });
  await customElements.whenDefined("faq-widget");
  return { element: el };
}

const now = () => performance.now();

function shuffled(list, seed) {
  const rnd = mulberry32(seed);
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** p50, p90, p99 and the mean (µs) of `samples`, added to `out`. */
function summarize(out, samples, extra) {
  const s = samples.slice().sort((x, y) => x - y);
  return Object.assign(out, { samples: s.length, p50: quantile(s, 0.5), p90: quantile(s, 0.9), p99: quantile(s, 0.99) }, extra);
}

/** What run() made ready, kept alive for bench/run.mjs's memory reading and bench/profile.mjs. */
let kept = null;

/**
 * One run: load, build, first answer (= ready); then, with tsvUrl, answer every question once
 * (quality; also the first warm-up), then time.
 * opts: { engine, faqUrl, packUrl, scriptUrl, pkg, tsvUrl, passBudgetMs, budgetMs, maxRounds, minBatchUs }
 */
async function run(opts) {
  const { engine, tsvUrl } = opts;
  const a = ADAPTERS[engine];
  const t0 = now();
  const { lib, faq } = await load(opts);
  const t1 = now();
  const index = await a.build(lib, faq);
  const t2 = now();
  const firstAnswer = await a.ask(index, FIRST_QUESTION);
  const t3 = now();
  // The index and what shows an answer (the FAQ's texts) stay alive, as in a widget.
  kept = { a, lib, faq, index };
  const out = { engine, ready: t3 - t0, load: t1 - t0, build: t2 - t1, first: t3 - t2, firstAnswer, isolated: self.crossOriginIsolated };
  if (!tsvUrl) return out;

  // One fixed shuffled order (seeded) for every engine, so that a slow engine that runs out of
  // time is scored on a random sample of the questions, not on the first rows of the file.
  const cases = shuffled(parseTsv(await (await fetch(tsvUrl)).text()), 5);
  const ask = (q) => a.ask(index, q);
  if (a.async) return timeAsync(out, cases, ask, opts);
  // Pass 1, in a fixed order: the answers (quality) and one timed call per question. A slow
  // engine may run out of passBudgetMs; then quality is over the questions it got to.
  const answers = [];
  const first = [];
  const p0 = now();
  for (const c of cases) {
    if (answers.length >= 3 && now() - p0 > opts.passBudgetMs) break;
    const s = now();
    answers.push(ask(c.query));
    first.push((now() - s) * 1000);
  }
  const done = cases.slice(0, answers.length);
  out.quality = score(done, answers);
  out.answers = Object.fromEntries(done.map((c, i) => [c.query, answers[i]]));
  const passMs = now() - p0;
  out.firstPassMeanUs = (passMs * 1000) / answers.length;

  // Slow engines (a whole pass over budget): the pass-1 calls are the samples.
  if (answers.length < cases.length || passMs * 3 > opts.budgetMs) {
    return summarize(out, first, { batch: 1, rounds: 1, calls: first.length, mean: first.reduce((x, y) => x + y, 0) / first.length });
  }
  // Warm-up: two more passes; each question's own cost sets its batch size so that one timed
  // batch lasts at least minBatchUs (the browser's clock ticks in 5 µs when cross-origin isolated).
  const cost = new Array(done.length).fill(0);
  for (let pass = 0; pass < 2; pass++) {
    done.forEach((c, i) => {
      let n = 0;
      const s = now();
      do {
        ask(c.query);
        n++;
      } while (now() - s < 1 && n < 200);
      cost[i] = ((now() - s) * 1000) / n;
    });
  }
  const batch = cost.map((us) => Math.max(1, Math.min(1000, Math.ceil(opts.minBatchUs / Math.max(us, 0.05)))));
  const samples = [];
  let calls = 0;
  let rounds = 0;
  const r0 = now();
  while (rounds < opts.maxRounds && (rounds === 0 || now() - r0 < opts.budgetMs)) {
    done.forEach((c, i) => {
      const k = batch[i];
      const s = now();
      for (let j = 0; j < k; j++) ask(c.query);
      samples.push(((now() - s) * 1000) / k);
      calls += k;
    });
    rounds++;
  }
  const meanBatch = Math.round(batch.reduce((x, y) => x + y, 0) / batch.length);
  return summarize(out, samples, { calls, rounds, batch: meanBatch, mean: ((now() - r0) * 1000) / calls });
}

/** The same measurement for an async API (one awaited call at a time). */
async function timeAsync(out, cases, ask, opts) {
  const answers = [];
  const p0 = now();
  for (const c of cases) {
    if (answers.length >= 3 && now() - p0 > opts.passBudgetMs) break;
    answers.push(await ask(c.query));
  }
  out.quality = score(cases.slice(0, answers.length), answers);
  out.answers = Object.fromEntries(cases.slice(0, answers.length).map((c, i) => [c.query, answers[i]]));
  out.firstPassMeanUs = ((now() - p0) * 1000) / answers.length;
  const done = cases.slice(0, answers.length);
  const cost = [];
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < done.length; i++) {
      let n = 0;
      const s = now();
      do {
        await ask(done[i].query);
        n++;
      } while (now() - s < 1 && n < 200);
      cost[i] = ((now() - s) * 1000) / n;
    }
  }
  const batch = cost.map((us) => Math.max(1, Math.min(1000, Math.ceil(opts.minBatchUs / Math.max(us, 0.05)))));
  const samples = [];
  let calls = 0;
  let rounds = 0;
  const r0 = now();
  while (rounds < opts.maxRounds && (rounds === 0 || now() - r0 < opts.budgetMs)) {
    for (let i = 0; i < done.length; i++) {
      const k = batch[i];
      const s = now();
      for (let j = 0; j < k; j++) await ask(done[i].query);
      samples.push(((now() - s) * 1000) / k);
      calls += k;
    }
    rounds++;
  }
  const meanBatch = Math.round(batch.reduce((x, y) => x + y, 0) / batch.length);
  return summarize(out, samples, { calls, rounds, batch: meanBatch, mean: ((now() - r0) * 1000) / calls });
}

/** For bench/profile.mjs: builds the kept engine again from what load() gave (ms). */
async function buildKept() {
  const s = now();
  kept.index = await kept.a.build(kept.lib, kept.faq);
  return now() - s;
}

/** For bench/profile.mjs: answers the dev questions for `ms` milliseconds; µs per question. */
async function askKept(tsvUrl, ms) {
  const cases = parseTsv(await (await fetch(tsvUrl)).text());
  const s = now();
  let n = 0;
  while (now() - s < ms) {
    for (const c of cases) {
      kept.a.ask(kept.index, c.query);
      n++;
    }
  }
  return ((now() - s) * 1000) / n;
}

window.bench = { run, buildKept, askKept, kept: () => kept };
document.getElementById("status").textContent = "ready";
