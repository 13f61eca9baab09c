#!/bin/sh
# undo.sh: undo puts a deleted idea back whole, or nothing of it.
#
# The real program runs in a headless tmux on a workshop whose idea "Big"
# links 2000 pain points (about 9 KiB of ids) and holds the dots of six
# participants. 1: d deletes Big, u undoes it, and every link and every
# vote is back exactly as before. 2: Big is deleted again, and before u
# participant P6 spends the freed dots on another idea from the command
# line, so P6's vote cannot come back: the undo is refused with a message
# and nothing of Big is back (no idea, no links, none of the other five
# votes).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
command -v jq >/dev/null 2>&1 || skip "jq is needed (apt-get install jq)"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"
. "$JH_SRCDIR/tests/reliability/undo-lib.sh"

DB="$WORK/w.db"
undo_fixture "$DB"
big=$(jq .id "$WORK/big.want")

# 1: everything comes back.
ui_start u1 -d "$DB" w
wait_for u1 "Why the invoice matters"
delete_big u1
[ "$(big_state "$DB")" = '{}' ] || die "Big is still there after the delete"
keys u1 u
wait_for u1 "Undone: delete of idea #$big"
big_state "$DB" >"$WORK/big.got"
cmp -s "$WORK/big.want" "$WORK/big.got" || {
	echo "links back: $(jq '.links | length' "$WORK/big.got") of $LINKS," \
		"votes back: $(jq '.votes | length' "$WORK/big.got") of 6" >&2
	die "undo did not put Big back as it was"
}
integrity "$DB" || die "database damaged after the undo"
t kill-session -t u1

# 2: a vote that cannot come back takes the whole undo with it.
ui_start u2 -d "$DB" w
wait_for u2 "Why the invoice matters"
delete_big u2
jh -d "$DB" add w vote idea=Third participant=P6 dots=2 >/dev/null || die "P6 cannot vote on Third"
keys u2 u
wait_for u2 "Cannot undo delete of idea #$big"
screen u2 | grep -q "nothing changed" || die "the refusal does not say that nothing changed"
got=$(big_state "$DB")
[ "$got" = '{}' ] || die "a refused undo put part of Big back:" \
	"$(echo "$got" | jq -r '"\(.links | length) links, \(.votes | length) votes"')"
[ "$(sql "$DB" "SELECT count(*) FROM idea_painpoint WHERE idea_id = $big")" = 0 ] ||
	die "a refused undo left links of Big"
[ "$(sql "$DB" "SELECT count(*) FROM vote WHERE idea_id = $big")" = 0 ] ||
	die "a refused undo left votes on Big"
integrity "$DB" || die "database damaged after the refused undo"
t kill-session -t u2
echo "undo: $LINKS links and 6 votes back after u; a refused undo left nothing of the idea"
