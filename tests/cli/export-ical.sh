#!/bin/sh
# export-ical.sh: `export -f ical` read by Python's icalendar module.
#
# The calendar holds one VTODO per action point; SUMMARY, DUE, STATUS,
# owner and categories come back exactly, å ä ö æ ø included; every line
# ends in CRLF and is at most 75 octets; the UIDs are the same in a second
# export and after an action is edited, and the edit raises SEQUENCE.
# shellcheck source=tests/cli/trackers-lib.sh
. "${JH_SRCDIR:?}/tests/cli/trackers-lib.sh"
need_python icalendar

DB="$WORK/w.db"
sample_workshop "$DB"
jh -d "$DB" export räkning -f ical -o "$WORK/a.ics" || die "first export"
jh -d "$DB" export räkning -f ics >"$WORK/b.ics" || die "second export"
cmp -s "$WORK/a.ics" "$WORK/b.ics" || die "two exports of the same workshop differ"
jh -d "$DB" set räkning action 2 "title=Ring Øyvind, igen; snart" status=done >/dev/null ||
	die "edit action 2"
jh -d "$DB" export räkning -f ical -o "$WORK/c.ics" || die "export after the edit"

# Line ends and lengths, as octets.
"$PY" - "$WORK/a.ics" <<'PY' || die "line ends or lengths"
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n"), "no CRLF at the end"
lines = data[:-2].split(b"\r\n")
for i, line in enumerate(lines, 1):
    assert b"\n" not in line and b"\r" not in line, f"line {i}: a bare line break"
    assert len(line) <= 75, f"line {i}: {len(line)} octets"
    line.decode("utf-8")  # a fold never splits a character
assert sum(1 for l in lines if l.startswith(b" ")) > 5, "nothing was folded"
PY

"$PY" - "$WORK/a.ics" "$WORK/c.ics" "$(long_title)" <<'PY' || die "icalendar disagrees"
import sys
import icalendar

def todos(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    assert str(cal["VERSION"]) == "2.0" and "journeyhack" in str(cal["PRODID"])
    return [c for c in cal.walk() if c.name == "VTODO"]

a, c = todos(sys.argv[1]), todos(sys.argv[2])
assert len(a) == 4 and len(c) == 4, (len(a), len(c))
by = {str(t["SUMMARY"]): t for t in a}
want = {
    'Skriv om fakturan, "igen"; på svenska': ("20261224", "NEEDS-ACTION", "Åsa Öberg"),
    "Ring Øyvind om æ, ø og å": ("20270115", "IN-PROCESS", "oyvind"),
    "Boka uppföljning": (None, "COMPLETED", None),
    sys.argv[3]: ("20270228", "NEEDS-ACTION", "Øyvind Ærø"),
}
assert set(by) == set(want), sorted(by)
for summary, (due, status, owner) in want.items():
    t = by[summary]
    got_due = t.get("DUE")
    assert (got_due.dt.strftime("%Y%m%d") if got_due else None) == due, (summary, got_due)
    assert str(t["STATUS"]) == status, (summary, t["STATUS"])
    assert (str(t["X-JOURNEYHACK-OWNER"]) if "X-JOURNEYHACK-OWNER" in t else None) == owner
    assert str(t["UID"]).endswith("@journeyhack")
    assert str(t["DTSTAMP"].dt.strftime("%Y%m%dT%H%M%S")) == "20261122T000000"
first = by['Skriv om fakturan, "igen"; på svenska']
desc = str(first["DESCRIPTION"])
assert '"Jeg vet aldri hva jeg betaler for", sa Øyvind;\n/close\nh1. inte en rubrik' in desc, desc
assert "Förklara räkningen, tydligt" in desc and "fråga juristen;\nsen Øyvind" in desc, desc
cats = first["CATEGORIES"]
cats = [str(x) for x in (cats.cats if hasattr(cats, "cats") else cats)]
assert cats == ["journeyhack", "räkning"], cats

# The same UIDs after the edit; the edited one has a higher SEQUENCE.
uids_a = sorted(str(t["UID"]) for t in a)
assert uids_a == sorted(str(t["UID"]) for t in c)
assert len(set(uids_a)) == 4
old = by["Ring Øyvind om æ, ø og å"]
new = [t for t in c if str(t["UID"]) == str(old["UID"])][0]
assert str(new["SUMMARY"]) == "Ring Øyvind, igen; snart", new["SUMMARY"]
assert str(new["STATUS"]) == "COMPLETED"
assert int(new["SEQUENCE"]) > int(old["SEQUENCE"]), (new["SEQUENCE"], old["SEQUENCE"])
PY

# A workshop without action points is an empty, valid calendar.
jh -d "$DB" new tom >/dev/null || die "empty workshop"
jh -d "$DB" export tom -f ical -o "$WORK/empty.ics" || die "empty export"
"$PY" -c 'import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
assert cal.name == "VCALENDAR" and not [c for c in cal.walk() if c.name == "VTODO"]' \
	"$WORK/empty.ics" || die "the empty calendar does not parse"

# Only the action points: the other reports are refused, and nothing is written.
jh -d "$DB" export räkning -f ical -r backlog -o "$WORK/x.ics" 2>"$WORK/err" && die "-r backlog"
grep -qx 'journeyhack: export: ical exports the action points only (-r actions)' "$WORK/err" ||
	die "unexpected message: $(cat "$WORK/err")"
[ ! -e "$WORK/x.ics" ] || die "a refused export wrote a file"
echo "icalendar read 4 VTODOs; UIDs stable, values exact, lines folded"
exit 0
