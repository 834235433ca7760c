#!/usr/bin/env bash
# The hot paths on the real nanoFramework interpreter, beside two baselines of the same run.
#
#   NANOCLR_KIT=/path/to/kit bench/nanoclr/run.sh
#
# Compiles the core's device libraries (tests/nanoclr/run.sh --libraries-only) and this folder's program into .pe files with the kit's recipe, runs the
# program on the kit's nanoCLR (256 KiB of the BenchmarkDotNet suite's inputs, best of 5 rounds per case) and
# prints a markdown table: MB/s per case, and each case against the bare IL loop, the native Array.IndexOf
# scan and the seed's code (Seed/, the hot path as issue 15 measured it), all measured in the same run. Without a kit it says so and exits 0. Output: $NANOCLR_OUT (artifacts/nanoclr-bench).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
kit=${NANOCLR_KIT:-}
if [ -z "$kit" ] || [ ! -x "$kit/bin/nanoclr" ] || [ ! -f "$kit/mdp/nanoFramework.Tools.MetaDataProcessor.dll" ]; then
  echo "nanoCLR bench: skipped (no kit)"; exit 0
fi
kit=$(cd "$kit" && pwd)
export NANOCLR_KIT=$kit DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=${NANOCLR_OUT:-$repo/artifacts/nanoclr-bench}
mkdir -p "$out"; out=$(cd "$out" && pwd)
NANOCLR_OUT=$out bash "$repo/tests/nanoclr/run.sh" --libraries-only > "$out/build-libraries.log" 2>&1 \
  || { tail -5 "$out/build-libraries.log"; echo "nanoCLR bench: build of the core failed"; exit 1; }
if ! dotnet build "$repo/bench/nanoclr/NanoRelay.NanoBench.csproj" -c Release -nologo -v:q -m:1 -o "$out/Bench" \
     -p:BaseIntermediateOutputPath="$out/obj/Bench/" -p:NanoOut="$out/" > "$out/build-Bench.log" 2>&1; then
  grep -E 'error' "$out/build-Bench.log" | sort -u | head; echo "nanoCLR bench: build failed"; exit 1
fi
"$kit/bin/nanoclr" "$kit/lib/mscorlib.pe" "$out"/lib/*.pe "$out/Bench/NanoRelay.NanoBench.pe" > "$out/run.log" 2>&1
rc=$?
grep -q '^BENCH-END' "$out/run.log" || { tail -20 "$out/run.log"; echo "nanoCLR bench: the run did not finish (exit $rc)"; exit 1; }
awk '
  /^BENCH / {
    n++; input[n] = $2; name[n] = $3; check[n] = $7
    mbs[$2 " " $3] = ($4 / 1e6) / ($5 / 1e7); chk[$2 " " $3] = $7
  }
  function ratio(a, b) { return (b in mbs) ? sprintf("%.2f", mbs[a] / mbs[b]) : "" }
  END {
    print "| input (256 KiB) | case | MB/s | x bare IL loop | x native scan | x seed (today) |"
    print "|---|---|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      k = input[i] " " name[i]; seed = input[i] " seed-" name[i]
      if (name[i] ~ /^seed-/) continue
      s = ratio(k, seed)
      if ((seed in chk) && chk[seed] != chk[k]) s = s " (OUTPUT DIFFERS)"
      printf "| %s | %s | %.1f | %s | %s | %s |\n", input[i], name[i], mbs[k], ratio(k, input[i] " bare-il-loop"), ratio(k, input[i] " native-scan"), s
    }
    for (i = 1; i <= n; i++) if (name[i] ~ /^seed-/) printf "| %s | %s | %.1f | %s | %s | |\n", input[i], name[i], mbs[input[i] " " name[i]], ratio(input[i] " " name[i], input[i] " bare-il-loop"), ratio(input[i] " " name[i], input[i] " native-scan")
  }' "$out/run.log" | tee "$out/table.md"
echo "kit: $kit ($(date -u +%F))"
