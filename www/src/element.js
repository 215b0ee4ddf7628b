// <faq-widget>: the custom element. It reads its attributes, keeps the state of one widget (the
// FAQ source, the view shown, whether the panel is open, the kiosk's idle timer) and coordinates
// the modules that do the work: engine.js answers, views.js and suggestions.js draw, announcer.js
// speaks. Defining the element, and adding one to a page that has none, is this module's only
// effect on the page.
//
// Rules kept throughout the modules: all FAQ and user text goes into the DOM as text nodes (never
// innerHTML); no inline event handlers, eval or inline styles (styles come from one constructable
// stylesheet), so the widget runs under a strict Content-Security-Policy; nothing is sent over the
// network while answering (the only request the widget can make is the embedder's faq-src fetch).

import { Announcer } from "./announcer.js";
import { widgetCss } from "./bundled.js";
import { h } from "./dom.js";
import { askSafely, FaqSource, highlightRanges, maxQueryBytes, prepare } from "./engine.js";
import { emit } from "./events.js";
import { categoriesOf, contactLines, entriesOf, entryTexts, hasTexts, phrasingsOf } from "./faq.js";
import { questionLanguage } from "./lang.js";
import { scoreOf } from "./reply.js";
import { STRINGS } from "./strings.js";
import { chooseSuggestions, prefixMatches, SearchBox, SUGGESTIONS } from "./suggestions.js";
import { renderLauncher, renderPanel, renderView, showAnswer, showReply } from "./views.js";

const TAG = "faq-widget";
const DEFAULT_IDLE_SECONDS = 60;
// Any of these in kiosk mode means someone is there: the idle timer starts again.
const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart"];

let sheet = null;
let uid = 0;

/** The stylesheet, one object shared by every widget's shadow root. */
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
  }
  return sheet;
}

export class FaqWidget extends HTMLElement {
  static get observedAttributes() {
    return ["mode", "lang", "faq-src", "idle"];
  }

  constructor() {
    super();
    this._id = `fw${++uid}`;
    this._root = this.attachShadow({ mode: "open" });
    this._root.adoptedStyleSheets = [styleSheet()];
    this._source = null; // the FaqSource in use, made when first needed
    this._open = false;
    this._view = { name: "start" };
    this._body = null;
    this._announcer = new Announcer();
    this._search = new SearchBox(this._root, this._id, {
      engine: () => {
        this._ensure();
        return this._faqSource.engine;
      },
      maxQueryBytes,
      suggest: (q) => this._suggestionsFor(q),
      question: (id) => entryTexts(this._faqSource.faq, id, this.lang).question,
      highlight: (text, terms) => highlightRanges(this._faqSource.engine, text, terms),
      pick: (item, related) => {
        emit({ type: "question", query: this._search.value, status: "answer", id: item.id });
        showAnswer(this._context(), item.id, item.terms, "search", false, { related });
      },
      submit: () => this._submit(),
      announcer: this._announcer,
    });
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
    // Nothing is compiled or read on the host page's load: the engine is made ready when the
    // browser is idle, or on first use.
    prepare(!this.getAttribute("faq-src"));
    if (this.mode === "kiosk") {
      for (const ev of ACTIVITY) this._root.addEventListener(ev, this._onActivity, { passive: true });
      this._armIdle();
    }
  }

  disconnectedCallback() {
    clearTimeout(this._idleTimer);
    this._idleTimer = 0;
    for (const ev of ACTIVITY) this._root.removeEventListener(ev, this._onActivity);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._rendered || oldValue === newValue) return;
    if (name === "faq-src") {
      this._source = null;
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

  // --- the FAQ ------------------------------------------------------------------------------

  /** The FaqSource for the current faq-src attribute. */
  get _faqSource() {
    if (!this._source) this._source = new FaqSource(this.getAttribute("faq-src"));
    return this._source;
  }

  /** Loads faq-src if set, and renders again once the file is used or refused; the Promise never rejects. */
  _load() {
    return this._faqSource.load(() => this._render());
  }

  /** Builds the bundled FAQ's engine if it is the one in use. */
  _ensure() {
    this._faqSource.ensure();
  }

  // --- the public API ---------------------------------------------------------------------

  /**
   * Answers `query`: a Promise of the answers, best first (`[]` when the FAQ has no answer).
   * Each: {id, question, answer, category, score (0..1, the order), status, terms}. When the
   * question asks for a way to reach a person, the first answer is {id: "contact", question and
   * answer: the contact options as text, status: "contact"}, then the closest entries. The texts
   * are in the question's language (an English question on the Spanish widget gets the English
   * texts), else in the widget's. Rejects when the FAQ could not be loaded.
   */
  async ask(query) {
    await this._load();
    this._ensure();
    const source = this._faqSource;
    if (source.error) throw source.error;
    const r = source.engine.ask(String(query ?? ""), 3);
    if (r.status === "none") return [];
    const t = STRINGS[this.lang];
    // The entries' texts in the question's language (the interface's when the words do not tell).
    const textLang = questionLanguage(query) || this.lang;
    const contact =
      r.status === "contact"
        ? [
            {
              id: "contact",
              question: t.contact,
              answer: contactLines(source.faq.contact, this.lang, t),
              category: "contact",
              score: r.contact,
              status: r.status,
              terms: [],
            },
          ]
        : [];
    return contact.concat(
      r.hits.map((hit) => {
        const e = entryTexts(source.faq, hit.id, textLang);
        return {
          id: hit.id,
          question: e.question,
          answer: e.answer,
          category: e.category,
          score: scoreOf(hit),
          status: r.status,
          terms: hit.terms.slice(),
        };
      }),
    );
  }

  /** Opens the panel (floating mode) and focuses the question box. */
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

  // --- rendering ----------------------------------------------------------------------------

  /** What the views need to know and do (see views.js), for the current state. */
  _context() {
    const source = this._faqSource;
    return {
      t: STRINGS[this.lang],
      lang: this.lang,
      id: this._id,
      kiosk: this.mode === "kiosk",
      entry: (id, lang) => entryTexts(source.faq, id, lang || this.lang),
      hasTexts: (id, lang) => hasTexts(source.faq, id, lang),
      categories: () => categoriesOf(source.faq, this.lang),
      contactFaq: source.contactFaq,
      highlight: (text, terms) => highlightRanges(source.engine, text, terms),
      go: (view, options) => this._setView(view, options),
      announce: (text) => this._announcer.say(text),
    };
  }

  /** Renders the whole shadow tree again, keeping what was typed and the input's focus. */
  _render() {
    this._rendered = true;
    const ctx = this._context();
    const floating = this.mode === "floating";
    const keep = this._root.querySelector("input.query") ? { value: this._search.value, focused: this._search.focused } : null;
    this._root.replaceChildren();
    const wrap = h("div", { class: `root mode-${this.mode}`, lang: this.lang });
    this._root.append(wrap);
    if (floating) {
      wrap.append(renderLauncher(ctx, this._open, () => (this._open ? this.close() : this.open())));
      if (!this._open) return;
    }
    const search = this._search.render(ctx.t, keep ? keep.value : null);
    this._body = h("div", { class: "body" });
    wrap.append(renderPanel(ctx, floating, () => this.close(), search, this._body, this._announcer.region()));
    this._renderView();
    if (keep?.focused) this._search.focus();
  }

  /** Renders the body: the current view, or loading / the load error while the FAQ is not usable. */
  _renderView() {
    if (!this._body) return;
    const source = this._faqSource;
    if (!source.faq && !source.error) source.ensure();
    let view = this._view;
    if (source.error) view = { name: "error" };
    else if (!source.faq) view = { name: "loading" };
    renderView(this._body, view, this._context());
  }

  _setView(view, { focus = null, announce = null } = {}) {
    this._view = view;
    if (view.name === "answer") emit({ type: "answer", id: view.id });
    this._renderView();
    if (announce !== null) this._announcer.say(announce);
    if (focus) {
      const el = this._root.querySelector(focus);
      if (el) el.focus();
    }
  }

  // --- search -------------------------------------------------------------------------------

  /** The suggestions for the half-typed question `q` (see suggestions.js). */
  _suggestionsFor(q) {
    const source = this._faqSource;
    const reply = askSafely(source.engine, q, SUGGESTIONS);
    return chooseSuggestions(reply, (kept) => prefixMatches(q, entriesOf(source.faq), (e) => phrasingsOf(e, this.lang), kept, SUGGESTIONS - kept.length));
  }

  _submit() {
    this._ensure();
    this._search.close();
    const engine = this._faqSource.engine;
    if (!engine) {
      this._renderView();
      return;
    }
    const q = this._search.query();
    if (q.trim()) {
      const reply = askSafely(engine, q, 3);
      emit({ type: "question", query: q, status: reply.status, id: reply.hits[0]?.id ?? null });
      showReply(this._context(), reply, questionLanguage(q) || undefined);
    }
    this._search.focus();
  }

  // --- kiosk --------------------------------------------------------------------------------

  _armIdle() {
    clearTimeout(this._idleTimer);
    if (this.mode !== "kiosk" || !this.isConnected) return;
    this._idleTimer = setTimeout(() => this._reset(), this.idleSeconds * 1000);
  }

  /** Clears everything typed and returns to the start screen. */
  _reset() {
    this._search.clear();
    this._view = { name: "start" };
    // A new search box and suggestion list: the old box's undo history (Ctrl+Z) and the hidden
    // suggestions still held what the last person typed.
    this._render();
    if (this._root.activeElement?.blur) this._root.activeElement.blur();
    this._announcer.say(STRINGS[this.lang].reset);
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

// In a task of its own, not the one that runs this script or fires DOMContentLoaded: making the
// element parses its stylesheet and lays out the launcher, which on a slow phone would lengthen
// the host page's longest task past 50 ms.
const mountSoon = () => setTimeout(autoMount, 0);
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountSoon, { once: true });
} else {
  mountSoon();
}
