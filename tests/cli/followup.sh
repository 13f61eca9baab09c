#!/bin/sh
# followup.sh: `new NAME --follow-up FROM` and `followup WORKSHOP` on the
# command line: what is carried, the exports of both sessions naming each
# carried action by the same UUID (so trackers update it), and the
# refusals (an unknown workshop, a name in use, a follow-up of itself, a
# workshop that follows none), each one line, non-zero, the file unchanged.
# shellcheck source=tests/cli/trackers-lib.sh
. "${JH_SRCDIR:?}/tests/cli/trackers-lib.sh"
need_sqlite3
need_python json csv re

DB="$WORK/w.db"
sample_workshop "$DB"
jh -d "$DB" add räkning parking "text=Vem äger fakturan?" >/dev/null || die "parking 1"
jh -d "$DB" add räkning parking "text=Hvem eier æ, ø og å?" answered=1 answer=ja >/dev/null ||
	die "parking 2"

# An unknown workshop: nothing is created, not even the database file.
out=$(jh -d "$WORK/none.db" new uppföljning --follow-up räkning 2>&1) && die "no file: accepted"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || die "no file: $out"
[ -e "$WORK/none.db" ] && die "no file: the database was created"

before=$(sql "$DB" .dump)
out=$(jh -d "$DB" new uppföljning --follow-up nåt 2>&1) && die "unknown: accepted"
[ "$out" = "journeyhack: no workshop \"nåt\" in $DB (see: journeyhack list)" ] || die "unknown: $out"
out=$(jh -d "$DB" new räkning --follow-up räkning 2>&1) && die "itself: accepted"
[ "$out" = "journeyhack: workshop \"räkning\" cannot follow up itself" ] || die "itself: $out"
out=$(jh -d "$DB" followup räkning 2>&1) && die "follows none: accepted"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || die "follows none: $out"
case $out in
"journeyhack: workshop räkning follows up no workshop"*) ;;
*) die "follows none: $out" ;;
esac
[ "$(sql "$DB" .dump)" = "$before" ] || die "a refusal changed the database"

out=$(jh -d "$DB" new uppföljning --follow-up räkning) || die "follow-up: $out"
[ "$out" = "created workshop uppföljning (Follow-up session) from template follow-up in $DB
it follows up räkning; carried over: open actions 3, unanswered parking-lot entries 1, journeys 0" ] ||
	die "follow-up said: $out"

before=$(sql "$DB" .dump)
out=$(jh -d "$DB" new uppföljning --follow-up räkning 2>&1) && die "in use: accepted"
[ "$out" = "journeyhack: a workshop named \"uppföljning\" already exists in $DB" ] ||
	die "in use: $out"
[ "$(sql "$DB" .dump)" = "$before" ] || die "a name in use changed the database"

# Linked to where they came from: the source workshop's UUID.
src=$(sql "$DB" "SELECT uuid FROM workshop WHERE name = 'räkning'")
dst=$(sql "$DB" "SELECT id FROM workshop WHERE name = 'uppföljning'")
[ "$(sql "$DB" "SELECT follows FROM follow_up WHERE workshop_id = $dst")" = "$src" ] ||
	die "follows"
[ "$(sql "$DB" "SELECT count(*) FROM action a JOIN carried c ON c.workshop_id = a.workshop_id
	AND c.kind = 'action' AND c.uuid = a.uuid WHERE a.workshop_id = $dst AND c.origin = '$src'
	AND a.uuid IN (SELECT uuid FROM action WHERE workshop_id =
	(SELECT id FROM workshop WHERE name = 'räkning'))")" = 3 ] ||
	die "actions not linked to their origin"
[ "$(sql "$DB" "SELECT p.text, c.origin = '$src' FROM parking p JOIN carried c
	ON c.workshop_id = p.workshop_id AND c.kind = 'parking' AND c.uuid = p.uuid
	WHERE p.workshop_id = $dst")" = "Vem äger fakturan?	1" ] ||
	die "parking not carried as it should"

# The same UUID for each carried action in every tracker's export.
for f in taskwarrior jira ical todotxt; do
	jh -d "$DB" export räkning -f $f -o "$WORK/a.$f" || die "export räkning -f $f"
	jh -d "$DB" export uppföljning -f $f -o "$WORK/b.$f" || die "export uppföljning -f $f"
done
"$PY" - "$WORK" <<'PY' || die "exports of the two sessions name actions differently"
import csv
import json
import re
import sys

w = sys.argv[1]

def tw(p):
    return {t["uuid"]: t["description"] for t in json.load(open(p, encoding="utf-8"))}

def jira(p):
    rows = list(csv.reader(open(p, encoding="utf-8", newline="")))
    col = rows[0].index("Journeyhack UUID")
    return {r[col]: r[0] for r in rows[1:]}

def ical(p):
    text = open(p, encoding="utf-8").read().replace("\r\n ", "")
    return {m: m for m in re.findall(r"^UID:(\S+)@journeyhack\r?$", text, re.M)}

def todo(p):
    return {m: m for m in re.findall(r" id:(\S+)", open(p, encoding="utf-8").read())}

for kind, read in (("taskwarrior", tw), ("jira", jira), ("ical", ical), ("todotxt", todo)):
    a, b = read(f"{w}/a.{kind}"), read(f"{w}/b.{kind}")
    assert len(a) == 4 and len(b) == 3, (kind, len(a), len(b))
    assert set(b) < set(a), kind
PY

# The report: through filewrite, never over the database.
jh -d "$DB" followup uppföljning -o "$WORK/r.md" || die "followup -o"
grep -qx "3 carried over: 0 done, 3 still open, 0 overdue (on 2026-11-22)." "$WORK/r.md" ||
	die "report: $(cat "$WORK/r.md")"
[ "$(jh -d "$DB" followup uppföljning)" = "$(cat "$WORK/r.md")" ] || die "stdout and -o differ"
sum=$(fingerprint "$DB")
out=$(jh -d "$DB" followup uppföljning -o "$DB" 2>&1) && die "over the database: accepted"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || die "over the database: $out"
[ "$(fingerprint "$DB")" = "$sum" ] || die "the report overwrote the database"
exit 0
