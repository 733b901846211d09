#!/usr/bin/env bash
# Runs every test of the product: the web client's checks and component tests (Vitest), then the .NET unit,
# integration and browser tests (real HTTP, real SQLite, Debian's Chromium driven by Playwright).
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
set +e
(cd web-client && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$artifacts/test-results/web-client.xml") 2>&1 | tee "$artifacts/test-results/web-client.log"
web_status=${PIPESTATUS[0]}
set -e
web_summary=$(grep -Eo 'Tests +.*\([0-9]+\)' "$artifacts/test-results/web-client.log" | sed -E 's/\x1b\[[0-9;]*m//g' | tail -1 || true)

# .NET: building the API also builds the web client into its wwwroot (and fails past the JavaScript budget).
dotnet restore Marketplace.sln
dotnet build Marketplace.sln --no-restore -c Release
set +e
dotnet test Marketplace.sln --no-build -c Release --logger "trx;LogFileName=dotnet.trx" --results-directory "$artifacts/test-results" 2>&1 | tee "$artifacts/test-results/dotnet.log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line each that any CI reads: "N passed, N failed".
echo "web-client: ${web_summary:-no summary}"
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$artifacts/test-results/dotnet.log" | tail -1 || true)
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  echo "dotnet: $passed passed, $failed failed, $skipped skipped"
fi
echo "screenshots: artifacts/browser/"
if [ "$web_status" -ne 0 ]; then echo "web-client tests failed"; exit "$web_status"; fi
if [ "$status" -ne 0 ]; then echo "dotnet tests failed"; exit "$status"; fi
if [ -z "$summary" ]; then echo "dotnet ran no test"; exit 1; fi
