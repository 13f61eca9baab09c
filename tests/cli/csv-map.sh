#!/bin/sh
# csv-map.sh: a journey map started in a spreadsheet, imported through a
# column map: journeys and stages made in the order the file names them,
# cells checked, every refusal naming FILE:LINE:COLUMN and the header,
# and the database unchanged by a refused file.
. "$JH_SRCDIR/tests/cli/csv-lib.sh"

jh new resa >/dev/null || die "new"

# --- Swedish, semicolons and a BOM; the journey named by --journey
cp "$DATA/kundresa-sv.csv" "$WORK/kundresa.csv"
out=$(jh import resa "$WORK/kundresa.csv" --map 'Steg=name,Fas=stage,Kanal=channel,Känsla=score,Kommentar=notes' \
	--journey "Betala fakturan") || die "import kundresa"
[ "$out" = "imported 5 touchpoints from $WORK/kundresa.csv (new journeys: 1, new stages: 4)" ] ||
	die "said: $out"

# --- Norwegian, Excel's sep= line; the journey from a column, and a
# second journey; a column named like a field (none here) needs no map.
cp "$DATA/kundereise-nb.csv" "$WORK/kundereise.csv"
out=$(jh import resa "$WORK/kundereise.csv" \
	--map 'Reise=journey,Fase=stage,Steg=name,Kanal=channel,Følelse=score,Eier=owner,Merknad=notes') ||
	die "import kundereise"
[ "$out" = "imported 5 touchpoints from $WORK/kundereise.csv (new journeys: 2, new stages: 4)" ] ||
	die "said: $out"

jh export resa -f json >"$WORK/resa.json" || die "export json"
"$PY" - "$WORK/resa.json" <<'PY' || die "the map as imported"
import json, sys
w = json.load(open(sys.argv[1], encoding="utf-8"))
journeys = {j["name"]: j for j in w["journeys"]}
assert list(journeys) == ["Betala fakturan", "Betale regningen", "Flytte"], list(journeys)
def stages(name):
    return [s["name"] for s in journeys[name]["stages"]]
def points(name):
    j = journeys[name]
    stage = {s["id"]: s["name"] for s in j["stages"]}
    return [(stage[t["stage"]], t["name"], t["channel"], t["score"], t["owner"], t["notes"])
            for t in j["touchpoints"]]
assert stages("Betala fakturan") == ["Ta emot", "Förstå", "Fråga", "Betala"]
assert points("Betala fakturan") == [
    ("Ta emot", "Får fakturan", "brev", -2, "", "Otydlig; för lång"),
    ("Förstå", "Läser avgifterna", "webb", -1, "", ""),
    ("Förstå", "Söker i appen", "app", 0, "", ""),
    ("Fråga", "Ringer kundtjänst", "telefon", -1, "", "Kön är lång"),
    ("Betala", "Betalar", "bankapp", 2, "", "")], points("Betala fakturan")
# First-seen order: Motta, Forstå, Betale (Forstå comes back later).
assert stages("Betale regningen") == ["Motta", "Forstå", "Betale"], stages("Betale regningen")
assert [t[1] for t in points("Betale regningen")] == [
    "Får regningen", "Leser gebyrene", "Ringer kundeservice", "Betaler i appen"]
assert points("Flytte") == [("Melde flytting", "Fyller ut skjema", "nett", 1, "Kundeservice", "")]
PY

# A later file adds to a journey that exists: its stages are reused.
printf 'name,stage,score\nBetaler med kort,Betala,1\nFår kvitto,Kvitto,2\n' >"$WORK/mer.csv"
out=$(jh import resa "$WORK/mer.csv" --kind touchpoints --journey "Betala fakturan") ||
	die "identity columns"
[ "$out" = "imported 2 touchpoints from $WORK/mer.csv (new journeys: 0, new stages: 1)" ] ||
	die "said: $out"

# --- refusals: one line each, nothing changed
snapshot resa
f=$WORK/bad.csv
printf 'Steg;Fas;Känsla\r\nFår fakturan;Ta emot;-2\r\nLäser;Förstå;3\r\n' >"$f"
expect_err "journeyhack: $f:3:3: column \"Känsla\": score: 3 is out of range (-2..2); nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=stage,Känsla=score' --journey Ny
same_db resa
printf 'Steg;Fas;Känsla\r\nFår fakturan;Ta emot;glad\r\n' >"$f"
expect_err "journeyhack: $f:2:3: column \"Känsla\": score: \"glad\" is not a whole number (-2..2); nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=stage,Känsla=score' --journey Ny
printf 'Steg;Fas\r\nFår fakturan;Ta emot\r\nLäser;\r\n' >"$f"
expect_err "journeyhack: $f:3:2: column \"Fas\": the stage is empty; nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=stage' --journey Ny
printf 'Resa;Steg;Fas\r\nNy;Får fakturan;Ta emot\r\n;Läser;Förstå\r\n' >"$f"
expect_err "journeyhack: $f:3:1: column \"Resa\": the journey is empty; nothing was imported" \
	jh import resa "$f" --map 'Resa=journey,Steg=name,Fas=stage'
printf 'Steg;Fas\r\nFår fakturan;Ta emot\r\n;Förstå\r\n' >"$f"
expect_err "journeyhack: $f:3:1: column \"Steg\": name: must not be empty; nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=stage' --journey Ny
expect_err "journeyhack: --map: \"Steg=namn\": a touchpoint has no field \"namn\" (name, journey, stage, channel, owner, score, reach, potential, position, notes, target); nothing was imported" \
	jh import resa "$f" --map 'Steg=namn,Fas=stage' --journey Ny
expect_err "journeyhack: $f:1: --map names the column \"Stege\", which the header does not have; nothing was imported" \
	jh import resa "$f" --map 'Stege=name,Fas=stage' --journey Ny
expect_err "journeyhack: --map: \"Steg\" is not COLUMN=FIELD; nothing was imported" \
	jh import resa "$f" --map 'Steg,Fas=stage' --journey Ny
expect_err "journeyhack: $f:1: columns 1 and 2 are both the field \"name\"; nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=name' --journey Ny
expect_err "journeyhack: $f:1: no column is the touchpoint's stage (map one: --map COLUMN=stage); nothing was imported" \
	jh import resa "$f" --map 'Steg=name' --journey Ny
expect_err "journeyhack: $f:1: no column is the journey: map one (--map COLUMN=journey) or name it with --journey NAME; nothing was imported" \
	jh import resa "$f" --map 'Steg=name,Fas=stage'
expect_err "journeyhack: import: --map and --journey import touchpoints" \
	jh import resa "$f" --map 'Steg=name,Fas=stage' --kind ideas
# A bad row late in the file leaves none of the journeys, stages and
# touchpoints the rows before it made.
{
	printf 'Resa;Steg;Fas;Känsla\r\n'
	i=0
	while [ $i -lt 50 ]; do
		printf 'Resa %d;Steg %d;Fas %d;1\r\n' $((i % 3)) $i $((i % 7))
		i=$((i + 1))
	done
	printf 'Resa 1;Sist;Fas 1;+3\r\n'
} >"$f"
expect_err "journeyhack: $f:52:4: column \"Känsla\": score: 3 is out of range (-2..2); nothing was imported" \
	jh import resa "$f" --map 'Resa=journey,Steg=name,Fas=stage,Känsla=score'
same_db resa
exit 0
