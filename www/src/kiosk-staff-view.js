// The staff view of the kiosk: a PIN on a digit pad, then the counts (kiosk-staff.js) with their
// export. Both are modal <dialog>s inside the widget's shadow root: while one is open the
// customers' screen behind it is inert, and the idle reset closes it (the widget renders anew).
// The PIN is checked against the salted PBKDF2 hash the build wrote (kiosk-bundled.js); after five
// wrong PINs the pad waits a minute.

import { h } from "./dom.js";
import { kioskPin } from "./kiosk-bundled.js";
import { exportCsv, exportNames } from "./kiosk-staff.js";
import { STAFF } from "./kiosk-strings.js";

const MAX_TRIES = 5;
const LOCK_MS = 60_000;
let tries = 0;
let lockedUntil = 0;

function base64Bytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Whether `pin` is the staff PIN: PBKDF2-SHA-256 with the build's salt and iterations, compared with its hash. */
export async function pinMatches(pin, check = kioskPin) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error(STAFF.noCrypto);
  const key = await subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(
    await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: base64Bytes(check.salt), iterations: check.iterations }, key, 256),
  );
  const want = base64Bytes(check.hash);
  let diff = bits.length ^ want.length;
  for (let i = 0; i < want.length; i++) diff |= bits[i] ^ want[i];
  return diff === 0;
}

/** A modal dialog in `parent`, in Spanish, removed from the page when it closes. */
function dialog(parent, cls, titleId, ...children) {
  const d = h("dialog", { class: `staff-dialog ${cls}`, lang: "es", "aria-labelledby": titleId }, ...children);
  d.addEventListener("close", () => d.remove());
  parent.append(d);
  d.showModal();
  return d;
}

/**
 * Asks for the PIN on a digit pad (the digits can also be typed); `opened()` when it is right.
 * `parent` is where the dialog goes (the widget's .root), `id` a unique prefix.
 */
export function askPin(parent, id, opened) {
  const input = h("input", {
    class: "pin-input",
    id: `${id}-pin`,
    type: "password",
    inputmode: "none",
    autocomplete: "off",
    maxlength: "12",
    "aria-describedby": `${id}-pin-msg`,
  });
  const msg = h("p", { class: "pin-msg", id: `${id}-pin-msg`, role: "alert" });
  const pad = h("div", { class: "pin-pad", role: "group", "aria-label": STAFF.pinLabel });
  const enter = h("button", { type: "submit", class: "pin-enter", text: STAFF.enter });
  for (const d of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "{erase}", "0", "{enter}"]) {
    if (d === "{enter}") {
      pad.append(enter);
      continue;
    }
    const b = h("button", { type: "button", class: d === "{erase}" ? "pin-key erase" : "pin-key", text: d === "{erase}" ? STAFF.erase : d });
    b.addEventListener("mousedown", (ev) => ev.preventDefault());
    b.addEventListener("click", () => {
      input.value = d === "{erase}" ? input.value.slice(0, -1) : (input.value + d).slice(0, 12);
    });
    pad.append(b);
  }
  const form = h(
    "form",
    { class: "pin-form", method: "dialog" },
    h("h2", { id: `${id}-pin-title`, class: "staff-title", text: STAFF.pinTitle }),
    h("label", { for: `${id}-pin`, class: "pin-label", text: STAFF.pinLabel }),
    input,
    msg,
    pad,
    h("button", { type: "button", class: "staff-close", text: STAFF.cancel, onclick: () => d.close() }),
  );
  const d = dialog(parent, "pin", `${id}-pin-title`, form);
  const locked = () => Date.now() < lockedUntil;
  if (locked()) msg.textContent = STAFF.locked;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const pin = input.value.replace(/\D/g, "");
    input.value = "";
    if (locked()) {
      msg.textContent = STAFF.locked;
      return;
    }
    enter.disabled = true;
    let ok = false;
    try {
      ok = pin.length > 0 && (await pinMatches(pin));
    } catch (e) {
      msg.textContent = e.message;
      enter.disabled = false;
      return;
    }
    enter.disabled = false;
    if (!d.isConnected) return;
    if (ok) {
      tries = 0;
      d.close();
      opened();
      return;
    }
    tries += 1;
    if (tries >= MAX_TRIES) {
      tries = 0;
      lockedUntil = Date.now() + LOCK_MS;
      msg.textContent = STAFF.locked;
    } else {
      msg.textContent = "";
      setTimeout(() => {
        msg.textContent = STAFF.wrongPin;
      }, 30);
    }
    input.focus();
  });
  input.focus();
  return d;
}

/** A file download of `text`, named `name`, from a blob: no request, nothing left behind. */
function download(parent, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  parent.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads `data` (an export) as JSON and CSV; returns the two file names. */
function downloadExport(parent, data) {
  const [json, csv] = exportNames(data.exported);
  download(parent, json, `${JSON.stringify(data, null, 2)}\n`, "application/json");
  download(parent, csv, exportCsv(data), "text/csv;charset=utf-8");
  return [json, csv];
}

function when(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The staff view of `counts` (a StaffCounts) for the FAQ `faq`, in `parent`. */
export function showStaff(parent, id, counts, faq) {
  const body = h("div", { class: "staff-body" });
  const status = h("p", { class: "staff-status", role: "status" });
  const draw = () => {
    const data = counts.exportData(faq);
    body.replaceChildren();
    body.append(
      h("p", { class: "staff-since", text: STAFF.since(when(data.since)) }),
      h("p", { text: STAFF.totals(data.questions.total, data.questions.unanswered) }),
    );
    const table = h("table", { class: "staff-table" });
    table.append(
      h("caption", { class: "sr-only", text: STAFF.title }),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          [STAFF.entry, STAFF.shown, STAFF.asked, STAFF.yes, STAFF.no].map((x) => h("th", { scope: "col", text: x })),
        ),
      ),
    );
    const tbody = h("tbody");
    for (const e of data.entries) {
      tbody.append(
        h(
          "tr",
          null,
          h("th", { scope: "row", text: e.question || e.id }),
          [e.shown, e.asked, e.helpful, e.notHelpful].map((n) => h("td", { text: String(n) })),
        ),
      );
    }
    table.append(tbody);
    body.append(h("div", { class: "staff-scroll", tabindex: "0", role: "region", "aria-label": STAFF.title, "data-scroll": true }, table));
    body.append(h("h3", { class: "staff-subtitle", text: STAFF.unanswered(data.unanswered.length) }), h("p", { class: "staff-note", text: STAFF.masked }));
    if (data.unanswered.length) {
      const ul = h("ul", { class: "staff-unanswered", tabindex: "0", "aria-label": STAFF.unanswered(data.unanswered.length), "data-scroll": true });
      for (const u of data.unanswered) ul.append(h("li", null, h("span", { class: "staff-count", text: `${u.count}×` }), ` ${u.text}`));
      body.append(ul);
    } else {
      body.append(h("p", { text: STAFF.noUnanswered }));
    }
    if (data.unansweredDropped) body.append(h("p", { text: STAFF.dropped(data.unansweredDropped) }));
  };
  const exportButton = h("button", {
    type: "button",
    class: "staff-export",
    text: STAFF.export,
    onclick: () => {
      const data = counts.exportData(faq);
      const files = downloadExport(parent, data);
      counts.clear(data);
      draw();
      again.hidden = false;
      status.textContent = STAFF.exported(files);
    },
  });
  const again = h("button", {
    type: "button",
    class: "staff-again",
    text: STAFF.again,
    hidden: !counts.lastExport(),
    onclick: () => {
      const last = counts.lastExport();
      if (last) status.textContent = STAFF.exported(downloadExport(parent, last));
    },
  });
  draw();
  const d = dialog(
    parent,
    "staff",
    `${id}-staff-title`,
    h("h2", { id: `${id}-staff-title`, class: "staff-title", text: STAFF.title }),
    body,
    status,
    h(
      "div",
      { class: "staff-actions" },
      exportButton,
      again,
      h("button", { type: "button", class: "staff-close", text: STAFF.close, onclick: () => d.close() }),
    ),
  );
  exportButton.focus();
  return d;
}
