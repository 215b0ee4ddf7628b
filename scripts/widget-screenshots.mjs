#!/usr/bin/env node
// Takes the README's screenshots (docs/*.png): the floating widget open on the mock ISP page, the
// kiosk start screen, and an answer with its matched words marked. Needs `make dist` first.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, launch, ROOT, startServer } from "../tests/e2e/lib.mjs";

const out = path.join(ROOT, "docs");
fs.mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 720 } });
  await page.goto(`${server.url}/index.html`);
  await page.locator("faq-widget .launcher").click();
  await page.locator("faq-widget input.query").fill("como pago mi factura");
  await page.waitForSelector("faq-widget .option");
  await page.screenshot({ path: path.join(out, "widget-floating.png") });

  const kiosk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await kiosk.goto(pathToFileURL(path.join(DIST, "kiosk.html")).href);
  await kiosk.waitForSelector("faq-widget .topic");
  await kiosk.screenshot({ path: path.join(out, "kiosk-start.png") });
  await kiosk.locator("faq-widget input.query").fill("como cambio la clave del wifi");
  await kiosk.locator("faq-widget input.query").press("Enter");
  await kiosk.waitForSelector("faq-widget .answer");
  await kiosk.screenshot({ path: path.join(out, "kiosk-answer.png") });
  for (const f of ["widget-floating.png", "kiosk-start.png", "kiosk-answer.png"]) {
    console.log(`docs/${f}: ${(fs.statSync(path.join(out, f)).size / 1024).toFixed(0)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
}
