// The benchmark page: loads one engine, builds its index over an FAQ, answers the dev questions
// and times the answers. Driven by bench/run.mjs (one fresh browser context per call of run()).

import { ADAPTERS, parseTsv, score } from "./adapters.mjs";
import { FILES } from "./files.mjs";
import { mulberry32 } from "./prng.mjs";

/** Loads an engine's code; resolves to what its adapter's build() takes. */
async function load(engine, faqUrl, pkgDir = "pkg", dist = "dist") {
  switch (engine) {
    case "fuse":
      return { Fuse: (await import(`/${FILES.fuse[0]}`)).default };
    case "minisearch":
      return { MiniSearch: (await import(`/${FILES.minisearch[0]}`)).default };
    case "flexsearch":
      return (await import(`/${FILES.flexsearch[0]}`)).default;
    case "faq-widget-element":
      return loadDist(faqUrl, dist);
    case "faq-widget": {
      const m = await import(`/${pkgDir}/faq_widget.js`);
      await m.default({ module_or_path: `/${pkgDir}/faq_widget_bg.wasm` });
      return { FaqEngine: m.FaqEngine };
    }
  }
  throw new Error(`unknown engine ${engine}`);
}

/** dist/faq-widget.js: one classic script defining <faq-widget>; faqUrl null = its bundled FAQ. */
async function loadDist(faqUrl, dist) {
  await new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = `/${dist}/faq-widget.js`;
    s.onload = resolve;
    s.onerror = () => reject(new Error("dist/faq-widget.js did not load"));
    document.head.append(s);
  });
  await customElements.whenDefined("faq-widget");
  const el = document.createElement("faq-widget");
  if (faqUrl) el.setAttribute("faq-src", faqUrl);
  document.body.append(el);
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

/** The timing figures of a measured loop, added to `out`. */
function summarize(out, samples, calls, rounds, batch, totalMs) {
  samples.sort((x, y) => x - y);
  return Object.assign(out, {
    samples: samples.length,
    calls,
    rounds,
    batch: Math.round(batch.reduce((x, y) => x + y, 0) / batch.length),
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    mean: (totalMs * 1000) / calls,
  });
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/**
 * One run: load, build, answer every question once (quality; also the first warm-up), then time.
 * opts: { engine, widget, faqUrl, tsvUrl, passBudgetMs, budgetMs, maxRounds, minBatchUs }
 */
async function run(opts) {
  const { engine, faqUrl, tsvUrl } = opts;
  const a = ADAPTERS[engine];
  const t0 = now();
  // The element fetches its own faq-src; the others get the FAQ object fetched in parallel.
  const own = engine === "faq-widget-element";
  const faqP = faqUrl && !own ? fetch(faqUrl).then((r) => r.json()) : Promise.resolve(null);
  const [lib, faq] = await Promise.all([load(engine, own ? faqUrl : null, opts.pkg, opts.dist), faqP]);
  const t1 = now();
  const index = await a.build(lib, faq);
  const t2 = now();
  const out = { engine, ready: t2 - t0, load: t1 - t0, build: t2 - t1, isolated: self.crossOriginIsolated };
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
    const s = first.slice().sort((x, y) => x - y);
    Object.assign(out, {
      samples: s.length,
      batch: 1,
      rounds: 1,
      p50: quantile(s, 0.5),
      p99: quantile(s, 0.99),
      mean: s.reduce((x, y) => x + y, 0) / s.length,
    });
    return out;
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
  return summarize(out, samples, calls, rounds, batch, now() - r0);
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
  return summarize(out, samples, calls, rounds, batch, now() - r0);
}

/** For bench/profile.mjs: load and build only, keeping the index for profile(). */
let kept = null;
async function prepare(opts) {
  const a = ADAPTERS[opts.engine];
  const [lib, faq] = await Promise.all([load(opts.engine, null, opts.pkg), fetch(opts.faqUrl).then((r) => r.json())]);
  kept = { a, lib, faq };
  return faq.entries.length;
}
function buildKept() {
  kept.index = kept.a.build(kept.lib, kept.faq);
}
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

window.bench = { run, prepare, buildKept, askKept };
document.getElementById("status").textContent = "ready";
