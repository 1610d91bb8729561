// Shared set-up for the browser tests: the static server on a free port of
// 127.0.0.1, Debian's Chromium through playwright-core (see TOOLCHAIN.md), and
// a page that records console errors, page errors and every request, so each
// test can assert that nothing went wrong and nothing left this machine.

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..", "..");
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the server and the browser; call `close()` when done. */
export async function setUp() {
  const server = await startServer({ port: 0 });
  const profile = await mkdtemp(path.join(tmpdir(), "textscrub-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  return {
    server,
    context,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the page at `hash` in a new tab, recording what it does. Waits until the
 * page has loaded the package and shown its first result.
 */
export async function openPage(env, { hash = "", viewport } = {}) {
  const page = await env.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const log = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("requestfailed", (r) => log.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(`${env.server.url}${hash}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  return { page, log };
}

/** Asserts the page logged no errors and made requests only to the test server. */
export function assertQuiet(env, log) {
  assert.deepEqual(log.errors, [], "should log no console errors, warnings or page errors");
  const origin = new URL(env.server.url).origin;
  const foreign = log.requests.filter((url) => {
    if (url.startsWith("data:")) return false;
    const u = new URL(url.startsWith("blob:") ? url.slice(5) : url);
    return u.origin !== origin;
  });
  assert.deepEqual(foreign, [], `should make no request to any origin but ${origin}`);
  assert.ok(log.requests.length > 0, "should have recorded the page's own requests");
}

/** Types `text` into the input as a user would (replacing what is there). */
export async function typeInput(page, text) {
  await page.fill("#input", "");
  await page.locator("#input").pressSequentially(text, { delay: 0 });
}

/** Replaces the input in one go and fires the input event (as the browser does on a paste). */
export async function setInput(page, text) {
  await page.evaluate((t) => {
    const el = document.getElementById("input");
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}

/**
 * Pastes for real: puts `unit` repeated `times` times on the clipboard (built in
 * the page, so large texts need not cross the wire), selects all in the input
 * and presses Ctrl+V. Resolves to the length of the text pasted.
 */
export async function paste(page, unit, times = 1) {
  const length = await page.evaluate(async ([u, n]) => {
    const text = u.repeat(n);
    await navigator.clipboard.writeText(text);
    return text.length;
  }, [unit, times]);
  await page.focus("#input");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  return length;
}

/** Waits until #output holds `expected` (the debounced clean has run). */
export async function waitForOutput(page, expected, timeout = 10_000) {
  await page.waitForFunction((want) => document.getElementById("output").textContent === want, expected, { timeout });
}

/** What the package itself makes of `text` with `options` (an oracle as passes are added). */
export function cleanInPage(page, text, options) {
  return page.evaluate(async ([t, o]) => (await import("textscrub")).clean(t, o).text, [text, options]);
}

/** The state a result leaves: plain text and the marks' descriptions. */
export async function snapshot(page) {
  return page.evaluate(() => ({
    output: document.getElementById("output").textContent,
    marks: [...document.querySelectorAll("#annotated mark.edit")].map((m) => ({
      pass: m.className,
      description: m.getAttribute("aria-description"),
      text: m.textContent,
    })),
  }));
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
