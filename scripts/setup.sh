#!/usr/bin/env bash
# Sets up a fresh machine for textscrub and builds it: installs only what is
# missing or at the wrong version, then builds the CLI and the npm package.
# Safe to run again: every step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# wasm-bindgen's CLI must match the library version pinned in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)

step() { printf '\n==> %s\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "wasm-pack $WASM_PACK_VERSION"
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" = "$WASM_PACK_VERSION" ]; then
  echo "already installed"
else
  cargo install --locked "wasm-pack@$WASM_PACK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then
  echo "already installed"
else
  # Not --locked: the CLI's own lockfile asks for a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "Chromium and ChromeDriver (Debian packages)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "already installed"
else
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

step "SCOWL word lists (Debian packages; the casing lexicon's generator reads them)"
if [ -f /usr/share/dict/american-english ] && [ -f /usr/share/dict/american-english-huge ] && [ -f /usr/share/dict/british-english-huge ]; then
  echo "already installed"
else
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wamerican wamerican-huge wbritish-huge
fi

SPACY_LOOKUPS_VERSION=1.0.5
step "spacy-lookups-data $SPACY_LOOKUPS_VERSION (PyPI; the casing lexicon's generator reads its English word frequencies)"
if [ "$(python3 -c 'import importlib.metadata as m; print(m.version("spacy-lookups-data"))' 2>/dev/null)" = "$SPACY_LOOKUPS_VERSION" ]; then
  echo "already installed"
else
  python3 -m pip install --quiet --no-deps "spacy-lookups-data==$SPACY_LOOKUPS_VERSION"
fi

step "npm packages (from package-lock.json)"
npm ci --no-audit --no-fund

step "CLI (cargo build --release)"
cargo build --release

step "npm package (www/pkg)"
bash scripts/build-wasm.sh
