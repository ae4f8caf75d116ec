#!/usr/bin/env bash
# Training benchmark (issue 13): the course's classifier with `fit` and a GRU encoder-decoder
# with attention in a custom loop, trained on the same batches by nbrun and by Keras 3 on
# TensorFlow CPU, rounds interleaved; prints seconds per epoch, peak memory and final loss of
# both with their ratios (above 1: nbrun is faster or smaller). See benchmarks/training.py.
#   benchmarks/training.sh [ROUNDS] [EPOCHS]    (default 2 rounds of 2 epochs)
#   TRAINING_BENCH_MODELS=translator  only one of the two; TRAINING_BENCH_QUICK=1  tiny data (a check)
# The Keras side needs TensorFlow and NumPy: a venv at .venv-tf, or TRAINING_BENCH_VENV.
# Target: at least 2x Keras's speed per epoch, at most half its peak memory, the same loss within noise.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TRAINING_BENCH_VENV:-.venv-tf}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q tensorflow-cpu numpy
fi
./dev build --product nbrun >&2
exec "$venv/bin/python" benchmarks/training.py "${NBRUN_BUILD_DIR:-.build}/debug/nbrun" "$venv/bin/python" "${1:-2}" "${2:-2}"
