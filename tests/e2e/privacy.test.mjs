// Offline and privacy: every request the browser makes is recorded three ways (the
// context's request events, which include workers; Chrome DevTools Protocol Network events on the
// page; the test server's own log), and every way a page can send something (fetch, XHR, beacon,
// WebSocket, EventSource, workers, service workers, new targets) is counted. From page load
// through typing, suggestions, answers, candidates, no-answer, browsing, feedback, the English
// interface and the API: nothing after the script has loaded. The kiosk file: nothing at all, idle
// reset included. And with the network cut after load, everything still works.
// (widget.test.mjs and kiosk.test.mjs check the same with page request events only.)
// Run: make test-browser-hardening (builds dist first).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, isFavicon, ROOT, start, stop, watch } from "./lib.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
const W = "faq-widget";

let server;
let browser;

before(async () => ({ server, browser } = await start()));
after(() => stop({ server, browser }));

/** Counts every attempt to send something, before the widget's script runs (test only). */
function countSends() {
  const calls = [];
  const note = (what) => calls.push(what);
  const wrapFn = (obj, name, what) => {
    const f = obj?.[name];
    if (typeof f !== "function") return;
    obj[name] = function (...args) {
      note(`${what}(${String(args[0]).slice(0, 80)})`);
      return f.apply(this, args);
    };
  };
  const wrapCtor = (name) => {
    const C = window[name];
    if (typeof C !== "function") return;
    window[name] = new Proxy(C, {
      construct(target, args, newTarget) {
        note(`new ${name}(${String(args[0]).slice(0, 80)})`);
        return Reflect.construct(target, args, newTarget);
      },
    });
  };
  wrapFn(window, "fetch", "fetch");
  wrapFn(XMLHttpRequest.prototype, "open", "XMLHttpRequest.open");
  wrapFn(navigator, "sendBeacon", "sendBeacon");
  if (navigator.serviceWorker) wrapFn(navigator.serviceWorker, "register", "serviceWorker.register");
  for (const c of ["WebSocket", "EventSource", "Worker", "SharedWorker", "RTCPeerConnection"]) wrapCtor(c);
  Object.defineProperty(window, Symbol.for("faq-widget-sends"), { value: calls });
}

/** A context whose every request is recorded; a CDP session on the page; new targets watched. */
async function recorded(url, { offline = false, viewport = { width: 1024, height: 768 } } = {}) {
  const context = await browser.newContext({ viewport, offline, hasTouch: offline });
  await context.addInitScript(countSends);
  const events = []; // [source, url] in order
  context.on("request", (r) => events.push(["context", r.url()]));
  const targets = [];
  const bcdp = await browser.newBrowserCDPSession();
  bcdp.on("Target.targetCreated", (e) => targets.push(`${e.targetInfo.type} ${e.targetInfo.url}`));
  await bcdp.send("Target.setDiscoverTargets", { discover: true });
  const page = await context.newPage();
  const log = watch(page);
  const cdp = await context.newCDPSession(page);
  cdp.on("Network.requestWillBeSent", (e) => events.push(["cdp", e.request.url]));
  cdp.on("Network.webSocketCreated", (e) => events.push(["cdp-ws", e.url]));
  await cdp.send("Network.enable");
  targets.length = 0; // the page itself
  await page.goto(url);
  const sends = () => page.evaluate(() => window[Symbol.for("faq-widget-sends")].slice());
  return {
    context,
    page,
    log,
    events,
    targets,
    sends,
    close: async () => {
      await bcdp.detach();
      await context.close();
    },
  };
}

const notFavicon = ([, u]) => !isFavicon(u);

/** Typing, suggestions, answer, candidates, no answer, browsing, feedback, English, API. */
async function useEverything(page) {
  const input = page.locator(`${W} input.query`);
  const ask = async (q) => {
    await input.fill("");
    await input.click();
    await page.keyboard.type(q);
    await page.keyboard.press("Enter");
  };
  await input.fill("");
  await input.click();
  await page.keyboard.type("clave del wi");
  await page.locator(`${W} [role=option]`).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  await page.locator(`${W} .pill`).first().click();
  await page.locator(`${W} .thanks`).waitFor();
  await ask("pagos");
  await page.locator(`${W} .body .choices:not(.topics)`).waitFor();
  await page.locator(`${W} .body .choice`).first().click();
  await page.locator(`${W} .answer`).waitFor();
  await page.locator(`${W} .pill`).nth(1).click();
  await page.locator(`${W} .feedback .contacts`).waitFor();
  await ask("¿Cuánto cuesta el plan de internet?");
  await page.locator(`${W} .view-title.none`).waitFor();
  await page.locator(`${W} .back`).click();
  // The website's start screen lists topics; the kiosk's has a tile per question.
  if (await page.locator(`${W} .tile`).count()) {
    await page.locator(`${W} .tile`).last().click();
  } else {
    await page.locator(`${W} .topic`).last().click();
    await page.locator(`${W} .body .choice`).first().click();
  }
  await page.locator(`${W} .answer`).waitFor();
  await input.fill(`clave ${"x".repeat(1100)}`);
  await input.press("Enter");
  await page.locator(`${W} .note:not([hidden])`).waitFor();
  await page.evaluate(() => document.querySelector("faq-widget").setAttribute("lang", "en"));
  await ask("I forgot my wifi password");
  await page.locator(`${W} .answer`).waitFor();
  const api = await page.evaluate(async () => {
    const w = document.querySelector("faq-widget");
    return (await Promise.all(["¿Dónde pago?", "internet lento", "trabajo"].map((q) => w.ask(q)))).map((r) => r.length);
  });
  assert.equal(api.length, 3);
  await page.waitForTimeout(500); // anything sent late (timers, beacons) would show up now
}

test("served page: the page and the script, then not one request through every use of the widget", async () => {
  const { page, events, targets, sends, log, close } = await recorded(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).waitFor();
  await page.waitForLoadState("networkidle");
  const atLoad = events.filter(notFavicon).map(([s, u]) => `${s} ${new URL(u).pathname}`);
  assert.deepEqual(
    [...new Set(atLoad)].sort(),
    ["cdp /fixtures/plain.html", "cdp /generated/faq-widget.js", "context /fixtures/plain.html", "context /generated/faq-widget.js"],
    "while loading: the page and the one script",
  );
  const loaded = events.length;
  const served = server.requests.filter((r) => !isFavicon(r.path)).length;
  await page.locator(`${W} .launcher`).click();
  await useEverything(page);
  await page.keyboard.press("Escape");
  assert.deepEqual(events.slice(loaded).filter(notFavicon), [], "no request after the script loaded");
  assert.equal(server.requests.filter((r) => !isFavicon(r.path)).length, served, "the server saw nothing more");
  assert.deepEqual(await sends(), [], "no fetch, XHR, beacon, socket, event source, worker");
  assert.deepEqual(targets, [], "no worker, service worker or other target");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.violations, [], "nothing was refused by the CSP either");
  await close();
});

test("kiosk file: not one request from load to idle reset (the file itself is the only load)", async () => {
  const { page, events, targets, sends, log, close } = await recorded(`${KIOSK}?idle=2`, { offline: true, viewport: { width: 1280, height: 800 } });
  await page.locator(`${W} .tile`).first().waitFor();
  await useEverything(page);
  // Hands off: the idle reset.
  await page.waitForFunction(
    (w) => !!document.querySelector(w).shadowRoot.querySelector(".topics") && document.querySelector(w).shadowRoot.querySelector("input.query").value === "",
    W,
    { timeout: 12000 },
  );
  await page.waitForTimeout(300);
  const urls = [...new Set(events.map(([, u]) => u.replace(/\?.*$/, "")))];
  assert.deepEqual(urls, [KIOSK], "only the kiosk file itself was loaded");
  assert.deepEqual(await sends(), []);
  assert.deepEqual(targets, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.violations, [], "nothing was refused by the CSP either");
  await close();
});

test("network cut after load: typing, answers, browsing, feedback, contacts, English and the API all still work", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const log = watch(page);
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  await page.goto(`${server.url}/fixtures/plain.html`);
  await page.locator(`${W} .launcher`).waitFor();
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false, "the network really is cut");
  await page.locator(`${W} .launcher`).click();
  // Right answers, not just some view.
  const input = page.locator(`${W} input.query`);
  await input.fill("olvide la contrasena del wifi");
  await input.press("Enter");
  await page.locator(`${W} .answer`).waitFor();
  assert.equal(await page.locator(`${W} .answer .view-title`).textContent(), FAQ.entries.find((e) => e.id === "wifi-clave").question);
  await page.locator(`${W} .back`).click();
  await useEverything(page);
  assert.deepEqual(
    failed.filter((u) => !isFavicon(u)),
    [],
    "nothing tried the network",
  );
  assert.deepEqual(log.errors, []);
  assert.deepEqual(
    log.console.filter((m) => m.type === "error"),
    [],
  );
  await context.close();
});
