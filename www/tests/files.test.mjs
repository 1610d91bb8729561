// Getting text in and out: open a .txt file, drop one on the page, copy the
// clean text, download it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { setUp, openPage, assertQuiet, setInput, waitForOutput } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

// "Crème brûlée – 5 €" and a no-break space, saved as Windows-1252 with CRLF.
const CP1252 = Buffer.from([
  ...Buffer.from("Cr"), 0xe8, ...Buffer.from("me br"), 0xfb, ...Buffer.from("l"), 0xe9, 0x65,
  0x20, 0x96, 0x20, 0x35, 0xa0, 0x80, 0x0d, 0x0a, ...Buffer.from("Second line\r\n"),
]);

test("open a .txt file of unknown encoding: decoded, cleaned, and said where it came from", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await page.setInputFiles("#file", { name: "menu.txt", mimeType: "text/plain", buffer: CP1252 });
  await page.waitForFunction(() => document.getElementById("input").value.startsWith("Crème"));
  // A textarea shows CR LF as LF, but the file's own line ends are what gets cleaned.
  assert.equal(await page.inputValue("#input"), "Crème brûlée – 5\u00a0€\nSecond line\n", "should decode the Windows-1252 bytes into the input");
  await waitForOutput(page, "Crème brûlée – 5 €\nSecond line\n");
  assert.match(await page.textContent("#annotated"), /↵/, "should mark the CR LF line ends the whitespace pass changed");
  const rules = await page.$$eval("#changes .rule", (rs) => rs.map((r) => r.textContent));
  assert.ok(rules.length >= 3, `should list the no-break space and both line ends (${rules})`);
  // Switching a pass re-cleans the file's exact text.
  await page.click("label[for=pass-unicode]");
  await waitForOutput(page, "Crème brûlée – 5\u00a0€\nSecond line\n");
  assert.match(await page.textContent("#source"), /menu\.txt/, "should name the file");
  assert.match(await page.textContent("#notes"), /^Read as (windows-1252|UTF-8)\b/, "should say how the bytes were decoded");
  assert.equal(await page.inputValue("#example"), "", "a file is not an example");

  // The download is named after the file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "menu.clean.txt", "should name the download after the file");
  assert.equal(await readFile(await download.path(), "utf8"), "Crème brûlée – 5\u00a0€\nSecond line\n", "should download the clean text, as the switches left it, in UTF-8");
  assertQuiet(env, log);
  await page.close();
});

test("drop a .txt file anywhere on the page", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const opened = await page.evaluate(async () => {
    const file = new File(["Dropped\u00a0text\u200b here.   \n"], "dropped.txt", { type: "text/plain" });
    const dt = new DataTransfer();
    dt.items.add(file);
    const target = document.querySelector(".site-header");
    target.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    const overlay = !document.getElementById("drop-overlay").hidden;
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return { overlay, prevented: drop.defaultPrevented && over.defaultPrevented, overlayAfter: !document.getElementById("drop-overlay").hidden };
  });
  assert.equal(opened.overlay, true, "should show where to drop while dragging");
  assert.equal(opened.prevented, true, "should keep the browser from opening the file itself");
  assert.equal(opened.overlayAfter, false, "should hide the drop hint after the drop");
  await waitForOutput(page, "Dropped text here.\n");
  assert.match(await page.textContent("#source"), /dropped\.txt/, "should name the dropped file");
  assertQuiet(env, log);
  await page.close();
});

test("a file that is not text is refused with a message", async () => {
  const { page, log } = await openPage(env, { hash: "#text=kept" });
  await waitForOutput(page, "kept");
  await page.setInputFiles("#file", { name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.textContent("#error"), /photo\.png.*text file/, "should say why the file was refused");
  assert.equal(await page.inputValue("#input"), "kept", "should leave the input alone");
  assertQuiet(env, log);
  await page.close();
});

test("copy puts the whole clean text on the clipboard", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await setInput(page, "Copy\u00a0me,\u200b please.   \n\n\n\nThanks.");
  await waitForOutput(page, "Copy me, please.\n\nThanks.");
  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  await page.click("#copy");
  await page.waitForFunction(() => /Copied/.test(document.getElementById("status").textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Copy me, please.\n\nThanks.", "the clipboard should hold the clean text");
  assertQuiet(env, log);
  await page.close();
});

test("copy and download right after typing take the latest text, not the previous result", async () => {
  const { page, log } = await openPage(env, { hash: "#text=old" });
  await waitForOutput(page, "old");
  await setInput(page, "new\u00a0text");
  // No wait: the debounced clean has not run yet.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "textscrub-clean.txt", "should give typed text a plain name");
  assert.equal(await readFile(await download.path(), "utf8"), "new text", "should download the clean text of what was just typed");
  assertQuiet(env, log);
  await page.close();
});
