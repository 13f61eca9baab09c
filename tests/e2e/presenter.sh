#!/bin/sh
# presenter.sh: the room with three terminals in a private tmux server:
# Åsa facilitates, Øyvind follows, Ingrid chose to stay.
#   - focus: Åsa's z on a pain point or an idea moves Øyvind's screen to
#     it (view and selection), Ingrid's stays put, and each status bar
#     says "focus: following" or "focus: staying"; a participant's z is
#     refused; z again, or deleting the item, clears the focus;
#   - the presenter view (--presenter, P): the current step, the timer
#     in big block digits of the size presenter.c works out for 80x24
#     and 200x60, the focused item, no tab bar; plain text when too
#     small; over time as "-MM:SS" and "OVER TIME";
#   - the time-up bell rings once on every terminal, the presenter view
#     included (the BEL byte, caught with pipe-pane), and b silences it
#     at one terminal.
# Exit 0 pass, 1 fail.
set -u

[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
	echo "FAIL: tmux is needed (apt-get install tmux)" >&2
	exit 1
}
[ -n "${SQLITE3_BIN:-}" ] && [ -x "$SQLITE3_BIN" ] || {
	echo "FAIL: sqlite3 is needed to run the timer out (apt-get install sqlite3)" >&2
	exit 1
}
# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
HOME="$WORK/home"
export HOME
mkdir -p "$HOME"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/rum.db"
cli() {
	JOURNEYHACK_TEMPLATE_PATH="$JH_SRCDIR/workshop-templates" "$JH" -d "$DB" "$@" \
		</dev/null >/dev/null || die "journeyhack $*"
}
db() {
	"$SQLITE3_BIN" -cmd '.timeout 10000' "$DB" "$1" || die "sqlite3: $1"
}

cli new verkstad -t half-day-sprint
cli add verkstad participant name=Åsa role=facilitator
cli add verkstad participant name=Øyvind
cli add verkstad participant name=Ingrid
cli add verkstad painpoint "title=Kön i växeln är för lång"
cli add verkstad idea "title=Ring tilbake når køen er lang"
IDEA=$(db "SELECT id FROM idea")

for who in asa:Åsa oyvind:Øyvind ingrid:Ingrid; do
	ui_start "${who%%:*}" --config /dev/null -d "$DB" --as "${who#*:}" verkstad
done
for s in asa oyvind ingrid; do wait_for "$s" "Step 1/10"; done

# ---- focus
keys ingrid Z
wait_for ingrid "You stay here when the facilitator focuses an item"
keys oyvind 3 z
wait_for oyvind "Only a facilitator can focus the room on an item"
keys asa 3 z
wait_for asa "[focus: following]"
wait_for oyvind "Focus on painpoint: Kön i växeln är för lång (Z stays here)"
wait_for oyvind "[focus: following]"
screen oyvind | head -n 1 | grep -q "\[3 Pain\]" || die "Øyvind is not in the pain points"
wait_for ingrid "[focus: staying]"
wait_for ingrid "Focus on painpoint: Kön i växeln är för lång (you stay here; Z follows)"
screen ingrid | head -n 1 | grep -q "\[1 Agenda\]" || die "Ingrid moved though she stays"
# An idea: Øyvind goes to the backlog with it selected; his detail pane shows it.
keys oyvind 1
keys asa 4 z
wait_for oyvind "Focus on idea: Ring tilbake når køen er lang"
screen oyvind | head -n 1 | grep -q "\[4 Backlog\]" || die "Øyvind is not in the backlog"
# z on the focused item clears it everywhere.
keys asa z
wait_for asa "Focus cleared"
wait_for oyvind "The focus was cleared"
wait_for ingrid "The focus was cleared"
screen oyvind | grep -q "focus:" && die "the status bar still shows a focus"
# Deleting the focused item clears the focus too.
keys asa 3 z
wait_for oyvind "Focus on painpoint"
cli rm verkstad painpoint "$(db "SELECT id FROM painpoint")"
wait_for oyvind "The focus was cleared"
wait_for asa "The focus was cleared"
echo "ok: the facilitator's focus is followed, or not by who stays, and ends"

# ---- the presenter view
cli --as Åsa focus verkstad idea "$IDEA"
ui_start pres --config /dev/null -d "$DB" --as Åsa --presenter verkstad
t resize-window -t pres -x 80 -y 24 || die "resize to 80x24"
wait_for pres "Focus › idea: Ring tilbake når køen er lang"
# blocks LINES: how many rows hold the digits' blocks, and the widest run.
blocks() {
	settled pres | grep -c "█"
}
widest() {
	# one ASCII byte a block, whatever awk counts characters as
	settled pres | grep -o "█*" | sed 's/█/#/g' |
		awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }'
}
out=$(settled pres)
printf '%s\n' "$out" | head -n 1 | grep -q "Step 1/10 │ Day 1 │ Kick-off" || die "no step: $out"
printf '%s\n' "$out" | grep -q "Agenda" && die "the presenter view shows the tab bar: $out"
printf '%s\n' "$out" | grep -q "‖ paused" || die "no paused timer: $out"
# "15:00" at 80x24: 17 pixel columns in 17 rows: 3 rows and 4 columns a pixel.
[ "$(blocks)" -eq 15 ] || die "80x24: $(blocks) rows of digits, not 15: $out"
[ "$(widest)" -eq 12 ] || die "80x24: the widest run is $(widest), not 12 (a 3-pixel bar)"
t resize-window -t pres -x 200 -y 60 || die "resize to 200x60"
sleep 0.5
# 200x60: 53 rows: 10 rows a pixel, 200 / 17 = 11 columns.
[ "$(blocks)" -eq 50 ] || die "200x60: $(blocks) rows of digits, not 50: $(settled pres)"
[ "$(widest)" -eq 33 ] || die "200x60: the widest run is $(widest), not 33"
settled pres | grep -q "Focus › idea: Ring tilbake når køen er lang" || die "200x60: no focus"
t resize-window -t pres -x 40 -y 10 || die "resize to 40x10"
sleep 0.5
out=$(settled pres)
printf '%s\n' "$out" | grep -q "15:00  ‖ paused" || die "40x10: no plain-text timer: $out"
printf '%s\n' "$out" | grep -q "█" && die "40x10: big digits that do not fit: $out"
t resize-window -t pres -x 80 -y 24 || die "resize to 80x24"
# Over time: a minus, the words, the alarm colour (and the words alone under NO_COLOR).
db "UPDATE workshop SET timer_elapsed = 1000"
wait_for pres "OVER TIME by 01:40 (paused)"
out=$(settled pres)
[ "$(printf '%s\n' "$out" | grep -c "█")" -eq 15 ] || die "over time: no big digits: $out"
t capture-pane -e -p -t pres | grep "OVER TIME" | grep -q "$(printf '\033')\[" ||
	die "over time is not drawn in the alarm attribute"
db "UPDATE workshop SET timer_elapsed = 0"
keys pres P
# Back in the view it left, with the tab bar (tabs by number at 80 columns).
wait_for pres "[4 Backlog]"
keys pres P
wait_for pres "‖ paused"
echo "ok: the presenter view at 80x24, 200x60 and too small, over time"

# ---- the time-up bell on every terminal, and b
keys asa P
wait_for asa "‖ paused"
for s in asa oyvind ingrid; do
	t pipe-pane -t "$s" -o "cat >>'$WORK/$s.out'" || die "pipe-pane $s"
done
bels() {
	tr -cd '\007' <"$WORK/$1.out" | wc -c
}
# Every step lasts a minute, 53 seconds are behind: time is up in ~7 s.
run_out() {
	db "UPDATE step SET minutes = 1; UPDATE workshop SET timer_running = 1,
		timer_elapsed = 53, timer_started = CAST(strftime('%s', 'now') AS INTEGER);"
	wait_for asa "left" 10
	wait_for oyvind "left" 5
	wait_for ingrid "left" 5
	wait_for asa "OVER TIME" 20
	wait_for oyvind "TIME UP" 5
	wait_for ingrid "TIME UP" 5
	sleep 2.5 # two more ticks over the time: once, not every second
}
run_out
for s in asa oyvind ingrid; do
	[ "$(bels "$s")" -eq 1 ] || die "$s: the bell rang $(bels "$s") times, not once"
done
grep -q "$(printf '\033')g" "$WORK/asa.out" || die "no flash in the presenter view"
keys ingrid b
wait_for ingrid "The time-up bell is off at this terminal (b: on)"
run_out
[ "$(bels asa)" -eq 2 ] || die "the presenter view rang $(bels asa) times in all, not 2"
[ "$(bels oyvind)" -eq 2 ] || die "Øyvind's bell rang $(bels oyvind) times in all, not 2"
[ "$(bels ingrid)" -eq 1 ] || die "b did not silence Ingrid's bell: $(bels ingrid)"
keys ingrid b
wait_for ingrid "The time-up bell is on at this terminal (b: off)"
echo "ok: the bell rings once on every terminal, and b silences one"
