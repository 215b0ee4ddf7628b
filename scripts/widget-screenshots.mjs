#!/usr/bin/env node
// Takes the README's screenshots (docs/*.png): the floating widget open on the mock ISP page, and
// the touch kiosk: its start screen, typing on its keyboard, an answer with its QR codes. Needs
// `make dist` first.

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

  const touch = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const kiosk = await touch.newPage();
  await kiosk.goto(pathToFileURL(path.join(DIST, "kiosk.html")).href);
  await kiosk.waitForSelector("faq-widget .tile");
  await kiosk.screenshot({ path: path.join(out, "kiosk-start.png") });
  await kiosk.locator("faq-widget input.query").tap();
  for (const ch of "como pago") await kiosk.locator(`faq-widget .key[data-key="${ch === " " ? "{space}" : ch}"]`).tap();
  await kiosk.waitForSelector("faq-widget .option");
  await kiosk.screenshot({ path: path.join(out, "kiosk-keyboard.png") });
  await kiosk.locator("faq-widget .head-button.restart").tap();
  await kiosk.locator('faq-widget .tile[data-entry="pagos-notificar"]').tap();
  await kiosk.waitForSelector("faq-widget .answer .qr");
  await kiosk.screenshot({ path: path.join(out, "kiosk-answer.png") });
  for (const f of ["widget-floating.png", "kiosk-start.png", "kiosk-keyboard.png", "kiosk-answer.png"]) {
    console.log(`docs/${f}: ${(fs.statSync(path.join(out, f)).size / 1024).toFixed(0)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
}
