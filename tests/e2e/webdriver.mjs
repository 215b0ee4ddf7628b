// A small W3C WebDriver client (HTTP + JSON over Node's fetch) for the cross-engine smoke tests:
// Firefox through geckodriver (headless) and WebKit through WebKitGTK's WebKitWebDriver driving
// MiniBrowser under Xvfb. It starts the driver (and Xvfb) on free ports / a free display, opens one
// session, and stops everything it started, by process id, when the session is closed.
//
//   const browser = await launchEngine("firefox");   // or "webkit"
//   await browser.navigate(url);
//   const root = await (await browser.find("faq-widget")).shadowRoot();
//   await (await root.find("input.query")).sendKeys(`hola${Keys.ENTER}`);
//   await browser.close();
//
// Programs can be pointed elsewhere with GECKODRIVER, FIREFOX, WEBKIT_WEBDRIVER, MINIBROWSER, XVFB.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** A delay that does not keep the process alive (for races against a process or a request). */
const grace = (ms) => sleep(ms, undefined, { ref: false });

/** The W3C web element and shadow root identifiers. */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const SHADOW = "shadow-6066-11e4-a52e-4f735466cecf";

/** WebDriver key codes (the spec's "normalised key values"), usable inside sendKeys text. */
export const Keys = {
  BACKSPACE: "\uE003",
  TAB: "\uE004",
  ENTER: "\uE007",
  SHIFT: "\uE008",
  ESCAPE: "\uE00C",
  ARROW_UP: "\uE013",
  ARROW_DOWN: "\uE015",
};

/** An error answered by the driver: `code` is the W3C error code ("no such element", …). */
export class WebDriverError extends Error {
  constructor(command, code, message, data) {
    super(`WebDriver ${command}: ${code}: ${message}`);
    this.name = "WebDriverError";
    this.code = code;
    this.data = data;
  }
}

/** A program the suite needs is not installed (or not where it was looked for). */
export class MissingProgramError extends Error {
  constructor(what, looked, install) {
    super(`${what} not found (looked for ${looked.join(", ")}). ${install}`);
    this.name = "MissingProgramError";
  }
}

// --- finding programs ------------------------------------------------------------------------

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found as an absolute path or on PATH (plus `extraDirs`), or null. */
function which(names, extraDirs = []) {
  const dirs = [...(process.env.PATH || "").split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const name of names) {
    if (path.isAbsolute(name)) {
      if (isExecutable(name)) return name;
      continue;
    }
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/**
 * The program `what`: the file named by the environment variable `env` if it is set (and only
 * that), else the first of `names` found. Throws a MissingProgramError saying how to install it.
 */
function findProgram({ what, env, names, install, extraDirs = [] }) {
  const chosen = process.env[env];
  if (chosen) {
    const found = which([path.resolve(chosen)]);
    if (!found) throw new MissingProgramError(what, [`${env}=${chosen}`], `${env} does not name an executable file. ${install}`);
    return found;
  }
  const found = which(names, extraDirs);
  if (!found)
    throw new MissingProgramError(
      what,
      [...names.map((n) => (path.isAbsolute(n) ? n : `${n} on PATH`)), ...extraDirs.map((d) => `${d}/`)],
      `${install} Or set ${env}=/path/to/it.`,
    );
  return found;
}

const CARGO_BIN = path.join(os.homedir(), ".cargo/bin");

/**
 * The engines: how to find their driver and browser, what to say when one is missing, and the
 * capabilities of a new session. `display` says whether the browser needs an X server.
 */
export const ENGINES = {
  firefox: {
    name: "Firefox",
    display: false,
    programs() {
      const driver = findProgram({
        what: "geckodriver (Firefox's WebDriver)",
        env: "GECKODRIVER",
        names: ["geckodriver"],
        extraDirs: [CARGO_BIN],
        install: "Install it with `cargo install geckodriver` (Debian does not package it).",
      });
      const browser = findProgram({
        what: "Firefox",
        env: "FIREFOX",
        names: ["firefox-esr", "firefox"],
        install: "Install Debian's package `firefox-esr` (apt-get install firefox-esr).",
      });
      return { driver, browser };
    },
    driverArgs: (port) => ["--port", String(port), "--host", "127.0.0.1", "--log", "warn"],
    capabilities: ({ browser }) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: browser,
        args: ["-headless"],
        prefs: {
          // No traffic of Firefox's own while the pages are tested.
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
          "browser.safebrowsing.malware.enabled": false,
          "browser.safebrowsing.phishing.enabled": false,
          "app.update.enabled": false,
        },
      },
    }),
  },
  webkit: {
    name: "WebKit",
    display: true,
    programs() {
      const driver = findProgram({
        what: "WebKitWebDriver (WebKitGTK's WebDriver)",
        env: "WEBKIT_WEBDRIVER",
        names: ["WebKitWebDriver"],
        install: "Install Debian's package `webkit2gtk-driver` (apt-get install webkit2gtk-driver).",
      });
      const browser = findProgram({
        what: "MiniBrowser (WebKitGTK's browser for automation)",
        env: "MINIBROWSER",
        names: ["x86_64-linux-gnu", "aarch64-linux-gnu"].map((triple) => `/usr/lib/${triple}/webkit2gtk-4.1/MiniBrowser`),
        install: "It comes with Debian's package `libwebkit2gtk-4.1-0` (apt-get install libwebkit2gtk-4.1-0).",
      });
      const xvfb = findProgram({
        what: "Xvfb (the virtual X server MiniBrowser runs in)",
        env: "XVFB",
        names: ["Xvfb"],
        install: "Install Debian's package `xvfb` (apt-get install xvfb).",
      });
      return { driver, browser, xvfb };
    },
    driverArgs: (port) => [`--port=${port}`, "--host=127.0.0.1"],
    capabilities: ({ browser }) => ({
      "webkitgtk:browserOptions": { binary: browser, args: ["--automation"] },
    }),
  },
};

// --- processes -------------------------------------------------------------------------------

/** A port that was free a moment ago (the OS picks it; it is released again at once). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The process groups started here and not yet stopped. */
const groups = new Set();
let watching = false;

/**
 * Makes sure the groups do not outlive this process: they are killed when it exits, or when it is
 * interrupted or terminated (then the signal is raised again, to end the process as it would have).
 */
function watchForExit() {
  if (watching) return;
  watching = true;
  const killAll = () => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    groups.clear();
  };
  process.once("exit", killAll);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

/**
 * Spawns `file` in its own process group, keeping the end of its output for error messages.
 * `stop()` ends that group (the program and what it started) by its id: SIGTERM, then SIGKILL.
 */
function startProcess(file, args, { env = process.env, extraFds = 0 } = {}) {
  const child = spawn(file, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe", ...Array(extraFds).fill("pipe")] });
  if (child.pid !== undefined) {
    watchForExit();
    groups.add(child.pid);
  }
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let spawnError = null;
  child.once("error", (e) => {
    spawnError = e;
  });
  const alive = () => child.exitCode === null && child.signalCode === null && !spawnError;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  return {
    child,
    exited,
    alive,
    output: () => output.trim(),
    error: () => spawnError,
    async stop() {
      if (child.pid === undefined) return;
      if (alive()) signal("SIGTERM");
      const done = await Promise.race([exited.then(() => true), grace(3000).then(() => false)]);
      // The group may outlive its leader (a browser the driver started): end it either way.
      signal(done ? "SIGTERM" : "SIGKILL");
      if (!done) await Promise.race([exited, grace(2000)]);
      groups.delete(child.pid);
    },
  };
}

/** Starts Xvfb on a display number it picks itself (-displayfd); resolves to { display, stop }. */
export async function startXvfb(xvfb) {
  const proc = startProcess(xvfb, ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"], { extraFds: 1 });
  const display = await new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`Xvfb did not report a display within 10 s: ${proc.output()}`)), 10000);
    proc.child.stdio[3].on("data", (chunk) => {
      text += chunk;
      const m = /^(\d+)\n/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    proc.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${signal || code}) before it was ready: ${proc.error()?.message || proc.output()}`));
    });
  });
  return { display, stop: () => proc.stop() };
}

/** Starts a driver on a free port and waits until its /status says ready. */
async function startDriver(file, argsFor, env, what) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = startProcess(file, argsFor(port), { env });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && proc.alive()) {
      try {
        const res = await fetch(`${url}/status`);
        const body = await res.json();
        if (body?.value?.ready !== false) return { url, proc };
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    lastError = new Error(`${what} (${file}) did not become ready on port ${port}: ${proc.error()?.message || proc.output() || "no output"}`);
    await proc.stop();
  }
  throw lastError;
}

// --- the protocol ----------------------------------------------------------------------------

/** Turns element and shadow-root references in a result into objects bound to `session`. */
function revive(session, value) {
  if (Array.isArray(value)) return value.map((v) => revive(session, v));
  if (value && typeof value === "object") {
    if (typeof value[ELEMENT] === "string") return new Element(session, value[ELEMENT]);
    if (typeof value[SHADOW] === "string") return new ShadowRoot(session, value[SHADOW]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(session, v)]));
  }
  return value;
}

/** Common to a session, an element and a shadow root: finding elements within it. */
class Context {
  constructor(session, base) {
    this.session = session;
    this.base = base;
  }

  /** The first element matching the CSS selector; throws WebDriverError "no such element". */
  async find(css) {
    return revive(this.session, await this.session.command("POST", `${this.base}/element`, { using: "css selector", value: css }));
  }

  /** Every element matching the CSS selector (maybe none). */
  async findAll(css) {
    return revive(this.session, await this.session.command("POST", `${this.base}/elements`, { using: "css selector", value: css }));
  }

  /** Waits until an element matches (the page is still rendering it). */
  async waitFor(css, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        return await this.find(css);
      } catch (e) {
        if (e.code !== "no such element" || Date.now() > deadline) {
          if (e.code === "no such element") e.message += ` (waited ${timeout} ms)`;
          throw e;
        }
      }
      await sleep(50);
    }
  }
}

export class ShadowRoot extends Context {
  constructor(session, id) {
    super(session, `/shadow/${id}`);
    this.id = id;
  }

  toJSON() {
    return { [SHADOW]: this.id };
  }
}

export class Element extends Context {
  constructor(session, id) {
    super(session, `/element/${id}`);
    this.id = id;
  }

  toJSON() {
    return { [ELEMENT]: this.id };
  }

  /** The element's open shadow root (GET /element/{id}/shadow). */
  async shadowRoot() {
    return revive(this.session, await this.session.command("GET", `${this.base}/shadow`));
  }

  /** A real click at the element's centre (scrolled into view; fails if something covers it). */
  async click() {
    await this.session.command("POST", `${this.base}/click`, {});
  }

  /** Focuses the element and types `text` as key events (Keys.* for special keys). */
  async sendKeys(text) {
    await this.session.command("POST", `${this.base}/value`, { text });
  }

  async clear() {
    await this.session.command("POST", `${this.base}/clear`, {});
  }

  async text() {
    return this.session.command("GET", `${this.base}/text`);
  }

  async attribute(name) {
    return this.session.command("GET", `${this.base}/attribute/${encodeURIComponent(name)}`);
  }

  async property(name) {
    return this.session.command("GET", `${this.base}/property/${encodeURIComponent(name)}`);
  }

  async displayed() {
    return this.session.command("GET", `${this.base}/displayed`);
  }

  async rect() {
    return this.session.command("GET", `${this.base}/rect`);
  }
}

export class Session extends Context {
  constructor(driverUrl, id, capabilities, stopProcesses) {
    super(null, "");
    this.session = this;
    this.driverUrl = driverUrl;
    this.id = id;
    this.capabilities = capabilities;
    this._stop = stopProcesses;
  }

  /** Sends one command; `pathname` is relative to the session. Returns the response's value. */
  async command(method, pathname, body) {
    const url = `${this.driverUrl}/session/${this.id}${pathname}`;
    return request(method, url, body, `${method} ${pathname || "/"}`);
  }

  async navigate(url) {
    await this.command("POST", "/url", { url });
  }

  async url() {
    return this.command("GET", "/url");
  }

  async title() {
    return this.command("GET", "/title");
  }

  async setTimeouts(t) {
    await this.command("POST", "/timeouts", t);
  }

  async setWindowRect(rect) {
    return this.command("POST", "/window/rect", rect);
  }

  /**
   * Runs `fn` (a function or a function body string) in the page, synchronously, with `args`
   * (elements may be passed); returns its result, with elements as Element objects.
   */
  async execute(fn, ...args) {
    const script = typeof fn === "function" ? `return (${fn}).apply(null, arguments);` : fn;
    return revive(this, await this.command("POST", "/execute/sync", { script, args }));
  }

  /**
   * Runs the async function `fn(...args)` in the page through Execute Async Script: resolves to
   * what its promise resolves to, rejects with the page's error message if it rejects.
   */
  async executeAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1))).then(
  (value) => done({ ok: true, value }),
  (e) => done({ ok: false, error: String((e && e.stack) || e) }),
);`;
    const r = revive(this, await this.command("POST", "/execute/async", { script, args }));
    if (!r?.ok) throw new Error(`script rejected in the page: ${r?.error}`);
    return r.value;
  }

  /** Polls `fn(...args)` in the page until it returns something truthy, and returns that. */
  async waitUntil(fn, { timeout = 10000, interval = 50, message = "condition" } = {}, ...args) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.execute(fn, ...args);
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${JSON.stringify(last)})`);
      await sleep(interval);
    }
  }

  /** A PNG screenshot of the viewport, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.command("GET", "/screenshot"), "base64");
  }

  /** Deletes the session (the browser closes) and stops the driver and Xvfb. Safe to call twice. */
  async close() {
    if (this._closed) return;
    this._closed = true;
    try {
      await Promise.race([this.command("DELETE", ""), grace(10000)]);
    } catch {
      // the processes are stopped below anyway
    }
    await this._stop();
  }
}

/** One HTTP request to the driver; a driver that does not answer within `timeout` ms is an error. */
async function request(method, url, body, what, timeout = 30000) {
  const init = { method, headers: {}, signal: AbortSignal.timeout(timeout) };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json; charset=utf-8";
    init.body = JSON.stringify(body);
  }
  let res;
  let text;
  try {
    res = await fetch(url, init);
    text = await res.text();
  } catch (e) {
    if (e.name === "TimeoutError") throw new WebDriverError(what, "timeout", `the driver did not answer within ${timeout / 1000} s`);
    throw new WebDriverError(what, "no connection", `${url}: ${e.cause?.message || e.message}`);
  }
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(what, `HTTP ${res.status}`, `not JSON: ${text.slice(0, 300)}`);
  }
  const value = json.value;
  if (!res.ok || (value && typeof value === "object" && typeof value.error === "string")) {
    throw new WebDriverError(what, value?.error || `HTTP ${res.status}`, value?.message || text.slice(0, 300), value?.data);
  }
  return value;
}

/**
 * Starts the engine's driver (and Xvfb for WebKit) and opens a session. Throws a
 * MissingProgramError naming the package to install when a program is missing.
 */
export async function launchEngine(engine, { width = 1024, height = 768 } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}: one of ${Object.keys(ENGINES).join(", ")}`);
  const programs = spec.programs();
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  };
  try {
    const env = { ...process.env };
    if (spec.display) {
      const x = await startXvfb(programs.xvfb);
      stops.push(x.stop);
      env.DISPLAY = x.display;
      delete env.WAYLAND_DISPLAY;
    }
    const driver = await startDriver(programs.driver, spec.driverArgs, env, `${spec.name}'s driver`);
    stops.push(() => driver.proc.stop());
    let created;
    try {
      created = await request("POST", `${driver.url}/session`, { capabilities: { alwaysMatch: spec.capabilities(programs) } }, "new session", 45000);
    } catch (e) {
      e.message += `\n  browser: ${programs.browser}\n  driver output: ${driver.proc.output() || "(none)"}`;
      throw e;
    }
    const session = new Session(driver.url, created.sessionId, created.capabilities, stopAll);
    try {
      await session.setTimeouts({ script: 10000, pageLoad: 20000, implicit: 0 });
      await session.setWindowRect({ width, height });
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  } catch (e) {
    await stopAll();
    throw e;
  }
}
