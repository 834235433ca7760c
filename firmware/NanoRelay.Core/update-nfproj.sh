#!/usr/bin/env bash
# Regenerates the Compile list of NanoRelay.Core.nfproj from the .cs files on disk (bin/ and obj/
# excluded), between the BEGIN/END core sources markers. Run it after adding or removing a core file.
# Folders that another device library links (firmware/*/*.nfproj: <Compile Include="..\NanoRelay.Core\X\**\*.cs">)
# belong to that assembly on the device and are left out here.
set -euo pipefail
cd "$(dirname "$0")"
owned=$(grep -ho 'Include="\.\.\\NanoRelay\.Core\\[^"*]*\\\*\*' ../*/*.nfproj | sed 's/.*NanoRelay\.Core\\//; s/\\\*\*$//' | sort -u)
skip=()
for d in $owned; do skip+=(-not -path "./${d//\\//}/*"); done
list=$(find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' "${skip[@]}" | sed 's|^\./||' | LC_ALL=C sort |
  sed 's|/|\\|g; s|.*|    <Compile Include="&" />|')
awk -v list="$list" '
  /<!-- BEGIN core sources/ { print; print list; skip = 1; next }
  /<!-- END core sources/   { skip = 0 }
  !skip { print }
' NanoRelay.Core.nfproj > NanoRelay.Core.nfproj.tmp
mv NanoRelay.Core.nfproj.tmp NanoRelay.Core.nfproj
echo "NanoRelay.Core.nfproj: $(grep -c '<Compile Include=' NanoRelay.Core.nfproj) core sources listed (folders of other device libraries: $(echo $owned))"
