// The page's state as options for `clean` and as a shareable `location.hash`.
//
//   #preset=gentle&off=whitespace&on=residue&view=plain&text=Hello%C2%A0world
//   #example=news
//
// `on`/`off` list the passes switched away from the preset's choice. Short
// inputs travel in `text` (so a case can be shared as a link); longer ones are
// left out, and an unchanged example is named instead of copied.

export const PRESETS = ["article", "gentle"];
export const HASH_TEXT_LIMIT = 2000;

/** Whether `pass` runs under `preset` when not switched by name. */
export function presetRuns(preset, pass) {
  return preset === "article" || pass.gentle;
}

/** The options object for `clean`: the preset plus each pass switched away from it. */
export function toOptions(state) {
  const options = { preset: state.preset };
  for (const [name, on] of state.overrides) options[name] = on;
  return options;
}

/** Whether `pass` runs in `state`. */
export function passRuns(state, pass) {
  return state.overrides.has(pass.name) ? state.overrides.get(pass.name) : presetRuns(state.preset, pass);
}

/** `state` as a hash string (with the leading `#`, or "" when everything is default). */
export function encodeHash(state) {
  const params = new URLSearchParams();
  if (state.preset !== "article") params.set("preset", state.preset);
  const on = [...state.overrides].filter(([, v]) => v).map(([k]) => k);
  const off = [...state.overrides].filter(([, v]) => !v).map(([k]) => k);
  if (on.length) params.set("on", on.join(","));
  if (off.length) params.set("off", off.join(","));
  if (state.view !== "annotated") params.set("view", state.view);
  if (state.example) params.set("example", state.example);
  else if (state.text && state.text.length <= HASH_TEXT_LIMIT) params.set("text", state.text);
  const s = params.toString().replace(/\+/g, "%20");
  return s ? `#${s}` : "";
}

/**
 * Reads a hash into a state. Passes not in `passes` and unknown values are
 * ignored (a link made with a newer version still opens), and listed in `ignored`.
 */
export function decodeHash(hash, passes) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const names = new Set(passes.map((p) => p.name));
  const ignored = [];
  const state = { preset: "article", overrides: new Map(), view: "annotated", text: null, example: null, ignored };
  const preset = params.get("preset");
  if (preset !== null) {
    if (PRESETS.includes(preset)) state.preset = preset;
    else ignored.push(`preset “${preset}”`);
  }
  for (const [key, value] of [["on", true], ["off", false]]) {
    for (const name of (params.get(key) ?? "").split(",").filter(Boolean)) {
      if (names.has(name)) state.overrides.set(name, value);
      else ignored.push(`pass “${name}”`);
    }
  }
  const view = params.get("view");
  if (view === "plain" || view === "annotated") state.view = view;
  if (params.has("text")) state.text = params.get("text");
  else if (params.has("example")) state.example = params.get("example");
  return state;
}
