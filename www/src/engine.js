// The matching engine in the page: one WebAssembly instance for the page, one FaqEngine per
// compiled FAQ (the bundled one's is shared by every widget on the page), and the FAQ a widget
// answers from: the bundled one, or the embedder's faq-src file (a pack that `faq compile` writes).

import { bundledFaq, bundledIndex, Engine, engineBytes, engineBytesInSlices, initWasm, separator } from "./bundled.js";
import { readPack } from "./publish.js";

let wasmReady = false;
let bundledEngine = null;
// The bundled index's bytes, decoded ahead in an idle moment of their own (see `prepare`).
let bundledBytes = null;
// The module compiled ahead of need, off the main thread (see `prepare`), once it is ready.
let compiled = null;
let preparing = false;

function ensureWasm() {
  if (!wasmReady) {
    // With the module compiled ahead, this only instantiates it; else it compiles here, at once.
    initWasm({ module: compiled || engineBytes() });
    wasmReady = true;
  }
}

// When the browser has nothing else to do (or after this long at the latest).
const onIdle = (fn) => (typeof requestIdleCallback === "function" ? requestIdleCallback(fn, { timeout: 4000 }) : setTimeout(fn, 200));

/**
 * Gets the engine ready without costing the page a long task: once the browser is idle, the
 * WebAssembly's bytes are decoded (in slices, over idle moments), compiled asynchronously (off
 * the main thread), then, one idle moment each, the module is instantiated, the bundled FAQ's
 * index decoded, then read, and the typo table made (each a few milliseconds, some tens on a slow phone). Until then nothing of it has run, and a
 * widget used before that compiles on the spot. Called once per page; later calls do nothing.
 */
export function prepare(bundled) {
  if (preparing || wasmReady) return;
  preparing = true;
  // Instantiating the module, reading the index and making the typo table: one idle moment each.
  const done = () =>
    onIdle(() => {
      try {
        ensureWasm();
      } catch (_) {
        return; // Reported when a widget needs the engine (FaqSource.ensure).
      }
      if (!bundled) return;
      // Decoding the index's bytes, then reading them: one idle moment each.
      onIdle(() => {
        bundledBytes = bundledBytes || bundledIndex();
        onIdle(() => bundledEngineSafely());
      });
    });
  if (typeof WebAssembly.compile !== "function") return done();
  const decode = engineBytesInSlices();
  onIdle(function slice(idle) {
    if (wasmReady) return;
    const bytes = decode(idle);
    if (!bytes) return onIdle(slice);
    WebAssembly.compile(bytes).then((m) => {
      if (!wasmReady) compiled = m;
      done();
    }, done);
  });
}

function bundledEngineSafely() {
  try {
    const engine = bundledEngineOnce();
    // What the first question would make (synonyms, the typo table), a step per idle moment:
    // all at once, with the index, would be a long task on a slow phone.
    onIdle(function step() {
      if (engine.prepare()) onIdle(step);
    });
  } catch (_) {
    // Reported when a widget needs it (FaqSource.ensure).
  }
}

/** The engine of the bundled FAQ, read once for the page. */
function bundledEngineOnce() {
  ensureWasm();
  if (!bundledEngine) bundledEngine = new Engine(bundledBytes || bundledIndex());
  bundledBytes = null;
  return bundledEngine;
}

/** An engine reading compiled index bytes. Throws an Error saying why they are unusable. */
function engineOf(index) {
  ensureWasm();
  return new Engine(index);
}

/** The engine reads this many UTF-8 bytes of a question and ignores the rest. */
export function maxQueryBytes() {
  ensureWasm();
  return Engine.maxQueryBytes();
}

/** engine.ask(q, top), except that a failing engine (a trap) degrades to "no answer", which shows the contacts. */
export function askSafely(engine, q, top) {
  try {
    return engine.ask(q, top);
  } catch (e) {
    console.error(`faq-widget: the engine failed on this question: ${e?.message || e}`);
    return { status: "none", hits: [], candidates: [], reason: "engine error", truncated: false };
  }
}

/** Where `terms` (a hit's matched terms) occur in `text`: [start, end] UTF-16 ranges to mark. */
export function highlightRanges(engine, text, terms) {
  if (!engine || !terms?.length) return [];
  const flat = engine.highlight(text, terms.join(separator));
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

function asError(e) {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * The FAQ one widget answers from, and its engine: `faq` and `engine` once it is usable, `error`
 * (an Error) when it is not. The bundled FAQ is built the first time it is needed, to keep page
 * load light; a faq-src file is fetched once. A new faq-src gets a new FaqSource.
 */
export class FaqSource {
  constructor(src) {
    this.src = src || null;
    this.faq = null;
    this.engine = null;
    this.error = null;
    this._loading = null;
  }

  /** The FAQ the contacts come from: the loaded one, else the bundled one. */
  get contactFaq() {
    return this.faq || bundledFaq;
  }

  /**
   * Loads faq-src (nothing to do for the bundled FAQ): a Promise that never rejects; `loaded` is
   * called when a fetched file has been used or refused. Later calls return the same Promise.
   */
  load(loaded) {
    if (this._loading) return this._loading;
    const src = this.src;
    if (!src) {
      this._loading = Promise.resolve();
      return this._loading;
    }
    let url = src;
    try {
      url = new URL(src, document.baseURI).href;
    } catch (_) {
      url = src;
    }
    this._loading = (async () => {
      let text;
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
        text = await res.text();
      } catch (e) {
        this._fail(new Error(`could not load faq-src "${src}" (${url}): ${e.message || e}`));
        loaded();
        return;
      }
      try {
        const { display, index } = readPack(text);
        this.engine = engineOf(index);
        this.faq = display;
        this.error = null;
      } catch (e) {
        this._fail(new Error(`faq-src "${src}" is not a usable compiled FAQ: ${e.message || e}`));
      }
      loaded();
    })();
    return this._loading;
  }

  /** Reads the bundled FAQ's engine if it is the one in use and not read yet. */
  ensure() {
    if (this.engine || this.error || this.src) return;
    try {
      this.engine = bundledEngineOnce();
      this.faq = bundledFaq;
    } catch (e) {
      this.error = asError(e);
      console.error(`faq-widget: the bundled FAQ could not be used: ${this.error.message}`);
    }
  }

  _fail(err) {
    this.error = asError(err);
    this.engine = null;
    this.faq = null;
    console.error(`faq-widget: ${this.error.message}`);
  }
}
