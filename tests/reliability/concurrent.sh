#!/bin/sh
# concurrent.sh: several processes change one workshop at the same time.
#
# JH_WRITERS (default 4) CLI writers (writer.sh) run at once on one
# database, sharing two voters whose budget is far smaller than the dots
# they try to give; JH_UI_WRITERS (default 2) interfaces replay key files
# that add parking entries and vote for a third participant (two
# interfaces on one budget), round after round while the CLI writers run. Afterwards every change
# each process reported as saved is there, the votes match the reports
# exactly, no voter is past the budget, no process met "database is
# locked" or "busy", and the database passes integrity_check.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3

WRITERS=${JH_WRITERS:-4}
COUNT=${JH_WRITER_CHANGES:-400}
UI_WRITERS=${JH_UI_WRITERS:-2}
DB="$WORK/shared.db"

jh -d "$DB" new k -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" set k workshop dots=40 max_dots=0 >/dev/null || die "cannot set the budget"
for p in Åsa Bjørn Cecilia; do
	jh -d "$DB" add k participant "name=$p" >/dev/null || die "participant $p"
done
for t in 1 2 3 4 5; do
	jh -d "$DB" add k idea "title=Idé $t" >/dev/null || die "idea $t"
done

start=$(date +%s)
pids=
# shellcheck disable=SC2016 # expanded when the hook runs
cleanup_hook='for p in $pids; do kill -KILL "$p" 2>/dev/null; done'
cli_pids=
w=0
while [ $w -lt "$WRITERS" ]; do
	w=$((w + 1))
	voter=Åsa
	[ $((w % 2)) -eq 0 ] && voter=Bjørn
	sh "$JH_SRCDIR/tests/reliability/writer.sh" "$DB" k "w$w" "$WORK/w$w.log" "$COUNT" "$voter" 5 &
	pids="$pids $!"
	cli_pids="$cli_pids $!"
done
ui=0
ui_pids=
if [ "$UI_WRITERS" -gt 0 ] && sh "$JH_SRCDIR/tests/reliability/ui-writer.sh" --probe "$DB" 2>/dev/null; then
	# The interface is quicker than a process per change: each one
	# replays rounds of COUNT/4 additions as long as the CLI writers run.
	touch "$WORK/running"
	u=0
	while [ $u -lt "$UI_WRITERS" ]; do
		u=$((u + 1))
		(
			r=0
			while [ -e "$WORK/running" ]; do
				r=$((r + 1))
				sh "$JH_SRCDIR/tests/reliability/ui-writer.sh" "$DB" k "u${u}r$r" "$WORK/u$u.log" \
					$((COUNT / 4)) Cecilia || exit 1
			done
		) &
		pids="$pids $!"
		ui_pids="$ui_pids $!"
	done
	ui=$UI_WRITERS
fi
for p in $cli_pids; do
	wait "$p" || die "a writer failed (pid $p)"
done
rm -f "$WORK/running"
for p in $ui_pids; do
	wait "$p" || die "a writer failed (pid $p)"
done
pids=
secs=$(($(date +%s) - start))

locked=$(grep -h '^E' "$WORK"/*.log | grep -ci 'locked\|busy')
[ "$locked" -eq 0 ] || die "$locked changes failed with \"database is locked/busy\""
integrity "$DB" || die "database damaged"
verified=$(verify_log "$DB" exact "$WORK"/*.log) || die "changes lost or votes miscounted"
over=$(sql "$DB" "SELECT p.name, sum(v.dots) FROM vote v JOIN participant p ON p.id = v.participant_id
	GROUP BY v.participant_id HAVING sum(v.dots) > 40")
[ -z "$over" ] || die "vote budget of 40 overspent: $over"
spent=$(sql "$DB" "SELECT coalesce(sum(v.dots), 0) FROM vote v JOIN participant p ON p.id = v.participant_id
	WHERE p.name <> 'Cecilia'")
refused=$(grep -h '^E' "$WORK"/*.log | grep -c 'refused')
# writer.sh votes at every 8th change (i % 8 = 6); odd writers for Åsa.
tries=$(((COUNT + 2) / 8))
asa=$((((WRITERS + 1) / 2) * tries))
bjorn=$(((WRITERS / 2) * tries))
want=$(( (asa < 40 ? asa : 40) + (bjorn < 40 ? bjorn : 40) ))
[ "$spent" -eq "$want" ] || die "$spent dots given by the CLI voters; expected $want"
ui_spent=$(sql "$DB" "SELECT coalesce(sum(v.dots), 0) FROM vote v JOIN participant p ON p.id = v.participant_id
	WHERE p.name = 'Cecilia'")
if [ "$ui" -gt 0 ]; then
	# Both interfaces press v 50 times for Cecilia: exactly her 40 dots.
	[ "$ui_spent" -eq 40 ] || die "the interfaces gave $ui_spent of Cecilia's 40 dots"
fi
echo "concurrent: $((WRITERS + ui)) writers at once ($WRITERS CLI, $ui UI), $verified changes verified in $secs s; budgets of 40 dots: CLI voters $spent of 80 ($refused more refused), interface voter $ui_spent of 40 (the other presses of v refused); 0 locked"
