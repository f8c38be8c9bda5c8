#!/bin/sh
# corpus.sh BIN - ingestion measured on the shared third-party corpus
# (../shared/corpus beside the project): main-text F1 on real pages, one
# document per item for every well-formed feed, and the hostile files
# within time and memory limits with nothing leaked.  Skips (exit 0 with a
# note) when the corpus is not there.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
corpus=${ERG_CORPUS:-$top/../shared/corpus}
if [ ! -d "$corpus" ]; then
	echo "corpus: $corpus not found, skipped"
	exit 0
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
. "$here/lib.sh"

# 1. main text of real pages against the reference extractor
min_html=${ERG_MIN_HTML_F1:-0.90}
if command -v python3 >/dev/null; then
	"$corpus/score-html" --run "$bin text" --min-f1 "$min_html" >"$tmp/html" 2>&1 &&
		ok || bad "main-text F1 below $min_html: $(tail -1 "$tmp/html")"
	echo "html: $(tail -1 "$tmp/html")"
fi

# 2. feeds: every well-formed one gives one document per item or entry
items() {
	case "$1" in
	*) if gzip -t "$1" 2>/dev/null; then zcat "$1"; else cat "$1"; fi ;;
	esac | xmllint --nonet --xpath \
		"count(//*[(local-name()='item' or local-name()='entry' or local-name()='ITEM') and not(ancestor::*[local-name()='item' or local-name()='entry' or local-name()='ITEM'])])" - 2>/dev/null
}
nf=0
tail -n +2 "$corpus/feeds/MANIFEST.tsv" | while IFS='	' read -r path format wf rest; do
	f="$corpus/feeds/$path"
	[ -f "$f" ] || continue
	timeout 10 "$bin" docs "$f" >"$tmp/docs" 2>"$tmp/err"
	rc=$?
	# items that repeat an earlier one (same guid, link or text) are
	# read once by design
	dups=$(sed -n 's/^ergraph: read once: \([0-9]*\) duplicate.*/\1/p' "$tmp/err")
	if [ "$rc" -ge 124 ]; then
		echo "FAIL: feed $path: exit $rc (crash or timeout)"
		continue
	fi
	case "$format" in HTML*) continue ;; esac
	if [ "$wf" = "ok" ] || [ "$wf" = "yes" ] || [ "$wf" = "True" ] || [ "$wf" = "1" ]; then
		want=$(items "$f")
		got=$(($(wc -l <"$tmp/docs") + ${dups:-0}))
		[ "$want" = "$got" ] || echo "FAIL: feed $path: $got documents for $want items"
	elif [ "$rc" -ne 0 ] && [ "$(grep -vc 'read once' "$tmp/err")" -gt 2 ]; then
		echo "FAIL: feed $path: error is not one line: $(head -3 "$tmp/err")"
	fi
done >"$tmp/feeds"
nbad=$(grep -c '^FAIL' "$tmp/feeds")
[ "$nbad" -eq 0 ] && ok || { bad "$nbad feed checks"; head -20 "$tmp/feeds"; }
echo "feeds: $(tail -n +2 "$corpus/feeds/MANIFEST.tsv" | wc -l) files, $nbad failures"

# 3. hostile XML and HTML: bounded time and memory, nothing leaked
for f in $(find "$corpus/hostile" -type f \( -name '*.xml' -o -name '*.html' -o -name '*.htm' \) | sort); do
	( ulimit -v 1048576; timeout 10 "$bin" text -q "$f" ) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ge 124 ]; then
		bad "hostile $(basename "$f"): exit $rc (crash, timeout or memory)"
	elif grep -q 'root:x:0:0\|/bin/bash' "$tmp/out"; then
		bad "hostile $(basename "$f"): local file content in the output"
	else
		ok
	fi
done

verdict corpus
