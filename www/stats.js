// The figures of one run: changes, time taken, throughput, sizes, and where it ran.

export function formatBytes(n) {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}

export function formatMs(ms) {
  if (ms < 0.1) return "< 0.1 ms";
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Megabytes of input per second, or null when the run was too quick to measure. */
export function throughput(bytes, ms) {
  if (ms < 0.1) return null;
  return bytes / 1e6 / (ms / 1000);
}

function formatRate(mbs) {
  if (mbs >= 10) return String(Math.round(mbs));
  if (mbs >= 1) return mbs.toFixed(1);
  return mbs.toPrecision(2);
}

/** Renders the figures into the <dl> `root`. */
export function renderStats(root, { edits, stats, ms, where }) {
  const mbs = throughput(stats.inputBytes, ms);
  const rows = [
    ["Changes", edits.length.toLocaleString("en")],
    ["Time", formatMs(ms)],
    ["Speed", mbs === null ? "too quick to measure" : `${formatRate(mbs)} MB/s`],
    ["Size", `${formatBytes(stats.inputBytes)} → ${formatBytes(stats.outputBytes)}`],
    ["Ran in", where === "worker" ? "a background worker" : "the page"],
  ];
  root.replaceChildren();
  for (const [k, v] of rows) {
    const div = document.createElement("div");
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dd.dataset.stat = k.toLowerCase().replace(/\s+/g, "-");
    div.append(dt, dd);
    root.append(div);
  }
}
