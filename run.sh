#!/usr/bin/env bash
# Runs the marketplace on the embedded SQLite database at http://localhost:5080 (or at ASPNETCORE_URLS when it is set).
# In Development (the default here) it migrates the database and seeds the demo data listed in README.md.
set -euo pipefail
cd "$(dirname "$0")"
if [ -n "${ASPNETCORE_URLS:-}" ]; then
  # The launch profile's address would override the one asked for: run without it, in the same environment.
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  exec dotnet run --project api --no-launch-profile "$@"
fi
exec dotnet run --project api --launch-profile Marketplace "$@"
