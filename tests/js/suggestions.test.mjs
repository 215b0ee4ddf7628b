// Which questions the search box suggests (www/src/suggestions.js): the engine's hits within reach
// of the best, then entries the unfinished word may lead to.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseSuggestions, prefixMatches, SUGGEST_MIN_SCORE, SUGGESTIONS } from "../../www/src/suggestions.js";

const ENTRIES = [
  { id: "pago", question: "¿Cómo pago mi factura?", phrasings: ["Dónde deposito"] },
  { id: "clave", question: "¿Cuál es la clave de mi Wi-Fi?", phrasings: ["Olvidé la contraseña"], en: { phrasings: ["I forgot my password"] } },
  { id: "lento", question: "Mi internet está lento", phrasings: [] },
  { id: "factura-e", question: "Factura electrónica", phrasings: ["Quiero mi facturación"] },
];
const texts = (e) => [e.question, ...e.phrasings];
const ids = (list) => list.map((x) => x.id);

test("prefixMatches: entries with a word that starts with the unfinished word, in FAQ order", () => {
  assert.deepEqual(prefixMatches("como pago la fact", ENTRIES, texts, []), [
    { id: "pago", terms: [] },
    { id: "factura-e", terms: [] },
  ]);
  assert.deepEqual(ids(prefixMatches("olvide la contrase", ENTRIES, texts, [])), ["clave"]);
  assert.deepEqual(ids(prefixMatches("ESTÁ LENT", ENTRIES, texts, [])), ["lento"]);
});

test("prefixMatches: the scan stops at the limit, the first ones in FAQ order", () => {
  assert.deepEqual(ids(prefixMatches("como pago la fact", ENTRIES, texts, [], 1)), ["pago"]);
  assert.deepEqual(prefixMatches("como pago la fact", ENTRIES, texts, [], 0), []);
  // Each entry's texts are asked for once at most, and none after the limit is reached.
  const asked = [];
  const textsCounted = (e) => {
    asked.push(e.id);
    return texts(e);
  };
  prefixMatches("la fact", ENTRIES, textsCounted, [], 1);
  assert.deepEqual(asked, ["pago"]);
});

test("prefixMatches: entries already suggested are left out", () => {
  assert.deepEqual(ids(prefixMatches("la fact", ENTRIES, texts, [{ id: "pago", terms: ["factur"] }])), ["factura-e"]);
});

test("prefixMatches: nothing once the word is finished or while it is under three characters", () => {
  assert.deepEqual(prefixMatches("la fact ", ENTRIES, texts, []), []);
  assert.deepEqual(prefixMatches("la fa", ENTRIES, texts, []), []);
  assert.deepEqual(prefixMatches("", ENTRIES, texts, []), []);
});

test("prefixMatches: only the texts textsOf gives are searched", () => {
  assert.deepEqual(prefixMatches("I forg", ENTRIES, texts, []), []);
  const withEnglish = (e) => [...texts(e), ...(e.en?.phrasings || [])];
  assert.deepEqual(ids(prefixMatches("I forg", ENTRIES, withEnglish, [])), ["clave"]);
});

const hit = (id, score) => ({ id, score, terms: [id] });

test("chooseSuggestions: hits likely enough, then the completions", () => {
  // b is just likely enough, c is not.
  const reply = {
    status: "answer",
    hits: [hit("a", 0.6), hit("b", SUGGEST_MIN_SCORE), hit("c", SUGGEST_MIN_SCORE / 2)],
    candidates: [],
  };
  let given = null;
  const out = chooseSuggestions(reply, (kept) => {
    given = kept;
    return [{ id: "z", terms: [] }];
  });
  assert.deepEqual(given, [
    { id: "a", terms: ["a"] },
    { id: "b", terms: ["b"] },
  ]);
  assert.deepEqual(ids(out), ["a", "b", "z"]);
});

test("chooseSuggestions: for no answer, the candidates likely enough", () => {
  const reply = { status: "none", hits: [], candidates: [hit("a", 0.3), hit("b", 0.2), hit("c", 0.1), hit("d", SUGGEST_MIN_SCORE / 2)] };
  assert.deepEqual(ids(chooseSuggestions(reply, () => [])), ["a", "b", "c"]);
  assert.deepEqual(ids(chooseSuggestions({ status: "none", hits: [], candidates: [] }, () => [{ id: "z", terms: [] }])), ["z"]);
});

test("chooseSuggestions: at most SUGGESTIONS", () => {
  const hits = Array.from({ length: 8 }, (_, i) => hit(`h${i}`, 0.5 - i * 0.01));
  const more = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, terms: [] }));
  const out = chooseSuggestions({ status: "ambiguous", hits, candidates: [] }, () => more);
  assert.equal(out.length, SUGGESTIONS);
  assert.deepEqual(ids(out), ["h0", "h1", "h2", "h3", "h4"]);
});
