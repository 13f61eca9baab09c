#!/bin/sh
# kill-undo.sh: SIGKILL the interface while it undoes the delete of an
# idea with 20 000 links and six votes, many times.
#
# Each round starts from a copy of the same workshop (undo-lib.sh), deletes
# idea "Big" in the interface, presses u and kills the program with
# SIGKILL after a random delay: before the undo starts, while it writes,
# or after it. Afterwards the database passes integrity_check and Big is
# either back exactly as it was (every link, every vote) or not back at
# all: never an idea with part of its links or votes. JH_UNDO_KILLS sets
# the rounds (20); the summary line counts both outcomes.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
command -v jq >/dev/null 2>&1 || skip "jq is needed (apt-get install jq)"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"
# Enough links that the undo takes a while, so many kills land inside it.
LINKS=${LINKS:-20000}
. "$JH_SRCDIR/tests/reliability/undo-lib.sh"

KILLS=${JH_UNDO_KILLS:-20}
SEED="$WORK/seed.db"
DB="$WORK/u.db"
undo_fixture "$SEED"
big=$(jq .id "$WORK/big.want")

# How long one undo takes here, from u to the message: the kills are
# spread over twice that.
ui_start m -d "$SEED" w
wait_for m "Why the invoice matters"
delete_big m
t0=$(now_ms)
keys m u
# A sanitizer build takes seconds over what an optimised one does in a
# fraction of one; the measured span scales the kills either way.
wait_for m "Undone: delete of idea #$big" 180
span=$(($(now_ms) - t0))
t kill-session -t m
big_state "$SEED" | cmp -s - "$WORK/big.want" || die "the measuring undo did not put Big back"

round=0 back=0 gone=0
start=$(date +%s)
while [ $round -lt "$KILLS" ]; do
	round=$((round + 1))
	s="r$round"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$SEED" "$DB"
	ui_start "$s" -d "$DB" w
	wait_for "$s" "Why the invoice matters"
	delete_big "$s"
	pid=$(ui_pid "$s") || die "round $round: the interface is not running"
	delay=$(rand $((2 * span + 1)))
	secs=$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))
	# The kill is timed from before u is sent: send-keys itself takes
	# tens of ms here, and by the time it returns the undo may be done.
	(
		sleep "$secs"
		kill -KILL "$pid"
	) &
	keys "$s" u
	wait
	n=0
	while [ ! -s "$WORK/$s.status" ] && [ $n -lt 500 ]; do
		sleep 0.01
		n=$((n + 1))
	done
	[ "$(cat "$WORK/$s.status")" = 137 ] || die "round $round: exit status $(cat "$WORK/$s.status"), not a kill"
	t kill-session -t "$s"
	integrity "$DB" || die "round $round: database damaged"
	got=$(big_state "$DB")
	if [ "$got" = '{}' ]; then
		links=$(sql "$DB" "SELECT count(*) FROM idea_painpoint WHERE idea_id = $big")
		votes=$(sql "$DB" "SELECT count(*) FROM vote WHERE idea_id = $big")
		[ "$links" = 0 ] && [ "$votes" = 0 ] ||
			die "round $round: Big is gone but $links links and $votes votes are left"
		gone=$((gone + 1))
	elif [ "$got" = "$(cat "$WORK/big.want")" ]; then
		back=$((back + 1))
	else
		die "round $round (kill $delay ms after u): Big is back in part:" \
			"$(echo "$got" | jq -r '"\(.links | length) of '"$LINKS"' links, \(.votes | length) of 6 votes"')"
	fi
done
echo "kill-undo: $KILLS kills within $((2 * span)) ms of u (an undo took $span ms): $back times Big was back whole, $gone times not back at all, never in part ($(($(date +%s) - start)) s)"
