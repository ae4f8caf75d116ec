#!/usr/bin/env python3
"""The NumPy side of the tensor benchmark, and the table: runs the same operations on the same
shapes as TensorsBench, runs TensorsBench (path given), prints both and the ratios.
Usage: python3 benchmarks/tensors_numpy.py PATH/TO/TensorsBench
"""
import json
import os
import subprocess
import sys
import time

import numpy as np


def timed(body, budget=0.5):
    """Median wall time over enough runs to fill about `budget` seconds (3 to 50 runs)."""
    body()
    samples = []
    start = time.perf_counter()
    while len(samples) < 3 or (len(samples) < 50 and time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        body()
        samples.append(time.perf_counter() - t0)
    return sorted(samples)[len(samples) // 2]


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def numpy_side():
    rng = np.random.default_rng(1)
    r = lambda *s: rng.standard_normal(s).astype(np.float32)
    out = {}
    for name, a, b in [("matmul 1024x1024 · 1024x1024", (1024, 1024), (1024, 1024)),
                       ("matmul 64x1536 · 1536x3072", (64, 1536), (1536, 3072)),
                       ("matmul 3x512 · 512x30000", (3, 512), (512, 30000))]:
        x, y = r(*a), r(*b)
        out[name] = timed(lambda: np.matmul(x, y))
    m = r(1000, 1000)
    out["softmax (1000, 1000) last axis"] = timed(lambda: softmax(m))
    out["tanh 1M"] = timed(lambda: np.tanh(m))
    out["exp 1M"] = timed(lambda: np.exp(m))
    out["sigmoid 1M"] = timed(lambda: 1 / (1 + np.exp(-m)))
    row = r(1000)
    out["add broadcast (1000, 1000) + (1000,)"] = timed(lambda: m + row)
    out["multiply 1M"] = timed(lambda: m * m)
    out["sum 1M"] = timed(lambda: m.sum())
    t3 = r(64, 128, 128)
    out["transpose (64, 128, 128) [0, 2, 1]"] = timed(lambda: np.ascontiguousarray(t3.transpose(0, 2, 1)))
    out["transpose (64, 128, 128) [2, 1, 0]"] = timed(lambda: np.ascontiguousarray(t3.transpose(2, 1, 0)))
    c1, c2 = r(64, 500, 64), r(64, 500, 64)
    out["concatenate 2x (64, 500, 64) axis -1"] = timed(lambda: np.concatenate([c1, c2], axis=-1))
    def orthogonal():    # Keras's Orthogonal for a (768, 3072) recurrent kernel
        q, r = np.linalg.qr(rng.standard_normal((3072, 768)))
        return (q * np.sign(np.diag(r))).T.astype(np.float32)
    out["orthogonal initializer (768, 3072)"] = timed(orthogonal)
    out["random normal 1M"] = timed(lambda: rng.standard_normal((1000, 1000), dtype=np.float32))
    return out


def main():
    bench = sys.argv[1]
    try:
        from threadpoolctl import threadpool_info
        blas = [(i["internal_api"], i["version"], i.get("architecture"), i["num_threads"]) for i in threadpool_info()]
    except ImportError:
        blas = "threadpoolctl not installed"
    print(f"numpy {np.__version__}, BLAS {blas}")
    with open("/proc/loadavg") as f:
        print(f"load average {f.read().split()[0]} on {os.cpu_count()} cores; "
              f"NBRUN_TENSOR_THREADS={os.environ.get('NBRUN_TENSOR_THREADS', '<all cores>')}")
    ref = numpy_side()
    ours = {}
    run = subprocess.run([bench], check=True, capture_output=True, text=True)
    print(run.stderr.strip())
    for line in run.stdout.splitlines():
        row = json.loads(line)
        ours[row["name"]] = row["seconds"]
    print(f"{'operation':42} {'numpy ms':>10} {'nbrun ms':>10} {'numpy/nbrun':>12}")
    for name, t in ref.items():
        s = ours.get(name)
        ratio = f"{t / s:.2f}" if s else "-"
        print(f"{name:42} {t * 1e3:10.3f} {s * 1e3 if s else float('nan'):10.3f} {ratio:>12}")
    print("numpy/nbrun > 1 means nbrun is faster; targets: matmul >= 0.9, elementwise and softmax >= 0.67 (within 1.5x)")


if __name__ == "__main__":
    main()
