#!/usr/bin/env bash
# The PDF writer's CPU time per release, for two pressroom binaries (say a
# build of main and one of a branch): a measurement, not a test.
#
#   bench/pdf_writer.sh BEFORE AFTER [ROUNDS]    # two Release binaries; ROUNDS default 5
#
# Each binary converts the same release XML files (the corpus's convertible
# releases, made once by BEFORE) to PDF in one process, and to release XML
# in another: the difference is the PDF writer (fonts, layout, libharu),
# less reading the XML, which both runs pay. CPU time (user + system, GNU
# time) rather than wall time, since the machine is shared; the two binaries
# take turns, ROUNDS times, and the median counts. Prints ms per release for
# each and the ratio AFTER / BEFORE. A binary copied away from its build
# folder needs PRESSROOM_DATA_DIR (its share/pressroom).
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1
AFTER=$2
ROUNDS=${3:-5}
CORPUS=${CORPUS:-../shared/corpus}
[ -x /usr/bin/time ] || { echo "bench/pdf_writer.sh needs GNU time (Debian package 'time')" >&2; exit 1; }
[ -d "$CORPUS/raw" ] || { echo "no corpus at $CORPUS (set CORPUS=)" >&2; exit 1; }

work=$(mktemp -d /tmp/pressroom-pdf-writer.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/xml"
# The releases BEFORE converts (the others it refuses: not releases).
"$BEFORE" convert -q -t xml -o "$work/xml" "$CORPUS"/raw/* 2>/dev/null || true
n=$(find "$work/xml" -name '*.xml' | wc -l)
[ "$n" -gt 0 ] || { echo "no release converted" >&2; exit 1; }

cpu() {  # cpu BINARY FORMAT: CPU seconds of one conversion of every file
  rm -rf "$work/out" && mkdir "$work/out"
  /usr/bin/time -f '%U %S' -o "$work/time" "$1" convert -q -t "$2" -o "$work/out" "$work"/xml/*.xml ||
    { echo "$1 failed on the release XML" >&2; return 1; }
  awk '{ printf "%.3f\n", $1 + $2 }' "$work/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/before" && : >"$work/after"
for _ in $(seq "$ROUNDS"); do
  for which in before after; do
    bin=$BEFORE && [ "$which" = after ] && bin=$AFTER
    pdf=$(cpu "$bin" pdf) || exit 1
    xml=$(cpu "$bin" xml) || exit 1
    echo "$pdf $xml" | awk -v n="$n" '{ printf "%.3f\n", ($1 - $2) * 1000 / n }' >>"$work/$which"
  done
done
b=$(median <"$work/before")
a=$(median <"$work/after")
echo "releases: $n, rounds: $ROUNDS"
echo "before: $b ms per release   (rounds: $(tr '\n' ' ' <"$work/before"))"
echo "after:  $a ms per release   (rounds: $(tr '\n' ' ' <"$work/after"))"
echo "$a $b" | awk '{ printf "ratio after/before: %.3f\n", $1 / $2 }'
