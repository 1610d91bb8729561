// Loads the built npm package (www/pkg, made by `npm run build`) in Node.
// In Node, `init` takes the wasm bytes; in a browser `await init()` fetches them.
import { readFileSync } from "node:fs";
import init, * as textscrub from "../../www/pkg/textscrub.js";

const wasm = new URL("../../www/pkg/textscrub_bg.wasm", import.meta.url);
await init({ module_or_path: readFileSync(wasm) });

export default textscrub;
