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
cli add verkstad journey "name=Flytt av abonnemang" stages=Behov,Köp,Användning >/dev/null
cli add verkstad touchpoint "name=Bläddrar på webben" journey=1 stage=Behov >/dev/null

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

# ---- the agenda: add, retime, move, delete, fix a start, run late
keys fac 1
wait_for fac "Day 1  09:00-13:00  4 h 00 min"
screen fac | grep -F "Map the journey" | grep -F -q "09:15" || die "no clock time on step 2"
keys fac G a
wait_for fac "Title"
type_text fac "Fika på gården"
keys fac Enter
wait_for fac "Agenda: 11 steps"
wait_for fac "Day 1  09:00-13:30  4 h 30 min"
screen fac | grep -F "Fika på gården" | grep -F -q "13:00" || die "the new step is not at 13:00"
echo "ok: a step added after the selected one, clock times and the day total follow"
keys fac +
wait_for fac "Day 1  09:00-13:35  4 h 35 min"
[ "$(sql "SELECT minutes FROM step WHERE title = 'Fika på gården'")" = 35 ] ||
	die "the timebox was not saved"
echo "ok: the timebox lengthened with +"
keys fac K
wait_for fac "Moved Fika på gården up"
screen fac | grep -F "Fika på gården" | grep -F -q "12:40" || die "the moved step is not at 12:40"
screen fac | grep -F "Wrap-up" | grep -F -q "13:15" || die "wrap-up did not move to 13:15"
[ "$(sql "SELECT position FROM step WHERE title = 'Fika på gården'")" = 9 ] ||
	die "the move was not saved"
echo "ok: a step moved up with K"
keys fac d
wait_for fac "(y/n)"
keys fac y
wait_for fac "Agenda: 10 steps"
wait_for fac "Day 1  09:00-13:00  4 h 00 min"
echo "ok: a step deleted"
keys fac g @
wait_for fac "starts at (HH:MM"
type_text fac "08:30"
keys fac Enter
wait_for fac "Day 1  08:30-12:30  4 h 00 min"
echo "ok: the day's start fixed at 08:30"
# Step 1 (15 min) started 40 minutes ago: the room is 25 minutes late
# once its timer runs.
ago=$(date -d '-40 min' +%H:%M)
screen fac | grep -F -q "Running" && die "late before the step started"
keys fac @ C-u
type_text fac "$ago"
keys fac Enter
wait_for fac "starts at $ago"
keys fac t
wait_for fac "Running 25 min late"
echo "ok: running late shown against the step's planned end"
keys fac t

# ? lists the new keys of the agenda.
keys fac "?"
wait_for fac "Move the step up in the agenda"
keys fac PgDn
wait_for fac "Fix the clock time the step starts at"
keys fac q

# ---- stages: rename and move, the cards with them
keys fac 2
wait_for fac "Bläddrar på webben"
keys fac c
wait_for fac "New name for the stage Behov"
keys fac C-u
type_text fac "Upptäcka"
keys fac Enter
wait_for fac "Upptäcka"
[ "$(sql "SELECT name FROM stage WHERE position = 0")" = "Upptäcka" ] || die "the stage was not renamed"
echo "ok: a stage renamed"
keys fac "}"
wait_for fac "Changed order"
[ "$(sql "SELECT group_concat(name, ',') FROM (SELECT name FROM stage ORDER BY position)")" = "Köp,Upptäcka,Användning" ] ||
	die "the stage did not move: $(sql "SELECT group_concat(name) FROM stage")"
[ "$(sql "SELECT s.name FROM touchpoint t JOIN stage s ON s.id = t.stage_id")" = "Upptäcka" ] ||
	die "the card did not stay with its stage"
keys fac "{" "{"
wait_for fac "The stage is already first"
[ "$(sql "SELECT name FROM stage WHERE position = 0")" = "Upptäcka" ] || die "the stage did not move back"
echo "ok: a stage moved right and back, its card with it"

# ---- action owners are the participants, however typed
keys fac 6 a
wait_for fac "Owner"
type_text fac "Ring tre kunder"
keys fac Tab Tab
type_text fac "oyvind"
keys fac Enter
wait_for fac "owned by Øyvind from the participants"
[ "$(sql "SELECT owner FROM action")" = "Øyvind" ] || die "the owner was not settled on Øyvind"
cli add verkstad action "title=Skriv om fakturan" owner=OYVIND >/dev/null
cli add verkstad action "title=Fråga juristen" owner=Gunnar >/dev/null
[ "$(sql "SELECT group_concat(owner, ',') FROM (SELECT owner FROM action ORDER BY id)")" = "Øyvind,Øyvind,Gunnar" ] ||
	die "owners: $(sql "SELECT group_concat(owner) FROM action")"
echo "ok: owners typed without diacritics become the participant, others stay free text"

# ---- the template picker: a database with no workshop starts with it
EMPTY="$WORK/tom.db"
"$JH" -d "$EMPTY" new bort -t payment-moment >/dev/null || die "cannot make a database"
sqlite3 -cmd ".timeout 5000" "$EMPTY" "PRAGMA foreign_keys = ON; DELETE FROM workshop" || die "cannot empty the database"
ui_start pick -d "$EMPTY"
wait_for pick "New workshop from which template?"
screen pick | grep -F "payment-moment-sv" | grep -F -q "Betalningsögonblicket  [sv]" ||
	die "the picker does not show the Swedish template's title and language"
screen pick | grep -F "half-day-sprint" | grep -F -q "[en]" || die "no language for half-day-sprint"
# Down to half-day-sprint, wherever it is in the list.
row=$(screen pick | grep -E '\[(en|sv|nb)\]' | grep -n -F "half-day-sprint" | cut -d: -f1)
[ -n "$row" ] || die "half-day-sprint is not in the picker"
while [ "$row" -gt 1 ]; do
	keys pick j
	row=$((row - 1))
done
keys pick Enter
wait_for pick "Name of the new workshop"
type_text pick "fel namn"
keys pick Enter
wait_for pick "without spaces"
keys pick C-u
type_text pick "höstsprint"
keys pick Enter
wait_for pick "Step 1/10 Kick-off"
screen pick | head -n 1 | grep -F -q "Half-day journey sprint" || die "the new workshop is not open"
[ "$(sqlite3 "$EMPTY" "SELECT template FROM workshop WHERE name = 'höstsprint'")" = half-day-sprint ] ||
	die "the workshop was not created from the template"
keys pick q
echo "ok: a workshop created from the template picker"

# With workshops, the start-up chooser offers a new one last.
"$JH" -d "$EMPTY" new vår -t half-day-sprint >/dev/null || die "cannot add a second workshop"
ui_start pick2 -d "$EMPTY"
wait_for pick2 "New workshop from a template..."
keys pick2 G Enter
wait_for pick2 "New workshop from which template?"
keys pick2 Enter
wait_for pick2 "Name of the new workshop"
type_text pick2 "tredje"
keys pick2 Enter
wait_for pick2 "Customer Journey Hackathon"
[ "$(sqlite3 "$EMPTY" "SELECT count(*) FROM workshop")" = 3 ] || die "no third workshop"
echo "ok: the chooser's last entry makes a new workshop"

t kill-server 2>/dev/null
exit 0
