// The browser gives the same answers as the native CLI: every query of the labelled sets goes
// through `faq ask --json` (native) and through the WebAssembly engine in Chromium, both through
// the wasm-pack package (pkg/) and through the bundled widget's element.ask (dist/); status, ids
// and scores must agree. Run: make test-wasm (builds pkg/, dist/ is built by make dist).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { DIST, launch, ROOT, startServer } from "./lib.mjs";

const SETS = ["tests/data/dev.tsv", "tests/data/blind/r1.tsv"].map((f) => path.resolve(ROOT, f));
const FAQ_BIN = path.join(ROOT, "target/release/faq");
const TOP = 3;

function devQueries() {
  return SETS.flatMap((file) => {
    const lines = fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim());
    const header = lines.shift().split("\t");
    const q = header.indexOf("query");
    assert.ok(q >= 0, `${file} has a query column`);
    return lines.map((l) => l.split("\t")[q]);
  });
}

function native(query) {
  const out = execFileSync(FAQ_BIN, ["ask", query, "--json", "--top", String(TOP), "--faq", path.join(ROOT, "faq.json")], { encoding: "utf8" });
  const r = JSON.parse(out);
  return {
    status: r.status,
    answers: r.answers.map((a) => ({ id: a.id, score: a.score })),
    candidates: r.candidates.map((c) => ({ id: c.id, score: c.score })),
  };
}

let server;
let browser;
let queries;
let expected;

before(async () => {
  for (const f of SETS) assert.ok(fs.existsSync(f), `${f} (a labelled question set) is missing`);
  assert.ok(fs.existsSync(FAQ_BIN), "build the CLI first: cargo build --release --bin faq");
  queries = devQueries();
  assert.ok(queries.length >= 50, `${queries.length} queries`);
  expected = queries.map(native);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function same(where, q, got, want) {
  assert.equal(got.status, want.status, `${where}: status for ${JSON.stringify(q)}`);
  assert.deepEqual(
    got.answers.map((a) => a.id),
    want.answers.map((a) => a.id),
    `${where}: answers for ${JSON.stringify(q)}`,
  );
  for (let i = 0; i < want.answers.length; i++) {
    assert.ok(Math.abs(got.answers[i].score - want.answers[i].score) < 1e-5, `${where}: score of ${want.answers[i].id} for ${JSON.stringify(q)}`);
  }
}

test("the wasm-pack package in Chromium answers every labelled question as the native CLI does", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/blank.html`);
  // The compiled FAQ make dist bundles: the same bytes the native CLI compiles from faq.json.
  const pack = JSON.parse(fs.readFileSync(path.join(DIST, "faq.pack"), "utf8"));
  const got = await page.evaluate(
    async ({ index, queries, top }) => {
      const m = await import("/pkg/faq_widget.js");
      await m.default({ module_or_path: "/pkg/faq_widget_bg.wasm" });
      const engine = new m.FaqEngine(Uint8Array.from(atob(index), (c) => c.charCodeAt(0)));
      return queries.map((q) => {
        const r = engine.ask(q, top);
        return {
          status: r.status,
          answers: r.hits.map((h) => ({ id: h.id, score: h.score })),
          candidates: r.candidates.map((h) => ({ id: h.id, score: h.score })),
        };
      });
    },
    { index: pack.index, queries, top: TOP },
  );
  let compared = 0;
  for (let i = 0; i < queries.length; i++) {
    same("pkg", queries[i], got[i], expected[i]);
    assert.deepEqual(
      got[i].candidates.map((c) => c.id),
      expected[i].candidates.map((c) => c.id),
      `candidates for ${JSON.stringify(queries[i])}`,
    );
    compared++;
  }
  assert.equal(compared, queries.length);
  await page.close();
});

test("the bundled widget's element.ask agrees with the native CLI on every labelled question", async () => {
  assert.ok(fs.existsSync(path.join(DIST, "faq-widget.js")), "run make dist first");
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/plain.html`);
  await page.locator("faq-widget .launcher").waitFor();
  const got = await page.evaluate(async (queries) => {
    const w = document.querySelector("faq-widget");
    const out = [];
    for (const q of queries) out.push(await w.ask(q));
    return out;
  }, queries);
  for (let i = 0; i < queries.length; i++) {
    const want = expected[i];
    const answers = got[i];
    if (want.status === "none") {
      assert.deepEqual(answers, [], `no answer for ${JSON.stringify(queries[i])}`);
      continue;
    }
    // A question asking for a person gets the contact options first, then the entries.
    const entries = want.status === "contact" ? answers.slice(1) : answers;
    if (want.status === "contact") assert.equal(answers[0].id, "contact", `contact options first for ${JSON.stringify(queries[i])}`);
    same("widget", queries[i], { status: answers[0]?.status, answers: entries }, want);
  }
  await page.close();
});
