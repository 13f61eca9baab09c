# csv-lib.sh: what the CSV tests share (sourced, not run).
# shellcheck shell=sh
#
# Gives, beside tests/reliability/lib.sh: $DB (a fresh database),
# PY (python3, the real CSV consumer; its absence fails the test),
# expect_err WANT CMD... (the command fails with exactly the one stderr
# line WANT) and same_db (the database is unchanged since snapshot).
# shellcheck disable=SC2034 # DB and others are used by the tests

. "$JH_SRCDIR/tests/reliability/lib.sh"

DB=$WORK/jh.db
JOURNEYHACK_DB=$DB
export JOURNEYHACK_DB
DATA=$JH_SRCDIR/tests/data/csv

PY=$(command -v python3 || true)
[ -n "$PY" ] || die "python3 is needed to read the CSV as a spreadsheet tool would (apt-get install python3)"
need_sqlite3

# expect_err WANT CMD...: CMD exits non-zero and says exactly WANT.
expect_err() {
	want=$1
	shift
	if "$@" >"$WORK/out" 2>"$WORK/err"; then
		die "accepted: $*"
	fi
	got=$(cat "$WORK/err")
	[ "$got" = "$want" ] || die "$*:
want: $want
got:  $got"
}

# The workshop's whole content, to prove a refused import changed nothing.
snapshot() {
	jh export "$1" -f yaml >"$WORK/snapshot.yaml" || die "export $1"
}

same_db() {
	jh export "$1" -f yaml >"$WORK/now.yaml" || die "export $1"
	cmp -s "$WORK/snapshot.yaml" "$WORK/now.yaml" || die "$1 changed: $(diff "$WORK/snapshot.yaml" "$WORK/now.yaml" | head -5)"
}

# A small workshop in Swedish and Norwegian: two people, pain points on
# touchpoints, ideas linked to them and action points.
nordic_workshop() {
	jh new "$1" -t payment-moment >/dev/null || die "new $1"
	jh add "$1" participant name="Åsa Öberg" >/dev/null
	jh add "$1" participant name="Øyvind Ærø" >/dev/null
	jh --as "Åsa Öberg" add "$1" painpoint touchpoint="Receive invoice" title="Fakturan är obegriplig; ingen förstår" \
		severity=5 evidence="=41 % av samtalen" >/dev/null || die "painpoint"
	jh --as "Øyvind Ærø" add "$1" painpoint touchpoint="Ask a question" title="-Køen er lang" severity=4 >/dev/null
	jh add "$1" painpoint title="Ingen kvittering" >/dev/null
	jh add "$1" idea title="Förklara avgifterna" impact=4 effort=2 \
		painpoints="Fakturan är obegriplig; ingen förstår,-Køen er lang" >/dev/null || die "idea"
	jh add "$1" idea title="Ring tilbake, på dagtid" impact=2 effort=4 painpoints="-Køen er lang" >/dev/null
	jh add "$1" action idea="Förklara avgifterna" title="Skissa layouten" owner="Åsa" due=2026-12-15 >/dev/null
	jh add "$1" action idea="Ring tilbake, på dagtid" title="=Pilot på Ørsta" owner="Øyvind" >/dev/null
	jh add "$1" action title="Boka uppföljning" status=doing notes="ring; sen mejla
och följ upp" >/dev/null || die "action"
}
