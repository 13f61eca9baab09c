# json-lib.sh: shared set-up of the --json tests (sourced, not run).
# shellcheck shell=sh
#
# Gives what tests/reliability/lib.sh gives ($JH, $WORK, jh, sql, die),
# plus $JQ, the real consumer every test reads the output with: without
# it (or without sqlite3, to compare with the database) the test fails.
# jqe FILTER FILE: jq -e, failing the test with the filter when false.
# hex_of: standard input as upper-case hex, to compare bytes exactly.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

JQ=${JQ_BIN:-$(command -v jq 2>/dev/null || true)}
[ -n "$JQ" ] && [ -x "$JQ" ] || die "jq is needed to read --json output (apt-get install jq)"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || die "sqlite3 is needed to compare with the database"

checks=0
jqe() { # FILTER FILE
	"$JQ" -e "$1" "$2" >/dev/null || die "false in $2: $1"
	checks=$((checks + 1))
}

hex_of() {
	od -An -v -tx1 | tr -d ' \n' | tr a-f A-F
}

# json OUT ERR ARGS...: run the binary; stdout to OUT, stderr to ERR,
# the exit status in $rc.
json() {
	out=$1 err=$2
	shift 2
	rc=0
	jh "$@" >"$out" 2>"$err" || rc=$?
}

# ok OUT ERR ARGS...: as json, and it must succeed with nothing on stderr
# and exactly one JSON document, which jq reads, on stdout.
ok() {
	json "$@"
	[ "$rc" = 0 ] || die "exit $rc from: $* ($(cat "$2"))"
	[ ! -s "$2" ] || die "stderr from: $*: $(cat "$2")"
	one_document "$1" "$*"
}

one_document() { # FILE WHAT
	"$JQ" -e -s 'length == 1' "$1" >/dev/null 2>&1 || die "not one JSON document from: $2"
}
