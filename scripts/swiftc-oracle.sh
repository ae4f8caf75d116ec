#!/usr/bin/env bash
# The swiftc oracle: proves that the literate cell files' expectations are Swift's truth.
#
#   scripts/swiftc-oracle.sh [FILE|DIR ...]     (default: Tests/InterpreterTests/Cells)
#
# Each cell file is compiled with swiftc as one program (its cells concatenated, line numbers kept)
# and run; its stdout must equal the file's expectations in order: every `// expect: X` line, and
# for `EXPR // expect result: X` the line is compiled as `print(EXPR)`, so X is Swift's description.
# Header comments at the top of a file choose the mode (`// swiftc: WORD ...`):
#   (none)         the program must compile, exit 0 and print exactly the expectations.
#   skip           not checked (uses tensors or other nbrun-only API, or is about the notebook).
#   scopes         cells after the first run inside `do { }` blocks, so that a name declared again
#                  in a later cell shadows the earlier one (as nbrun's cells do).
#   trap           the program must compile, print the expectations, then trap (nonzero exit); if
#                  Swift names the trap on stderr, the expected error's message must be in it.
#   compile-error  swiftc must reject the program with an error at each expected error's line:col.
# The one deliberate difference: Swift prints a value of a cell's own type nested in another value
# with its module (`[nbcells.Point(x: 1)]`); nbrun's cells have no module (`[Point(x: 1)]`).
# A file with `// expect error:` and neither `trap` nor `compile-error` is skipped.
# Prints PASS/FAIL/SKIP per file and a summary; exits 1 if any file fails.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v swiftc >/dev/null; then echo "error: swiftc is not on PATH" >&2; exit 2; fi
if [ $# -eq 0 ]; then set -- Tests/InterpreterTests/Cells; fi

work=$(mktemp -d /tmp/swiftc-oracle.XXXXXX)
trap 'rm -rf "$work"' EXIT

# check FILE: prints one PASS/FAIL/SKIP line (and details for FAIL).
check() {
    local file=$1 name dir header
    name=$(basename "$file")
    dir=$(mktemp -d "$work/f.XXXXXX")
    header=$(sed -n 's@^// swiftc: *@@p' "$file" | head -1)
    local has_error=0
    grep -q '// expect error:' "$file" && has_error=1
    local mode=run
    case " $header " in
        *" skip "*) echo "SKIP $file: marked swiftc: skip"; return 0 ;;
        *" trap "*) mode=trap ;;
        *" compile-error "*) mode=compile-error ;;
    esac
    if [ "$mode" = run ] && [ $has_error = 1 ]; then
        echo "SKIP $file: expects an nbrun error"; return 0
    fi
    local scopes=0
    case " $header " in *" scopes "*) scopes=1 ;; esac

    # The program: `// cell` lines become `do {` (scopes) or blank lines; result lines are printed.
    awk -v scopes=$scopes '
        /^[ \t]*\/\/ cell[ \t]*$/ { if (scopes) { print "do {"; opened++ } else print ""; next }
        /\/\/ expect result:/ {
            i = index($0, "// expect result:")
            code = substr($0, 1, i - 1); sub(/[ \t]+$/, "", code)
            match(code, /^[ \t]*/); indent = substr(code, 1, RLENGTH); code = substr(code, RLENGTH + 1)
            if (code == "") { print "#error(\"expect result needs its expression on the same line\")"; next }
            print indent "print(" code ")"; next
        }
        { print }
        END { for (k = 0; k < opened; k++) print "}" }
    ' "$file" > "$dir/$name"
    # The expected stdout: `// expect:` and `// expect result:` texts, in file order.
    sed -nE 's@^.*// expect( result)?:( ?)(.*)$@\3@p' "$file" > "$dir/expected"

    if ! (cd "$dir" && swiftc -Onone -suppress-warnings -module-name nbcells "$name" -lm -o prog > compile.txt 2>&1); then
        if [ "$mode" = compile-error ]; then
            local missing="" loc line column
            while IFS= read -r loc; do
                line=$(echo "$loc" | cut -d: -f2)
                column=$(echo "$loc" | cut -d: -f3)
                grep -qE "^$name:$line:$column: error:" "$dir/compile.txt" || missing+=" $loc"
            done < <(sed -nE 's@^.*// expect error: *([^:]+:[0-9]+:[0-9]+):.*$@\1@p' "$file")
            if [ -z "$missing" ]; then echo "PASS $file (swiftc rejects it)"; return 0; fi
            echo "FAIL $file: swiftc reports no error at:$missing"
            grep -E ': error:' "$dir/compile.txt" | sed 's/^/    /'
            return 1
        fi
        echo "FAIL $file: swiftc does not compile it"
        grep -E ': error:' -A3 "$dir/compile.txt" | head -30 | sed 's/^/    /'
        return 1
    fi
    if [ "$mode" = compile-error ]; then echo "FAIL $file: swiftc compiles it, but it expects an error"; return 1; fi

    local status=0
    { (cd "$dir" && SWIFT_BACKTRACE=enable=no timeout 20 stdbuf -oL ./prog > raw-stdout 2> stderr); } 2>/dev/null || status=$?
    # nbrun's cells are in no module: where Swift prints `nbcells.Point(x: 1)` (a value of a
    # cell's type inside another value), nbrun prints `Point(x: 1)`; nor does it name the standard
    # library in generic arguments (`Swift.Result<Swift.Int, E>` is `Result<Int, E>`).
    sed -e "s/nbcells\.//g" -e "s/Swift\.//g" "$dir/raw-stdout" > "$dir/stdout"
    local problems=""
    if [ "$mode" = run ] && [ $status -ne 0 ]; then problems+=" exit status $status;"; fi
    if [ "$mode" = trap ]; then
        if [ $status -eq 0 ]; then problems+=" it does not trap;"
        elif [ $status -eq 124 ]; then problems+=" it runs past 20 s;"
        fi
        if grep -qE 'Fatal error|Precondition failed' "$dir/stderr"; then
            local message
            while IFS= read -r message; do
                # Swift names an object by its address (`object 0x55ed6ca46f30 was already destroyed`).
                sed -E 's/ 0x[0-9a-fA-F]+//g' "$dir/stderr" | grep -qF -- "$message" || problems+=" Swift's trap message is not '$message';"
            done < <(sed -nE 's@^.*// expect error: *[^:]+:[0-9]+:[0-9]+: *(.*)$@\1@p' "$file")
        fi
    fi
    if ! cmp -s "$dir/expected" "$dir/stdout"; then problems+=" stdout differs from the expectations;"; fi
    if [ -z "$problems" ]; then echo "PASS $file"; return 0; fi
    echo "FAIL $file:$problems"
    diff "$dir/expected" "$dir/stdout" | head -20 | sed 's/^/    /'
    grep -E 'Fatal error|Precondition failed' "$dir/stderr" | head -3 | sed 's/^/    stderr: /'
    return 1
}
export -f check
export work

mkdir -p "$work/reports"
find "$@" -name '*.swift' -type f | sort | xargs -P "${ORACLE_JOBS:-2}" -I{} \
    bash -c 'check "$1" > "$work/reports/$(echo "$1" | tr / _)"' _ {}
cat "$work/reports"/* 2>/dev/null
pass=$(cat "$work/reports"/* | grep -c '^PASS ')
fail=$(cat "$work/reports"/* | grep -c '^FAIL ')
skip=$(cat "$work/reports"/* | grep -c '^SKIP ')
echo "swiftc oracle: $pass pass, $fail fail, $skip skipped"
[ "$fail" -eq 0 ]
