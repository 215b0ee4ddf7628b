// The studio's tools beside the forms: the checks (the validator's findings, each a way to its
// field), "Pruebe una pregunta" (what `faq ask` says), measuring a question list (what `faq eval`
// says), the kiosk's export, and publishing.

import { h } from "../src/dom.js";
import { notHelpful, readKioskExport, unansweredByCount } from "./kiosk-import.js";
import { entryIndexOf, MAX_EXPORT_BYTES, MAX_TSV_BYTES, parsePath, preview, sizeText } from "./model.js";
import { message } from "./strings.js";
import { button, field, readFile, table } from "./ui.js";

/** How many findings are listed (a hostile file may have thousands; the counts say how many). */
const MAX_LISTED = 300;

const FIELD_ES = { id: "id", category: "categoría", question: "pregunta", answer: "respuesta", phrasings: "frase", keywords: "palabra clave", en: "en inglés" };

/** Where a finding stands, in the studio's language: Rust's words in English, shorter in Spanish. */
function placeText(app, f) {
  if (app.lang !== "es") return f.place;
  const i = entryIndexOf(f.path);
  if (i === null) return f.path || f.place;
  const parts = parsePath(f.path).slice(2);
  const words = [];
  for (const p of parts) words.push(typeof p === "number" ? String(p + 1) : FIELD_ES[p] || p);
  return `${app.t("entryWord", { n: i + 1 })} «${f.entry ?? app.faq.entries[i]?.id ?? ""}», ${words.join(" ")}`;
}

/** The findings of the last check, in the side panel. */
export function renderChecks(app) {
  const r = app.check;
  const box = app.checksBox;
  box.replaceChildren(h("h2", { id: "checks-title" }, app.t("checks")));
  if (!r) return;
  const summary = r.errors.length
    ? app.t("checksBad", { errors: r.errors.length, warnings: r.warnings.length })
    : app.t("checksOk", { warnings: r.warnings.length });
  box.append(h("p", { class: r.errors.length ? "summary bad" : "summary ok", role: "status" }, summary));
  const all = [...r.errors, ...r.warnings];
  const list = h("ul", { class: "findings" });
  for (const f of all.slice(0, MAX_LISTED)) {
    const sev = f.severity === "error" ? app.t("error") : app.t("warning");
    list.append(
      h(
        "li",
        { class: `finding ${f.severity}`, "data-severity": f.severity },
        button(
          [
            h("span", { class: "sev" }, sev),
            " ",
            h("span", { class: "place" }, placeText(app, f)),
            ": ",
            h("span", { class: "msg" }, message(app.lang, f.message)),
          ],
          () => app.goTo(f.path),
          {
            title: app.t("goTo"),
            "data-finding-path": f.path,
          },
        ),
      ),
    );
  }
  box.append(list);
  if (all.length > MAX_LISTED) box.append(h("p", null, app.t("more", { n: all.length - MAX_LISTED })));
}

// Small scores keep a decimal, so that 0.4 % and 0 % are told apart.
const pct = (x) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;

/** "Pruebe una pregunta": the reply of `faq ask --json` (null: nothing asked), in the Resultados region. */
export function renderResults(app, reply, question) {
  const box = app.results;
  box.replaceChildren();
  if (app.engineStale && app.check && !app.check.ok) box.append(h("p", { class: "stale" }, app.t("tryStale")));
  if (!app.engine) {
    if (question.trim()) box.append(h("p", { class: "help" }, app.t("tryBuilding")));
    return;
  }
  if (!reply) return;
  const status = { answer: "statusAnswer", ambiguous: "statusAmbiguous", contact: "statusContact", none: "statusNone" }[reply.status] || "statusNone";
  box.append(h("p", { class: `reply-status status-${reply.status}`, "data-status": reply.status }, app.t(status)));
  if (reply.reason) box.append(h("p", { class: "reason" }, reply.reason));
  const list = h("ol", { class: "answers" });
  for (const a of reply.answers) {
    const i = app.faq.entries.findIndex((e) => e.id === a.id);
    const matched = a.matched.length
      ? a.matched.map((m) =>
          h(
            "li",
            null,
            h("mark", null, m.text),
            ` → ${m.term}${m.via?.kind === "synonym" ? ` (${m.via.canonical})` : m.via?.kind === "typo" ? ` (${m.via.corrected})` : ""}`,
          ),
        )
      : [h("li", null, app.t("noMatched"))];
    list.append(
      h(
        "li",
        { class: "answer", "data-id": a.id },
        h(
          "p",
          { class: "answer-head" },
          i >= 0
            ? button(a.question, () => app.selectEntry(i), { class: "link", "aria-label": `${a.question} — ${app.t("openEntry", { id: a.id })}` })
            : a.question,
          " ",
          h("code", null, a.id),
          " ",
          h("span", { class: "confidence" }, app.t("confidence", { pct: pct(a.score) })),
        ),
        h("p", { class: "matched-label" }, app.t("matched")),
        h("ul", { class: "matched" }, matched),
      ),
    );
  }
  box.append(list);
  if (!reply.answers.length && reply.candidates?.[0])
    box.append(h("p", null, app.t("closest", { id: reply.candidates[0].id, pct: pct(reply.candidates[0].score) })));
  if (reply.unknown?.length) box.append(h("p", { class: "unknown" }, app.t("unknownWords", { words: reply.unknown.join(", ") })));
}

// --- measuring --------------------------------------------------------------------------------------

/** Reads a question list from a file into the box and measures it. */
export async function loadTsv(app, file) {
  if (file.size > MAX_TSV_BYTES) {
    app.measure = {
      text: app.measure.text,
      result: null,
      error: app.t("refusedBig", { name: file.name, size: sizeText(file.size), max: sizeText(MAX_TSV_BYTES) }),
    };
  } else {
    const text = new TextDecoder().decode(await readFile(file));
    app.measure = { text, result: null, error: null };
    runMeasure(app);
  }
  if (app.tab === "measure") app.renderPanel();
}

function runMeasure(app) {
  const m = app.measure;
  if (!app.engine) {
    m.error = app.t("tryBuilding");
    m.result = null;
    return;
  }
  try {
    m.result = app.engine.evaluate(m.text);
    m.error = null;
  } catch (e) {
    m.result = null;
    m.error = app.t("measureError", { message: String(e.message || e) });
  }
}

const fig = (x) => x.toFixed(3);

/** The Medir tab: a list from a file or pasted, and `faq eval`'s figures and wrong rows. */
export function measurePanel(app) {
  const m = app.measure;
  const input = h("input", { type: "file", accept: ".tsv,.txt,text/tab-separated-values,text/plain", id: "tsv-file" });
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) loadTsv(app, f);
  });
  const text = field({ label: app.t("measureText"), rows: 8, value: m.text, path: null, onInput: (v) => (app.measure.text = v) });
  const out = h("div", { class: "measure-out", role: "region", "aria-label": app.t("tabMeasure"), tabindex: "-1" });
  if (m.error) out.append(h("p", { class: "notice error", role: "alert" }, m.error));
  const r = m.result;
  if (r) {
    out.append(
      h(
        "dl",
        { class: "metrics" },
        [
          ["rows", String(r.rows), "rows"],
          ["overall", fig(r.overall), "overall"],
          ["top1", `${fig(r.in_scope_top1)} (${r.in_scope_rows})`, "in_scope_top1"],
          ["top3", fig(r.in_scope_top3), "in_scope_top3"],
          ["oos", `${fig(r.oos_rejection)} (${r.oos_rows})`, "oos_rejection"],
        ].map(([k, v, name]) => h("div", { "data-metric": name }, h("dt", null, app.t(k)), h("dd", null, v))),
      ),
      table(
        app.t("perTag"),
        [app.t("tag"), app.t("correct"), app.t("rate")],
        Object.entries(r.per_tag).map(([tag, x]) => [tag, `${x.correct}/${x.rows}`, x.rate.toFixed(2)]),
      ),
      table(
        app.t("wrong", { n: r.wrong.length }),
        [app.t("line"), app.t("question"), app.t("expected"), app.t("got")],
        r.wrong.map((w) => [
          String(w.line),
          w.query,
          w.expected.length ? w.expected.join("|") : app.t("none"),
          w.answered.length ? w.answered.join(", ") : app.t("closestShort", { id: w.closest ?? "-" }),
        ]),
        "wrong-rows",
      ),
    );
  }
  return h(
    "div",
    { class: "measure" },
    h("h2", null, app.t("tabMeasure")),
    h("p", { class: "help" }, app.t("measureHelp")),
    h("div", { class: "field" }, h("label", { for: "tsv-file" }, app.t("measureFile")), input),
    text,
    button(app.t("measureRun"), () => {
      runMeasure(app);
      app.renderPanel();
      app.panel.querySelector(".measure-out")?.focus();
    }),
    out,
  );
}

// --- the kiosk's export -------------------------------------------------------------------------------

/** Imports the kiosk's export; a file that is not one (or is forged) is refused, the draft untouched. */
export async function importKiosk(app, file) {
  let refusal = null;
  if (file.size > MAX_EXPORT_BYTES)
    refusal = app.t("kioskRefused", {
      name: file.name,
      message: app.t("refusedBig", { name: file.name, size: sizeText(file.size), max: sizeText(MAX_EXPORT_BYTES) }),
    });
  let bytes = null;
  if (!refusal) {
    bytes = await readFile(file);
    try {
      app.kiosk = readKioskExport(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (e) {
      refusal = app.t("kioskRefused", { name: file.name, message: String(e.message || e) });
    }
  }
  if (app.tab === "kiosk") app.renderPanel();
  if (refusal) app.say("error", refusal, bytes ? preview(bytes) : null);
  else app.say("info", file.name);
}

/** The entry the engine would give for `q` (its best answer or candidate), to choose by default. */
function guess(app, q) {
  const r = app.engine?.ask(q, 1);
  return r?.answers?.[0]?.id ?? r?.candidates?.[0]?.id ?? app.faq.entries[0]?.id;
}

/** Adds `q` as a phrasing of the entry `id`, or to the unanswered topics (id null), then tries it. */
function learn(app, q, id) {
  const faq = app.faq;
  const target = id === null ? faq.unanswered.phrasings : faq.entries.find((e) => e.id === id)?.phrasings;
  if (!target) return;
  if (target.includes(q)) {
    app.say("info", app.t("already", { q }));
  } else {
    app.change(null, (f) => {
      if (id === null) f.unanswered.phrasings.push(q);
      else f.entries.find((e) => e.id === id).phrasings.push(q);
    });
    app.say("info", id === null ? app.t("addedUnanswered", { q }) : app.t("addedPhrasing", { q, id }));
  }
  app.tryInput.value = q;
  app.tryValue = q;
  app.runTry();
}

/** The Kiosco tab: the import, the "no me sirvió" counts, the unanswered questions and what to do with each. */
export function kioskPanel(app) {
  const input = h("input", { type: "file", accept: ".json,application/json", id: "kiosk-file" });
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    input.value = "";
    if (f) importKiosk(app, f);
  });
  const out = h("div", { class: "kiosk-out" });
  const k = app.kiosk;
  if (k) {
    const when = (iso) => new Date(iso).toLocaleString(app.lang);
    out.append(h("p", null, app.t("kioskSummary", { since: when(k.since), exported: when(k.exported), ...k.questions })));
    const bad = notHelpful(k);
    out.append(
      bad.length
        ? table(
            app.t("kioskNotHelpful"),
            [app.t("question"), app.t("notHelpfulCount"), app.t("helpfulCount"), app.t("shown")],
            bad.map((e) => {
              const i = app.faq.entries.findIndex((x) => x.id === e.id);
              const q = e.question ?? e.id;
              return [i >= 0 ? button(q, () => app.selectEntry(i), { class: "link" }) : q, String(e.notHelpful), String(e.helpful), String(e.shown)];
            }),
            "not-helpful",
          )
        : h("p", null, app.t("kioskNoNotHelpful")),
    );
    const questions = unansweredByCount(k);
    const entryOptions = app.faq.entries.map((e) => [e.id, `${e.id} — ${e.question}`]);
    out.append(
      questions.length
        ? table(
            app.t("kioskUnanswered"),
            [app.t("question"), app.t("times"), ""],
            questions.map((u) => {
              const pick = h("select", { "aria-label": app.t("asEntry", { q: u.text }) });
              const best = guess(app, u.text);
              for (const [v, text] of entryOptions) {
                const o = h("option", { value: v }, text);
                if (v === best) o.selected = true;
                pick.append(o);
              }
              return [
                u.text,
                String(u.count),
                h(
                  "div",
                  { class: "learn" },
                  pick,
                  button(app.t("addPhrasing"), () => learn(app, u.text, pick.value), { "aria-label": `${app.t("addPhrasing")}: ${u.text}` }),
                  button(app.t("addUnanswered"), () => learn(app, u.text, null), { "aria-label": `${app.t("addUnanswered")}: ${u.text}` }),
                  button(
                    app.t("tryIt"),
                    () => {
                      app.tryInput.value = u.text;
                      app.tryValue = u.text;
                      app.runTry();
                      app.tryInput.focus();
                    },
                    { "aria-label": `${app.t("tryIt")}: ${u.text}` },
                  ),
                ),
              ];
            }),
            "unanswered-questions",
          )
        : h("p", null, app.t("kioskNoUnanswered")),
    );
    if (k.unansweredDropped) out.append(h("p", null, app.t("kioskDropped", { n: k.unansweredDropped })));
  }
  return h(
    "div",
    { class: "kiosk" },
    h("h2", null, app.t("tabKiosk")),
    h("p", { class: "help" }, app.t("kioskHelp")),
    h("div", { class: "field" }, h("label", { for: "kiosk-file" }, app.t("kioskFile")), input),
    out,
  );
}

// --- publishing -------------------------------------------------------------------------------------

/** The Publicar tab: the three downloads, disabled with the reason while the FAQ has errors. */
export function publishPanel(app) {
  const reason = h("p", { id: "publish-reason", class: "notice error", role: "status" });
  const buttons = [
    ["faq.json", "downloadFaq"],
    ["faq-widget.js", "downloadWidget"],
    ["kiosk.html", "downloadKiosk"],
  ].map(([name, label]) => button(app.t(label), () => app.publish(name), { "data-file": name, class: "primary" }));
  const update = () => {
    const r = app.check;
    const errors = r ? r.errors.length : 0;
    const parseError = r?.errors.some((f) => f.path === "");
    reason.textContent = !r ? "" : parseError ? app.t("blockedParse") : errors ? app.t("blocked", { n: errors }) : "";
    reason.hidden = !reason.textContent;
    for (const b of buttons) {
      // faq.json can always be saved (a draft with errors is still work to keep); the rebuilt files cannot.
      const blocked = b.dataset.file !== "faq.json" && !r?.ok;
      b.disabled = blocked;
      if (blocked) b.setAttribute("aria-describedby", "publish-reason");
      else b.removeAttribute("aria-describedby");
    }
  };
  update();
  app.tools.updatePublish = update;
  return h(
    "div",
    { class: "publish" },
    h("h2", null, app.t("tabPublish")),
    h("p", { class: "help" }, app.t("publishHelp")),
    reason,
    h("div", { class: "downloads" }, buttons),
  );
}
