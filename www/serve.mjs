// A tiny static server for the demo page: serves www/ on 127.0.0.1 only, with
// the right MIME types (wasm must be application/wasm for streaming compile)
// and a strict Content-Security-Policy.
//
//   node www/serve.mjs            # http://127.0.0.1:8080/
//   PORT=0 node www/serve.mjs     # any free port; the address is printed
//
// The CSP allows scripts only from this origin, plus the inline import map by
// its sha256 hash (computed here, at start-up, from index.html), and wasm
// compilation ('wasm-unsafe-eval'). Nothing may be fetched from another origin.
//
// Also usable as a module: `startServer({ port })` resolves to
// `{ url, port, close }` (the browser tests use this).

import http from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  // Examples are served as bytes of unknown encoding on purpose: the page
  // decodes them with cleanBytes, like a file the user opens.
  ".txt": "text/plain",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** sha256 sources for every inline <script> in the page (the import map). */
export async function inlineScriptHashes(htmlPath = path.join(ROOT, "index.html")) {
  const html = await readFile(htmlPath, "utf8");
  const hashes = [];
  // Inline scripts only: a <script> with a src attribute has no body to hash.
  const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(re)) {
    hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  }
  return hashes;
}

/** The Content-Security-Policy header value for the page. */
export function contentSecurityPolicy(hashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

async function resolveFile(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  const file = path.normalize(path.join(ROOT, rel));
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return null;
  // Never serve the tests or node_modules; only the page and its assets.
  const inside = path.relative(ROOT, file).split(path.sep)[0];
  if (inside === "tests" || inside === "node_modules") return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      const index = path.join(file, "index.html");
      return (await stat(index)).isFile() ? index : null;
    }
    return s.isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Starts the server on 127.0.0.1; `port: 0` picks a free port. */
export async function startServer({ port = 8080, host = "127.0.0.1", log = false } = {}) {
  const csp = contentSecurityPolicy(await inlineScriptHashes());
  const common = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-cache",
  };
  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { ...common, "Content-Type": type });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(405, "method not allowed\n");
    }
    const { pathname } = new URL(req.url, "http://localhost");
    const file = await resolveFile(pathname);
    if (!file) return send(404, "not found\n");
    try {
      const body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      if (log) console.log(`${req.method} ${pathname} 200`);
      send(200, body, type);
    } catch {
      send(500, "could not read file\n");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://${host}:${actual}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  try {
    await readFile(path.join(ROOT, "pkg", "textscrub.js"));
  } catch {
    console.warn("serve: www/pkg/ is missing; build the package first with `npm run build`");
  }
  const { url } = await startServer({ port, log: process.env.LOG === "1" });
  console.log(`textscrub demo: ${url}`);
}
