// The FAQ studio (dist/studio.html) opened from file:// with the network blocked, as on the
// office PC: its findings are the CLI's (`faq validate --json`) on every hostile file, its figures
// the CLI's (`faq eval --json`), its rankings `faq ask --json`'s; what it publishes is byte for
// byte what `make dist` makes; the office's whole round (edit, fix, try, export, the widget
// answers) works with the keyboard; a hostile file leaves the draft alone; axe-core finds nothing.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { fillScript, kioskPage, sha256Base64 } from "../../www/src/publish.js";
import { DIST, launch, ROOT, watch } from "./lib.mjs";

const STUDIO = pathToFileURL(path.join(DIST, "studio.html")).href;
const FAQ_CLI = path.join(ROOT, "target/release/faq");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// A question the bundled FAQ does not answer, that becomes a phrasing of "sin-servicio".
const NEW_PHRASING = "el perro mordio el cable del modem";
const TARGET = "sin-servicio";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "faq-studio-test-"));
let browser;

before(async () => {
  for (const f of ["studio.html", "faq-widget.js", "kiosk.html", "templates/faq-widget.js"])
    assert.ok(fs.existsSync(path.join(DIST, f)), `run make dist first (${f})`);
  assert.ok(fs.existsSync(FAQ_CLI), "run cargo build --release --bin faq first");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The `faq` tool's JSON output (the last line of stdout); its exit code does not matter here. */
function cli(args) {
  let out;
  try {
    out = execFileSync(FAQ_CLI, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = e.stdout;
  }
  return JSON.parse(out.trim().split("\n").pop());
}

/** The studio in an offline context where any request that is not file:// is aborted and recorded. */
async function studio({ bypassCSP = false, viewport = { width: 1366, height: 900 }, lang = null } = {}) {
  const context = await browser.newContext({ viewport, offline: true, acceptDownloads: true, bypassCSP, reducedMotion: "reduce" });
  const blocked = [];
  await context.route(/^(https?|wss?|ftp|data|blob):/, (route) => {
    // blob: URLs are the studio's own downloads; anything else leaving the page is recorded.
    if (route.request().url().startsWith("blob:")) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(STUDIO);
  await page.getByRole("tab", { name: /Entradas|Entries/ }).waitFor();
  if (lang === "en") await page.getByRole("button", { name: "English", exact: true }).click();
  return { page, context, log, blocked };
}

/** Waits until "Pruebe una pregunta" answers `q` with the engine of the current draft. */
async function tryQuestion(page, q) {
  const box = page.getByRole("searchbox", { name: /Pruebe una pregunta|Try a question/ });
  await box.fill(q);
  const region = page.getByRole("region", { name: /Resultados|Results/ });
  await region.locator("[data-status]").waitFor();
  return region;
}

/** The downloaded file of clicking `button`: its bytes. */
async function downloadOf(page, button) {
  const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** Opens a file in the studio through its "Abrir un faq.json…" input and waits for its notice. */
async function openFile(page, file) {
  await page.locator('input[data-role="open-faq"]').setInputFiles(file);
  await page
    .locator(".notice p")
    .filter({ hasText: path.basename(typeof file === "string" ? file : file.name) })
    .waitFor();
}

/** The findings the studio lists (English: Rust's words). */
function findingsOf(page) {
  return page.locator(".finding button").evaluateAll((bs) =>
    bs.map((b) => ({
      severity: b.parentElement.dataset.severity,
      place: b.querySelector(".place").textContent,
      path: b.dataset.findingPath,
      message: b.querySelector(".msg").textContent,
    })),
  );
}

async function axe(page, state) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  }, TAGS);
  assert.deepEqual(violations, [], `${state}: WCAG 2.1 A/AA violations`);
}

test("studio.html is one self-contained file: its one script and style named by hash in a strict CSP", () => {
  const html = fs.readFileSync(path.join(DIST, "studio.html"), "utf8");
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link[^>]+href=/i);
  const script = html.match(/<script>([\s\S]*)<\/script>/)[1];
  const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.ok(csp.includes(`script-src 'sha256-${sha256Base64(script)}' 'wasm-unsafe-eval'`), "the CSP names the script by its hash");
  assert.ok(csp.includes(`style-src 'sha256-${sha256Base64(style)}'`), "the CSP names the style by its hash");
  assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, "no HTML from strings");
});

test("from file:// offline: opens the bundled FAQ, answers, no request, no error", async () => {
  const { page, context, log, blocked } = await studio();
  const faq = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
  assert.equal(await page.locator("[data-entry-index]").count(), faq.entries.length);
  const region = await tryQuestion(page, "a q cuenta deposito");
  assert.equal(await region.locator(".answer").first().getAttribute("data-id"), "pagos-formas");
  assert.deepEqual(blocked, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.violations, []);
  await context.close();
});

test("checks: the studio's findings equal `faq validate --json` on every file in tests/hostile/", async () => {
  const { page, context } = await studio({ lang: "en" });
  const dir = path.join(ROOT, "tests/hostile");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 30, "the hostile files are there");
  let opened = 0;
  let refused = 0;
  for (const f of files) {
    const file = path.join(dir, f);
    const expected = cli(["validate", "--json", file]);
    await openFile(page, file);
    const parseError = expected.errors.find((e) => e.place === "faq.json");
    if (parseError) {
      refused++;
      const notice = await page.locator(".notice p").textContent();
      assert.ok(notice.includes(parseError.message), `${f}: the refusal says the CLI's words: ${notice}`);
      assert.ok(notice.includes("was not opened"), f);
      continue;
    }
    opened++;
    assert.deepEqual(
      await findingsOf(page),
      [...expected.errors, ...expected.warnings].map(({ severity, place, path, message }) => ({ severity, place, path, message })),
      f,
    );
  }
  assert.ok(opened >= 10 && refused >= 10, `both kinds are covered: ${opened} opened, ${refused} refused`);
  await context.close();
});

test("try a question: the ranking, confidence and matched words of `faq ask --json`", async () => {
  const { page, context } = await studio();
  for (const q of ["a q cuenta deposito", "olvide la contrasena del wify", "cuanto cuesta el plan de 100 megas"]) {
    const expected = cli(["ask", q, "--json", "--top", "5", "--faq", path.join(ROOT, "faq.json")]);
    const region = await tryQuestion(page, q);
    assert.equal(await region.locator("[data-status]").getAttribute("data-status"), expected.status, q);
    const shown = await region
      .locator(".answer")
      .evaluateAll((els) => els.map((e) => ({ id: e.dataset.id, words: [...e.querySelectorAll(".matched mark")].map((m) => m.textContent) })));
    assert.deepEqual(
      shown,
      expected.answers.map((a) => ({ id: a.id, words: a.matched.map((m) => m.text) })),
      q,
    );
    if (expected.answers[0]) {
      const pct = (expected.answers[0].score * 100).toFixed(expected.answers[0].score < 0.1 ? 1 : 0);
      assert.match(await region.locator(".confidence").first().textContent(), new RegExp(`${pct} %`));
    }
  }
  await context.close();
});

test("measure: dev.tsv gives the figures and wrong rows of `faq eval --json`", async () => {
  const { page, context } = await studio();
  const tsv = path.join(ROOT, "tests/data/dev.tsv");
  const expected = cli(["eval", tsv, "--json", "--faq", path.join(ROOT, "faq.json")]);
  await page.getByRole("tab", { name: "Medir" }).click();
  await tryQuestion(page, "hola"); // the engine is ready
  await page.getByLabel("Cargar una lista (.tsv)").setInputFiles(tsv);
  await page.locator("[data-metric]").first().waitFor();
  const metric = (name) => page.locator(`[data-metric="${name}"] dd`).textContent();
  assert.equal(await metric("rows"), String(expected.rows));
  assert.equal(await metric("overall"), expected.overall.toFixed(3));
  assert.equal(await metric("in_scope_top1"), `${expected.in_scope_top1.toFixed(3)} (${expected.in_scope_rows})`);
  assert.equal(await metric("in_scope_top3"), expected.in_scope_top3.toFixed(3));
  assert.equal(await metric("oos_rejection"), `${expected.oos_rejection.toFixed(3)} (${expected.oos_rows})`);
  const lines = await page.locator(".wrong-rows tbody tr td:first-child").allTextContents();
  assert.deepEqual(
    lines,
    expected.wrong.map((w) => String(w.line)),
  );
  await context.close();
});

test("publish, unedited: faq.json, faq-widget.js and kiosk.html are byte for byte the repository's and make dist's", async () => {
  const { page, context } = await studio();
  await page.getByRole("tab", { name: "Publicar" }).click();
  const expected = { "faq.json": path.join(ROOT, "faq.json"), "faq-widget.js": path.join(DIST, "faq-widget.js"), "kiosk.html": path.join(DIST, "kiosk.html") };
  for (const [name, file] of Object.entries(expected)) {
    const dl = await downloadOf(page, page.locator(`button[data-file="${name}"]`));
    assert.equal(dl.name, name);
    assert.ok(dl.bytes.equals(fs.readFileSync(file)), `${name}: the same bytes as ${path.relative(ROOT, file)}`);
  }
  await context.close();
});

test("the office's round, keyboard only: edit a phrasing, see a finding and fix it, try it, export, the widget answers it", async () => {
  const { page, context, log } = await studio();
  // Entry "sin-servicio", by the keyboard: the list's button, then its phrasings box.
  const faq = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
  const i = faq.entries.findIndex((e) => e.id === TARGET);
  const before = await tryQuestion(page, NEW_PHRASING);
  assert.equal(await before.locator(`.answer[data-id="${TARGET}"]`).count(), 0, "not answered before the edit");
  await page.locator(`[data-entry-index="${i}"]`).focus();
  await page.keyboard.press("Enter");
  const phrasings = page.locator(`[data-path="entries[${i}].phrasings"]`);
  await phrasings.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(`\n${NEW_PHRASING}`);
  // A mistake: the question emptied. The check names it; Enter on the finding focuses the field.
  const question = page.locator(`[data-path="entries[${i}].question"]`);
  const original = await question.inputValue();
  await question.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  const finding = page.locator(`.finding.error button[data-finding-path="entries[${i}].question"]`);
  await finding.waitFor();
  assert.match(await finding.textContent(), /la pregunta está vacía/);
  await page.getByRole("tab", { name: "Publicar" }).click();
  assert.equal(await page.locator('button[data-file="faq-widget.js"]').isDisabled(), true, "no export with errors");
  assert.match(await page.locator("#publish-reason").textContent(), /1 errores/);
  await finding.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), `entries[${i}].question`, "the finding took the focus to the field");
  await page.keyboard.type(original);
  await finding.waitFor({ state: "detached" });
  // The new phrasing answers at once in "Pruebe una pregunta".
  const region = page.getByRole("region", { name: "Resultados" });
  await page.getByRole("searchbox", { name: "Pruebe una pregunta" }).fill("");
  const after = await tryQuestion(page, NEW_PHRASING);
  await after.locator(`.answer[data-id="${TARGET}"]`).first().waitFor();
  assert.equal(await region.locator(".answer").first().getAttribute("data-id"), TARGET);
  // Export the widget, by the keyboard, and ask it in a page of its own.
  await page.getByRole("tab", { name: "Publicar" }).focus();
  await page.keyboard.press("Enter");
  const widgetButton = page.locator('button[data-file="faq-widget.js"]');
  await widgetButton.focus();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const site = path.join(tmp, "site");
  fs.mkdirSync(site, { recursive: true });
  fs.copyFileSync(await dl.path(), path.join(site, "faq-widget.js"));
  fs.writeFileSync(
    path.join(site, "index.html"),
    '<!doctype html><meta charset="utf-8"><faq-widget mode="inline"></faq-widget><script src="faq-widget.js"></script>',
  );
  const other = await context.newPage();
  await other.goto(pathToFileURL(path.join(site, "index.html")).href);
  const answers = await other.evaluate(async (q) => {
    await customElements.whenDefined("faq-widget");
    return document.querySelector("faq-widget").ask(q);
  }, NEW_PHRASING);
  assert.equal(answers[0]?.id, TARGET, "the exported widget answers the new phrasing");
  await other.locator("faq-widget input.query").fill(NEW_PHRASING);
  await other.locator("faq-widget input.query").press("Enter");
  await other.locator("faq-widget .answer").waitFor();
  assert.equal(await other.locator("faq-widget .answer .view-title").textContent(), original);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("publish, edited: faq-widget.js and kiosk.html equal `faq compile` of the same faq.json filled into make dist's templates", async () => {
  const { page, context } = await studio();
  await page.getByRole("button", { name: "Añadir entrada" }).click();
  await page.locator('[data-path="entries[1].question"]').fill("¿Atienden los domingos?");
  await page.locator('[data-path="entries[1].answer"]').fill("No, los domingos la oficina está cerrada; el soporte por WhatsApp sí atiende.");
  await page.locator('[data-path="entries[1].phrasings"]').fill("abren el domingo\nse puede ir un domingo");
  await page.getByRole("tab", { name: "Publicar" }).click();
  await page.locator(".summary.ok").waitFor();
  const faqJson = await downloadOf(page, page.locator('button[data-file="faq.json"]'));
  const widget = await downloadOf(page, page.locator('button[data-file="faq-widget.js"]'));
  const kiosk = await downloadOf(page, page.locator('button[data-file="kiosk.html"]'));
  const edited = path.join(tmp, "edited.json");
  fs.writeFileSync(edited, faqJson.bytes);
  assert.equal(JSON.parse(faqJson.bytes).entries[1].question, "¿Atienden los domingos?");
  const pack = path.join(tmp, "edited.pack");
  execFileSync(FAQ_CLI, ["compile", edited, "--out", pack], { stdio: "pipe" });
  const packText = fs.readFileSync(pack, "utf8");
  const t = (n) => fs.readFileSync(path.join(DIST, "templates", n), "utf8");
  assert.ok(widget.bytes.equals(Buffer.from(`\uFEFF${fillScript(t("faq-widget.js"), packText)}`)), "faq-widget.js");
  assert.ok(kiosk.bytes.equals(Buffer.from(kioskPage(t("kiosk.html"), fillScript(t("kiosk.js"), packText)))), "kiosk.html");
  await context.close();
});

/** A kiosk export as the staff view writes it (www/src/kiosk-staff.js exportData). */
function kioskExport(extra = {}) {
  return {
    format: "faq-widget-kiosk-export",
    version: 1,
    organization: "Nettplus",
    since: "2026-03-01T08:00:00.000Z",
    exported: "2026-03-31T18:00:00.000Z",
    questions: { total: 12, answered: 8, ambiguous: 1, unanswered: 3 },
    entries: [
      { id: "wifi-clave", question: "¿Cuál es la clave de mi Wi-Fi?", shown: 6, asked: 5, helpful: 2, notHelpful: 3 },
      { id: TARGET, question: "¿Por qué no cuento con el servicio de internet?", shown: 2, asked: 2, helpful: 1, notHelpful: 0 },
    ],
    unanswered: [
      { text: NEW_PHRASING, count: 2 },
      { text: "tienen trabajo de tecnico", count: 1 },
    ],
    unansweredDropped: 0,
    ...extra,
  };
}

test("kiosk: the export's questions and 'no me sirvió' counts; one click adds a phrasing, seen at once in Pruebe una pregunta", async () => {
  const { page, context } = await studio();
  await page.getByRole("tab", { name: "Kiosco" }).click();
  const file = (name, data) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof data === "string" ? data : JSON.stringify(data)) });
  // Forged exports are refused with the place, and the draft stays as it was.
  for (const [name, data, says] of [
    ["forged-digits.json", kioskExport({ unanswered: [{ text: "mi cedula 1104567890", count: 1 }] }), "unanswered[0].text"],
    ["forged-field.json", kioskExport({ script: "<img src=x onerror=alert(1)>" }), 'unknown field "script"'],
    ["not-json.json", "<script>alert(1)</script>", "not JSON"],
  ]) {
    await page.getByLabel("Importar la exportación del kiosco (.json)").setInputFiles(file(name, data));
    const notice = page.locator(".notice.error p").filter({ hasText: name });
    await notice.waitFor();
    assert.match(await notice.textContent(), new RegExp(says.replace(/[[\]]/g, "\\$&")));
  }
  assert.equal(await page.locator("img").count(), 0);
  await page.getByLabel("Importar la exportación del kiosco (.json)").setInputFiles(file("faq-kiosk-2026-03-31T18-00.json", kioskExport()));
  await page.locator(".not-helpful").waitFor();
  assert.match(await page.locator(".not-helpful tbody tr").first().textContent(), /¿Cuál es la clave de mi Wi-Fi\?3/);
  const row = page.locator(".unanswered-questions tbody tr").filter({ hasText: NEW_PHRASING });
  await tryQuestion(page, "hola");
  await row.getByRole("combobox").selectOption(TARGET);
  await row.getByRole("button", { name: `Añadir como frase: ${NEW_PHRASING}` }).click();
  const region = page.getByRole("region", { name: "Resultados" });
  assert.equal(await page.getByRole("searchbox", { name: "Pruebe una pregunta" }).inputValue(), NEW_PHRASING);
  await region.locator(`.answer[data-id="${TARGET}"]`).first().waitFor();
  assert.equal(await region.locator(".answer").first().getAttribute("data-id"), TARGET);
  // The other question goes to the unanswered topics.
  await page.locator(".unanswered-questions").getByRole("button", { name: "Añadir a temas sin respuesta: tienen trabajo de tecnico" }).click();
  await page.getByRole("tab", { name: "Temas sin respuesta" }).click();
  assert.match(await page.locator('[data-path="unanswered.phrasings"]').inputValue(), /tienen trabajo de tecnico$/);
  await context.close();
});

test("hostile files: 5 MB, malformed, script-laden; nothing of the draft is lost, no markup from the file", async () => {
  const { page, context, log } = await studio();
  // An edit first, which must survive every refused file.
  const question = page.locator('[data-path="entries[0].question"]');
  await question.fill("¿Dónde contrato? (editada)");
  const big = { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(5 * 1024 * 1024, 0x20) };
  await openFile(page, big);
  assert.match(await page.locator(".notice p").textContent(), /pesa 5\.0 MB/);
  await openFile(page, path.join(ROOT, "tests/hostile/syntax-error.json"));
  assert.match(await page.locator(".notice p").textContent(), /No se abrió «syntax-error\.json»: line \d+, column \d+/);
  await page.locator(".notice summary").click();
  assert.equal(await page.locator(".notice pre").textContent(), fs.readFileSync(path.join(ROOT, "tests/hostile/syntax-error.json"), "utf8"), "shown as text");
  const markup = {
    name: "markup.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({ entries: [{ id: "x", question: '<img src=x onerror="window.__pwned=1">', answer: "<script>window.__pwned=1</script>" }], bogus: 1 }),
    ),
  };
  await openFile(page, markup);
  await page.locator(".notice pre").evaluate((pre) => pre.closest("details").setAttribute("open", ""));
  assert.equal(await page.locator("img").count(), 0);
  assert.equal(await question.inputValue(), "¿Dónde contrato? (editada)", "the draft is as it was");
  // A script-laden file that is a valid FAQ opens; its texts are values and text, never markup.
  await openFile(page, path.join(ROOT, "tests/hostile/payloads-everywhere.json"));
  assert.equal(await page.locator("img, iframe, object, embed").count(), 0);
  assert.equal(await page.locator("script").count(), 1);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Opening replaced the draft; Undo brings it back.
  await page.getByRole("button", { name: "Deshacer" }).click();
  assert.equal(await page.locator('[data-path="entries[0].question"]').inputValue(), "¿Dónde contrato? (editada)");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the draft: kept in this browser across a reload; undo; add, move, delete entries; a warning before leaving", async () => {
  const { page, context } = await studio();
  const n = await page.locator("[data-entry-index]").count();
  await page.getByRole("button", { name: "Añadir entrada" }).click();
  assert.equal(await page.locator("[data-entry-index]").count(), n + 1);
  await page.locator('[data-path="entries[1].question"]').fill("¿Entrada nueva?");
  await page.getByRole("button", { name: "Subir" }).click();
  assert.equal(await page.locator('[data-entry-index="0"]').textContent(), "1. ¿Entrada nueva?");
  await page.locator(".saved").filter({ hasText: "Borrador guardado" }).waitFor();
  await page.waitForTimeout(400); // the last change's save
  await page.reload();
  await page.locator('[data-entry-index="0"]').waitFor();
  assert.equal(await page.locator('[data-entry-index="0"]').textContent(), "1. ¿Entrada nueva?", "the draft came back after the reload");
  assert.match(await page.locator(".notice p").textContent(), /Se recuperó el borrador/);
  await page.locator('[data-entry-index="0"]').click();
  await page.getByRole("button", { name: "Eliminar entrada" }).click();
  assert.equal(await page.locator("[data-entry-index]").count(), n);
  await page.getByRole("button", { name: "Deshacer" }).click();
  assert.equal(await page.locator("[data-entry-index]").count(), n + 1, "undo brings the deleted entry back");
  let asked = null;
  page.on("dialog", (d) => {
    asked = d.type();
    d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(asked, "beforeunload", "leaving with changes not downloaded asks first");
  await context.close();
});

test("accessible: axe-core finds no WCAG 2.1 A/AA violation in any tab, in Spanish and English; tabs by the arrow keys", async () => {
  const { page, context } = await studio({ bypassCSP: true });
  await tryQuestion(page, "como pago mi factura");
  for (const lang of ["es", "en"]) {
    if (lang === "en") await page.getByRole("button", { name: "English", exact: true }).click();
    const tabs = page.getByRole("tab");
    for (let k = 0; k < (await tabs.count()); k++) {
      await tabs.nth(k).click();
      if (k === 6)
        await page.locator("#kiosk-file").setInputFiles({ name: "k.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(kioskExport())) });
      if (k === 5) await page.locator("#tsv-file").setInputFiles(path.join(ROOT, "tests/data/dev.tsv"));
      await axe(page, `${lang} tab ${k}`);
    }
  }
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.getByRole("tab", { name: "Entries" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Contacts");
  assert.equal(await page.getByRole("tab", { name: "Contacts" }).getAttribute("aria-selected"), "true");
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Publish");
  await context.close();
});
