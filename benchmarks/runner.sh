#!/usr/bin/env bash
# The runner benchmark: 100 small notebooks with -j 2 against -j 1, and a worker's overhead.
#   benchmarks/runner.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
./dev build --product nbrun >&2
./dev build --product RunnerBench >&2
exec "${NBRUN_BUILD_DIR:-.build}/debug/RunnerBench" --nbrun "${NBRUN_BUILD_DIR:-.build}/debug/nbrun" --repeats "${1:-3}"
