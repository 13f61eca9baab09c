#!/bin/sh
# export-trackers-csv.sh: `export -f jira-csv` and `-f gitlab-csv` read
# back by Python's csv module.
#
# Each has the header its tracker's importer documents and one row per
# action point; titles with commas, quotes and semicolons come back
# exactly; a summary is cut to the trackers' 255 characters with the
# whole title in the description; the description carries the idea, the
# pain point and its evidence, and in GitLab's the quick actions.
# shellcheck source=tests/cli/trackers-lib.sh
. "${JH_SRCDIR:?}/tests/cli/trackers-lib.sh"
need_python csv

DB="$WORK/w.db"
sample_workshop "$DB"
jh -d "$DB" export räkning -f jira-csv -o "$WORK/jira.csv" || die "jira export"
jh -d "$DB" export räkning -f gitlab -o "$WORK/gitlab.csv" || die "gitlab export"

"$PY" - "$WORK/jira.csv" "$WORK/gitlab.csv" "$(long_title)" <<'PY' || die "csv disagrees"
import csv
import sys

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))

long = sys.argv[3]
j = rows(sys.argv[1])
assert j[0] == ["Summary", "Issue Type", "Status", "Due Date", "Owner", "Description",
                "Labels", "Labels", "Journeyhack UUID"], j[0]
assert len(j) == 5, len(j)
by = {r[0]: r for r in j[1:]}
r = by['Skriv om fakturan, "igen"; på svenska']
assert r[1:5] == ["Task", "To Do", "2026-12-24", "Åsa Öberg"], r[1:5]
assert r[6:8] == ["journeyhack", "räkning"], r[6:8]
assert len(r[8]) == 36
d = r[5]
assert "*Idea 1 (rank 1):* Förklara räkningen, tydligt" in d, d
assert '*Evidence:* "Jeg vet aldri hva jeg betaler for", sa Øyvind;\n/close\nh1&#46; inte en rubrik' in d, d
assert by["Ring Øyvind om æ, ø og å"][1:5] == ["Task", "In Progress", "2027-01-15", "oyvind"]
assert by["Boka uppföljning"][2:4] == ["Done", ""]
cut = [k for k in by if k.startswith("Lång titel:")][0]
assert len(cut) == 255 and cut.endswith("…") and long.startswith(cut[:-1]), len(cut)
assert "*Action:* " + long in by[cut][5]

g = rows(sys.argv[2])
assert g[0] == ["title", "description", "due_date"], g[0]
assert len(g) == 5
by = {r[0]: r for r in g[1:]}
r = by['Skriv om fakturan, "igen"; på svenska']
assert r[2] == "2026-12-24"
d = r[1]
assert "- **Idea 1 (rank 1):** Förklara räkningen, tydligt" in d, d
assert "<br>/close<br>" in d and "\n/close" not in d, d
assert "/assign" not in d and d.endswith('\n/label ~journeyhack ~"räkning"\n'), d
r = by["Ring Øyvind om æ, ø og å"]
assert r[2] == "2027-01-15" and r[1].endswith('/label ~journeyhack ~"räkning" ~"doing"\n/assign @oyvind\n'), r[1]
assert by["Boka uppföljning"][2] == ""
cut = [k for k in by if k.startswith("Lång titel:")][0]
assert len(cut) == 255 and "Lång titel" in by[cut][1]
PY

for f in jira-csv gitlab-csv; do
	jh -d "$DB" export räkning -f $f -r report 2>"$WORK/err" && die "$f -r report"
	grep -qx "journeyhack: export: $f exports the action points only (-r actions)" "$WORK/err" ||
		die "unexpected message: $(cat "$WORK/err")"
done
echo "csv read both tracker files back with their headers and values"
exit 0
