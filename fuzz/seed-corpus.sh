#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the real files it reads: the kata
# descriptions and the committed fixtures. The corpora are not committed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/catalog_parse corpus/fixture_read_npz
cp ../katas/*.toml corpus/catalog_parse/
rm -f corpus/catalog_parse/Cargo.toml
for f in ../fixtures/*/*.npz; do
  kata=$(basename "$(dirname "$f")")
  cp "$f" "corpus/fixture_read_npz/${kata}-$(basename "$f")"
done
echo "seeded $(ls corpus/catalog_parse | wc -l) descriptions and $(ls corpus/fixture_read_npz | wc -l) fixtures"
