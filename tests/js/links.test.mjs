// Link detection in answers (www/src/links.js): which phone numbers, WhatsApp numbers and e-mail
// addresses become links, with which address, and which look-alikes do not.

import assert from "node:assert/strict";
import { test } from "node:test";
import { digitsOf, findLinks, whatsappHref, whatsappNumbers } from "../../www/src/links.js";

const NONE = new Set();

/** The links of `line` as [text, href, kind]. */
function links(line, whatsapp = NONE) {
  return findLinks(line, whatsapp).map((l) => [line.slice(l.start, l.end), l.href, l.kind]);
}

test("mobile numbers: national, spaced, dashed and international forms call +593", () => {
  assert.deepEqual(links("Llame al 0991234567."), [["0991234567", "tel:+593991234567", "tel"]]);
  assert.deepEqual(links("Llame al 099 123 4567"), [["099 123 4567", "tel:+593991234567", "tel"]]);
  assert.deepEqual(links("Llame al 099-123-4567"), [["099-123-4567", "tel:+593991234567", "tel"]]);
  assert.deepEqual(links("Call +593 99 123 4567"), [["+593 99 123 4567", "tel:+593991234567", "tel"]]);
  assert.deepEqual(links("Call +593991234567"), [["+593991234567", "tel:+593991234567", "tel"]]);
});

test("landlines: seven digits are Loja's (07) unless the province code says otherwise", () => {
  assert.deepEqual(links("PBX 3701830"), [["3701830", "tel:+59373701830", "tel"]]);
  assert.deepEqual(links("PBX 370-1830"), [["370-1830", "tel:+59373701830", "tel"]]);
  assert.deepEqual(links("PBX (07) 370 1830"), [["(07) 370 1830", "tel:+59373701830", "tel"]]);
  assert.deepEqual(links("PBX 07 2570275"), [["07 2570275", "tel:+59372570275", "tel"]]);
  assert.deepEqual(links("Quito (02) 2345678"), [["(02) 2345678", "tel:+59322345678", "tel"]]);
  assert.deepEqual(links("Guayaquil 04-2345678"), [["04-2345678", "tel:+59342345678", "tel"]]);
});

test("extensions after a landline are dialled after a pause and belong to the link", () => {
  assert.deepEqual(links("3701830 ext. 1"), [["3701830 ext. 1", "tel:+59373701830,1", "tel"]]);
  assert.deepEqual(links("3701830, extensión 12."), [["3701830, extensión 12", "tel:+59373701830,12", "tel"]]);
  assert.deepEqual(links("3701830 Ext 1234"), [["3701830 Ext 1234", "tel:+59373701830,1234", "tel"]]);
  assert.deepEqual(links("3701830 extension 3"), [["3701830 extension 3", "tel:+59373701830,3", "tel"]]);
  // Five digits are not an extension: the number stays a link on its own.
  assert.deepEqual(links("3701830 ext. 12345"), [["3701830", "tel:+59373701830", "tel"]]);
});

test("WhatsApp numbers: those the FAQ lists, in any spelling, open wa.me", () => {
  const wa = whatsappNumbers({ whatsapp: [{ number: "098 406 0320" }] });
  assert.deepEqual([...wa], ["0984060320"]);
  assert.deepEqual(links("Soporte: 0984060320", wa), [["0984060320", "https://wa.me/593984060320", "whatsapp"]]);
  assert.deepEqual(links("Soporte: 098-406-0320", wa), [["098-406-0320", "https://wa.me/593984060320", "whatsapp"]]);
  assert.deepEqual(links("Soporte: +593 98 406 0320", wa), [["+593 98 406 0320", "https://wa.me/593984060320", "whatsapp"]]);
  // Another mobile is a phone call.
  assert.deepEqual(links("Ventas: 0991234567", wa), [["0991234567", "tel:+593991234567", "tel"]]);
});

test("WhatsApp numbers: a mobile shortly after the word WhatsApp or wsp opens wa.me", () => {
  assert.deepEqual(links("Escríbanos por WhatsApp al 0991234567"), [["0991234567", "https://wa.me/593991234567", "whatsapp"]]);
  assert.deepEqual(links("whats app: 0991234567"), [["0991234567", "https://wa.me/593991234567", "whatsapp"]]);
  assert.deepEqual(links("wsp 0991234567"), [["0991234567", "https://wa.me/593991234567", "whatsapp"]]);
  // The word more than 30 characters before the number does not count.
  assert.deepEqual(links("WhatsApp no, mejor llame de lunes a viernes al 0991234567"), [["0991234567", "tel:+593991234567", "tel"]]);
  // A landline is never WhatsApp.
  assert.deepEqual(links("WhatsApp 3701830"), [["3701830", "tel:+59373701830", "tel"]]);
});

test("e-mail addresses become mailto: links, without the sentence's full stop", () => {
  assert.deepEqual(links("Escriba a soporte@nettplus.net."), [["soporte@nettplus.net", "mailto:soporte@nettplus.net", "email"]]);
  assert.deepEqual(links("(ventas.loja+web@mail.nettplus.com.ec)"), [
    ["ventas.loja+web@mail.nettplus.com.ec", "mailto:ventas.loja+web@mail.nettplus.com.ec", "email"],
  ]);
  assert.deepEqual(links("usuario@servidor"), []);
  assert.deepEqual(links("@nettplus.net"), []);
});

test("several links in one line come sorted, with UTF-16 offsets", () => {
  const line = "Llame al 3701830 ext. 2 o escriba a soporte@nettplus.net 😀 o al 0984060320";
  const found = findLinks(line, new Set(["0984060320"]));
  assert.deepEqual(
    found.map((l) => l.kind),
    ["tel", "email", "whatsapp"],
  );
  for (const l of found) assert.ok(l.start < l.end);
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].end <= found[i].start);
  assert.equal(line.slice(found[2].start, found[2].end), "0984060320");
});

test("no link inside a longer run of digits", () => {
  assert.deepEqual(links("código 12370183099"), []);
  assert.deepEqual(links("cuenta 09912345678"), []);
  assert.deepEqual(links("RUC 1103701830001"), []);
  assert.deepEqual(links("serie 99912345678"), []);
});

test("no link glued to a word, a dash or a slash, nor in dates and short numbers", () => {
  assert.deepEqual(links("modeloX3701830"), []);
  assert.deepEqual(links("ref-3701830"), []);
  assert.deepEqual(links("https://example.com/3701830"), []);
  assert.deepEqual(links("del 2024-2025"), []);
  assert.deepEqual(links("123456 y 1800123"), []);
  assert.deepEqual(links("nombre@"), []);
});

test("digitsOf and whatsappHref", () => {
  assert.equal(digitsOf("(07) 370-1830"), "073701830");
  assert.equal(whatsappHref("098 406 0320"), "https://wa.me/593984060320");
  assert.equal(whatsappHref("+593 98 406 0320"), "https://wa.me/593984060320");
  assert.deepEqual([...whatsappNumbers(undefined)], []);
  assert.deepEqual([...whatsappNumbers({ whatsapp: [{}] })], [""]);
});
