#!/bin/sh
# personas.sh: personas in the interface, two terminals on one database
# (Åsa facilitates, Øyvind takes part), in Swedish:
#   - "Add what?" offers persona; its form adds one;
#   - the journey form chooses the persona from a list;
#   - the map names the journey's persona and walks the journeys persona
#     by persona, the journeys without one last ("no persona"), on the
#     other terminal too;
#   - C edits the shown journey's persona; undo takes the choice back.
# Exit 0 pass, 1 fail, 77 skip.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/bo.db"

cli() {
	"$JH" -d "$DB" "$@" </dev/null >/dev/null || die "journeyhack $*"
}

header() { # the map's header line
	screen "$1" | sed -n 2p
}

fail_all() {
	for s in asa oyv; do
		echo "--- $s:" >&2
		screen "$s" >&2
	done
	die "$@"
}

cli new bo -t half-day-sprint
cli add bo participant name=Åsa role=facilitator
cli add bo participant name=Øyvind
cli add bo journey "name=Flytta hemifrån" stages=Hitta,Köpa
cli add bo journey "name=Säga upp avtalet" stages=Ringa,Bekräfta

ui_start asa -d "$DB" --as Åsa bo
ui_start oyv -d "$DB" --as Øyvind bo
for s in asa oyv; do
	wait_for "$s" "Agenda"
	keys "$s" 2
	wait_for "$s" "1/2 Flytta hemifrån"
done
# No personas yet: the header is as it always was.
header asa | grep -F -q "persona" && fail_all "a persona is named before there are any"

# A persona through "Add what?" (persona is the last kind offered).
keys asa A
wait_for asa "Add what?"
keys asa j j j j j j j j Enter
wait_for asa "New persona"
type_text asa "Pendlaren Åsa"
keys asa Tab Tab
type_text asa "Komma fram i tid"
keys asa Tab
type_text asa "Tydlig information"
keys asa Enter
wait_for asa "Added persona"
[ "$(sql "$DB" "SELECT name || '|' || goals || '|' || needs FROM persona")" = \
	"Pendlaren Åsa|Komma fram i tid|Tydlig information" ] ||
	fail_all "the persona was not saved as typed: $(sql "$DB" "SELECT * FROM persona")"

# The second journey belongs to it: chosen from the journey form's list.
keys asa '>'
wait_for asa "Säga upp avtalet"
keys asa E
wait_for asa "Edit journey"
keys asa Tab Tab C-t
wait_for asa "Pendlaren Åsa"
keys asa j Enter
wait_for asa "< Pendlaren Åsa >"
keys asa Enter
wait_for asa "Saved journey"

# The map groups: the persona's journey first, then the one without.
wait_for asa "1/2 Säga upp avtalet (persona Pendlaren Åsa)"
keys asa '>'
wait_for asa "2/2 Flytta hemifrån (no persona)"
echo "ok: the map names each journey's persona and walks them grouped"
# The other terminal sees the same grouping without being told.
wait_for oyv "2/2 Flytta hemifrån (no persona)"
keys oyv '<'
wait_for oyv "1/2 Säga upp avtalet (persona Pendlaren Åsa)"
echo "ok: the participant's map follows"

# C on a journey with a persona edits that persona.
keys asa '<'
wait_for asa "1/2 Säga upp avtalet"
keys asa C
wait_for asa "Edit persona #1"
keys asa Escape
# Undo takes the journey's persona back; the map is ungrouped again.
keys asa u
wait_for asa "Undone"
wait_for asa "(no persona)"
[ "$(sql "$DB" "SELECT count(*) FROM journey WHERE persona_id IS NOT NULL")" = 0 ] ||
	fail_all "undo left a journey with a persona"
echo "ok: C edits the persona, undo takes the choice back"

for s in asa oyv; do
	keys "$s" q
done
exit 0
