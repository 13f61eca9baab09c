#!/bin/sh
# followup.sh: two sessions end to end. Øyvind facilitates "hösten" (the
# payment moment) with Åsa; four actions, two parking-lot entries, three
# pain points. In the interface, U starts the follow-up "vintern" (Åsa,
# a participant, may not); between the sessions one action is done, one
# re-dated, one left to go overdue, two touchpoints re-scored and one
# question answered. The report's figures are checked exactly, from the
# command line and in the interface (U in the follow-up).
# Exit 0 pass, 1 fail, 77 skip.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"
need_sqlite3

DB="$WORK/rum.db"

cli() {
	"$JH" -d "$DB" "$@" </dev/null >/dev/null || die "journeyhack $*"
}

fail_ui() {
	for s in fac asa; do
		echo "--- $s:" >&2
		screen "$s" >&2 || true
	done
	die "$@"
}

# ---- the first session: 2026-11-22 (lib.sh's day)
cli new hösten -t payment-moment
cli add hösten participant name=Øyvind role=facilitator
cli add hösten participant name=Åsa
cli add hösten action "title=Skriv om fakturan på svenska" owner=Åsa due=2026-12-24
cli add hösten action "title=Ring Øyvind om æ, ø og å" owner=Øyvind due=2026-11-30 status=doing
cli add hösten action "title=Boka uppföljning" owner=Åsa status=done
cli add hösten action "title=Mät samtalen om fakturan" owner=Åsa due=2026-12-10
cli add hösten parking "text=Vem äger fakturan?"
cli add hösten parking "text=Hvem eier brevet?" answered=1 answer=Økonomi
cli add hösten painpoint "title=Fakturan är svår att läsa" touchpoint=1 severity=5
cli add hösten painpoint "title=Avgifter som ingen förstår" touchpoint=2
cli add hösten painpoint "title=Långa köer i telefon" touchpoint=3

# ---- the follow-up, started in the interface
ui_start fac -d "$DB" --as Øyvind hösten
ui_start asa -d "$DB" --as Åsa hösten
wait_for fac "Step 1/13" || fail_ui "the facilitator's terminal did not start"
wait_for asa "Step 1/13" || fail_ui "Åsa's terminal did not start"

keys asa U
wait_for asa "Start a follow-up session" || fail_ui "U shows no choice to Åsa"
keys asa Enter
wait_for asa "Only a facilitator can" || fail_ui "Åsa started a follow-up"
[ "$(sql "$DB" "SELECT count(*) FROM workshop")" = 1 ] || die "a participant created a workshop"

keys fac U
wait_for fac "Start a follow-up session" || fail_ui "U shows no choice"
screen fac | grep -F -q "Report: what changed" && fail_ui "a first session offers a report"
keys fac Enter
wait_for fac "Name of the follow-up session: hösten-2" || fail_ui "no name asked"
keys fac C-u
type_text fac vintern
keys fac Enter
wait_for fac "Follow-up session vintern started" || fail_ui "the follow-up was not started"
echo "ok: U starts a follow-up for the facilitator only"

src=$(sql "$DB" "SELECT uuid FROM workshop WHERE name = 'hösten'")
[ "$(sql "$DB" "SELECT u.follows, w.template FROM workshop w JOIN follow_up u
	ON u.workshop_id = w.id WHERE w.name = 'vintern'")" = "$src	follow-up" ] ||
	die "vintern does not follow hösten"
[ "$(sql "$DB" "SELECT a.title, a.owner, a.due, a.status FROM action a
	JOIN workshop w ON w.id = a.workshop_id WHERE w.name = 'vintern' ORDER BY a.id")" = "Skriv om fakturan på svenska	Åsa	2026-12-24	todo
Ring Øyvind om æ, ø og å	Øyvind	2026-11-30	doing
Mät samtalen om fakturan	Åsa	2026-12-10	todo" ] || die "the open actions were not carried as they were"
[ "$(sql "$DB" "SELECT count(*) FROM action a JOIN action b ON a.uuid = b.uuid
	JOIN carried c ON c.workshop_id = a.workshop_id AND c.kind = 'action' AND c.uuid = a.uuid
	WHERE a.workshop_id = (SELECT id FROM workshop WHERE name = 'vintern')
	AND b.workshop_id = (SELECT id FROM workshop WHERE name = 'hösten')
	AND c.origin = '$src'")" = 3 ] ||
	die "carried actions do not keep their UUID and origin"
[ "$(sql "$DB" "SELECT count(*) FROM carried WHERE kind = 'touchpoint' AND origin = '$src'")" = 5 ] ||
	die "touchpoints not linked to their origin"
echo "ok: the open actions, the open question and the map are carried"

# ---- between the sessions, in the follow-up
aid() {
	sql "$DB" "SELECT a.id FROM action a JOIN workshop w ON w.id = a.workshop_id
		WHERE w.name = 'vintern' AND a.title = '$1'"
}
tid() {
	sql "$DB" "SELECT t.id FROM touchpoint t JOIN workshop w ON w.id = t.workshop_id
		WHERE w.name = 'vintern' AND t.name = '$1'"
}
cli set vintern action "$(aid 'Skriv om fakturan på svenska')" status=done
cli set vintern action "$(aid 'Mät samtalen om fakturan')" due=2027-02-01
cli set vintern touchpoint "$(tid 'Receive invoice')" score=1
cli set vintern touchpoint "$(tid 'Understand charges')" score=0
cli set vintern parking "$(sql "$DB" "SELECT p.id FROM parking p JOIN workshop w
	ON w.id = p.workshop_id WHERE w.name = 'vintern'")" answered=1 answer=Åsa

# ---- the second session: 2027-01-15
JOURNEYHACK_TODAY=2027-01-15
export JOURNEYHACK_TODAY
"$JH" -d "$DB" followup vintern -o "$WORK/rapport.md" </dev/null || die "followup"
cat >"$WORK/want.md" <<'MD'
# Follow-up: vintern

- This session: Follow-up session (vintern), 2026-11-22
- Follows: The payment moment (hösten), 2026-11-22

## Actions

3 carried over: 1 done, 1 still open, 1 overdue (on 2027-01-15).

| Action | Owner | Due | Status |
|---|---|---|---|
| Skriv om fakturan på svenska | Åsa | 2026-12-24 | done |
| Ring Øyvind om æ, ø og å | Øyvind | 2026-11-30 | overdue |
| Mät samtalen om fakturan | Åsa | 2027-02-01 | still open |

## Parking lot

1 carried over, 1 answered since.

## Pain points on re-scored touchpoints

| Pain point | Touchpoint | Score then → now |
|---|---|---|
| Fakturan är svår att läsa | Receive invoice | -2 → +1 |
| Avgifter som ingen förstår | Understand charges | -1 → 0 |

## CX capital

| Journey | Then | Now | Change |
|---|---|---|---|
| Pay the invoice | -3 | 1 | +4 |
MD
diff -u "$WORK/want.md" "$WORK/rapport.md" >&2 || die "the follow-up report's figures"
echo "ok: the report's figures, from the command line"

# ---- the report in the interface
t kill-session -t fac
ui_start fac -d "$DB" --as Øyvind vintern
wait_for fac "Step 1/5" || fail_ui "the follow-up did not open"
keys fac U
wait_for fac "Report: what changed" || fail_ui "U offers no report in a follow-up"
keys fac Enter
wait_for fac "Follow-up report: vintern since hösten" || fail_ui "no report overlay"
for want in "Actions carried over: 3 (done 1, still open 1, overdue 1)" \
	"overdue    Ring Øyvind om æ, ø og å (Øyvind, 2026-11-30)" \
	"Parking lot: 1 carried over, 1 answered since" \
	"Fakturan är svår att läsa: Receive invoice -2 → +1" \
	"Avgifter som ingen förstår: Understand charges -1 → 0" \
	"Pay the invoice: -3 → 1"; do
	screen fac | grep -F -q "$want" || fail_ui "the report overlay lacks: $want"
done
keys fac Escape
deadline=$(($(now_ms) + 5000))
while screen fac | grep -F -q "Follow-up report:"; do
	[ "$(now_ms)" -lt "$deadline" ] || fail_ui "Esc did not close the report"
	sleep 0.05
done
echo "ok: the report in the interface"
exit 0
