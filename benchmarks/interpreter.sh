#!/usr/bin/env bash
# The interpreter benchmark, in one run: the same programs in CPython (python3, 3.11 here) and in
# nbrun's interpreter (a Session, as the runner uses it), with ratios; plus the wall time of
# `nbrun` on a notebook with one empty cell.
#   benchmarks/interpreter.sh [REPEATS]       (best of REPEATS runs, default 3)
# Uses the debug build (our targets are compiled with -O even there, see Package.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "error: python3 is needed for the reference side" >&2; exit 2; }
./dev build --product InterpreterBench >&2
exec "${NBRUN_BUILD_DIR:-.build}/debug/InterpreterBench" --repeats "${1:-3}" --python benchmarks/interpreter.py --nbrun "${NBRUN_BUILD_DIR:-.build}/debug/nbrun"
