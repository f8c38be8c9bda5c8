#!/bin/sh
# golden.sh BIN [--update] - end-to-end golden tests over input/.
#  1. `extract` output for every article equals tests/golden/NAME.jsonl,
#     byte for byte.
#  2. The merged DOT graph of all articles equals tests/golden/all.dot.
#  3. The asserted relations agree with the hand annotations in
#     tests/annotations/ (written before the extractor's output was seen)
#     to at least the precision and recall recorded below.
set -u
bin=$1
update=${2:-}
wrap=${ERG_WRAP:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top" || exit 1
. "$here/lib.sh"

for f in input/*.txt; do
	n=$(basename "$f" .txt)
	$wrap "$bin" extract --format jsonl "$f" >"$tmp/$n.jsonl" || { bad "extract $f exited $?"; continue; }
	if [ "$update" = --update ]; then
		cp "$tmp/$n.jsonl" "tests/golden/$n.jsonl"
	fi
	if cmp -s "$tmp/$n.jsonl" "tests/golden/$n.jsonl"; then ok; else
		bad "extract $f differs from tests/golden/$n.jsonl"
		diff "tests/golden/$n.jsonl" "$tmp/$n.jsonl" | head -10
	fi
done

$wrap "$bin" graph input/*.txt -o "$tmp/all.dot" || bad "graph exited $?"
[ "$update" = --update ] && cp "$tmp/all.dot" tests/golden/all.dot
if cmp -s "$tmp/all.dot" tests/golden/all.dot; then ok; else
	bad "merged graph differs from tests/golden/all.dot"
	diff tests/golden/all.dot "$tmp/all.dot" | head -10
fi

# Agreement with the hand annotations: asserted triples only; `optional`
# annotations are neither required nor penalised.
min_p=85 min_r=85
tp=0 fp=0 fn=0
for f in input/*.txt; do
	n=$(basename "$f" .txt)
	a="tests/annotations/$n.tsv"
	[ -f "$a" ] || { bad "no annotation $a"; continue; }
	"$bin" extract --format tsv "$f" |
		awk -F'\t' '$5=="positive" && $6=="asserted" {print $2"\t"$3"\t"$4}' |
		sort -u >"$tmp/got"
	awk -F'\t' '$4=="asserted" {print $1"\t"$2"\t"$3}' "$a" | sort -u >"$tmp/want"
	awk -F'\t' '$4!="negative" && $4!="hedged" {print $1"\t"$2"\t"$3}' "$a" |
		sort -u >"$tmp/allowed"
	tp=$((tp + $(comm -12 "$tmp/want" "$tmp/got" | wc -l)))
	fn=$((fn + $(comm -23 "$tmp/want" "$tmp/got" | wc -l)))
	fp=$((fp + $(comm -13 "$tmp/allowed" "$tmp/got" | wc -l)))
	# a negated or hedged annotation must never come out asserted
	awk -F'\t' '$4=="negative" || $4=="hedged" {print $1"\t"$2"\t"$3}' "$a" |
		sort -u >"$tmp/neg"
	leaked=$(comm -12 "$tmp/neg" "$tmp/got")
	[ -z "$leaked" ] && ok || bad "$n: negated/hedged fact asserted: $leaked"
done
p=$((tp + fp > 0 ? 100 * tp / (tp + fp) : 0))
r=$((tp + fn > 0 ? 100 * tp / (tp + fn) : 0))
echo "annotations: tp=$tp fp=$fp fn=$fn precision=$p% recall=$r%"
[ "$p" -ge "$min_p" ] && ok || bad "annotation precision $p% < $min_p%"
[ "$r" -ge "$min_r" ] && ok || bad "annotation recall $r% < $min_r%"

verdict golden
