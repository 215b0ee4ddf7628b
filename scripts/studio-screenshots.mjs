#!/usr/bin/env node
// Takes the screenshots of the README's guide for the office staff (docs/studio-*.png): the FAQ
// studio opened from disk, editing an entry, a finding, "Pruebe una pregunta", measuring, the
// kiosk's export and publishing. Needs `make dist` first.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, launch, ROOT } from "../tests/e2e/lib.mjs";

const out = path.join(ROOT, "docs");
fs.mkdirSync(out, { recursive: true });
const browser = await launch();
const shots = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, offline: true });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(DIST, "studio.html")).href);
  await page.getByRole("tab", { name: "Entradas" }).waitFor();
  const shot = async (name) => {
    await page.screenshot({ path: path.join(out, name) });
    shots.push(name);
  };
  const tryBox = page.getByRole("searchbox", { name: "Pruebe una pregunta" });
  await page.locator("[data-entry-index]").filter({ hasText: "¿Por qué no cuento" }).click();
  const phr = page.locator('.entry-form [data-path$="].phrasings"]').first();
  await phr.fill(`${await phr.inputValue()}\nel perro mordio el cable del modem`);
  await tryBox.fill("el perro mordio el cable del modem");
  await page.locator('.results .answer[data-id="sin-servicio"]').first().waitFor();
  await shot("studio-edit.png");
  const q = page.locator('.entry-form [data-path$="].question"]').first();
  const question = await q.inputValue();
  await q.fill("");
  await page.locator(".finding.error").first().waitFor();
  await page.locator(".finding.error button").first().focus();
  await shot("studio-finding.png");
  await q.fill(question);
  await page.locator(".summary.ok").waitFor();
  await page.getByRole("tab", { name: "Medir" }).click();
  await page.locator("#tsv-file").setInputFiles(path.join(ROOT, "tests/data/dev.tsv"));
  await page.locator("[data-metric]").first().waitFor();
  await shot("studio-measure.png");
  await page.getByRole("tab", { name: "Kiosco" }).click();
  const exported = {
    format: "faq-widget-kiosk-export",
    version: 1,
    organization: "Nettplus",
    since: "2026-03-01T08:00:00.000Z",
    exported: "2026-03-31T18:00:00.000Z",
    questions: { total: 214, answered: 171, ambiguous: 19, unanswered: 24 },
    entries: [
      { id: "wifi-clave", question: "¿Cuál es la clave de mi Wi-Fi?", shown: 48, asked: 41, helpful: 20, notHelpful: 6 },
      { id: "pagos-formas", question: "¿Cómo puedo realizar mis pagos?", shown: 39, asked: 30, helpful: 17, notHelpful: 2 },
    ],
    unanswered: [
      { text: "se puede pagar con tarjeta de credito en la oficina", count: 5 },
      { text: "tienen trabajo de tecnico", count: 2 },
      { text: "mi gato jugo con el aparato y ya no prende", count: 1 },
    ],
    unansweredDropped: 0,
  };
  await page
    .locator("#kiosk-file")
    .setInputFiles({ name: "faq-kiosk-2026-03-31T18-00.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
  await page.locator(".unanswered-questions").waitFor();
  await shot("studio-kiosk.png");
  await page.getByRole("tab", { name: "Publicar" }).click();
  await shot("studio-publish.png");
  for (const f of shots) console.log(`docs/${f}: ${(fs.statSync(path.join(out, f)).size / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
}
