#!/usr/bin/env bash
# Layers benchmark: TensorFlow eager (PyPI, in a venv) and nbrun's layers on the seed's shapes,
# in one run; prints milliseconds and the ratio TF/nbrun (above 1: nbrun is faster).
# Uses the default (debug) build: our targets are compiled with -O there (see Package.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${LAYERS_BENCH_VENV:-.venv-tf}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q tensorflow-cpu numpy
fi
swift build --product LayersBench
TF_JSON="$(mktemp)"
trap 'rm -f "$TF_JSON"' EXIT
"$VENV/bin/python" benchmarks/layers_tf.py > "$TF_JSON"
"$(swift build --show-bin-path)/LayersBench" "$TF_JSON"
