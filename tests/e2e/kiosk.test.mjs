// The kiosk page (dist/kiosk.html) opened straight from disk with the network blocked, as in the
// Sucre office: it must answer with no request at all, keep its touch targets large, and go back
// to the start screen after the idle period (?idle=SECONDS).

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, launch, offlineContext, ROOT, watch } from "./lib.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
const W = "faq-widget";
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, "kiosk.html")), "run make dist first");
  browser = await launch();
});
after(async () => browser?.close());

/** The kiosk page in an offline context where any non-file request is also aborted and recorded. */
async function kiosk(query = "", viewport = { width: 1280, height: 800 }, extra = {}) {
  const { context, blocked } = await offlineContext(browser, { viewport, hasTouch: true, ...extra });
  const page = await context.newPage();
  const log = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(KIOSK + query);
  await page.locator(`${W} .tile`).first().waitFor();
  return { page, context, log, blocked, requests };
}

test("kiosk.html is one self-contained file: no external script, style or asset", () => {
  const html = fs.readFileSync(path.join(DIST, "kiosk.html"), "utf8");
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link[^>]+href=/i);
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/, "its own strict CSP: only this script and wasm");
});

test("from file:// with the network blocked: answers, browses, no request, no CSP violation", async () => {
  const { page, context, log, blocked, requests } = await kiosk();
  assert.equal(await page.locator(W).getAttribute("mode"), "kiosk");
  const input = page.locator(`${W} input.query`);
  await input.tap();
  await input.fill("¿Cuál es la clave de mi Wi-Fi?");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), FAQ.entries.find((e) => e.id === "wifi-clave").question);
  await page.locator(`${W} .back`).tap();
  await page.locator(`${W} .tile`).last().tap(); // one tap from the start screen to an answer
  await page.locator(`${W} .answer`).waitFor();
  await page.locator(`${W} .pill`).first().tap();
  await input.fill("¿Cuánto cuesta el plan de internet?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  // On the kiosk, contacts are shown as text to read (nothing to tap that would leave the page).
  assert.equal(await page.locator(`${W} .contacts a`).count(), 0);
  assert.match(await page.locator(`${W} .contacts`).textContent(), new RegExp(FAQ.contact.pbx.number));
  assert.deepEqual(blocked, [], "no request was attempted");
  assert.deepEqual(
    requests.filter((u) => !u.startsWith("file:")),
    [],
  );
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("full screen, touch targets of at least 48 px, large text", async () => {
  const { page, context } = await kiosk();
  const vp = page.viewportSize();
  const panel = await page.locator(`${W} .panel`).boundingBox();
  assert.ok(panel.width >= vp.width - 1 && panel.height >= vp.height - 1, `full screen: ${JSON.stringify(panel)}`);
  const check = async (where) => {
    const small = await page.evaluate((w) => {
      const out = [];
      for (const el of document.querySelector(w).shadowRoot.querySelectorAll("button, input, a, [role=option]")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not shown
        if (r.width < 48 || r.height < 48) out.push(`${el.className}: ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      return out;
    }, W);
    assert.deepEqual(small, [], where);
  };
  await check("start screen");
  const input = page.locator(`${W} input.query`);
  await input.fill("clave");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await check("suggestions");
  await input.press("Enter");
  await check("after asking");
  const size = await page.evaluate((w) => parseFloat(getComputedStyle(document.querySelector(w).shadowRoot.querySelector(".body")).fontSize), W);
  assert.ok(size >= 22, `text ${size}px`);
  await context.close();
});

test("?idle=SECONDS: after that long without a touch, everything typed is cleared and the start screen returns", async () => {
  const { page, context } = await kiosk("?idle=2");
  const input = page.locator(`${W} input.query`);
  await input.fill("clave del wifi");
  await input.press("Enter");
  await page.locator(`${W} .answer, ${W} .choices`).first().waitFor();
  // Keep touching: no reset while someone is using it.
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(500);
    await page.keyboard.press("Shift");
  }
  assert.equal(await input.inputValue(), "clave del wifi", "activity postpones the reset");
  const t0 = Date.now();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector("input.query")?.value === "", W, { timeout: 5000 });
  const waited = Date.now() - t0;
  assert.ok(waited >= 500, `reset came after the idle period, not at once (${waited} ms)`);
  assert.equal(await input.inputValue(), "");
  assert.equal(await page.locator(`${W} .answer`).count(), 0);
  assert.ok((await page.locator(`${W} .tile`).count()) > 0, "start screen");
  await context.close();
});

test("the idle period defaults to 60 s", async () => {
  const { page, context } = await kiosk();
  assert.equal(await page.evaluate(() => document.querySelector("faq-widget").idleSeconds), 60);
  await context.close();
  const other = await kiosk("?idle=5");
  assert.equal(await other.page.evaluate(() => document.querySelector("faq-widget").idleSeconds), 5);
  await other.context.close();
});

test("accessibility: axe-core finds no WCAG 2.1 A/AA violation on the kiosk screens", async () => {
  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // axe is injected by the test: this context may bypass the page's CSP for it.
  const { page, context } = await kiosk("", { width: 1280, height: 800 }, { bypassCSP: true, reducedMotion: "reduce" });
  await page.addScriptTag({ content: axeSource });
  const run = () =>
    page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
  assert.deepEqual(await run(), [], "start screen");
  const input = page.locator(`${W} input.query`);
  await input.fill("¿Cuál es la clave de mi Wi-Fi?");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.deepEqual(await run(), [], "answer");
  await input.fill("¿Cuánto cuesta el plan de internet?");
  await input.press("Enter");
  await page.locator(`${W} .view-title.none`).waitFor();
  assert.deepEqual(await run(), [], "no answer");
  await context.close();
});
