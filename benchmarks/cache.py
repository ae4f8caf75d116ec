"""The cache benchmark (benchmarks/cache.sh): for each notebook, in a scratch copy of its folder,
times (wall clock, best and median of REPEATS) a cold run (--rerun), a warm run (from the cache),
a run after a prose edit (from the cache, page re-rendered; for these two, also the CPU time
nbrun used, which a busy machine does not inflate), and in one --watch session an edit of
the last code cell (from the file write to the end of the round nbrun reports; nbrun's own time
for the round is shown too, beside the last cell's own time in the cold run)."""
import argparse, json, os, re, resource, shutil, statistics, subprocess, sys, tempfile, threading, time

cpu = {}  # CPU seconds (user + system) of the last timed run, by command kind

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def timed(cmd, cwd):
    start, before = time.perf_counter(), children_cpu()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    cpu["last"] = children_cpu() - before  # nbrun and the workers it waited for
    if done.returncode not in (0, 1):
        sys.exit(f"nbrun failed ({done.returncode}):\n{done.stdout}")
    return seconds, done.stdout

def prose_edit(text, n):
    """Appends a word to the first prose line after the front matter (outside every fence)."""
    lines, fence, body = text.split("\n"), False, False
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
    else:
        end = -1
    for i, line in enumerate(lines):
        if i <= end:
            continue
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        if not fence and re.match(r"^[A-Za-z]", line):
            lines[i] = line + f" edit{n}"
            return "\n".join(lines)
    return text + f"\n\nedit{n}\n"

def last_cell_edit(text, n):
    """Adds a comment line at the end of the last ```swift cell."""
    lines = text.split("\n")
    opens = [i for i, l in enumerate(lines) if l.lstrip().startswith("```swift")]
    close = next(i for i in range(opens[-1] + 1, len(lines)) if lines[i].lstrip().startswith("```"))
    lines.insert(close, f"// edit {n}")
    return "\n".join(lines)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nbrun", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    nbrun = os.path.abspath(args.nbrun)
    print(f"{'notebook / case':<34}{'best s':>9}{'median s':>10}{'vs cold':>9}")
    for path in args.notebooks:
        scratch = tempfile.mkdtemp(prefix="nbrun-cache-bench-")
        try:
            folder = os.path.join(scratch, "nb")
            shutil.copytree(os.path.dirname(os.path.abspath(path)), folder)
            name = os.path.basename(path)
            notebook = os.path.join(folder, name)
            run = [nbrun, "-q", "-u", "-o", "out", "nb/" + name]
            timed(run, scratch)  # the snapshot, and the first cache entry
            cold, cold_cpu, warm, warm_cpu = [], [], [], []
            for _ in range(args.repeats):
                cold.append(timed(run[:1] + ["--rerun"] + run[1:], scratch)[0])
                cold_cpu.append(cpu["last"])
            for _ in range(args.repeats):
                warm.append(timed(run, scratch)[0])
                warm_cpu.append(cpu["last"])
            original = open(notebook).read()
            prose, prose_cpu = [], []
            for n in range(args.repeats):
                open(notebook, "w").write(prose_edit(original, n))
                seconds, out = timed([a for a in run if a != "-q"] + ["-v"], scratch)
                if "from the cache" not in out:
                    sys.exit(f"a prose edit missed the cache:\n{out}")
                prose.append(seconds)
                prose_cpu.append(cpu["last"])
            open(notebook, "w").write(original)
            timed(run, scratch)
            entry = json.load(open(os.path.join(scratch, "out", ".nbrun-cache", name[:-3] + ".json")))
            last = [r for r in entry["runs"] if r.get("result")][-1]["result"]["duration"]
            watch_total, watch_round, watch_first = watch(nbrun, scratch, name, notebook, original, args.repeats)
            rows = [("cold run (--rerun)", cold, None), ("warm run (from the cache)", warm, warm_cpu),
                    ("prose edit (from the cache)", prose, prose_cpu), ("watch: edit of the last cell", watch_total, None)]
            print(f"{name}")
            for label, values, cpus in rows:
                best, median = min(values), statistics.median(values)
                used = f"   cpu {statistics.median(cpus):.3f} s (no worker started)" if cpus else ""
                print(f"  {label:<32}{best:>9.3f}{median:>10.3f}{min(cold) / best:>8.1f}x{used}")
            print(f"  {'  nbrun’s time for that round':<32}{min(watch_round):>9.3f}{statistics.median(watch_round):>10.3f}"
                  f"   (the last cell alone: {last:.3f} s)")
            print(f"  {'watch: first run (checkpoints)':<32}{watch_first:>9.3f}{'':>10}{min(cold) / watch_first:>8.1f}x"
                  "   (every cell, a checkpoint before each)")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

def watch(nbrun, scratch, name, notebook, original, repeats):
    """Edits the last cell `repeats` times in one --watch session."""
    process = subprocess.Popen([nbrun, "-v", "-u", "--watch", "-o", "out", "nb/" + name], cwd=scratch,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines, cond = [], threading.Condition()
    def read():
        for line in process.stdout:
            with cond:
                lines.append(line)
                cond.notify_all()
    threading.Thread(target=read, daemon=True).start()
    def wait(count):
        with cond:
            if not cond.wait_for(lambda: sum("watching" in l for l in lines) >= count, timeout=300):
                process.kill()
                sys.exit("watch mode did not finish a round:\n" + "".join(lines))
    try:
        wait(1)
        with cond:  # the page came from the cache; the session was then made (a run with checkpoints)
            ready = cond.wait_for(lambda: any("session is ready" in l for l in lines), timeout=300)
            first = float(re.search(r"cells ran in ([\d.]+) s", next(l for l in lines if "session is ready" in l)).group(1))
        totals, rounds = [], []
        for n in range(repeats):
            start = time.perf_counter()
            open(notebook, "w").write(last_cell_edit(original, n))
            wait(n + 2)
            totals.append(time.perf_counter() - start)
            with cond:
                line = next(l for l in reversed(lines) if "kept from the session" in l or " ran " in l)
            m = re.search(r"ran cells? [\d-]+ in ([\d.]+) s", line)
            if not m or "kept from the session" not in line:
                sys.exit(f"the edit did not resume the session: {line}")
            rounds.append(float(m.group(1)))
        return totals, rounds, first
    finally:
        process.send_signal(2)
        process.wait(timeout=30)

main()
