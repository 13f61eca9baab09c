#!/bin/sh
# csv-export.sh: CSV for Swedish and Norwegian spreadsheets (semicolons, a
# byte order mark, decimal commas) and the pain points as CSV, read by
# Python's csv module as a spreadsheet tool reads them.
. "$JH_SRCDIR/tests/cli/csv-lib.sh"

nordic_workshop fika
jh set fika workshop fika method=impact-effort >/dev/null || die "method"

# --- semicolons and a BOM, into a file and onto standard output
jh export fika -f csv -r backlog --csv-sep ';' --csv-bom -o "$WORK/backlog.csv" >/dev/null ||
	die "export --csv-sep"
head -c 3 "$WORK/backlog.csv" | od -An -tx1 | grep -q 'ef bb bf' || die "no BOM"
jh export fika -f csv -r backlog --csv-sep=semicolon --csv-bom >"$WORK/stdout.csv" ||
	die "export to stdout"
cmp -s "$WORK/backlog.csv" "$WORK/stdout.csv" || die "file and standard output differ"

"$PY" - "$WORK/backlog.csv" <<'PY' || die "python3 read the backlog"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f, delimiter=";"))
assert [r["title"] for r in rows] == ["Förklara avgifterna", "Ring tilbake, på dagtid"], rows
# Decimal commas, as a Swedish spreadsheet writes a number.
assert [r["score"] for r in rows] == ["2,00", "0,50"], rows
assert rows[0]["painpoints"] == "1,2", rows
assert list(rows[0])[0] == "rank", list(rows[0])
PY

# The comma file keeps decimal points and no BOM.
jh export fika -f csv -r backlog >"$WORK/comma.csv" || die "comma export"
[ "$(head -c 4 "$WORK/comma.csv")" = "rank" ] || die "a BOM in the plain export"
grep -q ',2.00,' "$WORK/comma.csv" || die "decimal point: $(cat "$WORK/comma.csv")"

# --- the formula guard with both separators; --csv-raw drops it
for sep in ',' ';'; do
	jh export fika -f csv --csv-sep "$sep" --csv-bom >"$WORK/a.csv" || die "actions $sep"
	jh export fika -f csv --csv-raw --csv-sep "$sep" >"$WORK/raw.csv" || die "raw $sep"
	"$PY" - "$WORK/a.csv" "$WORK/raw.csv" "$sep" <<'PY' || die "python3 read the actions ($sep)"
import csv, sys
def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=sys.argv[3]))
guarded, raw = read(sys.argv[1]), read(sys.argv[2])
titles = [r["title"] for r in guarded]
assert titles == ["Skissa layouten", "'=Pilot på Ørsta", "Boka uppföljning"], titles
assert [r["title"] for r in raw][1] == "=Pilot på Ørsta", raw
assert guarded[2]["notes"] == "ring; sen mejla\noch följ upp", guarded[2]
assert guarded[0]["idea_title"] == "Förklara avgifterna"
assert all(r["revision"] == "1" for r in guarded), guarded
PY
done

# --- the pain points
jh export fika -f csv -r painpoints --csv-sep ';' --csv-bom -o "$WORK/pp.csv" >/dev/null ||
	die "export painpoints"
"$PY" - "$WORK/pp.csv" <<'PY' || die "python3 read the pain points"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f, delimiter=";"))
assert len(rows) == 3, rows
a, b, c = rows
assert a["title"] == "Fakturan är obegriplig; ingen förstår", a
assert (a["touchpoint_name"], a["journey"], a["stage"]) == ("Receive invoice", "Pay the invoice", "Receive"), a
assert (a["severity"], a["touchpoint_score"], a["weakest_link"]) == ("5", "-2", "yes"), a
assert a["evidence"] == "'=41 % av samtalen", a
assert (a["ideas"], a["idea_titles"], a["author"]) == ("1", "Förklara avgifterna", "Åsa Öberg"), a
assert b["title"] == "'-Køen er lang" and b["touchpoint_score"] == "-1", b
assert (b["ideas"], b["idea_titles"]) == ("1,2", "Förklara avgifterna; Ring tilbake, på dagtid"), b
assert (c["touchpoint"], c["journey"], c["ideas"], c["author"]) == ("", "", "", ""), c
assert all(len(r["uuid"]) == 36 for r in rows)
PY

# --- refusals: one line, exit 2 (usage)
expect_err 'journeyhack: export: --csv-sep "|": the separator is , ; or tab' \
	jh export fika -f csv --csv-sep '|'
expect_err 'journeyhack: export: --csv-sep and --csv-bom apply to -f csv only' \
	jh export fika -f md --csv-bom
expect_err 'journeyhack: export: the pain points are exported as csv only (-f csv -r painpoints)' \
	jh export fika -f md -r painpoints
jh export fika -f json -r painpoints >/dev/null 2>&1
[ $? -eq 2 ] || die "json -r painpoints is not a usage error"
exit 0
