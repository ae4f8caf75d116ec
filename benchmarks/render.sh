#!/bin/sh
# Render benchmark: a generated 2,000-line notebook with 200 cells must render in under 100 ms.
#
#   benchmarks/render.sh            debug build (our targets are -O there, see Package.swift; but
#                                   swift-syntax, which highlights the cells, is unoptimised)
#   RELEASE=1 benchmarks/render.sh  RenderBench alone built in release, in .build-release/ (the
#                                   first build compiles swift-syntax optimised: 10+ minutes)
set -e
cd "$(dirname "$0")/.."
if [ -n "${RELEASE:-}" ]; then
    set -- --scratch-path .build-release -c release
fi
./dev build "$@" --product RenderBench >/dev/null 2>&1 || ./dev build "$@" --product RenderBench
exec "$(./dev build "$@" --show-bin-path 2>/dev/null)/RenderBench"
