#!/bin/sh
# browser.sh BIN - render the HTML briefing of input/ in headless Chromium:
# the screenshot must not be blank and the figure must have a size.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$here")" || exit 1
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "FAIL: chromium not installed (scripts/install-deps scripts/packages-browser.txt)"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
. "$here/lib.sh"

# flags that keep a headless Chromium off the network and quiet
run_browser() {
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$tmp/profile" --window-size=1280,1600 "$@" \
		2>>"$tmp/browser.log"
}

"$bin" graph -q -t "Briefing test" input/*.txt -o "$tmp/brief.html" || bad "no briefing"
printf '<!DOCTYPE html><html><body></body></html>\n' >"$tmp/blank.html"
run_browser --screenshot="$tmp/blank.png" "file://$tmp/blank.html" >/dev/null
run_browser --screenshot="$tmp/shot.png" "file://$tmp/brief.html" >/dev/null
if [ -s "$tmp/shot.png" ] && [ -s "$tmp/blank.png" ]; then
	# a page with a figure and tables compresses far worse than white
	b=$(wc -c <"$tmp/blank.png")
	s=$(wc -c <"$tmp/shot.png")
	[ "$s" -gt $((b * 4)) ] && ok || bad "screenshot looks blank ($s bytes, blank page $b)"
else
	bad "no screenshot: $(tail -3 "$tmp/browser.log")"
fi

# the figure's laid-out size, read by a probe added to a copy of the page
sed 's|</body>|<script>addEventListener("load",function(){var r=document.querySelector("figure svg").getBoundingClientRect();document.title="size "+Math.round(r.width)+"x"+Math.round(r.height);});</script></body>|' \
	"$tmp/brief.html" >"$tmp/probe.html"
run_browser --dump-dom "file://$tmp/probe.html" >"$tmp/dom.html"
size=$(sed -n 's|.*<title>size \([0-9]*\)x\([0-9]*\)</title>.*|\1 \2|p' "$tmp/dom.html")
set -- $size
if [ "${1:-0}" -gt 100 ] && [ "${2:-0}" -gt 100 ]; then ok; else
	bad "figure has no size in the browser: '${size}'"
fi
verdict browser
