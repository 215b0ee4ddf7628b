// Building the widget's DOM. Every FAQ and user text goes in as a text node, never as HTML, so a
// FAQ file cannot inject markup; no inline styles or handlers, so a strict CSP allows all of it.

import { findLinks } from "./links.js";

/**
 * A new element: `attrs` sets attributes ("class", "text" for the text content, "on<event>" for
 * listeners; null, undefined and false are left out, true is an empty attribute); `children`
 * (nested arrays allowed) are appended, strings as text nodes.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

/**
 * Renders `text` into `parent`: plain lines become paragraphs, lines starting with "• " (or ·, *,
 * -) become list items; `marks` ([start, end] UTF-16 ranges of `text`) become <mark>; phone
 * numbers and e-mails become links (unless `linkify` is false), WhatsApp for the numbers in
 * `whatsapp` (see findLinks).
 */
export function renderRich(parent, text, marks, whatsapp, linkify) {
  const lines = text.split("\n");
  let offset = 0;
  let list = null;
  for (const raw of lines) {
    const lineStart = offset;
    offset += raw.length + 1;
    const bullet = /^\s*[•·*-]\s+/.exec(raw);
    const skip = bullet ? bullet[0].length : 0;
    const line = raw.slice(skip);
    const base = lineStart + skip;
    if (!line.trim()) {
      list = null;
      continue;
    }
    const lineMarks = marks.map(([a, b]) => [Math.max(a, base) - base, Math.min(b, base + line.length) - base]).filter(([a, b]) => b > a);
    const container = bullet ? h("li") : h("p");
    if (bullet) {
      if (!list) {
        list = h("ul");
        parent.append(list);
      }
      list.append(container);
    } else {
      list = null;
      parent.append(container);
    }
    const links = linkify ? findLinks(line, whatsapp) : [];
    renderInline(container, line, lineMarks, links);
  }
}

/**
 * Appends one line of text to `container`, with `marks` ([start, end] ranges) as <mark> and
 * `links` (as findLinks returns them) as <a>; WhatsApp links open in a new tab.
 */
export function renderInline(container, line, marks, links) {
  const cuts = new Set([0, line.length]);
  for (const [a, b] of marks) cuts.add(a).add(b);
  for (const l of links) cuts.add(l.start).add(l.end);
  const points = [...cuts].sort((a, b) => a - b);
  let link = null;
  let linkEl = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = line.slice(a, b);
    const inLink = links.find((l) => l.start <= a && b <= l.end) || null;
    if (inLink !== link) {
      link = inLink;
      linkEl = null;
      if (link) {
        linkEl = h("a", { href: link.href, class: `link ${link.kind}` });
        if (link.kind === "whatsapp") {
          linkEl.target = "_blank";
          linkEl.rel = "noopener noreferrer";
        }
        container.append(linkEl);
      }
    }
    const marked = marks.some(([x, y]) => x <= a && b <= y);
    const node = marked ? h("mark", null, piece) : document.createTextNode(piece);
    (linkEl || container).append(node);
  }
}
