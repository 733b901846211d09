#!/usr/bin/env bash
# Runs every test of the product: the web client's checks and component tests (Vitest), then the .NET unit,
# integration and browser tests (real HTTP, real SQLite, Debian's Chromium driven by Playwright), then the .NET suite
# again on PostgreSQL.
# Screenshots and test results land in artifacts/. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")"

artifacts="$PWD/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts/test-results"

# The browser tests need Chromium, and Japanese fonts so that screenshots are readable.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  elif [ ! -x "$chromium" ]; then
    echo "The browser tests need Chromium at $chromium: run 'sudo apt-get install chromium fonts-noto-cjk' or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# Web client: dependencies from the lock file, the API types against the checked-in OpenAPI document, the
# type check, the lint (with the import boundaries between features) and the component tests.
(cd web-client && npm ci --no-audit --no-fund && npm run api:check && npm run typecheck && npm run lint)
# The S3 file store's tests run against s3rver on loopback (tests/s3, started by the test fixture S3Server).
(cd tests/s3 && npm ci --no-audit --no-fund)
# The OpenAPI document integrators generate clients from: Spectral with the OWASP API security ruleset, pinned in
# tests/openapi-lint (its own lock); any error fails the run (rules switched off are listed with reasons in .spectral.yaml).
(cd tests/openapi-lint && npm ci --no-audit --no-fund && npm run lint)
# The integration guide's JavaScript example (verifying a webhook's signature) runs as it is shown.
node --test docs/examples/webhooks/
set +e
(cd web-client && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$artifacts/test-results/web-client.xml") 2>&1 | tee "$artifacts/test-results/web-client.log"
web_status=${PIPESTATUS[0]}
set -e
web_summary=$(grep -Eo 'Tests +.*\([0-9]+\)' "$artifacts/test-results/web-client.log" | sed -E 's/\x1b\[[0-9;]*m//g' | tail -1 || true)

# .NET: building the API also builds the web client into its wwwroot (and fails past the JavaScript budget).
dotnet restore Marketplace.sln
dotnet build Marketplace.sln --no-restore -c Release

# The whole .NET suite runs once per database engine (docs/testing.md): on SQLite, the embedded default, with the browser
# tests; then on PostgreSQL, in a throwaway cluster this script starts on a free loopback port and removes at the end
# (MARKETPLACE_TEST_POSTGRES names a server of your own instead); then on SQL Server where MARKETPLACE_TEST_SQLSERVER names
# one (SQL Server cannot run on the machines CI uses: there the T-SQL parser tests stand for it).
engines_run=()
engines_failed=0
run_suite() { # engine, extra dotnet test arguments…
  local engine=$1; shift
  set +e
  dotnet test Marketplace.sln --no-build -c Release --logger "trx;LogFileName=dotnet-$engine.trx" \
    --results-directory "$artifacts/test-results" "$@" 2>&1 | tee "$artifacts/test-results/dotnet-$engine.log"
  local status=${PIPESTATUS[0]}
  set -e
  local summary
  summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$artifacts/test-results/dotnet-$engine.log" | tail -1 || true)
  if [ -z "$summary" ]; then
    engines_run+=("$engine: ran no test")
    engines_failed=1
    return
  fi
  local failed passed skipped
  failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  engines_run+=("$engine: $passed passed, $failed failed, $skipped skipped")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ "$status" -ne 0 ]; then engines_failed=1; fi
}
total_passed=0
total_failed=0

run_suite sqlite

pg_dir=""
stop_postgres() { if [ -n "$pg_dir" ]; then tests/postgres/cluster.sh stop "$pg_dir"; pg_dir=""; fi; }
trap stop_postgres EXIT
postgres="${MARKETPLACE_TEST_POSTGRES:-}"
if [ -z "$postgres" ]; then
  pg_dir=$(mktemp -d /tmp/marketplace-postgres.XXXXXX)
  postgres=$(tests/postgres/cluster.sh start "$pg_dir")
fi
MARKETPLACE_TEST_POSTGRES="$postgres" run_suite postgres --filter "FullyQualifiedName!~InTheBrowser"
stop_postgres

if [ -n "${MARKETPLACE_TEST_SQLSERVER:-}" ]; then
  run_suite sqlserver --filter "FullyQualifiedName!~InTheBrowser"
fi

# Measured, not promised (issue 13): the job list and a job page as a worker on a phone — first-load JavaScript,
# Lighthouse's mobile performance and accessibility, layout shift (tests/perf/measure.mjs; about a minute). The built API
# runs on a fresh demo database of its own. It fails on accessibility below 100 or CLS at or above 0.01, which do not
# depend on the machine's load; the performance score does (Lighthouse simulates the phone from the trace it observes),
# so it is printed, not enforced. The reports land in artifacts/lighthouse/.
if [ ! -f tests/perf/node_modules/.package-lock.json ] || [ tests/perf/package-lock.json -nt tests/perf/node_modules/.package-lock.json ]; then
  (cd tests/perf && npm ci --no-audit --no-fund)
fi
set +e
CHROME_PATH="$chromium" node tests/perf/measure.mjs --runs "${PERF_RUNS:-2}" --reports "$artifacts/lighthouse" --json "$artifacts/lighthouse/summary.json" 2>&1 | tee "$artifacts/test-results/perf.log"
perf_status=${PIPESTATUS[0]}
set -e

# One plain summary line each that any CI reads: "N passed, N failed".
echo "web-client: ${web_summary:-no summary}"
for line in "${engines_run[@]}"; do echo "$line"; done
echo "screenshots: artifacts/browser/"
grep -E "first-load JavaScript|performance .*accessibility" "$artifacts/test-results/perf.log" | sed 's/^ */perf: /' || true
echo "dotnet: $total_passed passed, $total_failed failed"
# The failed tests by name with the first lines of their messages, last, where a CI that keeps only the tail shows them.
for engine_log in "$artifacts"/test-results/dotnet-*.log; do
  awk -v engine="$(basename "$engine_log" .log)" '
    /^  Failed [^!]/ { shown = 0; print engine ": " substr($0, 3); printing = 1; next }
    printing && /^  Stack Trace:/ { printing = 0 }
    printing && shown < 4 && NF > 0 && !/Error Message:/ { print "    " $0; shown++ }
  ' "$engine_log" | head -60
done
if [ "$web_status" -ne 0 ]; then echo "web-client tests failed"; exit "$web_status"; fi
if [ "$engines_failed" -ne 0 ]; then echo "dotnet tests failed"; exit 1; fi
if [ "$perf_status" -ne 0 ]; then echo "measurement failed (accessibility below 100, CLS at or above 0.01, or it could not run)"; exit "$perf_status"; fi
