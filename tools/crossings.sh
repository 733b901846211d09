#!/usr/bin/env bash
# How many code files outside Platform/ each money command's handler reaches (issue 20; docs/architecture.md, "How many
# files a money command crosses"). Three counts, as the table there has them:
#   tools/crossings.sh            # all, work only (NOSEND: stops at the answer read back), methods only
#   V=1 tools/crossings.sh        # and the files of each
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${TMPDIR:-/tmp}/marketplace-crossings
mkdir -p "$OUT"
dotnet build "$ROOT/tools/Crossings/Crossings.csproj" -c Release -v quiet -nologo -o "$OUT/bin" >/dev/null
# The API's compile references, as MSBuild resolves them.
dotnet msbuild "$ROOT/api/Marketplace.Api.csproj" -p:Configuration=Release -p:SkipWebClient=true -t:FindReferenceAssembliesForReferences \
  -getItem:ReferencePathWithRefAssemblies >"$OUT/refs.json"
python3 -c "import json,sys; print('\n'.join(i['Identity'] for i in json.load(open(sys.argv[1]))['Items']['ReferencePathWithRefAssemblies']))" \
  "$OUT/refs.json" >"$OUT/refs.txt"
COMMANDS=(Marketplace.Contracts.AwardJob Marketplace.Contracts.AcceptWork Marketplace.Contracts.AcceptByLapse
  Marketplace.Contracts.AcceptCancellation Marketplace.Disputes.DecideDispute Marketplace.Payouts.CreatePayoutBatch)
# The source generators' halves (regular expressions) are not in the walk's compilation: their errors are expected
# and do not change what a handler reaches.
run() { dotnet "$OUT/bin/Crossings.dll" "$ROOT/api" "$OUT/refs.txt" "${COMMANDS[@]}" 2>/dev/null; }
echo "## all"; run
echo "## work only"; NOSEND=1 run
echo "## methods only"; NOSEND=1 METHODS=1 run
