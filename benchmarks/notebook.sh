#!/usr/bin/env bash
# The attention notebook end to end, in one run: nbrun (run + page + snapshot check) against the
# same walkthrough in TensorFlow (benchmarks/attention_tf.py), wall time and peak memory of both.
#   benchmarks/notebook.sh [REPEATS]     (TensorFlow REPEATS times, default 3; nbrun 4x as many)
# The TensorFlow side needs a virtual environment (.venv-tf, shared with benchmarks/layers.sh;
# tensorflow-cpu from PyPI is installed into it on first use). Target (issue 8): nbrun under 0.5 s and 400 MB; TensorFlow ~12 s, ~1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
./dev build --product nbrun >&2
venv="${NOTEBOOK_BENCH_VENV:-.venv-tf}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
"$venv/bin/python" -c "import tensorflow" 2>/dev/null || "$venv/bin/pip" install -q tensorflow-cpu >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cp output/attention.snap "$out/" 2>/dev/null || true
# nbrun runs 4x as often as TensorFlow (it is 10x faster): its median is worth reporting too.
nb=$(python3 benchmarks/measure.py --repeats "$((repeats * 4))" --name nbrun -- "${NBRUN_BUILD_DIR:-.build}/debug/nbrun" -q -o "$out" notebooks/attention.md)
tf=$(python3 benchmarks/measure.py --repeats "$repeats" --name tensorflow -- "$venv/bin/python" benchmarks/attention_tf.py)
python3 - "$nb" "$tf" <<'PY'
import sys
rows = [line.split("\t") for line in sys.argv[1:]]
(_, nb, nm, np_), (_, tb, tm, tp) = rows
print(f"{'attention walkthrough':<24}{'best s':>10}{'median s':>10}{'peak MB':>10}")
print(f"{'nbrun (run + page)':<24}{float(nb):>10.3f}{float(nm):>10.3f}{float(np_):>10.0f}")
print(f"{'TensorFlow (eager)':<24}{float(tb):>10.3f}{float(tm):>10.3f}{float(tp):>10.0f}")
print(f"{'ratio TF / nbrun':<24}{float(tb)/float(nb):>9.1f}x{float(tm)/float(nm):>9.1f}x{float(tp)/float(np_):>9.1f}x")
PY
# Where nbrun's time goes: its cells over 10 ms, from one more run's JUnit report.
"${NBRUN_BUILD_DIR:-.build}/debug/nbrun" -q -o "$out" --junit "$out/cells.xml" notebooks/attention.md >/dev/null || true
python3 - "$out/cells.xml" <<'PY'
import re, sys
cells = re.findall(r'name="[^"]*id ([^)"]+)\)" time="([0-9.]+)"', open(sys.argv[1]).read())
slow = [(name, float(t)) for name, t in cells if float(t) >= 0.01]
print("nbrun cells over 10 ms:", "  ".join(f"{name} {t * 1000:.0f} ms" for name, t in slow))
PY
