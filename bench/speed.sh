#!/usr/bin/env bash
# speed.sh: side-by-side extraction speed, Mozilla Readability vs Lente, on the
# same HTML pages, each pinned to ONE core (taskset -c 0) so figures are per core.
#
# Usage:  bench/speed.sh [--repeat N] PATH...
#   PATH: a page or a directory of pages (*.html, *.htm, gzip), walked recursively.
#   --repeat N: process the whole list N times (e.g. to reach ~1,000 pages).
#
# (a) Readability: bench/readability/run.mjs in one Node process; its seconds run
#     from the first page to the last (Node/module start-up excluded); peak RSS
#     from process.resourceUsage().maxRSS.
# (b) Lente: `bin/lente extract --json PATH...` (PATH list given N times), stdout
#     to /dev/null; wall time and peak RSS from `/usr/bin/time -f '%e %M'`, so
#     JVM start-up is included (an untimed one-page warm-up runs first so a
#     first-run build is not); the median of LENTE_RUNS runs (default 3).
#     Lente's page count = number of input pages.
# Prints a Markdown table and the ratio of Lente's pages/s to Readability's.
# Runs `npm ci` in bench/readability first if node_modules is missing.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
LENTE=${LENTE:-$ROOT/bin/lente}   # override with LENTE=/path/to/lente

repeat=1
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat=${2:?--repeat needs N}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat needs a positive integer" >&2; exit 2; }
[ ${#paths[@]} -gt 0 ] || { echo "usage: bench/speed.sh [--repeat N] PATH..." >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset is missing (apt-get install util-linux)" >&2; exit 1; }

# List input pages, one a line, with the same rule as run.mjs: a PATH named
# directly is a page; in directories, *.html / *.htm / *.gz files or files
# starting with the gzip magic bytes 1f 8b.
list_pages() {
  local p f
  for p in "$@"; do
    if [ -d "$p" ]; then
      while IFS= read -r -d '' f; do
        case "${f,,}" in
          *.html|*.htm|*.gz) echo "$f" ;;
          *) if [ "$(head -c 2 "$f" | od -An -tx1 | tr -d ' \n')" = "1f8b" ]; then echo "$f"; fi ;;
        esac
      done < <(find "$p" -type f -print0 | sort -z)
    elif [ -f "$p" ]; then
      echo "$p"
    fi
  done
}

# --- (a) Readability -------------------------------------------------------
if [ ! -d "$BENCH/readability/node_modules" ]; then
  echo "installing Readability bench dependencies (npm ci)..." >&2
  (cd "$BENCH/readability" && npm ci --no-audit --no-fund >&2)
fi
echo "running Readability..." >&2
rd_json=$(taskset -c 0 node "$BENCH/readability/run.mjs" --repeat "$repeat" "${paths[@]}")
field() { node -e 'const o=JSON.parse(process.argv[1]); console.log(o[process.argv[2]])' "$rd_json" "$1"; }
rd_pages=$(field pages); rd_failed=$(field failed); rd_secs=$(field seconds)
rd_pps=$(field pagesPerSecond); rd_rss=$(field peakRssMb)

# --- (b) Lente -------------------------------------------------------------
lente_row="| Lente | missing: $LENTE not found | | | |"
ratio=""
if [ -x "$LENTE" ]; then
  args=()
  for ((i = 0; i < repeat; i++)); do args+=("${paths[@]}"); done
  pages_list=$(list_pages "${paths[@]}")
  le_pages=$(( $(printf '%s\n' "$pages_list" | grep -c .) * repeat ))
  # Untimed warm-up on one page, so that bin/lente's first-run build is not counted.
  echo "warming up Lente (builds it if needed)..." >&2
  le_rc=0
  "$LENTE" extract --json "${pages_list%%$'\n'*}" >/dev/null || le_rc=$?
  if [ "$le_rc" -eq 0 ]; then
    echo "running Lente..." >&2
    if [ -x /usr/bin/time ]; then
      # Lente's run is short, so a noisy neighbour on a shared machine can swing one run by a third:
      # run it LENTE_RUNS times (default 3) and take the median time and the largest peak RSS.
      tfile=$(mktemp)
      runs=()
      le_kb=0
      for ((r = 0; r < ${LENTE_RUNS:-3}; r++)); do
        /usr/bin/time -o "$tfile" -f '%e %M' taskset -c 0 "$LENTE" extract --json "${args[@]}" >/dev/null || le_rc=$?
        read -r secs kb < <(tail -n 1 "$tfile")
        runs+=("$secs")
        [ "$kb" -gt "$le_kb" ] && le_kb=$kb
      done
      rm -f "$tfile"
      le_secs=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
      echo "Lente runs (s): ${runs[*]}; median $le_secs" >&2
      le_rss=$(awk -v k="$le_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    else
      echo "/usr/bin/time is missing (apt-get install time): Lente peak RSS not measured" >&2
      t0=$(date +%s.%N)
      taskset -c 0 "$LENTE" extract --json "${args[@]}" >/dev/null || le_rc=$?
      le_secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
      le_rss="n/a (no /usr/bin/time)"
    fi
  fi
  if [ "$le_rc" -ne 0 ]; then
    echo "Lente failed (exit $le_rc); see its messages above" >&2
    lente_row="| Lente | failed (exit $le_rc) | | | |"
  else
    le_pps=$(awk -v n="$le_pages" -v s="$le_secs" 'BEGIN { printf "%.2f", (s > 0 ? n / s : 0) }')
    lente_row="| Lente | $le_pages | $le_secs | $le_pps | $le_rss |"
    ratio=$(awk -v a="$le_pps" -v b="$rd_pps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  fi
else
  echo "Lente is missing: $LENTE does not exist yet; only Readability was measured" >&2
fi

# --- report ----------------------------------------------------------------
echo "| tool | pages | seconds | pages/s per core | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| readability.js 0.6.0 (jsdom 27.0.0) | $rd_pages ($rd_failed failed) | $rd_secs | $rd_pps | $rd_rss |"
echo "$lente_row"
echo
if [ -n "$ratio" ]; then
  echo "Lente/Readability (pages/s): ${ratio}x"
else
  echo "Lente/Readability (pages/s): n/a (no Lente figure)"
fi
