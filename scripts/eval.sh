#!/usr/bin/env bash
# Runs every evaluation against ../shared/data and writes the raw reports to docs/eval/.
# docs/accuracy.md summarises them by hand, with the weak spots.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
if [ ! -d "$data" ]; then echo "skipped: data pack not found"; exit 0; fi
cargo build --release -p hadath-cli
mkdir -p docs/eval
for what in time numbers ner events; do
  echo "== eval $what"
  ./target/release/hadath eval "$what" --data "$data" -o "docs/eval/$what.md" > /dev/null
done
echo "reports in docs/eval/"
