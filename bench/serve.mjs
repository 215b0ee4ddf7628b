// The benchmark's static server on 127.0.0.1: the repository's files, plus `extra` (URL path ->
// file) for what lives elsewhere (generated FAQs, packs, filled scripts). Cross-origin isolated
// unless told otherwise: the browser's clock then ticks in 5 µs instead of 100 µs.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT } from "./packs.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".pack": "application/json",
  ".wasm": "application/wasm",
  ".tsv": "text/tab-separated-values",
  ".svg": "image/svg+xml",
};

/** Starts the server; resolves to { origin, close() }. */
export function serve(extra = {}, { isolated = true, root = ROOT } = {}) {
  const allowed = new Set(Object.values(extra));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let file = extra[url.pathname] || path.join(root, decodeURIComponent(url.pathname));
    if (!allowed.has(file) && !path.resolve(file).startsWith(root)) file = null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" };
    if (isolated) Object.assign(headers, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })),
  );
}

/** Headless Chromium flags shared by the benchmark's scripts. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
