// The four engines behind one interface, used by the benchmark page (bench/page.mjs).
//
// Each adapter: `build(lib, faq)` makes an index ready to answer from what the page loaded (the
// peers: the parsed FAQ JSON, which they index in the page; faq-widget: the pack `faq compile`
// made at build time) and `ask(index, query)` returns the ids of at most three answers, best
// first; `[]` means "no answer".
//
// The peers get the same text faq-widget indexes: per entry the question, phrasings, keywords and
// answer, and the English question, phrasings and answer (see docsOf). Each is configured the way
// its README recommends for fuzzy search, and "no answer" is the library's own: an empty result
// list. None of them has a score threshold set by us (Fuse.js keeps its built-in default of 0.6).

/** Field names, in the order of importance faq-widget gives them. */
export const FIELDS = ["question", "phrasings", "keywords", "en_question", "en_phrasings", "answer", "en_answer"];

/** One flat document per FAQ entry; list fields stay lists (joined by `flat` for libraries that want strings). */
export function docsOf(faq) {
  return faq.entries.map((e) => ({
    id: e.id,
    question: e.question,
    phrasings: e.phrasings || [],
    keywords: e.keywords || [],
    answer: e.answer,
    en_question: e.en ? e.en.question : "",
    en_phrasings: e.en ? e.en.phrasings || [] : [],
    en_answer: e.en ? e.en.answer : "",
  }));
}

/** The same document with list fields joined by newlines (for libraries that index strings). */
export function flat(doc) {
  const out = {};
  for (const [k, v] of Object.entries(doc)) out[k] = Array.isArray(v) ? v.join("\n") : v;
  return out;
}

export const ADAPTERS = {
  // The engine alone: the wasm-bindgen class FaqEngine over the compiled index that `faq compile`
  // wrote (the pack, read by www/src/publish.js's readPack); lib = { FaqEngine }, faq = { display,
  // index }. What is counted is the engine's answer as `faq eval` counts it: status "none" = no
  // answer, else the hits' ids.
  "faq-widget": {
    config: "new FaqEngine(readPack(packText).index); engine.ask(query, 3): status 'none' = no answer, else hits[].id",
    build: (lib, pack) => new lib.FaqEngine(pack.index),
    ask: (engine, q) => {
      const r = engine.ask(q, 3);
      return r.status === "none" ? [] : r.hits.map((h) => h.id);
    },
  },
  // The shipped widget: its one script with the compiled FAQ inside, a <faq-widget> and its public
  // element.ask(query), a Promise of answers ([] = no answer). lib = { element } already in the
  // page; build() does nothing: the widget reads its index on the first question (ready counts
  // that first answer). When a question asks for a person, element.ask puts the contact options
  // first (id "contact") before the engine's hits: that is not an FAQ entry, so it is left out and
  // what is counted is the engine's own answer, as for the row above.
  "faq-widget-element": {
    async: true,
    config: "<faq-widget> and its one script (the compiled FAQ inside); await element.ask(query), the contact item left out",
    build: async (lib) => lib.element,
    ask: async (el, q) => (await el.ask(q)).filter((a) => a.id !== "contact").map((a) => a.id),
  },
  // Fuse.js 7.5: README "Fuzzy Search" (Bitap, the default mode); list fields are searched item by
  // item. Its "Token Search" mode (useTokenSearch: true) scored far worse here (top-1 0.18 at 12
  // entries) and was slower, so the default mode is the fair one.
  fuse: {
    config: "new Fuse(docs, { keys: FIELDS, includeScore: true }); fuse.search(query, { limit: 3 }); " + "built-in threshold 0.6, no answer = empty list",
    build: (lib, faq) => new lib.Fuse(docsOf(faq), { keys: FIELDS, includeScore: true }),
    ask: (fuse, q) => fuse.search(q, { limit: 3 }).map((r) => r.item.id),
  },
  // MiniSearch 7.2: README "fuzzy: 0.2" + "prefix: true" + boost of the title field.
  minisearch: {
    config:
      "new MiniSearch({ fields: FIELDS, searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true } }); " +
      "addAll(flat docs); search(query).slice(0, 3); no answer = empty list",
    build: (lib, faq) => {
      const ms = new lib.MiniSearch({
        fields: FIELDS,
        searchOptions: { boost: { question: 2 }, fuzzy: 0.2, prefix: true },
      });
      ms.addAll(docsOf(faq).map(flat));
      return ms;
    },
    ask: (ms, q) =>
      ms
        .search(q)
        .slice(0, 3)
        .map((r) => r.id),
  },
  // FlexSearch 0.8: README "Fuzzy-Search": a tolerant tokenizer, a Latin phonetic encoder and
  // suggest: true. Of the README's tokenizers (strict, forward, tolerant) x encoders (Normalize,
  // LatinBalance, LatinAdvanced, LatinExtra, LatinSoundex), this one had the best top-1 on dev.tsv.
  flexsearch: {
    config:
      "new Document({ tokenize: 'tolerant', encoder: Charset.LatinAdvanced, document: { id: 'id', index: FIELDS } }); " +
      "add(flat doc) for each; search(query, { suggest: true, merge: true, limit: 3 }); no answer = empty list",
    build: (lib, faq) => {
      const idx = new lib.Document({
        tokenize: "tolerant",
        encoder: lib.Charset.LatinAdvanced,
        document: { id: "id", index: FIELDS },
      });
      for (const d of docsOf(faq)) idx.add(flat(d));
      return idx;
    },
    ask: (idx, q) => idx.search(q, { suggest: true, merge: true, limit: 3 }).map((r) => r.id),
  },
};

export const ENGINES = Object.keys(ADAPTERS);

/** Scores answers the way `faq eval` does (tests/data/README.md). */
export function score(cases, answers) {
  let ins = 0,
    ins1 = 0,
    ins3 = 0,
    oos = 0,
    oosOk = 0;
  cases.forEach((c, i) => {
    const a = answers[i];
    if (c.expected.length === 0) {
      oos++;
      if (a.length === 0) oosOk++;
    } else {
      ins++;
      if (a.length > 0 && c.expected.includes(a[0])) ins1++;
      if (a.slice(0, 3).some((x) => c.expected.includes(x))) ins3++;
    }
  });
  const rate = (a, b) => (b === 0 ? 1 : a / b);
  return { rows: cases.length, top1: rate(ins1, ins), top3: rate(ins3, ins), oos: rate(oosOk, oos), overall: rate(ins1 + oosOk, cases.length) };
}

/** Parses dev.tsv: `query<TAB>expected<TAB>tags`, expected `none` or ids joined by `|`. */
export function parseTsv(text) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (!lines[0].startsWith("query\t")) throw new Error("dev.tsv: no header");
  return lines.slice(1).map((l) => {
    const [query, expected, tags] = l.split("\t");
    return { query, expected: expected.trim() === "none" ? [] : expected.trim().split("|"), tags: (tags || "").split(",") };
  });
}
