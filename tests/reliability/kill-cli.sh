#!/bin/sh
# kill-cli.sh: SIGKILL the command line at random moments, many times.
#
# Each round starts writer.sh (adds, sets, CSV imports, votes, exports)
# in its own process group on one database, waits a random 10-400 ms and
# kills the whole group with SIGKILL -- journeyhack is often in the middle
# of a transaction or an fsync. After every kill the database must pass
# PRAGMA integrity_check and foreign_key_check, hold every change any
# writer reported as saved (verify_log), have every CSV import whole or
# absent, no participant past the vote budget, and every export file must
# be a complete JSON document. JH_KILLS sets the number of rounds (100).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
command -v setsid >/dev/null 2>&1 || skip "setsid (util-linux) is needed"

KILLS=${JH_KILLS:-100}
DB="$WORK/kill.db"
JQ=${JQ_BIN:-$(command -v jq || true)}

jh -d "$DB" new k -t payment-moment >/dev/null || die "cannot create the workshop"
for p in Åsa Bjørn; do
	jh -d "$DB" add k participant "name=$p" >/dev/null || die "participant $p"
done
for t in 1 2 3; do
	jh -d "$DB" add k idea "title=Idé $t" >/dev/null || die "idea $t"
done
budget=$(sql "$DB" "SELECT dots_per_participant FROM workshop WHERE name = 'k'")

complete_json() {
	if [ -n "$JQ" ]; then
		"$JQ" -e .name "$1" >/dev/null 2>&1
	else
		[ "$(head -c 1 "$1")" = "{" ] && [ "$(tail -c 2 "$1" | head -c 1)" = "}" ]
	fi
}

# A failed check must not leave a writer running on a removed directory.
pid=
# shellcheck disable=SC2016 # expanded when the hook runs
cleanup_hook='[ -n "$pid" ] && kill -KILL "-$pid" 2>/dev/null'
# Are processes of session $1 still running (not zombies)?
alive() {
	for f in /proc/[0-9]*/stat; do
		# pid (comm) state ppid pgrp session: comm has no spaces here.
		{ read -r _ _ state _ _ sid _; } 2>/dev/null <"$f" || continue
		[ "$sid" = "$1" ] && [ "$state" != Z ] && return 0
	done
	return 1
}

round=0
verified=0
start=$(date +%s)
while [ $round -lt "$KILLS" ]; do
	round=$((round + 1))
	voter=Åsa
	[ $((round % 2)) -eq 0 ] && voter=Bjørn
	setsid sh "$JH_SRCDIR/tests/reliability/writer.sh" "$DB" k "r$round" "$WORK/r$round.log" \
		100000 "$voter" 3 &
	pid=$!
	ms=$(($(rand 390) + 10))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -KILL "-$pid" 2>/dev/null || die "round $round: the writer ended before the kill"
	wait "$pid" 2>/dev/null
	# Nothing of the group may write on. Killed children are reparented
	# and may stay zombies for a while; a zombie writes nothing.
	n=0
	while alive "$pid" && [ $n -lt 100 ]; do
		sleep 0.02
		n=$((n + 1))
	done
	alive "$pid" && die "round $round: processes survived SIGKILL"
	touch "$WORK/r$round.log"
	integrity "$DB" || die "round $round (killed after $ms ms): database damaged"
	verified=$(verify_log "$DB" kill "$WORK"/r*.log) ||
		die "round $round (killed after $ms ms): saved changes lost"
	over=$(sql "$DB" "SELECT participant_id, sum(dots) FROM vote GROUP BY participant_id
		HAVING sum(dots) > $budget")
	[ -z "$over" ] || die "round $round: vote budget of $budget overspent: $over"
	# Only this round's writer exported to this round's file.
	f="$WORK/export-r$round.json"
	if [ -e "$f" ]; then
		complete_json "$f" || die "round $round: $f is not a complete export"
	fi
done
# A change must also be readable by journeyhack itself after the last kill.
jh -d "$DB" show k parking >/dev/null || die "journeyhack cannot read the database after the kills"
leftover=$(find "$WORK" -name '.export-*' | wc -l)
edits=$(cat "$WORK"/r*.log | grep -vc '^E')
echo "kill-cli: $KILLS kills survived, $edits changes reported saved, $verified changes verified after the last kill ($(($(date +%s) - start)) s; $leftover export temporaries left by kills)"
