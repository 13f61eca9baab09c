#!/bin/sh
# merge.sh: journeyhack merge W painpoint|idea A B [B2...] (issue 14).
# Merging keeps the duplicate's evidence (attributed to its author), moves
# its links once, moves dots within the per-idea cap and returns the
# excess, and moves its action points; it says what moved. Errors (an
# unknown id, an item into itself, another kind, a stale --if-revision,
# no right) are one line, exit 1, the database unchanged.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

DB="$WORK/merge.db"
j() { jh -d "$DB" "$@"; }
j new w -t payment-moment --facilitator Åsa >/dev/null || die "new"
j add w participant name=Øyvind >/dev/null || die "Øyvind"
j add w participant name=Bjørn >/dev/null || die "Bjørn"
j set w workshop dots=5 max_dots=2 >/dev/null || die "budget"
j add w painpoint "title=Fakturan är oklar" severity=2 "evidence=41 % ringer" \
	author=Åsa >/dev/null || die "pain 1"
j add w painpoint "title=Ingen förstår fakturan" severity=4 frequency=4 \
	"evidence=Kundtjänst: många samtal" author=Øyvind >/dev/null || die "pain 2"
j add w painpoint "title=Påminnelse för tidigt" author=Bjørn >/dev/null || die "pain 3"
j add w idea "title=Förklara avgifterna" painpoints=1,2 author=Øyvind >/dev/null || die "idea 1"
j add w idea "title=Tydligare faktura" painpoints=2,3 "belief=Färre frågor" \
	author=Øyvind >/dev/null || die "idea 2"
j --as Øyvind add w vote idea=1 dots=1 >/dev/null || die "vote 1"
j --as Øyvind add w vote idea=2 dots=2 >/dev/null || die "vote 2"
j --as Bjørn add w vote idea=2 dots=1 >/dev/null || die "vote 3"
j add w action "title=Skissa fakturan" idea=2 >/dev/null || die "action"

# refused NEEDLE ARGS...: exit 1, one line naming why, nothing changed.
refused() {
	needle=$1
	shift
	before=$(j show w)
	err=$(j "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 1 ] || die "$* exited $rc, not 1: $err"
	case $err in *"$needle"*) ;; *) die "$*: \"$err\" lacks \"$needle\"" ;; esac
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || die "$*: not one line: $err"
	[ "$(j show w)" = "$before" ] || die "$* changed the workshop"
}

refused "no painpoint with id 9" merge w painpoint 1 9
refused "no idea with id 7" merge w idea 7 1
refused "cannot merge painpoint 2 into itself" merge w painpoint 2 2
refused "only painpoint and idea can be merged" merge w journey 1 2
refused "\"x\" is not an id" merge w idea 1 x
# All or nothing: the second duplicate is unknown, so the first stays.
refused "no painpoint with id 9" merge w painpoint 1 3 9
# Øyvind wrote pain point 2 but not 1; Bjørn wrote neither idea.
refused "Only a facilitator, or the author of both" --as Øyvind merge w painpoint 1 2
refused "Only a facilitator, or the author of both" --as Bjørn merge w idea 1 2
refused "no participant of that name" --as Mallory merge w idea 1 2
# Idea 1 moved on (a vote) since revision 1 was read.
refused "was changed by Øyvind since you read it" merge w idea 1 2 --if-revision 1

out=$(j --as åsa merge w painpoint 1 2 3) || die "merge painpoints: $out"
[ "$out" = "merged painpoint 2 into 1: 2 links, 1 evidence, 0 votes moved
merged painpoint 3 into 1: 1 links, 0 evidence, 0 votes moved" ] || die "said: $out"
json=$(j show w painpoints --json)
[ "$(printf '%s' "$json" | jq length)" -eq 1 ] || die "B not removed: $json"
ev=$(printf '%s' "$json" | jq -r '.[0].evidence')
[ "$ev" = '41 % ringer

[merged from painpoint 2 "Ingen förstår fakturan", by Øyvind]
Kundtjänst: många samtal

[merged from painpoint 3 "Påminnelse för tidigt", by Bjørn]' ] || die "evidence: $ev"
[ "$(printf '%s' "$json" | jq '.[0].severity, .[0].frequency' | tr '\n' ' ')" = "4 4 " ] ||
	die "severity and frequency not the higher: $json"
[ "$(j show w ideas --json | jq -c '[.[].painpoints]')" = '[[1],[1]]' ] ||
	die "links not moved once: $(j show w ideas --json)"

# Øyvind has 1 on idea 1 and 2 on idea 2, cap 2: one moves, one returns.
out=$(j --as Øyvind merge w idea 1 2) || die "merge ideas: $out"
[ "$out" = "merged idea 2 into 1: 0 links, 1 evidence, 2 votes moved, 1 action moved, 1 dot returned to Øyvind" ] ||
	die "said: $out"
votes=$(j show w votes --json | jq -c '[.[] | [.idea, .dots]] | sort')
[ "$votes" = '[[1,1],[1,2]]' ] || die "votes: $votes"
[ "$(j show w actions --json | jq '.[0].idea')" = 1 ] || die "action not moved"
belief=$(j show w ideas --json | jq -r '.[0].belief')
[ "$belief" = '[merged from idea 2 "Tydligare faktura", by Øyvind]
Färre frågor' ] || die "belief: $belief"
# Every author stays visible in the exports that carry the texts.
for f in json yaml; do
	j export w -f "$f" -o "$WORK/w.$f" >/dev/null || die "export $f"
	for who in Øyvind Bjørn; do
		grep -q "by $who" "$WORK/w.$f" || die "$who not in the $f export"
	done
done
exit 0
