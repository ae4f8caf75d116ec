#!/usr/bin/env bash
# The results cache and watch mode (issue 15) on the course notebooks (notebooks/*.md): a cold run,
# a warm run from the cache, a prose edit, and, in watch mode, an edit of the last cell; each
# against the cold run. Targets: warm run and prose edit under 200 ms per notebook; an edit of the
# last cell in watch mode costs about that cell's own time.
#   benchmarks/cache.sh [REPEATS]     (default 5; best and median wall times)
set -euo pipefail
cd "$(dirname "$0")/.."
./dev build --product nbrun >&2
exec python3 benchmarks/cache.py --nbrun "${NBRUN_BUILD_DIR:-.build}/debug/nbrun" --repeats "${1:-5}" notebooks/*.md
