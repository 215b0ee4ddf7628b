// Pages we do not control ("hostile pages"): the strictest CSP the widget must work under sent as an
// HTTP header, a page whose CSS attacks everything it can reach (all: unset !important, RTL, huge
// fonts, display:none on div/button/input), a page with its own globals, look-alike custom elements,
// a replaced fetch and polluted prototypes, and three widgets on one page. In each the widget must
// be visible, answer correctly, add nothing global, touch nothing of the page's, and log nothing.
// Run: make test-browser-hardening (builds dist first).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { DIST, launch, ROOT, startServer, watch } from "./lib.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const entry = (id) => FAQ.entries.find((e) => e.id === id);
/** The strictest policy the widget must work under: same-origin scripts and styles, wasm compilation, nothing else. */
const ISSUE_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let strict; // server sending ISSUE_CSP
let server; // server sending lib's STRICT_CSP (the pages that need their own stylesheet or script)
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, "faq-widget.js")), "run make dist first");
  strict = await startServer({ csp: ISSUE_CSP });
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await strict?.close();
  await server?.close();
});

async function open(srv, pathname, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto(`${srv.url}${pathname}`);
  return { page, context, log, requests, response };
}

/** Every console message of type error or warning, every uncaught error, every CSP violation. */
function assertQuiet(log, where) {
  assert.deepEqual(log.errors, [], `${where}: uncaught errors`);
  assert.deepEqual(log.violations, [], `${where}: CSP violations`);
  assert.deepEqual(
    log.console.filter((m) => m.type === "error" || m.type === "warning"),
    [],
    `${where}: console errors or warnings`,
  );
}

/** Types `q` into widget `sel` with real keystrokes, submits with Enter, returns the view shown. */
async function askByTyping(page, sel, q) {
  const input = page.locator(`${sel} input.query`);
  await input.click();
  await input.fill("");
  await page.keyboard.type(q);
  await page.keyboard.press("Enter");
  await page.locator(`${sel} .answer, ${sel} .view-title.none, ${sel} .body .choices:not(.topics)`).first().waitFor();
  return page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    const title = r.querySelector(".answer .view-title");
    return { answer: title ? title.textContent : null, none: !!r.querySelector(".view-title.none") };
  }, sel);
}

/**
 * Layout facts of the widget's controls, read inside its shadow root: computed styles, boxes, and
 * whether the control is what the browser hits at its centre (nothing covers it).
 */
function layout(page, sel) {
  return page.evaluate((s) => {
    const host = document.querySelector(s);
    const r = host.shadowRoot;
    const vw = innerWidth;
    const vh = innerHeight;
    const out = [];
    for (const el of r.querySelectorAll("button:not(.launcher[aria-expanded=true]), input, .title, .answer-text, .section-title")) {
      const cs = getComputedStyle(el);
      const b = el.getBoundingClientRect();
      const cx = b.left + b.width / 2;
      const cy = b.top + b.height / 2;
      const onScreen = cx >= 0 && cy >= 0 && cx < vw && cy < vh;
      const hit = onScreen ? r.elementFromPoint(cx, cy) : null;
      out.push({
        what: `${el.tagName.toLowerCase()}.${el.className}`,
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
        direction: cs.direction,
        fontSize: cs.fontSize,
        letterSpacing: cs.letterSpacing,
        wordSpacing: cs.wordSpacing,
        textTransform: cs.textTransform,
        textIndent: cs.textIndent,
        pointerEvents: cs.pointerEvents,
        transform: cs.transform,
        width: b.width,
        height: b.height,
        onScreen,
        hitSelf: !!hit && (hit === el || el.contains(hit)),
      });
    }
    return out;
  }, sel);
}

function assertLaidOut(items, where, { root = 16 } = {}) {
  assert.ok(items.length >= 3, `${where}: controls found`);
  for (const it of items) {
    const w = `${where}: ${it.what}`;
    assert.notEqual(it.display, "none", `${w} displayed`);
    assert.equal(it.visibility, "visible", `${w} visible`);
    assert.equal(it.opacity, "1", `${w} opaque`);
    assert.equal(it.direction, "ltr", `${w} left to right (Spanish), whatever the page's direction`);
    assert.ok(parseFloat(it.fontSize) >= 12 && parseFloat(it.fontSize) <= root * 2, `${w} font size ${it.fontSize}`);
    assert.equal(it.letterSpacing, "normal", `${w} letter spacing`);
    assert.equal(it.wordSpacing, "0px", `${w} word spacing`);
    assert.equal(it.textTransform, "none", `${w} text transform`);
    assert.equal(it.textIndent, "0px", `${w} text indent`);
    assert.equal(it.pointerEvents, "auto", `${w} takes clicks`);
    assert.equal(it.transform, "none", `${w} not transformed`);
    assert.ok(it.width >= 20 && it.height >= 16, `${w} has a size: ${it.width}x${it.height}`);
    if (/^(button|input)/.test(it.what) && it.onScreen) assert.ok(it.hitSelf, `${w} is not covered`);
  }
}

test("the issue's CSP as an HTTP header (default-src 'none'): loads, answers, no violation, no request after load", async () => {
  const { page, context, log, requests, response } = await open(strict, "/fixtures/strict-csp.html");
  assert.equal(response.headers()["content-security-policy"], ISSUE_CSP, "the page really is served with the issue's policy");
  const W = "faq-widget";
  await page.locator(`${W} .topic`).first().waitFor();
  assert.equal(await page.locator(W).count(), 1, "no floating widget added next to the inline one");
  const afterLoad = requests.length;
  const e = entry("wifi-clave");
  const shown = await askByTyping(page, W, "olvide la contrasena del wifi");
  assert.equal(shown.answer, e.question);
  // Suggestions, marks, links, browsing, feedback and the API, all under the policy.
  await page.locator(`${W} input.query`).fill("");
  await page.keyboard.type("como pago mi fact");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer mark`).first().waitFor();
  await page.locator(`${W} .pill`).first().click();
  await page.locator(`${W} .thanks`).waitFor();
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .choice`).first().click();
  await page.locator(`${W} .answer`).waitFor();
  const api = await page.evaluate(() => document.querySelector("faq-widget").ask("¿Dónde quedan sus oficinas?"));
  assert.ok(api.length > 0 && api[0].id, JSON.stringify(api));
  // The constructable stylesheet applied (style-src 'self' has no 'unsafe-inline'): the header has
  // the brand colour, not the UA default.
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("faq-widget").shadowRoot.querySelector(".header")).backgroundColor);
  assert.equal(bg, "rgb(11, 83, 148)");
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(afterLoad), [], "no request after the script loaded");
  assert.deepEqual(
    requests.map((u) => new URL(u).pathname),
    ["/fixtures/strict-csp.html", "/generated/faq-widget.js"],
    "the page and the one script, nothing else",
  );
  assertQuiet(log, "strict CSP");
  await context.close();
});

test("aggressive page CSS (all: unset !important, RTL, 96-200px fonts, display:none on div/button/input): inline widget intact and answering", async () => {
  const { page, context, log } = await open(server, "/fixtures/aggressive-inline.html");
  const W = "faq-widget";
  await page.locator(`${W} .topic`).first().waitFor();
  // The page's rules really are in force on its own elements (else this test proves nothing).
  const pageSide = await page.evaluate(() => ({
    dir: getComputedStyle(document.documentElement).direction,
    bodyFont: getComputedStyle(document.body).fontSize,
    bodyVisibility: getComputedStyle(document.body).visibility,
  }));
  assert.deepEqual(pageSide, { dir: "rtl", bodyFont: "150px", bodyVisibility: "hidden" });
  assertLaidOut(await layout(page, W), "start screen");
  const panel = await page.locator(`${W} .panel`).boundingBox();
  assert.ok(panel.width >= 300 && panel.height >= 200, `panel ${JSON.stringify(panel)}`);
  // Real clicks and typing work, and the answers are right.
  const e = entry("pagos-formas");
  assert.equal((await askByTyping(page, W, "a q cuenta deposito")).answer, e.question);
  assertLaidOut(await layout(page, W), "answer");
  // Suggestions: shown, clickable with the mouse.
  await page.locator(`${W} input.query`).fill("");
  await page.keyboard.type("clave del wifi");
  const option = page.locator(`${W} [role=option]`).first();
  await option.waitFor();
  const ob = await option.boundingBox();
  assert.ok(ob && ob.width > 100 && ob.height >= 24, `suggestion ${JSON.stringify(ob)}`);
  const picked = await option.textContent();
  await page.mouse.click(ob.x + ob.width / 2, ob.y + ob.height / 2);
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), picked);
  // Browsing by topic with the mouse.
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  assertLaidOut(await layout(page, W), "category");
  // The text reads left to right: the first character of the title is at its left edge.
  const leftAligned = await page.evaluate(() => {
    const t = document.querySelector("faq-widget").shadowRoot.querySelector(".title");
    const range = document.createRange();
    range.setStart(t.firstChild, 0);
    range.setEnd(t.firstChild, 1);
    return range.getBoundingClientRect().left - t.getBoundingClientRect().left;
  });
  assert.ok(leftAligned < 2, `title starts at the left (${leftAligned}px in)`);
  assertQuiet(log, "aggressive inline");
  await context.close();
});

test("aggressive page CSS: the floating launcher and panel are visible, usable and correct", async () => {
  const { page, context, log } = await open(server, "/fixtures/aggressive-floating.html", { viewport: { width: 1024, height: 768 } });
  const W = "faq-widget";
  const launcher = page.locator(`${W} .launcher`);
  await launcher.waitFor();
  const lb = await launcher.boundingBox();
  assert.ok(lb && lb.width >= 100 && lb.height >= 44, `launcher ${JSON.stringify(lb)}`);
  assert.ok(lb.x + lb.width <= 1024 && lb.y + lb.height <= 768 && lb.x > 512 && lb.y > 384, "launcher in the bottom-right corner, on screen");
  const [l] = await layout(page, W);
  assert.deepEqual(
    [l.display, l.visibility, l.direction, l.fontSize, l.textTransform, l.hitSelf],
    ["flex", "visible", "ltr", "16px", "none", true],
    `launcher ${JSON.stringify(l)}`,
  );
  await page.mouse.click(lb.x + lb.width / 2, lb.y + lb.height / 2);
  await page.locator(`${W} input.query`).waitFor();
  const pb = await page.locator(`${W} .panel`).boundingBox();
  assert.ok(pb.x >= 0 && pb.y >= 0 && pb.x + pb.width <= 1024.5 && pb.y + pb.height <= 768.5 && pb.width >= 300, `panel ${JSON.stringify(pb)}`);
  assertLaidOut(await layout(page, W), "open panel");
  const e = entry("contratar-donde");
  const got = await askByTyping(page, W, "donde quedan las oficinas para contratar");
  assert.equal(got.answer, e.question);
  assertLaidOut(await layout(page, W), "answer");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.locator(`${W} .panel`).waitFor({ state: "detached" });
  assertQuiet(log, "aggressive floating");
  await context.close();
});

test("a page with its own FaqEngine, wasm_bindgen, fetch, look-alike elements and polluted prototypes: the widget works and touches none of it", async () => {
  const { page, context, log } = await open(server, "/fixtures/page-globals.html");
  const W = "faq-widget";
  await page.locator(`${W} .topic`).first().waitFor();
  // The pollution is really in force on the page.
  assert.equal(await page.evaluate(() => ({}).foo), "polluted");
  assert.equal(await page.evaluate(() => "extra" in []), true);
  // It answers, through typing and through the API.
  const e = entry("wifi-clave");
  assert.equal((await askByTyping(page, W, "olvide la clave del wifi")).answer, e.question);
  await page.locator(`${W} input.query`).fill("");
  await page.keyboard.type("como pago");
  await page.locator(`${W} [role=option]`).first().waitFor();
  const api = await page.evaluate(async () => {
    const w = document.querySelector("faq-widget");
    return { some: await w.ask("¿Cuál es la clave de mi Wi-Fi?"), none: await w.ask("¿Cuánto cuesta el plan de internet?") };
  });
  assert.equal(api.some[0].id, "wifi-clave");
  assert.deepEqual(Object.keys(api.some[0]).sort(), ["answer", "category", "id", "question", "score", "status", "terms"]);
  assert.deepEqual(api.none, []);
  // No answer: the contacts; browsing; feedback.
  assert.equal((await askByTyping(page, W, "¿Cuánto cuesta el plan de internet?")).none, true);
  assert.ok((await page.locator(`${W} .contacts a`).count()) >= 4);
  await page.locator(`${W} .back`).click();
  await page.locator(`${W} .topic`).first().click();
  await page.locator(`${W} .choice`).first().click();
  await page.locator(`${W} .pill`).first().click();
  await page.locator(`${W} .thanks`).waitFor();
  // Nothing of the page's was replaced, called or added to.
  const check = await page.evaluate(() => {
    const A = window.PageApp;
    const now = A.snapshot();
    const added = now.window.filter((k) => !A.before.window.includes(k));
    const removed = A.before.window.filter((k) => !now.window.includes(k));
    const protoChanges = Object.keys(now.protos).filter((k) => now.protos[k].join() !== A.before.protos[k].join());
    return {
      added,
      removed,
      protoChanges,
      same: {
        FaqEngine: window.FaqEngine === A.theirs.FaqEngine && new window.FaqEngine().ask() === "the page's FaqEngine",
        wasm_bindgen: window.wasm_bindgen === A.theirs.wasm_bindgen,
        wasm: window.wasm === A.theirs.wasm,
        initSync: window.initSync === A.theirs.initSync,
        h: window.h === A.theirs.h,
        fetch: window.fetch === A.theirs.fetch,
        elements:
          customElements.get("faq-widget-x") === A.theirs.x &&
          customElements.get("faq-widgets") === A.theirs.xs &&
          customElements.get("x-faq-widget") === A.theirs.xx,
        pollution: {}.foo === "polluted" && [].extra() === "extra" && "a".shout() === "A",
        TAG: window.TAG === "not-faq-widget",
        uid: window.uid === 1000,
      },
      fetchCalls: A.calls.fetch,
      pageElements: ["faq-widget-x", "faq-widgets", "x-faq-widget"].map((n) => document.querySelector(n).textContent),
      widgets: document.querySelectorAll("faq-widget").length,
      lookalikeShadows: ["faq-widget-x", "faq-widgets", "x-faq-widget"].filter((n) => document.querySelector(n).shadowRoot).length,
    };
  });
  assert.deepEqual(check.added, ["PageApp"], "the widget added no global (PageApp is the page's own)");
  assert.deepEqual(check.removed, []);
  assert.deepEqual(check.protoChanges, [], "no built-in prototype gained or lost a property");
  for (const [k, v] of Object.entries(check.same)) assert.equal(v, true, `the page's ${k} is untouched`);
  assert.equal(check.fetchCalls, 0, "the widget never called fetch");
  assert.deepEqual(check.pageElements, ["page element faq-widget-x", "page element faq-widgets", "page element x-faq-widget"]);
  assert.equal(check.widgets, 1, "no floating widget added: the page has one");
  assert.equal(check.lookalikeShadows, 0, "look-alike elements left alone");
  assertQuiet(log, "page globals");
  await context.close();
});

test("two inline widgets (Spanish, English) and a floating one on one page answer independently", async () => {
  const { page, context, log } = await open(server, "/fixtures/two-widgets.html");
  await page.locator("#a .topic").first().waitFor();
  await page.locator("#b .topic").first().waitFor();
  await page.locator("#c .launcher").waitFor();
  assert.equal(await page.locator("faq-widget").count(), 3, "no extra widget added");
  const a = entry("pagos-formas");
  const b = entry("contratar-donde");
  const c = entry("wifi-clave");
  assert.equal((await askByTyping(page, "#a", "a q cuenta deposito")).answer, a.question);
  const gotB = await askByTyping(page, "#b", "where is your office to sign up?");
  assert.equal(gotB.answer, b.en.question, "the English widget answers in English");
  await page.locator("#c .launcher").click();
  await page.locator("#c input.query").waitFor();
  assert.equal((await askByTyping(page, "#c", "olvide la clave del wifi")).answer, c.question);
  // Each kept its own state: input text, view, language.
  const state = await page.evaluate(() =>
    ["#a", "#b", "#c"].map((s) => {
      const r = document.querySelector(s).shadowRoot;
      return {
        input: r.querySelector("input.query").value,
        answer: r.querySelector(".answer .view-title")?.textContent ?? null,
        label: r.querySelector(".label").textContent,
        ids: [...r.querySelectorAll("[id]")].map((e) => e.id),
      };
    }),
  );
  assert.equal(state[0].input, "a q cuenta deposito");
  assert.equal(state[0].answer, a.question);
  assert.equal(state[1].input, "where is your office to sign up?");
  assert.equal(state[1].answer, gotB.answer);
  assert.equal(state[1].label, "Type your question");
  assert.equal(state[2].input, "olvide la clave del wifi");
  assert.equal(state[2].answer, c.question);
  const allIds = state.flatMap((s) => s.ids);
  assert.equal(new Set(allIds).size, allIds.length, "ids differ between the widgets (aria references stay in their own widget)");
  // Suggestions in one do not open in another; Escape in the floating one closes only it.
  await page.locator("#a input.query").fill("");
  await page.locator("#a input.query").click();
  await page.keyboard.type("clave");
  await page.locator("#a [role=option]").first().waitFor();
  assert.equal(await page.locator("#b [role=listbox]").isHidden(), true);
  assert.equal(await page.locator("#c [role=listbox]").isHidden(), true);
  await page.locator("#c input.query").click();
  await page.keyboard.press("Escape"); // clears its input
  await page.keyboard.press("Escape"); // closes its panel
  await page.locator("#c .panel").waitFor({ state: "detached" });
  assert.equal(await page.locator("#a .panel").count(), 1);
  assert.equal(await page.locator("#b .answer .view-title").textContent(), gotB.answer);
  // The API of each answers in its own language; asking one does not change another's view.
  const api = await page.evaluate(async () => {
    const [A, B] = ["#a", "#b"].map((s) => document.querySelector(s));
    const [ra, rb] = await Promise.all([A.ask("¿Cuál es la clave de mi Wi-Fi?"), B.ask("What is my Wi-Fi password?")]);
    return { a: ra[0], b: rb[0] };
  });
  assert.equal(api.a.question, c.question);
  assert.equal(api.b.id, "wifi-clave");
  assert.equal(api.b.question, c.en.question);
  assert.equal(await page.locator("#b .answer .view-title").textContent(), gotB.answer);
  assertQuiet(log, "three widgets");
  await context.close();
});
