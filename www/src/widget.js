// <faq-widget>: the FAQ assistant's user interface.
//
// This file is not loaded on its own: scripts/bundle.mjs wraps it, together with the
// wasm-bindgen glue (FaqEngine, validateFaq, initSync), the engine's bytes (wasmBytes()), the
// bundled FAQ (BUNDLED_FAQ) and the stylesheet text (WIDGET_CSS), in one IIFE, so that the only
// thing the script adds to the page is the custom element.
//
// Rules kept throughout: all FAQ and user text goes into the DOM as text nodes (never innerHTML);
// no inline event handlers, eval or inline styles (styles come from one constructable stylesheet),
// so the widget runs under a strict Content-Security-Policy; nothing is sent over the network
// while answering (the only request the widget can make is the embedder's faq-src fetch).

/* global FaqEngine, initSync, wasmBytes, BUNDLED_FAQ, WIDGET_CSS */

const TAG = "faq-widget";
const FEEDBACK_KEY = "faq-widget:feedback";
const DEFAULT_IDLE_SECONDS = 60;
const SUGGESTIONS = 5;

const STRINGS = {
  es: {
    title: "Preguntas frecuentes",
    open: "Abrir preguntas frecuentes",
    launcher: "¿Preguntas?",
    close: "Cerrar preguntas frecuentes",
    label: "Escriba su pregunta",
    placeholder: "Por ejemplo: ¿cómo pago mi factura?",
    ask: "Preguntar",
    suggestions: "Sugerencias",
    topics: "Temas",
    topicsHint: "O elija un tema:",
    questions: (n) => (n === 1 ? "1 pregunta" : `${n} preguntas`),
    back: "Volver a los temas",
    home: "Inicio",
    none: "No tengo esa respuesta.",
    noneHelp: "Nuestro equipo le puede ayudar:",
    which: "¿Cuál de estas preguntas se parece más a la suya?",
    related: "Preguntas relacionadas",
    helpful: "¿Te sirvió?",
    yes: "Sí",
    no: "No",
    thanks: "¡Gracias por contarnos!",
    sorry: "Lo sentimos. Puede hablar con nuestro equipo:",
    contact: "Contáctenos",
    contactButton: "Hablar con una persona",
    call: "Llamar al",
    ext: "ext.",
    whatsapp: "WhatsApp",
    email: "Correo",
    address: "Dirección",
    map: "Ver en el mapa",
    cut: (n) => `Su pregunta es muy larga: solo se leen los primeros ${n} caracteres.`,
    loadError: "Las preguntas frecuentes no están disponibles en este momento.",
    loading: "Cargando…",
    answerFor: "Respuesta:",
    noResults: "Sin sugerencias",
    results: (n) => (n === 1 ? "1 sugerencia disponible" : `${n} sugerencias disponibles`),
    reset: "La pantalla volvió al inicio.",
  },
  en: {
    title: "Frequently asked questions",
    open: "Open frequently asked questions",
    launcher: "Questions?",
    close: "Close frequently asked questions",
    label: "Type your question",
    placeholder: "For example: how do I pay my bill?",
    ask: "Ask",
    suggestions: "Suggestions",
    topics: "Topics",
    topicsHint: "Or pick a topic:",
    questions: (n) => (n === 1 ? "1 question" : `${n} questions`),
    back: "Back to topics",
    home: "Start",
    none: "I don't have that answer.",
    noneHelp: "Our team can help you:",
    which: "Which of these is closest to your question?",
    related: "Related questions",
    helpful: "Did this help?",
    yes: "Yes",
    no: "No",
    thanks: "Thank you for telling us!",
    sorry: "We are sorry. You can talk to our team:",
    contact: "Contact us",
    contactButton: "Talk to a person",
    call: "Call",
    ext: "ext.",
    whatsapp: "WhatsApp",
    email: "E-mail",
    address: "Address",
    map: "Show on the map",
    cut: (n) => `Your question is very long: only the first ${n} characters are read.`,
    loadError: "The frequently asked questions are not available right now.",
    loading: "Loading…",
    answerFor: "Answer:",
    noResults: "No suggestions",
    results: (n) => (n === 1 ? "1 suggestion available" : `${n} suggestions available`),
    reset: "The screen went back to the start.",
  },
};

// ---------------------------------------------------------------------------------------------
// Engine: one WebAssembly instance for the page, one FaqEngine per FAQ object.

let wasmReady = false;
let bundledEngine = null;
let sheet = null;

function ensureWasm() {
  if (!wasmReady) {
    initSync({ module: wasmBytes() });
    wasmReady = true;
  }
}

function engineFor(faq) {
  ensureWasm();
  if (faq === BUNDLED_FAQ) {
    if (!bundledEngine) bundledEngine = new FaqEngine(BUNDLED_FAQ);
    return bundledEngine;
  }
  return new FaqEngine(faq);
}

function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
  }
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers: every text goes in as a text node.

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

function utf8Length(s) {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest prefix of `s` that fits in `max` UTF-8 bytes, cut between characters. */
function cutToBytes(s, max) {
  let n = 0;
  let i = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    const len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (n + len > max) break;
    n += len;
    i += ch.length;
  }
  return s.slice(0, i);
}

function fold(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Links in answers: Ecuadorian phone numbers, WhatsApp numbers and e-mail addresses.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
// Mobile: 09x xxx xxxx, or +593 9x xxx xxxx.
const MOBILE = /(?:\+593[ -]?|0)(9\d)[ -]?(\d{3})[ -]?(\d{4})(?!\d)/y;
// Landline: 7 digits, optionally with the province code (07) 2xxxxxx; Loja (7) when absent.
const LANDLINE = /(?:\(?0([2-7])\)?[ -]?)?([2-7]\d{2})[ -]?(\d{4})(?!\d)/y;
const EXTENSION = /^[ ,]*ext(?:ensi[oó]n)?\.?[ ]*(\d{1,4})(?!\d)/i;

function digitsOf(s) {
  return s.replace(/\D/g, "");
}

/**
 * Link ranges in one line of text: [{start, end, href, kind}], sorted, not overlapping.
 * `whatsapp` is the set of national mobile numbers (09…) that the FAQ lists as WhatsApp.
 */
function findLinks(line, whatsapp) {
  const links = [];
  let i = 0;
  while (i < line.length) {
    const prev = i > 0 ? line[i - 1] : "";
    const atWordStart = !/[\p{L}\p{N}_.+-]/u.test(prev);
    const atNumberStart = !/[\p{L}\p{N}-]/u.test(prev) && prev !== "/";
    let m = null;
    if (atWordStart) {
      EMAIL.lastIndex = i;
      m = EMAIL.exec(line);
      if (m) {
        links.push({ start: i, end: i + m[0].length, href: `mailto:${m[0]}`, kind: "email" });
        i += m[0].length;
        continue;
      }
    }
    if (atNumberStart && /[+(0-9]/.test(line[i])) {
      MOBILE.lastIndex = i;
      m = MOBILE.exec(line);
      if (m) {
        const national = `0${m[1]}${m[2]}${m[3]}`;
        const before = fold(line.slice(Math.max(0, i - 30), i));
        const isWa = whatsapp.has(national) || /whats ?app|wsp/.test(before);
        const intl = `593${m[1]}${m[2]}${m[3]}`;
        links.push({
          start: i,
          end: i + m[0].length,
          href: isWa ? `https://wa.me/${intl}` : `tel:+${intl}`,
          kind: isWa ? "whatsapp" : "tel",
        });
        i += m[0].length;
        continue;
      }
      LANDLINE.lastIndex = i;
      m = LANDLINE.exec(line);
      if (m) {
        let end = i + m[0].length;
        let href = `tel:+593${m[1] || "7"}${m[2]}${m[3]}`;
        const ext = EXTENSION.exec(line.slice(end));
        if (ext) {
          href += `,${ext[1]}`;
          end += ext[0].length;
        }
        links.push({ start: i, end, href, kind: "tel" });
        i = end;
        continue;
      }
    }
    i += 1;
  }
  return links;
}

/**
 * Renders `text` into `parent`: plain lines become paragraphs, lines starting with "• " become
 * list items; `marks` ([start, end] UTF-16 ranges of `text`) become <mark>; phone numbers and
 * e-mails become links (unless `linkify` is false).
 */
function renderRich(parent, text, marks, whatsapp, linkify) {
  const lines = text.split("\n");
  let offset = 0;
  let list = null;
  for (const raw of lines) {
    const lineStart = offset;
    offset += raw.length + 1;
    const bullet = /^\s*[•·*-]\s+/.exec(raw);
    const skip = bullet ? bullet[0].length : 0;
    const line = raw.slice(skip);
    const base = lineStart + skip;
    if (!line.trim()) {
      list = null;
      continue;
    }
    const lineMarks = marks
      .map(([a, b]) => [Math.max(a, base) - base, Math.min(b, base + line.length) - base])
      .filter(([a, b]) => b > a);
    const container = bullet ? h("li") : h("p");
    if (bullet) {
      if (!list) {
        list = h("ul");
        parent.append(list);
      }
      list.append(container);
    } else {
      list = null;
      parent.append(container);
    }
    const links = linkify ? findLinks(line, whatsapp) : [];
    renderInline(container, line, lineMarks, links);
  }
}

function renderInline(container, line, marks, links) {
  const cuts = new Set([0, line.length]);
  for (const [a, b] of marks) cuts.add(a).add(b);
  for (const l of links) cuts.add(l.start).add(l.end);
  const points = [...cuts].sort((a, b) => a - b);
  let link = null;
  let linkEl = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = line.slice(a, b);
    const inLink = links.find((l) => l.start <= a && b <= l.end) || null;
    if (inLink !== link) {
      link = inLink;
      linkEl = null;
      if (link) {
        linkEl = h("a", { href: link.href, class: `link ${link.kind}` });
        if (link.kind === "whatsapp") {
          linkEl.target = "_blank";
          linkEl.rel = "noopener noreferrer";
        }
        container.append(linkEl);
      }
    }
    const marked = marks.some(([x, y]) => x <= a && b <= y);
    const node = marked ? h("mark", null, piece) : document.createTextNode(piece);
    (linkEl || container).append(node);
  }
}

function highlightRanges(engine, text, terms) {
  if (!engine || !terms || !terms.length) return [];
  const flat = engine.highlight(text, terms);
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Feedback, kept in this browser only.

function readFeedback() {
  try {
    return JSON.parse(localStorage.getItem(FEEDBACK_KEY) || "{}") || {};
  } catch (_) {
    return {};
  }
}

function saveFeedback(id, helpful) {
  try {
    const all = readFeedback();
    const e = all[id] || { yes: 0, no: 0 };
    e[helpful ? "yes" : "no"] += 1;
    e.last = new Date().toISOString();
    all[id] = e;
    localStorage.setItem(FEEDBACK_KEY, JSON.stringify(all));
  } catch (_) {
    // Storage may be off (private mode, sandboxed frame): feedback is then simply not kept.
  }
}

// ---------------------------------------------------------------------------------------------
// The element.

let uid = 0;

class FaqWidget extends HTMLElement {
  static get observedAttributes() {
    return ["mode", "lang", "faq-src", "idle"];
  }

  constructor() {
    super();
    this._id = `fw${++uid}`;
    this._root = this.attachShadow({ mode: "open" });
    this._root.adoptedStyleSheets = [styleSheet()];
    this._faq = null; // the FAQ object in use
    this._engine = null;
    this._error = null; // why the FAQ could not be loaded
    this._loading = null; // Promise of the load in progress
    this._open = false;
    this._view = { name: "start" };
    this._active = -1; // index of the active suggestion
    this._suggestions = [];
    this._idleTimer = 0;
    this._onActivity = () => this._armIdle();
    this._rendered = false;
  }

  // --- attributes -------------------------------------------------------------------------

  get mode() {
    const m = this.getAttribute("mode");
    return m === "inline" || m === "kiosk" ? m : "floating";
  }

  get lang() {
    return this.getAttribute("lang") === "en" ? "en" : "es";
  }

  set lang(v) {
    this.setAttribute("lang", v);
  }

  get _t() {
    return STRINGS[this.lang];
  }

  /** Seconds without a touch before kiosk mode returns to the start screen. */
  get idleSeconds() {
    let v = null;
    try {
      v = new URLSearchParams(location.search).get("idle");
    } catch (_) {
      v = null;
    }
    if (v === null || v === "") v = this.getAttribute("idle");
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : DEFAULT_IDLE_SECONDS;
  }

  connectedCallback() {
    this._render();
    this._load();
    if (this.mode !== "floating") this._warm();
    if (this.mode === "kiosk") {
      for (const ev of ["pointerdown", "keydown", "input", "wheel", "touchstart"]) {
        this._root.addEventListener(ev, this._onActivity, { passive: true });
      }
      this._armIdle();
    }
  }

  disconnectedCallback() {
    clearTimeout(this._idleTimer);
    this._idleTimer = 0;
    for (const ev of ["pointerdown", "keydown", "input", "wheel", "touchstart"]) {
      this._root.removeEventListener(ev, this._onActivity);
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._rendered || oldValue === newValue) return;
    if (name === "faq-src") {
      this._faq = null;
      this._engine = null;
      this._error = null;
      this._loading = null;
      this._view = { name: "start" };
      this._load();
    }
    if (name === "mode") {
      this.disconnectedCallback();
      this.connectedCallback();
      return;
    }
    this._render();
  }

  // --- loading ----------------------------------------------------------------------------

  /** Loads the FAQ (bundled or faq-src) and builds its engine; the Promise never rejects. */
  _load() {
    if (this._loading) return this._loading;
    const src = this.getAttribute("faq-src");
    const build = (faq) => {
      this._engine = engineFor(faq);
      this._faq = faq;
      this._error = null;
    };
    const fail = (err) => {
      this._error = err instanceof Error ? err : new Error(String(err));
      this._engine = null;
      this._faq = null;
      console.error(`faq-widget: ${this._error.message}`);
    };
    if (!src) {
      // The bundled FAQ: built lazily (the first time it is needed) to keep page load light.
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
      let faq;
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
        faq = await res.json();
      } catch (e) {
        fail(new Error(`could not load faq-src "${src}" (${url}): ${e.message || e}`));
        this._render();
        return;
      }
      try {
        build(faq);
      } catch (e) {
        fail(new Error(`faq-src "${src}" is not a usable FAQ: ${e.message || e}`));
      }
      this._render();
    })();
    return this._loading;
  }

  /** Makes sure the bundled engine exists when no faq-src is set. */
  _ensure() {
    if (this._engine || this._error || this.getAttribute("faq-src")) return;
    try {
      this._engine = engineFor(BUNDLED_FAQ);
      this._faq = BUNDLED_FAQ;
    } catch (e) {
      this._error = e instanceof Error ? e : new Error(String(e));
      console.error(`faq-widget: the bundled FAQ could not be used: ${this._error.message}`);
    }
  }

  _warm() {
    if (!this.getAttribute("faq-src")) this._ensure();
  }

  /** The FAQ whose contacts to show: the loaded one, else the bundled one. */
  get _contactFaq() {
    return this._faq || BUNDLED_FAQ;
  }

  // --- the public API ---------------------------------------------------------------------

  /**
   * Answers `query`: a Promise of the answers, best first (`[]` when the FAQ has no answer).
   * Each: {id, question, answer, category, score, raw, status, terms}. Rejects when the FAQ
   * could not be loaded.
   */
  async ask(query) {
    await this._load();
    this._ensure();
    if (this._error) throw this._error;
    const r = this._engine.ask(String(query ?? ""), 3);
    if (r.status === "none") return [];
    return r.hits.map((hit) => {
      const e = this._entry(hit.id);
      return {
        id: hit.id,
        question: e.question,
        answer: e.answer,
        category: e.category,
        score: hit.score,
        raw: hit.raw,
        status: r.status,
        terms: hit.terms.slice(),
      };
    });
  }

  /** Opens the panel (floating mode). */
  open() {
    if (this.mode !== "floating" || this._open) return;
    this._open = true;
    this._ensure();
    this._render();
    const input = this._root.querySelector("input");
    if (input) input.focus();
  }

  /** Closes the panel (floating mode) and gives focus back to the launcher. */
  close() {
    if (this.mode !== "floating" || !this._open) return;
    this._open = false;
    this._render();
    const launcher = this._root.querySelector(".launcher");
    if (launcher) launcher.focus();
  }

  // --- data joins ---------------------------------------------------------------------------

  _entries() {
    return (this._faq && this._faq.entries) || [];
  }

  /** The entry's texts in the interface language (English when the entry has it). */
  _entry(id) {
    const e = this._entries().find((x) => x.id === id);
    if (!e) return { id, question: id, answer: "", category: "" };
    const en = this.lang === "en" && e.en && e.en.question ? e.en : null;
    return {
      id: e.id,
      question: en ? en.question : e.question,
      answer: en && en.answer ? en.answer : e.answer,
      category: e.category,
    };
  }

  _categories() {
    const faq = this._faq;
    if (!faq) return [];
    const cats = (faq.categories || []).map((c) => ({
      id: c.id,
      name: this.lang === "en" && c.name_en ? c.name_en : c.name,
    }));
    for (const e of faq.entries || []) {
      if (!cats.some((c) => c.id === e.category)) cats.push({ id: e.category, name: e.category });
    }
    return cats
      .map((c) => ({ ...c, entries: (faq.entries || []).filter((e) => e.category === c.id) }))
      .filter((c) => c.entries.length);
  }

  _whatsappSet() {
    const c = this._contactFaq.contact || {};
    return new Set((c.whatsapp || []).map((w) => digitsOf(w.number || "")));
  }

  _label(obj) {
    return (this.lang === "en" && obj.label_en) || obj.label || "";
  }

  // --- rendering ----------------------------------------------------------------------------

  _render() {
    this._rendered = true;
    const t = this._t;
    const mode = this.mode;
    const prev = this._root.querySelector("input.query");
    const keep = prev ? { value: prev.value, focused: this._root.activeElement === prev } : null;
    this._root.replaceChildren();
    const wrap = h("div", { class: `root mode-${mode}`, lang: this.lang });
    this._root.append(wrap);
    if (mode === "floating") {
      const launcher = h(
        "button",
        {
          type: "button",
          class: "launcher",
          "aria-expanded": this._open ? "true" : "false",
          "aria-controls": `${this._id}-panel`,
          onclick: () => (this._open ? this.close() : this.open()),
        },
        h("span", { class: "launcher-icon", "aria-hidden": "true", text: "?" }),
        h("span", { class: "launcher-text", text: t.launcher }),
        h("span", { class: "sr-only", text: ` ${t.open}` }),
      );
      wrap.append(launcher);
      if (!this._open) return;
    }
    const panel = h("section", {
      class: "panel",
      id: `${this._id}-panel`,
      "aria-labelledby": `${this._id}-title`,
      role: mode === "floating" ? "dialog" : "region",
    });
    panel.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && mode === "floating" && !ev.defaultPrevented) {
        ev.preventDefault();
        this.close();
      }
    });
    wrap.append(panel);

    const header = h(
      "header",
      { class: "header" },
      h(
        "div",
        { class: "titles" },
        h("h2", { id: `${this._id}-title`, class: "title", text: t.title }),
        this._contactFaq.organization ? h("p", { class: "org", text: this._contactFaq.organization }) : null,
      ),
    );
    if (mode === "floating") {
      header.append(
        h("button", { type: "button", class: "close", "aria-label": t.close, onclick: () => this.close() }, h("span", { "aria-hidden": "true", text: "×" })),
      );
    }
    panel.append(header);

    panel.append(this._renderSearch(keep));
    const body = h("div", { class: "body" });
    this._body = body;
    panel.append(body);
    this._status = h("div", { class: "sr-only", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    panel.append(this._status);
    this._renderView();
    if (keep && keep.focused) {
      const input = this._root.querySelector("input.query");
      input.focus();
    }
  }

  _renderSearch(keep) {
    const t = this._t;
    const id = this._id;
    const input = h("input", {
      class: "query",
      id: `${id}-q`,
      type: "text",
      role: "combobox",
      autocomplete: "off",
      autocapitalize: "sentences",
      spellcheck: "false",
      enterkeyhint: "search",
      placeholder: t.placeholder,
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": `${id}-list`,
      "aria-describedby": `${id}-note`,
    });
    if (keep) input.value = keep.value;
    const list = h("ul", { class: "suggestions", id: `${id}-list`, role: "listbox", "aria-label": t.suggestions, hidden: true });
    const note = h("p", { class: "note", id: `${id}-note`, hidden: true });
    const form = h(
      "form",
      { class: "search", role: "search" },
      h("label", { class: "label", for: `${id}-q`, text: t.label }),
      h("div", { class: "row" }, h("div", { class: "combo" }, input, list), h("button", { type: "submit", class: "ask", text: t.ask })),
      note,
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this._submit();
    });
    input.addEventListener("input", () => this._suggest());
    input.addEventListener("keydown", (ev) => this._onKey(ev));
    input.addEventListener("blur", () => {
      // Let a click on a suggestion land first.
      setTimeout(() => {
        if (this._root.activeElement !== input) this._closeList();
      }, 150);
    });
    list.addEventListener("pointerdown", (ev) => ev.preventDefault()); // keep focus in the input
    this._input = input;
    this._list = list;
    this._note = note;
    return form;
  }

  _renderView() {
    const body = this._body;
    if (!body) return;
    body.replaceChildren();
    const t = this._t;
    const v = this._view;
    if (this._error) {
      body.append(h("p", { class: "error", role: "alert", text: t.loadError }));
      body.append(this._renderContacts(t.noneHelp));
      return;
    }
    if (!this._faq) {
      this._ensure();
      if (!this._faq && !this._error) {
        body.append(h("p", { class: "muted", text: t.loading }));
        return;
      }
      if (this._error) return this._renderView();
    }
    if (v.name === "start") return this._renderStart(body);
    if (v.name === "category") return this._renderCategory(body, v.id);
    if (v.name === "answer") return this._renderAnswer(body, v);
    if (v.name === "ambiguous") return this._renderAmbiguous(body, v);
    if (v.name === "none") return this._renderNone(body);
    if (v.name === "contacts") return this._renderContactsView(body);
    return this._renderStart(body);
  }

  _setView(view, { focus = null, announce = null } = {}) {
    this._view = view;
    this._renderView();
    if (announce !== null) this._announce(announce);
    if (focus) {
      const el = this._root.querySelector(focus);
      if (el) el.focus();
    }
  }

  _announce(text) {
    if (!this._status) return;
    // Clearing first makes screen readers read the same text again.
    this._status.textContent = "";
    setTimeout(() => {
      if (this._status) this._status.textContent = text;
    }, 30);
  }

  _navButton(text, onclick, cls = "nav") {
    return h("button", { type: "button", class: cls, onclick }, text);
  }

  _renderStart(body) {
    const t = this._t;
    const cats = this._categories();
    body.append(h("h3", { class: "section-title", id: `${this._id}-topics`, tabindex: "-1", text: t.topicsHint }));
    const ul = h("ul", { class: "choices topics", "aria-labelledby": `${this._id}-topics` });
    for (const c of cats) {
      ul.append(
        h(
          "li",
          null,
          this._navButton(
            [h("span", { class: "choice-text", text: c.name }), h("span", { class: "count", text: t.questions(c.entries.length) })],
            () => this._setView({ name: "category", id: c.id }, { focus: ".view-title" }),
            "choice topic",
          ),
        ),
      );
    }
    body.append(ul);
    body.append(h("div", { class: "footer" }, this._navButton(t.contactButton, () => this._setView({ name: "contacts" }, { focus: ".view-title" }), "link-button")));
  }

  _renderCategory(body, id) {
    const t = this._t;
    const cat = this._categories().find((c) => c.id === id);
    body.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), t.back], () => this._home(), "back"));
    if (!cat) return;
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: cat.name }));
    const ul = h("ul", { class: "choices" });
    for (const e of cat.entries) {
      const q = this._entry(e.id).question;
      ul.append(h("li", null, this._navButton(q, () => this._showEntry(e.id, [], "category", true), "choice")));
    }
    body.append(ul);
  }

  _home() {
    this._setView({ name: "start" }, { focus: ".section-title" });
  }

  _showEntry(id, terms, from, focusAnswer, extra = {}) {
    const e = this._entry(id);
    this._setView(
      { name: "answer", id, terms, from, ...extra },
      { focus: focusAnswer ? ".view-title" : null, announce: `${this._t.answerFor} ${e.question}. ${e.answer}` },
    );
  }

  _renderAnswer(body, v) {
    const t = this._t;
    const e = this._entry(v.id);
    const top = h("div", { class: "topbar" });
    if (v.from === "category") {
      const cat = this._categories().find((c) => c.id === e.category);
      top.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), cat ? cat.name : t.back], () => this._setView({ name: "category", id: e.category }, { focus: ".view-title" }), "back"));
    } else {
      top.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), t.home], () => this._home(), "back"));
    }
    body.append(top);
    const article = h("article", { class: "answer", "aria-labelledby": `${this._id}-aq` });
    const title = h("h3", { class: "view-title", id: `${this._id}-aq`, tabindex: "-1" });
    renderInline(title, e.question, highlightRanges(this._engine, e.question, v.terms), []);
    article.append(title);
    const text = h("div", { class: "answer-text" });
    renderRich(text, e.answer, highlightRanges(this._engine, e.answer, v.terms), this._whatsappSet(), this.mode !== "kiosk");
    article.append(text);
    article.append(this._renderFeedback(v.id));
    body.append(article);
    if (v.related && v.related.length) {
      body.append(h("h4", { class: "section-title small", text: t.related }));
      const ul = h("ul", { class: "choices compact" });
      for (const r of v.related) {
        ul.append(h("li", null, this._navButton(this._entry(r.id).question, () => this._showEntry(r.id, r.terms, v.from, true), "choice")));
      }
      body.append(ul);
    }
  }

  _renderFeedback(id) {
    const t = this._t;
    const box = h("div", { class: "feedback", role: "group", "aria-label": t.helpful });
    const ask = () => {
      box.replaceChildren(
        h("span", { class: "feedback-q", text: t.helpful }),
        h("button", { type: "button", class: "pill", onclick: () => answer(true) }, t.yes),
        h("button", { type: "button", class: "pill", onclick: () => answer(false) }, t.no),
      );
    };
    const answer = (yes) => {
      saveFeedback(id, yes);
      const thanks = h("p", { class: "thanks", tabindex: "-1", text: yes ? t.thanks : t.sorry });
      box.replaceChildren(thanks);
      if (!yes) box.append(this._renderContacts(null));
      thanks.focus();
      this._announce(yes ? t.thanks : t.sorry);
    };
    ask();
    return box;
  }

  _renderAmbiguous(body, v) {
    const t = this._t;
    body.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), t.home], () => this._home(), "back"));
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: t.which }));
    const ul = h("ul", { class: "choices" });
    for (const hit of v.hits) {
      const q = this._entry(hit.id).question;
      const b = this._navButton([], () => this._showEntry(hit.id, hit.terms, "search", true, { related: v.hits.filter((x) => x.id !== hit.id) }), "choice");
      renderInline(b, q, highlightRanges(this._engine, q, hit.terms), []);
      ul.append(h("li", null, b));
    }
    body.append(ul);
  }

  _renderNone(body) {
    const t = this._t;
    body.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), t.home], () => this._home(), "back"));
    body.append(h("h3", { class: "view-title none", tabindex: "-1", text: t.none }));
    body.append(this._renderContacts(t.noneHelp));
  }

  _renderContactsView(body) {
    const t = this._t;
    body.append(this._navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), t.home], () => this._home(), "back"));
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: t.contact }));
    body.append(this._renderContacts(null));
  }

  /** The FAQ's contact options: PBX with extensions, WhatsApp, e-mail, address. */
  _renderContacts(intro) {
    const t = this._t;
    const c = this._contactFaq.contact || {};
    const kiosk = this.mode === "kiosk";
    const box = h("div", { class: "contacts" });
    if (intro) box.append(h("p", { class: "contacts-intro", text: intro }));
    const ul = h("ul", { class: "contact-list" });
    const item = (kind, label, text, href, sub) => {
      const main = href && !kiosk ? h("a", { class: `contact-link ${kind}`, href }, text) : h("span", { class: `contact-text ${kind}`, text });
      if (href && kind === "whatsapp" && !kiosk) {
        main.target = "_blank";
        main.rel = "noopener noreferrer";
      }
      const li = h("li", { class: `contact ${kind}` }, h("span", { class: "contact-kind", text: label }), main);
      if (sub) li.append(sub);
      ul.append(li);
    };
    if (c.pbx && c.pbx.number) {
      const tel = c.pbx.tel || `+5937${digitsOf(c.pbx.number)}`;
      let sub = null;
      if (c.pbx.extensions && c.pbx.extensions.length) {
        sub = h("ul", { class: "extensions" });
        for (const x of c.pbx.extensions) {
          const text = `${t.ext} ${x.ext} · ${this._label(x)}`;
          sub.append(h("li", null, kiosk ? h("span", { text }) : h("a", { href: `tel:${tel},${x.ext}`, class: "contact-link tel" }, text)));
        }
      }
      item("tel", `${c.pbx.label || "PBX"}`, `${t.call} ${c.pbx.number}`, `tel:${tel}`, sub);
    }
    for (const w of c.whatsapp || []) {
      const d = digitsOf(w.number || "");
      const intl = d.startsWith("0") ? `593${d.slice(1)}` : d;
      item("whatsapp", `${t.whatsapp} · ${this._label(w)}`, w.number, `https://wa.me/${intl}`);
    }
    for (const m of c.email || []) {
      item("email", `${t.email} · ${this._label(m)}`, m.address, `mailto:${m.address}`);
    }
    if (c.address && c.address.text) {
      const li = h("li", { class: "contact address" }, h("span", { class: "contact-kind", text: t.address }), h("span", { class: "contact-text", text: c.address.text }));
      if (c.address.map && !kiosk && /^https:\/\//.test(c.address.map)) {
        li.append(h("a", { class: "contact-link map", href: c.address.map, target: "_blank", rel: "noopener noreferrer" }, t.map));
      }
      ul.append(li);
    }
    box.append(ul);
    return box;
  }

  // --- search -------------------------------------------------------------------------------

  /** engine.ask, but a failing engine (a trap) degrades to "no answer" plus contacts. */
  _askEngine(q, top) {
    try {
      return this._engine.ask(q, top);
    } catch (e) {
      console.error(`faq-widget: the engine failed on this question: ${(e && e.message) || e}`);
      return { status: "none", hits: [], candidates: [], reason: "engine error", truncated: false };
    }
  }

  /** The query as sent to the engine (cut to the engine's limit) and whether it was cut. */
  _query() {
    const raw = this._input ? this._input.value : "";
    const max = FaqEngine.maxQueryBytes();
    if (utf8Length(raw) <= max) return { q: raw, cut: false };
    return { q: cutToBytes(raw, max), cut: true };
  }

  _showCutNote(cut, q) {
    if (!this._note) return;
    this._note.hidden = !cut;
    this._note.textContent = cut ? this._t.cut([...q].length) : "";
  }

  _suggest() {
    this._ensure();
    if (!this._engine) return;
    const { q, cut } = this._query();
    this._showCutNote(cut, q);
    const list = this._list;
    list.replaceChildren();
    this._active = -1;
    this._input.removeAttribute("aria-activedescendant");
    if (!q.trim()) {
      this._suggestions = [];
      this._closeList();
      return;
    }
    const r = this._askEngine(q, SUGGESTIONS);
    // Hits far behind the best one are noise while typing: keep those within reach of it.
    const pool = r.status === "none" ? r.candidates.slice(0, 3) : r.hits;
    const best = pool.length ? pool[0].raw : 0;
    let items = pool.filter((x) => x.raw >= best * 0.35).map((x) => ({ id: x.id, terms: x.terms }));
    items = items.concat(this._prefixMatches(q, items));
    items = items.slice(0, SUGGESTIONS);
    this._suggestions = items;
    items.forEach((s, i) => {
      const q2 = this._entry(s.id).question;
      const li = h("li", { role: "option", id: `${this._id}-opt-${i}`, class: "option", "aria-selected": "false" });
      renderInline(li, q2, highlightRanges(this._engine, q2, s.terms), []);
      li.addEventListener("click", () => this._pick(i));
      list.append(li);
    });
    if (items.length) this._openList();
    else this._closeList();
    this._announceCount(items.length);
  }

  _announceCount(n) {
    clearTimeout(this._countTimer);
    this._countTimer = setTimeout(() => {
      if (this._status && this._input && this._root.activeElement === this._input) {
        this._status.textContent = n ? this._t.results(n) : this._t.noResults;
      }
    }, 700);
  }

  /**
   * While a word is being typed the engine cannot know it yet: entries whose question has a
   * word starting with the unfinished last word (accents and case ignored) are suggested too.
   */
  _prefixMatches(q, have) {
    if (/\s$/.test(q)) return [];
    const words = fold(q).match(/[\p{L}\p{N}]+/gu);
    if (!words) return [];
    const last = words[words.length - 1];
    if (last.length < 3) return [];
    const out = [];
    for (const e of this._entries()) {
      if (have.some((x) => x.id === e.id) || out.some((x) => x.id === e.id)) continue;
      const texts = [this._entry(e.id).question, ...(e.phrasings || []), ...((this.lang === "en" && e.en && e.en.phrasings) || [])];
      if (texts.some((s) => (fold(s).match(/[\p{L}\p{N}]+/gu) || []).some((w) => w.startsWith(last)))) out.push({ id: e.id, terms: [] });
    }
    return out;
  }

  _openList() {
    this._list.hidden = false;
    this._input.setAttribute("aria-expanded", "true");
  }

  _closeList() {
    clearTimeout(this._countTimer); // a pending "N suggestions" must not talk over the answer
    if (!this._list) return;
    this._list.hidden = true;
    this._input.setAttribute("aria-expanded", "false");
    this._input.removeAttribute("aria-activedescendant");
    this._active = -1;
  }

  _setActive(i) {
    const opts = [...this._list.children];
    if (!opts.length) return;
    this._active = (i + opts.length) % opts.length;
    opts.forEach((o, k) => o.setAttribute("aria-selected", k === this._active ? "true" : "false"));
    const el = opts[this._active];
    this._input.setAttribute("aria-activedescendant", el.id);
    if (el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
  }

  _onKey(ev) {
    const open = !this._list.hidden;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!open) {
        this._suggest();
        if (this._list.hidden) return;
      }
      const down = ev.key === "ArrowDown";
      this._setActive(this._active < 0 ? (down ? 0 : -1) : this._active + (down ? 1 : -1));
    } else if (ev.key === "Enter") {
      if (open && this._active >= 0) {
        ev.preventDefault();
        this._pick(this._active);
      }
      // otherwise the form submits
    } else if (ev.key === "Escape") {
      if (open) {
        ev.preventDefault();
        this._closeList();
      } else if (this._input.value) {
        ev.preventDefault();
        this._input.value = "";
        this._showCutNote(false, "");
      }
      // an empty input with no list lets Escape close the floating panel
    }
  }

  _pick(i) {
    const s = this._suggestions[i];
    if (!s) return;
    this._closeList();
    const related = this._suggestions.filter((x) => x.id !== s.id).slice(0, 2);
    this._showEntry(s.id, s.terms, "search", false, { related });
    this._input.focus();
  }

  _submit() {
    this._ensure();
    this._closeList();
    if (!this._engine) {
      this._renderView();
      return;
    }
    const { q, cut } = this._query();
    this._showCutNote(cut, q);
    if (!q.trim()) {
      this._input.focus();
      return;
    }
    const r = this._askEngine(q, 3);
    if (r.status === "answer") {
      const [best, ...rest] = r.hits;
      this._showEntry(best.id, best.terms, "search", false, { related: rest.slice(0, 2) });
    } else if (r.status === "ambiguous") {
      // The engine says "ambiguous" when the next hits come close to the best: offer those (two
      // or three), not the distant tail.
      const best = r.hits[0].raw;
      const hits = r.hits
        .filter((x, i) => i < 2 || x.raw >= best * 0.6)
        .slice(0, 3)
        .map((x) => ({ id: x.id, terms: x.terms }));
      this._setView({ name: "ambiguous", hits }, { announce: `${this._t.which} ${hits.map((x) => this._entry(x.id).question).join(" / ")}` });
    } else {
      this._setView({ name: "none" }, { announce: `${this._t.none} ${this._t.noneHelp}` });
    }
    this._input.focus();
  }

  // --- kiosk --------------------------------------------------------------------------------

  _armIdle() {
    clearTimeout(this._idleTimer);
    if (this.mode !== "kiosk" || !this.isConnected) return;
    this._idleTimer = setTimeout(() => this._reset(), this.idleSeconds * 1000);
  }

  /** Clears everything typed and returns to the start screen. */
  _reset() {
    if (this._input) this._input.value = "";
    this._showCutNote(false, "");
    this._closeList();
    this._suggestions = [];
    this._view = { name: "start" };
    // A new search box and suggestion list: the old box's undo history (Ctrl+Z) and the hidden
    // suggestions still held what the last person typed.
    this._render();
    if (this._root.activeElement && this._root.activeElement.blur) this._root.activeElement.blur();
    this._announce(this._t.reset);
    this.dispatchEvent(new CustomEvent("faq-widget-reset", { bubbles: true, composed: true }));
    this._armIdle();
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, FaqWidget);
}

// With no <faq-widget> on the page, add one in floating mode.
function autoMount() {
  if (!document.querySelector(TAG) && document.body) {
    document.body.append(document.createElement(TAG));
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", autoMount, { once: true });
} else {
  autoMount();
}
