#!/bin/sh
# rounds-ui.sh: a voting round and ready markers on three terminals
# (issue 14). Åsa facilitates; Øyvind and Märta participate. Åsa opens a
# round with O from the backlog; while it is open every terminal shows
# "?" for the totals, the facilitator's too, and each participant sees
# the dots they have left in it; when Åsa closes it the totals appear on
# every screen at once. Øyvind and Märta say they are done with the step
# (r) and Åsa's status line counts "2 of 3 ready"; W names who is not;
# moving the agenda clears the marks (with nobody ready, nothing shows).
# shellcheck source=tests/reliability/lib.sh
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/rounds.db"
jh -d "$DB" new w -t payment-moment --facilitator Åsa >/dev/null || die "new --facilitator"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "Øyvind"
jh -d "$DB" add w participant name=Märta >/dev/null || die "Märta"
jh -d "$DB" add w idea "title=Tydligare faktura" >/dev/null || die "idea 1"
jh -d "$DB" add w idea "title=Färre steg i kassan" >/dev/null || die "idea 2"

ui_start asa -d "$DB" --as Åsa w
ui_start oyv -d "$DB" --as Øyvind w
ui_start mar -d "$DB" --as Märta w
wait_for asa "Åsa (facilitator)"
wait_for oyv "Øyvind 4/4 dots"
wait_for mar "Märta 4/4 dots"
for s in asa oyv mar; do
	keys "$s" 4
	wait_for "$s" "Tydligare faktura"
done

# --- only the facilitator opens a round
keys oyv O
wait_for oyv "Only a facilitator can open or close a voting round"

# --- Åsa opens round 1 with 3 dots over every idea
keys asa O
wait_for asa "Dots per participant in the round"
type_text asa 3
keys asa Enter
wait_for asa "Every idea"
keys asa Enter
wait_for asa "Round 1 open: 3 dots per participant, 2 of 2 ideas"
wait_for oyv "Round 1 open: 3 of 3 dots left"
wait_for mar "Round 1 open: 3 of 3 dots left"

# Øyvind gives two dots, Märta one, all to the first idea.
keys oyv v
wait_for oyv "Round 1 open: 2 of 3 dots left"
keys oyv v
wait_for oyv "Round 1 open: 1 of 3 dots left"
keys mar v
wait_for mar "Round 1 open: 2 of 3 dots left"
[ "$(sql "$DB" "SELECT sum(dots) FROM vote WHERE round_id > 0")" = 3 ] ||
	die "the round's votes are not stored"

# Hidden on every screen, the facilitator's too: "?" on both rows, and
# the first idea stays first.
for s in asa oyv mar; do
	settled "$s"
	rows=$(screen "$s" | grep -c -E "#[12] +[^ ].* +[0-9]+ +\?( |$)")
	[ "$rows" -eq 2 ] || die "$s: totals not hidden while the round is open: $(screen "$s")"
	screen "$s" | grep -q "Votes hidden until revealed" || die "$s: no hidden line: $(screen "$s")"
done

# --- Åsa closes it: the totals show everywhere at once
keys asa O
wait_for asa "Close round 1 and show its results?"
keys asa y
wait_for asa "Round 1 closed: the totals are shown"
for s in asa oyv mar; do
	# "3 dots" is also in a status line ("1/3 dots"): wait for the row.
	deadline=$(($(now_ms) + 30000))
	until screen "$s" | grep -q -E "#1 +Tydligare faktura +[0-9]+ +3 "; do
		[ "$(now_ms)" -lt "$deadline" ] ||
			die "$s: the total is not shown after close: $(screen "$s")"
		sleep 0.05
	done
	screen "$s" | grep -q "Round 1 open" && die "$s still shows the round open"
done

# --- ready: two of three, on the facilitator's screen
keys oyv r
wait_for oyv "Øyvind is done with this step"
keys mar r
wait_for mar "Märta is done with this step"
wait_for asa "2 of 3 ready"
keys asa W
wait_for asa "2 of 3 ready; not yet:"
screen asa | grep -q "│Åsa" || screen asa | grep -q " Åsa" || die "W does not name Åsa: $(screen asa)"
keys asa Escape
# Märta takes it back; then the agenda moves and nobody is ready.
keys mar r
wait_for mar "Märta is not done after all"
wait_for asa "1 of 3 ready"
keys asa ']'
wait_for asa "Step 2/"
settled asa
screen asa | grep -q "of 3 ready" && die "ready marks shown after the step moved: $(screen asa)"
[ "$(sql "$DB" "SELECT count(*) FROM ready")" = 0 ] || die "ready marks survived the step"
echo "rounds-ui: a round hidden then shown and 2 of 3 ready on 3 terminals"
