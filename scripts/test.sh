#!/usr/bin/env bash
# Runs every test of textscrub: formatting, lints, Rust tests, wasm tests in Node
# and in headless Chromium, the JS suite against the built package, benchmarks
# in test mode, and the demo page's browser tests. Run scripts/setup.sh first.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

passed=0
failed=0
failures=()
run() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

run "cargo fmt --check" cargo fmt --all -- --check
run "clippy (native)" cargo clippy --all-targets -- -D warnings
run "clippy (wasm)" cargo clippy --no-default-features --features wasm --target wasm32-unknown-unknown -- -D warnings
run "Rust tests (unit, golden, doc)" cargo test
run "benchmarks build and run once" cargo test --benches
run "generated tables are up to date" bash scripts/check-generated.sh
run "wasm tests in Node" wasm-pack test --node --mode no-install -- --no-default-features --features wasm --test wasm_node
run "wasm tests in headless Chromium" wasm-pack test --headless --chrome --mode no-install -- --no-default-features --features wasm --test wasm_browser
run "npm package build" bash scripts/build-wasm.sh
run "JS suite against the built package" node --test tests/js/
run "JS benchmark runs" node bench-js/bench.mjs --quick
if [ -d www/tests ]; then
  run "demo page browser tests" node --test --test-concurrency=1 www/tests/
fi

printf '\n'
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
