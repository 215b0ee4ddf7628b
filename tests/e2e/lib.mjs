// Shared helpers for the browser tests: a static server on 127.0.0.1 that sends a strict CSP, and
// Debian's Chromium driven by playwright-core (no browser download).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const FIXTURES = path.join(ROOT, "tests/e2e/fixtures");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The policy every served page gets: no inline script or style, no eval; only wasm compilation. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

const packs = new Map();
/** The pack `faq compile` makes of a fixture FAQ (null when there is no such file), once per run. */
function packOf(json) {
  if (!fs.existsSync(json)) return null;
  if (!packs.has(json)) {
    const out = path.join(os.tmpdir(), `faq-widget-test-${process.pid}-${path.basename(json)}.pack`);
    execFileSync(path.join(ROOT, "target/release/faq"), ["compile", json, "--out", out], { stdio: "pipe" });
    packs.set(json, fs.readFileSync(out));
  }
  return packs.get(json);
}

/**
 * Serves `/` from www/ (whose generated/ holds the bundle), `/dist/` from dist/, `/fixtures/` from
 * tests/e2e/fixtures/ and `/pkg/` from pkg/. Records every request it receives.
 */
export async function startServer({ csp = STRICT_CSP } = {}) {
  const requests = [];
  const mounts = [
    ["/dist/", DIST],
    ["/fixtures/", FIXTURES],
    ["/pkg/", path.join(ROOT, "pkg")],
    ["/", path.join(ROOT, "www")],
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push({ method: req.method, path: url.pathname });
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    const rel = decodeURIComponent(url.pathname.slice(mount[0].length)) || "index.html";
    // A test FAQ's compiled pack (faq-src), compiled from the fixture's .json by the faq tool.
    const packed = mount[0] === "/fixtures/" && rel.endsWith(".pack") && packOf(path.join(FIXTURES, rel.replace(/\.pack$/, ".json")));
    if (packed) {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(packed);
      return;
    }
    const file = path.resolve(mount[1], rel);
    if (!file.startsWith(mount[1]) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" };
    if (csp && file.endsWith(".html")) headers["content-security-policy"] = csp;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches Debian's Chromium headless (playwright gives it a fresh temporary profile); `extra`
 * flags are added to the usual ones. */
export async function launch(extra = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...extra,
    ],
  });
}

/** Starts the test server and Chromium, once `make dist` has built the script. */
export async function start() {
  if (!fs.existsSync(path.join(DIST, "faq-widget.js"))) throw new Error("run make dist first");
  return { server: await startServer(), browser: await launch() };
}

/** Stops what `start` started. */
export async function stop({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/**
 * A browser context that is offline and also aborts, and records in `blocked`, any request that
 * is not for a file: what a kiosk on a PC with no network sees. `options` go to newContext.
 */
export async function offlineContext(browser, options = {}) {
  const context = await browser.newContext({ offline: true, ...options });
  const blocked = [];
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  return { context, blocked };
}

/** Chromium asks a served page's origin for /favicon.ico on its own (sometimes, as its timing
 * goes) and logs the 404: neither the page's request nor the widget's. */
export const isFavicon = (url) => /\/favicon\.ico$/.test(url || "");

/** Collects console errors, page errors and CSP violations of a page (not the browser's own
 * favicon request). */
export function watch(page) {
  const log = { errors: [], console: [], violations: [] };
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("console", (m) => {
    if (isFavicon(m.location().url)) return;
    log.console.push({ type: m.type(), text: m.text() });
    if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) log.violations.push(m.text());
  });
  return log;
}

/** A handle on the widget's shadow root contents. */
export function shadow(page, selector = "faq-widget") {
  return page.locator(selector);
}

export function fixture(name) {
  return path.join(FIXTURES, name);
}

/** The kiosk's staff PIN in the dist/ being tested: $KIOSK_PIN as the build read it, else the default. */
export { DEFAULT_KIOSK_PIN } from "../../scripts/kiosk-pin.mjs";
export const KIOSK_TEST_PIN = process.env.KIOSK_PIN || (await import("../../scripts/kiosk-pin.mjs")).DEFAULT_KIOSK_PIN;

/**
 * An init script (context.addInitScript(stubSpeech, voices)) that replaces the browser's speech
 * synthesis with a recorder: `voices` ([{name, lang, localService}]) are what getVoices() gives,
 * and window.__spoken lists what was said ({text, voice, lang}). Headless Chromium has no voices.
 */
export function stubSpeech(voices) {
  const spoken = [];
  Object.defineProperty(window, "__spoken", { value: spoken });
  // window.__voices: push a voice, then dispatch "voiceschanged" on speechSynthesis, to add one later.
  const list = voices.map((v) => ({ voiceURI: v.name, default: false, ...v }));
  Object.defineProperty(window, "__voices", { value: list });
  let current = null;
  const synth = new EventTarget();
  Object.assign(synth, {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => list.slice(),
    speak(u) {
      spoken.push({ text: u.text, voice: u.voice?.name ?? null, lang: u.lang });
      current = u;
      synth.speaking = true;
    },
    cancel() {
      const u = current;
      current = null;
      synth.speaking = false;
      if (u?.onend) setTimeout(() => u.onend(new Event("end")), 0);
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.voice = null;
      this.lang = "";
      this.onend = null;
      this.onerror = null;
    }
  };
}
