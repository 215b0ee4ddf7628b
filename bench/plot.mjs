// The benchmark's plots, plain SVG written by hand from bench/run.mjs's results (no plotting
// library): query latency (p50, with p99 as a lighter line) against FAQ size, and the cost curves
// (time to ready, bytes on the wire, memory) as the FAQ grows. Both axes logarithmic, one line per
// engine; the shipped element dashed.
const COLORS = { "faq-widget": "#d9480f", "faq-widget-element": "#f08c00", fuse: "#1c7ed6", minisearch: "#2f9e44", flexsearch: "#7048e8" };
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * One log-log panel at (x, y) of size w × h: series [{engine, points: [[size, value]], faint}];
 * `label(v)` writes an axis value. Returns SVG elements.
 */
function panel({ x, y, w, h, title, ylabel, series, label }) {
  const o = [];
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0);
  if (!ys.length || !sizes.length) return o;
  const lo = Math.floor(Math.log10(Math.min(...ys)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...ys))));
  const x0 = Math.log10(sizes[0]);
  const x1 = Math.log10(sizes[sizes.length - 1]);
  const X = (n) => x + (x1 === x0 ? w / 2 : ((Math.log10(n) - x0) / (x1 - x0)) * w);
  const Y = (v) => y + (1 - (Math.log10(v) - lo) / (hi - lo)) * h;
  o.push(`<text x="${x}" y="${y - 10}" font-size="13" font-weight="bold">${esc(title)}</text>`);
  for (let e = lo; e <= hi; e++) {
    o.push(`<line x1="${x}" x2="${x + w}" y1="${Y(10 ** e)}" y2="${Y(10 ** e)}" stroke="#ddd"/>`);
    o.push(`<text x="${x - 6}" y="${Y(10 ** e) + 4}" text-anchor="end">${esc(label(10 ** e))}</text>`);
  }
  for (const n of sizes) {
    o.push(`<line x1="${X(n)}" x2="${X(n)}" y1="${y}" y2="${y + h}" stroke="#eee"/>`);
    o.push(`<text x="${X(n)}" y="${y + h + 16}" text-anchor="middle">${n.toLocaleString("en")}</text>`);
  }
  o.push(`<text x="${x + w / 2}" y="${y + h + 34}" text-anchor="middle">FAQ entries (log scale)</text>`);
  o.push(`<text transform="translate(${x - 52} ${y + h / 2}) rotate(-90)" text-anchor="middle">${esc(ylabel)}</text>`);
  o.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#888"/>`);
  for (const s of series) {
    const pts = s.points.filter((p) => p[1] > 0).sort((a, b) => a[0] - b[0]);
    const c = COLORS[s.engine] || "#555";
    const dash = s.engine === "faq-widget-element" ? ` stroke-dasharray="6 4"` : "";
    const op = s.faint ? ` stroke-opacity="0.35"` : "";
    o.push(
      `<polyline fill="none" stroke="${c}" stroke-width="${s.faint ? 1.5 : 2}"${dash}${op} points="${pts.map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(" ")}"/>`,
    );
    for (const p of pts) {
      o.push(
        `<circle cx="${X(p[0]).toFixed(1)}" cy="${Y(p[1]).toFixed(1)}" r="${s.faint ? 2.5 : 3.5}" fill="${c}"${s.faint ? ` fill-opacity="0.35"` : ""}><title>${esc(`${s.engine}, ${p[0]} entries: ${label(p[1], true)}`)}</title></circle>`,
      );
    }
  }
  return o;
}

function legend(o, engines, x, y) {
  engines.forEach((eng, k) => {
    const ly = y + k * 20;
    const dash = eng === "faq-widget-element" ? ` stroke-dasharray="6 4"` : "";
    o.push(`<line x1="${x}" x2="${x + 20}" y1="${ly - 4}" y2="${ly - 4}" stroke="${COLORS[eng] || "#555"}" stroke-width="2"${dash}/>`);
    o.push(`<text x="${x + 25}" y="${ly}">${esc(eng)}</text>`);
  });
}

const svg = (W, H, body, machine) =>
  [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    ...body,
    machine
      ? `<text x="10" y="${H - 8}" font-size="10" fill="#555">${esc(`${machine.nproc} cores, ${machine.cpu}; ${machine.chromium}; commit ${machine.commit || "?"}`)}</text>`
      : "",
    "</svg>",
    "",
  ].join("\n");

const us = (v, exact) => {
  const r = exact ? Number(v.toPrecision(3)) : v;
  return v >= 1e6 ? `${r / 1e6} s` : v >= 1000 ? `${r / 1000} ms` : `${r} µs`;
};
const ms = (v, exact) => {
  const r = exact ? Number(v.toPrecision(3)) : v;
  return v >= 1000 ? `${r / 1000} s` : `${r} ms`;
};
const bytes = (v, exact) => {
  const r = exact ? Number(v.toPrecision(3)) : v;
  return v >= 1e6 ? `${r / 1e6} MB` : v >= 1000 ? `${r / 1000} KB` : `${r} B`;
};

const enginesOf = (results) => [...new Set(results.map((r) => r.engine))];
const seriesOf = (results, value, faint = false) =>
  enginesOf(results).map((engine) => ({ engine, faint, points: results.filter((r) => r.engine === engine).map((r) => [r.size, value(r)]) }));

/** Query latency: p50 (strong) and p99 (faint) against FAQ size. */
export function plot(results, machine) {
  const W = 720;
  const H = 430;
  const o = panel({
    x: 80,
    y: 50,
    w: 440,
    h: 300,
    title: "Time per question vs FAQ size, headless Chromium (p50; p99 faint)",
    ylabel: "time per question (log scale)",
    series: [...seriesOf(results, (r) => r.p99, true), ...seriesOf(results, (r) => r.p50)],
    label: us,
  });
  legend(o, enginesOf(results), 545, 64);
  o.push(`<text x="545" y="${64 + enginesOf(results).length * 20 + 10}" font-size="11" fill="#555">lower is better</text>`);
  return svg(W, H, o, machine);
}

/** The cost curves: time to ready, bytes on the wire (gzip, code + FAQ) and memory (JS heap + wasm) as the FAQ grows. */
export function costPlot(results, machine) {
  const W = 1220;
  const H = 400;
  const common = { y: 50, w: 250, h: 270 };
  const o = [
    ...panel({
      ...common,
      x: 80,
      title: "Ready (load, build, first answer)",
      ylabel: "median of cold starts",
      series: seriesOf(results, (r) => r.readyMedian),
      label: ms,
    }),
    ...panel({
      ...common,
      x: 430,
      title: "Bytes on the wire (gzip, code + FAQ)",
      ylabel: "bytes (log scale)",
      series: seriesOf(results, (r) => r.total.gzip),
      label: bytes,
    }),
    ...panel({
      ...common,
      x: 780,
      title: "Memory once ready (JS heap + wasm)",
      ylabel: "bytes (log scale)",
      series: seriesOf(results, (r) => (r.heapMedian || 0) + (r.wasmMedian || 0)),
      label: bytes,
    }),
  ];
  legend(o, enginesOf(results), 1045, 64);
  o.push(`<text x="1045" y="${64 + enginesOf(results).length * 20 + 10}" font-size="11" fill="#555">lower is better</text>`);
  return svg(W, H, o, machine);
}
