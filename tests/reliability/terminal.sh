#!/bin/sh
# terminal.sh: the interface against a misbehaving terminal.
#
# In a headless tmux: TERM unknown, dumb and empty each start the
# interface, which quits with status 0 and leaves the terminal out of the
# alternate screen. A 1x1 window keeps it alive; too small a window shows
# the "too small" notice; growing again shows the workshop. A storm of
# random resizes (1x1 to 300x90) with a form half typed: the process
# survives, the form keeps its text, the screen equals the one a forced
# redraw (Ctrl-L) paints, and Enter still saves. SIGHUP and SIGTERM with
# a form open, and closing the terminal outright: the process ends within
# seconds without a crash status, the terminal is restored where it still
# exists, saved entries are kept and the unsaved form is not saved.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/t.db"
jh -d "$DB" new k -t payment-moment >/dev/null || die "cannot create the workshop"
checks=0
ok() { checks=$((checks + 1)); }

# wait_status SESSION: the exit status the wrapper recorded (10 s at most).
wait_status() {
	n=0
	while [ ! -s "$WORK/$1.status" ] && [ $n -lt 1000 ]; do
		sleep 0.01
		n=$((n + 1))
	done
	[ -s "$WORK/$1.status" ] || die "session $1: the interface did not end"
	cat "$WORK/$1.status"
}

restored() { # SESSION: out of the alternate screen, cursor visible
	[ "$(t display-message -p -t "$1" '#{alternate_on}')" = 0 ] ||
		die "session $1: left in the alternate screen"
	[ "$(t display-message -p -t "$1" '#{cursor_flag}')" = 1 ] ||
		die "session $1: the cursor was left hidden"
}

# ---- unknown, dumb and empty TERM
for term in no-such-terminal dumb ""; do
	s="term${term:-empty}"
	ui_start "$s" "TERM=$term" -d "$DB" k
	wait_for "$s" "Why the invoice matters"
	keys "$s" q
	st=$(wait_status "$s")
	[ "$st" = 0 ] || die "TERM=$term: exit status $st"
	restored "$s"
	t kill-session -t "$s"
	ok
done

# ---- tiny windows
ui_start tiny -d "$DB" k
t resize-window -t tiny -x 1 -y 1
sleep 0.3
kill -0 "$(ui_pid tiny)" 2>/dev/null || die "1x1: the interface died"
t resize-window -t tiny -x 20 -y 5
wait_for tiny "too small"
t resize-window -t tiny -x 100 -y 30
wait_for tiny "Why the invoice matters"
keys tiny q
[ "$(wait_status tiny)" = 0 ] || die "tiny: exit status $(cat "$WORK/tiny.status")"
t kill-session -t tiny
ok

# ---- a resize storm with a form open
ui_start storm -d "$DB" k
wait_for storm "Why the invoice matters"
keys storm 7 a
wait_for storm "New parking"
type_text storm "Storm: är det vårt jobb?"
pid=$(ui_pid storm)
n=0
while [ $n -lt 300 ]; do
	n=$((n + 1))
	case $((n % 10)) in
	0) w=1 h=1 ;;
	1) w=300 h=90 ;;
	*) w=$(($(rand 160) + 1)) h=$(($(rand 50) + 1)) ;;
	esac
	t resize-window -t storm -x $w -y $h || die "resize $w x $h"
done
kill -0 "$pid" 2>/dev/null || die "the interface died in the resize storm"
t resize-window -t storm -x 100 -y 30
wait_for storm "Storm: är det vårt jobb?"
settled storm >"$WORK/before"
keys storm C-l
settled storm >"$WORK/after"
cmp -s "$WORK/before" "$WORK/after" ||
	die "the screen after the storm differs from a redraw: $(diff "$WORK/before" "$WORK/after" | head -n 6)"
keys storm Enter
wait_for storm "Added parking"
[ -n "$(sql "$DB" "SELECT id FROM parking WHERE text = 'Storm: är det vårt jobb?'")" ] ||
	die "the entry typed through the storm was not saved"
keys storm q
[ "$(wait_status storm)" = 0 ] || die "storm: exit status $(cat "$WORK/storm.status")"
t kill-session -t storm
ok

# ---- hang-up and termination mid-edit
for sig in HUP TERM close; do
	s="sig$sig"
	ui_start "$s" -d "$DB" k
	wait_for "$s" "Why the invoice matters"
	keys "$s" 7 a
	wait_for "$s" "New parking"
	type_text "$s" "saved before $sig"
	keys "$s" Enter
	wait_for "$s" "Added parking"
	keys "$s" a
	wait_for "$s" "New parking"
	type_text "$s" "unsaved at $sig"
	pid=$(ui_pid "$s")
	if [ "$sig" = close ]; then
		t kill-session -t "$s"
		n=0
		while kill -0 "$pid" 2>/dev/null && [ $n -lt 500 ]; do
			sleep 0.01
			n=$((n + 1))
		done
		kill -0 "$pid" 2>/dev/null && die "closing the terminal left the interface running"
	else
		kill -"$sig" "$pid"
		st=$(wait_status "$s")
		# A quit request, not a crash (128 + SIGSEGV, SIGABRT ...).
		case $st in 0 | 129 | 143) ;; *) die "SIG$sig: exit status $st" ;; esac
		restored "$s"
		t kill-session -t "$s"
	fi
	[ -n "$(sql "$DB" "SELECT id FROM parking WHERE text = 'saved before $sig'")" ] ||
		die "$sig: a saved entry is missing"
	[ -z "$(sql "$DB" "SELECT id FROM parking WHERE text = 'unsaved at $sig'")" ] ||
		die "$sig: the unsaved form was saved"
	integrity "$DB" || die "$sig: database damaged"
	ok
done
echo "terminal: $checks checks: TERM unknown/dumb/empty, 1x1 and too-small windows, 300 resizes mid-edit (screen equal to a redraw), SIGHUP, SIGTERM and a closed terminal mid-edit"
