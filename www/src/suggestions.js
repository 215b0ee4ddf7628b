// The search box: a form whose input is an ARIA combobox with a listbox of suggested questions,
// refreshed on every keystroke, and a note when the question is longer than the engine reads.
// Which questions to suggest is decided by the pure functions below; the box itself only shows
// them and handles the keyboard (arrows, Enter, Escape) and the pointer.

import { h, renderInline } from "./dom.js";
import { scoreOf } from "./reply.js";
import { cutToBytes, hasWordStartingWith, unfinishedWord, utf8Length } from "./text.js";

/** At most this many suggestions are shown. */
export const SUGGESTIONS = 5;

/**
 * A suggestion must be at least this likely (the engine's score, a probability over the entries,
 * so a bar on the share of the best one would add nothing: it is never above 1).
 */
export const SUGGEST_MIN_SCORE = 0.05;

/**
 * The suggestions for the engine's reply to a half-typed question: [{id, terms}], best first, at
 * most SUGGESTIONS. Only entries that plausibly answer: likely enough (for "no answer", the
 * candidates, which a half-typed question often is); then
 * `completions(kept)` (entries the unfinished word may lead to) fill up.
 */
export function chooseSuggestions(reply, completions) {
  const pool = reply.status === "none" ? reply.candidates : reply.hits;
  const kept = pool.filter((x) => scoreOf(x) >= SUGGEST_MIN_SCORE).map((x) => ({ id: x.id, terms: x.terms }));
  return kept.concat(completions(kept)).slice(0, SUGGESTIONS);
}

/**
 * While a word is being typed the engine cannot know it yet: the entries (not already in `have`)
 * of which one of `textsOf(entry)` has a word starting with the unfinished last word of `query`,
 * accents and case ignored, as [{id, terms: []}] in the entries' order; the first `limit` of them
 * (the scan stops there: a big FAQ has thousands of entries, and the box shows a few).
 */
export function prefixMatches(query, entries, textsOf, have, limit = Infinity) {
  const last = unfinishedWord(query);
  if (last === null) return [];
  const out = [];
  for (const e of entries) {
    if (out.length >= limit) break;
    if (have.some((x) => x.id === e.id) || out.some((x) => x.id === e.id)) continue;
    if (textsOf(e).some((s) => hasWordStartingWith(s, last))) out.push({ id: e.id, terms: [] });
  }
  return out;
}

/**
 * One widget's search box. It lives as long as the widget; render() builds its DOM anew for each
 * rendering of the panel, and the suggestions shown stay with the box. `host` supplies what the
 * box cannot know:
 *   engine()            the engine, built if need be; null while there is none (nothing to suggest)
 *   maxQueryBytes()     how much of a question the engine reads
 *   suggest(q)          the suggestions for q: [{id, terms}] (see chooseSuggestions)
 *   question(id)        the question text of an entry, as the suggestion shows it
 *   highlight(text, terms)  the ranges of `text` to mark
 *   pick(item, related) a suggestion was chosen; `related` are up to two of the others
 *   submit()            the form was sent (Enter with no suggestion active, or the button)
 *   announcer           the widget's Announcer, which counts the suggestions aloud
 */
export class SearchBox {
  constructor(root, id, host) {
    this._root = root; // the shadow root, whose activeElement tells where the focus is
    this._id = id;
    this._host = host;
    this._input = null;
    this._list = null;
    this._note = null;
    this._t = null; // the strings of the last render
    this._items = []; // the suggestions shown, [{id, terms}]
    this._active = -1; // index of the active suggestion
  }

  /** The form, new, with `value` in the input and the strings `t`; the old form is forgotten. */
  render(t, value) {
    this._t = t;
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
    if (value !== null) input.value = value;
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
      this._host.submit();
    });
    input.addEventListener("input", () => this.refresh());
    input.addEventListener("keydown", (ev) => this._onKey(ev));
    input.addEventListener("blur", () => {
      // Let a click on a suggestion land first.
      setTimeout(() => {
        if (this._root.activeElement !== input) this.close();
      }, 150);
    });
    list.addEventListener("pointerdown", (ev) => ev.preventDefault()); // keep focus in the input
    this._input = input;
    this._list = list;
    this._note = note;
    return form;
  }

  /** The text in the input ("" before the first render). */
  get value() {
    return this._input ? this._input.value : "";
  }

  /** Whether the input has the focus. */
  get focused() {
    return !!this._input && this._root.activeElement === this._input;
  }

  /** Gives the input the focus. */
  focus() {
    if (this._input) this._input.focus();
  }

  /** The question as the engine will read it (cut to its limit), and whether it was cut; shows or hides the note about it. */
  query() {
    const raw = this.value;
    const max = this._host.maxQueryBytes();
    const cut = utf8Length(raw) > max;
    const q = cut ? cutToBytes(raw, max) : raw;
    this._showCutNote(cut, q);
    return q;
  }

  /** Empties the input, the note and the suggestions: nothing of the last question stays in the box. */
  clear() {
    if (this._input) this._input.value = "";
    this._showCutNote(false, "");
    this.close();
    this._items = [];
  }

  /** Suggests questions for what the input holds now. */
  refresh() {
    const engine = this._host.engine();
    if (!engine) return;
    const q = this.query();
    const list = this._list;
    list.replaceChildren();
    this._active = -1;
    this._input.removeAttribute("aria-activedescendant");
    if (!q.trim()) {
      this._items = [];
      this.close();
      return;
    }
    const items = this._host.suggest(q);
    this._items = items;
    items.forEach((s, i) => {
      const question = this._host.question(s.id);
      const li = h("li", { role: "option", id: `${this._id}-opt-${i}`, class: "option", "aria-selected": "false" });
      renderInline(li, question, this._host.highlight(question, s.terms), []);
      li.addEventListener("click", () => this._pick(i));
      list.append(li);
    });
    if (items.length) this._open();
    else this.close();
    this._host.announcer.sayAfterPause(() => {
      if (!this.focused) return null;
      return items.length ? this._t.results(items.length) : this._t.noResults;
    });
  }

  /** Hides the suggestions. */
  close() {
    this._host.announcer.cancel(); // a pending "N suggestions" must not talk over the answer
    if (!this._list) return;
    this._list.hidden = true;
    this._input.setAttribute("aria-expanded", "false");
    this._input.removeAttribute("aria-activedescendant");
    this._active = -1;
  }

  _open() {
    this._list.hidden = false;
    this._input.setAttribute("aria-expanded", "true");
  }

  _showCutNote(cut, q) {
    if (!this._note) return;
    this._note.hidden = !cut;
    this._note.textContent = cut ? this._t.cut([...q].length) : "";
  }

  _setActive(i) {
    const opts = [...this._list.children];
    if (!opts.length) return;
    this._active = (i + opts.length) % opts.length;
    for (const [k, o] of opts.entries()) o.setAttribute("aria-selected", k === this._active ? "true" : "false");
    const el = opts[this._active];
    this._input.setAttribute("aria-activedescendant", el.id);
    if (el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
  }

  _onKey(ev) {
    const open = !this._list.hidden;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!open) {
        this.refresh();
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
        this.close();
      } else if (this._input.value) {
        ev.preventDefault();
        this._input.value = "";
        this._showCutNote(false, "");
      }
      // an empty input with no list lets Escape close the floating panel
    }
  }

  _pick(i) {
    const s = this._items[i];
    if (!s) return;
    this.close();
    const related = this._items.filter((x) => x.id !== s.id).slice(0, 2);
    this._host.pick(s, related);
    this.focus();
  }
}
