"""Runs commands and reports wall time and peak memory (max RSS of the process tree's largest
process, from wait4), best of N runs. Used by the benchmark scripts.

    python3 benchmarks/measure.py --repeats 3 --name nbrun -- .build/debug/nbrun notebooks/attention.md
"""
import argparse
import os
import resource
import subprocess
import sys
import time


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    # ru_maxrss of the direct child; its own children (nbrun's worker) are read separately.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(usage.ru_maxrss, children) / 1024.0, os.waitstatus_to_exitcode(status), err


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--name", required=True)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    best = None
    for _ in range(a.repeats):
        wall, mb, code, err = run(cmd)
        if code not in (0, 1):
            sys.stderr.write(err)
            sys.exit(f"{a.name}: exit status {code}")
        best = (wall, mb) if best is None or wall < best[0] else (best[0], max(best[1], mb))
    print(f"{a.name}\t{best[0]:.3f}\t{best[1]:.0f}")


if __name__ == "__main__":
    main()
