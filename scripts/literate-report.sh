#!/usr/bin/env bash
# Runs each literate cell file alone through nbrun's interpreter (LiterateCellTests, one test
# process per file, so a crash of the interpreter names its file) and prints PASS / FAIL / CRASH
# per file with the failing cells, then a summary. Build first: ./dev build --build-tests
#   scripts/literate-report.sh [PREFIX ...]     (paths under Tests/InterpreterTests/Cells/)
set -uo pipefail
cd "$(dirname "$0")/.."
cells=Tests/InterpreterTests/Cells
files=$(cd "$cells" && find . -name '*.swift' | sed 's|^\./||' | sort)
if [ $# -gt 0 ]; then
    files=$(for f in $files; do for p in "$@"; do case "$f" in "$p"*) echo "$f" ;; esac; done; done | sort -u)
fi
pass=0; fail=0; crash=0
for f in $files; do
    out=$(LITERATE_FILES="$f" swift test --skip-build --filter 'LiterateCellTests' 2>&1)
    if echo "$out" | grep -q 'Test run with .* passed'; then
        pass=$((pass + 1)); echo "PASS  $f"
    elif echo "$out" | grep -q 'Test run with .* failed'; then
        fail=$((fail + 1)); echo "FAIL  $f"
        # The runner's own mismatch report: the lines after "↳ <path>: cell N (line L):".
        echo "$out" | awk '/^↳ .*: cell [0-9]+ \(line [0-9]+\):/ { on = 1 } /^(✘|✔|◇)/ { on = 0 } on' | sed 's/^/      /' | head -40
    else
        crash=$((crash + 1)); echo "CRASH $f"
        echo "$out" | grep -E 'Fatal error|crashed:' | head -2 | sed 's/^/      /'
        echo "$out" | grep -A6 'crashed:' | grep -E ' at /' | head -3 | sed 's/^/      /'
    fi
done
echo "literate cells: $pass files pass, $fail fail, $crash crash the interpreter"
