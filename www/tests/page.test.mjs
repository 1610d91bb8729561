// The page's main features: cleaning as you type and on #clean, the annotated
// view and its toggle, the changes list, the per-pass switches and preset,
// counts, timing, examples and timestamps.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setUp, openPage, assertQuiet, typeInput, setInput, waitForOutput, snapshot, ROOT } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

const runs = (page) => page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));

test("cleans as the user types (debounced), on #clean and on Ctrl+Enter", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await waitForOutput(page, "");
  const start = await runs(page);
  const typed = "Tea\u00a0time at the station   ";
  await typeInput(page, typed);
  await waitForOutput(page, "Tea time at the station");
  const ran = (await runs(page)) - start;
  assert.ok(ran >= 1, "should clean after typing");
  assert.ok(ran < typed.length / 2, `should debounce: ${ran} runs for ${typed.length} keystrokes`);

  // Change the value without an input event: only #clean should pick it up.
  await page.evaluate(() => {
    document.getElementById("input").value = "Second\u200b try";
  });
  await page.waitForTimeout(400);
  assert.equal(await page.textContent("#output"), "Tea time at the station", "should not clean without an input event or a click");
  await page.click("#clean");
  await waitForOutput(page, "Second try");

  await page.evaluate(() => {
    document.getElementById("input").value = "Third\u00a0one";
  });
  await page.focus("#input");
  await page.keyboard.press("Control+Enter");
  await waitForOutput(page, "Third one");
  assert.equal(await page.inputValue("#input"), "Third\u00a0one", "should leave the input as typed (Ctrl+Enter adds no line)");
  assertQuiet(env, log);
  await page.close();
});

test("annotated view: removals struck through, replacements marked, pass and reason on hover and focus", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  await setInput(page, "One\u200btwo and\u00a0three");
  await waitForOutput(page, "Onetwo and three");
  assert.equal(await page.isVisible("#annotated"), true, "should show the annotated view by default");
  const { marks } = await snapshot(page);
  assert.equal(marks.length, 2, "should mark both changes");

  const removal = page.locator("#edit-0");
  assert.equal(await removal.locator("del").count(), 1, "a removal should be struck through (<del>)");
  assert.equal(await removal.locator("ins").count(), 0, "a removal should put nothing in");
  assert.equal(await removal.locator("del").textContent(), "⟨U+200B⟩", "should make the removed invisible character visible");
  assert.match(await removal.getAttribute("aria-description"), /^unicode \(.+\): .*ZERO WIDTH SPACE/, "should describe pass, rule and reason");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#edit-0 del")).textDecorationLine), "line-through", "should strike removed text through");

  const replacement = page.locator("#edit-1");
  assert.equal(await replacement.locator("del").textContent(), "⍽", "should show the replaced no-break space");
  assert.equal(await replacement.locator("ins").textContent(), "·", "should show the space put in");
  assert.match(await replacement.getAttribute("class"), /\bc1\b/, "should colour unicode changes with the unicode colour");

  // Hover shows the tooltip with pass and reason.
  await replacement.hover();
  await page.waitForSelector("#tip:not([hidden])");
  assert.match(await page.textContent("#tip"), /unicode · .*NO-BREAK SPACE/, "the tooltip should name the pass, rule and reason on hover");
  await page.mouse.move(2, 2);
  await page.waitForSelector("#tip", { state: "hidden" });

  // Keyboard: Tab reaches the first change; arrows move between changes; the tooltip follows focus.
  await page.focus("#view-plain");
  await page.focus("#download");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "edit-0", "Tab should reach the first change");
  await page.waitForSelector("#tip:not([hidden])");
  assert.match(await page.textContent("#tip"), /ZERO WIDTH SPACE/, "the tooltip should show on keyboard focus");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "edit-1", "ArrowRight should move to the next change");
  assert.match(await page.textContent("#tip"), /NO-BREAK SPACE/, "the tooltip should follow the focus");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#tip", { state: "hidden" });

  // The toggle to the plain clean text and back.
  await page.click("label[for=view-plain]");
  assert.equal(await page.isVisible("#output"), true, "should show the plain clean text");
  assert.equal(await page.isVisible("#annotated"), false, "should hide the annotated view");
  assert.match(page.url(), /view=plain/, "should keep the view in the link");
  await page.click("label[for=view-annotated]");
  assert.equal(await page.isVisible("#annotated"), true, "should switch back to the annotated view");
  assertQuiet(env, log);
  await page.close();
});

test("changes list: grouped by pass in pipeline order, each entry goes to its place", async () => {
  const { page, log } = await openPage(env, { hash: "#view=plain&text=" });
  const lines = ["Tea\u00a0time   ", "", "", "", "", "Next line\u200b here", ...Array.from({ length: 80 }, (_, i) => `Filler line ${i + 1} of the article.`), "The\u00a0end."];
  await setInput(page, lines.join("\n"));
  await page.waitForFunction(() => document.querySelectorAll("#changes details").length > 0);
  const groups = await page.$$eval("#changes details", (ds) => ds.map((d) => ({ pass: d.dataset.pass, entries: d.querySelectorAll("button.change").length })));
  const order = await page.evaluate(async () => (await import("textscrub")).passes().map((p) => p.name));
  assert.deepEqual(groups.map((g) => g.pass), order.filter((p) => groups.some((g) => g.pass === p)), "groups should follow the pipeline order");
  assert.deepEqual(groups.find((g) => g.pass === "unicode")?.entries, 3, "should list the three unicode changes");
  assert.ok(groups.find((g) => g.pass === "whitespace")?.entries >= 2, "should list the whitespace changes");

  // The last unicode change is far down: choosing it switches to the annotated view and focuses it.
  const last = page.locator('#changes details[data-pass=unicode] button.change').last();
  assert.match(await last.textContent(), /line 87/, "should give the line of the change");
  await last.click();
  const i = await last.getAttribute("data-i");
  assert.equal(await page.isVisible("#annotated"), true, "should switch to the annotated view");
  assert.equal(await page.evaluate(() => document.activeElement.id), `edit-${i}`, "should focus the chosen change");
  const inView = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    const box = document.getElementById("annotated").getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  }, `edit-${i}`);
  assert.ok(inView, "should scroll the change into view");
  assertQuiet(env, log);
  await page.close();
});

test("a switch per pass and a preset selector; counts of changes per pass", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const passes = await page.evaluate(async () => (await import("textscrub")).passes());
  const switches = await page.$$eval("#passes input[role=switch]", (xs) => xs.map((x) => ({ name: x.dataset.pass, checked: x.checked, label: x.labels[0]?.textContent })));
  assert.deepEqual(switches.map((s) => s.name), passes.map((p) => p.name), "should have one switch per pass, in pipeline order");
  assert.ok(switches.every((s) => s.checked), "the article preset should switch every pass on");

  await setInput(page, "Tea\u00a0time\u200b   \nThe end.");
  await waitForOutput(page, "Tea time\nThe end.");
  assert.equal(await page.textContent("#pass-unicode-count"), "2 changes", "should count the unicode changes");
  assert.equal(await page.textContent("#pass-whitespace-count"), "1 change", "should count the whitespace change");

  await page.click("label[for=pass-unicode]");
  await waitForOutput(page, "Tea\u00a0time\u200b\nThe end.");
  assert.equal(await page.isChecked("#pass-unicode"), false, "the unicode switch should be off");
  assert.equal(await page.textContent("#pass-unicode-count"), "off", "should say the pass is off");
  assert.match(page.url(), /off=unicode/, "should keep the switch in the link");
  await page.click("label[for=pass-unicode]");
  await waitForOutput(page, "Tea time\nThe end.");
  assert.doesNotMatch(page.url(), /off=/, "switching back should clear it from the link");

  await page.selectOption("#preset", "gentle");
  await page.waitForFunction(() => location.hash.includes("preset=gentle"));
  const gentle = await page.$$eval("#passes input[role=switch]", (xs) => xs.map((x) => [x.dataset.pass, x.checked]));
  assert.deepEqual(gentle, passes.map((p) => [p.name, p.gentle]), "the gentle preset should switch on exactly the gentle passes");
  assertQuiet(env, log);
  await page.close();
});

test("shows time taken and MB/s", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const text = "A line of an article with a no-break\u00a0space.\n".repeat(4000);
  await setInput(page, text);
  await page.waitForFunction(() => document.querySelector('[data-stat="changes"]')?.textContent === "4,000");
  assert.match(await page.textContent('[data-stat="time"]'), /^(< )?\d+(\.\d)? m?s$/, "should show the time taken");
  assert.match(await page.textContent('[data-stat="speed"]'), /^\d+(\.\d+)? MB\/s$/, "should show the throughput in MB/s");
  assert.match(await page.textContent('[data-stat="size"]'), /^\d+(\.\d+)? kB → \d+(\.\d+)? kB$/, "should show sizes in and out");
  assertQuiet(env, log);
  await page.close();
});

test("examples: each loads, is decoded like a file, and is cleaned", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const options = await page.$$eval("#example option", (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.length >= 4, "should offer at least four examples");
  for (const id of options) {
    await page.selectOption("#example", id);
    await page.waitForFunction((want) => location.hash === `#example=${want}`, id);
    const input = await page.inputValue("#input");
    assert.ok(input.length > 200, `example ${id} should fill the input`);
    assert.equal(await page.isVisible("#source"), true, `example ${id} should say where the text came from`);
  }
  const news = await readFile(path.join(ROOT, "www", "examples", "news-page.txt"), "utf8");
  await page.selectOption("#example", "news");
  await page.waitForFunction(() => location.hash === "#example=news");
  assert.equal(await page.inputValue("#input"), news, "a UTF-8 example should arrive unchanged in the input");
  assert.ok((await page.$$("#annotated mark.edit")).length > 5, "the news example should show changes");

  await page.selectOption("#example", "legacy");
  await page.waitForFunction(() => location.hash === "#example=legacy");
  assert.match(await page.inputValue("#input"), /Marie-Thérèse.*12 000 €/s, "a Windows-1252 example should be decoded");
  assert.match(await page.textContent("#notes"), /^Read as (windows-1252|UTF-8)\b/, "should say how the bytes were decoded");

  // Editing an example makes it the user's text.
  await page.locator("#input").press("End");
  await page.keyboard.type("!");
  await page.waitForFunction(() => location.hash.startsWith("#text="));
  assert.equal(await page.inputValue("#example"), "", "the example picker should let go once the text is edited");
  assertQuiet(env, log);
  await page.close();
});

test("timestamps found: listed with what they stand for, and selected in the input when chosen", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const hasPass = await page.evaluate(async () => (await import("textscrub")).passes().some((p) => p.name === "timestamps"));
  await setInput(page, "Plain text with no dateline at all.");
  await waitForOutput(page, "Plain text with no dateline at all.");
  assert.equal(await page.isVisible("#timestamps-section"), false, "should hide the list when nothing was found");

  // The list itself, fed a result as the package gives it.
  const shown = await page.evaluate(async () => {
    const { renderTimestamps } = await import("./timestamps.js");
    const list = document.createElement("ol");
    let picked = null;
    const n = renderTimestamps(
      list,
      [
        { start: 0, end: 9, text: "04:44 GMT", iso: "2017-02-20T04:44:00Z", removed: true },
        { start: 20, end: 33, text: "<b>3 hours ago</b>", removed: false },
      ],
      (ts) => (picked = ts.text),
    );
    list.querySelectorAll("button")[0].click();
    return { n, html: list.innerHTML, text: list.textContent, picked, bold: list.querySelectorAll("b").length };
  });
  assert.equal(shown.n, 2, "should list each timestamp");
  assert.match(shown.text, /04:44 GMT2017-02-20T04:44:00Zremoved/, "should show the text, the moment and that it was removed");
  assert.match(shown.text, /kept/, "should say when a timestamp was kept");
  assert.equal(shown.bold, 0, "should show timestamp text as text, not markup");
  assert.equal(shown.picked, "04:44 GMT", "choosing one should report it");

  if (hasPass) {
    await setInput(page, "04:44 GMT +3 20 February 2017\nThe minister spoke on Monday.\nUpdated 3 hours ago");
    await page.waitForSelector("#timestamps-section:not([hidden])");
    assert.ok((await page.$$("#timestamps li")).length >= 1, "should list the timestamps the pass found");
    await page.click("#timestamps button");
    const sel = await page.evaluate(() => {
      const el = document.getElementById("input");
      return document.activeElement === el && el.selectionEnd > el.selectionStart;
    });
    assert.ok(sel, "choosing a timestamp should select it in the input");
  }
  assertQuiet(env, log);
  await page.close();
});
