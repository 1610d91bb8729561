#!/usr/bin/env bash
# Regenerates every generated table from its generator and fails if the checked-in
# copy differs (the generators are listed here as they are added).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {
  local generated=$1
  shift
  local tmp
  tmp=$(mktemp)
  if ! "$@" >"$tmp"; then
    echo "generator for $generated failed"
    status=1
  elif ! cmp -s "$tmp" "$generated"; then
    echo "$generated is out of date: rerun $*"
    diff "$generated" "$tmp" | head -20
    status=1
  else
    echo "$generated is up to date"
  fi
  rm -f "$tmp"
}
# Generators that check themselves (regenerate in memory, diff, exit non-zero):
python3 tools/gen_encoding_tables.py --check || status=1
python3 tools/gen_casing_lexicon.py --check || status=1
echo "generated tables checked"
exit $status
