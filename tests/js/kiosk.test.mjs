// The kiosk page's pure parts (www/src/kiosk-*.js), no browser: what the keys type, which voice
// speaks and what it says, which numbers and accounts get a QR code, the staff counts (masking,
// the cap, what a reload keeps) and their CSV.

import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { backspace, keyText, typeInto } from "../../www/src/kiosk-keyboard.js";
import { pickVoice, spokenText } from "../../www/src/kiosk-speech.js";
import { exportCsv, exportNames, MAX_UNANSWERED, maskQuestion, STAFF_KEY, StaffCounts } from "../../www/src/kiosk-staff.js";
import { accountLines, takeAwayOf } from "../../www/src/kiosk-views.js";

const FAQ = JSON.parse(fs.readFileSync(new URL("../../faq.json", import.meta.url), "utf8"));

test("keys: at the caret, over a selection; backspace takes a whole emoji; the accent key accents vowels only", () => {
  assert.deepEqual(typeInto("clave", 5, 5, " wifi"), ["clave wifi", 10]);
  assert.deepEqual(typeInto("clave", 0, 5, "x"), ["x", 1]);
  assert.deepEqual(typeInto("ab", 1, 1, "ñ"), ["añb", 2]);
  assert.deepEqual(backspace("clave", 5, 5), ["clav", 4]);
  assert.deepEqual(backspace("clave", 1, 3), ["cve", 1]);
  assert.deepEqual(backspace("", 0, 0), ["", 0]);
  assert.deepEqual(backspace("ok😀", 4, 4), ["ok", 2]);
  assert.equal(keyText("a", true), "á");
  assert.equal(keyText("u", true), "ú");
  assert.equal(keyText("n", true), "n");
  assert.equal(keyText("a", false), "a");
});

test("voices: only localService ones, the closest Spanish first; none when the computer has no local one", () => {
  const v = (name, lang, localService) => ({ name, lang, localService });
  assert.equal(pickVoice([v("online", "es-EC", false), v("es", "es-ES", true), v("mx", "es_MX", true)], "es").name, "mx");
  assert.equal(pickVoice([v("online", "es-EC", false)], "es"), null);
  assert.equal(pickVoice([v("en", "en-US", true)], "es"), null);
  assert.equal(pickVoice([v("ec", "es-EC", true), v("us", "es-US", true)], "es").name, "ec");
  assert.equal(pickVoice([v("en", "en-GB", true)], "en").name, "en");
});

test("spoken text: bullets as sentences, phone numbers digit by digit, ext. and @ in words", () => {
  assert.equal(
    spokenText("Llame:\n• al 3701830 ext. 1\n• o a soporte@nettplus.net", "es"),
    "Llame: al 3 7 0 1 8 3 0 extensión 1. o a soporte arroba nettplus.net.",
  );
  assert.equal(spokenText("Call 0984060320", "en"), "Call 0 9 8 4 0 6 0 3 2 0.");
});

test("QR codes: an answer's numbers and addresses by links.js's rule, once each; the payment entry's accounts", () => {
  const e = (id) => FAQ.entries.find((x) => x.id === id).answer;
  assert.deepEqual(
    takeAwayOf(e("pagos-notificar"), FAQ.contact).map((x) => [x.kind, x.href]),
    [
      ["email", "mailto:contabilidad@nettplus.net"],
      ["whatsapp", "https://wa.me/593990232671"],
      ["tel", "tel:+59373701830,3"],
    ],
  );
  assert.equal(takeAwayOf(e("wifi-cambiar-clave"), FAQ.contact).length, 1, "the same number twice is one code");
  const accounts = accountLines(e("pagos-formas"));
  assert.equal(accounts.length, 7);
  assert.equal(accounts[0], "CTA BCO LOJA (2900691879)");
  for (const x of FAQ.entries.filter((x) => x.id !== "pagos-formas")) assert.deepEqual(accountLines(x.answer), [], `${x.id} has no account`);
});

test("masking: digits, e-mail addresses; white space; the length cap", () => {
  assert.equal(maskQuestion("cédula 1104567890, correo juan.perez@gmail.com  y cel 099-123-4567"), "cédula ##########, correo [correo] y cel ###-###-####");
  assert.equal(maskQuestion("٣٤٥ @ x@y"), "### @ [correo]");
  assert.equal([...maskQuestion("a".repeat(500))].length, 200);
});

/** A localStorage stand-in. */
function memory() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), m };
}

test("staff counts: per entry, kept in storage across a new page, the same unanswered question counted once", () => {
  const store = memory();
  let t = 0;
  const now = () => new Date(Date.UTC(2026, 3, 1, 10, 30, t++)).toISOString();
  const c = new StaffCounts(store, now);
  c.record({ type: "answer", id: "wifi-clave" });
  c.record({ type: "question", query: "olvide la clave", status: "answer", id: "wifi-clave" });
  c.record({ type: "question", query: "pagos", status: "ambiguous", id: "pagos-formas" });
  c.record({ type: "feedback", id: "wifi-clave", helpful: true });
  c.record({ type: "feedback", id: "pagos-formas", helpful: false });
  c.record({ type: "question", query: "¿Cuánto cuesta 100 megas?", status: "none", id: null });
  c.record({ type: "question", query: "cuanto cuesta 200 MEGAS", status: "none", id: null });
  c.record({ type: "something else" });
  const again = new StaffCounts(store, now);
  const d = again.exportData(FAQ);
  assert.deepEqual(d.questions, { total: 4, answered: 1, ambiguous: 1, unanswered: 2 });
  assert.deepEqual(
    d.entries.find((x) => x.id === "wifi-clave"),
    { id: "wifi-clave", question: FAQ.entries.find((x) => x.id === "wifi-clave").question, shown: 1, asked: 1, helpful: 1, notHelpful: 0 },
  );
  assert.equal(d.entries.find((x) => x.id === "pagos-formas").notHelpful, 1);
  assert.deepEqual(d.unanswered, [{ text: "¿Cuánto cuesta ### megas?", count: 2 }]);
  assert.equal(d.since, "2026-04-01T10:30:00.000Z");
  again.clear(d);
  assert.equal(again.exportData(FAQ).questions.total, 0);
  assert.deepEqual(again.lastExport(), d);
  // Storage with something unexpected in it starts afresh.
  store.setItem(STAFF_KEY, '{"version": 7}');
  assert.equal(new StaffCounts(store, now).exportData(FAQ).questions.total, 0);
});

test("staff counts: at most 1,000 different unanswered questions, the rest counted as dropped", () => {
  const c = new StaffCounts(null);
  const word = (n) => [...n.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join("");
  for (let i = 0; i < MAX_UNANSWERED + 50; i++) c.record({ type: "question", query: `pregunta ${word(i)}`, status: "none", id: null });
  const d = c.exportData(FAQ);
  assert.equal(d.unanswered.length, MAX_UNANSWERED);
  assert.equal(d.unansweredDropped, 50);
});

test("CSV: entries and unanswered questions, quoted where needed, no formula for a spreadsheet to run", () => {
  const csv = exportCsv({
    entries: [{ id: "a", question: 'Q, "quoted"', shown: 1, asked: 2, helpful: 3, notHelpful: 4 }],
    unanswered: [
      { text: "=HYPERLINK(1)", count: 2 },
      { text: "+cuanto", count: 1 },
    ],
  });
  assert.equal(
    csv,
    '\uFEFFkind,id,text,shown,asked,helpful,notHelpful,count\r\nentry,a,"Q, ""quoted""",1,2,3,4,\r\nunanswered,,\'=HYPERLINK(1),,,,,2\r\nunanswered,,\'+cuanto,,,,,1\r\n',
  );
  assert.deepEqual(exportNames("2026-04-01T10:30:12.000Z"), ["faq-kiosk-2026-04-01T10-30.json", "faq-kiosk-2026-04-01T10-30.csv"]);
});
