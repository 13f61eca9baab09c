#!/bin/sh
# exposure.sh: the weakest link ranked by exposure (reach x points below
# expectations) and the to-be target of a touchpoint, from the command
# line: set and cleared, refused out of range with the database
# unchanged, shown in `show`, JSON, the markdown report's gaps and a YAML
# round trip.
# shellcheck source=tests/cli/json-lib.sh
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

DB="$WORK/w.db"
jh -d "$DB" new räkning >/dev/null || die "new"
jh -d "$DB" add räkning journey "name=Betala fakturan" "stages=Få,Förstå" >/dev/null ||
	die "journey"
# A -2 passed by 20 % (exposure 40) and a -1 passed by 60 % (exposure 60).
jh -d "$DB" add räkning touchpoint "name=Påminnelse på papper" stage=Få score=-2 reach=20 \
	potential=2 target=0 >/dev/null || die "add with a target"
jh -d "$DB" add räkning touchpoint "name=Förstå avgifterna" stage=Förstå score=-1 reach=60 \
	potential=3 >/dev/null || die "add without a target"

jh -d "$DB" show räkning journeys >"$WORK/show.txt" || die "show journeys"
grep -q "2 Förstå avgifterna (exposure 60)" "$WORK/show.txt" ||
	die "show: the -1 at 60 % is not the weakest link: $(cat "$WORK/show.txt")"

# Out of range and "+1": one line naming the field, nothing changed.
before=$(sql "$DB" "SELECT target FROM touchpoint ORDER BY id")
for bad in 3 +1 ja; do
	rc=0
	jh -d "$DB" set räkning touchpoint 2 "target=$bad" >/dev/null 2>"$WORK/err" || rc=$?
	[ "$rc" -ne 0 ] || die "target=$bad accepted"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "target" "$WORK/err" ||
		die "target=$bad: $(cat "$WORK/err")"
done
[ "$(sql "$DB" "SELECT target FROM touchpoint ORDER BY id")" = "$before" ] ||
	die "a refused target changed the database"
[ "$before" = "0
none" ] || die "stored targets: $before"

jh -d "$DB" set räkning touchpoint 2 target=1 >/dev/null || die "set target"
json "$WORK/j.json" "$WORK/err" -d "$DB" show räkning journeys --json
[ "$rc" -eq 0 ] || die "show journeys --json: $(cat "$WORK/err")"
check "$WORK/j.json" <<'JQ'
.[0].weakest_link == {"id": 2, "name": "Förstå avgifterna", "exposure": 60}
JQ
json "$WORK/t.json" "$WORK/err" -d "$DB" show räkning touchpoints --json
[ "$rc" -eq 0 ] || die "show touchpoints --json: $(cat "$WORK/err")"
check "$WORK/t.json" <<'JQ'
map(.target) == ["0", "1"]
map(.exposure) == [40, 60]
JQ

# Gaps: 2 x 60 (gap 2, potential 3) before 2 x 20 (gap 2, potential 2).
jh -d "$DB" export räkning -f md -r report -o "$WORK/r.md" || die "report"
grep -qF -- "- **Gaps** (target - score; ranked by what the potential can close x reach): Förstå avgifterna -1 → +1 (gap 2, closes 2, weight 120), Påminnelse på papper -2 → 0 (gap 2, closes 2, weight 40)" "$WORK/r.md" ||
	die "report gaps: $(grep -F Gaps "$WORK/r.md")"
grep -qF -- "- **Weakest link:** Förstå avgifterna (touchpoint 2, score -1, reach 60%, exposure 60)" "$WORK/r.md" ||
	die "report weakest link: $(grep -F "Weakest link" "$WORK/r.md")"

# none clears it again; the YAML round trip keeps set and unset targets.
jh -d "$DB" set räkning touchpoint 1 target=none >/dev/null || die "clear target"
jh -d "$DB" export räkning -f yaml -o "$WORK/w.yaml" || die "yaml export"
jh -d "$WORK/b.db" import kopia "$WORK/w.yaml" >/dev/null 2>"$WORK/err" ||
	die "yaml import: $(cat "$WORK/err")"
[ "$(sql "$WORK/b.db" "SELECT name || '=' || target FROM touchpoint ORDER BY id")" = "Påminnelse på papper=none
Förstå avgifterna=1" ] || die "round trip: $(sql "$WORK/b.db" "SELECT name, target FROM touchpoint")"
# A journey map from a spreadsheet carries targets; a bad one names the
# file, line and column, and nothing is imported.
printf 'name,stage,score,reach,target\nÖppna kuvertet,Få,0,50,1\nLäsa,Få,-1,40,none\n' \
	>"$WORK/t.csv"
jh -d "$DB" import räkning "$WORK/t.csv" -k touchpoints --journey "Betala fakturan" \
	>/dev/null || die "csv import with targets"
[ "$(sql "$DB" "SELECT target FROM touchpoint WHERE name IN ('Öppna kuvertet', 'Läsa') ORDER BY id")" = "1
none" ] || die "csv targets: $(sql "$DB" "SELECT name, target FROM touchpoint")"
printf 'name,stage,score,reach,target\nSista,Få,-2,80,7\n' >"$WORK/u.csv"
rc=0
jh -d "$DB" import räkning "$WORK/u.csv" -k touchpoints --journey "Betala fakturan" \
	>/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" -ne 0 ] && grep -q "u.csv:2:5: .*target" "$WORK/err" || die "csv bad target: $(cat "$WORK/err")"
[ "$(sql "$DB" "SELECT count(*) FROM touchpoint")" = 4 ] || die "a refused import added rows"
echo "exposure: ok ($checks jq checks)"
