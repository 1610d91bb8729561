// Safety: the input is shown as text and never parsed as HTML, the
// Content-Security-Policy admits only the page's own scripts and wasm, and the
// page requests nothing from any other origin. Also the server's own limits.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, openPage, assertQuiet, paste, waitForOutput } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

// Each payload would set window.__pwned if it ever ran; the no-break spaces and
// zero-width space put parts of the markup inside marks and the changes list.
const PAYLOAD = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=2</script>",
  "<svg onload=window.__pwned=3>",
  '<img\u00a0src=y onerror="window.__pwned=4">',
  "</mark><script>window.__pwned=5</script>\u200b",
  '"><iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  "&lt;b&gt; stays &amp; as typed",
].join("\n");

/** What the package makes of `text` (passes that decode entities may turn &lt; into <). */
const cleanInPage = (page, text) => page.evaluate(async (t) => (await import("textscrub")).clean(t).text, text);

async function elementCounts(page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll("img").length,
    script: document.querySelectorAll("script").length,
    svg: document.querySelectorAll("svg").length,
    iframe: document.querySelectorAll("iframe").length,
    b: document.querySelectorAll("b").length,
  }));
}

test("markup in the input never runs and adds no element", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const before = await elementCounts(page);
  const CLEAN = await cleanInPage(page, PAYLOAD);
  assert.match(CLEAN, /<img src=y onerror=/, "the clean text should still hold the markup, as text");
  await paste(page, PAYLOAD);
  await waitForOutput(page, CLEAN);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload should have run");
  assert.deepEqual(await elementCounts(page), before, "no element should have been added by the input");
  const marked = await page.$$eval("#annotated mark.edit", (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.length >= 2, "the payload's invisible characters should be marked");
  assert.match(await page.textContent("#annotated"), /<img src=x onerror="window.__pwned=1">/, "the annotated view should show the markup as text");
  assert.match(await page.textContent("#changes"), /NO-BREAK SPACE/, "the changes list should list the payload's changes");

  // Hover and focus the marks: the tooltip is built from text too.
  await page.hover("#edit-0");
  await page.waitForSelector("#tip:not([hidden])");
  await page.focus("#edit-1");
  assert.deepEqual(await elementCounts(page), before, "the tooltip should add no element from the input");

  // The plain view, too.
  await page.click("label[for=view-plain]");
  assert.equal(await page.textContent("#output"), CLEAN, "the plain view should show the text as it is");
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload should have run");
  assert.ok(!log.requests.some((u) => /\/(x|y)$/.test(new URL(u).pathname)), "no image from the input should have been requested");
  assertQuiet(env, log);
  await page.close();
});

test("markup in a link or a file name never runs either", async () => {
  const hash = `#text=${encodeURIComponent(PAYLOAD)}`;
  const { page, log } = await openPage(env, { hash });
  const before = await elementCounts(page);
  await waitForOutput(page, await cleanInPage(page, PAYLOAD));
  await page.setInputFiles("#file", {
    name: '<img src=z onerror="window.__pwned=7">.txt',
    mimeType: "text/plain",
    buffer: Buffer.from("<script>window.__pwned=8</script>"),
  });
  await waitForOutput(page, "<script>window.__pwned=8</script>");
  assert.match(await page.textContent("#source"), /<img src=z/, "should show the file name as text");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload should have run");
  assert.deepEqual(await elementCounts(page), before, "no element should have been added");
  assertQuiet(env, log);
  await page.close();
});

test("a strict Content-Security-Policy is sent, and it blocks inline script", async () => {
  const page = await env.context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const response = await page.goto(env.server.url);
  await page.waitForSelector("html[data-ready=true]");
  const csp = response.headers()["content-security-policy"];
  assert.ok(csp, "should send a Content-Security-Policy");
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives["default-src"], ["'self'"], "default-src should be 'self'");
  assert.deepEqual(directives["connect-src"], ["'self'"], "connect-src should be 'self'");
  assert.deepEqual(directives["worker-src"], ["'self'"], "worker-src should be 'self'");
  assert.deepEqual(directives["style-src"], ["'self'"], "style-src should allow no inline style");
  assert.deepEqual(directives["object-src"], ["'none'"], "object-src should be 'none'");
  const scripts = directives["script-src"];
  assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"], "scripts: the page's own and wasm");
  assert.ok(scripts.slice(2).length >= 1 && scripts.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), "only hashes beyond that (the import map)");
  assert.ok(!/unsafe-inline|'unsafe-eval'|\*/.test(csp), "should allow no inline script, no eval and no wildcard");
  assert.equal(response.headers()["x-content-type-options"], "nosniff", "should forbid MIME sniffing");

  const blocked = await page.evaluate(async () => {
    const seen = new Promise((resolve) => document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true }));
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    const directive = await seen;
    return { ran: window.__inline === 1, directive };
  });
  assert.equal(blocked.ran, false, "an injected inline script should not run");
  assert.match(blocked.directive, /^script-src/, "the CSP should be what stopped it");
  assert.ok(errors.every((e) => /Content Security Policy/.test(e)), `only the CSP report should be logged: ${errors}`);
  await page.close();
});

test("no request to another origin while using every feature", async () => {
  const { page, log } = await openPage(env, { hash: "" });
  for (const id of await page.$$eval("#example option", (os) => os.map((o) => o.value).filter(Boolean))) {
    await page.selectOption("#example", id);
    await page.waitForFunction((want) => location.hash === `#example=${want}`, id);
  }
  await page.click("label[for=view-plain]");
  await page.click("label[for=view-annotated]");
  await page.selectOption("#preset", "gentle");
  await page.click("#changes button.change");
  await page.click("#copy");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  await download.path();
  const paths = log.requests.map((u) => (u.startsWith("http") ? new URL(u).pathname : u.slice(0, 5)));
  assert.ok(paths.includes("/pkg/textscrub_bg.wasm"), "should load the wasm from this server");
  assert.ok(paths.includes("/examples/mojibake.txt"), "should load the examples from this server");
  assertQuiet(env, log);
  await page.close();
});

test("the server serves wasm as application/wasm and nothing outside www/", async () => {
  const base = env.server.url;
  const wasm = await fetch(`${base}pkg/textscrub_bg.wasm`);
  assert.equal(wasm.headers.get("content-type"), "application/wasm", "wasm needs its MIME type for streaming compilation");
  const js = await fetch(`${base}app.js`);
  assert.match(js.headers.get("content-type"), /^text\/javascript/, "modules need a JavaScript MIME type");
  for (const p of ["..%2fpackage.json", "%2e%2e/%2e%2e/etc/passwd", "tests/harness.mjs", "nope.html"]) {
    const r = await fetch(`${base}${p}`);
    assert.equal(r.status, 404, `should not serve ${p}`);
  }
  const post = await fetch(base, { method: "POST", body: "x" });
  assert.equal(post.status, 405, "should refuse anything but GET and HEAD");
});
