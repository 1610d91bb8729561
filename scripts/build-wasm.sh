#!/usr/bin/env bash
# Builds the npm package into www/pkg with wasm-pack, size-optimised.
# Uses npm's binaryen (node_modules/.bin/wasm-opt): Debian's older wasm-opt
# produces modules that fail in Chromium (see README, "Building").
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
lock_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
cli_version=$(wasm-bindgen --version | awk '{print $2}')
if [ "$lock_version" != "$cli_version" ]; then
  echo "build-wasm: Cargo.lock pins wasm-bindgen $lock_version but the installed CLI is $cli_version" >&2
  exit 1
fi
wasm-pack build --mode no-install --profile wasm-release --target web --out-dir www/pkg --out-name textscrub \
  -- --no-default-features --features wasm
