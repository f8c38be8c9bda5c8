#!/bin/sh
# cli.sh BIN - command-line behaviour: help and usage errors, bad input,
# atomic outputs, well-formed and escaped DOT/SVG/JSON.
set -u
bin=$1
wrap=${ERG_WRAP:-}
here=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$here")" || exit 1
. "$here/lib.sh"


# run EXPECTED_STATUS ARGS...: run bin, keep stdout/stderr in $tmp/out,err
run() {
	want=$1
	shift
	$wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "ergraph $* exited $got, expected $want: $(head -c 300 "$tmp/err")"
	fi
}

# the last run printed exactly one error line starting with "ergraph: "
one_line_error() {
	n=$(wc -l <"$tmp/err")
	if [ "$n" -eq 1 ] && grep -q "^ergraph: .*$1" "$tmp/err"; then ok; else
		bad "expected one error line matching '$1', got: $(cat "$tmp/err")"
	fi
}

# --- help, version, usage errors ---------------------------------------------
run 0 --help
grep -q "^Usage: ergraph COMMAND" "$tmp/out" && ok || bad "--help on stdout"
run 0 extract --help
grep -q "^Usage: ergraph extract" "$tmp/out" && ok || bad "extract --help"
run 0 graph -h
grep -q "^Usage: ergraph graph" "$tmp/out" && ok || bad "graph -h"
run 0 --version
grep -q "^ergraph [0-9]" "$tmp/out" && ok || bad "--version"
run 2
run 2 frobnicate x
grep -q "unknown command: 'frobnicate'" "$tmp/err" && ok || bad "unknown command message"
run 2 extract
run 2 extract --bogus input/01-cac-nvidia-summons.txt
run 2 extract --format xml input/01-cac-nvidia-summons.txt
run 2 graph -o "$tmp/x.xyz" input/01-cac-nvidia-summons.txt
[ ! -e "$tmp/x.xyz" ] && ok || bad "usage error left an output file"

# --- bad input: one line, non-zero, nothing half-written -----------------------
: >"$tmp/empty.txt"
printf '  \n\t\n' >"$tmp/blank.txt"
printf 'abc\000def\001\002\003\004\005\006\007\010\016\017junk' >"$tmp/binary.bin"
printf 'Fine line.\nBad \377 byte here.\n' >"$tmp/latin1.txt"
printf 'Overlong \300\257 slash.\n' >"$tmp/overlong.txt"
mkdir "$tmp/dir"
for f in "$tmp/missing.txt" "$tmp/empty.txt" "$tmp/blank.txt" \
	"$tmp/binary.bin" "$tmp/latin1.txt" "$tmp/overlong.txt"; do
	run 1 extract "$f"
	[ -s "$tmp/out" ] && bad "output for bad input $f" || ok
	# one line: what the file is skipped for (nothing else was read)
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "^ergraph: skipping input: '$f" "$tmp/err" &&
		ok || bad "error lines for $f: $(cat "$tmp/err")"
done
run 1 extract "$tmp/latin1.txt"
grep -q "latin1.txt:2'" "$tmp/err" && ok || bad "invalid UTF-8 error names the line"
# -q keeps only the summary line
run 1 extract -q "$tmp/missing.txt"
one_line_error "no input could be read"
# two bad inputs: a line each and the summary
run 1 extract "$tmp/missing.txt" "$tmp/empty.txt"
[ "$(wc -l <"$tmp/err")" -eq 3 ] && grep -q "^ergraph: no input could be read" "$tmp/err" &&
	ok || bad "two bad inputs: $(cat "$tmp/err")"

# an empty folder holds nothing to read
run 1 extract "$tmp/dir"
one_line_error "no input could be read: '$tmp/dir'"

# --- folders, duplicates, gzip, docs and text ----------------------------------
mkdir -p "$tmp/tree/sub" "$tmp/tree/.hidden"
cp input/01-cac-nvidia-summons.txt "$tmp/tree/b.txt"
cp input/02-rtx-pro-halt.txt "$tmp/tree/sub/a.txt"
cp input/03-smic-entity-list.txt "$tmp/tree/.hidden/c.txt"
cp input/01-cac-nvidia-summons.txt "$tmp/tree/sub/copy.txt"
gzip -c input/10-micron-ban.txt >"$tmp/tree/sub/z.gz"
ln -s .. "$tmp/tree/sub/loop"
run 3 docs "$tmp/tree"
[ "$(wc -l <"$tmp/out")" -eq 3 ] && ok || bad "docs over a folder: $(cat "$tmp/out" "$tmp/err")"
grep -q "folder loop" "$tmp/err" && ok || bad "symlink loop not reported: $(cat "$tmp/err")"
jq -e -s 'map(.doc) == ["'"$tmp"'/tree/b.txt", "'"$tmp"'/tree/sub/a.txt", "'"$tmp"'/tree/sub/z.gz"]' "$tmp/out" >/dev/null &&
	ok || bad "folder order, hidden files, duplicates: $(jq -c .doc "$tmp/out")"
jq -e -s '.[0].title == "China'"'"'s internet regulator calls in Nvidia over H20 security concerns" and (.[0].id | startswith("hash:")) and .[0].chars > 100' "$tmp/out" >/dev/null &&
	ok || bad "docs fields: $(head -1 "$tmp/out")"
run 0 text input/01-cac-nvidia-summons.txt input/02-rtx-pro-halt.txt
{ cat input/01-cac-nvidia-summons.txt; echo; cat input/02-rtx-pro-halt.txt; } | sed 's/\xe2\x80\x99/'"'"'/g' >/dev/null
grep -c "^China's internet regulator calls in Nvidia" "$tmp/out" | grep -q 1 && ok || bad "text output"

# size limits a user sets
run 1 docs --max-doc 1k input/01-cac-nvidia-summons.txt
grep -q "document too large" "$tmp/err" && ok || bad "--max-doc not applied"
run 3 docs --max-input 3k input/01-cac-nvidia-summons.txt input/02-rtx-pro-halt.txt input/03-smic-entity-list.txt
grep -q "total input size limit reached" "$tmp/err" && ok || bad "--max-input not applied: $(cat "$tmp/err")"
run 2 docs --max-doc 0 input/01-cac-nvidia-summons.txt
run 2 docs --max-input 12x input/01-cac-nvidia-summons.txt

# some good, some bad: the good ones are written, exit 3
run 3 extract input/01-cac-nvidia-summons.txt "$tmp/missing.txt"
[ -s "$tmp/out" ] && ok || bad "partial run wrote nothing"

# --- missing permission ----------------------------------------------------------
# Root reads anything, so as root these cases run as nobody (setpriv drops
# the user and its capabilities); in a folder nobody may enter.
as_user=
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	$as_user true 2>/dev/null || as_user=unavailable
fi
if [ "$as_user" = unavailable ]; then
	bad "permission cases: running as root and cannot drop to nobody with setpriv"
else
	ptmp=$(mktemp -d)
	chmod 755 "$ptmp"
	mkdir "$ptmp/walk" "$ptmp/walk/closed" "$ptmp/ro"
	cp input/01-cac-nvidia-summons.txt "$ptmp/noperm.txt"
	cp input/01-cac-nvidia-summons.txt "$ptmp/walk/a.txt"
	cp input/02-rtx-pro-halt.txt "$ptmp/walk/b.txt"
	cp input/03-smic-entity-list.txt "$ptmp/walk/closed/c.txt"
	chmod 000 "$ptmp/noperm.txt" "$ptmp/walk/b.txt" "$ptmp/walk/closed"
	chmod 555 "$ptmp/ro"
	# prun STATUS ARGS...: run as the unprivileged user
	prun() {
		want=$1
		shift
		timeout 10 $as_user $wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
		got=$?
		[ "$got" -eq "$want" ] && ok ||
			bad "(unprivileged) ergraph $* exited $got, expected $want: $(head -c 300 "$tmp/err")"
	}
	prun 1 extract "$ptmp/noperm.txt"
	one_line_error "skipping input: '$ptmp/noperm.txt': Permission denied"
	# a folder with an unreadable file and an unreadable subfolder: the rest
	# is read, each refusal named, exit 3
	prun 3 extract "$ptmp/walk"
	grep -q '"doc":"'"$ptmp"'/walk/a.txt"' "$tmp/out" && ok || bad "readable file in the folder not read"
	[ "$(grep -c "Permission denied" "$tmp/err")" -eq 2 ] &&
		grep -q "'$ptmp/walk/b.txt'" "$tmp/err" && grep -q "'$ptmp/walk/closed'" "$tmp/err" &&
		ok || bad "unreadable file and folder: $(cat "$tmp/err")"
	# an output folder that may not be written
	prun 1 graph input/01-cac-nvidia-summons.txt -o "$ptmp/ro/x.svg"
	one_line_error "cannot write output: '$ptmp/ro/x.svg': Permission denied"
	[ -z "$(ls -A "$ptmp/ro")" ] && ok || bad "unwritable folder got a file"
	chmod -R u+rwx "$ptmp"
	rm -rf "$ptmp"
fi

# --- a full disk and a file size limit ---------------------------------------------
# standard output on a full device: one line naming the cause, exit 1
for args in "extract" "extract -j 2" "extract --explain" "docs" "text" "graph" "graph -f json"; do
	# shellcheck disable=SC2086
	$wrap "$bin" $args input >/dev/full 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq 1 ] && ok || bad "ergraph $args input >/dev/full exited $got"
	one_line_error "cannot write output: 'stdout': No space left on device"
done
# an output file past the file size limit (as on a full disk): the old file
# stays, no temporary is left, one line names the file
if [ -z "$wrap" ]; then
	for ext in dot svg html json graphml csv png; do
		$wrap "$bin" graph input/01-cac-nvidia-summons.txt -o "$tmp/fsz.$ext" 2>/dev/null
		cp "$tmp/fsz.$ext" "$tmp/fsz.before"
		[ "$ext" = csv ] && cp "$tmp/fsz-nodes.csv" "$tmp/fsz.nodes.before"
		(ulimit -f 2; $wrap "$bin" graph input -o "$tmp/fsz.$ext" >"$tmp/out" 2>"$tmp/err" </dev/null)
		got=$?
		[ "$got" -eq 1 ] && ok || bad "graph -o fsz.$ext over the size limit exited $got"
		one_line_error "cannot write output: '$tmp/fsz[.a-z-]*': File too large"
		cmp -s "$tmp/fsz.$ext" "$tmp/fsz.before" && ok || bad "fsz.$ext replaced by a cut file"
		[ "$ext" != csv ] || cmp -s "$tmp/fsz-nodes.csv" "$tmp/fsz.nodes.before" &&
			ok || bad "fsz-nodes.csv replaced by a cut file"
		ls "$tmp" | grep -q "^fsz\..*tmp" && bad "fsz.$ext: temporary left: $(ls "$tmp")" || ok
	done
fi

# graph: a failed run never replaces a good output file
run 0 graph input/01-cac-nvidia-summons.txt -o "$tmp/good.svg"
cp "$tmp/good.svg" "$tmp/before.svg"
run 1 graph "$tmp/binary.bin" -o "$tmp/good.svg"
cmp -s "$tmp/good.svg" "$tmp/before.svg" && ok || bad "failed graph run touched the old file"
ls "$tmp" | grep -q "tmp[A-Za-z0-9]\{6\}$" && bad "stray temporary file left" || ok
run 1 graph input/01-cac-nvidia-summons.txt -o "$tmp/nodir/x.svg"
one_line_error "cannot write output"

# an interrupted write leaves the old file and no temporary behind
# (dot needs far more than 2 s for this graph, which sfdp draws at once)
awk 'BEGIN { for (i = 0; i < 15000; i++) printf "{\"doc\":\"d\",\"subject\":\"A%d\",\"subject_type\":\"agency\",\"relation\":\"restricted\",\"object\":\"C%d\",\"object_type\":\"company\",\"polarity\":\"positive\",\"modality\":\"asserted\",\"sentence\":\"S.\",\"start\":0,\"end\":2}\n", i % 3000, (i * 7 + i / 3000) % 3000 }' >"$tmp/slow.jsonl"
# signal_mid_write SIG: start a slow run, wait until its temporary file is
# there (so the signal lands inside the write, however slow the run is
# under a memory checker), send SIG; then the old file must be intact and
# the temporary gone
signal_mid_write() {
	(ulimit -c 0; exec $wrap "$bin" graph --layout dot --from-jsonl "$tmp/slow.jsonl" -o "$tmp/good.svg" 2>/dev/null) &
	spid=$!
	i=0
	while ! ls "$tmp" | grep -q "^good.svg.tmp" && [ "$i" -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done
	ls "$tmp" | grep -q "^good.svg.tmp" && ok || bad "SIG$1: the run never began its output file"
	kill -"$1" "$spid" 2>/dev/null
	wait "$spid" 2>/dev/null
	cmp -s "$tmp/good.svg" "$tmp/before.svg" && ok || bad "SIG$1 during a write changed the old file"
	ls "$tmp" | grep -q "good.svg.tmp" && bad "SIG$1 left the temporary file" || ok
}
# an interrupt, and a crash (SIGSEGV, SIGABRT)
for sig in INT SEGV ABRT; do signal_mid_write "$sig"; done

# --- the bad-input matrix: each case ends with its documented status in 10 s ------
# run_in STATUS ARGS...: like run, under a 10-second limit
run_in() {
	want=$1
	shift
	timeout 10 $wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] && ok || bad "ergraph $* exited $got (124: too slow), expected $want"
}
if [ -z "$wrap" ]; then
	# a 50 MB single line and a million-sentence file
	head -c 50000000 /dev/zero | tr '\0' 'a' >"$tmp/line.txt"
	run_in 0 extract "$tmp/line.txt"
	awk 'BEGIN { for (i = 0; i < 1000000; i++) print "The CAC met Nvidia." }' >"$tmp/million.txt"
	run_in 0 docs "$tmp/million.txt"
fi
# 10,000-deep nesting, made here
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 10000; i++) printf "<div>"; printf "<p>The CAC summoned Nvidia.</p>"; for (i = 0; i < 10000; i++) printf "</div>"; print "</body></html>" }' >"$tmp/deep.html"
run_in 1 text "$tmp/deep.html"
awk 'BEGIN { printf "<rss version=\"2.0\"><channel><item><description>"; for (i = 0; i < 10000; i++) printf "<a>"; for (i = 0; i < 10000; i++) printf "</a>"; print "</description></item></channel></rss>" }' >"$tmp/deep.xml"
run_in 0 docs "$tmp/deep.xml"
# a feed whose items are all empty: one (empty) document each
printf '<rss version="2.0"><channel><title>T</title><item></item><item></item><item/></channel></rss>\n' >"$tmp/empty-items.xml"
run_in 0 docs "$tmp/empty-items.xml"
[ "$(wc -l <"$tmp/out")" -eq 3 ] && ok || bad "empty items: $(cat "$tmp/out")"
# an entity name of 10 KB
awk 'BEGIN { printf "company | "; for (i = 0; i < 10240; i++) printf "X"; print " | US | Longco" }' >"$tmp/long.lex"
run_in 1 extract --lexicon "$tmp/long.lex" input/01-cac-nvidia-summons.txt
one_line_error "long.lex:1"

# the longest sentence analysed: a longer one is skipped whole, with a warning
awk 'BEGIN { for (i = 0; i < 300; i++) printf "filler words "; print "and the CAC summoned Nvidia."; print ""; print "MIIT summoned Tencent." }' >"$tmp/longsent.txt"
run_in 0 extract "$tmp/longsent.txt"
one_line_error "warning: 1 sentence over 400 tokens not analysed (see --max-sentence): '$tmp/longsent.txt'"
grep -q '"object":"Tencent"' "$tmp/out" && ! grep -q '"object":"Nvidia"' "$tmp/out" &&
	ok || bad "long sentence not skipped, or the next one lost: $(cat "$tmp/out")"
run_in 0 extract -q "$tmp/longsent.txt"
[ -s "$tmp/err" ] && bad "-q printed: $(cat "$tmp/err")" || ok
run_in 0 extract --max-sentence 1000 "$tmp/longsent.txt"
[ -s "$tmp/err" ] && bad "--max-sentence 1000 warned: $(cat "$tmp/err")" || ok
grep -q '"object":"Nvidia"' "$tmp/out" && ok || bad "--max-sentence 1000 did not analyse the long sentence"
run_in 0 graph --max-sentence 3 -f json "$tmp/longsent.txt"
one_line_error "warning: 2 sentences over 3 tokens not analysed"
run 2 extract --max-sentence 0 "$tmp/longsent.txt"
run 2 extract --max-sentence 1001 "$tmp/longsent.txt"
grep -q "^ergraph: bad --max-sentence (1 to 1000): '1001'$" "$tmp/err" && ok || bad "--max-sentence 1001: $(cat "$tmp/err")"
run 2 extract --max-sentence 5x "$tmp/longsent.txt"
run 2 docs --max-sentence 10 "$tmp/longsent.txt"

# the most entities a graph may draw
run 1 graph --max-entities 5 input/*.txt -o "$tmp/m.svg"
one_line_error "too many entities to draw"
[ ! -e "$tmp/m.svg" ] && ok || bad "a refused graph was written"

# --- lexicon errors --------------------------------------------------------------
printf '# ok\ncompany | Foo Corp | US | Foo\nthis line is wrong\n' >"$tmp/bad.lex"
run 1 extract --lexicon "$tmp/bad.lex" input/01-cac-nvidia-summons.txt
one_line_error "bad.lex:3'"
run 1 extract --lexicon "$tmp/none.lex" input/01-cac-nvidia-summons.txt
one_line_error "none.lex"

# --- stdin --------------------------------------------------------------------
printf 'Beijing summoned Nvidia over the H20.\n' >"$tmp/in.txt"
$wrap "$bin" extract - <"$tmp/in.txt" >"$tmp/out" 2>"$tmp/err"
grep -q '"doc":"-","subject":"Chinese government","subject_type":"agency","relation":"summoned","object":"Nvidia"' "$tmp/out" &&
	ok || bad "stdin extract: $(cat "$tmp/out" "$tmp/err")"

# --- parallel extraction gives the same output in the same order -------------------
run 3 extract -j 1 input tests/fixtures/feeds
cp "$tmp/out" "$tmp/j1"
run 3 extract -j 3 input tests/fixtures/feeds
cmp -s "$tmp/out" "$tmp/j1" && ok || bad "-j 3 output differs from -j 1"
run 3 extract -j 2 input/01-cac-nvidia-summons.txt "$tmp/missing.txt"
run 2 extract -j 0 input/01-cac-nvidia-summons.txt
run 2 graph -j 2 input/01-cac-nvidia-summons.txt

# --- explain -------------------------------------------------------------------
printf 'The CAC summoned Nvidia on Monday.\nSeveral firms received notices prohibiting the use of the H20.\n' >"$tmp/ex.txt"
run 0 extract --explain "$tmp/ex.txt"
grep -q "^== $tmp/ex.txt" "$tmp/out" && ok || bad "explain: no document header"
grep -q "summon-verb: CAC -summoned-> Nvidia" "$tmp/out" && ok || bad "explain: rule line missing"
grep -q "restrict-verb 'prohibiting': no subject agency found" "$tmp/out" && ok ||
	bad "explain: reason for a miss missing: $(cat "$tmp/out")"
grep -q "^=> CAC -summoned-> Nvidia  \[positive, asserted, summon-verb" "$tmp/out" && ok ||
	bad "explain: result line missing"
run 2 graph --explain "$tmp/ex.txt"

# --- escaping: hostile names and sentences in every output format ---------------
printf 'agency | Evil <Agency> & "Co" \\N\\G | US | Evil Agency\ncompany | Bad]]></svg><script>x</script> | US | Badco\n' >"$tmp/evil.lex"
printf 'The Evil Agency banned Badco on Monday <script>alert(1)</script> & "quoted" \\N text.\n' >"$tmp/evil.txt"
run 0 extract --lexicon "$tmp/evil.lex" "$tmp/evil.txt"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || bad "evil extract: $(cat "$tmp/out")"
jq -e . "$tmp/out" >/dev/null 2>&1 && ok || bad "JSON not valid: $(cat "$tmp/out")"
jq -e '.subject == "Evil <Agency> & \"Co\" \\N\\G"' "$tmp/out" >/dev/null && ok ||
	bad "JSON subject not round-tripped"
run 0 graph --lexicon "$tmp/evil.lex" "$tmp/evil.txt" -o "$tmp/evil.svg"
xmllint --noout "$tmp/evil.svg" 2>/dev/null && ok || bad "SVG with hostile names is not well-formed"
grep -q "<script" "$tmp/evil.svg" && bad "raw <script> in SVG" || ok
grep -q '\\\\N' "$tmp/evil.svg" || grep -q 'Evil &lt;Agency&gt; &amp; &quot;Co&quot; \\N\\G' "$tmp/evil.svg" &&
	ok || bad "label backslashes were interpreted by Graphviz"
grep -q 'n0ergraph\|"Co" n0' "$tmp/evil.svg" && bad "tooltip backslashes were interpreted" || ok
run 0 graph --lexicon "$tmp/evil.lex" "$tmp/evil.txt" -o "$tmp/evil.dot"
dot -Tsvg "$tmp/evil.dot" -o /dev/null 2>/dev/null && ok || bad "DOT with hostile names does not parse"

# a title with markup stays text
run 0 graph -t '</TD><b>&amp; "x" \\N' input/01-cac-nvidia-summons.txt -o "$tmp/title.svg"
xmllint --noout "$tmp/title.svg" 2>/dev/null && ok || bad "SVG with a hostile title is not well-formed"
grep -q '&lt;/TD&gt;&lt;b&gt;&amp;amp; &quot;x&quot;' "$tmp/title.svg" && ok || bad "title not shown as written"

# --- embeddable figures: unique ids under a prefix, classes, no prolog -------------
run 0 graph --embed --link --cluster country input/*.txt -o "$tmp/fig-a.svg"
run 0 graph --embed --id second input/01-cac-nvidia-summons.txt -o "$tmp/b.svg"
head -c 5 "$tmp/fig-a.svg" | grep -q "^<svg" && ok || bad "embedded SVG starts with a prolog"
grep -q 'width="100%"' "$tmp/fig-a.svg" && grep -q 'viewBox=' "$tmp/fig-a.svg" && ok ||
	bad "embedded SVG does not scale"
grep -q '<title id="fig-a-title">' "$tmp/fig-a.svg" && ok || bad "no accessible title"
grep -q 'class="node erg-node erg-agency"' "$tmp/fig-a.svg" && grep -q 'erg-restricted' "$tmp/fig-a.svg" &&
	ok || bad "no CSS classes by type and relation"
{ echo '<html><body>'; cat "$tmp/fig-a.svg" "$tmp/b.svg"; echo '</body></html>'; } >"$tmp/page.html"
dups=$(grep -o ' id="[^"]*"' "$tmp/page.html" | sort | uniq -d)
[ -z "$dups" ] && ok || bad "ids clash between figures on one page: $dups"
grep -o ' id="[^"]*"' "$tmp/fig-a.svg" | grep -v ' id="fig-a\| id="a_fig-a' >/dev/null &&
	bad "ids outside the prefix: $(grep -o ' id="[^"]*"' "$tmp/fig-a.svg" | grep -v 'fig-a' | head -3)" || ok
run 2 graph --id '9bad' input/01-cac-nvidia-summons.txt -o "$tmp/c.svg"
run 0 graph input/01-cac-nvidia-summons.txt -o "$tmp/fig.png"
head -c 4 "$tmp/fig.png" | grep -q PNG && ok || bad "PNG output"
run 0 graph input/01-cac-nvidia-summons.txt -o "$tmp/fig.pdf"
head -c 4 "$tmp/fig.pdf" | grep -q '%PDF' && ok || bad "PDF output"

# --- HTML briefing ---------------------------------------------------------------------
run 0 graph --lexicon "$tmp/evil.lex" -t '<i>Brief</i> & "x"' "$tmp/evil.txt" input/01-cac-nvidia-summons.txt -o "$tmp/brief.html"
head -1 "$tmp/brief.html" | grep -q '^<!DOCTYPE html>' && ok || bad "briefing has no doctype"
xmllint --noout "$tmp/brief.html" 2>/dev/null && ok || bad "briefing is not well-formed"
grep -q "<script" "$tmp/brief.html" && bad "raw <script> in the briefing" || ok
grep -q '<svg' "$tmp/brief.html" && grep -q '<blockquote>' "$tmp/brief.html" && grep -q 'Documents read' "$tmp/brief.html" &&
	ok || bad "briefing lacks figure, evidence or documents"
grep -q '&lt;i&gt;Brief&lt;/i&gt; &amp; "x"\|&lt;i&gt;Brief&lt;/i&gt; &amp; &quot;x&quot;' "$tmp/brief.html" && ok || bad "title not escaped"

# --- two figures on one page from articles with scripts --------------------------
printf 'The CAC summoned Nvidia <script>alert(1)</script> on Monday.\n' >"$tmp/s1.txt"
printf '<html><body><article><p>The Commerce Department banned Huawei.<script>steal()</script></p><p>Tencent bought H20 chips.</p></article></body></html>\n' >"$tmp/s2.html"
run 0 graph --embed "$tmp/s1.txt" -o "$tmp/one.svg"
run 0 graph --embed "$tmp/s2.html" input/02-rtx-pro-halt.txt -o "$tmp/two.svg"
{ echo '<!DOCTYPE html><html><head><title>t</title></head><body>'; cat "$tmp/one.svg" "$tmp/two.svg"; echo '</body></html>'; } >"$tmp/twofig.html"
xmllint --noout "$tmp/twofig.html" 2>/dev/null && xmllint --noout "$tmp/one.svg" "$tmp/two.svg" 2>/dev/null && ok ||
	bad "page or figures are not well-formed XML"
[ -z "$(grep -o ' id="[^"]*"' "$tmp/twofig.html" | sort | uniq -d)" ] && ok || bad "ids clash on the page"
[ "$(xmllint --xpath 'count(//*[local-name()="script"])' "$tmp/twofig.html" 2>/dev/null)" = 0 ] && ok ||
	bad "a <script> element reached the page"

# --- exports: JSON, GraphML, CSV; merging extract output ----------------------------
run 0 graph --lexicon "$tmp/evil.lex" "$tmp/evil.txt" input/*.txt -o "$tmp/g.json"
jq -e '(.nodes | length) > 10 and (.edges | length) > 10' "$tmp/g.json" >/dev/null && ok || bad "JSON graph"
jq -c . "$tmp/g.json" | jq -e . >/dev/null && ok || bad "JSON does not round-trip through jq"
jq -e '[.nodes[].name] | index("Evil <Agency> & \"Co\" \\N\\G") != null' "$tmp/g.json" >/dev/null && ok ||
	bad "hostile name lost in JSON"
run 0 graph --lexicon "$tmp/evil.lex" "$tmp/evil.txt" input/*.txt -o "$tmp/g.graphml"
xmllint --nonet --noout --schema tests/schema/graphml.xsd "$tmp/g.graphml" 2>/dev/null && ok ||
	bad "GraphML does not validate: $(xmllint --nonet --noout --schema tests/schema/graphml.xsd "$tmp/g.graphml" 2>&1 | head -2)"
run 0 graph --lexicon "$tmp/evil.lex" "$tmp/evil.txt" input/*.txt -o "$tmp/g.csv"
[ -s "$tmp/g-nodes.csv" ] && head -1 "$tmp/g-nodes.csv" | grep -q '^id,name,type' && head -1 "$tmp/g.csv" | grep -q '^id,source,target' &&
	ok || bad "CSV nodes and edges files"
run 2 graph --format csv input/01-cac-nvidia-summons.txt
for f in input/*.txt; do "$bin" extract "$f" >"$tmp/shard-$(basename "$f" .txt).jsonl"; done
run 0 graph --id x --from-jsonl "$tmp"/shard-*.jsonl -o "$tmp/merged.dot"
run 0 graph --id x input/*.txt -o "$tmp/direct.dot"
cmp -s "$tmp/merged.dot" "$tmp/direct.dot" && ok || bad "sharded extract + merge differs from one run: $(diff "$tmp/merged.dot" "$tmp/direct.dot" | head -4)"
printf '{"doc":"x"}\n' >"$tmp/badshard.jsonl"
run 1 graph --from-jsonl "$tmp/badshard.jsonl"
one_line_error "badshard.jsonl:1"

# a feed's javascript: link never becomes a link; tooltips keep backslashes
printf '<rss version="2.0"><channel><title>T</title><item><title>A \\G title</title><link>javascript:alert(1)</link><description>The CAC summoned Nvidia \\G over the H20.</description></item></channel></rss>\n' >"$tmp/js.xml"
run 0 graph --link "$tmp/js.xml" -o "$tmp/js.svg"
grep -q "javascript" "$tmp/js.svg" && bad "javascript: URL in a figure" || ok
grep -q 'ergraph \[' "$tmp/js.svg" && bad "\\G expanded in a tooltip" || ok
run 2 graph --since 2025-7 input/01-cac-nvidia-summons.txt

# --- filters ------------------------------------------------------------------------
run 0 graph input/*.txt --entity Micron -o "$tmp/f.dot"
grep -q 'label=Micron' "$tmp/f.dot" && ! grep -q 'label=Huawei' "$tmp/f.dot" && ok ||
	bad "--entity kept more or less than the neighbourhood"
run 0 graph input/*.txt --relation summoned -o "$tmp/f.dot"
grep -q 'class="erg-edge erg-summoned"' "$tmp/f.dot" && ! grep -q 'erg-restricted' "$tmp/f.dot" && ok ||
	bad "--relation summoned"
run 0 graph input/*.txt --type agency,company -o "$tmp/f.dot"
! grep -q 'erg-chip' "$tmp/f.dot" && ok || bad "--type agency,company kept chips"
run 1 graph input/*.txt --entity Nobody -o "$tmp/f.dot"
one_line_error "no such entity in the graph: 'Nobody'"
run 2 graph input/*.txt --relation bought
run 2 graph input/*.txt --hops 0 --entity Nvidia

# --- the demo graphs parse ---------------------------------------------------------
run 0 graph input/*.txt -o "$tmp/all.svg"
xmllint --noout "$tmp/all.svg" && ok || bad "all.svg not well-formed"
run 0 graph input/*.txt -o "$tmp/all.dot"
dot -Tsvg "$tmp/all.dot" -o /dev/null && ok || bad "all.dot does not parse"
run 0 graph --format svg input/01-cac-nvidia-summons.txt
head -c 200 "$tmp/out" | grep -q "<svg\|<?xml" && ok || bad "--format svg on stdout"

verdict cli
