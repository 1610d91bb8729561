// Options and short inputs live in location.hash: a case can be shared as a
// link, and opening the link restores it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, openPage, assertQuiet, setInput, waitForOutput, cleanInPage } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

const switches = (page) => page.$$eval("#passes input[role=switch]", (xs) => Object.fromEntries(xs.map((x) => [x.dataset.pass, x.checked])));

test("options, view and a short input go into the link, and the link restores them", async () => {
  const { page, log } = await openPage(env, { hash: "#text=" });
  const text = "Caf\u00e9\u00a0au lait & <b>tags</b> + 100%   ";
  const all = await cleanInPage(page, text);
  const noWhitespace = await cleanInPage(page, text, { whitespace: false });
  assert.notEqual(all, noWhitespace, "the whitespace pass should matter for this text");
  await setInput(page, text);
  await waitForOutput(page, all);
  await page.click("label[for=pass-whitespace]");
  await waitForOutput(page, noWhitespace);
  await page.click("label[for=view-plain]");
  const link = page.url();
  assert.match(link, /off=whitespace/, "the link should carry the switch");
  assert.match(link, /view=plain/, "the link should carry the view");
  assert.match(link, /text=Caf%C3%A9%C2%A0au%20lait%20%26%20%3Cb%3Etags/, "the link should carry the text, encoded");
  const before = await switches(page);
  assertQuiet(env, log);
  await page.close();

  const opened = await openPage(env, { hash: new URL(link).hash });
  const p = opened.page;
  assert.equal(await p.inputValue("#input"), "Caf\u00e9\u00a0au lait & <b>tags</b> + 100%   ", "should restore the text exactly");
  await waitForOutput(p, noWhitespace);
  assert.deepEqual(await switches(p), before, "should restore the switches");
  assert.equal(await p.isChecked("#view-plain"), true, "should restore the view");
  assert.equal(await p.isVisible("#output"), true, "should show the restored view");
  assertQuiet(env, opened.log);
  await p.close();
});

test("the preset travels in the link; a long input stays out of it", async () => {
  const { page, log } = await openPage(env, { hash: "#preset=gentle&text=Hello%C2%A0world" });
  assert.equal(await page.inputValue("#preset"), "gentle", "should restore the preset");
  await waitForOutput(page, "Hello world");
  await setInput(page, "Long text.\n".repeat(500));
  await page.waitForFunction(() => !location.hash.includes("text="));
  assert.equal(new URL(page.url()).hash, "#preset=gentle", "should keep only the options for a long text");
  assertQuiet(env, log);
  await page.close();
});

test("an example is named in the link, not copied", async () => {
  const { page, log } = await openPage(env, { hash: "#example=translated" });
  assert.equal(await page.inputValue("#example"), "translated", "should pick the example");
  assert.match(await page.inputValue("#input"), /Ministry of transport/, "should load the example's text");
  assert.equal(new URL(page.url()).hash, "#example=translated", "the link should name the example");
  assertQuiet(env, log);
  await page.close();
});

test("a link from another version: unknown passes and values are ignored and said so", async () => {
  const { page, log } = await openPage(env, { hash: "#preset=loud&off=nosuchpass,whitespace&text=a%C2%A0b" });
  await waitForOutput(page, "a b");
  assert.equal(await page.inputValue("#preset"), "article", "should fall back to the article preset");
  assert.equal(await page.isChecked("#pass-whitespace"), false, "should still apply the known switches");
  const notes = await page.textContent("#notes");
  assert.match(notes, /nosuchpass/, "should say which pass was ignored");
  assert.match(notes, /loud/, "should say which preset was ignored");
  assert.equal(await page.isVisible("#error"), false, "should not fail");
  assertQuiet(env, log);
  await page.close();
});

test("changing the hash of an open page applies it", async () => {
  const { page, log } = await openPage(env, { hash: "#text=one" });
  await waitForOutput(page, "one");
  await page.evaluate(() => {
    location.hash = "#off=unicode&text=two%C2%A0words";
  });
  await waitForOutput(page, "two\u00a0words");
  assert.equal(await page.isChecked("#pass-unicode"), false, "should apply the new switches");
  assertQuiet(env, log);
  await page.close();
});
