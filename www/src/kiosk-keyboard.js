// The kiosk's on-screen keyboard: a Spanish layout (ñ, a digits row, an accent key for á é í ó ú,
// the punctuation of a question and of an e-mail address), space, backspace, clear and "Preguntar".
// Every key is a <button> whose accessible name is what it types (or what it does), so a screen
// reader, a switch or a keypad can use it like any other control; one key at a time is in the Tab
// order (Tab enters the keyboard, the arrows move between keys, Enter types).
//
// It types into the search box the way a person would: the text goes in at the caret, then an
// `input` event, so the suggestions follow every tap exactly as they follow a physical keyboard
// (which still works). A tap does not move the focus out of the search box.

import { h } from "./dom.js";

// What each key does: a character to type, or one of the named actions in braces.
const LAYOUT = [
  ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
  ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
  ["a", "s", "d", "f", "g", "h", "j", "k", "l", "ñ"],
  ["{accent}", "z", "x", "c", "v", "b", "n", "m", ",", ".", "{backspace}"],
  ["{clear}", "@", "{space}", "¿", "?", "{ask}"],
];
const ACUTE = { a: "á", e: "é", i: "í", o: "ó", u: "ú" };
// Keys shown by a sign, named for assistive technology by what they do (k.names, k.accent).
const SIGNS = { "{accent}": "´" };

/** What a key types: its character, accented when the accent key is down and it is a vowel. */
export function keyText(key, accent) {
  return accent && ACUTE[key] ? ACUTE[key] : key;
}

/** `value` with `text` put in place of [start, end), and where the caret goes: [value, caret]. */
export function typeInto(value, start, end, text) {
  return [value.slice(0, start) + text + value.slice(end), start + text.length];
}

/** `value` after a backspace with the selection [start, end): [value, caret]. A surrogate pair goes as one. */
export function backspace(value, start, end) {
  if (start !== end) return [value.slice(0, start) + value.slice(end), start];
  if (start === 0) return [value, 0];
  const low = value.charCodeAt(start - 1);
  const n = start >= 2 && low >= 0xdc00 && low < 0xe000 ? 2 : 1;
  return [value.slice(0, start - n) + value.slice(start), start - n];
}

/**
 * One widget's keyboard; `host`:
 *   input()    the search box (an <input>), where the keys type
 *   submit()   "Preguntar" was pressed
 * render(k) builds it anew with the kiosk strings `k`.
 */
export class OnScreenKeyboard {
  constructor(host) {
    this._host = host;
    this._accent = false;
    this._el = null;
  }

  /** The keyboard's element, new, accent key up. */
  render(k) {
    this._accent = false;
    const el = h("div", { class: "keyboard", role: "group", "aria-label": k.keyboardLabel });
    let first = true;
    for (const row of LAYOUT) {
      const r = h("div", { class: "key-row" });
      for (const key of row) {
        const action = key.startsWith("{") ? key.slice(1, -1) : null;
        const shown = SIGNS[key] || (action ? k[action] : key);
        const name = action ? k[action] : k.names[key] || key;
        const b = h(
          "button",
          {
            type: "button",
            class: action ? `key action ${action}` : "key",
            "data-key": key,
            tabindex: first ? "0" : "-1",
            "aria-label": name !== shown ? name : null,
            "aria-pressed": action === "accent" ? "false" : null,
          },
          key === "{backspace}" ? [h("span", { class: "key-icon", "aria-hidden": "true", text: "⌫" }), shown] : shown,
        );
        first = false;
        r.append(b);
      }
      el.append(r);
    }
    // Keep the focus (and the caret) in the search box: no focus change on press.
    el.addEventListener("mousedown", (ev) => ev.preventDefault());
    el.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".key")) ev.preventDefault();
    });
    el.addEventListener("click", (ev) => {
      const b = ev.target.closest(".key");
      if (b) this._press(b.getAttribute("data-key"));
    });
    // The roving Tab stop follows the focus.
    el.addEventListener("focusin", (ev) => {
      const b = ev.target.closest(".key");
      if (!b) return;
      for (const o of el.querySelectorAll(".key[tabindex='0']")) if (o !== b) o.setAttribute("tabindex", "-1");
      b.setAttribute("tabindex", "0");
    });
    this._el = el;
    return el;
  }

  /** The key that takes the focus when the keyboard is entered. */
  get tabStop() {
    return this._el?.querySelector(".key[tabindex='0']") || null;
  }

  _press(key) {
    const input = this._host.input();
    if (!input) return;
    if (key === "{ask}") {
      this._host.submit();
      return;
    }
    if (key === "{accent}") {
      this._setAccent(!this._accent);
      return;
    }
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    let next;
    if (key === "{backspace}") next = backspace(input.value, start, end);
    else if (key === "{clear}") next = ["", 0];
    else next = typeInto(input.value, start, end, key === "{space}" ? " " : keyText(key, this._accent));
    if (this._accent && !key.startsWith("{")) this._setAccent(false);
    input.value = next[0];
    input.setSelectionRange(next[1], next[1]);
    input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  }

  _setAccent(on) {
    this._accent = on;
    if (!this._el) return;
    this._el.querySelector(".accent")?.setAttribute("aria-pressed", on ? "true" : "false");
    for (const b of this._el.querySelectorAll(".key:not(.action)")) {
      const key = b.getAttribute("data-key");
      if (ACUTE[key]) b.textContent = keyText(key, on);
    }
  }
}
