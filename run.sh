#!/usr/bin/env bash
# Runs the marketplace on the embedded SQLite database at http://localhost:5080.
# In Development (the default here) it migrates the database and seeds the demo data listed in README.md.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project api --launch-profile Marketplace "$@"
