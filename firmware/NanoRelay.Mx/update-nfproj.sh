#!/usr/bin/env bash
# Regenerates the Compile list of NanoRelay.Mx.nfproj from the .cs files on disk (bin/ and obj/
# excluded), between the BEGIN/END core sources markers. Run it after adding or removing a file of NanoRelay.Mx.
set -euo pipefail
cd "$(dirname "$0")"
list=$(find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | sed 's|^\./||' | LC_ALL=C sort |
  sed 's|/|\\|g; s|.*|    <Compile Include="&" />|')
awk -v list="$list" '
  /<!-- BEGIN core sources/ { print; print list; skip = 1; next }
  /<!-- END core sources/   { skip = 0 }
  !skip { print }
' NanoRelay.Mx.nfproj > NanoRelay.Mx.nfproj.tmp
mv NanoRelay.Mx.nfproj.tmp NanoRelay.Mx.nfproj
echo "NanoRelay.Mx.nfproj: $(grep -c '<Compile Include=' NanoRelay.Mx.nfproj) sources listed"
