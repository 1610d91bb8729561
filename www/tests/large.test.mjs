// Large input: an 8 MB paste is cleaned in a Web Worker with #progress showing,
// and the page stays responsive meanwhile; small input is cleaned at once on
// the page's own thread.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setUp, openPage, assertQuiet, paste, setInput, waitForOutput } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

// A paragraph of scraped text with something to fix on every line.
const UNIT = [
  "Shipping on the river resumed\u00a0this week after three weeks of low water.   ",
  "Port officials said the gauge rose above\u00a01.20 metres on Monday evening.\u200b",
  "",
  "",
  "",
  "Operators lifted the surcharges they had added to freight rates.",
  "",
].join("\n");

test("an 8 MB paste is cleaned in a worker with progress shown, and the page stays responsive", { timeout: 180_000 }, async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const times = Math.ceil((8 * 1024 * 1024) / UNIT.length);
  const length = await paste(page, UNIT, times);
  assert.ok(length >= 8 * 1024 * 1024, "should paste at least 8 MB");
  // Chromium needs seconds to lay out megabytes in a text box, so the box shows the start.
  await page.waitForSelector("#large-note:not([hidden])");
  assert.match(await page.textContent("#large-text"), /8\.\d\d MB/, "should say how large the pasted text is");
  assert.equal(await page.evaluate(() => document.getElementById("input").readOnly), true, "the box should be read-only for a text this large");
  assert.ok((await page.inputValue("#input")).length <= 100_000, "the box should show only the start of the text");

  // Progress appears while the worker runs…
  await page.waitForSelector("#progress-box:not([hidden])", { timeout: 10_000 });
  const label = await page.textContent("#progress-label");
  assert.match(label, /Cleaning/, "the progress label should say what is happening");

  // …and meanwhile the page answers: timers fire on time and the UI reacts.
  const lag = await page.evaluate(async () => {
    let worst = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      worst = Math.max(worst, performance.now() - t - 20);
    }
    return worst;
  });
  const stillRunning = await page.isVisible("#progress-box");
  assert.ok(stillRunning, "the work should still be under way while responsiveness is measured");
  assert.ok(lag < 250, `the main thread should stay responsive while cleaning (worst timer delay ${lag.toFixed(0)} ms)`);
  await page.click("label[for=view-plain]");
  assert.equal(await page.isChecked("#view-plain"), true, "controls should react during the work");
  await page.click("label[for=view-annotated]");
  const progressSeen = await page.evaluate(() => Number(document.getElementById("progress").value));
  assert.ok(progressSeen >= 0 && progressSeen <= 1, "progress should be a share of the work");

  // The result arrives.
  await page.waitForSelector("#progress-box", { state: "hidden", timeout: 150_000 });
  assert.equal(await page.isVisible("#error"), false, "should not fail");
  assert.equal(await page.textContent('[data-stat="ran-in"]'), "a background worker", "should have run in the worker");
  const shown = await page.textContent("#output");
  assert.ok(shown.startsWith("Shipping on the river resumed this week after three weeks of low water.\nPort"), "should clean the start as a small input would");
  assert.ok(shown.length <= 100_000, "should show the start of the clean text");
  assert.match(await page.textContent("#output-note"), /Copy and Download give all of it/, "should say the view shows the start only");

  // Download gives the whole clean text.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const full = await readFile(await download.path(), "utf8");
  assert.ok(full.length > 6 * 1024 * 1024 && full.length < length, `should download the whole clean text (${full.length} characters)`);
  assert.equal(full.includes("\u00a0") || full.includes("\u200b"), false, "should have cleaned all of it");
  assert.ok(full.startsWith(shown), "the download should start with what is shown");
  const marks = await page.$$eval("#annotated mark.edit", (ms) => ms.length);
  assert.ok(marks > 0 && marks <= 2000, `should mark the first changes and render the rest on demand (${marks} marks)`);
  assert.ok(await page.isVisible("#annotated .show-more"), "should offer to show more of a long result");
  await page.click("#annotated .show-more");
  const more = await page.$$eval("#annotated mark.edit", (ms) => ms.length);
  assert.ok(more > marks, `"Show more" should render further changes (${marks} → ${more})`);
  assert.equal(await page.evaluate(() => document.activeElement.id), `edit-${marks}`, "and move the focus to the first new one");
  const group = page.locator("#changes details").first();
  const listed = await group.locator("button.change").count();
  assert.equal(listed, 100, "the changes list should show a first page of each pass's changes");
  await group.locator(".show-more").click();
  assert.equal(await group.locator("button.change").count(), 200, "and a further page on request");
  assert.equal(page.url().includes("text="), false, "should not put a large input in the link");
  assertQuiet(env, log);
  await page.close();
});

test("small input is cleaned on the page's own thread, without progress", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await page.evaluate(() => {
    window.__progressShown = false;
    new MutationObserver(() => {
      if (!document.getElementById("progress-box").hidden) window.__progressShown = true;
    }).observe(document.getElementById("progress-box"), { attributes: true });
  });
  await setInput(page, "Small\u00a0input.");
  await waitForOutput(page, "Small input.");
  assert.equal(await page.textContent('[data-stat="ran-in"]'), "the page", "should not start a worker for small input");
  assert.equal(await page.evaluate(() => window.__progressShown), false, "should not flash a progress bar for small input");
  assertQuiet(env, log);
  await page.close();
});

test("a newer input cancels a large clean under way", { timeout: 120_000 }, async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await paste(page, UNIT, Math.ceil((8 * 1024 * 1024) / UNIT.length));
  await page.waitForSelector("#progress-box:not([hidden])", { timeout: 10_000 });
  await page.click("#clear-large");
  assert.equal(await page.evaluate(() => document.getElementById("input").readOnly), false, "the box should be editable again");
  assert.equal(await page.isVisible("#large-note"), false, "the large-text note should go");
  await page.keyboard.type("tiny\u00a0text");
  await waitForOutput(page, "tiny text");
  // Give the cancelled run time to have finished, had it not been stopped.
  await page.waitForTimeout(6000);
  assert.equal(await page.textContent("#output"), "tiny text", "the large result should never replace the newer one");
  assert.equal(await page.isVisible("#progress-box"), false, "progress should be gone");
  assert.equal(await page.textContent('[data-stat="ran-in"]'), "the page", "the newer, small input ran on the page");
  assertQuiet(env, log);
  await page.close();
});

test("typing during a background clean is never undone by its result", { timeout: 60_000 }, async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  // Large enough for the worker, small enough to stay editable in the box.
  await setInput(page, UNIT.repeat(Math.floor(900_000 / UNIT.length)));
  await page.waitForSelector("#progress-box:not([hidden])", { timeout: 10_000 });
  await page.focus("#input");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("Typed meanwhile.");
  assert.ok((await page.inputValue("#input")).endsWith("\nTyped meanwhile."), "the typing should land in the box");
  // The clean under way finishes, then the one for the typed text.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.ok((await readFile(await download.path(), "utf8")).endsWith("\nTyped meanwhile."), "the result should include what was typed");
  await page.waitForSelector("#progress-box", { state: "hidden" });
  assert.ok((await page.inputValue("#input")).endsWith("\nTyped meanwhile."), "the box should keep what was typed");
  assertQuiet(env, log);
  await page.close();
});
