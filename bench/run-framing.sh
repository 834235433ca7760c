#!/usr/bin/env bash
# Runs the framing benchmarks (line framer, dot-stuffer, and their baselines) with BenchmarkDotNet's
# short job (1 launch, 3 warm-ups, 3 iterations: a few minutes on 2 cores) and leaves the reports
# (GitHub markdown, CSV) in bench/results/. Usage: bench/run-framing.sh [extra BenchmarkDotNet args]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=bench/results
mkdir -p "$out"
dotnet run -c Release --project bench/NanoRelay.Bench -- \
  --filter '*FramingBenchmarks*' '*DotStufferBenchmarks*' \
  --job short --exporters github csv --artifacts "$out" "$@"
echo "reports: $(ls "$out"/results/*.md)"
