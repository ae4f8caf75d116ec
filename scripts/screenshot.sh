#!/bin/sh
# Renders course pages with headless Chromium (Debian's `chromium`) into PNG screenshots,
# light and dark, with every network request refused (pages must be self-contained).
#
#   scripts/screenshot.sh PAGE.html [OUT_DIR] [WIDTH] [HEIGHT] [ANCHOR]
#                                       → OUT_DIR/NAME-light.png, NAME-dark.png (from ANCHOR if given)
#   scripts/screenshot.sh --sample [OUT_DIR]   renders the hand-made sample course first
#   scripts/screenshot.sh --course [OUT_DIR]   runs notebooks/attention.md, then shoots the picture
#                                              the docs show (1400 x 2200 from "Dot-product attention")
#
# Also writes OUT_DIR/NAME.dom.html (the DOM after layout, from --dump-dom).
set -eu
cd "$(dirname "$0")/.."

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROMIUM" ] || { echo "screenshot.sh: chromium not found (apt-get install chromium, or ./dev setup test)" >&2; exit 2; }

if [ "${1:-}" = "--sample" ]; then
    OUT=${2:-output/screenshots}
    ./dev build --product RenderBench >/dev/null
    "$(./dev build --show-bin-path)/RenderBench" --sample "$OUT/pages"
    set -- "$OUT/pages/attention.html" "$OUT"
elif [ "${1:-}" = "--course" ]; then
    OUT=${2:-output/screenshots}
    ./dev build --product nbrun >/dev/null
    "$(./dev build --show-bin-path)/nbrun" notebooks/attention.md -o "$OUT/pages" -q
    set -- "$OUT/pages/attention.html" "$OUT" 1400 2200 dot-product-attention-step-by-step
fi

PAGE=${1:?usage: screenshot.sh PAGE.html [OUT_DIR] [WIDTH] [HEIGHT] [ANCHOR]}
OUT=${2:-output/screenshots}
WIDTH=${3:-1000}
HEIGHT=${4:-3600}
ANCHOR=${5:-}
mkdir -p "$OUT"
NAME=$(basename "$PAGE" .html)
URL="file://$(cd "$(dirname "$PAGE")" && pwd)/$(basename "$PAGE")"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

# A headless screenshot starts at the top of the page: to start at ANCHOR, the page is shown in a
# frame that fills the window, scrolled to it.
SHOT_URL=$URL
if [ -n "$ANCHOR" ]; then
    printf '<!DOCTYPE html><html><body style="margin:0;overflow:hidden"><iframe src="%s#%s" style="border:0;display:block;width:100vw;height:100vh"></iframe></body></html>\n' \
        "$URL" "$ANCHOR" > "$PROFILE/frame.html"
    SHOT_URL="file://$PROFILE/frame.html"
fi

# No network: every host name resolves to nothing, and no proxy is tried.
chrome() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PROFILE/profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" --no-proxy-server --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --virtual-time-budget=2000 "$@"
}
chrome --blink-settings=preferredColorScheme=1 --window-size="$WIDTH,$HEIGHT" \
    --screenshot="$OUT/$NAME-light.png" "$SHOT_URL" >/dev/null 2>&1
echo "$OUT/$NAME-light.png"
chrome --blink-settings=preferredColorScheme=0 --force-dark-mode --window-size="$WIDTH,$HEIGHT" \
    --screenshot="$OUT/$NAME-dark.png" "$SHOT_URL" >/dev/null 2>&1
echo "$OUT/$NAME-dark.png"
chrome --dump-dom "$URL" 2>/dev/null > "$OUT/$NAME.dom.html"
echo "$OUT/$NAME.dom.html"
