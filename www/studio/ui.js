// Small DOM helpers of the studio's forms. Every text from a file goes in as a value or a text
// node (h() of www/src/dom.js), never as HTML.

import { h } from "../src/dom.js";

let serial = 0;
/** A new element id, unique in the page. */
export const uid = (prefix = "f") => `${prefix}-${++serial}`;

/**
 * A labelled text field: an <input> (or a <textarea> when `rows` is given) whose data-path names
 * the place in the FAQ it edits, so a finding about that place can focus it. `onInput(value)` is
 * called on every change.
 */
export function field({ label, value, path, onInput, rows = 0, help = null, type = "text", className = "" }) {
  const id = uid();
  const helpId = help ? uid("help") : null;
  const control = rows
    ? h("textarea", { id, rows, "data-path": path, "aria-describedby": helpId, spellcheck: "true" })
    : h("input", { id, type, "data-path": path, "aria-describedby": helpId, autocomplete: "off" });
  control.value = value ?? "";
  control.addEventListener("input", () => onInput(control.value));
  return h("div", { class: `field ${className}`.trim() }, h("label", { for: id }, label), control, help ? h("p", { id: helpId, class: "help" }, help) : null);
}

/** A labelled <select> of `options` ([value, text]), with data-path like field(). */
export function select({ label, value, path, options, onChange }) {
  const id = uid();
  const control = h("select", { id, "data-path": path });
  for (const [v, text] of options) {
    const o = h("option", { value: v }, text);
    if (v === value) o.selected = true;
    control.append(o);
  }
  control.addEventListener("change", () => onChange(control.value));
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** A button; `onClick` runs on click (and so on Enter and Space). */
export function button(text, onClick, attrs = {}) {
  return h("button", { type: "button", ...attrs, onclick: onClick }, text);
}

/** A table with a header row; `rows` are arrays of cells (strings or elements). */
export function table(caption, headers, rows, className = "") {
  return h(
    "table",
    { class: className || null },
    h("caption", null, caption),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        headers.map((x) => h("th", { scope: "col" }, x)),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((r) =>
        h(
          "tr",
          null,
          r.map((c) => h("td", null, c)),
        ),
      ),
    ),
  );
}

/** Saves `text` as a file named `name` (a download the browser asks about or keeps). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a File, or a rejected promise with the browser's reason. */
export function readFile(file) {
  return file.arrayBuffer().then((b) => new Uint8Array(b));
}
