#!/usr/bin/env bash
# bench/allocation/run-allocation.sh -- bytes allocated per message, from the allocation tests
# (exact figures, GC.GetAllocatedBytesForCurrentThread on the working thread; they are tests, so
# they also assert the bound). Writes bench/allocation/RESULTS-allocation.md.
#   SendAllocationTests:      MIME writer into a spool file + submission client to a real SMTP server library
#   RelayPathAllocationTests: SMTP ingress session -> spool -> relay worker -> submission client
#   SessionMemoryTests:       managed bytes one open POP3 session holds (device and host transfer chunk)
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$REPO/bench/allocation/RESULTS-allocation.md"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
FILTER="FullyQualifiedName~SendAllocationTests|FullyQualifiedName~RelayPathAllocationTests|FullyQualifiedName~SessionMemoryTests"
(cd "$REPO" && dotnet test tests/NanoRelay.Tests -m:1 -nologo --filter "$FILTER" --logger "console;verbosity=detailed") >"$LOG" 2>&1
rc=$?
send=$(grep -o 'allocated to write+send:.*' "$LOG" | head -1)
path=$(grep -o 'allocated on the relay path.*' "$LOG" | head -1)
mem=$(grep -o 'managed bytes per open session.*' "$LOG")
passed=$(grep -o 'Passed: *[0-9]*' "$LOG" | tail -1); failed=$(grep -o 'Failed: *[0-9]*' "$LOG" | tail -1)
{
  echo "# Bytes allocated per message, and per open session"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared), $(uname -sr), .NET SDK $(dotnet --version)"
  echo "- Command: \`bench/allocation/run-allocation.sh\` (= \`dotnet test tests/NanoRelay.Tests --filter '$FILTER'\`; tests: ${passed:-?}, ${failed:-Failed: 0})"
  echo "- Exact counts (GC.GetAllocatedBytesForCurrentThread on the thread doing the work, after a warm-up message), not timings: they do not depend on load."
  echo
  echo "| what | figure |"
  echo "|---|---|"
  echo "| write + send (SendAllocationTests: MIME writer into a spool file, submission client over loopback TCP to the SmtpServer library) | ${send:-not measured} |"
  echo "| whole relay path (RelayPathAllocationTests: SMTP ingress session, spool files, relay worker, submission client over loopback TCP) | ${path:-not measured} |"
  while IFS= read -r l; do [ -n "$l" ] && echo "| POP3 session held (SessionMemoryTests, 32 parked sessions, GC.GetTotalMemory(true)) | $l |"; done <<<"$mem"
  echo
  echo "Both message tests assert that the 1 MB message costs at most 16 KB more than the 2 KB one: nothing is allocated per chunk, so memory does not grow with the message."
} >"$OUT"
cat "$OUT"
[ $rc -eq 0 ] || { echo "run-allocation: tests failed (rc $rc); see above" >&2; tail -30 "$LOG" >&2; }
exit $rc
