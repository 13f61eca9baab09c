#!/bin/sh
# tmux.sh: journeyhack in a real terminal. The built binary runs inside a
# private, headless tmux server; keys go in with send-keys and the screen
# comes back with capture-pane. Covers a mini-workshop typed in Swedish
# (journey, touchpoints, pain point, idea, votes, action, export), a
# kill -9 in the middle of a session losing nothing that was saved, and
# two terminals on one database seeing each other's changes within a
# second. Needs no controlling terminal. Exit 0 pass, 1 fail, 77 skip.
set -u

: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipped (apt-get install tmux)"
	exit 77
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-e2e.XXXXXX") || exit 1
SOCK="$WORK/tmux.sock"
DB="$WORK/ws.db"
FIXTURES="$WORK"
# shellcheck source=tests/screens/lib.sh
. "$JH_SRCDIR/tests/screens/lib.sh"
EDITOR="$JH_SRCDIR/tests/e2e/editor.sh"
export EDITOR

t() {
	"$TMUX_BIN" -S "$SOCK" -f /dev/null "$@"
}

# shellcheck disable=SC2317 # called by the trap
cleanup() {
	t kill-server 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

fail() {
	echo "FAIL: $*"
	for s in $(t list-sessions -F '#{session_name}' 2>/dev/null); do
		echo "--- screen of $s:"
		t capture-pane -p -t "$s" 2>/dev/null
	done
	exit 1
}

now_ms() {
	date +%s%3N
}

# Start the UI in a new session NAME as participant AS. The wrapper
# records the exit status, which tmux's own pane status does not report
# reliably, and its own pid so the test can find the program's.
start() {
	name=$1 as=$2
	# shellcheck disable=SC2016 # expanded by the inner shell
	t new-session -d -s "$name" -x 100 -y 30 \
		-e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e "TERM=screen" \
		-e "JOURNEYHACK_TODAY=$JOURNEYHACK_TODAY" -e "TZ=$TZ" -e "EDITOR=$EDITOR" \
		-e "JOURNEYHACK_TEMPLATE_PATH=$JOURNEYHACK_TEMPLATE_PATH" \
		sh -c 'echo $$ > "$0.pid"; "$@"; echo $? > "$0"' "$WORK/$name.status" \
		"$JH_BIN" -d "$DB" --as "$as" pay ||
		fail "cannot start tmux session $name"
}

# Wait until session NAME shows TEXT, for at most SECONDS (default 30: an
# ASan build on a busy machine can take that long).
wait_for() {
	name=$1 text=$2 limit=${3:-30}
	deadline=$(($(now_ms) + limit * 1000))
	while :; do
		if t capture-pane -p -t "$name" 2>/dev/null | grep -F -q -- "$text"; then
			return 0
		fi
		[ "$(now_ms)" -lt "$deadline" ] || fail "$name did not show \"$text\" within ${limit}s"
		sleep 0.05
	done
}

keys() {
	name=$1
	shift
	t send-keys -t "$name" "$@" || fail "send-keys to $name"
}

# Type literal text (UTF-8) into session NAME.
type_text() {
	t send-keys -t "$1" -l -- "$2" || fail "send-keys -l to $1"
}

# The journeyhack process of session NAME: the wrapper shell's child.
jh_pid() {
	parent=$(cat "$WORK/$1.status.pid")
	if command -v pgrep >/dev/null 2>&1; then
		pgrep -P "$parent"
		return
	fi
	for d in /proc/[0-9]*; do
		read -r pid _ _ ppid _ <"$d/stat" 2>/dev/null || continue
		[ "$ppid" = "$parent" ] && echo "$pid"
	done
}

# The exit status written by the wrapper, waiting for the process to end.
wait_exit() {
	name=$1
	deadline=$(($(now_ms) + 10000))
	until [ -s "$WORK/$name.status" ]; do
		[ "$(now_ms)" -lt "$deadline" ] || fail "$name did not exit"
		sleep 0.05
	done
	cat "$WORK/$name.status"
}

show_has() {
	kind=$1 text=$2
	"$JH_BIN" -d "$DB" show pay "$kind" 2>&1 | grep -F -q -- "$text" ||
		fail "'show pay $kind' lacks \"$text\": $("$JH_BIN" -d "$DB" show pay "$kind" 2>&1)"
}

# ---------------------------------------------------------------- set-up

t start-server || fail "tmux server"
jh new pay -t payment-moment || fail "new"
jh add pay participant name=Anna department=Ekonomi role=facilitator || fail "add Anna"
jh add pay participant name=Björn department=Kundtjänst || fail "add Björn"

# ---------------------------------------------------------------- the workshop

start A Anna
wait_for A "Why the invoice matters"
wait_for A "Anna (facilitator)"

# A journey of our own, with Swedish stages.
keys A A
wait_for A "Add what?"
keys A j j j j j Enter
wait_for A "New journey"
type_text A "Bli kund"
keys A Tab Tab C-u
type_text A "Hitta, Köpa, Använda"
keys A Enter
wait_for A "Added journey"

# Touchpoints in its first two stages.
keys A 2
wait_for A "Pay the invoice"
keys A '>'
wait_for A "2/2 Bli kund"
keys A a
wait_for A "New touchpoint"
type_text A "Hittar oss på webben"
keys A Tab Tab Tab
type_text A "webb"
keys A Tab
type_text A "Marknad"
keys A Tab Right Enter
wait_for A "Added touchpoint"
keys A l a
wait_for A "New touchpoint"
type_text A "Köper i butiken"
keys A Tab Tab Tab
type_text A "butik"
keys A Tab Tab Left Enter
wait_for A "Added touchpoint"
wait_for A "Köpa (1)"

# A pain point on the selected card, evidence from $EDITOR.
keys A A
wait_for A "Add what?"
keys A j Enter
wait_for A "New pain point"
type_text A "Kön i butiken är för lång"
keys A Tab Tab Right Tab Tab C-e
wait_for A "Citat från kund"
keys A Enter
wait_for A "Added painpoint"
show_has painpoints "Kön i butiken är för lång"
show_has painpoints "Citat från kund"

# An idea, two dots from Anna, an action point from it.
keys A 4 a
wait_for A "New idea"
type_text A "Självscanning i butiken"
keys A Enter
wait_for A "Added idea"
keys A g v v
wait_for A "2/4 dots"
keys A A
wait_for A "Add what?"
keys A j j j Enter
wait_for A "New action"
type_text A "Pilot med självscanning"
keys A Tab Tab
type_text A "Björn"
keys A Tab
type_text A "2026-04-15"
keys A Enter
wait_for A "Added action"
keys A 6
wait_for A "Pilot med självscanning"

# Export the action points to markdown.
keys A x
wait_for A "Export what?"
keys A Enter
wait_for A "Export to file:"
keys A C-u
type_text A "$WORK/actions.md"
keys A Enter
wait_for A "Exported to"
grep -F -q "Pilot med självscanning" "$WORK/actions.md" || fail "export lacks the action"
grep -F -q "Björn" "$WORK/actions.md" || fail "export lacks the owner"

# ---------------------------------------------------------------- kill -9

# Half-typed and unsaved when the process dies: only that may be lost.
keys A 7 a
wait_for A "New parking"
type_text A "Osparad fråga"
wait_for A "Osparad fråga"
pid=$(jh_pid A)
[ -n "$pid" ] || fail "no journeyhack process in session A"
kill -9 "$pid" || fail "kill -9"
[ "$(wait_exit A)" = 137 ] || fail "A did not die of SIGKILL: $(cat "$WORK/A.status")"
show_has journeys "Bli kund"
show_has touchpoints "Hittar oss på webben"
show_has touchpoints "Köper i butiken"
show_has painpoints "Kön i butiken är för lång"
show_has ideas "Självscanning i butiken"
show_has votes "Anna"
show_has actions "Pilot med självscanning"
if "$JH_BIN" -d "$DB" show pay parking 2>&1 | grep -F -q "Osparad fråga"; then
	fail "an unsaved form reached the database"
fi
if [ -n "${SQLITE3_BIN:-}" ] && [ -x "$SQLITE3_BIN" ]; then
	[ "$("$SQLITE3_BIN" -cmd '.timeout 10000' "$DB" 'PRAGMA integrity_check')" = ok ] || fail "database damaged"
fi

# ---------------------------------------------------------------- two terminals

start C Anna
start D Björn
wait_for C "Anna (facilitator)"
wait_for D "Björn 4/4 dots"
keys D 7
wait_for D "Parking lot: 0"

# Anna parks a question; Björn's screen shows it without a key press.
keys C 7 a
wait_for C "New parking"
type_text C "Vem äger kundresan?"
keys C Enter
wait_for C "Added parking"
t0=$(now_ms)
wait_for D "Vem äger kundresan?" 5
elapsed=$(($(now_ms) - t0))
[ "$elapsed" -le 1000 ] || fail "D saw C's change after ${elapsed} ms (more than a second)"

# Björn votes; Anna's backlog follows, keeping her place.
keys C 4
wait_for C "Självscanning i butiken"
keys D 4
wait_for D "Självscanning i butiken"
keys D g v
wait_for D "Björn 3/4 dots"
t0=$(now_ms)
wait_for C "3 dots: Anna 2, Björn 1" 5
elapsed=$(($(now_ms) - t0))
[ "$elapsed" -le 1000 ] || fail "C saw D's vote after ${elapsed} ms"

# The timer lives in the database: Anna starts it, Björn's bar runs too.
keys C t
wait_for D "▶" 5

# A real SIGWINCH at any size: a notice when too small, a full redraw
# when large again, and the program keeps running.
t resize-window -t C -x 30 -y 8 || fail "resize-window"
wait_for C "Terminal too small"
t resize-window -t C -x 1 -y 1
t resize-window -t C -x 120 -y 40
wait_for C "[4 Backlog]"
wait_for C "3 dots: Anna 2, Björn 1"

# Both quit cleanly.
keys C q
keys D q
[ "$(wait_exit C)" = 0 ] || fail "C exited with status $(cat "$WORK/C.status")"
[ "$(wait_exit D)" = 0 ] || fail "D exited with status $(cat "$WORK/D.status")"

echo "e2e: mini-workshop, kill -9 and two terminals passed"
exit 0
