#!/bin/sh
# bench.sh BIN GEN [MB...] - extraction and ingest throughput against
# `wc -w` on the same generated corpus, and graph layout time by graph size.
set -u
bin=$1
gen=$2
shift 2
sizes=${*:-10 100}
tmp=${ERG_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$tmp"' EXIT

# seconds, to the millisecond, that a command takes (best of 3)
best() {
	b=""
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" -eq 1 ]; then b=$t; fi
	done
	echo "$b"
}

printf '%-10s %10s %10s %12s %10s %9s\n' corpus "wc -w s" "extract s" "MB/s" "sent/s" "x wc -w"
for mb in $sizes; do
	f="$tmp/news-$mb.txt"
	d="$tmp/news-$mb"
	"$gen" text "$mb" 42 >"$f"
	# a folder of articles of about 64 KB, as an archive holds them
	mkdir -p "$d"
	split -C 64k -a 5 "$f" "$d/a-"
	cat "$d"/* >/dev/null # in the page cache for both
	# the locale changes wc's speed by half (GNU wc has a fast path for
	# UTF-8 and is slower in the C locale): the usual UTF-8 one is used
	w=$(best env LC_ALL=C.UTF-8 sh -c "cat '$d'/* | wc -w")
	x=$(best "$bin" extract -j 1 -q "$d")
	jobs=$(nproc)
	xj=$(best "$bin" extract -j "$jobs" -q "$d")
	sents=$(grep -o '[.!?] ' "$f" | wc -l)
	printf '%-10s %10.3f %10.3f %12.1f %10.0f %9.1f\n' "${mb}MB" "$w" "$x" \
		"$(echo "$mb / $x" | bc -l)" "$(echo "$sents / $x" | bc -l)" \
		"$(echo "$x / $w" | bc -l)"
	printf '%-10s %10s %10.3f %12.1f %10.0f %9.1f\n' "  -j $jobs" "" "$xj" \
		"$(echo "$mb / $xj" | bc -l)" "$(echo "$sents / $xj" | bc -l)" \
		"$(echo "$xj / $w" | bc -l)"
	rss=$( { /usr/bin/time -f %M "$bin" extract -j 1 -q "$d" >/dev/null; } 2>&1 | tail -1)
	echo "           peak RSS of extract: ${rss} KB"
	# ingest into a new store: extraction plus SQLite, against extract -j 1
	ing=$(best sh -c "rm -f '$tmp/b.db' '$tmp/b.db-wal' '$tmp/b.db-shm'; '$bin' ingest -q --db '$tmp/b.db' '$d'")
	printf '%-10s %10s %10.3f %12.1f %10.0f %9.1f   (%.2f x extract -j 1; store %s MB)\n' "  ingest" "" "$ing" \
		"$(echo "$mb / $ing" | bc -l)" "$(echo "$sents / $ing" | bc -l)" \
		"$(echo "$ing / $w" | bc -l)" "$(echo "$ing / $x" | bc -l)" \
		"$(($(stat -c %s "$tmp/b.db") / 1048576))"
done

printf '\n%-10s %10s\n' entities "graph s"
for n in 100 1000 5000; do
	"$gen" jsonl "$n" 7 >"$tmp/g-$n.jsonl"
	t=$(best "$bin" graph --from-jsonl "$tmp/g-$n.jsonl" -o "$tmp/g-$n.svg")
	printf '%-10s %10.3f\n' "$n" "$t"
done
