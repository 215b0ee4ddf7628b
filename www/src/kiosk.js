// The kiosk page's own entry module (bundled into dist/kiosk.html only, never into the website's
// faq-widget.js): it turns a <faq-widget mode="kiosk"> into the touch kiosk of the Sucre office.
//
//   - an on-screen keyboard (kiosk-keyboard.js), shown when the search box is tapped or the
//     "Teclado" button pressed; the attribute keyboard="off" (or ?keyboard=off) leaves it out
//   - a layout for the screen (kiosk.css): type that scales with it, the start screen as one tile
//     per question grouped by category (kiosk-views.js), "Empezar de nuevo" and "Hablar con una
//     persona" always in the header
//   - QR codes beside the numbers, addresses and bank accounts (kiosk-views.js, kiosk-qr.js)
//   - "Escuchar" with a local voice (kiosk-speech.js)
//   - the arrows move the focus between controls, for a keypad (kiosk-nav.js)
//   - what customers ask, for the staff (kiosk-staff.js, kiosk-staff-view.js), behind a long press
//     on the title (or Ctrl+Alt+P) and a PIN
//
// It extends the element from outside, as a layer: the views it replaces or completes are looked
// up in views.js's VIEWS at each rendering, and it wraps three of the element's methods (_render,
// _setView, _reset) to add its parts after each rendering and to reset them with the screen. The
// element knows nothing of it. What the widget answered comes from events.js.

import { h } from "./dom.js";
import { FaqWidget } from "./element.js";
import { observe } from "./events.js";
import { kioskCss } from "./kiosk-bundled.js";
import { OnScreenKeyboard } from "./kiosk-keyboard.js";
import { arrowNavigate } from "./kiosk-nav.js";
import { onVoicesChanged } from "./kiosk-speech.js";
import { StaffCounts } from "./kiosk-staff.js";
import { askPin, showStaff } from "./kiosk-staff-view.js";
import { decorateAnswer, decorateContacts, kioskStrings, refreshListen, renderTiles, stopListening } from "./kiosk-views.js";
import { VIEWS } from "./views.js";

/** How long a press on the title opens the staff PIN. */
const STAFF_HOLD_MS = 2000;

let sheet = null;
function kioskSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(kioskCss);
  }
  return sheet;
}

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch (_) {
    return null;
  }
}

const counts = new StaffCounts(storage());
observe((event) => counts.record(event));

/** The kiosk layer of one widget: its keyboard, whether it is shown, the staff gesture. */
class KioskLayer {
  constructor(widget) {
    this._w = widget;
    this._keysOpen = false;
    this._hold = 0;
    this._keyboard = new OnScreenKeyboard({
      input: () => this._input(),
      submit: () => this._input()?.form?.requestSubmit(),
    });
    const root = widget._root;
    root.addEventListener("keydown", (ev) => this._onKey(ev));
    root.addEventListener("contextmenu", (ev) => ev.preventDefault()); // a long press is not a menu
    // Contacts appear in several views and after a "No" to "¿Te sirvió?": each list gets its QR codes when it appears.
    new MutationObserver(() => {
      for (const list of root.querySelectorAll(".contact-list:not(.with-qr)")) decorateContacts(list, widget._faqSource.contactFaq.contact, widget.lang);
    }).observe(root, { childList: true, subtree: true });
  }

  /** Whether the on-screen keyboard is wanted: keyboard="off" or ?keyboard=off leave it out. */
  get _keyboardOn() {
    let v = null;
    try {
      v = new URLSearchParams(location.search).get("keyboard");
    } catch (_) {
      v = null;
    }
    if (v === null || v === "") v = this._w.getAttribute("keyboard");
    return v !== "off";
  }

  _input() {
    return this._w._root.querySelector("input.query");
  }

  /** After each rendering of the widget: the kiosk's styles, header buttons, keyboard. */
  rendered() {
    const w = this._w;
    const root = w._root;
    if (!root.adoptedStyleSheets.includes(kioskSheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, kioskSheet()];
    const wrap = root.querySelector(".root");
    const panel = root.querySelector(".panel");
    if (!wrap || !panel) return;
    const k = kioskStrings(w.lang);
    wrap.classList.add("touch");
    const header = panel.querySelector(".header");
    const contact = h("button", {
      type: "button",
      class: "head-button contact-button",
      text: w._context().t.contactButton,
      onclick: () => w._setView({ name: "contacts" }, { focus: ".view-title" }),
    });
    const restart = h("button", { type: "button", class: "head-button restart", text: k.restart, onclick: () => this.restart() });
    header.append(h("div", { class: "head-actions" }, contact, restart));
    const title = header.querySelector(".title");
    const cancel = () => clearTimeout(this._hold);
    title.addEventListener("pointerdown", () => {
      cancel();
      this._hold = setTimeout(() => this.openStaff(), STAFF_HOLD_MS);
    });
    for (const ev of ["pointerup", "pointercancel", "pointerleave"]) title.addEventListener(ev, cancel);
    const input = this._input();
    if (!input) return;
    if (!this._keyboardOn) {
      this._keysOpen = false;
      wrap.classList.remove("keys-open");
      return;
    }
    // The screen's keyboard only: no system keyboard over it on a tablet or a Windows touch screen.
    input.setAttribute("inputmode", "none");
    input.placeholder = k.placeholder;
    // On click, not pointerdown: the layout changes once the tap has put the focus in the box.
    input.addEventListener("click", () => this.showKeys(true, false));
    const toggle = h("button", {
      type: "button",
      class: "keys-toggle",
      "aria-controls": `${w._id}-keys`,
      "aria-expanded": "false",
      onclick: () => this.showKeys(!this._keysOpen, true),
    });
    toggle.append(h("span", { class: "keys-icon", "aria-hidden": "true", text: "⌨" }), h("span", { text: k.keyboard }));
    input.closest(".row").append(toggle);
    const keys = this._keyboard.render(k);
    keys.id = `${w._id}-keys`;
    panel.insertBefore(keys, panel.querySelector(".body").nextSibling);
    this.showKeys(this._keysOpen, false);
  }

  /** Shows or hides the keyboard; `focus` puts the focus on it (it was asked for from a keypad or by a tap on "Teclado"). */
  showKeys(open, focus) {
    const root = this._w._root;
    this._keysOpen = open && this._keyboardOn;
    root.querySelector(".root")?.classList.toggle("keys-open", this._keysOpen);
    root.querySelector(".keys-toggle")?.setAttribute("aria-expanded", this._keysOpen ? "true" : "false");
    if (this._keysOpen && focus) this._keyboard.tabStop?.focus();
  }

  /** Before another view is shown: the keyboard folds away (an answer needs the room), speech stops. */
  viewChanging() {
    stopListening();
    this.showKeys(false, false);
  }

  /** Before the screen is cleared (idle, or "Empezar de nuevo"): everything kiosk-only goes too. */
  resetting() {
    clearTimeout(this._hold);
    stopListening();
    this._keysOpen = false;
    for (const d of this._w._root.querySelectorAll("dialog")) d.close();
  }

  /** "Empezar de nuevo": as the idle reset, then the focus on the start screen's heading. */
  restart() {
    this._w._reset();
    this._w._root.querySelector(".section-title")?.focus();
  }

  openStaff() {
    const root = this._w._root;
    const wrap = root.querySelector(".root");
    if (!wrap || root.querySelector("dialog")) return;
    askPin(wrap, this._w._id, () => showStaff(wrap, this._w._id, counts, this._w._faqSource.faq));
  }

  /** A key pressed outside the widget (see the document's listener below). */
  keyOutside(ev) {
    if (ev.key.toLowerCase() === "p" && ev.ctrlKey && ev.altKey) {
      ev.preventDefault();
      this.openStaff();
    } else if (ev.key.startsWith("Arrow") && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      const first = this._w._root.querySelector(".body button, .header button");
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  }

  _onKey(ev) {
    if (ev.key.toLowerCase() === "p" && ev.ctrlKey && ev.altKey) {
      ev.preventDefault();
      this.openStaff();
      return;
    }
    const root = this._w._root;
    arrowNavigate(ev, root, () => root.querySelector("dialog[open]") || root.querySelector(".panel"));
  }
}

const layers = new WeakMap();
function layerOf(widget) {
  let l = layers.get(widget);
  if (!l) {
    l = new KioskLayer(widget);
    layers.set(widget, l);
  }
  return l;
}
const isKiosk = (w) => w.mode === "kiosk";

const proto = FaqWidget.prototype;
const render = proto._render;
proto._render = function () {
  render.call(this);
  if (isKiosk(this)) layerOf(this).rendered();
};
const setView = proto._setView;
proto._setView = function (view, options) {
  if (isKiosk(this)) layerOf(this).viewChanging();
  setView.call(this, view, options);
};
const reset = proto._reset;
proto._reset = function () {
  if (isKiosk(this)) layerOf(this).resetting();
  reset.call(this);
};

/** A view that the kiosk draws its own way (`kiosk`) or completes (`after`); other modes keep views.js's. */
function kioskView(name, { kiosk = null, after = null }) {
  const base = VIEWS[name];
  VIEWS[name] = (body, view, ctx) => {
    if (!ctx.kiosk) return base(body, view, ctx);
    if (kiosk) return kiosk(body, view, ctx);
    base(body, view, ctx);
    after(body, view, ctx);
  };
}
kioskView("start", { kiosk: renderTiles });
kioskView("answer", { after: decorateAnswer });

// Keys pressed while nothing in a widget has the focus (after the idle reset, say): Ctrl+Alt+P
// still opens the staff PIN, and an arrow key enters the screen at its first control.
document.addEventListener("keydown", (ev) => {
  const w = document.querySelector("faq-widget");
  if (!w || !isKiosk(w) || ev.composedPath().includes(w)) return;
  layerOf(w).keyOutside(ev);
});

onVoicesChanged(() => {
  for (const w of document.querySelectorAll("faq-widget")) if (isKiosk(w)) refreshListen(w.shadowRoot);
});

// The kiosk page's widget was defined (and drawn) before this module ran: draw it again, as a kiosk.
for (const w of document.querySelectorAll("faq-widget")) if (isKiosk(w) && w._rendered) w._render();
