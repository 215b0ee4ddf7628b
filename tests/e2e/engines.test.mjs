// Smoke tests of dist/faq-widget.js and dist/kiosk.html in the engines customers use besides
// Chromium: Firefox (geckodriver, headless) and WebKit (WebKitGTK's MiniBrowser under Xvfb, the
// engine of Safari on iPhones), driven over plain W3C WebDriver (./webdriver.mjs). Served pages get
// the same strict CSP as the Chromium tests (lib.mjs).
//
// Plain WebDriver cannot read the browser's console, so fixtures/engines-watch.js records errors,
// unhandled rejections, CSP violations, console errors and warnings and failed loads in the page:
// engines-inline.html loads it before the widget's script (load time included); on plain.html
// and on the kiosk (whose CSP admits only its own script) it is injected once the page has
// loaded, and the kiosk's load is judged by what it fetched and what in it refers to a resource.
//
// Run: node scripts/bundle.mjs && node --test --test-concurrency=1 tests/e2e/engines.test.mjs
// ENGINES=firefox (or webkit) runs one engine only.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, FIXTURES, isFavicon, ROOT, startServer } from "./lib.mjs";
import { ENGINES, Keys, launchEngine } from "./webdriver.mjs";

const FAQ = JSON.parse(fs.readFileSync(path.join(ROOT, "faq.json"), "utf8"));
const KIOSK = pathToFileURL(path.join(DIST, "kiosk.html")).href;
/** The recorder of errors and CSP violations (window.__faqWatch), as a script to inject. */
const WATCH = fs.readFileSync(path.join(FIXTURES, "engines-watch.js"), "utf8");
const RUN = (process.env.ENGINES || Object.keys(ENGINES).join(","))
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

const question = (id) => {
  const e = FAQ.entries.find((x) => x.id === id);
  assert.ok(e, `faq.json has the entry ${id}`);
  return e.question;
};

let server;
before(async () => {
  assert.ok(
    fs.existsSync(path.join(DIST, "faq-widget.js")) && fs.existsSync(path.join(DIST, "kiosk.html")),
    "run node scripts/bundle.mjs (or make dist) first",
  );
  server = await startServer();
});
after(() => server?.close());

/**
 * What the page recorded (window.__faqWatch), the resources it loaded, what in it would load one
 * (elements with src, srcset, poster, data or a stylesheet link, CSS with url() or @import, in the
 * page and in the widget's shadow root) and the widget's state.
 */
function pageReport(browser) {
  return browser.execute(() => {
    const log = window.__faqWatch;
    const root = document.querySelector("faq-widget")?.shadowRoot;
    const references = [];
    for (const scope of [document, root].filter(Boolean)) {
      for (const el of scope.querySelectorAll("[src], [srcset], [poster], object[data], link[href], image[href], use[href]")) {
        const url = ["src", "srcset", "poster", "data", "href"].map((a) => el.getAttribute(a)).find((v) => v !== null);
        references.push(`<${el.localName}> ${url}`);
      }
      for (const sheet of [...(scope.styleSheets || []), ...(scope.adoptedStyleSheets || [])]) {
        for (const rule of sheet.cssRules) if (/url\(|@import/i.test(rule.cssText)) references.push(`CSS ${rule.cssText.slice(0, 120)}`);
      }
    }
    return {
      references,
      watched: !!log,
      errors: log ? [...log.errors, ...log.rejections] : [],
      violations: log ? log.violations : [],
      console: log ? log.console : [],
      failedLoads: log ? log.failedLoads : [],
      resources: performance.getEntriesByType("resource").map((r) => r.name),
      loadError: root ? !!root.querySelector(".error") : null,
    };
  });
}

/** Asserts the page logged no error, warning or CSP violation and no resource failed to load. */
function assertClean(report, where) {
  assert.ok(report.watched, `${where}: the recorder is installed`);
  assert.deepEqual(report.errors, [], `${where}: no page error or unhandled rejection`);
  assert.deepEqual(report.violations, [], `${where}: no CSP violation`);
  assert.deepEqual(report.console, [], `${where}: no console error or warning`);
  assert.deepEqual(report.failedLoads, [], `${where}: no failed resource load`);
  assert.equal(report.loadError, false, `${where}: the widget shows no load error`);
}

/** The server's requests since `from`, leaving out the favicon the browser asks for on its own. */
const requestsSince = (from) => server.requests.slice(from).filter((r) => !isFavicon(r.path));

/** Runs `body`; on failure saves a screenshot next to the temporary files and names it. */
async function withScreenshot(browser, name, body) {
  try {
    await body();
  } catch (e) {
    try {
      const file = path.join(os.tmpdir(), `faq-engines-${name}.png`);
      fs.writeFileSync(file, await browser.screenshot());
      e.message += `\n  screenshot: ${file}`;
    } catch {
      // no screenshot: keep the original error
    }
    throw e;
  }
}

/** The widget's shadow root, found over WebDriver (GET /element/{id}/shadow). */
async function widgetRoot(browser) {
  const host = await browser.waitFor("faq-widget");
  const root = await host.shadowRoot();
  assert.ok(root, "the widget has an open shadow root");
  return { host, root };
}

/** The suggestion list's state, read in the page. */
const suggestions = (browser) =>
  browser.execute(() => {
    const root = document.querySelector("faq-widget").shadowRoot;
    const list = root.querySelector("[role=listbox]");
    return {
      shown: !!list && !list.hidden,
      options: [...root.querySelectorAll("[role=option]")].map((o) => o.textContent),
      expanded: root.querySelector("input.query")?.getAttribute("aria-expanded"),
    };
  });

const answerTitle = (browser, timeout = 10000) =>
  browser.waitUntil(
    () => {
      const t = document.querySelector("faq-widget").shadowRoot.querySelector(".answer .view-title");
      return t ? t.textContent : null;
    },
    { timeout, message: "an answer" },
  );

const shadowFocus = (browser) => browser.execute(() => document.querySelector("faq-widget").shadowRoot.activeElement?.className ?? null);

for (const engine of RUN) {
  const spec = ENGINES[engine];

  describe(spec ? spec.name : engine, () => {
    let browser;
    before(
      async () => {
        assert.ok(spec, `unknown engine ${engine} in ENGINES (known: ${Object.keys(ENGINES).join(", ")})`);
        browser = await launchEngine(engine, { width: 1024, height: 768 });
      },
      { timeout: 60000 },
    );
    after(() => browser?.close());

    test("embed: an inline widget under a strict CSP answers a typed question and element.ask()", { timeout: 30000 }, async () => {
      await withScreenshot(browser, `${engine}-embed`, async () => {
        await browser.navigate(`${server.url}/fixtures/engines-inline.html`);
        const { root } = await widgetRoot(browser);
        await root.waitFor(".topic"); // the engine is ready: the start screen lists the topics
        const served = server.requests.length;
        const input = await root.find("input.query");

        await input.sendKeys("como pago mi factura");
        assert.equal(await input.property("value"), "como pago mi factura", "the keys reached the search box");
        await browser.waitUntil(() => document.querySelector("faq-widget").shadowRoot.querySelector("[role=option]"), { message: "suggestions" });
        await input.sendKeys(Keys.ENTER);
        assert.equal(await answerTitle(browser), question("pagos-formas"), "the answer shown is the payment entry");
        const marks = await browser.execute(() => document.querySelector("faq-widget").shadowRoot.querySelectorAll(".answer mark").length);
        assert.ok(marks > 0, "matched words are marked in the answer");
        assert.equal(await shadowFocus(browser), "query", "focus stays in the search box");

        const hits = await browser.executeAsync(() => document.querySelector("faq-widget").ask("olvide la clave del wifi"));
        assert.ok(Array.isArray(hits) && hits.length >= 1, `ask() answers: ${JSON.stringify(hits)}`);
        assert.equal(hits[0].id, "wifi-clave");
        assert.equal(hits[0].question, question("wifi-clave"));
        assert.ok(hits[0].score > 0 && hits[0].score <= 1, `score ${hits[0].score}`);

        const report = await pageReport(browser);
        assertClean(report, "embed");
        const loaded = report.resources.map((u) => new URL(u).pathname).filter((p) => !isFavicon(p));
        assert.deepEqual(loaded.sort(), ["/fixtures/engines-watch.js", "/generated/faq-widget.js"], "the page loaded the script and nothing else");
        assert.deepEqual(requestsSince(served), [], "no request after the script loaded");
      });
    });

    test("floating: the launcher is visible, a click opens the panel, typing suggests, Escape closes", { timeout: 30000 }, async () => {
      await withScreenshot(browser, `${engine}-floating`, async () => {
        // A page with only the script: it adds a floating widget by itself.
        await browser.navigate(`${server.url}/fixtures/plain.html`);
        await browser.execute(WATCH);
        const { root } = await widgetRoot(browser);
        const launcher = await root.waitFor(".launcher");
        const served = server.requests.length;

        assert.equal(await launcher.displayed(), true, "the launcher is displayed");
        const seen = await browser.execute((el) => {
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          const top = el.getRootNode().elementFromPoint(x, y);
          return {
            inside: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
            onTop: !!top && el.contains(top),
            text: el.textContent,
          };
        }, launcher);
        assert.ok(seen.inside, "the launcher is inside the viewport");
        assert.ok(seen.onTop, "nothing covers the launcher");
        assert.match(seen.text, /¿Preguntas\?/);
        assert.equal(await launcher.attribute("aria-expanded"), "false");

        await launcher.click();
        await root.waitFor(".panel");
        assert.equal(await (await root.find(".launcher")).attribute("aria-expanded"), "true", "aria-expanded follows the panel");
        await browser.waitUntil(() => document.querySelector("faq-widget").shadowRoot.activeElement?.className === "query", {
          message: "focus in the search box",
        });

        const input = await root.find("input.query");
        await input.sendKeys("clave wifi");
        await browser.waitUntil(
          () => {
            const list = document.querySelector("faq-widget").shadowRoot.querySelector("[role=listbox]");
            return list && !list.hidden && list.children.length > 0;
          },
          { message: "the suggestion list" },
        );
        const s = await suggestions(browser);
        assert.equal(s.expanded, "true", "the combobox says its list is open");
        assert.ok(s.options.includes(question("wifi-clave")), `the wifi entries are suggested: ${JSON.stringify(s.options)}`);

        // Escape closes the list, then clears the box, then closes the panel (as in Chromium).
        await input.sendKeys(Keys.ESCAPE);
        assert.equal((await suggestions(browser)).shown, false, "first Escape closes the list");
        await input.sendKeys(Keys.ESCAPE);
        assert.equal(await input.property("value"), "", "second Escape clears the box");
        await input.sendKeys(Keys.ESCAPE);
        await browser.waitUntil(() => !document.querySelector("faq-widget").shadowRoot.querySelector(".panel"), { message: "the panel to close" });
        assert.equal(await (await root.find(".launcher")).attribute("aria-expanded"), "false");
        assert.equal(await shadowFocus(browser), "launcher", "focus returns to the launcher");

        const report = await pageReport(browser);
        assertClean(report, "floating");
        const loaded = report.resources.map((u) => new URL(u).pathname).filter((p) => !isFavicon(p));
        assert.deepEqual(loaded, ["/generated/faq-widget.js"], "the page loaded the script and nothing else");
        assert.deepEqual(requestsSince(served), [], "no request while typing and answering");
      });
    });

    test("kiosk: dist/kiosk.html from file:// shows the start screen and answers, with no request", { timeout: 30000 }, async () => {
      await withScreenshot(browser, `${engine}-kiosk`, async () => {
        await browser.navigate(KIOSK);
        await browser.execute(WATCH);
        assert.equal(await browser.execute(() => location.protocol), "file:");
        const { host, root } = await widgetRoot(browser);
        assert.equal(await host.attribute("mode"), "kiosk");
        await root.waitFor(".tile");
        const start = await browser.execute(() => {
          const r = document.querySelector("faq-widget").shadowRoot;
          const panel = r.querySelector(".panel").getBoundingClientRect();
          return {
            heading: !!r.querySelector(".section-title"),
            groups: [...r.querySelectorAll(".tile-group-title")].map((e) => e.textContent),
            tiles: [...r.querySelectorAll(".tile")].map((e) => e.textContent),
            fullScreen: panel.width >= innerWidth - 1 && panel.height >= innerHeight - 1,
          };
        });
        assert.ok(start.heading, "the start screen's heading");
        assert.deepEqual(
          start.groups,
          FAQ.categories.map((c) => c.name),
          "the start screen groups its tiles by topic",
        );
        assert.deepEqual(
          start.tiles,
          FAQ.categories.flatMap((c) => FAQ.entries.filter((e) => e.category === c.id).map((e) => e.question)),
          "every question is a tile",
        );
        assert.ok(start.fullScreen, "the kiosk fills the window");

        const input = await root.find("input.query");
        await input.sendKeys("¿Cuál es la clave de mi Wi-Fi?");
        assert.equal(await input.property("value"), "¿Cuál es la clave de mi Wi-Fi?", "the keys, accents included, reached the search box");
        await input.sendKeys(Keys.ENTER);
        assert.equal(await answerTitle(browser), question("wifi-clave"));
        const report = await pageReport(browser);
        assertClean(report, "kiosk");
        assert.deepEqual(report.resources, [], "the kiosk loaded no resource at all");
        assert.deepEqual(report.references, [], "nothing in the kiosk page or the widget refers to a resource to load");
      });
    });
  });
}
