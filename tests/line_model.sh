#!/bin/sh
# The shipped line model (rules/line-model.json) is what the training script
# makes from the corpora, byte for byte (issue 13): retrains with the built
# binary's features and compares. Exit 77 (CTest: skipped) without the
# corpora or without the training packages (python3-sklearn, python3-numpy,
# which scripts/test installs).
#   tests/line_model.sh BINARY
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/../shared/corpus"
scale="$here/../shared/corpus-scale"
if [ ! -d "$corpus/expected" ] || [ ! -d "$scale/expected" ]; then
  echo "corpora not found beside the project: skipped"
  exit 77
fi
if ! /usr/bin/python3 -c 'import sklearn, numpy' 2>/dev/null; then
  echo "python3-sklearn or python3-numpy missing: skipped"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$here/scripts/train-classifier" --binary "$1" --out "$out/line-model.json" >"$out/log" 2>&1 || {
  cat "$out/log"; echo "the training script failed"; exit 1; }
tail -6 "$out/log"
if cmp -s "$out/line-model.json" "$here/rules/line-model.json"; then
  echo "rules/line-model.json is the training script's output, byte for byte"
else
  echo "rules/line-model.json differs from what scripts/train-classifier makes from the corpora:"
  diff "$here/rules/line-model.json" "$out/line-model.json" | head -20
  echo "retrain (scripts/train-classifier) and commit the model with the change that moved it"
  exit 1
fi
