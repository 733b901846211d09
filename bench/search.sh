#!/usr/bin/env bash
# The public board and search under load (issue 12), measured as a visitor feels it: real HTTP on loopback against the
# Release API, wrk with 32 connections, beside a bare route of the same server that touches no database.
#
#   bench/search.sh                    # 10,000, 100,000 and 1,000,000 jobs
#   bench/search.sh 10000 100000       # some sizes only
#   BENCH_DURATION=30s bench/search.sh # longer runs (default 15s per scenario); BENCH_NO_BUILD=1 skips the build
#
# Databases are generated once into $BENCH_DIR (default /tmp/marketplace-bench; 1,000,000 jobs take a few minutes and
# about 2 GB) by `dotnet run --project tests/Marketplace.Benchmarks -- seed-board PATH JOBS` (BoardData.cs) and reused.
# Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_DIR:-/tmp/marketplace-bench}
DURATION=${BENCH_DURATION:-15s}
PORT=${BENCH_PORT:-5099}
CONNECTIONS=32
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"

[ -n "${BENCH_NO_BUILD:-}" ] || SkipWebClient=true dotnet build "$ROOT/Marketplace.sln" -c Release -v quiet -nologo >/dev/null
API_DIR="$ROOT/api/bin/Release/net10.0"

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
BASE="http://127.0.0.1:$PORT"
COMMON="/api/jobs?q=$(enc 翻訳)"
declare -a NAMES=("bare route (404, no database)" "first page of the board" "common word: 翻訳" "rare word (1 in 1,000): こけし"
                  "two-character word + category + region: 英訳, translation, 長野県" "next page by cursor (翻訳, relevance)")

for size in "${SIZES[@]}"; do
  db="$OUT/board-$size.db"
  if [ ! -f "$db" ]; then
    dotnet run -c Release --no-build --project "$ROOT/tests/Marketplace.Benchmarks" -- seed-board "$db" "$size"
  fi
  (cd "$API_DIR" && exec dotnet Marketplace.Api.dll --urls "$BASE" --environment Production \
      "--ConnectionStrings:Marketplace=Data Source=$db" --Site:VisitorReadsPerMinute=1000000000 \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning \
      >"$OUT/api-$size.log" 2>&1) &
  api=$!
  trap 'kill $api 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
  cursor=$(curl -sf "$BASE$COMMON" | python3 -c 'import sys, json; print(json.load(sys.stdin)["nextCursor"])')
  declare -a PATHS=("/api/no-such-route" "/api/jobs" "$COMMON" "/api/jobs?q=$(enc こけし)"
                    "/api/jobs?q=$(enc 英訳)&category=translation&region=$(enc 長野県)" "$COMMON&cursor=$cursor")
  # Each answer once, to show what is measured (items and total).
  for i in 1 2 3 4 5; do
    curl -sf "$BASE${PATHS[$i]}" | python3 -c 'import sys, json; d = json.load(sys.stdin); print("  check:", len(d["items"]), "items, total", d.get("total"), "+" if d.get("totalCapped") else "")'
  done
  report="$OUT/results-$size.md"
  {
    echo "### $size jobs — $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| request | requests/s | p50 | p99 | vs bare |"
    echo "|---|---:|---:|---:|---:|"
  } >"$report"
  bare=""
  for i in "${!PATHS[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d2s "$BASE${PATHS[$i]}" >/dev/null  # warm-up
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE${PATHS[$i]}")
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    errors=$(echo "$result" | awk '/Non-2xx/ {print $5}')
    [ -z "$bare" ] && bare=$rps
    ratio=$(python3 -c "print(f'{float(\"$rps\")/float(\"$bare\"):.2f}')")
    printf '| %s | %s | %s | %s | %s |\n' "${NAMES[$i]}" "$(printf '%.0f' "$rps")" "$p50" "$p99" "$ratio" >>"$report"
    [ -n "$errors" ] && [ "$i" -ne 0 ] && echo "  warning: $errors non-2xx answers for ${NAMES[$i]}" >&2
  done
  echo "" >>"$report"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
  kill $api; wait $api 2>/dev/null || true
  trap - EXIT
  cat "$report"
done
