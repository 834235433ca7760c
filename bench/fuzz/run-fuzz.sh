#!/usr/bin/env bash
# Coverage-guided fuzzing of the core with SharpFuzz + AFL++ (Debian's afl++ package).
# Usage: bench/fuzz/run-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 120 s, every target)
# Installs afl++ (apt-get) and the SharpFuzz.CommandLine tool (bench/fuzz/dotnet-tools.json),
# publishes NanoRelay.Fuzz, instruments NanoRelay.Core.dll and NanoRelay.Mx.dll in the published copy, runs afl-fuzz
# on each target for the given time starting from bench/fuzz/corpus/TARGET, replays every crash
# it saved, copies the crash inputs to bench/fuzz/findings/TARGET/ and writes
# bench/fuzz/RESULTS-fuzz.md (executions, exec/s, corpus size, crashes per target).
# KEEP_QUEUE=N also copies the N smallest inputs that found new coverage into
# bench/fuzz/corpus/TARGET/afl-* (replayed by dotnet test; keep N small).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs="${1:-120}"
shift || true
targets=("$@")
args="$secs${*:+ }$*"
[ "${KEEP_QUEUE:-0}" -gt 0 ] && args="$args (KEEP_QUEUE=$KEEP_QUEUE)"
if [ ${#targets[@]} -eq 0 ]; then
  targets=(framer smtp-reply smtp-server pop3-session mime-roundtrip spool-recovery dns-response)
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq afl++ >/dev/null
fi

work="$(mktemp -d /tmp/nanorelay-fuzz.XXXXXX)"
mkdir -p "$work/afl"
trap 'rm -rf "$work"' EXIT
(cd "$here" && dotnet tool restore >/dev/null)
dotnet publish "$here/NanoRelay.Fuzz/NanoRelay.Fuzz.csproj" -c Release -o "$work/out" -m:1 -nologo -v quiet
# Instrumented code needs the fuzzer's shared memory: crashes are replayed with a plain copy.
cp -r "$work/out" "$work/plain"
# Only the core and NanoRelay.Mx are instrumented: coverage is what their parsers do, not MimeKit's or ours.
(cd "$here" && dotnet tool run sharpfuzz "$work/out/NanoRelay.Core.dll")
(cd "$here" && dotnet tool run sharpfuzz "$work/out/NanoRelay.Mx.dll")

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
stat() { sed -n "s/^$2 *: //p" "$1" | head -1; }

# Self-check: the canary target throws on inputs starting "!!"; a harness that records exceptions
# as crashes finds it within seconds. Without this, "0 crashes" could mean a blind harness.
mkdir -p "$work/canary-seed"
printf '!x\r\nline\r\n' >"$work/canary-seed/a"
timeout 80 afl-fuzz -V 15 -i "$work/canary-seed" -o "$work/afl/canary" -t 10000 -m none \
  -- dotnet "$work/out/NanoRelay.Fuzz.dll" canary >"$work/canary.log" 2>&1 || true
canary="$(stat "$work/afl/canary/default/fuzzer_stats" saved_crashes 2>/dev/null || true)"
if [ "${canary:-0}" -gt 0 ] 2>/dev/null; then
  selfcheck="passed: the canary target's exception was saved as a crash $canary time(s) in 15 s"
else
  selfcheck="FAILED: the canary target's exception was not seen as a crash; the figures below are not trustworthy"
fi
echo "self-check $selfcheck"
rows=""
ver="AFL++"
findings=""
for t in "${targets[@]}"; do
  seeds="$here/corpus/$t"
  if [ ! -d "$seeds" ]; then
    echo "no seed corpus for $t (bench/fuzz/corpus/$t): skipped" >&2
    continue
  fi
  echo "fuzzing $t for ${secs}s"
  # -V bounds the run; timeout is the backstop. -t: a dotnet start is slow, a hang is 10 s.
  timeout $((secs + 120)) afl-fuzz -V "$secs" -i "$seeds" -o "$work/afl/$t" -t 10000 -m none \
    -- dotnet "$work/out/NanoRelay.Fuzz.dll" "$t" >"$work/$t.log" 2>&1 || { echo "afl-fuzz $t failed:"; grep -a -A3 "ERROR" "$work/$t.log" | head -8; }
  s="$work/afl/$t/default/fuzzer_stats"
  if [ ! -f "$s" ]; then
    rows+="| $t | - | - | - | - | - | - | afl-fuzz did not start |"$'\n'
    continue
  fi
  ver="AFL$(stat "$s" afl_version)"
  crashes="$(stat "$s" saved_crashes)"
  hangs="$(stat "$s" saved_hangs)"
  if [ -n "$(ls -A "$work/afl/$t/default/crashes" 2>/dev/null | grep -v README)" ]; then
    mkdir -p "$here/findings/$t"
    for c in "$work/afl/$t/default/crashes"/id*; do
      h="$(sha1sum "$c" | cut -c1-12)"
      cp "$c" "$here/findings/$t/crash-$h"
      why="$(dotnet "$work/plain/NanoRelay.Fuzz.dll" replay "$t" "$c" 2>&1 | sed -n 1p | cut -d' ' -f2- | cut -c1-200 || true)"
      findings+="- \`$t\` \`findings/$t/crash-$h\`: $why"$'\n'
    done
  fi
  if [ "${KEEP_QUEUE:-0}" -gt 0 ]; then
    find "$work/afl/$t/default/queue" -maxdepth 1 -type f -name '*+cov*' -size -8k -printf '%s %p\n' \
      | sort -n | head -n "$KEEP_QUEUE" | while read -r _ q; do
        cp "$q" "$here/corpus/$t/afl-$(sha1sum "$q" | cut -c1-12)"
      done || true
  fi
  rows+="| $t | $(stat "$s" execs_done) | $(stat "$s" execs_per_sec) | $(stat "$s" corpus_count) | $(stat "$s" bitmap_cvg) | $crashes | $hangs | $(stat "$s" run_time) |"$'\n'
done

cpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
{
  echo "# Fuzzing results (SharpFuzz + AFL++, coverage-guided)"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $cpu, $(nproc) cores (shared), $(free -g | awk '/^Mem:/{print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
  echo "- Fuzzer: $ver with SharpFuzz 2.3.0 (NanoRelay.Core.dll and NanoRelay.Mx.dll instrumented)"
  echo "- Command: \`bench/fuzz/run-fuzz.sh $args\` ($secs s per target, seeds from bench/fuzz/corpus/)"
  echo "- Harness self-check: $selfcheck"
  echo
  echo "| Target | Executions | Exec/s | Corpus | Edge coverage | Crashes | Hangs | Seconds |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s' "$rows"
  echo
  echo "Crashes are saved inputs that threw: an exception from the core or a broken invariant of the"
  echo "target (see bench/fuzz/NanoRelay.Fuzz/*Target.cs). Each one found is kept in bench/fuzz/findings/"
  echo "and made a regression test in tests/NanoRelay.Tests/Fuzz/."
  if [ -n "$findings" ]; then
    echo
    echo "## Findings of this run"
    echo
    printf '%s' "$findings"
  fi
} >"$here/RESULTS-fuzz.md"
cat "$here/RESULTS-fuzz.md"
