"""The CPython side of the interpreter benchmark (benchmarks/interpreter.sh).

Runs the same programs as Sources/Benchmarks/InterpreterBench through CPython: each program's
setup runs untimed, then its code is compiled and run (timed, best of N), as nbrun's session
parses and runs a cell. Prints one line per program: `name seconds result`.
"""
import sys
import time

PROGRAMS = {
    "fib": (
        None,
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nresult = fib(27)\n",
    ),
    "loop": (
        None,
        "total = 0\nfor i in range(10_000_000):\n    total += i\nresult = total\n",
    ),
    "dictionary": (
        "text = ' '.join('word%d' % i for i in range(100_000))\n",
        "counts = {}\nfor w in text.split(' '):\n    counts[w] = counts.get(w, 0) + 1\nresult = len(counts)\n",
    ),
}


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for name, (setup, code) in PROGRAMS.items():
        best, result = float("inf"), None
        for _ in range(repeats):
            scope = {}
            if setup:
                exec(setup, scope)
            start = time.perf_counter()
            exec(compile(code, name, "exec"), scope)
            best = min(best, time.perf_counter() - start)
            result = scope["result"]
        print(name, f"{best:.6f}", result, flush=True)


if __name__ == "__main__":
    main()
