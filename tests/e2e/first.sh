#!/bin/sh
# first.sh: draw first, load later, with three terminals on one database
# (Åsa facilitates; Øyvind and Ingrid take part). Each terminal draws its
# first frame from the workshop's head and reads the rest right after it,
# with no key pressed; what it shows later must hold every item:
#   - Åsa's pain point view, shown by her first key, lists the pain points;
#   - Øyvind, idle since his first frame, sees a pain point another
#     process added once he opens the view;
#   - Ingrid, idle since her first frame, follows the room to the backlog
#     when Åsa starts that step, and sees its ideas;
#   - a terminal started while the room's focus is on an idea opens in
#     the backlog with the idea, from its first frame on.
# Exit 0 pass, 1 fail, 77 skip.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || die "sqlite3 is needed to find an idea's id (apt-get install sqlite3)"

DB="$WORK/rum.db"
TPL="$JH_SRCDIR/workshop-templates"

cli() {
	JOURNEYHACK_TEMPLATE_PATH=$TPL "$JH" -d "$DB" "$@" </dev/null >/dev/null ||
		die "journeyhack $*"
}

fail_all() {
	for s in asa oyvind ingrid late; do
		echo "--- $s:" >&2
		screen "$s" >&2
	done
	die "$@"
}

cli new verkstad -t half-day-sprint
cli add verkstad participant name=Åsa role=facilitator
cli add verkstad participant name=Øyvind
cli add verkstad participant name=Ingrid
for i in 1 2 3 4 5 6; do
	cli add verkstad painpoint "title=Smärta nummer $i"
	cli add verkstad idea "title=Idé nummer $i"
done

ui_start asa --config /dev/null -d "$DB" --as Åsa verkstad
ui_start oyvind --config /dev/null -d "$DB" --as Øyvind verkstad
ui_start ingrid --config /dev/null -d "$DB" --as Ingrid verkstad
for s in asa oyvind ingrid; do
	wait_for "$s" "Step 1/10"
	screen "$s" | head -n 1 | grep -F -q "[1 Agenda]" || fail_all "$s did not open in the agenda"
done

keys asa 3
wait_for asa "Smärta nummer 6"
screen asa | grep -F -q "Smärta nummer 1" || fail_all "Åsa's pain point view lacks the first"
echo "ok: the pain point view shown later lists every pain point"

cli add verkstad painpoint "title=Kön i växeln är för lång"
keys oyvind 3
wait_for oyvind "Kön i växeln är för lång"
screen oyvind | grep -F -q "Smärta nummer 1" || fail_all "Øyvind's pain point view lost the others"
echo "ok: an idle terminal shows another process's pain point in a later view"

keys asa 1 g j j j j S
wait_for asa "Step 5/10 Silent ideation"
wait_for ingrid "The room moved to step 5 Silent ideation" 10
screen ingrid | head -n 1 | grep -F -q "[4 Backlog]" || fail_all "Ingrid did not follow to the backlog"
screen ingrid | grep -F -q "Idé nummer 1" || fail_all "Ingrid's backlog lacks the ideas"
echo "ok: an idle terminal follows the room to a view that holds its items"

IDEA=$(sql "$DB" "SELECT id FROM idea WHERE title = 'Idé nummer 3'")
[ -n "$IDEA" ] || die "cannot find the id of Idé nummer 3"
cli --as Åsa focus verkstad idea "$IDEA"
ui_start late --config /dev/null -d "$DB" --as Ingrid verkstad
wait_for late "Focus on idea: Idé nummer 3"
screen late | head -n 1 | grep -F -q "[4 Backlog]" || fail_all "the late terminal is not in the backlog"
echo "ok: a terminal started on a focused idea shows it from its first frame"

for s in asa oyvind ingrid late; do keys "$s" q; done
exit 0
