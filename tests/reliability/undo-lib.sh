# undo-lib.sh: the workshop the undo tests delete from (sourced after
# lib.sh and tmux-lib.sh).
# shellcheck shell=sh
#
# undo_fixture DB: workshop "w" in DB with $LINKS pain points (2000) and
# three ideas: "Big" (linked to every pain point, the best ICE score so it
# is the one selected first in the backlog), "Other" and "Third". Six
# participants have dots on Big (P1..P6, 1 or 2 each); P6 has also spent
# the rest of the budget on Other. The command line cannot link more
# than a few KiB of ids in one value, so the links go in through a YAML
# restore of an export. Writes the state of Big to $WORK/big.want.
# big_state DB: Big's fields, links and votes (vote ids left out), as
# compact JSON: the same text before the delete and after the undo.

LINKS=${LINKS:-2000}

undo_fixture() {
	fdb=$1
	k="$WORK/k.db"
	jh -d "$k" new k -t payment-moment >/dev/null || die "cannot create the workshop"
	{
		echo "title,severity"
		i=0
		while [ $i -lt "$LINKS" ]; do
			i=$((i + 1))
			echo "pain $i,3"
		done
	} >"$WORK/pp.csv"
	jh -d "$k" import k "$WORK/pp.csv" --kind painpoints >/dev/null || die "cannot import pain points"
	for p in 1 2 3 4 5 6; do
		jh -d "$k" add k participant "name=P$p" >/dev/null || die "participant P$p"
	done
	jh -d "$k" add k idea title=Big impact=5 effort=1 confidence=5 painpoints=1,2 >/dev/null || die "idea Big"
	jh -d "$k" add k idea title=Other impact=2 effort=4 confidence=2 >/dev/null || die "idea Other"
	jh -d "$k" add k idea title=Third impact=1 effort=5 confidence=1 >/dev/null || die "idea Third"
	for p in 1 2 3 4 5 6; do
		jh -d "$k" add k vote idea=Big "participant=P$p" "dots=$((p % 2 + 1))" >/dev/null || die "vote of P$p"
	done
	jh -d "$k" add k vote idea=Other participant=P6 dots=2 >/dev/null || die "vote of P6 on Other"
	jh -d "$k" export k -f yaml -o "$WORK/k.yaml" >/dev/null || die "cannot export"
	seq -s ', ' 1 "$LINKS" >"$WORK/ids"
	awk -v ids="$WORK/ids" 'BEGIN { getline all <ids }
		$0 == "    painpoints: [1, 2]" { $0 = "    painpoints: [" all "]" } { print }' \
		"$WORK/k.yaml" >"$WORK/w.yaml"
	jh -d "$fdb" import w "$WORK/w.yaml" >/dev/null || die "cannot restore the workshop"
	big_state "$fdb" >"$WORK/big.want" || die "cannot read the workshop"
	[ "$(jq '.links | length' "$WORK/big.want")" = "$LINKS" ] || die "the fixture has not $LINKS links"
	[ "$(jq '.votes | length' "$WORK/big.want")" = 6 ] || die "the fixture has not 6 votes on Big"
}

big_state() {
	jh -d "$1" export w -f json | jq -c '
		([.ideas[] | select(.title == "Big")] | first) as $big
		| if $big == null then {} else
		  {id: $big.id, title: $big.title, impact: $big.impact, effort: $big.effort,
		   confidence: $big.confidence, links: $big.painpoints,
		   votes: [.votes[] | select(.idea == $big.id) | {participant, dots}] | sort_by(.participant)}
		  end'
}

# The backlog with Big selected, then d y: Big is deleted in the UI.
delete_big() {
	keys "$1" 4
	wait_for "$1" "Big"
	keys "$1" d
	wait_for "$1" "Delete idea"
	screen "$1" | grep -q 'Delete idea #[0-9]* "Big"' || die "Big is not the idea selected"
	keys "$1" y
	wait_for "$1" "Deleted idea"
}
