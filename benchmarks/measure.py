"""Runs commands and reports wall time and peak memory, best of N runs. Used by the benchmark
scripts; prints the best and the median wall time and the peak. Wall time: until the command exits (what its user waits for). Peak memory: the largest
max RSS of any process of its tree, from wait4. On Linux this script makes itself a child
subreaper, so processes the command leaves to finish in the background (nbrun's worker exits
after its parent has written the page) are reaped here and counted too.

    python3 benchmarks/measure.py --repeats 3 --name nbrun -- .build/debug/nbrun notebooks/attention.md
"""
import argparse
import ctypes
import os
import statistics
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode(errors="replace")  # until the command and its tree close it
    proc.stderr.close()
    wall, code, peak = None, None, 0
    while True:  # the command, then whatever of its tree outlived it
        try:
            pid, status, usage = os.wait4(-1, 0)
        except ChildProcessError:
            break
        peak = max(peak, usage.ru_maxrss)
        if pid == proc.pid:
            wall, code = time.perf_counter() - start, os.waitstatus_to_exitcode(status)
    proc.returncode = code
    return wall, peak / 1024.0, code, err


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--name", required=True)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    become_subreaper()
    walls, peak = [], 0.0
    for _ in range(a.repeats):
        wall, mb, code, err = run(cmd)
        if code not in (0, 1):
            sys.stderr.write(err)
            sys.exit(f"{a.name}: exit status {code}")
        walls.append(wall)
        peak = max(peak, mb)
    # Best and median wall time (the machine's speed drifts by 10-20% from run to run), and
    # the largest peak memory of any run.
    print(f"{a.name}\t{min(walls):.3f}\t{statistics.median(walls):.3f}\t{peak:.0f}")

if __name__ == "__main__":
    main()
