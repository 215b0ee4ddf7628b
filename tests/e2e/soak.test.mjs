// Long days on the kiosk: one kiosk page (dist/kiosk.html from disk, network off) takes
// SOAK_QUESTIONS questions (default 20,000; `make soak`: 100,000) built from tests/data/dev.tsv
// with variations (accents dropped, upper case, typos, half-typed, unique words, emoji, over-long).
// Three out of four go through element.ask(), one in four (in runs of 8, every kind of variation)
// through the search box (input event and
// form submit: suggestions and the answer view rendered), every 1,000th is typed with real
// keystrokes, and the kiosk's idle reset runs several times. Memory must stay flat: after the
// warm-up the WebAssembly memory must not grow at all, and the JS heap after a forced GC must grow
// by less than SOAK_HEAP_BUDGET bytes (default 2 MB); DOM nodes and listeners must not pile up.
// Answers must stay the same all day (each exact dev question answers as it did the first time).
// Also: the idle reset leaves nothing of what the last person typed, anywhere the page can keep it
// (the staff counts keep unanswered questions only, masked: kiosk-touch.test.mjs checks them).
// Run: make test-browser-hardening (short), make soak (long); figures go to target/soak-browser.json.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, launch, ROOT, watch } from "./lib.mjs";

const N = Number(process.env.SOAK_QUESTIONS || 20000);
const HEAP_BUDGET = Number(process.env.SOAK_HEAP_BUDGET || 2 * 1024 * 1024);
const BATCH = 1000; // questions per batch; the last of each batch is typed with real keystrokes
const UI_EVERY = 4; // one question in UI_EVERY goes through the search box
const IDLE = 2; // kiosk idle reset, seconds
const DEV = path.resolve(ROOT, "tests/data/dev.tsv");
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
const W = "faq-widget";
const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));

let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, "kiosk.html")), "run make dist first");
  assert.ok(N >= 5 * BATCH && N % BATCH === 0, `SOAK_QUESTIONS must be a multiple of ${BATCH}, at least ${5 * BATCH}`);
  // Exact (not bucketed) performance.memory figures.
  browser = await launch(["--enable-precise-memory-info"]);
});
after(async () => browser?.close());

function devQueries() {
  const lines = fs
    .readFileSync(DEV, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = lines.shift().split("\t");
  const q = header.indexOf("query");
  assert.ok(q >= 0, "dev.tsv has a query column");
  return lines.map((l) => l.split("\t")[q]).filter(Boolean);
}

/** Seeded PRNG (mulberry32): the same run every time. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fold = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Question number i: a dev query, as is (kind 0) or varied the way people type. */
function question(queries, i, rand) {
  const q = queries[i % queries.length];
  const kind = i % 8; // 8 and the number of dev questions share no factor: every question gets every kind
  switch (kind) {
    case 0:
      return { q, exact: true };
    case 1:
      return { q: fold(q) };
    case 2:
      return { q: q.toUpperCase() };
    case 3: {
      // Two neighbouring letters swapped.
      const k = Math.floor(rand() * Math.max(1, q.length - 1));
      return { q: q.slice(0, k) + (q[k + 1] ?? "") + q[k] + q.slice(k + 2) };
    }
    case 4:
      // Half-typed.
      return { q: q.slice(0, Math.max(3, Math.floor(q.length * rand()))) };
    case 5:
      // A word nobody used before: a cache keyed by the question would grow.
      return { q: `${q} ref${i.toString(36)}${Math.floor(rand() * 1e6).toString(36)}` };
    case 6:
      return { q: `porfaaa ${q.replace(/[aeiou]/g, (v) => (rand() < 0.2 ? v + v + v : v))} !!! 🙏😡` };
    default:
      // Now and then far over the engine's limit (cut, and said so); otherwise a polite ending.
      return { q: i % 56 === 7 ? `${q} ${"ñandú ".repeat(250)}` : `${q}, gracias` };
  }
}

/** Captures every WebAssembly memory the page creates (test only: the widget exposes none). */
function captureWasmMemory() {
  const mems = [];
  let instances = 0;
  const keep = (inst) => {
    instances += 1;
    for (const v of Object.values(inst?.exports || {})) if (v instanceof WebAssembly.Memory && !mems.includes(v)) mems.push(v);
  };
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args, newTarget) {
      const inst = Reflect.construct(target, args, newTarget);
      keep(inst);
      return inst;
    },
  });
  const Memory = WebAssembly.Memory;
  WebAssembly.Memory = new Proxy(Memory, {
    construct(target, args, newTarget) {
      const m = Reflect.construct(target, args, newTarget);
      mems.push(m);
      return m;
    },
  });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const f = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return f.apply(this, args).then((r) => {
        keep(r.instance || r);
        return r;
      });
    };
  }
  Object.defineProperty(WebAssembly, Symbol.for("faq-widget-soak"), { value: { mems, instances: () => instances } });
}

/** Resolves when the kiosk shows its start screen with an empty search box (the idle reset). */
function waitForReset(page) {
  return page.waitForFunction(
    (w) => {
      const r = document.querySelector(w).shadowRoot;
      return !!r.querySelector(".body .topics") && r.querySelector("input.query").value === "";
    },
    W,
    { timeout: (IDLE + 10) * 1000, polling: 50 },
  );
}

/** Runs the in-page part of one batch: ask() for most, the search box for one in UI_EVERY. */
function runBatch({ batch, uiEvery }) {
  const w = document.querySelector("faq-widget");
  const root = w.shadowRoot;
  const input = root.querySelector("input.query");
  const form = root.querySelector("form.search");
  const results = [];
  let ui = 0;
  let uiShown = 0;
  return (async () => {
    for (const { i, q, exact } of batch) {
      if (Math.floor(i / 8) % uiEvery === 0) {
        input.value = q;
        input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
        form.requestSubmit();
        ui += 1;
        if (root.querySelector(".answer, .view-title.none, .body .choices:not(.topics), .body .contacts")) uiShown += 1;
      } else {
        const r = await w.ask(q);
        if (exact) results.push([q, r.map((x) => `${x.id}:${x.score.toFixed(6)}`).join(",")]);
      }
    }
    const cap = WebAssembly[Symbol.for("faq-widget-soak")];
    return {
      results,
      ui,
      uiShown,
      heap: performance.memory.usedJSHeapSize,
      wasm: cap.mems.map((m) => m.buffer.byteLength),
      instances: cap.instances(),
    };
  })();
}

async function measureAfterGc(cdp) {
  // Twice: the first pass can leave finalizers' garbage for the second.
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;

test(`soak: ${N.toLocaleString("en")} questions on one kiosk page, memory flat, answers unchanged`, { timeout: Math.max(180_000, N * 6) }, async (t) => {
  const queries = devQueries();
  const rand = rng(20260401);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true, hasTouch: true });
  await context.addInitScript(captureWasmMemory);
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const log = watch(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await page.goto(`${KIOSK}?idle=${IDLE}`);
  await page.locator(`${W} .tile`).first().waitFor();
  // Every view once before the warm-up ends, so that what a view makes the first time it shows
  // (and keeps) is in the baseline, not counted as growth: the contacts, which a typed question
  // reaches only when the chosen question asks for them.
  await page.locator(`${W} .contact-button`).tap();
  await page.locator(`${W} .body .contacts`).first().waitFor();
  const input = page.locator(`${W} input.query`);

  const batches = N / BATCH;
  const warmBatches = Math.max(2, Math.round(batches / 10));
  // Idle resets after the warm-up's last batch, at 3 evenly spaced points, and after the last batch.
  const resetAfter = new Set([warmBatches - 1, batches - 1]);
  for (let k = 1; k <= 3; k++) resetAfter.add(warmBatches - 1 + Math.round(((batches - warmBatches) * k) / 4));
  const first = new Map(); // exact dev question -> its answers the first time
  const samples = [];
  const changed = [];
  let typed = 0;
  let ui = 0;
  let uiShown = 0;
  let resets = 0;
  let base = null;
  let baseWasm = null;
  const t0 = Date.now();

  for (let b = 0; b < batches; b++) {
    const batch = [];
    for (let i = b * BATCH; i < (b + 1) * BATCH - 1; i++) batch.push({ i, ...question(queries, i, rand) });
    const r = await page.evaluate(runBatch, { batch, uiEvery: UI_EVERY });
    ui += r.ui;
    uiShown += r.uiShown;
    for (const [q, sig] of r.results) {
      if (!first.has(q)) first.set(q, sig);
      else if (first.get(q) !== sig) changed.push({ q, was: first.get(q), now: sig });
    }
    // The batch's last question, typed on the touch screen's keyboard.
    const { q } = question(queries, (b + 1) * BATCH - 1, rand);
    await input.tap();
    await input.fill("");
    await page.keyboard.type(q.slice(0, 200));
    await page.keyboard.press("Enter");
    // The same views as the batch's check above: an answer, candidates, no answer or the contacts.
    await page.locator(`${W} .answer, ${W} .view-title.none, ${W} .body .choices:not(.topics), ${W} .body .contacts`).first().waitFor();
    typed += 1;
    samples.push({ questions: (b + 1) * BATCH, heap: r.heap, wasm: r.wasm.reduce((a, x) => a + x, 0), instances: r.instances, memories: r.wasm.length });
    if (resetAfter.has(b)) {
      // Nobody touches the screen for IDLE seconds: it goes back to the start.
      await waitForReset(page);
      resets += 1;
    }
    if (b === warmBatches - 1) {
      base = await measureAfterGc(cdp);
      baseWasm = samples.at(-1).wasm;
    }
  }
  const end = await measureAfterGc(cdp);
  const last = samples.at(-1);
  const secs = (Date.now() - t0) / 1000;
  const figures = {
    questions: N,
    typed,
    searchBox: ui,
    api: N - ui - typed,
    resets,
    seconds: Number(secs.toFixed(1)),
    questionsPerSecond: Math.round(N / secs),
    afterWarmup: {
      questions: warmBatches * BATCH,
      heapAfterGc: base.heap,
      wasmBytes: baseWasm,
      wasmPages: baseWasm / 65536,
      domNodes: base.nodes,
      listeners: base.listeners,
    },
    end: { heapAfterGc: end.heap, wasmBytes: last.wasm, wasmPages: last.wasm / 65536, domNodes: end.nodes, listeners: end.listeners },
    heapGrowthAfterGc: end.heap - base.heap,
    heapSampled: { min: Math.min(...samples.map((s) => s.heap)), max: Math.max(...samples.map((s) => s.heap)) },
    wasmPagesOverRun: [...new Set(samples.map((s) => s.wasm / 65536))],
  };
  fs.mkdirSync(path.join(ROOT, "target"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "target/soak-browser.json"), `${JSON.stringify({ figures, samples }, null, 1)}\n`);
  t.diagnostic(
    `${N} questions (${figures.api} ask(), ${ui} search box, ${typed} typed, ${resets} idle resets) in ${figures.seconds} s (${figures.questionsPerSecond}/s)`,
  );
  t.diagnostic(
    `JS heap after GC: ${mb(base.heap)} after the warm-up (${warmBatches * BATCH} questions), ${mb(end.heap)} at the end: ${end.heap - base.heap >= 0 ? "+" : ""}${((end.heap - base.heap) / 1024).toFixed(0)} KB; ` +
      `sampled without GC ${mb(figures.heapSampled.min)}..${mb(figures.heapSampled.max)}`,
  );
  t.diagnostic(
    `WebAssembly memory: ${baseWasm / 65536} pages (${mb(baseWasm)}) after the warm-up, ${last.wasm / 65536} at the end; pages seen over the run: ${figures.wasmPagesOverRun.join(", ")}`,
  );
  t.diagnostic(`DOM after GC: ${base.nodes} -> ${end.nodes} nodes, ${base.listeners} -> ${end.listeners} listeners`);

  assert.equal(typed, batches);
  assert.equal(uiShown, ui, "every question in the search box showed an answer, candidates, the contacts or no-answer");
  assert.deepEqual(changed.slice(0, 5), [], "each exact dev question got the same answers all day");
  assert.ok(first.size >= Math.min(queries.length, 20), "exact questions were checked");
  assert.deepEqual([...new Set(samples.map((s) => s.memories))], [1], "one WebAssembly memory");
  assert.deepEqual([...new Set(samples.map((s) => s.instances))], [1], "one WebAssembly instance all day");
  const grown = samples.slice(warmBatches - 1).filter((s) => s.wasm !== baseWasm);
  assert.deepEqual(grown, [], "the WebAssembly memory did not grow after the warm-up");
  assert.ok(end.heap - base.heap < HEAP_BUDGET, `JS heap after GC grew ${end.heap - base.heap} bytes (budget ${HEAP_BUDGET})`);
  assert.ok(end.nodes - base.nodes <= 200, `DOM nodes ${base.nodes} -> ${end.nodes}`);
  assert.ok(end.listeners - base.listeners <= 20, `listeners ${base.listeners} -> ${end.listeners}`);
  assert.deepEqual(
    requests.filter((u) => !u.startsWith("file:")),
    [],
    "no request all day",
  );
  assert.deepEqual(log.errors, []);
  assert.deepEqual(
    log.console.filter((m) => m.type === "error" || m.type === "warning"),
    [],
  );
  await context.close();
});

test("the kiosk's idle reset leaves nothing of what the last person typed: screen, element, storage, undo", async () => {
  const SECRET = "Zorroazul7341";
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true, hasTouch: true });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${KIOSK}?idle=${IDLE}`);
  await page.locator(`${W} .tile`).first().waitFor();
  // Every view once before the warm-up ends, so that what a view makes the first time it shows
  // (and keeps) is in the baseline, not counted as growth: the contacts, which a typed question
  // reaches only when the chosen question asks for them.
  await page.locator(`${W} .contact-button`).tap();
  await page.locator(`${W} .body .contacts`).first().waitFor();
  const input = page.locator(`${W} input.query`);
  // Someone types a question with a name in it, reads an answer, rates it, starts another one.
  await input.tap();
  await page.keyboard.type(`me llamo ${SECRET} y olvide la clave del wifi`);
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  await page.locator(`${W} .pill`).first().tap();
  await page.locator(`${W} .thanks`).waitFor();
  await input.tap();
  await input.fill(`${SECRET} ${"x".repeat(1200)}`); // over the limit: the cut note shows
  await page.locator(`${W} .note:not([hidden])`).waitFor();
  await input.fill(`${SECRET} clave`);
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.keyboard.press("ArrowDown");
  // The test itself must be able to see the secret before the reset (else it proves nothing).
  const seen = () =>
    page.evaluate(
      ({ w, secret }) => {
        const el = document.querySelector(w);
        const r = el.shadowRoot;
        const low = secret.toLowerCase();
        const has = (s) => typeof s === "string" && s.toLowerCase().includes(low);
        const found = [];
        if (has(r.querySelector("input.query").value)) found.push("input value");
        const walk = (node) => {
          for (const n of node.childNodes) {
            if (n.nodeType === 3 && has(n.data)) found.push(`text in <${n.parentNode.localName} class="${n.parentNode.className}">`);
            if (n.nodeType === 1) {
              for (const a of n.attributes) if (has(a.value)) found.push(`attribute ${a.name} of <${n.localName}>`);
              walk(n);
            }
          }
        };
        walk(r);
        // Whatever the element keeps in its own fields (strings, arrays, plain objects).
        const seenObjs = new Set();
        const scan = (v, p, depth) => {
          if (depth > 6 || v === null || v === undefined) return;
          if (has(v)) found.push(`element field ${p}`);
          if (typeof v !== "object" || v instanceof Node || seenObjs.has(v)) return;
          seenObjs.add(v);
          for (const k of Object.keys(v)) {
            let x;
            try {
              x = v[k];
            } catch (_) {
              continue;
            }
            scan(x, `${p}.${k}`, depth + 1);
          }
        };
        for (const k of Object.getOwnPropertyNames(el)) scan(el[k], k, 0);
        for (const store of [localStorage, sessionStorage]) {
          for (let i = 0; i < store.length; i++) {
            const k = store.key(i);
            if (has(k) || has(store.getItem(k))) found.push(`${store === localStorage ? "localStorage" : "sessionStorage"} ${k}`);
          }
        }
        if (has(document.cookie)) found.push("cookie");
        if (has(location.href) || has(document.title) || has(history.state && JSON.stringify(history.state))) found.push("address or title");
        return found;
      },
      { w: W, secret: SECRET },
    );
  const beforeReset = await seen();
  assert.ok(beforeReset.includes("input value"), `the probe sees the typed text: ${beforeReset}`);
  // Hands off: the idle reset.
  const t0 = Date.now();
  await waitForReset(page);
  assert.ok(Date.now() - t0 >= 500, "reset after the idle period");
  assert.deepEqual(await seen(), [], "nothing typed is left on the screen, in the element or in storage");
  const state = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    const i = r.querySelector("input.query");
    const list = r.querySelector("[role=listbox]");
    return {
      value: i.value,
      expanded: i.getAttribute("aria-expanded"),
      active: i.getAttribute("aria-activedescendant"),
      options: list.children.length,
      listHidden: list.hidden,
      noteHidden: r.querySelector(".note").hidden,
      answer: !!r.querySelector(".answer"),
      topics: r.querySelectorAll(".tile").length,
      focusInside: !!r.activeElement,
    };
  }, W);
  assert.deepEqual(state, {
    value: "",
    expanded: "false",
    active: null,
    options: 0,
    listHidden: true,
    noteHidden: true,
    answer: false,
    topics: state.topics,
    focusInside: false,
  });
  assert.ok(state.topics > 0, "the start screen");
  // The next person cannot bring the text back with undo.
  await input.tap();
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  assert.equal(await input.inputValue(), "", "undo brings nothing back");
  // The feedback that stays is counts per FAQ entry, no text; the kiosk's staff counts are counts
  // per entry too, and keep only unanswered questions, masked (every question here was answered).
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  assert.deepEqual(Object.keys(stored).sort(), ["faq-widget:feedback", "faq-widget:kiosk-staff"]);
  const staff = JSON.parse(stored["faq-widget:kiosk-staff"]);
  assert.deepEqual(staff.unanswered, [], "no question text: all were answered");
  for (const id of Object.keys(staff.entries))
    assert.ok(
      FAQ.entries.some((e) => e.id === id),
      `staff count ${id} is an entry id`,
    );
  const fb = JSON.parse(stored["faq-widget:feedback"]);
  for (const [id, v] of Object.entries(fb)) {
    assert.ok(
      FAQ.entries.some((e) => e.id === id),
      `feedback key ${id} is an entry id`,
    );
    assert.deepEqual(Object.keys(v).sort(), ["last", "no", "yes"]);
    assert.ok(Number.isInteger(v.yes) && Number.isInteger(v.no) && !Number.isNaN(Date.parse(v.last)));
  }
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});
