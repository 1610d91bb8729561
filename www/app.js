// The demo page: wires the input, the options and the views to textscrub.
//
// State lives in `state` (preset, passes switched by name, view, example) and
// in the textarea; every run writes it back to location.hash so the page can be
// shared as a link. All user text reaches the page through textContent or text
// nodes, never as HTML.

import { Engine, WORKER_THRESHOLD } from "./engine.js";
import { AnnotatedView } from "./annotated.js";
import { renderChanges } from "./changes.js";
import { renderTimestamps } from "./timestamps.js";
import { buildSwitches, setSwitches, setCounts } from "./passes-ui.js";
import { renderStats, formatBytes } from "./stats.js";
import { attachTooltip } from "./tooltip.js";
import { acceptFiles, copyText, downloadText, cleanName, looksLikeText } from "./files.js";
import { EXAMPLES, findExample, fetchExample } from "./examples.js";
import { toOptions, passRuns, presetRuns, encodeHash, decodeHash } from "./state.js";

const $ = (id) => document.getElementById(id);
const els = {
  input: $("input"),
  clean: $("clean"),
  preset: $("preset"),
  passes: $("passes"),
  example: $("example"),
  file: $("file"),
  overlay: $("drop-overlay"),
  source: $("source"),
  annotated: $("annotated"),
  annotatedHelp: $("annotated-help"),
  output: $("output"),
  viewAnnotated: $("view-annotated"),
  viewPlain: $("view-plain"),
  copy: $("copy"),
  download: $("download"),
  progressBox: $("progress-box"),
  progress: $("progress"),
  progressLabel: $("progress-label"),
  error: $("error"),
  status: $("status"),
  stats: $("stats"),
  changes: $("changes"),
  changesEmpty: $("changes-empty"),
  timestampsSection: $("timestamps-section"),
  timestamps: $("timestamps"),
  notesSection: $("notes-section"),
  notes: $("notes"),
  version: $("version"),
  largeNote: $("large-note"),
  largeText: $("large-text"),
  clearLarge: $("clear-large"),
  outputNote: $("output-note"),
  tip: $("tip"),
};

const engine = new Engine();
const annotated = new AnnotatedView(els.annotated);
const state = { preset: "article", overrides: new Map(), view: "annotated", example: null, source: null, ignored: [] };
let passList = [];
let result = null;
let runId = 0;
let timer = null;
let running = null;

// ---- the input text ---------------------------------------------------------------
//
// The textarea cannot always hold the input as it is. A textarea turns CR LF
// into LF, which would hide a file's line endings from the passes. And Chromium
// lays out every character of a textarea or <pre>: 8 MB takes it about ten
// seconds, with the page frozen. Such texts are kept here; the box shows them
// (a large one only its start, read-only), and the exact text is cleaned, copied
// and downloaded until the user edits the box.

/** Texts of this many characters or more are shown as a preview. */
const LARGE_TEXT = 1_000_000;
/** How much of a large text the boxes show. */
const PREVIEW = 100_000;
/** The exact input, when the box cannot show it as it is; otherwise null. */
let exact = null;
/** How the file or example in the box was decoded, until the box is edited. */
let decoding = null;

function currentText() {
  return exact ?? els.input.value;
}

/** The start of `text`, cut at a line break, when `text` is too large to show. */
function preview(text) {
  if (text.length <= PREVIEW) return text;
  const nl = text.lastIndexOf("\n", PREVIEW);
  return text.slice(0, nl > PREVIEW / 2 ? nl + 1 : PREVIEW);
}

/** Puts `text` in the input, or its preview when it is large. */
function setInputText(text) {
  exact = text.length >= LARGE_TEXT || text.includes("\r") ? text : null;
  if (text.length >= LARGE_TEXT) {
    els.input.value = preview(text);
    els.input.readOnly = true;
    els.largeText.textContent = `This text is ${formatBytes(new Blob([text]).size)}, too large to edit here: the box shows its start, and all of it is cleaned.`;
    els.largeNote.hidden = false;
  } else {
    els.input.readOnly = false;
    els.input.value = text;
    els.largeNote.hidden = true;
  }
}

// ---- running ---------------------------------------------------------------

function debounceMs() {
  return currentText().length >= WORKER_THRESHOLD ? 700 : 150;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    run({ text: currentText() });
  }, debounceMs());
}

/** Cleans what is in the input now; resolves when the result is shown. */
function cleanNow() {
  clearTimeout(timer);
  timer = null;
  return run({ text: currentText() });
}

/** Waits for a scheduled or running clean, so copy and download take the latest text. */
async function settled() {
  if (timer) await cleanNow();
  else if (running) await running;
}

function run(source) {
  const id = ++runId;
  const size = source.bytes ? source.bytes.byteLength : source.text.length;
  const big = size >= WORKER_THRESHOLD;
  if (big) showProgress(0, "");
  const work = (async () => {
    try {
      const cleaned = await engine.run(source, toOptions(state), (done, pass) => {
        if (id === runId) showProgress(done, pass);
      });
      if (id !== runId) return;
      if (big) {
        els.progressLabel.textContent = "Showing the result…";
        await nextFrame();
      }
      show(cleaned, Boolean(source.bytes));
    } catch (err) {
      if (err.cancelled || id !== runId) return;
      showError(err);
    } finally {
      if (id === runId) {
        hideProgress();
        running = null;
      }
    }
  })();
  running = work;
  return work;
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function showProgress(done, pass) {
  els.progressBox.hidden = false;
  els.progress.value = done;
  const pct = Math.round(done * 100);
  els.progressLabel.textContent = pass ? `Cleaning in the background: ${pass} (${pct}%)` : `Cleaning in the background… ${pct}%`;
  els.annotated.setAttribute("aria-busy", "true");
}

function hideProgress() {
  els.progressBox.hidden = true;
  els.annotated.removeAttribute("aria-busy");
}

function showError(err) {
  els.error.hidden = false;
  els.error.textContent = `Could not clean this text: ${err.message ?? err}`;
}

// ---- showing a result -------------------------------------------------------

/** Shows a result; `decoded`: its input was decoded from bytes and belongs in the box. */
function show(cleaned, decoded) {
  result = cleaned;
  // How many results have been shown (lets tests see the debounce at work).
  document.documentElement.dataset.runs = String(Number(document.documentElement.dataset.runs ?? 0) + 1);
  els.error.hidden = true;
  // A typed text is in the box already (and the user may have typed on meanwhile).
  if (decoded) setInputText(cleaned.input);
  els.output.textContent = preview(cleaned.text);
  const cut = cleaned.text.length > PREVIEW;
  els.outputNote.hidden = !cut;
  if (cut) {
    els.outputNote.textContent = `The clean text is ${formatBytes(cleaned.stats.outputBytes)}: this shows its start. Copy and Download give all of it.`;
  }
  annotated.show(cleaned.input, cleaned.edits);
  els.annotated.tabIndex = cleaned.edits.length ? -1 : 0;
  renderChanges(els.changes, cleaned, passList.map((p) => p.name), reveal);
  els.changesEmpty.hidden = cleaned.edits.length > 0;
  setCounts(els.passes, cleaned.stats.changesByPass, cleaned.stats.passes);
  renderStats(els.stats, cleaned);
  const found = renderTimestamps(els.timestamps, cleaned.stats.timestamps, selectInInput);
  els.timestampsSection.hidden = found === 0;
  renderNotes(cleaned.stats);
  const n = cleaned.edits.length;
  els.status.textContent = cleaned.stats.passes.length
    ? `${n.toLocaleString("en")} ${n === 1 ? "change" : "changes"} by ${cleaned.stats.passes.join(", ")}.`
    : "No pass is switched on: the text is unchanged.";
  writeHash();
}

function renderNotes(stats) {
  const notes = [];
  if (stats.decoding) decoding = stats.decoding;
  const d = decoding;
  // Plain UTF-8 is the expected case and needs no note.
  if (d && (d.encoding !== "UTF-8" || d.bom || d.invalid || d.replaced)) {
    let line = `Read as ${d.encoding}${d.bom ? " (with a byte-order mark)" : ""}, confidence ${Math.round(d.confidence * 100)}%.`;
    if (d.replaced || d.invalid) line += ` ${d.invalid} invalid byte sequences, ${d.replaced} characters replaced.`;
    notes.push(line);
  }
  for (const w of stats.warnings ?? []) notes.push(w);
  for (const what of state.ignored) notes.push(`The link asked for ${what}, which this version does not have; it was ignored.`);
  els.notes.replaceChildren(
    ...notes.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
  els.notesSection.hidden = notes.length === 0;
}

function reveal(i) {
  if (state.view !== "annotated") setView("annotated");
  annotated.reveal(i);
}

/** Where offset `o` of the input falls in the box, which shows CR LF as LF. */
function boxOffset(o) {
  if (!exact || els.input.readOnly) return o;
  let crlf = 0;
  for (let i = exact.indexOf("\r\n"); i !== -1 && i < o - 1; i = exact.indexOf("\r\n", i + 2)) crlf += 1;
  return o - crlf;
}

function selectInInput(ts) {
  const [start, end] = [boxOffset(ts.start), boxOffset(ts.end)];
  if (end > els.input.value.length) return;
  els.input.focus();
  els.input.setSelectionRange(start, end);
  // Scroll the selection into view: blur and focus make Chromium and Firefox do it.
  els.input.blur();
  els.input.focus();
}

function setView(view) {
  state.view = view;
  const plain = view === "plain";
  els.viewPlain.checked = plain;
  els.viewAnnotated.checked = !plain;
  els.output.hidden = !plain;
  els.annotated.hidden = plain;
  els.annotatedHelp.hidden = plain;
  writeHash();
}

// ---- the hash ---------------------------------------------------------------

function writeHash() {
  const hash = encodeHash({ ...state, text: state.example ? null : currentText() });
  if (hash !== location.hash && !(hash === "" && location.hash === "")) {
    history.replaceState(null, "", hash || `${location.pathname}${location.search}`);
  }
}

async function applyHash() {
  const from = decodeHash(location.hash, passList);
  state.preset = from.preset;
  state.overrides = from.overrides;
  state.ignored = from.ignored;
  els.preset.value = state.preset;
  setSwitches(els.passes, (name) => passRuns(state, passByName(name)));
  setView(from.view);
  if (from.text !== null) {
    state.example = null;
    setSource(null);
    decoding = null;
    setInputText(from.text);
    await cleanNow();
  } else if (from.example && findExample(from.example)) {
    await loadExample(from.example);
  } else if (from.example) {
    state.ignored.push(`the example “${from.example}”`);
    await cleanNow();
  } else {
    await cleanNow();
  }
}

function passByName(name) {
  return passList.find((p) => p.name === name);
}

// ---- sources: typing, examples, files ---------------------------------------------

function setSource(text) {
  els.source.hidden = !text;
  els.source.textContent = text ?? "";
}

async function loadExample(id) {
  const example = findExample(id);
  if (!example) return;
  els.example.value = id;
  try {
    const bytes = await fetchExample(example);
    state.example = id;
    state.source = `${id}.txt`;
    setSource(`Example: ${example.title}. Edit it freely.`);
    await run({ bytes });
  } catch (err) {
    showError(err);
  }
}

async function loadFile(file) {
  if (!looksLikeText(file)) {
    showError(new Error(`“${file.name}” does not look like a text file; open a .txt file`));
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  state.example = null;
  state.source = file.name;
  els.example.value = "";
  setSource(`From the file “${file.name}” (${bytes.byteLength.toLocaleString("en")} bytes).`);
  await run({ bytes });
}

// ---- wiring -------------------------------------------------------------------

/** Pastes of this many characters or more bypass the browser's editing path. */
const LARGE_PASTE = LARGE_TEXT;

function onInput() {
  if (state.example) {
    state.example = null;
    els.example.value = "";
  }
  schedule();
}

/**
 * Chromium inserts a multi-megabyte paste through its editing machinery, which
 * takes many seconds with the page frozen; setting the value takes a fraction
 * of that. The price is that such a paste cannot be undone with Ctrl+Z.
 */
function onPaste(e) {
  const text = e.clipboardData?.getData("text/plain");
  if (!text || (text.length < LARGE_PASTE && !els.input.readOnly)) return;
  e.preventDefault();
  const el = els.input;
  if (els.input.readOnly) {
    // The box shows only a preview, so a paste replaces the whole text.
    setInputText(text);
  } else {
    const { selectionStart: from, selectionEnd: to, value } = el;
    setInputText(value.slice(0, from) + text + value.slice(to));
    if (!el.readOnly) el.setSelectionRange(from + text.length, from + text.length);
  }
  onInput();
}

function wire() {
  els.input.addEventListener("input", () => {
    // The user edited the box: from now on its text is the input.
    exact = null;
    decoding = null;
    onInput();
  });
  els.input.addEventListener("paste", onPaste);
  els.input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      cleanNow();
    }
  });
  els.clean.addEventListener("click", () => cleanNow());
  els.clearLarge.addEventListener("click", () => {
    decoding = null;
    setInputText("");
    setSource(null);
    state.source = null;
    els.input.focus();
    onInput();
  });
  els.preset.addEventListener("change", () => {
    state.preset = els.preset.value;
    state.overrides.clear();
    setSwitches(els.passes, (name) => passRuns(state, passByName(name)));
    cleanNow();
  });
  for (const radio of [els.viewAnnotated, els.viewPlain]) {
    radio.addEventListener("change", () => radio.checked && setView(radio.value));
  }
  els.example.addEventListener("change", () => {
    if (els.example.value) loadExample(els.example.value);
  });
  acceptFiles({ input: els.file, overlay: els.overlay }, (file) => loadFile(file).catch(showError));
  els.copy.addEventListener("click", async () => {
    await settled();
    if (!result) return;
    try {
      await copyText(result.text);
      els.status.textContent = `Copied the clean text (${result.text.length.toLocaleString("en")} characters).`;
    } catch (err) {
      els.status.textContent = `Could not copy: ${err.message}. Select the clean text and copy it by hand.`;
    }
  });
  els.download.addEventListener("click", async () => {
    await settled();
    if (!result) return;
    const name = cleanName(state.source);
    downloadText(result.text, name);
    els.status.textContent = `Downloaded the clean text as ${name}.`;
  });
  window.addEventListener("hashchange", () => applyHash());
  attachTooltip(els.annotated, els.tip, "mark.edit", (mark) => {
    const edit = result.edits.get(Number(mark.dataset.i));
    const steps = edit.steps?.length > 1 ? edit.steps : [edit];
    return {
      title: `${edit.pass} · ${edit.rule}`,
      lines: steps.length > 1 ? steps.map((s, k) => `${k + 1}. ${s.pass} · ${s.rule}: ${s.reason}`) : [edit.reason],
    };
  });
}

async function main() {
  for (const ex of EXAMPLES) els.example.append(new Option(ex.title, ex.id));
  let info;
  try {
    info = await engine.init();
  } catch (err) {
    showError(new Error(`textscrub did not load (${err.message}). Build it with \`npm run build\`.`));
    return;
  }
  passList = info.passes;
  els.version.textContent = `textscrub ${info.version}`;
  buildSwitches(els.passes, passList, (name, on) => {
    const pass = passByName(name);
    if (on === presetRuns(state.preset, pass)) state.overrides.delete(name);
    else state.overrides.set(name, on);
    setSwitches(els.passes, (n) => passRuns(state, passByName(n)));
    cleanNow();
  });
  wire();
  if (!location.hash) {
    setSwitches(els.passes, (name) => passRuns(state, passByName(name)));
    await loadExample(EXAMPLES[0].id);
  } else {
    await applyHash();
  }
  document.documentElement.dataset.ready = "true";
}

main();
