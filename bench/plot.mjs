// The latency plot: query p50 against FAQ size, both axes logarithmic, one line per engine.
// Plain SVG written by hand from bench/run.mjs's results (no plotting library).
const COLORS = { "faq-widget": "#d9480f", "faq-widget-element": "#f08c00", fuse: "#1c7ed6", minisearch: "#2f9e44", flexsearch: "#7048e8" };
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function plot(results, machine) {
  const W = 680,
    H = 400,
    L = 70,
    R = 160,
    T = 40,
    B = 50;
  const engines = [...new Set(results.map((r) => r.engine))];
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  const ys = results.map((r) => r.p50).filter((y) => y > 0);
  const lo = Math.floor(Math.log10(Math.min(...ys)));
  const hi = Math.ceil(Math.log10(Math.max(...ys)));
  const x0 = Math.log10(sizes[0]),
    x1 = Math.log10(sizes[sizes.length - 1]);
  const X = (n) => L + ((Math.log10(n) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const Y = (us) => T + (1 - (Math.log10(us) - lo) / (hi - lo || 1)) * (H - T - B);
  const label = (us) => (us >= 1e6 ? `${us / 1e6} s` : us >= 1000 ? `${us / 1000} ms` : `${us} µs`);
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  o.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  o.push(`<text x="${L}" y="22" font-size="14" font-weight="bold">Query latency (p50) vs FAQ size, headless Chromium</text>`);
  for (let e = lo; e <= hi; e++) {
    const y = Y(10 ** e);
    o.push(`<line x1="${L}" x2="${W - R}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    o.push(`<text x="${L - 6}" y="${y + 4}" text-anchor="end">${label(10 ** e)}</text>`);
  }
  for (const n of sizes) {
    const x = X(n);
    o.push(`<line x1="${x}" x2="${x}" y1="${T}" y2="${H - B}" stroke="#eee"/>`);
    o.push(`<text x="${x}" y="${H - B + 18}" text-anchor="middle">${n.toLocaleString("en")}</text>`);
  }
  o.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">FAQ entries (log scale); lower is better</text>`);
  o.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">time per query, p50 (log scale)</text>`);
  o.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#888"/>`);
  engines.forEach((eng, k) => {
    const pts = results.filter((r) => r.engine === eng && r.p50 > 0).sort((a, b) => a.size - b.size);
    const c = COLORS[eng] || "#555";
    const dash = eng === "faq-widget-element" ? ` stroke-dasharray="6 4"` : "";
    o.push(
      `<polyline fill="none" stroke="${c}" stroke-width="2"${dash} points="${pts.map((r) => `${X(r.size).toFixed(1)},${Y(r.p50).toFixed(1)}`).join(" ")}"/>`,
    );
    for (const r of pts)
      o.push(
        `<circle cx="${X(r.size).toFixed(1)}" cy="${Y(r.p50).toFixed(1)}" r="3.5" fill="${c}"><title>${esc(eng)}, ${r.size} entries: p50 ${r.p50.toFixed(1)} µs, p99 ${r.p99.toFixed(1)} µs</title></circle>`,
      );
    const ly = T + 14 + k * 20;
    o.push(`<line x1="${W - R + 10}" x2="${W - R + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${c}" stroke-width="2"${dash}/>`);
    o.push(`<text x="${W - R + 35}" y="${ly}">${esc(eng)}</text>`);
  });
  if (machine) o.push(`<text x="${L}" y="${T - 6}" font-size="10" fill="#555">${esc(`${machine.nproc} cores, ${machine.cpu}; ${machine.chromium}`)}</text>`);
  o.push(`</svg>`);
  return `${o.join("\n")}\n`;
}
