# lib.sh - sourced by the test scripts: a scratch folder removed on exit
# (even one a test made unreadable), the pass and fail counts, and the
# verdict that ends a script.
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# verdict NAME [NOTE]: print the counts; succeed only if nothing failed
verdict() {
	echo "$1: $pass passed, $fail failed${2:+ ($2)}"
	[ "$fail" -eq 0 ]
}
