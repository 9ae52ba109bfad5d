#!/bin/sh
# Runs ../shared/corpus/score with the built binary and prints its result.
# Exit 77 (CTest: skipped) when the corpus is absent.
#   tests/corpus_score.sh BINARY [MIN_PERCENT]
# With MIN_PERCENT, fails when the score is below it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="${PRESSROOM_CORPUS:-$here/../shared/corpus}"
if [ ! -x "$corpus/score" ]; then
  echo "corpus not found at $corpus: skipped"
  exit 77
fi
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }
out=$("$corpus/score" -v --cmd "$1 convert -t xml --stdout {}")
echo "$out"
if [ $# -ge 2 ]; then
  pct=$(echo "$out" | sed -n 's/^score: .*(\([0-9.]*\)%).*/\1/p')
  awk -v p="$pct" -v m="$2" 'BEGIN { exit !(p >= m) }' || { echo "score $pct% is below $2%"; exit 1; }
fi
