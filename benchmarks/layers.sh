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
./dev build --product LayersBench
# Alternates TensorFlow and nbrun rounds in one process and keeps each side's fastest times.
"$(./dev build --show-bin-path)/LayersBench" "$VENV/bin/python" benchmarks/layers_tf.py "${ROUNDS:-3}"
