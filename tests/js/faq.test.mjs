// Reading the FAQ in the interface language (www/src/faq.js) and the feedback counts kept in
// localStorage (www/src/feedback.js).

import assert from "node:assert/strict";
import { test } from "node:test";
import { categoriesOf, entryTexts, labelOf, phrasingsOf } from "../../www/src/faq.js";
import { readFeedback, saveFeedback } from "../../www/src/feedback.js";

const FAQ = {
  categories: [
    { id: "pagos", name: "Pagos", name_en: "Payments" },
    { id: "vacia", name: "Vacía" },
  ],
  entries: [
    {
      id: "pago",
      category: "pagos",
      question: "¿Cómo pago?",
      answer: "En el banco.",
      phrasings: ["dónde pago"],
      en: { question: "How do I pay?", answer: "At the bank.", phrasings: ["where to pay"] },
    },
    { id: "solo-es", category: "pagos", question: "¿Hay recargo?", answer: "No.", en: { phrasings: ["late fee"] } },
    { id: "wifi", category: "soporte", question: "¿Clave del wifi?", answer: "En el router." },
  ],
};

test("entryTexts: Spanish, English when the entry has an English question, the id when unknown", () => {
  assert.deepEqual(entryTexts(FAQ, "pago", "es"), { id: "pago", question: "¿Cómo pago?", answer: "En el banco.", category: "pagos" });
  assert.deepEqual(entryTexts(FAQ, "pago", "en"), { id: "pago", question: "How do I pay?", answer: "At the bank.", category: "pagos" });
  assert.equal(entryTexts(FAQ, "solo-es", "en").question, "¿Hay recargo?");
  assert.deepEqual(entryTexts(FAQ, "nope", "es"), { id: "nope", question: "nope", answer: "", category: "" });
  assert.equal(entryTexts(null, "pago", "es").question, "pago");
});

test("phrasingsOf: the question in the language, the phrasings, and in English the English ones", () => {
  assert.deepEqual(phrasingsOf(FAQ.entries[0], "es"), ["¿Cómo pago?", "dónde pago"]);
  assert.deepEqual(phrasingsOf(FAQ.entries[0], "en"), ["How do I pay?", "dónde pago", "where to pay"]);
  assert.deepEqual(phrasingsOf(FAQ.entries[1], "en"), ["¿Hay recargo?", "late fee"]);
});

test("categoriesOf: listed categories with entries, then unlisted ones named by id", () => {
  const cats = categoriesOf(FAQ, "en");
  assert.deepEqual(
    cats.map((c) => [c.id, c.name, c.entries.map((e) => e.id)]),
    [
      ["pagos", "Payments", ["pago", "solo-es"]],
      ["soporte", "soporte", ["wifi"]],
    ],
  );
  assert.equal(categoriesOf(FAQ, "es")[0].name, "Pagos");
  assert.deepEqual(categoriesOf(null, "es"), []);
});

test("labelOf: the English label in English when there is one", () => {
  assert.equal(labelOf({ label: "Soporte", label_en: "Support" }, "en"), "Support");
  assert.equal(labelOf({ label: "Soporte" }, "en"), "Soporte");
  assert.equal(labelOf({ label: "Soporte", label_en: "Support" }, "es"), "Soporte");
  assert.equal(labelOf({}, "es"), "");
});

/** A localStorage stand-in for node, for the duration of `fn`. */
function withStorage(storage, fn) {
  const had = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
  Object.defineProperty(globalThis, "localStorage", { configurable: true, get: () => storage() });
  try {
    fn();
  } finally {
    if (had) Object.defineProperty(globalThis, "localStorage", had);
    else delete globalThis.localStorage;
  }
}

test("feedback: counts per entry under one key, and nothing else", () => {
  const data = new Map();
  const storage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, String(v)) };
  withStorage(
    () => storage,
    () => {
      assert.deepEqual(readFeedback(), {});
      saveFeedback("pago", true);
      saveFeedback("pago", false);
      saveFeedback("pago", true);
      saveFeedback("wifi", false);
      const all = readFeedback();
      assert.deepEqual(Object.keys(all), ["pago", "wifi"]);
      assert.equal(all.pago.yes, 2);
      assert.equal(all.pago.no, 1);
      assert.deepEqual([all.wifi.yes, all.wifi.no], [0, 1]);
      assert.ok(!Number.isNaN(Date.parse(all.pago.last)));
      assert.deepEqual([...data.keys()], ["faq-widget:feedback"]);
    },
  );
});

test("feedback: storage that is off, full or corrupt is not an error", () => {
  withStorage(
    () => {
      throw new Error("SecurityError");
    },
    () => {
      assert.deepEqual(readFeedback(), {});
      saveFeedback("pago", true);
    },
  );
  const full = {
    getItem: () => "{not json",
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  };
  withStorage(
    () => full,
    () => {
      assert.deepEqual(readFeedback(), {});
      saveFeedback("pago", true);
    },
  );
});
