// The examples offered on the page: texts in www/examples/, written for this
// demo in the style of text scraped from the web. They are fetched as bytes and
// decoded by cleanBytes, exactly like a file the user opens.

export const EXAMPLES = [
  { id: "news", title: "News page with share buttons and comments", file: "news-page.txt" },
  { id: "translated", title: "Machine-translated article", file: "translated-article.txt" },
  { id: "mojibake", title: "Mojibake in several languages", file: "mojibake.txt" },
  { id: "legacy", title: "Old Windows-1252 file", file: "windows-1252.txt" },
];

/** The example called `id`, or undefined. */
export function findExample(id) {
  return EXAMPLES.find((e) => e.id === id);
}

/** Fetches the bytes of `example` from this site. */
export async function fetchExample(example) {
  const response = await fetch(new URL(`examples/${example.file}`, document.baseURI));
  if (!response.ok) throw new Error(`could not load the example “${example.title}” (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
