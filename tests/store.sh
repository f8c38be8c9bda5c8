#!/bin/sh
# store.sh BIN GEN - the store: ingest, dedup across polls, graph --db equal
# to graph over the files, stats, reextract, schema checks, and faults:
# SIGKILL at random points during ingest and reextract, and a render while
# an ingest writes.  After every fault the store is checked by ergraph
# (stats --check) and by SQLite itself (PRAGMA integrity_check).
set -u
bin=$1
gen=$2
wrap=${ERG_WRAP:-}
here=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$here")" || exit 1
. "$here/lib.sh"
fx=tests/fixtures/store

erg() { $wrap "$bin" "$@"; }
# q DB SQL: one value from the store, read by SQLite itself
q() { sqlite3 "$1" "$2"; }
# counts DB: every table's row count, one line
counts() {
	q "$1" "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM entities) || ' ' || (SELECT count(*) FROM aliases) || ' ' || (SELECT count(*) FROM relations) || ' ' || (SELECT count(*) FROM batches)"
}
# healthy DB WHAT: ergraph's check and SQLite's integrity check both pass
healthy() {
	if erg stats --check --db "$1" >/dev/null 2>"$tmp/check.err" &&
		[ "$(q "$1" 'PRAGMA integrity_check')" = ok ] &&
		[ -z "$(q "$1" 'PRAGMA foreign_key_check')" ]; then ok; else
		bad "$2: store not healthy: $(cat "$tmp/check.err")"
	fi
}
# rand N: a random number in 0..N-1
rand() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); }

# --- ingest, twice: the second adds nothing ------------------------------------
db=$tmp/a.db
erg ingest -q --db "$db" input "$fx/poll-1.xml" && ok || bad "first ingest failed"
before=$(counts "$db")
erg stats --db "$db" >"$tmp/stats1" && ok || bad "stats failed"
erg ingest --db "$db" input "$fx/poll-1.xml" 2>"$tmp/err" && ok || bad "second ingest failed"
grep -q "stored 0 new documents with 0 relations; 13 already stored" "$tmp/err" && ok ||
	bad "second ingest summary: $(cat "$tmp/err")"
[ "$(counts "$db")" = "$before" ] && ok || bad "second ingest changed counts: $before -> $(counts "$db")"
erg stats --db "$db" >"$tmp/stats2"
cmp -s "$tmp/stats1" "$tmp/stats2" && ok || bad "stats differ after a repeated ingest"
[ "$(q "$db" 'SELECT count(*) FROM documents')" -eq 13 ] && ok || bad "10 articles + 3 items expected"
grep -q "^documents: 13 in 1 batches" "$tmp/stats1" && ok || bad "stats: $(head -3 "$tmp/stats1")"
grep -q "^ *1  2025-09$" "$tmp/stats1" && grep -q "^ *10  undated$" "$tmp/stats1" && ok ||
	bad "stats by month: $(cat "$tmp/stats1")"
healthy "$db" "after two ingests"

# --- two overlapping polls: the shared items stored once --------------------------
db=$tmp/b.db
erg ingest -q --db "$db" "$fx/poll-1.xml" && erg ingest -q --db "$db" "$fx/poll-2.xml" && ok || bad "polls"
[ "$(q "$db" 'SELECT count(*) FROM documents')" -eq 5 ] && ok ||
	bad "two polls of 3 and 4 items sharing 2: $(q "$db" 'SELECT count(*) FROM documents') documents"
[ "$(q "$db" "SELECT count(*) FROM documents WHERE url = 'https://wire.example/a/1002'")" -eq 1 ] && ok || bad "shared item twice"
# negated facts are stored, with their polarity, but never drawn
[ "$(q "$db" "SELECT count(*) FROM relations WHERE polarity = 'negative'")" -ge 1 ] && ok || bad "negated relation not stored"
# the names an entity is written as
[ "$(q "$db" "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity WHERE e.name = 'CAC' AND a.alias = 'Cyberspace Administration of China'")" -eq 1 ] &&
	ok || bad "alias not stored: $(q "$db" 'SELECT * FROM aliases')"
# graph --db gives what graph gives over the same files
erg graph -f json "$fx/poll-1.xml" "$fx/poll-2.xml" >"$tmp/files.json" 2>/dev/null
erg graph --db "$db" -f json >"$tmp/db.json" && ok || bad "graph --db failed"
cmp -s "$tmp/files.json" "$tmp/db.json" && ok || bad "graph --db differs from graph over the files"
jq -e '[.edges[] | select(.relation == "purchased" and .target == "B30A")] | length == 0' "$tmp/db.json" >/dev/null &&
	ok || bad "a negated fact was drawn from the store"
erg graph --db "$db" --since 2025-10 -f json >"$tmp/since.json" &&
	jq -e '[.edges[].relation] | sort == ["purchased", "restricted", "summoned"]' "$tmp/since.json" >/dev/null &&
	ok || bad "filters on graph --db: $(jq -c '[.edges[].relation]' "$tmp/since.json")"
erg graph --db "$db" -o "$tmp/db.svg" && xmllint --noout "$tmp/db.svg" && ok || bad "graph --db to SVG"

# --- what makes two documents one article -------------------------------------------
# feed items: guid g, link L, title T, text X (printf for each argument)
item() { printf '<item><title>%s</title>%s%s<description>%s</description></item>' "$1" "${2:+<guid isPermaLink=\"false\">$2</guid>}" "${3:+<link>$3</link>}" "$4"; }
feed() { printf '<rss version="2.0"><channel><title>%s</title>%s</channel></rss>\n' "$1" "$2"; }
# two feeds numbering their items alike: guids are unique only with their link
feed "Feed A" "$(item "Tencent buys" 1 https://a.example/1 "Tencent purchased the H20.")" >"$tmp/gA.xml"
feed "Feed B" "$(item "MIIT acts" 1 https://b.example/1 "MIIT summoned ByteDance.")" >"$tmp/gB.xml"
erg ingest -q --db "$tmp/g.db" "$tmp/gA.xml" && erg ingest -q --db "$tmp/g.db" "$tmp/gB.xml"
[ "$(q "$tmp/g.db" 'SELECT count(*) FROM documents')" -eq 2 ] && ok || bad "feed-local guids taken for one article"
# a guid that is another article's URL; a guid that looks like a text key
feed "Feed C" "$(item "One" https://c.example/2 https://c.example/1 "Nvidia makes the H20.")$(item "Two" "" https://c.example/2 "Intel makes the Gaudi 3.")" >"$tmp/gC.xml"
erg ingest -q --db "$tmp/g.db" "$tmp/gC.xml"
[ "$(q "$tmp/g.db" 'SELECT count(*) FROM documents')" -eq 4 ] && ok || bad "a guid equal to another item's URL hid it"
sha=$(printf 'Beijing summoned Wirechip on Friday over its export filings.\n' | sha256sum | cut -c1-64)
feed "Feed D" "$(item "Decoy" "text:$sha" "" "A decoy.")$(item "Decoy 2" "sha256:$sha" "" "Another decoy.")" >"$tmp/gD.xml"
erg ingest -q --db "$tmp/g.db" "$tmp/gD.xml"
printf 'Beijing summoned Wirechip on Friday over its export filings.\n' >"$tmp/target.txt"
erg ingest -q --db "$tmp/g.db" "$tmp/target.txt"
[ "$(q "$tmp/g.db" "SELECT count(*) FROM documents WHERE name = '$tmp/target.txt'")" -eq 1 ] && ok ||
	bad "a guid shaped like a text key hid an article"
# the same text under two guids is one article, in one run or two
feed "Feed E" "$(item "Same" e1 https://e.example/1 "Samsung purchased the HBM3E.")$(item "Same" e2 https://e.example/2 "Samsung purchased the HBM3E.")" >"$tmp/gE.xml"
erg ingest -q --db "$tmp/e2.db" "$tmp/gE.xml"
[ "$(q "$tmp/e2.db" 'SELECT count(*) FROM documents')" -eq 1 ] && ok || bad "same text under two guids stored twice"
# daily ingests agree with one run over the same files: an item dropped as a
# copy of another keeps its guid, so a later item with that guid is the same
feed "Feed F" "$(item "First" fa https://f.example/a "MIIT summoned Micron.")$(item "First" fb https://f.example/b "MIIT summoned Micron.")" >"$tmp/f1a.xml"
feed "Feed F" "$(item "Update" fb https://f.example/b "MIIT summoned Micron and restricted the HBM3E.")" >"$tmp/f1b.xml"
erg graph -q -f json "$tmp/f1a.xml" "$tmp/f1b.xml" >"$tmp/ff.json"
erg ingest -q --db "$tmp/f.db" "$tmp/f1a.xml" && erg ingest -q --db "$tmp/f.db" "$tmp/f1b.xml"
erg graph --db "$tmp/f.db" -f json >"$tmp/fd.json"
cmp -s "$tmp/ff.json" "$tmp/fd.json" && ok || bad "two daily ingests differ from one run over the files"
healthy "$tmp/f.db" "after the identity cases"

# --- usage and bad stores ---------------------------------------------------------
erg graph --db "$db" input >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "graph --db with FILE accepted"
erg stats --db "$tmp/none.db" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "no such store" "$tmp/err" &&
	[ ! -e "$tmp/none.db" ] && ok || bad "missing store: $(cat "$tmp/err")"
printf 'not a database\n' >"$tmp/text.db"
erg stats --db "$tmp/text.db" 2>"$tmp/err"; [ $? -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && ok ||
	bad "text file as store: $(cat "$tmp/err")"
q "$tmp/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
erg ingest --db "$tmp/other.db" input 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "not an ergraph store" "$tmp/err" &&
	[ "$(q "$tmp/other.db" 'SELECT count(*) FROM sqlite_schema')" -eq 1 ] && ok ||
	bad "foreign SQLite file: $(cat "$tmp/err")"
q "$tmp/new.db" "PRAGMA application_id = 1163020081; PRAGMA user_version = 99; CREATE TABLE t(x);"
erg stats --db "$tmp/new.db" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "newer than this ergraph" "$tmp/err" && ok ||
	bad "newer schema: $(cat "$tmp/err")"
erg ingest --batch 0 input >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--batch 0 accepted"
erg ingest --db "" input 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "empty store name" "$tmp/err" && ok || bad "empty --db: $(cat "$tmp/err")"
mkdir "$tmp/adir"
erg stats --db "$tmp/adir" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "is a directory" "$tmp/err" && ok || bad "directory as store: $(cat "$tmp/err")"
: >"$tmp/zero.db"
erg stats --db "$tmp/zero.db" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "not an ergraph store" "$tmp/err" &&
	[ ! -s "$tmp/zero.db" ] && ok || bad "an empty file read as a store: $(cat "$tmp/err")"
# names SQLite would read as special are plain files
(cd "$tmp" && $wrap "$OLDPWD/$bin" ingest -q --db 'file:u.db?x=1' "$OLDPWD/input/01-cac-nvidia-summons.txt" 2>/dev/null)
[ -e "$tmp/file:u.db?x=1" ] && [ ! -e "$tmp/u.db" ] && ok || bad "a file: name was read as a URI"
(cd "$tmp" && $wrap "$OLDPWD/$bin" ingest -q --db ':memory:' "$OLDPWD/input/01-cac-nvidia-summons.txt" 2>/dev/null)
[ -s "$tmp/:memory:" ] && ok || bad "--db :memory: did not keep anything"
# damage the counts: the check finds it and says where
cp "$tmp/b.db" "$tmp/dmg.db"
q "$tmp/dmg.db" "UPDATE documents SET relations = relations + 1 WHERE id = 2"
erg stats --check --db "$tmp/dmg.db" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ] &&
	grep -q "^document 2 counts" "$tmp/err" && ok || bad "damaged count not found: $(cat "$tmp/err")"
q "$tmp/dmg.db" "UPDATE documents SET relations = relations - 1 WHERE id = 2; UPDATE texts SET text = text || 'x' WHERE doc = 3"
erg stats --check --db "$tmp/dmg.db" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ] &&
	grep -q "^document 3: text does not match its hash" "$tmp/err" && ok || bad "damaged text not found: $(cat "$tmp/err")"
erg extract --db "$db" input >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "extract --db accepted"
# options that would do nothing are refused
for args in "graph --db $db -L $fx/poll-1.xml" "graph --db $db --max-sentence 9" "graph --db $db --max-doc 1k" \
	"stats -q --db $db" "reextract -v --db $db" "ingest --check --db $db input"; do
	# shellcheck disable=SC2086
	erg $args >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "accepted: ergraph $args"
done
# nothing readable: one line, exit 1
erg ingest --db "$tmp/none2.db" "$tmp/missing.txt" 2>"$tmp/err"; [ $? -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	ok || bad "ingest of nothing: $(cat "$tmp/err")"
# a store of schema 1 (before aliases) is migrated when opened
sqlite3 "$tmp/v1.db" <"$fx/schema-v1.sql"
erg stats --db "$tmp/v1.db" >"$tmp/out" 2>"$tmp/err" && ok || bad "v1 store: $(cat "$tmp/err")"
[ "$(q "$tmp/v1.db" 'PRAGMA user_version')" -eq 2 ] && ok || bad "v1 store not migrated"
grep -q "^documents: 1 in 1 batches" "$tmp/out" && ok || bad "v1 data lost: $(cat "$tmp/out")"
healthy "$tmp/v1.db" "after migration"
erg ingest -q --db "$tmp/v1.db" "$fx/poll-1.xml" && [ "$(q "$tmp/v1.db" 'SELECT count(*) FROM documents')" -eq 4 ] &&
	ok || bad "ingest into a migrated store"

# --- reextract ----------------------------------------------------------------------
db=$tmp/b.db
rel0=$(q "$db" 'SELECT count(*) FROM relations')
erg reextract -q --db "$db" && ok || bad "reextract failed"
[ "$(q "$db" 'SELECT count(*) FROM relations')" -eq "$rel0" ] && ok || bad "reextract with the same lexicon changed the relations"
erg graph --db "$db" -f json >"$tmp/db2.json"
cmp -s "$tmp/db.json" "$tmp/db2.json" && ok || bad "reextract with the same lexicon changed the graph"
# a lexicon that knows one more chipmaker: its relation appears, the version changes
printf 'company | Wirechip Semiconductor | CN | Wirechip\n' >"$tmp/extra.lex"
cat >"$tmp/wire.txt" <<'EOF'
Beijing summoned Wirechip on Friday over its export filings.
EOF
erg ingest -q --db "$db" "$tmp/wire.txt"
[ "$(q "$db" "SELECT count(*) FROM relations r JOIN entities e ON e.id = r.object WHERE e.name = 'Wirechip Semiconductor'")" -eq 0 ] &&
	ok || bad "unknown name found before the lexicon change"
v0=$(q "$db" 'SELECT DISTINCT lexicon FROM documents')
erg reextract -L "$tmp/extra.lex" --db "$db" 2>"$tmp/err" && ok || bad "reextract -L: $(cat "$tmp/err")"
[ "$(q "$db" "SELECT count(*) FROM relations r JOIN entities e ON e.id = r.object WHERE e.name = 'Wirechip Semiconductor'")" -eq 1 ] &&
	ok || bad "reextract did not apply the new lexicon"
v1=$(q "$db" 'SELECT DISTINCT lexicon FROM documents')
[ "$v0" != "$v1" ] && [ "$(q "$db" 'SELECT count(DISTINCT lexicon) FROM documents')" -eq 1 ] && ok ||
	bad "lexicon version not updated: $v0 -> $v1"
# a sentence limit other than the default is part of the version, and warned of
erg reextract -L "$tmp/extra.lex" --max-sentence 4 --db "$db" 2>"$tmp/err" && ok || bad "reextract --max-sentence"
[ "$(q "$db" 'SELECT DISTINCT lexicon FROM documents')" = "$v1+s4" ] && ok || bad "version without the limit: $(q "$db" 'SELECT DISTINCT lexicon FROM documents')"
grep -q "sentences over 4 tokens not analysed" "$tmp/err" && ok || bad "reextract did not warn of long sentences: $(cat "$tmp/err")"
erg reextract -q -L "$tmp/extra.lex" --db "$db" && [ "$(q "$db" 'SELECT DISTINCT lexicon FROM documents')" = "$v1" ] &&
	ok || bad "reextract back to the default limit"
healthy "$db" "after reextract"

# --- empty items are not stored (they would all share one text) -------------------------
printf '<rss version="2.0"><channel><title>T</title><item><guid>e1</guid></item><item><guid>e2</guid></item><item><title>Beijing summoned Nvidia.</title><guid>e3</guid></item></channel></rss>\n' >"$tmp/empty.xml"
erg ingest --db "$tmp/e.db" "$tmp/empty.xml" 2>"$tmp/err" && [ "$(q "$tmp/e.db" 'SELECT count(*) FROM documents')" -eq 1 ] &&
	grep -q "not stored: 2 empty documents" "$tmp/err" && ok || bad "empty items: $(cat "$tmp/err")"

# an ingest waiting for its input holds no lock: another one goes ahead,
# well before the first gets its input (a blocked one would wait 9 s or
# more; the margin is for valgrind on a busy machine)
( sleep 10; cat "$tmp/wire.txt" ) | erg ingest -q --db "$tmp/l.db" - &
lpid=$!
sleep 1
s0=$(date +%s)
erg ingest -q --db "$tmp/l.db" input/02-rtx-pro-halt.txt && [ $(($(date +%s) - s0)) -lt 7 ] && ok ||
	bad "an ingest waiting for input blocked another"
wait "$lpid" && [ "$(q "$tmp/l.db" 'SELECT count(*) FROM documents')" -eq 2 ] && ok || bad "the waiting ingest failed"

# --- partial and failed ingests ------------------------------------------------------
db=$tmp/p.db
erg ingest -q --db "$db" input "$tmp/missing.txt"; [ $? -eq 3 ] && ok || bad "ingest with a missing input: not exit 3"
[ "$(q "$db" 'SELECT count(*) FROM documents')" -eq 10 ] && ok || bad "the readable inputs of a partial ingest not stored"
erg ingest --db "$db" - <"$tmp/wire.txt" 2>/dev/null && [ "$(q "$db" 'SELECT count(*) FROM documents')" -eq 11 ] &&
	ok || bad "ingest from standard input"
erg ingest --db "$tmp/nodir/x.db" input 2>"$tmp/err"; [ $? -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q "^ergraph: cannot open store: '$tmp/nodir/x.db'" "$tmp/err" && ok || bad "store in a missing folder: $(cat "$tmp/err")"

if [ -n "$wrap" ]; then
	# the fault runs below need speed, not a memory checker
	verdict store
	exit
fi

# --- a corpus big enough to be stopped in the middle ----------------------------------
"$gen" text 20 11 >"$tmp/big.txt"
mkdir "$tmp/big"
(cd "$tmp/big" && split -C 12k -a 4 "$tmp/big.txt" a-)
total=$(ls "$tmp/big" | wc -l)

# --- the store's disk fills up during an ingest ----------------------------------------
db=$tmp/full.db
(ulimit -f 4000; "$bin" ingest -q --batch 20 --db "$db" "$tmp/big" 2>"$tmp/err")
st=$?
[ "$st" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "^ergraph: cannot write to the store" "$tmp/err" &&
	ok || bad "ingest on a full disk: exit $st: $(cat "$tmp/err")"
n=$(q "$db" 'SELECT count(*) FROM documents')
[ "$n" -gt 0 ] && [ $((n % 20)) -eq 0 ] && ok || bad "full disk: $n documents stored, not whole batches"
healthy "$db" "after a full disk"
"$bin" ingest -q --db "$db" "$tmp/big" && [ "$(q "$db" 'SELECT count(*) FROM documents')" -eq "$total" ] &&
	ok || bad "ingest after the disk was freed"

# --- SIGKILL at random points during ingest: 24 runs ------------------------------------
db=$tmp/k.db
runs=0
killed=0
while [ "$runs" -lt 24 ]; do
	runs=$((runs + 1))
	# every fourth run resumes the last store; the others start empty
	[ $((runs % 4)) -eq 0 ] || rm -f "$db" "$db-wal" "$db-shm"
	n0=$(q "$db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
	"$bin" ingest -v --batch 7 --db "$db" "$tmp/big" 2>"$tmp/kill.err" &
	pid=$!
	sleep "0.$(rand 9)$(rand 10)"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	n1=$(q "$db" 'SELECT count(*) FROM documents' 2>/dev/null) || n1=0
	said=$(sed -n 's/.*(\([0-9]*\) documents so far).*/\1/p' "$tmp/kill.err" | tail -1)
	said=${said:-0}
	# every batch reported committed is there; nothing but whole batches
	if [ "$n1" -ge $((n0 + said)) ] &&
		{ [ $(((n1 - n0) % 7)) -eq 0 ] || [ "$n1" -eq "$total" ]; }; then ok; else
		bad "kill run $runs: $n0 -> $n1 documents, $said reported committed"
	fi
	# killed before the schema's first commit, the file is an empty
	# database: nothing stored, and the next ingest sets it up
	if [ -e "$db" ] && [ "$(q "$db" 'PRAGMA application_id')" = 1163020081 ]; then
		healthy "$db" "kill run $runs"
	elif [ "$n1" -eq 0 ]; then ok; else bad "kill run $runs: documents in a store without a schema"; fi
done
[ "$killed" -ge 20 ] && ok || bad "only $killed of $runs ingests were killed mid-run"
# the last killed store, run to the end: every article once
"$bin" ingest -q --db "$db" "$tmp/big" && ok || bad "final ingest"
[ "$(q "$db" 'SELECT count(*) FROM documents')" -eq "$total" ] && ok ||
	bad "after the kills: $(q "$db" 'SELECT count(*) FROM documents') documents, $total articles"
healthy "$db" "after the kills"

# --- SIGKILL during reextract: the old relations or the new, never a mix ----------------
rels=$(q "$db" 'SELECT count(*) FROM relations')
ver=$(q "$db" 'SELECT DISTINCT lexicon FROM documents')
midway=0
for i in 1 2 3 4 5 6; do
	"$bin" reextract -q -L "$tmp/extra.lex" --db "$db" &
	pid=$!
	sleep "0.$(rand 10)"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$(q "$db" 'SELECT count(DISTINCT lexicon) FROM documents')" -eq 1 ] && ok ||
		bad "reextract kill $i: documents of two lexicon versions"
	if [ "$(q "$db" 'SELECT DISTINCT lexicon FROM documents')" = "$ver" ]; then
		midway=$((midway + 1))
		[ "$(q "$db" 'SELECT count(*) FROM relations')" -eq "$rels" ] && ok ||
			bad "reextract kill $i: old version with $(q "$db" 'SELECT count(*) FROM relations') relations, had $rels"
	else
		# it finished: the new relations are the ones to keep from now on
		ver=$(q "$db" 'SELECT DISTINCT lexicon FROM documents')
		rels=$(q "$db" 'SELECT count(*) FROM relations')
		# the next run must change something to tell old from new
		printf 'company | Extra%s Corp | US | Extra%s\n' "$i" "$i" >>"$tmp/extra.lex"
	fi
	healthy "$db" "reextract kill $i"
done
[ "$midway" -ge 3 ] && ok || bad "only $midway of 6 re-extractions were killed before they committed"

# --- a render while an ingest writes: each read succeeds and is consistent ---------------
# The ingest is frozen (SIGSTOP) at random points, most often inside an
# open batch, and read: graph --db and stats must not wait for it, and
# must see whole committed batches (of 2) and nothing of the open one.
db=$tmp/c.db
# twice the corpus, so that the ingest outlasts the pauses
"$gen" text 20 12 >"$tmp/big2.txt"
mkdir "$tmp/big2"
(cd "$tmp/big2" && split -C 12k -a 4 "$tmp/big2.txt" b-)
: >"$tmp/live.err"
"$bin" ingest -v --batch 2 --db "$db" "$tmp/big" "$tmp/big2" 2>"$tmp/live.err" &
pid=$!
i=0
while ! grep -q "batch 1 committed" "$tmp/live.err" && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
reads=0
for pause in 1 2 3 4 5 6 7 8; do
	sleep "0.$(rand 3)$(rand 10)"
	kill -STOP "$pid" 2>/dev/null || break
	said=$(sed -n 's/.*(\([0-9]*\) documents so far).*/\1/p' "$tmp/live.err" | tail -1)
	if timeout 20 "$bin" graph --db "$db" -f json >"$tmp/live.json" 2>"$tmp/live.gerr" &&
		jq -e '.nodes | length > 0' "$tmp/live.json" >/dev/null; then ok; else
		bad "graph during ingest (pause $pause): $(cat "$tmp/live.gerr")"
	fi
	n=$(timeout 20 "$bin" stats --db "$db" | sed -n 's/^documents: \([0-9]*\) in.*/\1/p')
	if [ -n "$n" ] && [ $((n % 2)) -eq 0 ] && [ "$n" -ge "${said:-0}" ]; then ok; else
		bad "stats during ingest (pause $pause) saw '$n' documents, $said committed: not whole batches"
	fi
	timeout 20 "$bin" stats --check --db "$db" >/dev/null 2>"$tmp/live.cerr" && ok ||
		bad "check during ingest (pause $pause): $(cat "$tmp/live.cerr")"
	reads=$((reads + 1))
	kill -CONT "$pid"
	# and one read while it runs: stats counts in one snapshot
	if kill -0 "$pid" 2>/dev/null; then
		timeout 20 "$bin" stats --check --db "$db" >/dev/null 2>"$tmp/live.cerr" && ok ||
			bad "check while the ingest runs (after pause $pause): $(cat "$tmp/live.cerr")"
	fi
done
wait "$pid" && ok || bad "the ingest being read failed"
[ "$reads" -ge 5 ] && ok || bad "only $reads reads during the ingest"
healthy "$db" "after reading during ingest"
# and the store drawn equals the files drawn
"$bin" graph -f json "$tmp/big" "$tmp/big2" >"$tmp/big-files.json" 2>/dev/null
"$bin" graph --db "$db" -f json >"$tmp/big-db.json"
cmp -s "$tmp/big-files.json" "$tmp/big-db.json" && ok || bad "graph --db differs from graph over the corpus"

verdict store "$reads reads during an ingest"
