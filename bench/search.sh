#!/usr/bin/env bash
# The public board and search under load (issues 12, 21 and 28), measured as a visitor feels it: real HTTP on loopback
# against the Release API, wrk with 32 connections, each request a different query (bench/rotate.lua rotating through
# at least 1,000 word, filter and sort combinations taken from the generated data), beside the cheapest route of the
# same server in the same run (/robots.txt: no database), on SQLite and on PostgreSQL.
#
#   bench/search.sh                          # both engines at 10,000, 100,000 and 1,000,000 jobs
#   bench/search.sh 10000 1000000            # some sizes only
#   BENCH_ENGINES=postgres bench/search.sh   # one engine (sqlite, postgres)
#   BENCH_BEFORE=/tmp/before bench/search.sh # and another checkout's build (e.g. `git archive main | tar -x -C /tmp/before`),
#                                            # each figure measured on both back to back, before first
#   BENCH_DURATION=30s (default 15s per figure); BENCH_NO_BUILD=1 skips the builds
#   BENCH_API_ARGS="--Search:DocumentCountSeconds=5"  # more settings for every API started (here: statistics that expire
#                                            # every 5 s instead of 10 minutes, so that a 15 s figure sees expiries)
#
# Databases are generated once into $BENCH_DIR (default /tmp/marketplace-bench) by the seeder
# (`dotnet run -c Release --project tests/Marketplace.Benchmarks -- seed-board TARGET JOBS`, BoardData.cs) and reused:
# SQLite files board-JOBS.db, and databases board_JOBS in a PostgreSQL cluster kept in $BENCH_DIR/pg (made with initdb
# on first use, started for the run on port $BENCH_PG_PORT, default 5498, and stopped at the end). A million jobs take
# ~25 minutes and 2.6 GB on SQLite, ~15 minutes on PostgreSQL (COPY) on the shared two-core machine. The requests are
# written by `… -- bench-queries FOLDER`; the next pages are the cursors of the common words' first pages, fetched at
# the start of each run. Every figure is printed with the load average when it started, and appended to
# $BENCH_DIR/results.tsv. Needs wrk (Debian: apt-get install wrk), curl, python3, and PostgreSQL's server programs for
# the PostgreSQL run (apt-get install postgresql).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_DIR:-/tmp/marketplace-bench}
DURATION=${BENCH_DURATION:-15s}
PORT=${BENCH_PORT:-5099}
PG_PORT=${BENCH_PG_PORT:-5498}
read -r -a ENGINES <<<"${BENCH_ENGINES:-sqlite postgres}"
read -r -a API_ARGS <<<"${BENCH_API_ARGS:-}"
CONNECTIONS=32
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"

declare -a CHECKOUTS=() LABELS=()
if [ -n "${BENCH_BEFORE:-}" ]; then CHECKOUTS+=("$(cd "$BENCH_BEFORE" && pwd)"); LABELS+=("before"); fi
CHECKOUTS+=("$ROOT"); LABELS+=("$([ -n "${BENCH_BEFORE:-}" ] && echo after || echo now)")
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  for dir in "${CHECKOUTS[@]}"; do
    SkipWebClient=true dotnet build "$dir/Marketplace.sln" -c Release -v quiet -nologo >/dev/null
  done
fi
SEEDER="$ROOT/tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll"
QUERIES="$OUT/queries"
dotnet "$SEEDER" bench-queries "$QUERIES" >/dev/null

# PostgreSQL: one cluster for every size, kept between runs (fsync off: it is rebuilt from the seeder, never restored).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
AS=()
[ "$(id -u)" -eq 0 ] && AS=(runuser -u postgres --)
PG_STARTED=""
pg_up() {
  [ -n "$PG_BIN" ] || { echo "PostgreSQL's server programs are missing: apt-get install postgresql" >&2; exit 1; }
  if [ ! -f "$OUT/pg/data/PG_VERSION" ]; then
    mkdir -p "$OUT/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$OUT/pg"
    "${AS[@]}" "$PG_BIN/initdb" -D "$OUT/pg/data" -A trust -U marketplace -E UTF8 --no-locale --no-sync >"$OUT/pg/initdb.log"
  fi
  if ! "${AS[@]}" "$PG_BIN/pg_ctl" -D "$OUT/pg/data" status >/dev/null 2>&1; then
    "${AS[@]}" "$PG_BIN/pg_ctl" -D "$OUT/pg/data" -l "$OUT/pg/server.log" -w -t 120 \
      -o "-p $PG_PORT -k $OUT/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB" \
      start >/dev/null
    PG_STARTED=1
  fi
}
pg_down() { [ -n "$PG_STARTED" ] && "${AS[@]}" "$PG_BIN/pg_ctl" -D "$OUT/pg/data" -m fast -w stop >/dev/null 2>&1 || true; }
psql_() { psql -X -q -t -A "host=127.0.0.1 port=$PG_PORT user=marketplace dbname=postgres" "$@"; }
pg_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=marketplace;Database=board_$1;Maximum Pool Size=64"; }

declare -a APIS=()
stop_apis() { for pid in "${APIS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; APIS=(); }
trap 'stop_apis; pg_down' EXIT

seed() { # engine, size
  if [ "$1" = sqlite ]; then
    [ -f "$OUT/board-$2.db" ] || dotnet "$SEEDER" seed-board "$OUT/board-$2.db" "$2"
  else
    pg_up
    if [ ! -f "$OUT/pg/board_$2.seeded" ]; then
      psql_ -c "DROP DATABASE IF EXISTS board_$2" -c "CREATE DATABASE board_$2"
      dotnet "$SEEDER" seed-board "postgres:$(pg_connection "$2")" "$2"
      touch "$OUT/pg/board_$2.seeded"
    fi
  fi
}

base_of() { echo "http://127.0.0.1:$((PORT + $1))"; }
start_api() { # build index, engine, size
  local database base
  base=$(base_of "$1")
  if [ "$2" = sqlite ]; then database=(--Database:Provider=sqlite "--ConnectionStrings:Marketplace=Data Source=$OUT/board-$3.db")
  else database=(--Database:Provider=postgres "--ConnectionStrings:Marketplace=$(pg_connection "$3")"); fi
  (cd "${CHECKOUTS[$1]}/api/bin/Release/net10.0" && exec dotnet Marketplace.Api.dll --urls "$base" --environment Production "${database[@]}" \
      --Site:VisitorReadsPerMinute=1000000000 ${API_ARGS[@]+"${API_ARGS[@]}"} \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning \
      >"$OUT/api-${LABELS[$1]}-$2-$3.log" 2>&1) &
  APIS+=($!)
  for _ in $(seq 1 600); do curl -sf "$base/health" >/dev/null 2>&1 && return; sleep 1; done
  echo "The API did not start: $OUT/api-${LABELS[$1]}-$2-$3.log" >&2; exit 1
}

# The next pages: each common word's first page's cursor (fetched once per database; a cursor keeps its window's top,
# so it stays valid while the data does).
next_pages() { # base, file
  python3 - "$1" "$QUERIES/common.txt" "$2" <<'PY'
import concurrent.futures, json, sys, urllib.request
base, source, target = sys.argv[1:4]
targets = [line.strip() for line in open(source, encoding="utf-8") if line.strip()]
def cursor(path):
    with urllib.request.urlopen(base + path, timeout=120) as answer:
        return json.load(answer).get("nextCursor")
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    cursors = list(pool.map(cursor, targets))
pages = [f"{path}&cursor={c}" for path, c in zip(targets, cursors) if c]
if not pages: sys.exit(f"no next pages: none of the {len(targets)} first pages had a cursor ({base})")
open(target, "w", encoding="utf-8").write("\n".join(pages) + "\n")
print(f"  next pages: {len(pages)} cursors from {len(targets)} first pages", file=sys.stderr)
PY
}

declare -a SCENARIOS=(cheapest first next rare common filtered filters)
declare -A NAMES=(
  [cheapest]="cheapest route (/robots.txt, no database)"
  [first]="first page of the board"
  [next]="next page by cursor (a common word, relevance)"
  [rare]="rare word (201 words, alone or with a prefecture)"
  [common]="common word by relevance (160 words, alone or with a category)"
  [filtered]="word + category + prefecture"
  [filters]="filters without words (category, region, minimum budget; newest, budget or deadline)"
)
targets_of() { # scenario, engine, size
  case $1 in
    cheapest) echo "$QUERIES/cheapest.txt" ;;
    next) echo "$QUERIES/next-$2-$3.txt" ;;
    *) echo "$QUERIES/$1.txt" ;;
  esac
}
echo /robots.txt >"$QUERIES/cheapest.txt"

measure() { # base, targets file
  wrk -t2 -c"$CONNECTIONS" -d2s -s "$ROOT/bench/rotate.lua" "$1" -- "$2" >/dev/null  # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/rotate.lua" "$1" -- "$2"
}

load() { cut -d' ' -f1 /proc/loadavg; }
RUN=$(date -u '+%Y-%m-%dT%H:%MZ')
TSV="$OUT/results.tsv"
[ -f "$TSV" ] || printf 'run\tengine\tjobs\tbuild\tscenario\trequests_per_s\tp50\tp99\tvs_cheapest\terrors\tload\n' >"$TSV"

for engine in "${ENGINES[@]}"; do
  for size in "${SIZES[@]}"; do
    seed "$engine" "$size"
    report="$OUT/results-$engine-$size.md"
    {
      echo "### $engine, $size jobs — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo
      echo "| request | targets | build | requests/s | p50 | p99 | vs cheapest | errors | load |"
      echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
    } >"$report"
    # Each build's API serves the same database on its own port; each figure is measured on the builds back to back.
    for i in "${!CHECKOUTS[@]}"; do start_api "$i" "$engine" "$size"; done
    declare -A CHEAPEST=()
    for scenario in "${SCENARIOS[@]}"; do
      for i in "${!CHECKOUTS[@]}"; do
        build=${LABELS[$i]}
        file=$(targets_of "$scenario" "$engine" "$size")
        [ "$scenario" = next ] && [ ! -s "$file" ] && next_pages "$(base_of "$i")" "$file"
        started=$(load)
        result=$(measure "$(base_of "$i")" "$file")
        rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
        p50=$(echo "$result" | awk '$1=="50%" {print $2}')
        p99=$(echo "$result" | awk '$1=="99%" {print $2}')
        non2xx=$(echo "$result" | awk '/Non-2xx/ {print $5}')
        timeouts=$(echo "$result" | awk '/Socket errors/ {gsub(",", ""); print $NF}')
        errors=$(( ${non2xx:-0} + ${timeouts:-0} ))
        [ "$scenario" = cheapest ] && CHEAPEST[$build]=$rps
        ratio=$(python3 -c "print(f'{float(\"$rps\")/float(\"${CHEAPEST[$build]}\"):.3f}')")
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${NAMES[$scenario]}" "$(grep -c . "$file")" "$build" \
          "$(printf '%.0f' "$rps")" "$p50" "$p99" "$ratio" "$errors" "$started" >>"$report"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$engine" "$size" "$build" "$scenario" "$rps" "$p50" "$p99" \
          "$ratio" "$errors" "$started" >>"$TSV"
        [ "$errors" -gt 0 ] && echo "  warning: $errors errors (non-2xx or timeouts) for $engine $size $build $scenario" >&2
      done
    done
    unset CHEAPEST
    stop_apis
    { echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; } >>"$report"
    cat "$report"
  done
done

# Each figure at the largest size against the smallest, as a cost (the cheapest route's requests per second over the
# figure's): the goal is at most 1.5 times.
python3 - "$TSV" "$RUN" <<'PY'
import collections, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")][1:]
run = [r for r in rows if r[0] == sys.argv[2]]
cost = {(r[1], int(r[2]), r[3], r[4]): 1 / float(r[8]) for r in run if r[4] != "cheapest" and float(r[8]) > 0}
sizes = sorted({k[1] for k in cost})
if len(sizes) < 2: sys.exit()
small, large = sizes[0], sizes[-1]
print(f"\n#### Cost at {large:,} jobs against {small:,} (each relative to the cheapest route of its run; goal at most 1.5)\n")
print("| engine | build | " + " | ".join(s for s in ["first", "next", "rare", "common", "filtered", "filters"]) + " |")
print("|---|---|" + "---:|" * 6)
for engine, build in sorted({(k[0], k[2]) for k in cost}):
    cells = []
    for s in ["first", "next", "rare", "common", "filtered", "filters"]:
        a, b = cost.get((engine, small, build, s)), cost.get((engine, large, build, s))
        cells.append(f"{b / a:.2f}" if a and b else "–")
    print(f"| {engine} | {build} | " + " | ".join(cells) + " |")
PY
