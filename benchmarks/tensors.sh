#!/usr/bin/env bash
# The tensor benchmark: our kernels (TensorsBench, our code compiled -O in the debug build) and
# NumPy on the same shapes in one run, with ratios. Creates .venv-bench with numpy if missing.
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are left as the machine sets them (see the report
# printed: it names the BLAS kernel NumPy runs); pass --unset-coretype to unset both for this run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--unset-coretype" ]; then unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; fi
venv=.venv-bench
if ! "$venv/bin/python" -c "import numpy, threadpoolctl" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q numpy threadpoolctl
fi
./dev build --product TensorsBench >&2
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-<unset>}"
exec "$venv/bin/python" benchmarks/tensors_numpy.py "$(./dev build --product TensorsBench --show-bin-path)/TensorsBench"
