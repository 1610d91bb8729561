// Getting text in from a file (open or drop) and the clean text out (copy,
// download). Files are read as bytes: their encoding is unknown, so the page
// hands them to cleanBytes, which decodes them.

/** Calls `onFile(file)` for a file chosen in `input` or dropped anywhere on the page. */
export function acceptFiles({ input, overlay }, onFile) {
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) onFile(file);
    input.value = "";
  });
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  document.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    overlay.hidden = false;
  });
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    // Never let the browser open the file in place of the page.
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer.files?.[0];
    if (file) onFile(file);
  });
}

/** Whether `file` looks like plain text we can clean (by name or type). */
export function looksLikeText(file) {
  return /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/") || file.type === "";
}

/** Copies `text` to the clipboard. Resolves when done; rejects when the browser refuses. */
export async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  throw new Error("this browser does not allow copying here");
}

/** Offers `text` as a UTF-8 `.txt` download called `name`. */
export function downloadText(text, name) {
  const blob = new Blob([text], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name for the clean text of `source` (a file name, or null). */
export function cleanName(source) {
  if (!source) return "textscrub-clean.txt";
  const base = source.replace(/\.[^.]*$/, "");
  return `${base}.clean.txt`;
}
