#!/bin/sh
# csv-import.sh: CSV back in: a semicolon file with a byte order mark as
# a Swedish or Norwegian spreadsheet saves it, and the actions CSV
# exported by journeyhack imported into a fresh workshop, into another
# workshop and into its own (updates, the revision check), all or nothing.
. "$JH_SRCDIR/tests/cli/csv-lib.sh"

# Made first, so that its ids, which messages name, are 1, 2 and 3.
nordic_workshop vinter

# --- a spreadsheet's semicolons and BOM: detected, or given
jh new fika -t payment-moment >/dev/null || die "new"
cp "$DATA/painpoints-semicolon-bom.csv" "$WORK/painpoints.csv"
out=$(jh import fika "$WORK/painpoints.csv") || die "import semicolons"
[ "$out" = "imported 3 painpoints from $WORK/painpoints.csv" ] || die "said: $out"
jh export fika -f csv -r painpoints --csv-raw >"$WORK/pp.csv" || die "export"
"$PY" - "$WORK/pp.csv" <<'PY' || die "the pain points as imported"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
got = [(r["title"], r["touchpoint_name"], r["severity"], r["evidence"], r["status"]) for r in rows]
want = [("Fakturan är obegriplig; ingen förstår", "Receive invoice", "5",
         "'41 % av samtalen\r\nfrån kundtjänst", "open"),
        ("=Køen er lang", "Ask a question", "4", "", "addressed"),
        ("Ingen kvittering", "", "2", "1,5 dagar", "open")]
assert got == want, got
PY
# Told it is a comma file, it is not one; told the truth, it imports.
snapshot fika
expect_err "journeyhack: $WORK/painpoints.csv:2:40: characters after the closing quote of a field" \
	jh import fika "$WORK/painpoints.csv" --csv-sep ,
same_db fika
jh import fika "$WORK/painpoints.csv" --csv-sep ';' >/dev/null || die "--csv-sep ;"
[ "$(sql "$DB" "SELECT count(*) FROM painpoint p JOIN workshop w ON w.id = p.workshop_id WHERE w.name = 'fika'")" = 6 ] || die "not imported twice"
expect_err 'journeyhack: import: --csv-sep "|": the separator is , ; or tab' \
	jh import fika "$WORK/painpoints.csv" --csv-sep '|'

# --- the actions CSV, exported with semicolons and a BOM
for sep in ',' ';'; do
	jh export vinter -f csv --csv-sep "$sep" --csv-bom -o "$WORK/vinter-actions.csv" >/dev/null ||
		die "export actions ($sep)"

	# Into a fresh database: after the ideas, the same file comes back.
	rm -f "$WORK/fresh.db"
	JOURNEYHACK_DB=$WORK/fresh.db
	jh new vinter >/dev/null || die "new fresh"
	jh add vinter idea title="Förklara avgifterna" >/dev/null
	snapshot vinter
	expect_err "journeyhack: $WORK/vinter-actions.csv:3:8: idea_title: no idea named \"Ring tilbake, på dagtid\" in this workshop; add the idea first, or empty the cell; nothing was imported" \
		jh import vinter "$WORK/vinter-actions.csv"
	same_db vinter
	jh add vinter idea title="Ring tilbake, på dagtid" >/dev/null
	out=$(jh import vinter "$WORK/vinter-actions.csv") || die "import into fresh ($sep)"
	[ "$out" = "imported 3 actions from $WORK/vinter-actions.csv" ] || die "said: $out"
	jh export vinter -f csv --csv-sep "$sep" --csv-bom >"$WORK/again.csv" || die "export again"
	cmp "$WORK/vinter-actions.csv" "$WORK/again.csv" ||
		die "round trip ($sep): $(diff "$WORK/vinter-actions.csv" "$WORK/again.csv")"
	# Imported again: every row is its action, unchanged.
	out=$(jh import vinter "$WORK/vinter-actions.csv") || die "import again"
	[ "$out" = "imported 3 actions from $WORK/vinter-actions.csv: 0 added, 0 updated, 3 unchanged" ] ||
		die "said: $out"
	JOURNEYHACK_DB=$DB
	export JOURNEYHACK_DB
done

# Into another workshop of the same database: new ids, the ideas found by
# title (not by the other workshop's ids), everything else the same.
jh new var >/dev/null
jh add var idea title="Ring tilbake, på dagtid" >/dev/null
jh add var idea title="Förklara avgifterna" >/dev/null
jh import var "$WORK/vinter-actions.csv" >/dev/null || die "import into var"
jh export var -f csv --csv-sep ';' --csv-bom >"$WORK/var.csv" || die "export var"
"$PY" - "$WORK/vinter-actions.csv" "$WORK/var.csv" <<'PY' || die "another workshop"
import csv, sys
def read(p):
    with open(p, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=";"))
src, dst = read(sys.argv[1]), read(sys.argv[2])
keep = lambda r: {k: v for k, v in r.items() if k not in ("id", "idea", "idea_rank")}
# Actions go out in the order of their ideas' ranks, which differ here.
by_uuid = lambda rows: sorted((keep(r) for r in rows), key=lambda r: r["uuid"])
assert by_uuid(src) == by_uuid(dst), (src, dst)
assert {r["id"] for r in src}.isdisjoint({r["id"] for r in dst})
ideas = {r["idea_title"]: r["idea"] for r in dst}
assert ideas["Förklara avgifterna"] != [r for r in src if r["idea_title"] == "Förklara avgifterna"][0]["idea"]
PY

# --- its own workshop: an edited row updates the action...
sed 's/;Åsa;/;Åsa Öberg;/' "$WORK/vinter-actions.csv" >"$WORK/edited-actions.csv"
out=$(jh import vinter "$WORK/edited-actions.csv") || die "update"
[ "$out" = "imported 3 actions from $WORK/edited-actions.csv: 0 added, 1 updated, 2 unchanged" ] ||
	die "said: $out"
[ "$(sql "$DB" "SELECT owner, revision FROM action WHERE id = 1")" = "Åsa Öberg	2" ] ||
	die "not updated: $(sql "$DB" "SELECT owner, revision FROM action")"

# ...but never over a change made since the export.
jh --as "Øyvind Ærø" set vinter action 1 status=doing >/dev/null || die "set"
snapshot vinter
sed 's/;Åsa Öberg;/;Åsa Ö.;/' "$WORK/edited-actions.csv" >"$WORK/stale-actions.csv"
expect_err "journeyhack: $WORK/stale-actions.csv:2: action 1 was changed by Øyvind Ærø since revision 1 (now 3); not saved; nothing was imported" \
	jh import vinter "$WORK/stale-actions.csv"
same_db vinter

# A row with the uuid of an action but another id was exported elsewhere.
sed 's/^1;Skissa/7;Skissa/; s/;Åsa Öberg;/;Åsa Ö.;/' "$WORK/edited-actions.csv" >"$WORK/other-actions.csv"
expect_err "journeyhack: $WORK/other-actions.csv:2:1: the uuid is action 1's of this workshop, but the row is not that action's export (id \"7\"); empty the uuid to add the row as a new action; nothing was imported" \
	jh import vinter "$WORK/other-actions.csv"
same_db vinter
# One without a revision cannot change an action.
"$PY" - "$WORK/edited-actions.csv" "$WORK/norev-actions.csv" <<'PY' || die "python3"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";"))
rows = [r[:-1] for r in rows]
# Row 2 differs from action 1 already: the status was set since.
with open(sys.argv[2], "w", newline="", encoding="utf-8-sig") as f:
    csv.writer(f, delimiter=";").writerows(rows)
PY
expect_err "journeyhack: $WORK/norev-actions.csv:2:11: action 1 changes, and the row does not say the revision it was exported at (\"\"); export the actions again; nothing was imported" \
	jh import vinter "$WORK/norev-actions.csv"
same_db vinter

# Derived columns are only read: a different "overdue" changes nothing.
jh export vinter -f csv --csv-sep ';' >"$WORK/now-actions.csv" || die "export now"
sed 's/;no;/;yes;/' "$WORK/now-actions.csv" >"$WORK/derived-actions.csv"
cmp -s "$WORK/now-actions.csv" "$WORK/derived-actions.csv" && die "sed changed nothing"
snapshot vinter
out=$(jh import vinter "$WORK/derived-actions.csv") || die "derived"
[ "$out" = "imported 3 actions from $WORK/derived-actions.csv: 0 added, 0 updated, 3 unchanged" ] ||
	die "said: $out"
same_db vinter
exit 0
