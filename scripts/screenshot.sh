#!/bin/sh
# Renders course pages with headless Chromium (Debian's `chromium`) into PNG screenshots,
# light and dark, with every network request refused (pages must be self-contained).
#
#   scripts/screenshot.sh PAGE.html [OUT_DIR] [WIDTH]   → OUT_DIR/NAME-light.png, NAME-dark.png
#   scripts/screenshot.sh --sample [OUT_DIR]            → renders the hand-made sample course first
#
# Also writes OUT_DIR/NAME.dom.html (the DOM after layout, from --dump-dom).
set -eu
cd "$(dirname "$0")/.."

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROMIUM" ] || { echo "screenshot.sh: chromium not found (apt-get install chromium)" >&2; exit 2; }

if [ "${1:-}" = "--sample" ]; then
    OUT=${2:-output/screenshots}
    ./dev build --product RenderBench >/dev/null
    "$(./dev build --show-bin-path)/RenderBench" --sample "$OUT/pages"
    set -- "$OUT/pages/attention.html" "$OUT"
fi

PAGE=${1:?usage: screenshot.sh PAGE.html [OUT_DIR] [WIDTH]}
OUT=${2:-output/screenshots}
WIDTH=${3:-1000}
mkdir -p "$OUT"
NAME=$(basename "$PAGE" .html)
URL="file://$(cd "$(dirname "$PAGE")" && pwd)/$(basename "$PAGE")"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

# No network: every host name resolves to nothing, and no proxy is tried.
chrome() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PROFILE" \
        --host-resolver-rules="MAP * ~NOTFOUND" --no-proxy-server --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --virtual-time-budget=2000 "$@"
}
chrome --blink-settings=preferredColorScheme=1 --window-size="$WIDTH,3600" \
    --screenshot="$OUT/$NAME-light.png" "$URL" >/dev/null 2>&1
echo "$OUT/$NAME-light.png"
chrome --blink-settings=preferredColorScheme=0 --force-dark-mode --window-size="$WIDTH,3600" \
    --screenshot="$OUT/$NAME-dark.png" "$URL" >/dev/null 2>&1
echo "$OUT/$NAME-dark.png"
chrome --dump-dom "$URL" 2>/dev/null > "$OUT/$NAME.dom.html"
echo "$OUT/$NAME.dom.html"
