#!/usr/bin/env bash
# Runs every test of the product: the .NET unit and integration tests (real HTTP, real SQLite), and the
# web client's tests once it has them. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet restore Marketplace.sln
dotnet build Marketplace.sln --no-restore -c Release
set +e
dotnet test Marketplace.sln --no-build -c Release --logger "trx;LogFileName=dotnet.trx" --results-directory "$results" 2>&1 | tee "$results/dotnet.log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line that any CI reads: "N passed, N failed".
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/dotnet.log" | tail -1 || true)
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  echo "dotnet: $passed passed, $failed failed, $skipped skipped"
fi
if [ "$status" -ne 0 ]; then echo "dotnet tests failed"; exit "$status"; fi
if [ -z "$summary" ]; then echo "dotnet ran no test"; exit 1; fi
