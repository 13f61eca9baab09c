# lib.sh: shared set-up of the reliability tests (sourced, not run).
# shellcheck shell=sh
#
# Gives: $JH (the binary), $WORK (a private directory removed on exit),
# jh (run the binary with a clean environment), sql (read the database
# with the sqlite3 shell), die/skip, rand N (0..N-1), fingerprint, and
# verify_log and integrity for the kill and concurrency tests.
# Tests are plain sh: exit 0 pass, 1 fail, 77 skip (Automake test-driver).
# shellcheck disable=SC2034 # RUNAS and others are used by the tests

: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"
JH=$JH_BIN
[ -x "$JH" ] || { echo "SKIP: no binary at $JH" >&2; exit 77; }
unset TMUX JOURNEYHACK_DB
JOURNEYHACK_TEMPLATE_PATH=
export JOURNEYHACK_TEMPLATE_PATH
LC_ALL=C.UTF-8
export LC_ALL
JOURNEYHACK_TODAY=2026-11-22
export JOURNEYHACK_TODAY

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-rel.XXXXXX") || exit 1
# Tests that mount or spawn put their own clean-up in this hook.
cleanup_hook=:
cleanup() {
	eval "$cleanup_hook"
	chmod -R u+rwx "$WORK" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

die() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

SQLITE3=${SQLITE3_BIN:-$(command -v sqlite3 || true)}

need_sqlite3() {
	[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || skip "sqlite3 is needed to inspect databases (apt-get install sqlite3)"
}

# sql DB STATEMENT: read-only look at a database, beside journeyhack;
# columns separated by tabs. A reader can meet a lock for a moment (a
# checkpoint, or a writer killed a moment ago being rolled back), so it
# waits for it as journeyhack does, instead of failing at once.
sql() {
	"$SQLITE3" -batch -bail -cmd '.timeout 10000' -separator '	' "file:$1?mode=ro" "$2"
}

# A uniformly random number in 0..$1-1 (sh has no $RANDOM).
rand() {
	n=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
	echo $((n % $1))
}

# Run the binary as it would run from a script: no terminal, no inherited
# database or template settings.
jh() {
	"$JH" "$@" </dev/null
}

# sha256 of a file (for anything else its listing, or "missing"), to
# prove a file was not modified.
fingerprint() {
	if [ -f "$1" ]; then
		sha256sum <"$1" | cut -d' ' -f1
	elif [ -e "$1" ]; then
		ls -ld "$1"
	else
		echo missing
	fi
}

# Run a command as an unprivileged user when we are root, so that file
# permissions apply (root ignores them). Sets RUNAS to the prefix to use.
RUNAS=
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		RUNAS="setpriv --reuid=65534 --regid=65534 --clear-groups --"
		# A build under a private directory cannot be run by nobody:
		# then the permission cases are left out, not failed.
		if ! $RUNAS "$JH" --version >/dev/null 2>&1; then
			echo "note: nobody cannot run $JH; permission cases left out" >&2
			RUNAS=
		fi
	fi
fi

# verify_log DB MODE LOG...: check a database against writer.sh logs.
# Every change a log reports as saved must be there; every CSV import is
# all or nothing (logged or not); MODE "exact" also demands that votes
# match the logs exactly (no writer was killed), MODE "kill" allows one
# change in flight per writer beyond its log. Prints the number of changes
# verified to stdout; problems to stderr, and returns 1 on any.
verify_log() {
	vdb=$1 vmode=$2
	shift 2
	sql "$vdb" "SELECT 'P', text FROM parking;
		SELECT 'A', id, answer FROM parking;
		SELECT 'Q', title FROM painpoint;
		SELECT 'V', p.name, v.idea_id, v.dots FROM vote v JOIN participant p ON p.id = v.participant_id;" \
		>"$WORK/.dump" || return 1
	cat "$@" >"$WORK/.log"
	awk -F'\t' -v mode="$vmode" '
	FNR == NR {
		if ($1 == "P") parking[$2] = 1
		else if ($1 == "A") answer[$2] = $3
		else if ($1 == "Q") {
			title[$2] = 1
			if (split($2, tp, "-") == 3) csv[tp[1] "-" tp[2]]++
		} else if ($1 == "V") dots[$2 " " $3] = $4
		next
	}
	{
		split($0, f, " ")
		if (f[1] == "P") {
			n++
			if (!(f[2] in parking)) { print "lost parking entry " f[2] > "/dev/stderr"; bad++ }
		} else if (f[1] == "Q") {
			n++
			if (!(f[2] in title)) { print "lost pain point " f[2] > "/dev/stderr"; bad++ }
		} else if (f[1] == "S") {
			n++
			if (!(f[2] in want) || f[4] + 0 > want[f[2]] + 0) { want[f[2]] = f[4]; wtag[f[2]] = f[3] }
		} else if (f[1] == "C") {
			n += f[3]
			if (csv[f[2]] != f[3]) { print "import " f[2] ": " csv[f[2]] + 0 " of " f[3] " rows" > "/dev/stderr"; bad++ }
			seen[f[2]] = 1
		} else if (f[1] == "V") {
			n++
			votes[f[2] " " f[3]]++
		} else if (f[1] == "E") {
			if ($0 !~ /vote refused|budget|at most/) { print "unexpected failure: " substr($0, 3) > "/dev/stderr"; bad++ }
		}
	}
	END {
		for (id in want) {
			split(answer[id], a, "-")
			if (a[1] != wtag[id] || a[2] + 0 < want[id] + 0) {
				print "parking " id ": answer \"" answer[id] "\", saved " wtag[id] "-" want[id] > "/dev/stderr"; bad++
			}
		}
		for (p in csv)
			if (csv[p] != 20) { print "import " p " half done: " csv[p] " rows" > "/dev/stderr"; bad++ }
		for (k in votes) {
			if (mode == "exact" ? dots[k] != votes[k] : dots[k] < votes[k]) {
				print "votes " k ": " dots[k] + 0 " dots stored, " votes[k] " reported" > "/dev/stderr"; bad++
			}
		}
		print n + 0
		exit bad > 0
	}' "$WORK/.dump" "$WORK/.log"
}

# integrity DB: PRAGMA integrity_check and foreign_key_check both clean.
integrity() {
	ic=$(sql "$1" "PRAGMA integrity_check;") || return 1
	[ "$ic" = ok ] || { echo "integrity_check: $ic" >&2; return 1; }
	fk=$(sql "$1" "PRAGMA foreign_key_check;") || return 1
	[ -z "$fk" ] || { echo "foreign_key_check: $fk" >&2; return 1; }
}
