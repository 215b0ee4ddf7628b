// Phone numbers, WhatsApp numbers and e-mail addresses in the FAQ's answers, found so that the
// widget can make them links. The numbers are Ecuadorian: mobiles 09x xxx xxxx (or +593 9x …),
// landlines of seven digits with or without the province code, Loja's (07) when it is absent.

import { fold } from "./text.js";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
const MOBILE = /(?:\+593[ -]?|0)(9\d)[ -]?(\d{3})[ -]?(\d{4})(?!\d)/y;
const LANDLINE = /(?:\(?0([2-7])\)?[ -]?)?([2-7]\d{2})[ -]?(\d{4})(?!\d)/y;
const EXTENSION = /^[ ,]*ext(?:ensi[oó]n)?\.?[ ]*(\d{1,4})(?!\d)/i;
// A mobile number is a WhatsApp number when one of these words comes shortly before it.
const WHATSAPP_WORD = /whats ?app|wsp/;

/** The digits of `s`, nothing else: "(07) 370-1830" → "073701830". */
export function digitsOf(s) {
  return s.replace(/\D/g, "");
}

/** The FAQ contact's WhatsApp numbers as digits, in the national form the FAQ writes them (09…). */
export function whatsappNumbers(contact) {
  return new Set((contact?.whatsapp || []).map((w) => digitsOf(w.number || "")));
}

/** A https://wa.me/ address for a WhatsApp number written nationally (09…) or with the country code. */
export function whatsappHref(number) {
  const d = digitsOf(number || "");
  return `https://wa.me/${d.startsWith("0") ? `593${d.slice(1)}` : d}`;
}

/** The tel: address of the FAQ contact's PBX: its `tel`, else its number in Loja (07). */
export function pbxHref(pbx) {
  return `tel:${pbx.tel || `+5937${digitsOf(pbx.number || "")}`}`;
}

/**
 * The links in one line of text: [{start, end, href, kind}] with UTF-16 offsets, sorted and not
 * overlapping; kind is "email", "tel" or "whatsapp". A number inside a longer run of digits or
 * glued to a word is not one. `whatsapp` is the set of national mobile numbers (09…) that the
 * FAQ lists as WhatsApp; other mobiles are WhatsApp when
 * "WhatsApp" or "wsp" is written in the 30 characters before them.
 */
export function findLinks(line, whatsapp) {
  const links = [];
  let i = 0;
  while (i < line.length) {
    const prev = i > 0 ? line[i - 1] : "";
    const atWordStart = !/[\p{L}\p{N}_.+-]/u.test(prev);
    const atNumberStart = !/[\p{L}\p{N}-]/u.test(prev) && prev !== "/";
    let m = null;
    if (atWordStart) {
      EMAIL.lastIndex = i;
      m = EMAIL.exec(line);
      if (m) {
        links.push({ start: i, end: i + m[0].length, href: `mailto:${m[0]}`, kind: "email" });
        i += m[0].length;
        continue;
      }
    }
    if (atNumberStart && /[+(0-9]/.test(line[i])) {
      MOBILE.lastIndex = i;
      m = MOBILE.exec(line);
      if (m) {
        const national = `0${m[1]}${m[2]}${m[3]}`;
        const before = fold(line.slice(Math.max(0, i - 30), i));
        const isWa = whatsapp.has(national) || WHATSAPP_WORD.test(before);
        const intl = `593${m[1]}${m[2]}${m[3]}`;
        links.push({
          start: i,
          end: i + m[0].length,
          href: isWa ? `https://wa.me/${intl}` : `tel:+${intl}`,
          kind: isWa ? "whatsapp" : "tel",
        });
        i += m[0].length;
        continue;
      }
      LANDLINE.lastIndex = i;
      m = LANDLINE.exec(line);
      if (m) {
        let end = i + m[0].length;
        let href = `tel:+593${m[1] || "7"}${m[2]}${m[3]}`;
        const ext = EXTENSION.exec(line.slice(end));
        if (ext) {
          href += `,${ext[1]}`;
          end += ext[0].length;
        }
        links.push({ start: i, end, href, kind: "tel" });
        i = end;
        continue;
      }
    }
    i += 1;
  }
  return links;
}
