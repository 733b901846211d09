#!/usr/bin/env bash
# What every request pays (issue 22): the cheapest route (/robots.txt, no database) without and with an API token, and
# an unknown API path (the /api 404 fallback), measured as a client feels it: real HTTP on loopback against the Release
# API, wrk with 32 connections.
#
#   bench/request-costs.sh                        # this checkout
#   bench/request-costs.sh /tmp/before            # and another checkout (e.g. `git archive main | tar -x -C /tmp/before`),
#                                                 # each figure measured on both back to back, before first
#   BENCH_DURATION=30s bench/request-costs.sh     # longer runs (default 15s per figure); BENCH_NO_BUILD=1 skips the builds
#
# Each API runs in Production on a fresh SQLite database in $BENCH_DIR (default /tmp/marketplace-request-costs) with one
# worker signed up and one API token made through the API. Needs wrk (Debian: apt-get install wrk), curl and python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_DIR:-/tmp/marketplace-request-costs}
DURATION=${BENCH_DURATION:-15s}
PORT=${BENCH_PORT:-5101}
CONNECTIONS=32
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

declare -a CHECKOUTS=() LABELS=()
if [ $# -ge 1 ]; then CHECKOUTS+=("$(cd "$1" && pwd)"); LABELS+=("before"); fi
CHECKOUTS+=("$ROOT"); LABELS+=("$([ $# -ge 1 ] && echo after || echo now)")

declare -a PIDS=() BASES=() TOKENS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

for i in "${!CHECKOUTS[@]}"; do
  dir=${CHECKOUTS[$i]}
  [ -n "${BENCH_NO_BUILD:-}" ] || dotnet build "$dir/api/Marketplace.Api.csproj" -c Release -p:SkipWebClient=true -v quiet -nologo >/dev/null
  base="http://127.0.0.1:$((PORT + i))"
  (cd "$dir/api/bin/Release/net10.0" && exec dotnet Marketplace.Api.dll --urls "$base" --environment Production \
      "--ConnectionStrings:Marketplace=Data Source=$OUT/${LABELS[$i]}.db" \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning \
      >"$OUT/api-${LABELS[$i]}.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 1; done
  jar="$OUT/cookies-${LABELS[$i]}.txt"
  account='{"email":"bench@test.example","password":"bench marks the request costs","displayName":"Bench","role":"worker"}'
  curl -sf -o /dev/null -H 'content-type: application/json' -d "$account" "$base/api/auth/register"
  curl -sf -o /dev/null -c "$jar" -H 'content-type: application/json' \
       -d '{"email":"bench@test.example","password":"bench marks the request costs"}' "$base/api/auth/login"
  token=$(curl -sf -b "$jar" -H 'X-CSRF: 1' -H 'content-type: application/json' -d '{"name":"bench"}' "$base/api/tokens" |
          python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
  # The token works, and the unknown path is the API's 404 problem.
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base/api/me"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/no-such-route")" = 404 ]
  BASES+=("$base"); TOKENS+=("$token")
done

declare -a NAMES=("/robots.txt without a token" "/robots.txt with a bearer token" "an unknown API path (404)")
measure() { # base, path, [header]
  local args=(-t2 -c"$CONNECTIONS")
  [ -n "${3:-}" ] && args+=(-H "$3")
  wrk "${args[@]}" -d2s "$1$2" >/dev/null  # warm-up
  wrk "${args[@]}" -d"$DURATION" --latency "$1$2"
}
report="$OUT/results.md"
{
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| request | build | requests/s | p50 | p99 |"
  echo "|---|---|---:|---:|---:|"
} >"$report"
for n in "${!NAMES[@]}"; do
  for i in "${!BASES[@]}"; do
    case $n in
      0) result=$(measure "${BASES[$i]}" /robots.txt) ;;
      1) result=$(measure "${BASES[$i]}" /robots.txt "Authorization: Bearer ${TOKENS[$i]}") ;;
      2) result=$(measure "${BASES[$i]}" /api/no-such-route) ;;
    esac
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    errors=$(echo "$result" | awk '/Socket errors/ {print}')
    printf '| %s | %s | %s | %s | %s |\n' "${NAMES[$n]}" "${LABELS[$i]}" "$(printf '%.0f' "$rps")" "$p50" "$p99" >>"$report"
    [ -n "$errors" ] && echo "  note (${LABELS[$i]}, ${NAMES[$n]}): $errors" >&2
  done
done
{ echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; } >>"$report"
cat "$report"
