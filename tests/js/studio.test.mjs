// The studio's pure parts (www/studio/model.js, kiosk-import.js, strings.js), no browser: paths
// of findings and where they focus, the one-per-line lists, the undo history, the kiosk export's
// checks (a forged file is refused, naming the place), the Spanish of the validator's messages.

import assert from "node:assert/strict";
import { test } from "node:test";
import { notHelpful, readKioskExport, unansweredByCount } from "../../www/studio/kiosk-import.js";
import {
  entryIndexOf,
  focusCandidates,
  freshId,
  getAt,
  History,
  joinPath,
  lineRange,
  linesToList,
  linesToSynonyms,
  parsePath,
  setAt,
  synonymsToLines,
} from "../../www/studio/model.js";
import { message, STRINGS, t } from "../../www/studio/strings.js";

test("paths: parsed and joined back; bad ones are null; the entry of a path", () => {
  assert.deepEqual(parsePath("entries[2].phrasings[10]"), ["entries", 2, "phrasings", 10]);
  assert.deepEqual(parsePath("contact.email[0].address"), ["contact", "email", 0, "address"]);
  assert.deepEqual(parsePath("synonyms[3][1]"), ["synonyms", 3, 1]);
  assert.deepEqual(parsePath(""), []);
  for (const bad of ["[1]", "a..b", "a.", "a[x]", ".a", "a b", null]) assert.equal(parsePath(bad), null, String(bad));
  assert.equal(joinPath(parsePath("entries[2].en.phrasings[0]")), "entries[2].en.phrasings[0]");
  assert.equal(entryIndexOf("entries[4].answer"), 4);
  assert.equal(entryIndexOf("contact.pbx.tel"), null);
});

test("focus: a list item is a line of the list's box; then shorter and shorter paths", () => {
  assert.deepEqual(focusCandidates("entries[2].phrasings[1]"), [
    { path: "entries[2].phrasings[1]", line: null },
    { path: "entries[2].phrasings", line: 1 },
    { path: "entries[2]", line: null },
    { path: "entries", line: 2 },
  ]);
  assert.deepEqual(focusCandidates("synonyms[3][1]").slice(1), [
    { path: "synonyms[3]", line: 1 },
    { path: "synonyms", line: 3 },
  ]);
  assert.deepEqual(lineRange("a\nbb\nccc", 1), [2, 4]);
  assert.deepEqual(lineRange("a\nbb\nccc", 2), [5, 8]);
  assert.deepEqual(lineRange("a", 5), [1, 1]);
});

test("lists: blank lines dropped, the rest as typed; synonym groups by commas", () => {
  assert.deepEqual(linesToList("uno\n\n  \ndos \r\ntres"), ["uno", "dos ", "tres"]);
  assert.deepEqual(linesToSynonyms("factura, planilla ,recibo\n\n, ,\nwifi"), [["factura", "planilla", "recibo"], ["wifi"]]);
  assert.equal(synonymsToLines([["a", "b"], ["c"]]), "a, b\nc");
});

test("setAt: English texts made on first use and dropped when all empty; getAt", () => {
  const faq = { entries: [{ id: "a", question: "q" }] };
  setAt(faq, parsePath("entries[0].en.question"), "Q");
  assert.deepEqual(faq.entries[0].en, { question: "Q", answer: "", phrasings: [] });
  setAt(faq, parsePath("entries[0].en.question"), "");
  assert.equal("en" in faq.entries[0], false);
  assert.equal(getAt(faq, parsePath("entries[0].question")), "q");
  assert.equal(getAt(faq, parsePath("entries[5].question")), undefined);
  assert.equal(freshId([{ id: "nueva-entrada" }, { id: "nueva-entrada-2" }]), "nueva-entrada-3");
});

test("history: typing in one field is one step; another field or a pause is a new one", () => {
  let now = 0;
  const h = new History(3, 1000, () => now);
  h.record("s0", "entries[0].question");
  now = 500;
  h.record("s1", "entries[0].question");
  now = 900;
  h.record("s2", "entries[0].answer");
  now = 5000;
  h.record("s3", "entries[0].answer");
  assert.equal(h.undo(), "s3");
  assert.equal(h.undo(), "s2");
  assert.equal(h.undo(), "s0");
  assert.equal(h.undo(), null);
  assert.equal(h.canUndo, false);
  for (const s of ["a", "b", "c", "d"]) h.record(s, null);
  assert.equal(h.undo(), "d");
  assert.equal(h.undo(), "c");
  assert.equal(h.undo(), "b");
  assert.equal(h.undo(), null, "the oldest step beyond the limit is gone");
});

/** A kiosk export as www/src/kiosk-staff.js writes it. */
function exported() {
  return {
    format: "faq-widget-kiosk-export",
    version: 1,
    organization: "Nettplus",
    since: "2026-03-01T08:00:00.000Z",
    exported: "2026-03-31T18:00:00.000Z",
    questions: { total: 9, answered: 5, ambiguous: 1, unanswered: 3 },
    entries: [
      { id: "a", question: "¿A?", shown: 4, asked: 3, helpful: 1, notHelpful: 2 },
      { id: "b", question: "¿B?", shown: 1, asked: 1, helpful: 0, notHelpful: 0 },
      { id: "gone", question: null, shown: 1, asked: 0, helpful: 0, notHelpful: 5 },
    ],
    unanswered: [
      { text: "cuanto cuesta el plan", count: 1 },
      { text: "mi cedula es ##########", count: 2 },
      { text: "escribi a [correo]", count: 1 },
    ],
    unansweredDropped: 0,
  };
}

test("kiosk export: a real one reads; the counts ordered for the staff", () => {
  const data = readKioskExport(JSON.stringify(exported()));
  assert.deepEqual(
    notHelpful(data).map((e) => e.id),
    ["gone", "a"],
  );
  assert.deepEqual(
    unansweredByCount(data).map((u) => u.text),
    ["mi cedula es ##########", "cuanto cuesta el plan", "escribi a [correo]"],
  );
});

test("kiosk export: a forged or damaged one is refused, naming the place", () => {
  const cases = [
    ["not json", "file: not JSON"],
    ["[]", "file: must be a JSON object"],
    [{ ...exported(), format: "faq" }, "format:"],
    [{ ...exported(), version: 2 }, "version:"],
    [{ ...exported(), extra: 1 }, 'file: unknown field "extra"'],
    [{ ...exported(), since: "yesterday" }, "since:"],
    [{ ...exported(), questions: { total: -1, answered: 0, ambiguous: 0, unanswered: 0 } }, "questions.total:"],
    [{ ...exported(), entries: [{ id: "a", question: "q", shown: 1.5, asked: 0, helpful: 0, notHelpful: 0 }] }, "entries[0].shown:"],
    [{ ...exported(), entries: [{ id: 3, question: "q", shown: 1, asked: 0, helpful: 0, notHelpful: 0 }] }, "entries[0].id:"],
    [{ ...exported(), unanswered: [{ text: "llame al 0991234567", count: 1 }] }, "unanswered[0].text: holds a digit"],
    [{ ...exported(), unanswered: [{ text: "x@y.com", count: 1 }] }, "unanswered[0].text: holds a digit or an e-mail"],
    [{ ...exported(), unanswered: [{ text: "a".repeat(201), count: 1 }] }, "unanswered[0].text: must be text of 1 to 200"],
    [{ ...exported(), unanswered: [{ text: "<script>", count: 0 }] }, "unanswered[0].count:"],
    [{ ...exported(), unanswered: Array.from({ length: 1001 }, () => ({ text: "a", count: 1 })) }, "unanswered: more than 1000"],
  ];
  for (const [input, start] of cases) {
    const text = typeof input === "string" ? input : JSON.stringify(input);
    assert.throws(
      () => readKioskExport(text),
      (e) => e.message.startsWith(start),
      start,
    );
  }
});

test("strings: both languages have every key; the validator's messages in Spanish", () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.es).sort());
  assert.equal(t("es", "opened", { name: "x.json", entries: 3 }).includes("«x.json» (3 entradas)"), true);
  assert.equal(message("es", "the question is empty"), "la pregunta está vacía");
  assert.equal(message("es", 'unknown category "x" (known: a, b)'), "categoría desconocida «x» (existen: a, b)");
  assert.equal(message("en", "the question is empty"), "the question is empty");
  assert.equal(message("es", "something new"), "something new", "unknown messages stay as Rust says them");
});
