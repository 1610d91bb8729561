// Usable: every control has a label, everything works from the keyboard with a
// visible focus, colours keep their contrast, and the page reads at phone width.
// Saves screenshots of the page (desktop and phone) to artifacts/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, openPage, assertQuiet, screenshot, setInput, waitForOutput } from "./harness.mjs";

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

test("every control has an accessible name", async () => {
  const { page, log } = await openPage(env);
  const unnamed = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("input, select, textarea, button")) {
      const name = (el.labels?.[0]?.textContent || el.getAttribute("aria-label") || (el.tagName === "BUTTON" ? el.textContent : "")).trim();
      if (!name) out.push(el.outerHTML.slice(0, 80));
    }
    return out;
  });
  assert.deepEqual(unnamed, [], "each input, select, textarea and button should be labelled");
  const snapshot = await page.locator("main").ariaSnapshot();
  assert.match(snapshot, /textbox "Scraped text"/, "the input should be named by its heading label");
  assert.match(snapshot, /switch "unicode"/, "pass switches should be switches named by pass");
  assert.match(snapshot, /combobox "Preset"/, "the preset selector should be labelled");
  assertQuiet(env, log);
  await page.close();
});

test("keyboard only: reach the controls in order, with a visible focus ring", async () => {
  const { page, log } = await openPage(env, { hash: "#text=Key%C2%A0board" });
  await waitForOutput(page, "Key board");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link", "the first Tab should reach the skip link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "input", "the skip link should land in the text");

  const order = [];
  await page.focus("#preset");
  for (let i = 0; i < 20; i++) {
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el.matches(".segmented input, input[type=file]") ? el.nextElementSibling : el);
      return { id: el.id || `${el.tagName.toLowerCase()}.${el.className}`, body: el === document.body, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
    });
    if (info.body) break; // past the last control
    order.push(info.id);
    assert.ok(info.outline, `focus on ${info.id} should be visible`);
    await page.keyboard.press("Tab");
  }
  for (const id of ["preset", "pass-unicode", "pass-whitespace", "example", "file", "input", "clean", "view-annotated", "copy", "download", "edit-0"]) {
    assert.ok(order.includes(id), `Tab should reach #${id} (reached ${order.join(", ")})`);
  }
  assert.ok(order.indexOf("input") < order.indexOf("clean") && order.indexOf("clean") < order.indexOf("copy"), "the order should follow the page");

  // Operate the switch and the view toggle from the keyboard.
  await page.focus("#pass-unicode");
  await page.keyboard.press("Space");
  await waitForOutput(page, "Key\u00a0board");
  await page.keyboard.press("Space");
  await waitForOutput(page, "Key board");
  await page.focus("#view-annotated");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.isChecked("#view-plain"), true, "arrow keys should move the view toggle");
  assert.equal(await page.isVisible("#output"), true, "and switch the view");

  // A change in the list is a button: Enter takes you to the mark.
  await page.focus("#changes button.change");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "edit-0", "Enter on a change should focus its mark");
  assertQuiet(env, log);
  await page.close();
});

function luminance([r, g, b]) {
  const f = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const scheme of ["light", "dark"]) {
  test(`pass colours keep a contrast of at least 4.5:1 (${scheme} scheme)`, async () => {
    const page = await env.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${env.server.url}#text=`);
    await page.waitForSelector("html[data-ready=true]");
    const pairs = await page.evaluate(() => {
      const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
      const out = [];
      for (let k = 0; k < 8; k++) {
        const mark = document.createElement("mark");
        mark.className = `edit c${k}`;
        const del = document.createElement("del");
        del.textContent = "x";
        const ins = document.createElement("ins");
        ins.textContent = "y";
        mark.append(del, ins);
        document.getElementById("annotated").append(mark);
        const bg = rgb(getComputedStyle(mark).backgroundColor);
        out.push({ k, del: rgb(getComputedStyle(del).color), ins: rgb(getComputedStyle(ins).color), bg, page: rgb(getComputedStyle(document.body).color), pageBg: rgb(getComputedStyle(document.body).backgroundColor) });
        mark.remove();
      }
      return out;
    });
    for (const p of pairs) {
      assert.ok(contrast(p.del, p.bg) >= 4.5, `removed text in colour c${p.k} should contrast 4.5:1 (is ${contrast(p.del, p.bg).toFixed(2)})`);
      assert.ok(contrast(p.ins, p.bg) >= 4.5, `inserted text in colour c${p.k} should contrast 4.5:1 (is ${contrast(p.ins, p.bg).toFixed(2)})`);
    }
    assert.ok(contrast(pairs[0].page, pairs[0].pageBg) >= 7, "body text should contrast 7:1");
    await page.close();
  });
}

test("screenshots: desktop with the news example, a hovered change, and the phone width", async () => {
  const { page, log } = await openPage(env, { hash: "#example=news" });
  await page.waitForSelector("#annotated mark.edit");
  const desktop = await screenshot(page, "desktop.png");
  await page.locator("#edit-3").scrollIntoViewIfNeeded();
  await page.hover("#edit-3");
  await page.waitForSelector("#tip:not([hidden])");
  await page.screenshot({ path: desktop.replace("desktop.png", "desktop-tooltip.png") });
  await page.selectOption("#example", "mojibake");
  await page.waitForFunction(() => location.hash === "#example=mojibake");
  await screenshot(page, "desktop-mojibake.png");
  assertQuiet(env, log);
  await page.close();

  const phone = await openPage(env, { hash: "#example=news", viewport: { width: 375, height: 812 } });
  await phone.page.waitForSelector("#annotated mark.edit");
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing should stick out sideways at 375 px (overflow ${overflow} px)`);
  const small = await phone.page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll("button, select, .button, .segmented label")) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height < 32) bad.push(`${el.id || el.textContent.trim().slice(0, 20)}: ${Math.round(r.height)}px`);
    }
    return bad;
  });
  assert.deepEqual(small, [], "controls should be at least 32 px tall to tap at phone width");
  const fontSize = await phone.page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("annotated")).fontSize));
  assert.ok(fontSize >= 12, `text should stay readable at phone width (${fontSize}px)`);
  await screenshot(phone.page, "phone.png");
  await phone.page.click("label[for=view-plain]");
  await phone.page.locator(".pane-output").screenshot({ path: desktop.replace("desktop.png", "phone-clean-text.png") });
  assertQuiet(env, phone.log);
  await phone.page.close();
});

test("a dark colour scheme is honoured", async () => {
  const page = await env.context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${env.server.url}#example=news`);
  await page.waitForSelector("#annotated mark.edit");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(246, 247, 249)", "the page should darken in dark mode");
  await screenshot(page, "desktop-dark.png");
  await setInput(page, "dark\u00a0mode");
  await waitForOutput(page, "dark mode");
  await page.close();
});
