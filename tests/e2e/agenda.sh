#!/bin/sh
# agenda.sh: the agenda is the facilitator's, with three terminals on one
# database (Øyvind facilitates; Åsa and Märta take part), in Swedish.
#   - Space pages in the agenda and moves no one;
#   - S starts a step for the room; the participants' terminals follow to
#     the step's view with a notice, except one that chose to stay (f);
#   - facilitator notes show on the facilitator's screen only;
#   - S asks first while the timer runs; undo of the move brings back the
#     step and its running timer;
#   - the start-up chooser opens a workshop without a reload error.
# Exit 0 pass, 1 fail, 77 skip.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/rum.db"
TPL="$JH_SRCDIR/workshop-templates"
NOTE="på fyra timmar går teamet"

cli() {
	JOURNEYHACK_TEMPLATE_PATH=$TPL "$JH" -d "$DB" "$@" </dev/null >/dev/null ||
		die "journeyhack $*"
}

status_of() {
	screen "$1" | tail -n 2 | head -n 1
}

fail_all() {
	for s in fac asa marta pick; do
		echo "--- $s:" >&2
		screen "$s" >&2
	done
	die "$@"
}

cli new verkstad -t half-day-sprint
cli set verkstad step 1 "notes=Säg målet rakt ut: på fyra timmar går teamet härifrån med åtgärder, ägare och datum."
cli add verkstad participant name=Øyvind role=facilitator
cli add verkstad participant name=Åsa
cli add verkstad participant name=Märta
cli add verkstad painpoint "title=Fakturan är svår att läsa för äldre kunder" severity=4 \
	frequency=5 touchpoint=0 2>/dev/null || true

ui_start fac -d "$DB" --as Øyvind verkstad
ui_start asa -d "$DB" --as Åsa verkstad
ui_start marta -d "$DB" --as Märta verkstad
for s in fac asa marta; do
	wait_for "$s" "Step 1/10"
done

# Notes: the facilitator reads them, the participants do not.
screen fac | grep -F -q "$NOTE" || fail_all "the facilitator does not see the notes"
for s in asa marta; do
	screen "$s" | grep -F -q "$NOTE" && fail_all "$s sees the facilitator's notes"
done
# Nor does a search find a step by its notes for a participant.
keys asa /
type_text asa "fyra timmar"
keys asa Enter
wait_for asa "Not found: fyra timmar"
keys asa g
echo "ok: notes on the facilitator's screen only"

# Märta stays where she is.
keys marta f
wait_for marta "[staying]"

# Space pages: the cursor leaves step 1, nobody's step changes.
keys fac Space
deadline=$(($(now_ms) + 5000))
while screen fac | grep -q "works in Agenda (1), NOW"; do
	[ "$(now_ms)" -lt "$deadline" ] || fail_all "Space did not page in the agenda"
	sleep 0.05
done
sleep 1.5 # two polls of the other terminals
for s in fac asa marta; do
	status_of "$s" | grep -F -q "Step 1/10" || fail_all "Space moved $s: $(status_of "$s")"
done
echo "ok: Space pages and moves no one"

# S on step 3 (Pain points) starts it for the room.
keys fac g j j S
wait_for fac "Step 3/10 Pain points"
wait_for asa "The room moved to step 3 Pain points" 5
screen asa | head -n 1 | grep -F -q "[3 Pain" || fail_all "Åsa did not follow to the Pain points view"
wait_for marta "you stay here" 5
screen marta | head -n 1 | grep -F -q "[1 Agenda]" || fail_all "Märta was moved although she stays"
status_of marta | grep -F -q "Step 3/10" || fail_all "Märta's status line lost the room's step"
echo "ok: the room follows S, Märta stays"

# Timer: S asks while it runs; undo brings back the step and the running
# timer.
keys fac t
wait_for fac "34:5" 8
keys fac j j S
wait_for fac "Timer running at"
keys fac n
wait_for fac "The room stays at step 3"
keys fac S
wait_for fac "Timer running at"
keys fac y
wait_for fac "Step 5/10"
status_of fac | grep -F -q "20:00 left" || fail_all "a new step did not start with a fresh timer"
keys fac u
wait_for fac "Step 3/10 Pain points"
st=$(status_of fac)
case $st in
*"35:00"*) fail_all "undo reset the timer: $st" ;;
*"▶ 34:"*) ;;
*) fail_all "undo did not bring back the running timer: $st" ;;
esac
wait_for asa "Step 3/10" 5
echo "ok: undo of a move restores the step and its running timer"

# The start-up chooser: two workshops, none named.
cli new andra -t half-day-sprint
ui_start pick -d "$DB"
wait_for pick "Open which workshop?"
# Someone else writes meanwhile: the chooser's terminal sees the change
# while no workshop is open yet.
cli add verkstad parking "text=Vem äger fakturans språk? Frågar Åsa"
sleep 1.5
screen pick | grep -F -q "reload failed" && fail_all "the chooser shows a reload error"
keys pick Enter
wait_for pick "Agenda: 10 steps"
sleep 1
screen pick | grep -F -q "reload failed" && fail_all "the chooser opened with a reload error"
echo "ok: the chooser opens a workshop without an error"

for s in fac asa marta pick; do
	keys "$s" q
done
exit 0
