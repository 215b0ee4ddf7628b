// Answer quality of faq-widget next to the peers, on the same labelled question sets and the same
// faq.json: `make bench-quality` (Node, no browser).
//
// faq-widget is measured by `faq eval FILE --json` (the native tool: the same engine as the
// browser's wasm; tests/e2e/parity.test.mjs proves it). The peers (Fuse.js, MiniSearch,
// FlexSearch) are the npm packages the browser benchmark loads (bench/files.mjs), imported here in Node and configured
// exactly as bench/adapters.mjs configures them for the page (its ADAPTERS and docsOf), over the
// shipped faq.json. Their answers are counted with the rules of src/eval.rs (tests/data/README.md):
//   - in scope (expected not `none`): right when the first answer is an expected id (no answer is
//     wrong); top-3: an expected id among the first three;
//   - out of scope (`none`): right when there is no answer;
//   - overall: right rows / all rows; per tag: right rows (by the two rules above) / rows carrying
//     the tag. A rate over no rows is 1.
// faq-widget's figures are re-counted with the same code from `faq eval`'s wrong rows and must
// come out the same, so the peers are counted exactly as faq-widget is.
//
// Prints Markdown: per set, overall / top-1 / rejection for each engine; then per tag over the
// blind sets together (r1+r2+...). Also writes it to bench-results/quality.md.
//
// Options: --faq-bin PATH (default target/release/faq), --faq FILE (default faq.json),
// --out FILE (default bench-results/quality.md).

import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ADAPTERS } from "./adapters.mjs";
import { FILES } from "./files.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// dev, the proxy set and each blind set tests/data/blind/rN.tsv in the order of N: the folder is
// the list, as for the accuracy gate in tests/data.rs.
const SETS = [
  { name: "dev", file: "tests/data/dev.tsv" },
  { name: "proxy", file: "tests/data/proxy.tsv" },
  ...readdirSync(resolve(ROOT, "tests/data/blind"))
    .map((f) => /^r(\d+)\.tsv$/.exec(f))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => ({ name: `r${m[1]}`, file: `tests/data/blind/${m[0]}`, blind: true })),
];

const PEERS = ["fuse", "minisearch", "flexsearch"];
const ENGINES = ["faq-widget", ...PEERS];
const LABEL = { "faq-widget": "faq-widget", fuse: "Fuse.js", minisearch: "MiniSearch", flexsearch: "FlexSearch" };

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const FAQ_BIN = resolve(ROOT, option("--faq-bin", "target/release/faq"));
const FAQ_FILE = resolve(ROOT, option("--faq", "faq.json"));
const OUT = resolve(ROOT, option("--out", "bench-results/quality.md"));

/** Parses a question set as src/eval.rs's parse_tsv does (header by name, `none`, `|`, tags). */
function parseTsv(text, file) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const strip = (l) => (l.endsWith("\r") ? l.slice(0, -1) : l);
  const cols = strip(lines[0] || "")
    .split("\t")
    .map((c) => c.trim());
  const q = cols.indexOf("query");
  const x = cols.indexOf("expected");
  const t = cols.indexOf("tags");
  if (q < 0 || x < 0) throw new Error(`${file}: line 1: the header must name the columns query and expected`);
  const cases = [];
  lines.slice(1).forEach((raw, i) => {
    const line = strip(raw);
    if (line.trim() === "") return;
    const f = line.split("\t");
    const get = (k) => (f[k] ?? "").trim();
    if (get(x) === "") throw new Error(`${file}: line ${i + 2}: no expected id`);
    const expected =
      get(x) === "none"
        ? []
        : get(x)
            .split("|")
            .map((s) => s.trim());
    const tags =
      t < 0
        ? []
        : get(t)
            .split(",")
            .filter((s) => s !== "")
            .map((s) => s.trim());
    cases.push({ line: i + 2, query: get(q), expected, tags });
  });
  return cases;
}

/** Counts answers (ids, best first; [] = no answer) as src/eval.rs's evaluate does. */
function count(cases, answers) {
  let ins = 0;
  let ins1 = 0;
  let ins3 = 0;
  let oos = 0;
  let oosOk = 0;
  const perTag = {};
  cases.forEach((c, i) => {
    const a = answers[i];
    let correct;
    if (c.expected.length === 0) {
      oos++;
      correct = a.length === 0;
      oosOk += correct;
    } else {
      ins++;
      correct = a.length > 0 && c.expected.includes(a[0]);
      ins1 += correct;
      ins3 += a.slice(0, 3).some((id) => c.expected.includes(id));
    }
    for (const tag of c.tags) {
      perTag[tag] ??= { rows: 0, correct: 0 };
      perTag[tag].rows++;
      perTag[tag].correct += correct;
    }
  });
  const rate = (a, b) => (b === 0 ? 1 : a / b);
  return {
    rows: cases.length,
    overall: rate(ins1 + oosOk, cases.length),
    in_scope_top1: rate(ins1, ins),
    in_scope_top3: rate(ins3, ins),
    oos_rejection: rate(oosOk, oos),
    in_scope_rows: ins,
    oos_rows: oos,
    per_tag: perTag,
  };
}

/**
 * faq-widget: `faq eval FILE --faq FAQ --json` (the human report, then the JSON on the last line:
 * the figures and the wrong rows). Re-counted here from the wrong rows (every other row is right:
 * its first answer an expected id, or no answer when out of scope), it must give the same figures.
 */
function faqWidget(set, cases) {
  const r = spawnSync(FAQ_BIN, ["eval", set.file, "--faq", FAQ_FILE, "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${FAQ_BIN}: ${r.error.message} (make faq-tool, or --faq-bin PATH)`);
  const last = r.stdout.trim().split("\n").pop() || "";
  let report;
  try {
    report = JSON.parse(last);
  } catch {
    throw new Error(`faq eval ${set.file}: no JSON on stdout (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  if (report.rows !== cases.length) throw new Error(`${set.file}: faq eval read ${report.rows} rows, this script ${cases.length}`);
  const wrong = new Map(report.wrong.map((w) => [w.line, w]));
  const answers = cases.map((c) => {
    const w = wrong.get(c.line);
    if (!w) return c.expected.slice(0, 1);
    if (w.query !== c.query || w.expected.join("|") !== c.expected.join("|")) throw new Error(`${set.file}: line ${c.line} read differently by faq eval`);
    return w.answered;
  });
  const mine = count(cases, answers);
  for (const k of ["rows", "overall", "in_scope_top1", "in_scope_top3", "oos_rejection", "in_scope_rows", "oos_rows"]) {
    if (Math.abs(mine[k] - report[k]) > 1e-12) throw new Error(`${set.file}: ${k} counted ${mine[k]} here, ${report[k]} by faq eval`);
  }
  const tags = new Set([...Object.keys(report.per_tag), ...Object.keys(mine.per_tag)]);
  for (const tag of tags) {
    const a = report.per_tag[tag];
    const b = mine.per_tag[tag];
    if (!a || !b || a.rows !== b.rows || a.correct !== b.correct) throw new Error(`${set.file}: tag ${tag} counted differently from faq eval`);
  }
  return mine;
}

/** The peers' libraries, from the files the benchmark page imports, as page.mjs hands them to build(). */
async function loadPeers() {
  const imp = (name) => import(pathToFileURL(resolve(ROOT, FILES[name][0])).href);
  const [fuse, minisearch, flexsearch] = await Promise.all([imp("fuse"), imp("minisearch"), imp("flexsearch")]);
  return {
    fuse: { Fuse: fuse.default },
    minisearch: { MiniSearch: minisearch.default },
    flexsearch: flexsearch.default,
  };
}

/**
 * faq-widget's recorded blind figures (tests/data/blind/README.md: each set measured once, on the
 * commit named there, before any work that could use it): per set overall / top-1 / rejection and
 * the commit, and per tag the rates of the prose "rN's blind figure per tag: tag 0.84, ...".
 */
function blindRecord() {
  const text = readFileSync(resolve(ROOT, "tests/data/blind/README.md"), "utf8");
  const sets = {};
  const tags = {};
  const num = (cell) => Number(cell.replace(/\*/g, "").trim());
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // | set | rows | measured | commit | overall | top-1 | top-3 | rejection |
    if (cells.length === 10 && /^r\d+$/.test(cells[1])) {
      sets[cells[1]] = { commit: cells[4].split(" ")[0], overall: num(cells[5]), in_scope_top1: num(cells[6]), oos_rejection: num(cells[8]) };
    }
  }
  for (const m of text.matchAll(/^(r\d+)'s blind figure per tag: ([\s\S]*?)\.(?:\s|$)/gm)) {
    tags[m[1]] = {};
    for (const [, tag, rate] of m[2].matchAll(/([a-z]+) ([01]\.\d+)/g)) tags[m[1]][tag] = Number(rate);
  }
  return { sets, tags };
}

const f3 = (x) => x.toFixed(3);
const f2 = (x) => x.toFixed(2);

function render(results, blindTags, record) {
  const out = [];
  const blind = SETS.filter((s) => s.blind).map((s) => s.name);
  out.push(`Overall / in-scope top-1 / out-of-scope rejection, each engine over the same \`faq.json\` (${ENGINES.map((e) => LABEL[e]).join(", ")}).`);
  out.push("");
  out.push(
    "faq-widget, blind: its figure recorded when the set was new (tests/data/blind/README.md), on the commit named; " +
      "faq-widget, today: this engine, on sets it has been developed on (upper bounds) except where nothing changed since.",
  );
  out.push("");
  out.push(`| set (rows: in scope / out) | faq-widget, blind | faq-widget, today | ${PEERS.map((e) => LABEL[e]).join(" | ")} |`);
  out.push(`|---|---|---|${PEERS.map(() => "---").join("|")}|`);
  for (const set of SETS) {
    const w = results[set.name]["faq-widget"];
    const triple = (r) => `${f3(r.overall)} / ${f3(r.in_scope_top1)} / ${f3(r.oos_rejection)}`;
    const b = record.sets[set.name];
    const cells = [b ? `${triple(b)} (${b.commit})` : "-", ...ENGINES.map((e) => triple(results[set.name][e]))];
    out.push(`| ${set.name} (${w.in_scope_rows} / ${w.oos_rows}) | ${cells.join(" | ")} |`);
  }
  out.push("");
  out.push(
    `Per tag over the blind sets together (${blind.join("+")}): right rows / rows carrying the tag; ` +
      `faq-widget's blind figures per tag are per set (${blind.join(" / ")}), each on its own commit.`,
  );
  out.push("");
  out.push(`| tag (rows) | faq-widget, blind ${blind.join(" / ")} | faq-widget, today | ${PEERS.map((e) => LABEL[e]).join(" | ")} |`);
  out.push(`|---|---|---|${PEERS.map(() => "---").join("|")}|`);
  for (const tag of Object.keys(blindTags["faq-widget"]).sort()) {
    const rows = blindTags["faq-widget"][tag].rows;
    const b = blind.map((n) => (record.tags[n]?.[tag] === undefined ? "-" : f2(record.tags[n][tag]))).join(" / ");
    const cells = [b, ...ENGINES.map((e) => f2(blindTags[e][tag].correct / blindTags[e][tag].rows))];
    out.push(`| ${tag} (${rows}) | ${cells.join(" | ")} |`);
  }
  return `${out.join("\n")}\n`;
}

async function main() {
  const faq = JSON.parse(readFileSync(FAQ_FILE, "utf8"));
  const libs = await loadPeers();
  const indexes = Object.fromEntries(PEERS.map((p) => [p, ADAPTERS[p].build(libs[p], faq)]));
  const results = {};
  const blindTags = Object.fromEntries(ENGINES.map((e) => [e, {}]));
  for (const set of SETS) {
    const cases = parseTsv(readFileSync(resolve(ROOT, set.file), "utf8"), set.file);
    results[set.name] = { "faq-widget": faqWidget(set, cases) };
    for (const p of PEERS) {
      const answers = cases.map((c) => ADAPTERS[p].ask(indexes[p], c.query));
      results[set.name][p] = count(cases, answers);
    }
    if (!set.blind) continue;
    for (const e of ENGINES) {
      for (const [tag, t] of Object.entries(results[set.name][e].per_tag)) {
        blindTags[e][tag] ??= { rows: 0, correct: 0 };
        blindTags[e][tag].rows += t.rows;
        blindTags[e][tag].correct += t.correct;
      }
    }
  }
  const md = render(results, blindTags, blindRecord());
  process.stdout.write(md);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
  process.stderr.write(`wrote ${OUT}\n`);
}

main().catch((e) => {
  console.error(`bench/quality.mjs: ${e.message}`);
  process.exit(1);
});
