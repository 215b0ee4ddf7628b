// Accessibility in every state: axe-core scans the whole document, shadow roots included,
// in each state the widget can be in: floating (launcher, open, suggestions, answer, feedback,
// ambiguous candidates, no answer, topics, contacts, cut note, small screen), English, inline,
// three widgets on a page, the load error, and the kiosk (start, suggestions, answer, candidates,
// no answer, feedback, the on-screen keyboard, QR codes, Escuchar, the staff PIN and view, after
// the idle reset, English); WCAG 2.1 A and AA (wcag2a, wcag2aa,
// wcag21a, wcag21aa), zero violations. A canary breaks the widget on purpose to show the scan sees
// inside the shadow root. Keyboard-only paths not covered by widget.test.mjs, and every kiosk
// control measured (>= 48 px) in every kiosk state at the kiosk's four screen sizes and a tablet's.
// Run: make test-browser-hardening (builds dist first).

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, KIOSK_TEST_PIN, start, stop, stubSpeech, watch } from "./lib.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
const W = "faq-widget";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let server;
let browser;
const scanned = []; // every state scanned, for the summary

before(async () => ({ server, browser } = await start()));
after(() => stop({ server, browser }));

/**
 * A page with axe-core injected (the context may bypass the page's CSP for the test's own script;
 * reduced motion: contrast is judged on settled colours).
 */
async function open(url, { viewport = { width: 1024, height: 768 }, kiosk = false, voices = null } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP: true, reducedMotion: "reduce", hasTouch: kiosk, offline: kiosk });
  if (voices) await context.addInitScript(stubSpeech, voices);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await page.addScriptTag({ content: AXE });
  return { page, context, log };
}

/** axe on the whole document; returns the violations, and how many checked nodes were inside a widget. */
async function axe(page) {
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "passes"] });
    const inShadow = r.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length;
    return {
      violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`),
      inShadow,
    };
  }, TAGS);
}

async function scan(page, state) {
  const r = await axe(page);
  assert.deepEqual(r.violations, [], `${state}: WCAG 2.1 A/AA violations`);
  assert.ok(r.inShadow > 0, `${state}: axe checked nodes inside the shadow root`);
  scanned.push(state);
}

const ask = async (page, q, sel = W) => {
  const input = page.locator(`${sel} input.query`);
  await input.fill(q);
  await input.press("Enter");
};

test("axe: floating widget in every state, Spanish and English, zero WCAG 2.1 A/AA violations", async () => {
  const { page, context, log } = await open(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).waitFor();
  await scan(page, "floating: closed launcher");
  await page.locator(`${W} .launcher`).click();
  await page.locator(`${W} .topic`).first().waitFor();
  await scan(page, "floating: open, start screen");
  const input = page.locator(`${W} input.query`);
  await input.fill("clave wifi");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await input.press("ArrowDown");
  await scan(page, "floating: suggestions, one active");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  await scan(page, "floating: answer with marks, related questions, feedback");
  await page.locator(`${W} .pill`).first().click();
  await page.locator(`${W} .thanks`).waitFor();
  await scan(page, "floating: feedback thanks");
  await ask(page, "como pago mi factura");
  await page.locator(`${W} .answer`).waitFor();
  await page.locator(`${W} .pill`).nth(1).click();
  await page.locator(`${W} .feedback .contacts`).waitFor();
  await scan(page, "floating: feedback 'No' with contacts");
  // A word several entries share: the first of these that the engine reads as ambiguous (which
  // one does depends on the trained model; element.ask says).
  const broad = await page.evaluate(
    async (words) => {
      for (const w of words) if ((await document.querySelector("faq-widget").ask(w))[0]?.status === "ambiguous") return w;
      return null;
    },
    ["servicio", "contrato", "servicio internet", "requisitos", "clave", "pago"],
  );
  assert.ok(broad, "one of the broad words gives candidates");
  await ask(page, broad);
  await page.locator(`${W} .body .choices:not(.topics)`).waitFor();
  assert.equal(await page.locator(`${W} .answer`).count(), 0, `'${broad}' gives candidates, not one answer`);
  await scan(page, "floating: ambiguous candidates");
  await ask(page, "¿Cuánto cuesta el plan de internet?");
  await page.locator(`${W} .view-title.none`).waitFor();
  await scan(page, "floating: no answer with contacts");
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .body .choice`).first().waitFor();
  await scan(page, "floating: browsing a topic");
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .link-button`).click();
  await page.locator(`${W} .contacts`).waitFor();
  await scan(page, "floating: contacts view");
  await ask(page, `clave del wifi ${"ñandú ".repeat(300)}`);
  await page.locator(`${W} .note:not([hidden])`).waitFor();
  await scan(page, "floating: over-long question, cut note");
  // English interface.
  await page.evaluate(() => document.querySelector("faq-widget").setAttribute("lang", "en"));
  await page.locator(`${W} input.query`).fill("");
  await page
    .locator(`${W} .back`)
    .click()
    .catch(() => {});
  await page.locator(`${W} .topic`).first().waitFor();
  await scan(page, "floating EN: start screen");
  await page.locator(`${W} input.query`).fill("wifi password");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await scan(page, "floating EN: suggestions");
  await ask(page, "I forgot my wifi password");
  await page.locator(`${W} .answer`).waitFor();
  await scan(page, "floating EN: answer");
  await ask(page, "What are your prices and plans?");
  await page.locator(`${W} .view-title.none`).waitFor();
  await scan(page, "floating EN: no answer with contacts");
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).last().click();
  await page.locator(`${W} .body .choice`).first().waitFor();
  await scan(page, "floating EN: browsing a topic");
  await page.keyboard.press("Escape");
  await page.locator(`${W} .panel`).waitFor({ state: "detached" });
  await scan(page, "floating EN: closed launcher");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("axe: small screen, inline English, three widgets on a page, the load error", async () => {
  {
    const { page, context } = await open(`${server.url}/fixtures/plain.html`, { viewport: { width: 360, height: 640 } });
    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} .topic`).first().waitFor();
    await scan(page, "360x640: open panel");
    await ask(page, "olvide la clave del wifi");
    await page.locator(`${W} .answer`).waitFor();
    await scan(page, "360x640: answer");
    await context.close();
  }
  {
    const { page, context } = await open(`${server.url}/fixtures/inline-en.html`);
    await page.locator(`${W} .topic`).first().waitFor();
    await scan(page, "inline EN: start screen");
    await ask(page, "payment");
    await page.locator(`${W} .answer, ${W} .body .choices:not(.topics), ${W} .view-title.none`).first().waitFor();
    await scan(page, "inline EN: after asking 'payment'");
    await context.close();
  }
  {
    const { page, context } = await open(`${server.url}/fixtures/two-widgets.html`);
    await page.locator("#a .topic").first().waitFor();
    await ask(page, "pagos", "#a");
    await ask(page, "where is your office", "#b");
    await page.locator("#c .launcher").click();
    await ask(page, "¿Cuánto cuesta el plan?", "#c");
    await page.locator("#c .view-title.none").waitFor();
    await scan(page, "three widgets on one page, all showing results");
    await context.close();
  }
  {
    const { page, context } = await open(`${server.url}/fixtures/bad-src.html`);
    await page.locator(`${W} .error`).waitFor();
    await scan(page, "inline: FAQ could not be loaded, contacts");
    await context.close();
  }
});

/** Every control of the kiosk that a finger can use, with its size; [] when all are >= 48 px. */
function smallTargets(page) {
  return page.evaluate((w) => {
    const out = [];
    let n = 0;
    const sel = "button, input, select, textarea, a[href], [role=option], [role=button], [tabindex]:not([tabindex='-1'])";
    for (const el of document.querySelector(w).shadowRoot.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      n += 1;
      if (r.width < 48 || r.height < 48)
        out.push(`${el.localName}.${el.className} "${el.textContent.slice(0, 30)}": ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
    }
    return { n, small: out };
  }, W);
}

test("kiosk: axe in every state (keyboard, QR codes, Escuchar, PIN, staff view) and touch targets >= 48 px at five sizes", { timeout: 240_000 }, async () => {
  const sizes = [
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
    { width: 768, height: 1024 },
  ];
  const measured = [];
  for (const viewport of sizes) {
    const first = viewport === sizes[0]; // axe once (it does not depend on the size); targets in each
    const { page, context, log } = await open(`${KIOSK}?idle=3`, {
      viewport,
      kiosk: true,
      voices: [{ name: "Local es-EC", lang: "es-EC", localService: true }],
    });
    const where = `kiosk ${viewport.width}x${viewport.height}`;
    const state = async (name) => {
      const t = await smallTargets(page);
      assert.ok(t.n >= 2, `${where} ${name}: controls found`);
      assert.deepEqual(t.small, [], `${where} ${name}: touch targets under 48 px`);
      measured.push(t.n);
      if (first) await scan(page, `kiosk: ${name}`);
    };
    const key = (k) => page.locator(`${W} .key[data-key="${k}"]`);
    await page.locator(`${W} .tile`).first().waitFor();
    await state("start screen, every question a tile");
    const input = page.locator(`${W} input.query`);
    await input.tap();
    await page.locator(`${W} .keyboard`).waitFor();
    await state("on-screen keyboard open");
    for (const k of "clave") await key(k).tap();
    await page.locator(`${W} [role=option]`).first().waitFor();
    await state("keyboard with suggestions");
    await key("{accent}").tap();
    await state("keyboard, accent key down");
    await key("{accent}").tap();
    await page.locator(`${W} [role=option]`).first().tap();
    await page.locator(`${W} .answer`).waitFor();
    await state("answer with related questions and feedback, keyboard folded");
    await page.locator(`${W} .pill`).nth(1).tap();
    await page.locator(`${W} .feedback .contacts .qr`).first().waitFor();
    await state("feedback 'No' with contacts and their QR codes");
    await ask(page, "pagos");
    await page.locator(`${W} .body .choices:not(.topics)`).waitFor();
    await state("ambiguous candidates");
    await ask(page, "¿Cuánto cuesta el plan de internet?");
    await page.locator(`${W} .view-title.none`).waitFor();
    await state("no answer with contacts and QR codes");
    await page.locator(`${W} .back`).tap();
    await page.locator(`${W} .tile[data-entry="pagos-formas"]`).tap();
    await page.locator(`${W} .qr-card.accounts`).waitFor();
    await state("answer from a tile: Escuchar, the accounts' QR code, more questions");
    await page.locator(`${W} .listen`).tap();
    await state("answer being read aloud");
    await page.locator(`${W} .tile[data-entry="reportar-inconveniente"]`).tap();
    await page.locator(`${W} .qr-card.whatsapp`).waitFor();
    await state("answer with phone, WhatsApp and e-mail QR codes");
    await page.locator(`${W} .contact-button`).tap();
    await page.locator(`${W} .contacts .qr`).first().waitFor();
    await state("contacts view with QR codes");
    await ask(page, `clave ${"x".repeat(1200)}`);
    await page.locator(`${W} .note:not([hidden])`).waitFor();
    await state("over-long question, cut note");
    await page.keyboard.press("Control+Alt+p");
    await page.locator(`${W} dialog.pin`).waitFor();
    await state("staff PIN pad");
    await page.locator(`${W} .pin-input`).fill("0000000");
    await page.locator(`${W} .pin-enter`).tap();
    await page.locator(`${W} .pin-msg`, { hasText: /./ }).waitFor();
    await state("staff PIN refused");
    for (const d of KIOSK_TEST_PIN) await page.locator(`${W} .pin-key`, { hasText: new RegExp(`^${d}$`) }).tap();
    await page.locator(`${W} .pin-enter`).tap();
    await page.locator(`${W} dialog.staff`).waitFor();
    await state("staff view: counts and unanswered questions");
    // Hands off until the idle reset: it closes the staff view too.
    await page.waitForFunction(
      (w) => {
        const r = document.querySelector(w).shadowRoot;
        return r.querySelector("input.query").value === "" && !!r.querySelector(".topics") && !r.querySelector("dialog");
      },
      W,
      { timeout: 12000 },
    );
    await state("after the idle reset");
    await page.evaluate(() => document.querySelector("faq-widget").setAttribute("lang", "en"));
    await state("English start screen");
    await input.tap();
    await page.locator(`${W} .keyboard`).waitFor();
    await state("English keyboard");
    await ask(page, "I forgot my wifi password");
    await page.locator(`${W} .answer`).waitFor();
    await state("English answer");
    assert.deepEqual(log.errors, []);
    await context.close();
  }
  assert.ok(measured.length >= 100, `${measured.length} states measured`);
});

test("keyboard only: candidates, feedback with Space, contacts, the arrows wrap around, Shift+Tab back, Escape from inside the panel", async () => {
  const { page, context } = await open(`${server.url}/fixtures/plain.html`);
  const active = () =>
    page.evaluate((w) => {
      const a = document.querySelector(w)?.shadowRoot?.activeElement;
      return a ? { tag: a.localName, cls: a.className, text: a.textContent.trim().slice(0, 60) } : null;
    }, W);
  const tabTo = async (pred, what, key = "Tab") => {
    for (let i = 0; i < 25; i++) {
      const a = await active();
      if (a && pred(a)) return a;
      await page.keyboard.press(key);
    }
    assert.fail(`could not reach ${what} with ${key}; at ${JSON.stringify(await active())}`);
  };
  await page.locator(`${W} .launcher`).waitFor();
  await page.keyboard.press("Tab");
  await tabTo((a) => a.cls === "launcher", "the launcher");
  await page.keyboard.press("Space"); // a button opens with Space as well as Enter
  await page.locator(`${W} input.query`).waitFor();
  assert.equal((await active()).cls, "query");
  // ArrowUp from nothing selected goes to the last suggestion; ArrowDown past the last wraps to the first.
  await page.keyboard.type("clave");
  const options = page.locator(`${W} [role=option]`);
  await options.first().waitFor();
  const n = await options.count();
  assert.ok(n >= 2, `${n} suggestions`);
  await page.keyboard.press("ArrowUp");
  assert.equal(await options.nth(n - 1).getAttribute("aria-selected"), "true", "ArrowUp selects the last");
  await page.keyboard.press("ArrowDown");
  assert.equal(await options.nth(0).getAttribute("aria-selected"), "true", "ArrowDown wraps to the first");
  // Escape closes the list and keeps the text; Enter then asks the question as typed.
  await page.locator(`${W} input.query`).fill("pagos");
  await options.first().waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(`${W} input.query`).inputValue(), "pagos");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .body .choices:not(.topics)`).waitFor();
  // Candidates: Tab to one, Enter opens it and moves focus to its heading.
  const cand = await tabTo((a) => a.cls === "choice", "a candidate");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  const title = await active();
  assert.equal(title.cls, "view-title", "focus on the answer's heading");
  assert.equal(title.text, cand.text, "the candidate chosen is the answer shown");
  // Feedback "No" with Space: focus on the message, then the contacts are reachable by Tab.
  await tabTo((a) => a.cls === "pill" && a.text === "No", "the 'No' button");
  await page.keyboard.press("Space");
  await page.locator(`${W} .feedback .contacts`).waitFor();
  assert.equal((await active()).cls, "thanks", "focus on the reply, so it is read");
  const link = await tabTo((a) => a.tag === "a", "a contact link");
  assert.match(link.cls, /contact-link/);
  // Shift+Tab goes back the same way; Escape from anywhere in the panel closes it, focus returns.
  await tabTo((a) => a.cls === "query", "the search box", "Shift+Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await page.locator(`${W} .panel`).waitFor({ state: "detached" });
  assert.equal((await active()).cls, "launcher", "focus back on the launcher");
  await context.close();
});

test("the axe scan sees inside the widget: a control broken on purpose is reported (canary)", async (t) => {
  const { page, context } = await open(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).click();
  await page.locator(`${W} .topic`).first().waitFor();
  await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    r.querySelector(".close").removeAttribute("aria-label"); // an icon button with no name
    r.querySelector("label.label").remove(); // an input with no label
    r.querySelector("input.query").removeAttribute("placeholder");
    r.querySelector(".org").style.cssText = "color:#eeeeee;background:#ffffff"; // low contrast
  }, W);
  const r = await axe(page);
  const ids = r.violations.map((v) => v.split(" ")[0]);
  for (const id of ["button-name", "label", "color-contrast"]) assert.ok(ids.includes(id), `${id} reported: ${r.violations.join("; ")}`);
  await context.close();
  t.diagnostic(`${scanned.length} states scanned by axe-core before this one (${TAGS.join(", ")}), 0 violations`);
});
