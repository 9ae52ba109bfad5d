#!/usr/bin/env bash
# Throughput and memory of `pressroom batch` on a large folder: a measurement,
# not a test (nothing here passes or fails on a timing).
#
#   bench/batch.sh                      # 10,000 releases, xml+txt and all formats, -j1 and -j2
#   N=2000 FORMATS=all JOBS="1 2 4" bench/batch.sh
#   PRESSROOM=/path/to/pressroom bench/batch.sh   # an existing (Release) binary
#
# The folder is generated under /tmp (never in the checkout) from the
# releases of ../shared/corpus/raw (the inputs its expected/ marks as
# releases), copied round-robin into folders of 100 files, and removed at
# the end (KEEP=1 keeps it). Each run starts from an empty output folder.
# Peak memory is GNU time's "Maximum resident set size" of the whole
# process; files/s is inputs divided by wall-clock seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
FORMATS=${FORMATS:-"xml,txt all"}
JOBS=${JOBS:-"1 2"}
CORPUS=${CORPUS:-../shared/corpus}

if [ -z "${PRESSROOM:-}" ]; then
  # The release preset's build (build-release/), beside the dev build.
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target pressroom >build-release/build.log 2>&1 ||
    { tail -30 build-release/build.log >&2; exit 1; }
  PRESSROOM=build-release/pressroom
fi
[ -x /usr/bin/time ] || { echo "bench/batch.sh needs GNU time (Debian package 'time')" >&2; exit 1; }
[ -d "$CORPUS/raw" ] || { echo "no corpus at $CORPUS (set CORPUS=)" >&2; exit 1; }
CORPUS=$(cd "$CORPUS" && pwd)

work=$(mktemp -d /tmp/pressroom-bench-XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

# The releases of the corpus (not the inputs that hold none).
# expected/NAME.EXT.json describes raw/NAME.EXT.
mapfile -t releases < <(cd "$CORPUS/expected" && grep -l '"is_release": *true' ./*.json |
  sed 's|^\./||; s|\.json$||' | while read -r name; do [ -f "$CORPUS/raw/$name" ] && echo "$CORPUS/raw/$name"; done)
[ ${#releases[@]} -gt 0 ] || { echo "no releases found in $CORPUS" >&2; exit 1; }
echo "generating $N releases from ${#releases[@]} corpus releases in $work/in" >&2
# One process for all the copies (a cp per file is slow on a busy machine).
python3 - "$work/in" "$N" "${releases[@]}" <<'PY'
import os, shutil, sys
root, n, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for i in range(n):
    src = sources[i % len(sources)]
    folder = os.path.join(root, "d%03d" % (i // 100))
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(src, os.path.join(folder, "%05d-%s" % (i, os.path.basename(src))))
PY

# The machine may be shared: what share of its cores a run got says how far
# -j could scale (CPU% = user+system time / wall time; 200% = two cores).
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-8s %4s %10s %10s %6s %12s %6s\n' formats jobs seconds files/s CPU% "peak RSS MB" exit
for formats in $FORMATS; do
  for j in $JOBS; do
    rm -rf "$work/out"
    /usr/bin/time -v -o "$work/time.txt" "$PRESSROOM" batch -q -t "$formats" -j "$j" "$work/in" -o "$work/out" \
      >/dev/null 2>"$work/err.txt" && status=0 || status=$?
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
    rate=$(awk -v n="$N" -v s="$secs" 'BEGIN {printf "%.1f", n / s}')
    cpu=$(awk -F': ' '/Percent of CPU this job got/ {print $2}' "$work/time.txt")
    printf '%-8s %4s %10s %10s %6s %12s %6s\n' "$formats" "$j" "$secs" "$rate" "$cpu" "$rss" "$status"
  done
done
# A second run over the same folder: what an incremental run costs when
# nothing changed.
/usr/bin/time -v -o "$work/time.txt" "$PRESSROOM" batch -q -t all -j 2 "$work/in" -o "$work/out" >/dev/null 2>&1 || true
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s}' "$work/time.txt")
echo "second run (nothing to do), -t all -j 2: ${secs} s" >&2
