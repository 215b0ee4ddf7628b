// End-to-end tests of dist/faq-widget.js in Debian's Chromium (playwright-core), pages served on
// 127.0.0.1 with a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval).
// Run: make test-browser (builds dist first).

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import zlib from "node:zlib";
import { BUDGET } from "../../scripts/budget.mjs";
import { DIST, ROOT, start, stop, watch } from "./lib.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const ALT = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/e2e/fixtures/alt-faq.json"), "utf8"));
const W = "faq-widget";

let server;
let browser;

before(async () => ({ server, browser } = await start()));
after(() => stop({ server, browser }));

/** A fresh page (own context: own storage) with its console and CSP violations watched. */
async function open(pathname, { viewport = { width: 1024, height: 768 }, context: ctxOpts = {} } = {}) {
  const context = await browser.newContext({ viewport, ...ctxOpts });
  const page = await context.newPage();
  const log = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.url}${pathname}`);
  return { page, log, requests, context };
}

const shadowActive = (page) =>
  page.evaluate((w) => {
    const a = document.querySelector(w)?.shadowRoot?.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), cls: a.className, text: a.textContent } : null;
  }, W);

function entry(id) {
  return FAQ.entries.find((e) => e.id === id);
}

async function openPanel(page) {
  await page.locator(`${W} .launcher`).click();
  await page.locator(`${W} input.query`).waitFor();
}

test("one script on a plain page: adds one floating widget, defines nothing else, obeys a strict CSP", async () => {
  // What a page without the widget has on window, to compare with.
  const base = await open("/fixtures/blank.html");
  const before = await base.page.evaluate(() => Object.getOwnPropertyNames(window));
  await base.context.close();

  const { page, log, context } = await open("/fixtures/plain.html");
  await page.locator(`${W} .launcher`).waitFor();
  assert.equal(await page.locator(W).count(), 1);
  assert.equal(await page.locator(W).getAttribute("mode"), null, "auto-added element uses the default (floating) mode");
  const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
  assert.deepEqual(
    after.filter((k) => !before.includes(k)),
    [],
    "no new globals",
  );
  assert.equal(await page.evaluate(() => typeof customElements.get("faq-widget")), "function");
  assert.equal(await page.evaluate(() => document.querySelector("faq-widget").shadowRoot.mode), "open");
  assert.ok(await page.evaluate(() => document.querySelector("faq-widget").shadowRoot.adoptedStyleSheets.length >= 1), "constructable stylesheet");
  assert.equal(await page.evaluate(() => document.querySelector("faq-widget").shadowRoot.querySelectorAll("style,[style]").length), 0, "no inline styles");

  await openPanel(page);
  await page.locator(`${W} input.query`).fill("como pago mi factura");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.locator(`${W} input.query`).press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.ok((await page.locator(`${W} .answer mark`).count()) > 0, "matched words are marked");
  // The answer is announced, and a late "N suggestions" message does not talk over it.
  await page.waitForTimeout(1000);
  assert.match(await page.locator(`${W} [role=status]`).textContent(), /^Respuesta: ¿/);
  assert.deepEqual(log.violations, [], "no CSP violation");
  assert.deepEqual(log.errors, [], "no page error");
  assert.deepEqual(
    log.console.filter((m) => m.type === "error"),
    [],
    "no console error",
  );
  await context.close();
});

test("the host page pays nothing on load: the engine is compiled asynchronously once the browser is idle, then opening compiles nothing", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Count how the page's WebAssembly gets compiled: synchronously (new WebAssembly.Module, what
  // initSync does with bytes) or asynchronously (WebAssembly.compile, off the main thread).
  await page.addInitScript(() => {
    const calls = { syncModule: 0, asyncCompile: 0, instances: 0, outsideIdle: 0, atLoad: null };
    window.__wasmCalls = calls;
    let inIdle = 0;
    const ric = window.requestIdleCallback;
    window.requestIdleCallback = (fn, opts) =>
      ric.call(
        window,
        (d) => {
          inIdle += 1;
          try {
            fn(d);
          } finally {
            inIdle -= 1;
          }
        },
        opts,
      );
    const W = WebAssembly;
    const { Module, Instance, compile } = W;
    const count = (k) => {
      calls[k] += 1;
      if (!inIdle) calls.outsideIdle += 1;
    };
    // Proxies, not functions: they stay constructible and keep `instanceof` working.
    const counted = (C, k) =>
      new Proxy(C, {
        construct(target, args) {
          count(k);
          return new target(...args);
        },
      });
    W.Module = counted(Module, "syncModule");
    W.Instance = counted(Instance, "instances");
    W.compile = (...a) => {
      count("asyncCompile");
      return compile.apply(W, a);
    };
    addEventListener("load", () => {
      calls.atLoad = calls.syncModule + calls.asyncCompile + calls.instances;
    });
  });
  await page.goto(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).waitFor();
  // Idle: compiled asynchronously, then instantiated, each from an idle callback; never synchronously.
  await page.waitForFunction(() => window.__wasmCalls.instances === 1, null, { timeout: 10000 });
  await openPanel(page);
  await page.locator(`${W} input.query`).fill("como pago mi factura");
  await page.locator(`${W} [role=option]`).first().waitFor();
  assert.deepEqual(await page.evaluate(() => ({ ...window.__wasmCalls })), {
    syncModule: 0,
    asyncCompile: 1,
    instances: 1,
    outsideIdle: 0,
    atLoad: 0,
  });
  await context.close();
});

test("the script in <head>, and the script twice, still give exactly one working widget", async () => {
  for (const p of ["/fixtures/head-script.html", "/fixtures/twice.html"]) {
    const { page, log, context } = await open(p);
    await page.locator(`${W} .launcher`).waitFor();
    assert.equal(await page.locator(W).count(), 1, p);
    await openPanel(page);
    assert.ok((await page.locator(`${W} .topic`).count()) > 0, p);
    assert.deepEqual(log.errors, [], p);
    await context.close();
  }
});

test("nothing is sent over the network while answering, browsing or giving feedback", async () => {
  const { page, requests, context } = await open("/fixtures/plain.html");
  await page.locator(`${W} .launcher`).waitFor();
  await page.waitForLoadState("networkidle");
  const served = server.requests.length;
  requests.length = 0;
  await openPanel(page);
  const input = page.locator(`${W} input.query`);
  for (const q of ["clave", "clave del wifi", "¿Dónde quedan sus oficinas?", "precio del plan", "xyzzy"]) {
    await input.fill(q);
    await input.press("Enter");
  }
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .choice`).first().click();
  await page.locator(`${W} .feedback .pill`).first().click();
  await page.locator(`${W} .thanks`).waitFor();
  const answers = await page.evaluate(() => document.querySelector("faq-widget").ask("¿Cómo puedo notificar mi pago?"));
  assert.ok(answers.length > 0);
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], "the page made no request");
  assert.equal(server.requests.length, served, "the server saw no request");
  await context.close();
});

test("keyboard only: open, type, pick a suggestion with the arrows, Escape closes, focus returns", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await page.locator(`${W} .launcher`).waitFor();
  // Tab from the page's own link to the launcher.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal((await shadowActive(page))?.cls, "launcher");
  await page.keyboard.press("Enter");
  await page.locator(`${W} input.query`).waitFor();
  assert.equal((await shadowActive(page))?.cls, "query", "focus moves into the input");
  const input = page.locator(`${W} input.query`);
  assert.equal(await input.getAttribute("role"), "combobox");
  await page.keyboard.type("como pago");
  await page.locator(`${W} [role=listbox]:not([hidden])`).waitFor();
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  const listId = await input.getAttribute("aria-controls");
  assert.equal(await page.locator(`${W} [role=listbox]`).getAttribute("id"), listId);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const active = await input.getAttribute("aria-activedescendant");
  const second = page.locator(`${W} [role=option]`).nth(1);
  assert.equal(await second.getAttribute("id"), active, "aria-activedescendant follows the arrows");
  assert.equal(await second.getAttribute("aria-selected"), "true");
  const picked = await second.textContent();
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), picked, "Enter opens the active suggestion");
  assert.equal((await shadowActive(page))?.cls, "query", "focus stays in the input");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  // The answer is announced.
  await page.waitForFunction(({ w, picked }) => document.querySelector(w).shadowRoot.querySelector("[role=status]").textContent.includes(picked), {
    w: W,
    picked,
  });

  // Escape: closes the list, then clears the input, then closes the panel.
  await page.keyboard.type(" x");
  await page.locator(`${W} [role=listbox]:not([hidden])`).waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  assert.notEqual(await input.inputValue(), "");
  await page.keyboard.press("Escape");
  assert.equal(await input.inputValue(), "");
  await page.keyboard.press("Escape");
  await page.locator(`${W} .panel`).waitFor({ state: "detached" });
  assert.equal((await shadowActive(page))?.cls, "launcher", "focus returns to the launcher");

  // Reopening keeps the answer; back to the start, then browse by topic, all with the keyboard.
  await page.keyboard.press("Enter");
  await page.locator(`${W} input.query`).waitFor();
  const tabTo = async (cls) => {
    for (let i = 0; i < 12 && (await shadowActive(page))?.cls !== cls; i++) await page.keyboard.press("Tab");
    assert.equal((await shadowActive(page))?.cls, cls);
  };
  await tabTo("back");
  await page.keyboard.press("Enter");
  assert.equal((await shadowActive(page))?.cls, "section-title", "focus moves to the start screen's heading");
  await tabTo("choice topic");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .view-title`).waitFor();
  assert.equal((await shadowActive(page))?.cls, "view-title", "focus moves to the topic's heading");
  await context.close();
});

test("focus is visible on every control", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const outlines = await page.evaluate(async (w) => {
    const root = document.querySelector(w).shadowRoot;
    const out = [];
    for (const el of root.querySelectorAll("button, input, a")) {
      el.focus({ focusVisible: true });
      const s = getComputedStyle(el);
      out.push({ cls: el.className, outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== "none" });
    }
    return out;
  }, W);
  assert.ok(outlines.length >= 4);
  for (const o of outlines) assert.ok(o.outline || o.shadow, `visible focus on .${o.cls}`);
  await context.close();
});

test("answers link phone numbers (tel:+593…), WhatsApp (wa.me/593…) and e-mails (mailto:)", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const e = entry("pagos-notificar");
  const cat = FAQ.categories.find((c) => c.id === e.category);
  await page.locator(`${W} .topic`, { hasText: cat.name }).click();
  await page.locator(`${W} .choice`, { hasText: e.question }).click();
  await page.locator(`${W} .answer`).waitFor();
  const hrefs = await page.locator(`${W} .answer-text a`).evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  const has = (href) => hrefs.some(([h]) => h === href);
  assert.ok(has("mailto:contabilidad@nettplus.net"), JSON.stringify(hrefs));
  assert.ok(has("https://wa.me/593990232671"), JSON.stringify(hrefs));
  assert.ok(has("tel:+59373701830,3"), `PBX with its extension: ${JSON.stringify(hrefs)}`);
  // Bank account numbers are not phone numbers.
  const pagos = entry("pagos-formas");
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .choice`, { hasText: pagos.question }).click();
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer-text a`).count(), 0, "account numbers stay text");
  assert.ok((await page.locator(`${W} .answer-text li`).count()) >= 5, "• lines become a list");
  await context.close();
});

test("no answer: says so plainly and offers every contact option of the FAQ", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const input = page.locator(`${W} input.query`);
  await input.fill("¿Cuánto cuesta el plan de internet?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  assert.match(await page.locator(`${W} .view-title.none`).textContent(), /No tengo esa respuesta/);
  const hrefs = await page.locator(`${W} .contacts a`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const c = FAQ.contact;
  assert.ok(hrefs.includes(`tel:${c.pbx.tel}`), "PBX");
  for (const x of c.pbx.extensions) assert.ok(hrefs.includes(`tel:${c.pbx.tel},${x.ext}`), `extension ${x.ext}`);
  for (const w of c.whatsapp) assert.ok(hrefs.includes(`https://wa.me/593${w.number.slice(1)}`), w.number);
  for (const m of c.email) assert.ok(hrefs.includes(`mailto:${m.address}`), m.address);
  assert.ok(hrefs.includes(c.address.map), "map link, fetched only when tapped");
  assert.match(await page.locator(`${W} .contacts`).textContent(), new RegExp(c.address.text.slice(0, 10)));
  await context.close();
});

test("browse categories and their questions without typing", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const names = await page.locator(`${W} .topic .choice-text`).allTextContents();
  assert.deepEqual(
    names,
    FAQ.categories.filter((c) => FAQ.entries.some((e) => e.category === c.id)).map((c) => c.name),
  );
  for (const cat of FAQ.categories) {
    await page.locator(`${W} .topic`, { hasText: cat.name }).click();
    const qs = await page.locator(`${W} .choice`).allTextContents();
    assert.deepEqual(
      qs,
      FAQ.entries.filter((e) => e.category === cat.id).map((e) => e.question),
    );
    await page.locator(`${W} .back`).click();
  }
  await context.close();
});

test("ambiguous questions offer the close candidates; faq-src replaces the bundled FAQ", async () => {
  const { page, log, context } = await open("/fixtures/faq-src.html");
  await page.locator(`${W} .topic`).first().waitFor();
  assert.deepEqual(
    await page.locator(`${W} .topic .choice-text`).allTextContents(),
    ALT.categories.map((c) => c.name),
  );
  assert.equal(await page.locator(`${W} .org`).textContent(), ALT.organization);
  const input = page.locator(`${W} input.query`);
  await input.fill("antenas parabólicas");
  await input.press("Enter");
  await page.locator(`${W} .choice`).first().waitFor();
  const offered = await page.locator(`${W} .choice`).allTextContents();
  assert.deepEqual(offered.sort(), ["antena-horario", "antena-garantia"].map((id) => ALT.entries.find((e) => e.id === id).question).sort());
  await page.locator(`${W} .choice`).first().click();
  await page.locator(`${W} .answer`).waitFor();
  // Contacts come from the loaded FAQ too.
  await input.fill("¿Venden televisores?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  const hrefs = await page.locator(`${W} .contacts a`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.includes("tel:+59372570000"));
  assert.ok(hrefs.includes("https://wa.me/593991112233"));
  const api = await page.evaluate(() => document.querySelector("faq-widget").ask("garantía de las antenas parabólicas"));
  assert.equal(api[0].id, "antena-garantia");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("FAQ and user text is rendered as text, never as HTML", async () => {
  const { page, context } = await open("/fixtures/faq-src.html");
  await page.locator(`${W} .topic`).first().waitFor();
  await page.locator(`${W} .topic`).nth(1).click();
  const e = ALT.entries.find((x) => x.id === "prueba-html");
  await page.locator(`${W} .choice`).first().click();
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), e.question);
  assert.equal(await page.locator(`${W} .answer-text`).textContent(), e.answer);
  const counts = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    return {
      img: r.querySelectorAll("img").length,
      script: r.querySelectorAll("script").length,
      b: r.querySelectorAll("b").length,
      pwned: window.__pwned === true,
    };
  }, W);
  assert.deepEqual(counts, { img: 0, script: 0, b: 0, pwned: false });
  // The category name with markup in it is text too.
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .back`).click();
  assert.equal(await page.locator(`${W} .topic .choice-text`).nth(1).textContent(), ALT.categories[1].name);
  // User text with markup goes nowhere as HTML.
  const input = page.locator(`${W} input.query`);
  await input.fill("<img src=x> marcado html");
  await input.press("Enter");
  assert.equal(await page.evaluate((w) => document.querySelector(w).shadowRoot.querySelectorAll("img").length, W), 0);
  await context.close();
});

test("a bad faq-src: a clear console error, and the widget still offers the contacts", async () => {
  for (const [p, why] of [
    ["/fixtures/bad-src.html", /missing-faq\.pack.*404/],
    ["/fixtures/invalid-src.html", /not-a-pack\.json.*not a compiled FAQ/],
  ]) {
    const { page, log, context } = await open(p);
    await page.locator(`${W} .error`).waitFor();
    const errors = log.console.filter((m) => m.type === "error" && m.text.startsWith("faq-widget:"));
    assert.equal(errors.length, 1, JSON.stringify(log.console));
    assert.match(errors[0].text, why);
    assert.deepEqual(log.errors, [], "no uncaught exception");
    const hrefs = await page.locator(`${W} .contacts a`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.includes(`tel:${FAQ.contact.pbx.tel}`), p);
    assert.ok(
      hrefs.some((h) => h.startsWith("https://wa.me/593")),
      p,
    );
    assert.ok(
      hrefs.some((h) => h.startsWith("mailto:")),
      p,
    );
    // The API rejects instead of pretending there is no answer.
    const r = await page.evaluate(() =>
      document
        .querySelector("faq-widget")
        .ask("clave")
        .then(
          () => "resolved",
          (e) => e.message,
        ),
    );
    assert.match(r, /faq-src/);
    await context.close();
  }
});

test("element.ask(query): answers best first with id, question, answer, score; [] when none", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await page.locator(`${W} .launcher`).waitFor();
  const r = await page.evaluate(async () => {
    const w = document.querySelector("faq-widget");
    return { some: await w.ask("¿Cómo puedo cambiar la clave de mi Wi-Fi?"), none: await w.ask("¿Cuánto cuesta el plan de internet?"), empty: await w.ask("") };
  });
  assert.ok(r.some.length >= 1);
  const first = r.some[0];
  assert.equal(first.id, "wifi-cambiar-clave");
  const e = entry(first.id);
  assert.equal(first.question, e.question);
  assert.equal(first.answer, e.answer);
  assert.equal(first.category, e.category);
  assert.ok(first.score > 0 && first.score <= 1);
  for (let i = 1; i < r.some.length; i++) assert.ok(r.some[i].score <= r.some[i - 1].score, "best first");
  assert.deepEqual(r.none, []);
  assert.deepEqual(r.empty, []);
  await context.close();
});

test('lang="en": English interface and the entries\' English texts', async () => {
  const { page, context } = await open("/fixtures/inline-en.html");
  await page.locator(`${W} .topic`).first().waitFor();
  assert.equal(await page.locator(`${W} .label`).textContent(), "Type your question");
  assert.deepEqual(
    await page.locator(`${W} .topic .choice-text`).allTextContents(),
    FAQ.categories.map((c) => c.name_en),
  );
  const input = page.locator(`${W} input.query`);
  await input.fill("What are your prices and plans?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  assert.equal(await page.locator(`${W} .view-title.none`).textContent(), "I don't have that answer.");
  const r = await page.evaluate(() => document.querySelector("faq-widget").ask("Where is your office?"));
  const e = entry(r[0].id);
  assert.equal(r[0].question, e.en.question);
  assert.equal(r[0].answer, e.en.answer);
  // Switching the attribute switches the interface.
  await page.evaluate(() => document.querySelector("faq-widget").setAttribute("lang", "es"));
  assert.equal(await page.locator(`${W} .label`).textContent(), "Escriba su pregunta");
  await context.close();
});

test('an answer in the question\'s language: English on the Spanish widget, Spanish on lang="en", one tap to the other', async () => {
  const { page, log, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const input = page.locator(`${W} input.query`);
  await input.fill("I forgot my wifi password, what is it?");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  const wifi = entry("wifi-clave");
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), wifi.en.question);
  assert.equal(await page.locator(`${W} .answer`).getAttribute("lang"), "en");
  assert.equal(await page.locator(`${W} .label`).textContent(), "Escriba su pregunta", "the interface stays Spanish");
  const toSpanish = page.locator(`${W} .lang-switch`);
  assert.equal(await toSpanish.textContent(), "Ver en español");
  assert.equal(await toSpanish.getAttribute("lang"), "es");
  await toSpanish.click();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), wifi.question);
  assert.equal(await page.locator(`${W} .answer`).getAttribute("lang"), "es");
  assert.equal(await page.locator(`${W} .lang-switch`).textContent(), "Read in English");
  // A Spanish question gets the Spanish texts; the API follows the question's language too.
  await input.fill("olvide la clave de mi wifi");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), wifi.question);
  const api = await page.evaluate(() => document.querySelector("faq-widget").ask("I forgot my wifi password"));
  assert.equal(api[0].question, wifi.en.question);
  assert.deepEqual(log.errors, []);
  await context.close();

  const en = await open("/fixtures/inline-en.html");
  const enInput = en.page.locator(`${W} input.query`);
  await enInput.fill("olvide la clave de mi wifi");
  await enInput.press("Enter");
  await en.page.locator(`${W} .answer`).waitFor();
  assert.equal(await en.page.locator(`${W} .answer .view-title`).textContent(), wifi.question);
  assert.equal(await en.page.locator(`${W} .lang-switch`).textContent(), "Read in English");
  assert.equal(await en.page.locator(`${W} .label`).textContent(), "Type your question");
  await en.context.close();
});

test("a question longer than the engine reads is cut, and the widget says so", async () => {
  const { page, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const input = page.locator(`${W} input.query`);
  await input.fill(`clave del wifi ${"ñandú ".repeat(300)}`);
  await input.press("Enter");
  await page.locator(`${W} .note:not([hidden])`).waitFor();
  assert.match(await page.locator(`${W} .note`).textContent(), /muy larga/);
  assert.equal((await page.locator(`${W} .answer`).count()) + (await page.locator(`${W} .choices`).count()) > 0, true);
  await input.fill("clave del wifi");
  await input.press("Enter");
  assert.equal(await page.locator(`${W} .note`).isHidden(), true);
  await context.close();
});

test('"¿Te sirvió?" feedback is kept in localStorage only', async () => {
  const { page, requests, context } = await open("/fixtures/plain.html");
  await openPanel(page);
  const e = entry("cobertura");
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .choice`, { hasText: e.question }).click();
  requests.length = 0;
  await page.locator(`${W} .pill`, { hasText: "No" }).click();
  await page.locator(`${W} .feedback .contacts`).waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("faq-widget:feedback")));
  assert.equal(stored[e.id].no, 1);
  assert.equal(stored[e.id].yes, 0);
  assert.deepEqual(requests, []);
  await context.close();
});

test("host-page CSS cannot break the widget; theming goes through custom properties", async () => {
  const { page, context } = await open("/fixtures/hostile.html");
  await openPanel(page);
  const s = await page.evaluate((w) => {
    const r = document.querySelector(w).shadowRoot;
    const cs = (sel) => getComputedStyle(r.querySelector(sel));
    const input = r.querySelector("input.query");
    const box = input.getBoundingClientRect();
    return {
      fontSize: cs(".root").fontSize,
      color: cs(".answer-text, .body").color,
      inputDisplay: cs("input.query").display,
      inputVisible: box.width > 100 && box.height >= 40,
      letterSpacing: cs(".root").letterSpacing,
    };
  }, W);
  assert.equal(s.fontSize, "16px");
  assert.notEqual(s.color, "rgb(255, 0, 255)");
  assert.notEqual(s.inputDisplay, "none");
  assert.ok(s.inputVisible);
  assert.equal(s.letterSpacing, "normal");
  // Theming: the brand colour variable reaches the header.
  await page.evaluate(() => document.querySelector("faq-widget").style.setProperty("--faq-brand", "rgb(106, 27, 154)"));
  const bg = await page.evaluate((w) => getComputedStyle(document.querySelector(w).shadowRoot.querySelector(".header")).backgroundColor, W);
  assert.equal(bg, "rgb(106, 27, 154)");
  await context.close();
});

test("accessibility: axe-core finds no WCAG 2.1 A/AA violation (contrast included)", async () => {
  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // axe is injected by the test, so this page's context may bypass the CSP for it. Reduced motion:
  // contrast is judged on settled colours, not halfway through a hover transition.
  const { page, context } = await open("/fixtures/plain.html", { context: { bypassCSP: true, reducedMotion: "reduce" } });
  await page.addScriptTag({ content: axeSource });
  const run = () =>
    page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector("faq-widget"), { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
  assert.deepEqual(await run(), [], "launcher");
  await openPanel(page);
  assert.deepEqual(await run(), [], "start screen");
  const input = page.locator(`${W} input.query`);
  await input.fill("clave wifi");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await run(), [], "suggestions");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.deepEqual(await run(), [], "answer");
  await input.fill("¿Cuánto cuesta el plan de internet?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  assert.deepEqual(await run(), [], "no answer with contacts");
  await context.close();
});

test("small screens: the open panel fits the viewport", async () => {
  const { page, context } = await open("/fixtures/plain.html", { viewport: { width: 360, height: 640 } });
  await openPanel(page);
  const box = await page.locator(`${W} .panel`).boundingBox();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 360.5 && box.y + box.height <= 640.5, JSON.stringify(box));
  await context.close();
});

const sizes = JSON.parse(fs.readFileSync(path.join(DIST, "sizes.json"), "utf8"));
const COPY = { gzip: [".gz", zlib.gunzipSync], brotli: [".br", zlib.brotliDecompressSync] };
for (const [kind, limit] of Object.entries(BUDGET)) {
  if (!limit) continue;
  test(`dist/faq-widget.js${COPY[kind][0]} unpacks to the script and is within its ${kind} budget (${(sizes.js[kind] / 1024).toFixed(1)} KB of ${(limit / 1024).toFixed(1)} KB)`, () => {
    const [ext, unpack] = COPY[kind];
    const script = fs.readFileSync(path.join(DIST, "faq-widget.js"));
    const copy = fs.readFileSync(path.join(DIST, `faq-widget.js${ext}`));
    assert.ok(unpack(copy).equals(script), `faq-widget.js${ext} is the script compressed`);
    assert.ok(copy.length <= limit, `${copy.length} bytes ${kind} > ${limit}`);
  });
}
