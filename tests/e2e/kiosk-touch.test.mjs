// The touch kiosk (dist/kiosk.html from disk, network off) as a customer meets it, in Chromium with
// touch emulation at the Sucre office's four screen sizes: the start screen as tiles that fit,
// type that scales, typing by taps on the on-screen keyboard, every QR code decoded from a
// screenshot (jsQR) and checked against the FAQ, "Escuchar" with a stub local voice, a keypad
// (arrows, Tab, Enter), the idle reset, the staff view behind a long press and a PIN with its
// export (checked against www/src/kiosk-export.schema.json, digits and e-mails masked), a build
// with another PIN, and a long day of taps with flat memory (KIOSK_TAPS, default 2,400).
// Run: make test-browser (builds dist first).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, KIOSK_TEST_PIN, launch, offlineContext, ROOT, startServer, stubSpeech, watch } from "./lib.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "www/src/kiosk-export.schema.json"), "utf8"));
const JSQR = fs.readFileSync(createRequire(import.meta.url).resolve("jsqr/dist/jsQR.js"), "utf8");
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
const W = "faq-widget";
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
];
const TAPS = Number(process.env.KIOSK_TAPS || 2400);
const LOCAL = { name: "Local español (Ecuador)", lang: "es-EC", localService: true };
const ONLINE = { name: "Online español", lang: "es-ES", localService: false };
const entry = (id) => FAQ.entries.find((e) => e.id === id);

let browser;
let decoder;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, "kiosk.html")), "run make dist first");
  browser = await launch();
  // jsQR runs in a page of its own, without the kiosk's CSP.
  decoder = await browser.newPage();
  await decoder.setContent("<!doctype html><title>decoder</title>");
  await decoder.addScriptTag({ content: JSQR });
});
after(async () => browser?.close());

/** The kiosk in a touch context at `viewport`, offline, any network request aborted and recorded. */
async function kiosk(viewport, { query = "?idle=600", voices = null, url = KIOSK, ...extra } = {}) {
  const { context, blocked } = await offlineContext(browser, { viewport, hasTouch: true, reducedMotion: "reduce", ...extra });
  if (voices) await context.addInitScript(stubSpeech, voices);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url + query);
  await page.locator(`${W} .tile`).first().waitFor();
  return { page, context, log, blocked };
}

/** What a QR code element says: its screenshot decoded by jsQR, as UTF-8 text (null when jsQR finds none). */
async function decodeQr(locator) {
  const png = await locator.screenshot();
  return decoder.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext("2d");
    g.drawImage(bitmap, 0, 0);
    const img = g.getImageData(0, 0, bitmap.width, bitmap.height);
    const code = window.jsQR(img.data, img.width, img.height);
    return code ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : null;
  }, png.toString("base64"));
}

/** Every QR code under `selector`, decoded, in document order. */
async function decodeAll(page, selector) {
  const codes = page.locator(`${W} ${selector} svg.qr`);
  const n = await codes.count();
  const out = [];
  for (let i = 0; i < n; i++) out.push(await decodeQr(codes.nth(i)));
  return out;
}

const key = (page, k) => page.locator(`${W} .key[data-key="${k}"]`);
/** Types `text` by tapping the on-screen keys (space included). */
async function tapType(page, text) {
  for (const ch of text) await key(page, ch === " " ? "{space}" : ch).tap();
}

/** A small JSON Schema check (the keywords kiosk-export.schema.json uses): the list of what is wrong. */
function validate(schema, value, where = "$", root = schema) {
  if (schema.$ref) return validate(root.$defs[schema.$ref.split("/").pop()], value, where, root);
  const errs = [];
  const type = Array.isArray(value) ? "array" : value === null ? "null" : Number.isInteger(value) ? "integer" : typeof value;
  const types = schema.type ? [].concat(schema.type) : null;
  if (types && !types.includes(type) && !(type === "integer" && types.includes("number"))) return [`${where}: ${type}, not ${types}`];
  if ("const" in schema && value !== schema.const) errs.push(`${where}: not ${schema.const}`);
  if (schema.minimum !== undefined && value < schema.minimum) errs.push(`${where}: under ${schema.minimum}`);
  if (typeof value === "string") {
    const n = [...value].length;
    if (schema.minLength !== undefined && n < schema.minLength) errs.push(`${where}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && n > schema.maxLength) errs.push(`${where}: longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) errs.push(`${where}: does not match ${schema.pattern}`);
    if (schema.format === "date-time" && Number.isNaN(Date.parse(value))) errs.push(`${where}: not a date-time`);
  }
  if (type === "array") {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errs.push(`${where}: more than ${schema.maxItems} items`);
    if (schema.items) for (const [i, v] of value.entries()) errs.push(...validate(schema.items, v, `${where}[${i}]`, root));
  }
  if (type === "object") {
    for (const k of schema.required || []) if (!(k in value)) errs.push(`${where}: no ${k}`);
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties?.[k]) errs.push(...validate(schema.properties[k], v, `${where}.${k}`, root));
      else if (schema.additionalProperties === false) errs.push(`${where}: unexpected ${k}`);
    }
  }
  return errs;
}

test("start screen at the four sizes: every question one tile, grouped by category, all on screen; type that scales; no dead half", async () => {
  for (const viewport of SIZES) {
    const where = `${viewport.width}x${viewport.height}`;
    const { page, context, log } = await kiosk(viewport);
    const s = await page.evaluate(
      ({ w, vh }) => {
        const r = document.querySelector(w).shadowRoot;
        const body = r.querySelector(".body");
        const b = body.getBoundingClientRect();
        const tiles = [...r.querySelectorAll(".tile")].map((t) => t.getBoundingClientRect());
        return {
          groups: [...r.querySelectorAll(".tile-group")].map((g) => ({
            name: g.querySelector(".tile-group-title").textContent,
            tiles: [...g.querySelectorAll(".tile")].map((t) => t.textContent),
          })),
          scrolls: body.scrollHeight > body.clientHeight + 1,
          outside: tiles.filter((t) => t.top < b.top - 1 || t.bottom > b.bottom + 1 || t.bottom > vh).length,
          smallest: Math.min(...tiles.map((t) => t.height)),
          lowest: Math.max(...tiles.map((t) => t.bottom)),
          font: parseFloat(getComputedStyle(r.querySelector(".root")).fontSize),
          restart: r.querySelector(".head-button.restart")?.textContent,
        };
      },
      { w: W, vh: viewport.height },
    );
    assert.deepEqual(
      s.groups,
      FAQ.categories.map((c) => ({ name: c.name, tiles: FAQ.entries.filter((e) => e.category === c.id).map((e) => e.question) })),
      `${where}: every question a tile, under its category`,
    );
    assert.equal(s.scrolls, false, `${where}: the start screen does not scroll`);
    assert.equal(s.outside, 0, `${where}: every tile is on screen`);
    assert.ok(s.smallest >= 64, `${where}: tiles at least 64 px high (${s.smallest})`);
    assert.ok(s.lowest >= viewport.height * 0.8, `${where}: the tiles reach down the screen (${Math.round(s.lowest)} of ${viewport.height})`);
    assert.ok(s.font >= (Math.min(viewport.width, viewport.height) >= 1080 ? 32 : 22), `${where}: text ${s.font} px`);
    assert.equal(s.restart, "Empezar de nuevo");
    // One tap to any answer, its text as large as the body text.
    await page.locator(`${W} .tile[data-entry="pagos-notificar"]`).tap();
    await page.locator(`${W} .answer`).waitFor();
    const a = await page.evaluate((w) => {
      const r = document.querySelector(w).shadowRoot;
      const body = r.querySelector(".body");
      return {
        title: r.querySelector(".answer .view-title").textContent,
        text: parseFloat(getComputedStyle(r.querySelector(".answer-text")).fontSize),
        reach: Math.max(...[...body.querySelectorAll("*")].map((e) => e.getBoundingClientRect().bottom)),
        restart: !!r.querySelector(".head-button.restart"),
      };
    }, W);
    assert.equal(a.title, entry("pagos-notificar").question);
    assert.ok(a.text >= (Math.min(viewport.width, viewport.height) >= 1080 ? 32 : 22), `${where}: answer text ${a.text} px`);
    assert.ok(a.reach >= viewport.height * 0.6, `${where}: the answer view uses the screen (down to ${Math.round(a.reach)})`);
    assert.ok(a.restart, `${where}: Empezar de nuevo on the answer`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.violations, []);
    await context.close();
  }
});

test("typing by taps at the four sizes: every tap updates the suggestions; accent, digits, backspace, clear; Preguntar answers; keys >= 64 px", async () => {
  const TYPED = "factura pag";
  // What a physical keyboard brings up for each prefix: what the taps must bring up too.
  const reference = [];
  {
    const { page, context } = await kiosk(SIZES[3], { query: "?idle=600&keyboard=off" });
    for (let i = 1; i <= TYPED.length; i++) {
      await page.locator(`${W} input.query`).fill(TYPED.slice(0, i));
      reference.push(await page.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll("[role=option]")].map((o) => o.textContent), W));
    }
    await context.close();
  }
  assert.ok(new Set(reference.map((x) => x.join("|"))).size >= 3, `the suggestions change along "${TYPED}": ${JSON.stringify(reference)}`);
  for (const viewport of SIZES) {
    const where = `${viewport.width}x${viewport.height}`;
    const { page, context, log, blocked } = await kiosk(viewport);
    const input = page.locator(`${W} input.query`);
    assert.equal(await input.getAttribute("inputmode"), "none", "no system keyboard over the screen's");
    assert.equal(await page.locator(`${W} .keyboard`).isVisible(), false, "the keyboard waits for a tap");
    await input.tap();
    await page.locator(`${W} .keyboard`).waitFor();
    const heights = await page.evaluate(
      (w) => [...document.querySelector(w).shadowRoot.querySelectorAll(".key")].map((k) => k.getBoundingClientRect().height),
      W,
    );
    assert.ok(Math.min(...heights) >= 64, `${where}: keys ${Math.min(...heights)} px high`);
    await page.evaluate((w) => {
      const i = document.querySelector(w).shadowRoot.querySelector("input.query");
      window.__inputs = 0;
      i.addEventListener("input", () => {
        window.__inputs += 1;
      });
    }, W);
    const suggested = () => page.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll("[role=option]")].map((o) => o.textContent), W);
    let text = "";
    for (const [i, ch] of [...TYPED].entries()) {
      await key(page, ch === " " ? "{space}" : ch).tap();
      text += ch;
      assert.equal(await input.inputValue(), text);
      assert.deepEqual(await suggested(), reference[i], `${where}: after tapping "${text}", the suggestions typing it would give`);
    }
    assert.equal(await page.evaluate(() => window.__inputs), TYPED.length, "one input event per tap");
    await key(page, "{clear}").tap();
    await tapType(page, "clave wi");
    assert.equal(await page.evaluate((w) => document.querySelector(w).shadowRoot.activeElement?.className, W), "query", "taps leave the focus in the box");
    // Backspace, the accent key, digits, clear.
    await key(page, "{backspace}").tap();
    await key(page, "{backspace}").tap();
    assert.equal(await input.inputValue(), "clave ");
    await key(page, "{accent}").tap();
    assert.equal(await key(page, "a").textContent(), "á", "accented vowels shown");
    assert.equal(await page.locator(`${W} .key.accent`).getAttribute("aria-pressed"), "true");
    await key(page, "a").tap();
    await key(page, "e").tap();
    await key(page, "1").tap();
    await key(page, "0").tap();
    assert.equal(await input.inputValue(), "clave áe10", "one accented vowel, then plain keys again");
    await key(page, "{clear}").tap();
    assert.equal(await input.inputValue(), "");
    assert.equal(await page.locator(`${W} [role=listbox]`).isVisible(), false, "no suggestions for an empty box");
    // A question, asked with the keyboard's Preguntar: the answer, and the keyboard folds away.
    await tapType(page, "olvide la clave del wifi");
    await key(page, "{ask}").tap();
    await page.locator(`${W} .answer`).waitFor();
    assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), entry("wifi-clave").question);
    assert.equal(await page.locator(`${W} .keyboard`).isVisible(), false, "the answer has the room");
    // A physical keyboard still types.
    await input.tap();
    await input.fill("");
    await page.keyboard.type("como pago mi factura");
    await page.keyboard.press("Enter");
    await page.locator(`${W} .answer`).waitFor();
    assert.match(await page.locator(`${W} .answer .view-title`).textContent(), /pag/i);
    assert.deepEqual(blocked, []);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.violations, [], "the kiosk page's CSP (its script's hash) still admits its script, and nothing else was refused");
    await context.close();
  }
});

test('every key is a <button> named by what it types or does; keyboard="off" and ?keyboard=off leave the keyboard out', async () => {
  const { page, context } = await kiosk(SIZES[0]);
  await page.locator(`${W} input.query`).tap();
  const kinds = await page.evaluate((w) => [...new Set([...document.querySelector(w).shadowRoot.querySelectorAll(".key")].map((k) => k.localName))], W);
  assert.deepEqual(kinds, ["button"]);
  const names = [..."1234567890qwertyuiopasdfghjklñzxcvbnm", "Espacio", "Borrar", "Borrar todo", "Preguntar", "Tilde", "coma", "punto", "arroba"];
  for (const name of names) {
    assert.equal(await page.getByRole("button", { name, exact: true }).count(), 1, `a button named ${name}`);
  }
  assert.equal(await page.getByRole("group", { name: "Teclado en pantalla" }).count(), 1);
  assert.equal(await page.locator(`${W} .key[tabindex="0"]`).count(), 1, "one Tab stop in the keyboard");
  await context.close();

  const off = await kiosk(SIZES[0], { query: "?keyboard=off" });
  assert.equal(await off.page.locator(`${W} .keyboard, ${W} .keys-toggle`).count(), 0);
  assert.equal(await off.page.locator(`${W} input.query`).getAttribute("inputmode"), null, "the system keyboard is allowed again");
  await off.context.close();

  // The attribute, in a copy of the page (the CSP hashes the script, which is unchanged).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-off-"));
  const file = path.join(dir, "kiosk.html");
  fs.writeFileSync(file, fs.readFileSync(path.join(DIST, "kiosk.html"), "utf8").replace('<faq-widget mode="kiosk"', '<faq-widget mode="kiosk" keyboard="off"'));
  const attr = await kiosk(SIZES[3], { url: pathToFileURL(file).href });
  assert.equal(await attr.page.locator(`${W} .keyboard, ${W} .keys-toggle`).count(), 0);
  await attr.page.locator(`${W} input.query`).fill("olvide la clave del wifi");
  await attr.page.locator(`${W} input.query`).press("Enter");
  await attr.page.locator(`${W} .answer`).waitFor();
  assert.deepEqual(attr.log.violations, []);
  await attr.context.close();
  fs.rmSync(dir, { recursive: true });
});

const CONTACTS = [
  `tel:${FAQ.contact.pbx.tel}`,
  ...FAQ.contact.whatsapp.map((w) => `https://wa.me/593${w.number.slice(1)}`),
  ...FAQ.contact.email.map((m) => `mailto:${m.address}`),
];
const ACCOUNTS = [
  "Nettplus: cuentas para depósitos y transferencias",
  ...entry("pagos-formas")
    .answer.split("\n")
    .filter((l) => /CTA/.test(l))
    .map((l) => l.replace(/^•\s*/, "")),
].join("\n");

test("QR codes at the four sizes, decoded from screenshots with jsQR: numbers, WhatsApp, e-mails, the bank accounts, the contacts", async () => {
  const answers = {
    "pagos-notificar": ["mailto:contabilidad@nettplus.net", "https://wa.me/593990232671", "tel:+59373701830,3"],
    "reportar-inconveniente": ["tel:+59373701830,1", "mailto:soporte@nettplus.net", "https://wa.me/593984060320"],
    "sin-servicio": ["tel:+59373701830,1"],
    "pagos-formas": [ACCOUNTS],
    "wifi-clave": [],
  };
  assert.equal(ACCOUNTS.split("\n").length, 8, "seven accounts and a title");
  for (const viewport of SIZES) {
    const where = `${viewport.width}x${viewport.height}`;
    const { page, context, log } = await kiosk(viewport);
    for (const [id, want] of Object.entries(answers)) {
      await page.locator(`${W} .head-button.restart`).tap();
      await page.locator(`${W} .tile[data-entry="${id}"]`).tap();
      await page.locator(`${W} .answer`).waitFor();
      assert.deepEqual(await decodeAll(page, ".answer"), want, `${where} ${id}`);
    }
    await page.locator(`${W} .contact-button`).tap();
    await page.locator(`${W} .contacts .qr`).first().waitFor();
    assert.deepEqual(await decodeAll(page, ".contacts"), CONTACTS, `${where} contacts`);
    // The contacts after "No" to ¿Te sirvió? and after no answer carry them too.
    await page.locator(`${W} input.query`).fill("¿Cuánto cuesta el plan de internet?");
    await page.locator(`${W} input.query`).press("Enter");
    await page.locator(`${W} .view-title.none`).waitFor();
    await page.locator(`${W} .contacts .qr`).first().waitFor();
    if (viewport === SIZES[0]) assert.deepEqual(await decodeAll(page, ".contacts"), CONTACTS, `${where} no answer`);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
  // Every entry at one size: its codes are exactly its numbers and addresses (links.js, the website's rule).
  const { findLinks, whatsappNumbers } = await import("../../www/src/links.js");
  const { page, context } = await kiosk(SIZES[0]);
  for (const e of FAQ.entries) {
    const links = [];
    for (const line of e.answer.split("\n")) for (const l of findLinks(line, whatsappNumbers(FAQ.contact))) if (!links.includes(l.href)) links.push(l.href);
    if (e.id === "pagos-formas") links.push(ACCOUNTS);
    await page.locator(`${W} .head-button.restart`).tap();
    await page.locator(`${W} .tile[data-entry="${e.id}"]`).tap();
    await page.locator(`${W} .answer`).waitFor();
    assert.deepEqual(await decodeAll(page, ".answer"), links, e.id);
  }
  await context.close();
});

test("Escuchar: a local Spanish voice only, never an online one; hidden without one; stops with the view", async () => {
  const { page, context } = await kiosk(SIZES[0], { voices: [ONLINE, LOCAL] });
  await page.locator(`${W} .tile[data-entry="pagos-notificar"]`).tap();
  const listen = page.locator(`${W} .listen`);
  await listen.waitFor();
  assert.equal(await listen.textContent(), "🔊Escuchar");
  await listen.tap();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].voice, LOCAL.name, "the local voice");
  assert.equal(spoken[0].lang, "es-EC");
  assert.match(spoken[0].text, /^¿Cómo puedo notificar mi pago\?/);
  assert.match(spoken[0].text, /3 7 0 1 8 3 0 extensión 3/, "a phone number read digit by digit");
  assert.match(spoken[0].text, /contabilidad arroba nettplus\.net/);
  assert.match(await listen.textContent(), /Detener/);
  await listen.tap();
  await page.waitForFunction((w) => /Escuchar/.test(document.querySelector(w).shadowRoot.querySelector(".listen").textContent), W);
  await listen.tap();
  await page.locator(`${W} .head-button.restart`).tap(); // another view stops it
  assert.equal(await page.evaluate(() => window.speechSynthesis.speaking), false);
  await context.close();

  for (const voices of [[ONLINE], []]) {
    const other = await kiosk(SIZES[3], { voices });
    await other.page.locator(`${W} .tile[data-entry="wifi-clave"]`).tap();
    await other.page.locator(`${W} .answer`).waitFor();
    assert.equal(await other.page.locator(`${W} .listen`).isVisible(), false, `no button with voices ${JSON.stringify(voices)}`);
    if (!voices.length) {
      // A local voice that arrives after the page (as they often do) brings the button.
      await other.page.evaluate((v) => {
        window.__voices.push({ voiceURI: v.name, default: false, ...v });
        window.speechSynthesis.dispatchEvent(new Event("voiceschanged"));
      }, LOCAL);
      await other.page.locator(`${W} .listen`).waitFor();
    }
    await other.context.close();
  }
});

test("a keypad: the arrows reach every key and tile, Tab reaches every control, Enter works them, the focus shows", async () => {
  const { page, context } = await kiosk(SIZES[0]);
  const active = () =>
    page.evaluate((w) => {
      const a = document.querySelector(w).shadowRoot.activeElement;
      if (!a) return null;
      const cs = getComputedStyle(a);
      return {
        cls: a.className,
        key: a.getAttribute("data-key"),
        entry: a.getAttribute("data-entry"),
        outline: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
      };
    }, W);
  /** Presses arrows towards `target` (a selector) until it has the focus. */
  const arrowTo = async (target) => {
    for (let i = 0; i < 40; i++) {
      const d = await page.evaluate(
        ({ w, sel }) => {
          const r = document.querySelector(w).shadowRoot;
          const a = r.activeElement;
          const t = r.querySelector(sel);
          if (a === t) return null;
          const ra = a.getBoundingClientRect();
          const rt = t.getBoundingClientRect();
          const dx = rt.left + rt.width / 2 - (ra.left + ra.width / 2);
          const dy = rt.top + rt.height / 2 - (ra.top + ra.height / 2);
          const rows = Math.abs(dy) > Math.min(ra.height, rt.height) / 2;
          return rows ? (dy > 0 ? "ArrowDown" : "ArrowUp") : dx > 0 ? "ArrowRight" : "ArrowLeft";
        },
        { w: W, sel: target },
      );
      if (!d) return;
      await page.keyboard.press(d);
    }
    assert.fail(`the arrows did not reach ${target}; at ${JSON.stringify(await active())}`);
  };
  // With nothing focused, an arrow enters the screen.
  await page.keyboard.press("ArrowDown");
  assert.ok(await active(), "an arrow gives a control the focus");
  for (const e of FAQ.entries) await arrowTo(`.tile[data-entry="${e.id}"]`);
  const f = await active();
  assert.equal(f.outline, "solid");
  assert.ok(f.width >= 4, `a thick focus ring (${f.width} px)`);
  // Tab reaches every control of the start screen, the keyboard's toggle among them.
  const controls = await page.evaluate(
    (w) => [...document.querySelector(w).shadowRoot.querySelectorAll("button, input")].filter((b) => b.getBoundingClientRect().width).length,
    W,
  );
  const visited = new Set();
  for (let i = 0; i < controls + 4; i++) {
    await page.keyboard.press("Tab");
    const a = await active();
    if (a) visited.add(`${a.cls}|${a.entry}`);
  }
  assert.ok(visited.size >= controls, `Tab visited ${visited.size} of ${controls}`);
  // The keyboard from a keypad: Teclado with Enter, then the arrows to each letter and Enter.
  await page.locator(`${W} .keys-toggle`).focus();
  await page.keyboard.press("Enter");
  await page.locator(`${W} .keyboard`).waitFor();
  assert.ok((await active()).cls.includes("key"), "the focus goes into the keyboard");
  for (const ch of "pagos") {
    await arrowTo(`.key[data-key="${ch}"]`);
    await page.keyboard.press("Enter");
  }
  assert.equal(await page.locator(`${W} input.query`).inputValue(), "pagos");
  // Every key is reachable.
  for (const k of await page.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll(".key")].map((b) => b.getAttribute("data-key")), W)) {
    await arrowTo(`.key[data-key="${k}"]`);
  }
  await arrowTo(`.key[data-key="{ask}"]`);
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer, ${W} .body .choices:not(.topics)`).first().waitFor();
  await context.close();
});

test("the idle reset clears what the keyboard typed, folds the keyboard and closes the staff view", async () => {
  const SECRET = "zorro77";
  const { page, context } = await kiosk(SIZES[2], { query: "?idle=2" });
  await page.locator(`${W} input.query`).tap();
  await tapType(page, `me llamo ${SECRET} clave`);
  await page.locator(`${W} [role=option]`).first().waitFor();
  const t0 = Date.now();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector("input.query").value === "", W, { timeout: 8000 });
  assert.ok(Date.now() - t0 >= 500);
  const after = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    return {
      text: r.textContent + [...r.querySelectorAll("*")].map((e) => [...e.attributes].map((a) => a.value).join(" ")).join(" "),
      keys: r.querySelector(".keyboard")?.checkVisibility() ?? false,
      options: r.querySelectorAll("[role=option]").length,
    };
  }, W);
  assert.equal(after.keys, false, "the keyboard is folded");
  assert.equal(after.options, 0);
  assert.ok(!after.text.includes(SECRET), "nothing typed is left in the shadow tree");
  // The staff view, open and left alone, closes at the reset.
  await page.keyboard.press("Control+Alt+p");
  for (const d of KIOSK_TEST_PIN) await page.locator(`${W} .pin-key`, { hasText: new RegExp(`^${d}$`) }).tap();
  await page.locator(`${W} .pin-enter`).tap();
  await page.locator(`${W} dialog.staff`).waitFor();
  await page.locator(`${W} dialog`).waitFor({ state: "detached", timeout: 8000 });
  assert.equal(await page.locator(`${W} .staff-body, ${W} .staff-table`).count(), 0, "nothing of the staff view stays");
  await context.close();
});

/** A long press (touchstart, `ms`, touchend) at the middle of `locator`, through the DevTools protocol. */
async function longPress(page, locator, ms) {
  const box = await locator.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await page.waitForTimeout(ms);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

async function enterPin(page, pin) {
  for (const d of pin) await page.locator(`${W} .pin-key`, { hasText: new RegExp(`^${d}$`) }).tap();
  await page.locator(`${W} .pin-enter`).tap();
}

test("staff view: a long press on the title and the PIN; counts kept across a reload; digits and e-mails masked; JSON and CSV export, then cleared", async () => {
  const { page, context, log } = await kiosk(SIZES[0], { acceptDownloads: true });
  const input = page.locator(`${W} input.query`);
  const ask = async (q) => {
    await input.fill(q);
    await input.press("Enter");
  };
  // A customer: a tile and "Sí"; a typed question; an unanswered one with a cédula and an e-mail; a "No".
  await page.locator(`${W} .tile[data-entry="wifi-clave"]`).tap();
  await page.locator(`${W} .pill`).first().tap();
  await ask("olvide la clave del wifi");
  await page.locator(`${W} .answer`).waitFor();
  const PRIVATE = "¿Cuánto cuesta el plan? Mi cédula es 1104567890 y mi correo juan.perez@gmail.com";
  await ask(PRIVATE);
  await page.locator(`${W} .view-title.none`).waitFor();
  await ask("cuanto cuesta el plan mi cedula es 0912345678 y mi correo ana@correo.ec"); // the same, once masked and folded
  await page.locator(`${W} .view-title.none`).waitFor();
  await page.locator(`${W} .head-button.restart`).tap();
  await page.locator(`${W} .tile[data-entry="pagos-formas"]`).tap();
  await page.locator(`${W} .pill`).nth(1).tap();
  // Kept across a reload, never on the customers' screen.
  await page.reload();
  await page.locator(`${W} .tile`).first().waitFor();
  assert.doesNotMatch(await page.locator(W).evaluate((w) => w.shadowRoot.textContent), /cuesta|juan|1104567890/);
  // A short tap on the title does nothing; a long press asks for the PIN.
  const title = page.locator(`${W} .title`);
  await title.tap();
  await page.waitForTimeout(300);
  assert.equal(await page.locator(`${W} dialog`).count(), 0);
  await longPress(page, title, 2300);
  await page.locator(`${W} dialog.pin`).waitFor();
  await enterPin(page, KIOSK_TEST_PIN === "0000" ? "1111" : "0000");
  await page.locator(`${W} .pin-msg`, { hasText: "PIN incorrecto" }).waitFor();
  assert.equal(await page.locator(`${W} dialog.staff`).count(), 0);
  await enterPin(page, KIOSK_TEST_PIN);
  const staff = page.locator(`${W} dialog.staff`);
  await staff.waitFor();
  const shown = await staff.textContent();
  assert.match(shown, /cuesta el plan/);
  assert.doesNotMatch(shown, /1104567890|0912345678|juan|@gmail|ana@/, "digits and e-mails masked on the staff view");
  const row = (q) =>
    page.evaluate(
      ({ w, q }) => {
        const tr = [...document.querySelector(w).shadowRoot.querySelectorAll(".staff-table tbody tr")].find((r) => r.querySelector("th").textContent === q);
        return [...tr.querySelectorAll("td")].map((td) => Number(td.textContent));
      },
      { w: W, q },
    );
  assert.deepEqual(await row(entry("wifi-clave").question), [2, 1, 1, 0], "wifi-clave: shown twice, asked once, one Sí");
  assert.deepEqual(await row(entry("pagos-formas").question), [1, 0, 0, 1], "pagos-formas: one No");
  // Export: two downloads, then the counts start again.
  const downloads = [];
  page.on("download", (d) => downloads.push(d));
  await page.locator(`${W} .staff-export`).tap();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && downloads.length < 2; i++) await page.waitForTimeout(100);
  assert.equal(downloads.length, 2, "a JSON and a CSV file");
  const files = {};
  for (const d of downloads) files[path.extname(d.suggestedFilename())] = { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), "utf8") };
  assert.match(files[".json"].name, /^faq-kiosk-\d{4}-\d\d-\d\dT\d\d-\d\d\.json$/);
  const data = JSON.parse(files[".json"].text);
  assert.deepEqual(validate(SCHEMA, data), [], "the export follows kiosk-export.schema.json");
  assert.equal(data.organization, "Nettplus");
  assert.deepEqual(data.questions, { total: 3, answered: 1, ambiguous: 0, unanswered: 2 });
  assert.deepEqual(
    data.entries.map((e) => e.id),
    FAQ.entries.map((e) => e.id),
  );
  assert.deepEqual(
    data.entries.find((e) => e.id === "wifi-clave"),
    { id: "wifi-clave", question: entry("wifi-clave").question, shown: 2, asked: 1, helpful: 1, notHelpful: 0 },
  );
  assert.equal(data.entries.find((e) => e.id === "pagos-formas").notHelpful, 1);
  assert.deepEqual(data.unanswered, [{ text: "¿Cuánto cuesta el plan? Mi cédula es ########## y mi correo [correo]", count: 2 }]);
  for (const f of Object.values(files)) {
    assert.doesNotMatch(f.text, /1104567890|0912345678|juan|gmail|ana@/, `${f.name}: nothing a customer typed in clear`);
  }
  const csv = files[".csv"].text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  assert.equal(csv[0], "kind,id,text,shown,asked,helpful,notHelpful,count");
  assert.ok(csv.includes(`entry,wifi-clave,${entry("wifi-clave").question},2,1,1,0,`));
  assert.ok(csv.includes(`unanswered,,¿Cuánto cuesta el plan? Mi cédula es ########## y mi correo [correo],,,,,2`));
  assert.equal(csv.length, 1 + FAQ.entries.length + 1);
  await page.locator(`${W} .staff-status`, { hasText: "empezaron de cero" }).waitFor();
  assert.deepEqual(await row(entry("wifi-clave").question), [0, 0, 0, 0], "cleared after the export");
  // The last export can be downloaded again, until the next one.
  await page.locator(`${W} .staff-again`).tap();
  for (let i = 0; i < 50 && downloads.length < 4; i++) await page.waitForTimeout(100);
  assert.equal(downloads.length, 4);
  await page.locator(`${W} .staff-close`).tap();
  await page.locator(`${W} dialog`).waitFor({ state: "detached" });
  // At most 1,000 different unanswered questions are kept; the others are counted.
  const cap = await page.evaluate(async (w) => {
    const r = document.querySelector(w).shadowRoot;
    const word = (n) => [...n.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join("");
    let none = 0;
    for (let i = 0; i < 1100; i++) {
      const input = r.querySelector("input.query");
      input.value = `cuanto cuesta ${word(i + 1000)}${word(i * 7 + 3)}`;
      input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      input.form.requestSubmit();
      if (r.querySelector(".view-title.none")) none += 1;
    }
    const s = JSON.parse(localStorage.getItem("faq-widget:kiosk-staff"));
    return { none, kept: s.unanswered.length, dropped: s.dropped, bytes: localStorage.getItem("faq-widget:kiosk-staff").length };
  }, W);
  assert.ok(cap.none > 1000, `${cap.none} went unanswered`);
  assert.equal(cap.kept, 1000);
  assert.equal(cap.dropped, cap.none - 1000);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.violations, [], "downloads and dialogs within the kiosk's CSP");
  await context.close();
});

test("the PIN is stored hashed: a build with KIOSK_PIN has neither PIN in clear and opens with its own only", { timeout: 120_000 }, async () => {
  const PIN = "73915284";
  const dist = fs.readFileSync(path.join(DIST, "kiosk.html"), "utf8");
  assert.ok(/salt:"[A-Za-z0-9+/=]{24}",hash:"[A-Za-z0-9+/=]{44}",iterations:/.test(dist), "a salted hash in the page");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pin-"));
  execFileSync(process.execPath, [path.join(ROOT, "scripts/bundle.mjs"), "--out", out], { env: { ...process.env, KIOSK_PIN: PIN }, stdio: "pipe" });
  const html = fs.readFileSync(path.join(out, "kiosk.html"), "utf8");
  assert.ok(!html.includes(PIN), "the PIN is not in the file");
  assert.ok(
    fs.existsSync(path.join(ROOT, "www/generated/kiosk.html")) &&
      !fs.readFileSync(path.join(ROOT, "www/generated/kiosk.html"), "utf8").includes(html.match(/salt:"[^"]+"/)[0]),
    "the demo copy was left alone",
  );
  const { page, context } = await kiosk(SIZES[3], { url: pathToFileURL(path.join(out, "kiosk.html")).href });
  await page.keyboard.press("Control+Alt+p");
  if (KIOSK_TEST_PIN !== PIN) {
    await enterPin(page, KIOSK_TEST_PIN);
    await page.locator(`${W} .pin-msg`, { hasText: "PIN incorrecto" }).waitFor();
  }
  await enterPin(page, PIN);
  await page.locator(`${W} dialog.staff`).waitFor();
  await context.close();
  fs.rmSync(out, { recursive: true });
});

test("the website keeps no question text and its script carries none of the kiosk", async () => {
  const js = fs.readFileSync(path.join(DIST, "faq-widget.js"), "utf8");
  for (const s of [
    "Empezar de nuevo",
    "faq-widget:kiosk",
    "Teclado en pantalla",
    "Escuchar",
    "KIOSK_PIN",
    "speechSynthesis",
    "PBKDF2",
    "Llévelo en su teléfono",
  ]) {
    assert.ok(!js.includes(s), `faq-widget.js has no ${s}`);
  }
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).click();
  const input = page.locator(`${W} input.query`);
  await input.fill("¿Cuánto cuesta el plan? cédula 1104567890");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .body .choice`).first().click();
  await page.locator(`${W} .pill`).first().click();
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`));
  assert.equal(stored.length, 1);
  assert.match(stored[0], /^faq-widget:feedback=/);
  assert.doesNotMatch(stored[0], /cuesta|1104567890/);
  await context.close();
  await server.close();
});

test(`a long day of taps: ${TAPS.toLocaleString("en")} taps on keys, tiles and buttons, memory flat`, { timeout: 300_000 }, async (t) => {
  const { page, context, log } = await kiosk(SIZES[0]);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const dom = await cdp.send("Memory.getDOMCounters");
    return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  const centres = (sel) =>
    page.evaluate(
      ({ w, sel }) =>
        Object.fromEntries(
          [...document.querySelector(w).shadowRoot.querySelectorAll(sel)].map((el) => {
            const r = el.getBoundingClientRect();
            return [el.getAttribute("data-key") || el.getAttribute("data-entry") || el.className, [r.left + r.width / 2, r.top + r.height / 2]];
          }),
        ),
      { w: W, sel },
    );
  const head = await centres(".head-button");
  const tiles = await centres(".tile");
  const inputAt = Object.values(await centres("input.query"))[0];
  await page.touchscreen.tap(...inputAt);
  const keys = await centres(".key");
  const questions = ["clave wifi", "pagos", "no tengo internet", "factura", "cuanto cuesta", "cambio de nombre", "requisitos"];
  const tileIds = Object.keys(tiles);
  let taps = 0;
  let cycles = 0;
  let base = null;
  const tap = async (xy) => {
    await page.touchscreen.tap(xy[0], xy[1]);
    taps += 1;
  };
  const shown = () =>
    page.waitForFunction((w) => !!document.querySelector(w).shadowRoot.querySelector(".answer, .view-title.none, .body .choices:not(.topics)"), W, {
      polling: 20,
    });
  const t0 = Date.now();
  while (taps < TAPS) {
    await tap(head["head-button restart"]);
    await tap(tiles[tileIds[cycles % tileIds.length]]);
    await shown();
    await tap(head["head-button restart"]);
    await tap(inputAt);
    for (const ch of questions[cycles % questions.length]) await tap(keys[ch === " " ? "{space}" : ch]);
    await tap(keys["{ask}"]);
    await shown();
    cycles += 1;
    if (cycles === 10) {
      await tap(head["head-button restart"]);
      base = await measure(); // on the start screen, as at the end
    }
  }
  await tap(head["head-button restart"]);
  const end = await measure();
  const secs = (Date.now() - t0) / 1000;
  t.diagnostic(
    `${taps} taps in ${cycles} visits, ${secs.toFixed(1)} s; JS heap after GC ${(base.heap / 1048576).toFixed(2)} MB -> ${(end.heap / 1048576).toFixed(2)} MB; DOM ${base.nodes} -> ${end.nodes} nodes, ${base.listeners} -> ${end.listeners} listeners`,
  );
  assert.ok(end.heap - base.heap < 1024 * 1024, `JS heap after GC grew ${end.heap - base.heap} bytes`);
  assert.ok(end.nodes - base.nodes <= 200, `DOM nodes ${base.nodes} -> ${end.nodes}`);
  assert.ok(end.listeners - base.listeners <= 20, `listeners ${base.listeners} -> ${end.listeners}`);
  assert.equal(await page.locator(`${W} input.query`).inputValue(), "");
  assert.deepEqual(log.errors, []);
  await context.close();
});
