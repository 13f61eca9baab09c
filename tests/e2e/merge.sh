#!/bin/sh
# merge.sh: merging duplicates in the interface, and undoing it (issue
# 14). Åsa (facilitator) marks a pain point with m, selects its duplicate
# and merges it in with M after a confirmation naming both; Øyvind's
# terminal sees the duplicate go; u puts both back exactly (every field
# but the revision) with the idea's link. In the backlog an idea merge
# moves Øyvind's dots; once Øyvind changes the kept idea from the command
# line, Åsa's undo is refused and nothing changes.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/merge.db"
j() { jh -d "$DB" "$@"; }
j new w -t payment-moment --facilitator Åsa >/dev/null || die "new"
j add w participant name=Øyvind >/dev/null || die "Øyvind"
j add w painpoint "title=Fakturan är oklar" severity=2 "evidence=41 % ringer" \
	author=Åsa >/dev/null || die "pain 1"
j add w painpoint "title=Ingen förstår fakturan" severity=4 \
	"evidence=Kundtjänst: många samtal" author=Øyvind >/dev/null || die "pain 2"
j add w idea "title=Förklara avgifterna" painpoints=2 >/dev/null || die "idea 1"
j add w idea "title=Tydligare faktura" "belief=Färre frågor" >/dev/null || die "idea 2"
j --as Øyvind add w vote idea=2 dots=2 >/dev/null || die "vote"

# Everything of the pain points and ideas but the revisions.
state() {
	for k in painpoints ideas votes; do
		j show w "$k" --json | jq -S -c 'map(del(.revision))'
	done
}
before=$(state)

ui_start asa -d "$DB" --as Åsa w
ui_start oyv -d "$DB" --as Øyvind w
wait_for asa "Åsa (facilitator)"
keys asa 3
keys oyv 3
wait_for asa "Ingen förstår fakturan"
wait_for oyv "Ingen förstår fakturan"

# M before m says what to do; then mark 1, select 2, merge.
keys asa M
wait_for asa "Mark the painpoint to keep with m first"
keys asa g m
wait_for asa 'Marked painpoint #1 "Fakturan är oklar"'
wait_for asa '*#1    Fakturan är oklar'
keys asa j M
wait_for asa 'Merge painpoint #2 "Ingen förstår fakturan" into #1 "Fakturan är oklar"?'
keys asa y
wait_for asa "Merged painpoint #2 into #1: 1 links, 1 evidence"
[ "$(j show w painpoints --json | jq length)" = 1 ] || die "pain point 2 not merged"
j show w painpoints --json | jq -r '.[0].evidence' | grep -q 'by Øyvind' ||
	die "Øyvind's authorship lost: $(j show w painpoints --json)"
[ "$(j show w ideas --json | jq -c '.[] | select(.id == 1) | .painpoints')" = '[1]' ] || die "link not moved"
# The other terminal sees the duplicate go.
n=0
while screen oyv | grep -q "#2 *Ingen förstår fakturan"; do
	[ $n -lt 300 ] || die "Øyvind still sees the duplicate: $(screen oyv)"
	sleep 0.03
	n=$((n + 1))
done

keys asa u
wait_for asa "Undone: merge into painpoint #1"
[ "$(state)" = "$before" ] || die "undo did not restore both: $(state) vs $before"

# Ideas: Øyvind's 2 dots on idea 2 move to idea 1.
keys asa 4
wait_for asa "Tydligare faktura"
# Idea 2 leads the backlog with its dots: mark the last, idea 1.
keys asa G m
wait_for asa 'Marked idea #1 "Förklara avgifterna"'
wait_for asa '* 2  #1    Förklara avgifterna'
keys asa g M
wait_for asa 'Merge idea #2 "Tydligare faktura" into #1 "Förklara avgifterna"?'
keys asa y
wait_for asa "Merged idea #2 into #1: 0 links, 1 evidence, 2 votes moved, 0 dots returned"
[ "$(j show w votes --json | jq -c '[.[] | [.idea, .dots]]')" = '[[1,2]]' ] ||
	die "dots not moved: $(j show w votes --json)"
[ "$(j show w ideas --json | jq length)" = 1 ] || die "idea 2 not merged"
# Undone: the idea, its card and Øyvind's dots come back as they were.
keys asa u
wait_for asa "Undone: merge into idea #1"
[ "$(state)" = "$before" ] || die "undo did not restore the ideas: $(state) vs $before"
keys asa G m
wait_for asa 'Marked idea #1 "Förklara avgifterna"'
keys asa g M
wait_for asa 'Merge idea #2 "Tydligare faktura" into #1 "Förklara avgifterna"?'
keys asa y
wait_for asa "Merged idea #2 into #1"
# Øyvind changes the kept idea since: undo is refused, nothing changes.
j --as Øyvind set w idea 1 impact=5 >/dev/null || die "Øyvind's change"
after=$(state)
keys asa u
wait_for asa "Cannot undo"
wait_for asa "Øyvind changed or used idea #1"
[ "$(state)" = "$after" ] || die "a refused undo changed something"
keys asa q
keys oyv q
exit 0
