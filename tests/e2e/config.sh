#!/bin/sh
# config.sh: the configuration in the interface, in a private tmux server.
#   - a rebound key works and the old one does nothing; the help screen
#     and the status line's hints name the keys in effect; a UTF-8 key;
#   - the participant and the database come from the configuration, and
#     the export prompt proposes the export folder;
#   - themes change the colours the terminal gets (capture-pane -e), and
#     NO_COLOR still wins;
#   - when the agenda timer runs out the terminal rings once (the BEL
#     byte, caught with pipe-pane) and flashes, unless `bell off`.
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
# The tmux server passes on the environment it starts in: HOME first.
HOME="$WORK/home"
export HOME
mkdir -p "$HOME/ut"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/rum.db"

cli() {
	JOURNEYHACK_TEMPLATE_PATH="$JH_SRCDIR/workshop-templates" "$JH" -d "$DB" "$@" \
		</dev/null >/dev/null || die "journeyhack $*"
}

cli new verkstad -t half-day-sprint
cli add verkstad participant name=Øyvind role=facilitator
cli add verkstad participant name=Åsa

# ---- keys, hints, help, participant, database and export folder
cat >"$WORK/keys.rc" <<RC
# Åsa sits here; the database and exports come from here too.
database $DB
participant Åsa
export-folder ~/ut
unbind view-painpoints
bind view-painpoints C-p
bind view-matrix ö
unbind quit
bind quit Q
unbind help
bind help F2
RC
ui_start rebind --config "$WORK/keys.rc" verkstad
wait_for rebind "Step 1/10"
screen rebind | tail -n 2 | head -n 1 | grep -q "^ Åsa " || die "the configured participant: $(screen rebind)"
wait_for rebind "F2 help  a add  e edit  d delete  u undo  / search  Q quit"
keys rebind C-p
wait_for rebind "[3 Pain]"
keys rebind 3
wait_for rebind "3 does nothing here: F2 lists the keys"
type_text rebind ö
wait_for rebind "[5 Matrix]"
keys rebind F2
wait_for rebind "Impact/effort matrix"
screen rebind | grep -q "C-p  *Pain points" || die "help shows the new key: $(screen rebind)"
screen rebind | grep -q "1  *Agenda" || die "help shows the keys left alone"
screen rebind | grep -q "ö  *Impact/effort matrix" || die "help shows a UTF-8 key"
screen rebind | grep -q "Keys (Q closes)" || die "the help's title names the quit key"
screen rebind | grep -q "j/k PgUp/PgDn scroll" || die "the help's scroll hint"
keys rebind G
wait_for rebind "Accept the selection"
screen rebind | grep -q "Q  *Close the overlay, or quit" || die "help shows the new quit: $(screen rebind)"
keys rebind Q
wait_for rebind "F2 help"
keys rebind x
wait_for rebind "Export what?"
keys rebind Enter
wait_for rebind "Export to file: $HOME/ut/verkstad-actions.md"
keys rebind Enter
wait_for rebind "Exported to $HOME/ut/verkstad-actions.md"
[ -s "$HOME/ut/verkstad-actions.md" ] || die "the export is not in the folder"
keys rebind q
wait_for rebind "q does nothing here: F2 lists the keys"
keys rebind Q
deadline=$(($(now_ms) + 10000))
while [ ! -s "$WORK/rebind.status" ]; do
	[ "$(now_ms)" -lt "$deadline" ] || die "Q did not quit"
	sleep 0.05
done
[ "$(cat "$WORK/rebind.status")" = 0 ] || die "exit status $(cat "$WORK/rebind.status")"
echo "ok: rebound keys work, help and hints follow them, defaults apply"

# ---- themes: the colours the terminal is given
# colors SESSION: the SGR sequences of its screen that set a colour (39
# and 49 only go back to the default).
colors() {
	t capture-pane -e -p -t "$1" | grep -o "$(printf '\033')\[[0-9;]*m" |
		grep -E '[[;](3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)' | sort -u
}
printf 'theme monochrome\n' >"$WORK/mono.rc"
printf 'theme light\n' >"$WORK/light.rc"
printf 'color title yellow magenta bold\nbell kanske\n' >"$WORK/title.rc"
for s in default mono light title; do
	rc=/dev/null
	[ "$s" = default ] || rc="$WORK/$s.rc"
	ui_start "$s" --config "$rc" -d "$DB" --as Øyvind verkstad
done
ui_start nocolor --config "$WORK/light.rc" -d "$DB" --as Øyvind verkstad
t set-environment -g NO_COLOR 1
t kill-session -t nocolor
ui_start nocolor --config "$WORK/light.rc" -d "$DB" --as Øyvind verkstad
for s in default mono light title nocolor; do
	wait_for "$s" "Step 1/10"
done
# A problem printed before the screen took over is shown on it too.
wait_for title "$WORK/title.rc:2: bell: expected on or off, not \"kanske\""
t capture-pane -e -p -t default | head -n 1 | grep -q "$(printf '\033')\[44m" ||
	die "default: the title bar is not on blue"
[ -z "$(colors mono)" ] || die "monochrome sets colours: $(colors mono | od -c | head -3)"
t capture-pane -e -p -t mono | head -n 1 | grep -q "$(printf '\033')\[[0-9;]*7m" ||
	die "monochrome: the title bar is not in reverse video"
t capture-pane -e -p -t light | sed -n 2p | grep -q "$(printf '\033')\[47m" ||
	die "light: the text is not on white"
t capture-pane -e -p -t title | head -n 1 | grep -q "$(printf '\033')\[33m$(printf '\033')\[45m" ||
	die "color title yellow magenta: $(t capture-pane -e -p -t title | head -n 1 | od -c | head)"
[ "$(colors default)" != "$(colors light)" ] || die "light and default look alike"
[ -z "$(colors nocolor)" ] || die "NO_COLOR must win over the theme"
t set-environment -gu NO_COLOR
echo "ok: themes change the colour pairs, NO_COLOR wins"

# ---- the bell when the timer runs out
# Every step lasts a minute and this one has 53 seconds behind it: the
# time runs out about 7 seconds from now, with both terminals watching.
"$SQLITE3_BIN" -cmd '.timeout 10000' "$DB" "UPDATE step SET minutes = 1;
	UPDATE workshop SET timer_running = 1, timer_elapsed = 53,
	timer_started = CAST(strftime('%s', 'now') AS INTEGER);" || die "cannot start the timer"
printf 'bell off\n' >"$WORK/quiet.rc"
ui_start ring --config /dev/null -d "$DB" --as Øyvind verkstad
t pipe-pane -t ring -o "cat >>'$WORK/ring.out'" || die "pipe-pane"
ui_start quiet --config "$WORK/quiet.rc" -d "$DB" --as Øyvind verkstad
t pipe-pane -t quiet -o "cat >>'$WORK/quiet.out'" || die "pipe-pane"
wait_for ring "left" 10
wait_for ring "TIME UP" 20
wait_for quiet "TIME UP" 5
sleep 2.5 # two more ticks over the time: it rings once, not every second
bels() {
	tr -cd '\007' <"$1" | wc -c
}
[ "$(bels "$WORK/ring.out")" -eq 1 ] || die "the bell rang $(bels "$WORK/ring.out") times, not once"
grep -q "$(printf '\033')g" "$WORK/ring.out" || die "no flash (the terminal's flash is ESC g)"
[ "$(bels "$WORK/quiet.out")" -eq 0 ] || die "bell off still rang"
# A terminal that opens after the time ran out stays quiet.
ui_start late --config /dev/null -d "$DB" --as Øyvind verkstad
t pipe-pane -t late -o "cat >>'$WORK/late.out'" || die "pipe-pane"
wait_for late "TIME UP" 10
sleep 1.5
[ "$(bels "$WORK/late.out")" -eq 0 ] || die "a terminal opened after time-up rang"
echo "ok: the bell rings once when the timer runs out, and not with bell off"
