#!/usr/bin/env bash
# The relay's services on the real nanoFramework interpreter, in a board-sized managed heap (issue 15 item 3).
#
#   NANOCLR_KIT=/path/to/kit bench/nanoclr/memory/run.sh [--board NAME] [--search]
#
# Builds firmware/NanoRelay.Core, tests/NanoRelay.Testing and this folder's program with the kit's recipe and runs
# it on the kit's nanoCLR: at the default heap (10 MiB; three sessions of each kind for the per-session figures) to
# learn what the loaded assemblies take before Main ("MEM main"), then (one session of each kind, the small boards'
# caps) at that overhead plus the board's managedHeapBudgetBytes (boards/NAME/board.json, default esp32-c3), so the
# relay has exactly its budget to work in. The overhead includes the test doubles' arena ("MEM test-arena": their
# stand-in for flash and for the upstream machine, made before Main's figure), so that heap is raised by exactly it. --search also bisects for the smallest heap at which that scenario completes (exit 0 and "SCENARIO-END ok"; under memory pressure the nanoCLR dies with SIGSEGV,
# exit 139). Prints the figures as markdown; logs in $NANOCLR_OUT (default artifacts/nanoclr-memory).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
kit=${NANOCLR_KIT:-}
board=esp32-c3; search=0
while [ $# -gt 0 ]; do
  case $1 in
    --board) board=$2; shift 2 ;;
    --search) search=1; shift ;;
    *) echo "usage: $0 [--board NAME] [--search]" >&2; exit 2 ;;
  esac
done
if [ -z "$kit" ] || [ ! -x "$kit/bin/nanoclr" ] || [ ! -f "$kit/mdp/nanoFramework.Tools.MetaDataProcessor.dll" ]; then
  echo "nanoCLR memory bench: skipped (no kit)"; exit 0
fi
kit=$(cd "$kit" && pwd)
export NANOCLR_KIT=$kit DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=${NANOCLR_OUT:-$repo/artifacts/nanoclr-memory}
mkdir -p "$out"; out=$(cd "$out" && pwd)
budget=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["managedHeapBudgetBytes"])' "$repo/boards/$board/board.json") || exit 2
# The core's device libraries (NanoRelay.Core, .Smtp, .Imap, .Mx) as tests/nanoclr/run.sh builds them, into $out/lib.
NANOCLR_OUT=$out bash "$repo/tests/nanoclr/run.sh" --libraries-only > "$out/build-libraries.log" 2>&1 \
  || { tail -20 "$out/build-libraries.log"; echo "nanoCLR memory bench: build of the libraries failed"; exit 1; }
# The board's board.json as a constant for the Caps build, which makes the board's heap gate from it as the device does.
python3 - "$repo/boards/$board/board.json" "$out/BenchBoard.g.cs" <<'PY' || exit 2
import sys
text = open(sys.argv[1]).read().replace('"', '""')
open(sys.argv[2], 'w').write('namespace NanoRelay.MemoryBench\n{\n    internal static class BenchBoard\n    {\n        public const string Json = @"' + text + '";\n    }\n}\n')
PY
for p in "Testing:$repo/tests/nanoclr/NanoRelay.Testing.csproj:false" \
         "Memory:$repo/bench/nanoclr/memory/NanoRelay.MemoryBench.csproj:false" "Caps:$repo/bench/nanoclr/memory/NanoRelay.MemoryBench.csproj:true"; do
  name=${p%%:*}; rest=${p#*:}
  if ! dotnet build "${rest%:*}" -c Release -nologo -v:q -m:1 -o "$out/$name" -p:BaseIntermediateOutputPath="$out/obj/$name/" \
       -p:NanoOut="$out/" -p:BoardCaps="${rest##*:}" > "$out/build-$name.log" 2>&1; then
    grep -E 'error' "$out/build-$name.log" | sort -u | head; echo "nanoCLR memory bench: build of $name failed"; exit 1
  fi
done
lib=$kit/lib
run() { # run HEAP LOG [VARIANT] -> exit status; ok when the log ends the scenario (VARIANT Memory: 3 sessions each, Caps: 1)
  NANOCLR_HEAP_BYTES=$1 timeout -k 10 1200 "$kit/bin/nanoclr" "$lib/mscorlib.pe" "$lib/nanoFramework.Runtime.Native.pe" \
    "$lib/nanoFramework.System.Text.pe" "$lib/nanoFramework.System.Collections.pe" "$lib/System.IO.Streams.pe" \
    "$out"/lib/*.pe "$out/Testing/NanoRelay.Testing.pe" "$out/${3:-Memory}/NanoRelay.MemoryBench.pe" > "$2" 2>&1
}
ok() { tr -d '\r' < "$1" | grep -q '^SCENARIO-END ok$'; }
mem() { tr -d '\r' < "$1" | awk -v k="$2" '$1 == "MEM" && $2 == k { print $3 }'; }

run 10485760 "$out/default.log"; rc=$?
ok "$out/default.log" || { tail -20 "$out/default.log"; echo "nanoCLR memory bench: the scenario failed at 10 MiB (exit $rc)"; exit 1; }
overhead=$((10485760 - $(mem "$out/default.log" main)))
heap=$((overhead + budget))
run $heap "$out/board.log" Caps; brc=$?
if ok "$out/board.log" && [ $brc -eq 0 ]; then verdict="completes"; else verdict="FAILS (exit $brc)"; fi

L=$out/default.log
echo "| figure (nanoCLR, 10 MiB heap) | bytes |"
echo "|---|---:|"
for k in test-arena unit-object unit-empty-byte-array thread-parked pop3-driver-objects pop3-session-objects smtp-driver-and-session-objects spool-entry \
         build-store-double build-mailbox build-spool build-store-mailbox-spool build-auth-penalty build-pop3-server \
         build-smtp-options-policy-sink build-smtp-server-object build-smtp-accept-thread build-smtp-listener-and-accept-thread \
         build-upstream-client build-relay-worker-and-upstream build-alert-spooler build-alert-engine \
         main services before one-pop3-one-smtp pop3-session-1 smtp-session-1 pop3-session-2 pop3-session-3 smtp-session-2 smtp-session-3 \
         services-plus-one-pop3-one-smtp sessions-closed build-imap-server imap-driver-and-session-objects \
         imap-session-1 imap-session-2 imap-session-3 imap-sessions-closed during-lowest during-peak-use during-store-held after store-held-before store-held-after during-ms during-samples \
         alone-pop3-peak-use alone-smtp-peak-use alone-relay-peak-use alone-alerts-peak-use alone-drain-peak-use \
         pair-pop3-smtp-peak-use pair-relay-alerts-peak-use pair-smtp-relay-peak-use pair-pop3-relay-peak-use \
         alone-pop3-store-held alone-smtp-store-held alone-relay-store-held alone-alerts-store-held alone-drain-store-held \
         pair-pop3-smtp-store-held pair-relay-alerts-store-held pair-smtp-relay-store-held pair-pop3-relay-store-held \
         probe-alerts-peak-use probe-alerts-store-held probe-digest-and-members probe-digest-writer-peak-use \
         gate-capacity gate-peak gate-waits gate-overruns gate-deferrals gate-relay-deferrals; do
  echo "| $k | $(mem "$L" "$k") |"
done
echo
arena=$(mem "$L" test-arena)
echo "loaded assemblies before Main: $((overhead - ${arena:-0})) bytes, the test doubles' arena ${arena:-0} bytes; $board budget $budget bytes -> heap $heap, one POP3 and one SMTP session at most: $verdict"
if [ "$verdict" = completes ]; then
  echo "at $board's heap: before $(mem "$out/board.log" before), lowest during $(mem "$out/board.log" during-lowest), after $(mem "$out/board.log" after) bytes free"
  echo "heap gate at $board's heap: capacity $(mem "$out/board.log" gate-capacity), peak admitted $(mem "$out/board.log" gate-peak), sessions that waited $(mem "$out/board.log" gate-waits) (went ahead without room: $(mem "$out/board.log" gate-overruns)), background work deferred $(mem "$out/board.log" gate-deferrals) times"
fi
if [ $search -eq 1 ]; then
  lo=$overhead; hi=$((overhead + 4 * budget))
  run $hi "$out/search.log" Caps && ok "$out/search.log" || { echo "search: does not complete even at $hi"; exit 1; }
  while [ $((hi - lo)) -gt 512 ]; do
    mid=$(( (lo + hi) / 2 ))
    if run $mid "$out/search.log" Caps && ok "$out/search.log"; then hi=$mid; echo "  heap $mid: completes"; else lo=$mid; echo "  heap $mid: fails"; fi
  done
  echo "smallest heap that completes: $hi bytes (within 512), i.e. $((hi - overhead)) bytes beyond the loaded assemblies"
fi
echo "kit: $kit ($(date -u +%F))"
