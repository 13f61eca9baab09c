#!/bin/sh
# kill-ui.sh: SIGKILL the interface at random moments, many times.
#
# The real program runs in a headless tmux. Each round starts it on one
# database, adds a random number of parking entries through the form --
# an entry counts as reported saved once the form has closed and the list
# shows it -- and then kills it with SIGKILL at a random moment: just after
# Enter (the save under way), with a form half typed, or idle. After every
# kill the database passes integrity_check and holds every entry reported
# saved. JH_UI_KILLS sets the rounds (40).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

KILLS=${JH_UI_KILLS:-40}
DB="$WORK/ui.db"
jh -d "$DB" new k -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add k participant name=Anna role=facilitator >/dev/null || die "participant"

# The entry is in the list and no form is open.
wait_shown() {
	deadline=$(($(now_ms) + 10000))
	until screen "$1" | grep -qw "$2" && ! screen "$1" | grep -q "New parking"; do
		[ "$(now_ms)" -lt "$deadline" ] || { screen "$1" >&2; die "\"$2\" not shown as saved"; }
		sleep 0.02
	done
}

round=0
edits=0
inflight=0
start=$(date +%s)
while [ $round -lt "$KILLS" ]; do
	round=$((round + 1))
	s="r$round"
	ui_start "$s" -d "$DB" --as Anna k
	wait_for "$s" "Why the invoice matters"
	keys "$s" 7
	wait_for "$s" "Parking lot:"
	m=$(($(rand 15) + 1))
	j=0
	while [ $j -lt $m ]; do
		j=$((j + 1))
		keys "$s" a
		wait_for "$s" "New parking"
		type_text "$s" "r$round-$j"
		keys "$s" Enter
		[ $j -eq $m ] && break
		# Saved as far as the user can tell.
		wait_shown "$s" "r$round-$j"
		echo "P r$round-$j" >>"$WORK/ui.log"
		edits=$((edits + 1))
	done
	# The last entry was just sent: kill during its save, or after it
	# was shown, or with a new form half typed.
	case $(rand 3) in
	0)
		sleep "0.0$(rand 5)"
		inflight=$((inflight + 1))
		;;
	1)
		wait_shown "$s" "r$round-$m"
		echo "P r$round-$m" >>"$WORK/ui.log"
		edits=$((edits + 1))
		;;
	2)
		wait_shown "$s" "r$round-$m"
		echo "P r$round-$m" >>"$WORK/ui.log"
		edits=$((edits + 1))
		keys "$s" a
		wait_for "$s" "New parking"
		type_text "$s" "never saved"
		;;
	esac
	pid=$(ui_pid "$s") || die "round $round: the interface is not running"
	kill -KILL "$pid" || die "round $round: cannot kill $pid"
	n=0
	while [ ! -s "$WORK/$s.status" ] && [ $n -lt 500 ]; do
		sleep 0.01
		n=$((n + 1))
	done
	[ "$(cat "$WORK/$s.status")" = 137 ] || die "round $round: exit status $(cat "$WORK/$s.status"), not a kill"
	t kill-session -t "$s"
	integrity "$DB" || die "round $round: database damaged"
	verify_log "$DB" kill "$WORK/ui.log" >/dev/null || die "round $round: saved entries lost"
	[ -z "$(sql "$DB" "SELECT id FROM parking WHERE text = 'never saved'")" ] ||
		die "round $round: an unsaved form was saved"
done
echo "kill-ui: $KILLS kills of the interface survived ($inflight during a save), $edits entries reported saved, all $edits verified after every kill ($(($(date +%s) - start)) s)"
