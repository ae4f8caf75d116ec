#!/bin/sh
# Render benchmark: a generated 2,000-line notebook with 200 cells must render in under 100 ms.
# Uses the debug build (our targets are compiled with -O even there; see Package.swift).
set -e
cd "$(dirname "$0")/.."
swift build --product RenderBench >/dev/null
exec "$(swift build --show-bin-path)/RenderBench" "$@"
