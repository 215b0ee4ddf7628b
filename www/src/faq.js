// Reading the FAQ object (the format of faq.schema.json) in the interface language: an entry's
// texts, the categories with their entries, contact labels. English texts are used when the
// interface is in English and the FAQ has them; Spanish otherwise.

/** The FAQ's entries ([] when there is no FAQ). */
export function entriesOf(faq) {
  return faq?.entries || [];
}

/**
 * Entry `id`'s {id, question, answer, category} in `lang` (the entry's `en` texts when lang is
 * "en" and it has an English question). An unknown id gives its id as the question.
 */
export function entryTexts(faq, id, lang) {
  const e = entriesOf(faq).find((x) => x.id === id);
  if (!e) return { id, question: id, answer: "", category: "" };
  return textsIn(e, lang);
}

/** The {id, question, answer, category} of the entry object `e` in `lang` (see entryTexts). */
function textsIn(e, lang) {
  const en = lang === "en" && e.en && e.en.question ? e.en : null;
  return {
    id: e.id,
    question: en ? en.question : e.question,
    answer: en?.answer ? en.answer : e.answer,
    category: e.category,
  };
}

/** Whether entry `id` has its own texts in `lang` (Spanish always; English when the FAQ gives them). */
export function hasTexts(faq, id, lang) {
  const e = entriesOf(faq).find((x) => x.id === id);
  return Boolean(e) && (lang !== "en" || Boolean(e.en?.question));
}

/**
 * The texts an unfinished word is matched against: the entry's question in `lang`, its phrasings,
 * and in English the English ones. It takes the entry itself: looking it up by id for each entry
 * of a keystroke's scan made the scan quadratic (a long task per key at 10,000 entries).
 */
export function phrasingsOf(entry, lang) {
  return [textsIn(entry, lang).question, ...(entry.phrasings || []), ...((lang === "en" && entry.en && entry.en.phrasings) || [])];
}

/**
 * The categories that have entries, in the FAQ's order, as [{id, name, entries}]; a category an
 * entry names but the FAQ does not list comes last, named by its id.
 */
export function categoriesOf(faq, lang) {
  if (!faq) return [];
  const cats = (faq.categories || []).map((c) => ({
    id: c.id,
    name: lang === "en" && c.name_en ? c.name_en : c.name,
  }));
  for (const e of faq.entries || []) {
    if (!cats.some((c) => c.id === e.category)) cats.push({ id: e.category, name: e.category });
  }
  return cats.map((c) => ({ ...c, entries: (faq.entries || []).filter((e) => e.category === c.id) })).filter((c) => c.entries.length);
}

/** A contact item's label in `lang` ("" when it has none). */
export function labelOf(item, lang) {
  return (lang === "en" && item.label_en) || item.label || "";
}

/**
 * The contact options as plain text, one per line, in `lang` with the interface strings `t`:
 * what `ask` answers when the question asks how to reach a person.
 */
export function contactLines(contact, lang, t) {
  const c = contact || {};
  const lines = [];
  if (c.pbx?.number) {
    lines.push(`${c.pbx.label || "PBX"}: ${c.pbx.number}`);
    for (const x of c.pbx.extensions || []) lines.push(`• ${t.ext} ${x.ext}: ${labelOf(x, lang)}`);
  }
  for (const w of c.whatsapp || []) lines.push(`${t.whatsapp} (${labelOf(w, lang)}): ${w.number}`);
  for (const m of c.email || []) lines.push(`${t.email} (${labelOf(m, lang)}): ${m.address}`);
  if (c.address?.text) lines.push(`${t.address}: ${c.address.text}`);
  return lines.join("\n");
}
