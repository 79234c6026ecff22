#!/usr/bin/env bash
# Load test of the web pages with wrk (Debian package `wrk`) against a running server.
# Usage: bench/pages.sh BASE_URL ARTICLES ENTITIES SOURCES [SECONDS] [CONNECTIONS]
#   e.g. bench/pages.sh http://127.0.0.1:8080 100000 250000 40 30 8
# The counts are the ids to draw from (lente stats, or the line PagesServe prints). Runs each page kind
# alone (p95 per kind), then the mixed load (rate); two wrk threads.
set -euo pipefail
base=${1:?base URL}; export ARTICLES=${2:?articles}; export ENTITIES=${3:?entities}; export SOURCES=${4:?sources}
secs=${5:-20}; conns=${6:-8}
here=$(cd "$(dirname "$0")" && pwd)
for kind in article entity home search source mix; do
  KIND=$kind wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$here/pages.lua" "$base" | grep '^kind='
done
