#!/bin/sh
# run.sh DIR SECONDS TARGET... - run each libFuzzer target DIR/fuzz_TARGET
# for SECONDS on DIR/corpus/TARGET (seeded from tests/fuzz/corpus/TARGET,
# which is never written to), print one summary line per target and exit
# non-zero if any found a crash, a leak, a timeout or ran out of memory.
# Logs go to DIR/logs/, failing inputs to DIR/artifacts/TARGET/.
set -u

dir=$1
secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

mkdir -p "$dir/logs" "$dir/corpus" "$dir/artifacts"

# Leaks are failures; Graphviz and fontconfig keep some memory by design
# (tests/lsan.supp, and tests/fuzz/lsan.supp for what the fast unwinder
# sees of it).  UBSan stops at the first report (the targets are built
# with -fno-sanitize-recover as well).
cat "$root/tests/lsan.supp" "$here/lsan.supp" >"$dir/lsan.supp"
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$(cd "$dir" && pwd)/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
# the input target reads pages and feeds: both dictionaries
cat "$here/xml.dict" "$here/html.dict" >"$dir/input.dict"

fail=0
for t in "$@"; do
	bin=$dir/fuzz_$t
	corpus=$dir/corpus/$t
	art=$dir/artifacts/$t
	log=$dir/logs/fuzz_$t.log
	case $t in
	feed) dict=$here/xml.dict ;;
	html) dict=$here/html.dict ;;
	input) dict=$dir/input.dict ;;
	*) dict= ;;
	esac
	mkdir -p "$corpus" "$art"
	# The seeds, regression inputs among them, first: each run once, in
	# the target's strictest mode (fuzz_writers: FUZZ_SVG, every input
	# laid out and checked as SVG too), then the fuzzing proper on a copy.
	rc=0
	if [ -d "$here/corpus/$t" ]; then
		FUZZ_SVG=1 "$bin" -timeout=10 -rss_limit_mb=2048 \
		    -artifact_prefix="$art/" "$here/corpus/$t"/* >"$log" 2>&1
		rc=$?
		cp -R "$here/corpus/$t/." "$corpus/"
	fi
	if [ "$rc" -eq 0 ]; then
		"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		    -print_final_stats=1 -artifact_prefix="$art/" \
		    ${dict:+-dict="$dict"} "$corpus" >"$log" 2>&1
		rc=$?
	fi

	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		printf '%-14s ok    %s s, %s runs, %s/s, %s, rss %s MB\n' \
		    "fuzz_$t" "$secs" "${runs:-?}" "${speed:-?}" "${cov:-?}" \
		    "${rss:-?}"
		continue
	fi
	fail=1
	why=$(grep -m 1 -o -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)[^(]*|runtime error: .*|ALARM: libFuzzer: timeout.*|fuzz check failed: .*|out-of-memory.*|deadly signal' "$log" | head -n 1)
	unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	printf '%-14s FAIL  (exit %s) %s\n' "fuzz_$t" "$rc" "${why:-see the log}"
	printf '               input %s, log %s\n' "${unit:-none}" "$log"
done
exit $fail
