#!/bin/sh
# Runs ../shared/corpus/score with the built binary and prints its result.
# Exit 77 (CTest: skipped) when the corpus is absent.
#   tests/corpus_score.sh BINARY [MIN_PERCENT | FLOOR_FILE]
# With a floor (a number, or a file such as tests/corpus_score_floor whose
# one line that is not a comment is the number), fails when the score is
# below it, and says so when the score has risen above it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="${PRESSROOM_CORPUS:-$here/../shared/corpus}"
if [ ! -x "$corpus/score" ]; then
  echo "corpus not found at $corpus: skipped"
  exit 77
fi
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }
floor=
if [ $# -ge 2 ]; then
  floor=$2
  if [ -f "$2" ]; then
    floor=$(grep -v '^[[:space:]]*#' "$2" | tr -d '[:space:]')
  fi
  case "$floor" in
    ''|*[!0-9.]*) echo "no floor in '$2'"; exit 1 ;;
  esac
fi
out=$("$corpus/score" -v --cmd "$1 convert -t xml --stdout {}")
echo "$out"
if [ -n "$floor" ]; then
  pct=$(echo "$out" | sed -n 's/^score: .*(\([0-9.]*\)%).*/\1/p')
  [ -n "$pct" ] || { echo "no score line in the output"; exit 1; }
  awk -v p="$pct" -v m="$floor" 'BEGIN { exit !(p >= m) }' || { echo "score $pct% is below the floor $floor% ($2)"; exit 1; }
  if awk -v p="$pct" -v m="$floor" 'BEGIN { exit !(p > m) }'; then
    echo "score $pct% is above the floor $floor%: raise it ($2)"
  fi
fi
