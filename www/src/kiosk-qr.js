// QR codes for the kiosk, drawn as SVG so that a customer takes a number home with the phone's
// camera. The encoding is uqr's (npm, pinned in package.json; a port of Nayuki's QR Code generator);
// this module only draws its modules: one <path> of dark squares on a white square with the
// four-module quiet zone the standard asks for. No image, no data: URL, nothing the kiosk page's
// CSP would refuse.

import { encode } from "uqr";

const SVG = "http://www.w3.org/2000/svg";
const QUIET = 4;
// The codes drawn, by text: the texts come from the FAQ (numbers, addresses, the accounts), never
// from what a customer types, so this stays as small as the FAQ.
const drawn = new Map();

/**
 * The QR code of `text` as {size, d}: its width in modules (quiet zone included) and the path of
 * its dark modules. Error correction `ecc` "M" (15 %) by default; "L" (7 %) keeps a long text small
 * enough to scan, which a screen (never torn, never dirty) allows.
 */
export function qrPath(text, ecc = "M") {
  const key = `${ecc}:${text}`;
  let out = drawn.get(key);
  if (!out) {
    const qr = encode(text, { ecc, border: 0 });
    let d = "";
    qr.data.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        let w = 1;
        while (row[x + w]) w++;
        d += `M${x + QUIET} ${y + QUIET}h${w}v1h-${w}z`;
        x += w - 1;
      }
    });
    out = { size: qr.size + 2 * QUIET, d };
    drawn.set(key, out);
  }
  return out;
}

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** An <svg> QR code of `text`, named `label` for assistive technology. */
export function qrSvg(text, label, ecc) {
  const { size, d } = qrPath(text, ecc);
  const root = svg("svg", { class: "qr", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label, "shape-rendering": "crispEdges" });
  root.append(svg("rect", { width: size, height: size, fill: "#ffffff" }), svg("path", { d, fill: "#000000" }));
  return root;
}
