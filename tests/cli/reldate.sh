#!/bin/sh
# reldate.sh: due dates given relative to today on the command line and in
# a CSV import are stored as dates; a bad one is refused naming the field
# and the value, and the database is left as it was. Today is fixed with
# $JOURNEYHACK_TODAY (2026-12-01, a Tuesday).
# shellcheck source=tests/reliability/lib.sh
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3

JOURNEYHACK_TODAY=2026-12-01
export JOURNEYHACK_TODAY
DB="$WORK/w.db"
jh -d "$DB" new räkning >/dev/null || die "new"
jh -d "$DB" add räkning action "title=Ring Øyvind" owner=Åsa due=+2w >/dev/null || die "add +2w"
jh -d "$DB" add räkning action "title=Skriv åt Åsa" due=FREDAG >/dev/null || die "add fredag"
jh -d "$DB" add räkning action "title=Boka rum" due=+1m >/dev/null || die "add +1m"
jh -d "$DB" set räkning action 3 due=lørdag >/dev/null || die "set lørdag"
printf 'title,owner,due\nFölj upp med Øyvind,Åsa,+3d\nSkicka protokoll,Åsa,tomorrow\n' >"$WORK/a.csv"
jh -d "$DB" import räkning "$WORK/a.csv" -k actions >/dev/null || die "import"

got=$(sql "$DB" "SELECT title || '=' || due FROM action ORDER BY id")
want="Ring Øyvind=2026-12-15
Skriv åt Åsa=2026-12-04
Boka rum=2026-12-05
Följ upp med Øyvind=2026-12-04
Skicka protokoll=2026-12-02"
[ "$got" = "$want" ] || die "stored dates: $got"

before=$(fingerprint "$DB")
jh -d "$DB" add räkning action "title=Fel" due=+2q 2>"$WORK/err" && die "+2q accepted"
grep -qx 'journeyhack: add action: due: "+2q" is not a date (YYYY-MM-DD, +3d, +2w, +1m, today, tomorrow or a weekday)' "$WORK/err" ||
	die "message: $(cat "$WORK/err")"
printf 'title,due\nFel,nästa vecka\n' >"$WORK/b.csv"
jh -d "$DB" import räkning "$WORK/b.csv" -k actions 2>"$WORK/err" && die "CSV accepted"
grep -q 'b.csv:2: due: "nästa vecka" is not a date' "$WORK/err" || die "CSV message: $(cat "$WORK/err")"
[ "$(fingerprint "$DB")" = "$before" ] || die "a refused date changed the database"
echo "ok: relative due dates"
