// The npm package as a user gets it: `npm pack` the built package, install the
// tarball into a fresh Node project, import it by name and use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = fileURLToPath(new URL("../../www/pkg/", import.meta.url));

test("the packed tarball installs into a fresh project and works by name", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "textscrub-pkg-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const npm = (...args) => execFileSync("npm", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const tarball = npm("pack", pkgDir, "--silent").trim().split("\n").at(-1);
  assert.ok(existsSync(join(dir, tarball)), "npm pack should produce a tarball");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  npm("install", "--offline", "--no-audit", "--no-fund", `./${tarball}`);

  const meta = JSON.parse(readFileSync(join(dir, "node_modules/textscrub/package.json"), "utf8"));
  assert.equal(meta.name, "textscrub", "should be published as textscrub");
  assert.ok(meta.license, "should declare a licence");
  assert.ok(meta.types, "should ship TypeScript types");
  const types = readFileSync(join(dir, "node_modules/textscrub", meta.types), "utf8");
  assert.match(types, /export interface Options/, "types should declare Options");
  assert.match(types, /export function clean\(text: string, options\?: Options/, "types should type clean's options");
  assert.ok(existsSync(join(dir, "node_modules/textscrub/README.md")), "should ship a README");

  writeFileSync(
    join(dir, "use.mjs"),
    `import { readFileSync } from "node:fs";
import init, { clean } from "textscrub";
await init({ module_or_path: readFileSync(new URL("textscrub_bg.wasm", import.meta.resolve("textscrub"))) });
process.stdout.write(JSON.stringify(clean("Read\\u00a0the \\u0421omment")));`,
  );
  const out = JSON.parse(execFileSync("node", ["use.mjs"], { cwd: dir, encoding: "utf8" }));
  assert.equal(out.text, "Read the Comment", "should clean through the installed package");
  assert.ok(out.edits.length >= 2, "should report the edits");
});
