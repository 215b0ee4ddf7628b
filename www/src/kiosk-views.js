// What the kiosk page shows differently from the website's panel (views.js): the start screen as
// one large tile per FAQ question, grouped by category (one tap to any answer); and, beside what
// an answer or the contacts say, a QR code for each phone number, WhatsApp number and e-mail
// address, and one with the bank accounts, for the customer's phone camera; and "Escuchar".
//
// Which numbers and addresses an answer holds is decided by links.js, the same rule that makes
// them links on the website.

import { h } from "./dom.js";
import { qrSvg } from "./kiosk-qr.js";
import { localVoice, speak, spokenText, stopSpeaking } from "./kiosk-speech.js";
import { KIOSK_STRINGS } from "./kiosk-strings.js";
import { findLinks, pbxHref, whatsappHref, whatsappNumbers } from "./links.js";
import { showAnswer } from "./views.js";

/** The kiosk strings for `lang`. */
export function kioskStrings(lang) {
  return KIOSK_STRINGS[lang] || KIOSK_STRINGS.es;
}

/** The start screen: every question a tile, under its category's name. */
export function renderTiles(body, _view, ctx) {
  const k = kioskStrings(ctx.lang);
  body.append(h("h3", { class: "section-title", id: `${ctx.id}-topics`, tabindex: "-1", text: k.tiles }));
  const groups = h("div", { class: "tiles topics" });
  ctx.categories().forEach((c, i) => {
    const id = `${ctx.id}-cat${i}`;
    const list = h("ul", { class: "tile-list", "aria-labelledby": id });
    for (const e of c.entries) {
      const tile = h(
        "button",
        { type: "button", class: "tile", "data-entry": e.id, onclick: () => showAnswer(ctx, e.id, [], "tile", true) },
        ctx.entry(e.id).question,
      );
      list.append(h("li", null, tile));
    }
    groups.append(h("div", { class: "tile-group" }, h("h4", { class: "tile-group-title", id, text: c.name }), list));
  });
  body.append(groups);
}

/**
 * What of `answer` a customer can take away by phone: its phone numbers, WhatsApp numbers and
 * e-mail addresses as [{kind, text, href}] (one per address, in the order written).
 */
export function takeAwayOf(answer, contact) {
  const wa = whatsappNumbers(contact);
  const out = [];
  for (const line of answer.split("\n")) {
    for (const l of findLinks(line, wa)) {
      if (!out.some((x) => x.href === l.href)) out.push({ kind: l.kind, text: line.slice(l.start, l.end), href: l.href });
    }
  }
  return out;
}

const ACCOUNT = /\b(?:cta|cuenta|account)\b/i;

/** The lines of `answer` that give a bank account (a word for account and a number of 8 digits or more), bullets dropped. */
export function accountLines(answer) {
  return answer
    .split("\n")
    .map((l) => l.replace(/^\s*[•·*-]\s+/, "").trim())
    .filter((l) => ACCOUNT.test(l) && /\d{8,}/.test(l.replace(/[ -]/g, "")) && !findLinks(l, new Set()).length);
}

/** The other questions of entry `e`'s category, as tiles: where to go next from an answer that has no related questions. */
function moreOf(ctx, k, e) {
  const cat = ctx.categories().find((c) => c.id === e.category);
  const others = cat ? cat.entries.filter((x) => x.id !== e.id) : [];
  if (!others.length) return null;
  const id = `${ctx.id}-more`;
  const list = h("ul", { class: "tile-list more", "aria-labelledby": id });
  for (const x of others)
    list.append(
      h(
        "li",
        null,
        h("button", { type: "button", class: "tile", "data-entry": x.id, onclick: () => showAnswer(ctx, x.id, [], "tile", true) }, ctx.entry(x.id).question),
      ),
    );
  return h("div", { class: "more-questions" }, h("h4", { class: "section-title small", id, text: k.more(cat.name) }), list);
}

/** A QR code with its caption: what it is (`kind`) and what it holds in words (`text`). */
function qrCard(k, cls, kind, text, data, ecc) {
  return h(
    "figure",
    { class: `qr-card ${cls}` },
    qrSvg(data, k.qr(`${kind} ${text}`), ecc),
    h("figcaption", null, h("span", { class: "qr-kind", text: kind }), h("span", { class: "qr-text", text })),
  );
}

const KIND = { tel: "call", whatsapp: "whatsapp", email: "email" };

/** Adds "Escuchar" and the QR codes to the answer view `body` has just drawn (views.js). */
export function decorateAnswer(body, view, ctx) {
  const k = kioskStrings(ctx.lang);
  const article = body.querySelector(".answer");
  if (!article) return;
  const e = ctx.entry(view.id);
  const title = article.querySelector(".view-title");
  title.after(h("div", { class: "answer-tools" }, listenButton(k, ctx.lang, `${e.question}\n${e.answer}`)));
  const cards = takeAwayOf(e.answer, ctx.contactFaq.contact).map((x) => qrCard(k, x.kind, k[KIND[x.kind]], x.text, x.href));
  const accounts = accountLines(e.answer);
  if (accounts.length) {
    const org = ctx.contactFaq.organization || "";
    cards.push(qrCard(k, "accounts", k.accounts, k.accountsText(accounts.length), [k.accountsTitle(org), ...accounts].join("\n"), "L"));
  }
  if (!view.related?.length) body.append(moreOf(ctx, k, e));
  if (!cards.length) return;
  article.classList.add("with-takeaway");
  const box = h("section", { class: "takeaway", "aria-labelledby": `${ctx.id}-take` });
  box.append(
    h("h4", { class: "takeaway-title", id: `${ctx.id}-take`, text: k.takeAway }),
    h("p", { class: "takeaway-hint", text: k.scan }),
    h("div", { class: "qr-cards" }, cards),
  );
  article.querySelector(".feedback").before(box);
}

/** A QR code beside each phone, WhatsApp and e-mail contact of a `.contact-list` (views.js renderContacts). */
export function decorateContacts(list, contact, lang) {
  const k = kioskStrings(lang);
  list.classList.add("with-qr");
  const c = contact || {};
  const add = (li, kind, text, href) => {
    if (!li) return;
    li.classList.add("has-qr");
    li.append(qrSvg(href, k.qr(`${kind} ${text}`)));
  };
  if (c.pbx?.number) add(list.querySelector(":scope > .contact.tel"), k.call, c.pbx.number, pbxHref(c.pbx));
  const was = list.querySelectorAll(":scope > .contact.whatsapp");
  (c.whatsapp || []).forEach((w, i) => {
    add(was[i], k.whatsapp, w.number, whatsappHref(w.number));
  });
  const mails = list.querySelectorAll(":scope > .contact.email");
  (c.email || []).forEach((m, i) => {
    add(mails[i], k.email, m.address, `mailto:${m.address}`);
  });
}

// The one "Escuchar" button speaking now, to put back when it is over.
let speaking = null;

/** "Escuchar" for `text`: hidden while the computer has no local voice for `lang` (see refreshListen). */
function listenButton(k, lang, text) {
  const b = h(
    "button",
    { type: "button", class: "listen", "data-lang": lang, hidden: !localVoice(lang) },
    h("span", { class: "listen-icon", "aria-hidden": "true", text: "🔊" }),
    h("span", { class: "listen-label", text: k.listen }),
  );
  const label = b.querySelector(".listen-label");
  const done = () => {
    if (speaking === b) speaking = null;
    label.textContent = k.listen;
  };
  b.addEventListener("click", () => {
    if (speaking === b) {
      stopSpeaking();
      done();
      return;
    }
    const voice = localVoice(lang);
    if (!voice) return;
    if (speaking) speaking.dispatchEvent(new Event("faq-stop"));
    speaking = b;
    label.textContent = k.stop;
    speak(spokenText(text, lang), voice, done);
  });
  b.addEventListener("faq-stop", done);
  return b;
}

/** Shows or hides the "Escuchar" buttons under `root` as the computer's voices come and go. */
export function refreshListen(root) {
  for (const b of root.querySelectorAll(".listen")) b.hidden = !localVoice(b.getAttribute("data-lang"));
}

/** Stops any answer being read (another view, the idle reset). */
export function stopListening() {
  if (!speaking) return;
  stopSpeaking();
  speaking.dispatchEvent(new Event("faq-stop"));
}
