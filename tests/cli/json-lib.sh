# json-lib.sh: shared set-up of the --json tests (sourced, not run).
# shellcheck shell=sh
#
# Gives what tests/reliability/lib.sh gives ($JH, $WORK, jh, sql, die),
# plus $JQ, the real consumer every test reads the output with: without
# it (or without sqlite3, to compare with the database) the test fails.
# jq starts slowly, so each document is checked by one jq run (check).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

JQ=${JQ_BIN:-$(command -v jq 2>/dev/null || true)}
[ -n "$JQ" ] && [ -x "$JQ" ] || die "jq is needed to read --json output (apt-get install jq)"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || die "sqlite3 is needed to compare with the database"

checks=0

# check FILE [JQ OPTIONS...] <FILTERS: FILE must hold exactly one JSON
# document, and every filter read from standard input (one a line, blank
# lines skipped) must give true on it. The options (--arg, --argjson,
# --slurpfile) pass values in. Fails the test naming each false filter.
check() {
	cf=$1
	shift
	: >"$WORK/.filters"
	# shellcheck disable=SC2016 # $n is jq's variable, not the shell's
	prog='def check($n; f): if (try f catch false) == true then empty else $n end;'
	prog="$prog if length != 1 then 0 else .[0] | (empty"
	ci=0
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		ci=$((ci + 1))
		printf '%s\n' "$line" >>"$WORK/.filters"
		prog="$prog, check($ci; $line)"
	done
	prog="$prog) end"
	failed=$("$JQ" -s "$@" "$prog" "$cf" 2>"$WORK/.jqerr") ||
		die "jq cannot check $cf: $(cat "$WORK/.jqerr")"
	for n in $failed; do
		[ "$n" = 0 ] && die "$cf is not one JSON document"
		die "false in $cf: $(sed -n "${n}p" "$WORK/.filters")"
	done
	checks=$((checks + ci))
}

# The value of a jq filter on FILE, raw.
value() { # FILTER FILE
	"$JQ" -r "$1" "$2"
}

hex_of() { # standard input as upper-case hex, to compare bytes exactly
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
# (check then reads the document).
ok() {
	json "$@"
	[ "$rc" = 0 ] || die "exit $rc from: $* ($(cat "$2"))"
	[ ! -s "$2" ] || die "stderr from: $*: $(cat "$2")"
}
