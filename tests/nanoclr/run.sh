#!/usr/bin/env bash
# Runs the portable tests on the real .NET nanoFramework interpreter (the POSIX nanoCLR).
#
#   NANOCLR_KIT=/path/to/kit tests/nanoclr/run.sh [GROUP...]
#
# The kit (built outside this repository; layout in its README) holds bin/nanoclr, bin/nanoclr-test, the
# MetadataProcessor in mdp/, the compile recipe in recipe/ and the class libraries in lib/ (.dll + .pe). This script
# compiles the core's device libraries (firmware/NanoRelay.Core, .Smtp, .Imap, .Mx), tests/NanoRelay.Testing and
# each device test group
# (tests/NanoRelay.DeviceTests/GROUP/*.nfproj: its Compile items are the group's sources) into .pe files with the
# kit's recipe, runs every group with the UnitTestLauncher, and prints one line per group, every failed test, and
# a closing line "nanoCLR: N passed, N failed". A group that crashes the interpreter or hangs counts as one more
# failure, named with the last test it finished. Without a kit it prints "nanoCLR: skipped (no kit)" and succeeds.
# Output and logs: $NANOCLR_OUT (default artifacts/nanoclr). Per-group time limit: $NANOCLR_TIMEOUT s (default 900).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
kit=${NANOCLR_KIT:-}
if [ -z "$kit" ] || [ ! -x "$kit/bin/nanoclr" ] || [ ! -f "$kit/mdp/nanoFramework.Tools.MetaDataProcessor.dll" ] \
   || [ ! -f "$kit/recipe/Directory.Build.props" ]; then
  echo "nanoCLR: skipped (no kit${kit:+ at $kit})"
  exit 0
fi
kit=$(cd "$kit" && pwd)
export NANOCLR_KIT=$kit DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=${NANOCLR_OUT:-$repo/artifacts/nanoclr}
mkdir -p "$out"
out=$(cd "$out" && pwd)
limit=${NANOCLR_TIMEOUT:-900}

build() { # build NAME PROJECT [extra msbuild args...]
  local name=$1 project=$2; shift 2
  if ! dotnet build "$project" -c Release -nologo -v:q -m:1 -o "$out/$name" \
       -p:BaseIntermediateOutputPath="$out/obj/$name/" -p:NanoOut="$out/" "$@" > "$out/build-$name.log" 2>&1; then
    grep -E 'error|Error' "$out/build-$name.log" | sort -u | head -20
    echo "nanoCLR: build of $name failed (log: $out/build-$name.log)"
    return 1
  fi
}

# A project's Compile items (the .nfproj is the one list), as absolute paths or patterns: "DIR/**/*.cs",
# "DIR/*.cs" or a file.
compile_items() { # compile_items NFPROJ
  local dir; dir=$(dirname "$1")
  grep -o '<Compile Include="[^"]*"' "$1" | sed 's/.*Include="//; s/"$//; s/\\/\//g' | while read -r inc; do
    local base rest
    case "$inc" in
      *'*'*) base=${inc%%\**}; rest=${inc#"$base"} ;;
      *) base=$(dirname "$inc")/; rest=$(basename "$inc") ;;
    esac
    echo "$(cd "$dir/$base" && pwd)/$rest"
  done
}

# The sources of a group or library as MSBuild items.
group_props() { # group_props NFPROJ PROPS
  { echo '<Project><ItemGroup>'; compile_items "$1" | sed 's|.*|  <Compile Include="&" />|'; echo '</ItemGroup></Project>'; } > "$2"
}

# How many [TestMethod]s a group's sources declare (data rows aside): every one must have run on the device.
group_methods() { # group_methods NFPROJ
  compile_items "$1" | while read -r item; do
    case "$item" in
      */'**/*.cs') find "${item%/\*\*/\*.cs}" -name '*.cs' ;;
      */'*.cs') find "${item%/\*.cs}" -maxdepth 1 -name '*.cs' ;;
      *) echo "$item" ;;
    esac
  done | xargs cat | grep -c '^ *\[TestMethod\]'
}

# The core as the device builds it: one assembly per library project, in dependency order (one nanoFramework
# assembly holds at most 64 KB of byte code). Each lands in $out/lib/ for the ones after it.
libraries="NanoRelay.Core:firmware/NanoRelay.Core/NanoRelay.Core.nfproj NanoRelay.Smtp:firmware/NanoRelay.Smtp/NanoRelay.Smtp.nfproj NanoRelay.Imap:firmware/NanoRelay.Imap/NanoRelay.Imap.nfproj NanoRelay.Mx:firmware/NanoRelay.Mx/NanoRelay.Mx.nfproj"
build_libraries() {
  rm -rf "$out/lib"; mkdir -p "$out/lib"
  local entry name
  for entry in $libraries; do
    name=${entry%%:*}
    mkdir -p "$out/obj/$name"
    group_props "$repo/${entry#*:}" "$out/obj/$name/group.props"
    build "$name" "$repo/tests/nanoclr/NanoLibrary.csproj" -p:LibraryName="$name" -p:GroupProps="$out/obj/$name/group.props" || return 1
    cp "$out/$name/$name.dll" "$out/$name/$name.pe" "$out/lib/"
  done
}

start=$(date +%s)
build_libraries || { echo "nanoCLR: 0 passed, 1 failed"; exit 1; }
if [ "${1:-}" = "--libraries-only" ]; then exit 0; fi
build Testing "$repo/tests/nanoclr/NanoRelay.Testing.csproj" || { echo "nanoCLR: 0 passed, 1 failed"; exit 1; }

groups=("$@")
if [ ${#groups[@]} -eq 0 ]; then
  for p in "$repo"/tests/NanoRelay.DeviceTests/*/NanoRelay.DeviceTests.*.nfproj; do groups+=("$(basename "$(dirname "$p")")"); done
fi

lib=$kit/lib
passed=0; failed=0; rc=0
for g in "${groups[@]}"; do
  nfproj=$(ls "$repo/tests/NanoRelay.DeviceTests/$g"/*.nfproj 2>/dev/null | head -1)
  if [ -z "$nfproj" ]; then echo "nanoCLR group $g: no such group"; failed=$((failed + 1)); rc=1; continue; fi
  mkdir -p "$out/obj/$g"
  group_props "$nfproj" "$out/obj/$g/group.props"
  if ! build "$g" "$repo/tests/nanoclr/NFUnitTest.csproj" -p:GroupProps="$out/obj/$g/group.props"; then
    failed=$((failed + 1)); rc=1; continue
  fi
  t0=$(date +%s.%N)
  timeout -k 10 "$limit" "$kit/bin/nanoclr-test" --log "$out/$g.log" \
    "$lib/mscorlib.pe" "$lib/nanoFramework.UnitTestLauncher.pe" "$lib/nanoFramework.TestFramework.pe" \
    "$lib/nanoFramework.System.Text.pe" "$lib/nanoFramework.System.Collections.pe" "$lib/System.IO.Streams.pe" "$lib/nanoFramework.Json.pe" \
    "$out"/lib/*.pe "$out/Testing/NanoRelay.Testing.pe" "$out/$g/NFUnitTest.pe" > "$out/$g.summary" 2>&1
  grc=$?
  t1=$(date +%s.%N)
  p=$(grep -c '^Test passed' "$out/$g.log" 2>/dev/null); p=${p:-0}
  f=$(grep -c '^Test failed' "$out/$g.log" 2>/dev/null); f=${f:-0}
  grep '^Test failed' "$out/$g.log" 2>/dev/null | cut -c1-400 | sed "s/^/  [$g] /"
  note=""
  declared=$(group_methods "$nfproj")
  ran=$(grep -E '^Test (passed|failed|skipped)' "$out/$g.log" 2>/dev/null | cut -d, -f2 | sed 's/\.[0-9]*$//' | sort -u | wc -l)
  if [ "$ran" -lt "$declared" ]; then
    note="; $((declared - ran)) of $declared test methods never ran"
    f=$((f + 1))
  fi
  if [ $grc -ne 0 ] && { [ $grc -ne 1 ] || ! grep -q '^Done\.' "$out/$g.log" 2>/dev/null; }; then
    last=$(grep -E '^Test (passed|failed|skipped)' "$out/$g.log" 2>/dev/null | tail -1 | cut -d, -f2)
    case $grc in
      124|137) why="hung (over ${limit} s)" ;;
      139) why="crashed (SIGSEGV)" ;;
      134) why="crashed (SIGABRT)" ;;
      2) why="failed to load" ;;
      3) why="ended with an uncaught exception" ;;
      *) why="ended with exit $grc" ;;
    esac
    note="$note; $why after ${last:-the start}"
    grep '^nanoclr:' "$out/$g.log" 2>/dev/null | sed "s/^/  [$g] /"
    f=$((f + 1))
  fi
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  echo "nanoCLR group $g: $p passed, $f failed ($secs s$note)"
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -eq 0 ] || rc=1
done

# The device program: it must become a .pe (linked with the core it did not: byte-code table overflow). Its
# packages (System.Net, Gpio, Wifi, ...) are nanoFramework assemblies the POSIX host cannot run, so it is built
# and measured, not run. They come from NANORELAY_NANO_REFS, or the kit's lib/ when it holds System.Net.dll.
packages=${NANORELAY_NANO_REFS:-}
[ -z "$packages" ] && [ -f "$kit/lib/System.Net.dll" ] && packages=$kit/lib
if [ -n "$packages" ] && [ -f "$packages/System.Net.dll" ]; then
  if build Device "$repo/tests/nanoclr/NanoRelay.Device.csproj" -p:NanoPackages="$(cd "$packages" && pwd)"; then
    echo "nanoCLR device program: NanoRelay.Device.pe $(stat -c %s "$out/Device/NanoRelay.Device.pe") bytes (built, not run: no network or GPIO in the POSIX host)"
  else
    failed=$((failed + 1)); rc=1
  fi
else
  echo "nanoCLR device program: skipped (no package assemblies: set NANORELAY_NANO_REFS)"
fi

# The interpreter fault the tests found (tests/nanoclr/repro/Program.cs): reported, not counted.
if build Repro "$repo/tests/nanoclr/repro/NullStringSlot.csproj" > /dev/null; then
  rrc=$( { "$kit/bin/nanoclr" "$kit/lib/mscorlib.pe" "$out/Repro/NullStringSlot.pe" > "$out/repro.log" 2>&1; } 2>/dev/null; echo $? )
  if grep -q '^reached the end' "$out/repro.log" && grep -q 'string\[\] slot == null: True' "$out/repro.log"; then
    echo "nanoCLR repro NullStringSlot: fixed in this kit (an unset string[] slot is null)"
  else
    echo "nanoCLR repro NullStringSlot: present (unset string[] slot: $(grep -o 'string\[\] slot == null: [A-Za-z]*' "$out/repro.log" | head -1), exit $rrc)"
  fi
fi
# Sizes, and the three tables a nanoFramework assembly keeps under 64 KB (header: nf-interpreter
# src/CLR/Include/nanoCLR_Types.h, CLR_RECORD_ASSEMBLY). The interpreter reads string offsets from 0xFFFF-860 on as
# its own constant strings, so a string table past 64,675 bytes would load but read wrong strings: a failure here.
for pe in "$out"/lib/*.pe "$out/Testing/NanoRelay.Testing.pe" "$out"/*/NFUnitTest.pe "$out/Device/NanoRelay.Device.pe"; do
  [ -f "$pe" ] || continue
  line=$(python3 - "$pe" <<'PY'
import struct, sys
b = open(sys.argv[1], 'rb').read()
start = struct.unpack_from('<16I', b, 40)
pad = b[108:124]
size = lambda i: start[i + 1] - start[i] - pad[i]
over = size(11) > 0xFFFF - 860
print("%d bytes, byte code %d, strings %d, signatures %d (of 65535)%s" % (len(b), size(13), size(11), size(12), "  OVER the interpreter's string limit" if over else ""))
PY
)
  echo "  ${pe#"$out/"}: $line"
  case "$line" in *OVER*) failed=$((failed + 1)); rc=1 ;; esac
done
echo "nanoCLR: kit $kit, $(( $(date +%s) - start )) s in all"
echo "nanoCLR: $passed passed, $failed failed"
exit $rc
