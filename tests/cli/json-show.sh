#!/bin/sh
# json-show.sh: `show --json`, for every kind and for the workshop itself:
# one document jq reads, with the ids, names, counts, types, figures and
# revisions of the database; text (Swedish, Norwegian and control
# characters) exact once read; `[]` for a kind without items; and after a
# `set`, the new value and one more revision, which `set --if-revision`
# then takes.
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

DB="$WORK/show.db"
O="$WORK/out.json" E="$WORK/err"

ESC=$(printf '\033') BEL=$(printf '\007') DEL=$(printf '\177') C1=$(printf '\302\233')
RLO=$(printf '\342\200\256') PS=$(printf '\342\200\251') NL='
'
# A pain point's title and evidence that a terminal would obey.
PTITLE="Fakturan går inte att läsa ${ESC}]0;pwned${BEL}${ESC}[2J — «æøå» \"citat\" \\ ${C1}${RLO}${DEL}slut"
EVIDENCE="41 % av samtalen${NL}	Øyvind: «Jeg forstår ikke regningen»${PS}$(printf '\001\r')"

jh -d "$DB" new faktura -t payment-moment --facilitator Åsa >/dev/null || die "new faktura"
jh -d "$DB" add faktura participant name=Øyvind department=Økonomi >/dev/null || die "add Øyvind"
jh -d "$DB" add faktura participant name=Björn >/dev/null || die "add Björn"
jh -d "$DB" --as Øyvind add faktura painpoint touchpoint=1 "title=$PTITLE" severity=5 frequency=4 \
	"evidence=$EVIDENCE" >/dev/null || die "add painpoint 1"
jh -d "$DB" add faktura painpoint touchpoint=3 "title=Kön är lång" severity=2 frequency=2 >/dev/null ||
	die "add painpoint 2"
jh -d "$DB" add faktura idea "title=Förklara avgifterna på fakturan" impact=4 effort=2 confidence=3 \
	painpoints=1,2 "belief=Kunderna förstår sin faktura" >/dev/null || die "add idea 1"
jh -d "$DB" add faktura idea "title=Ny blankett" impact=2 effort=4 confidence=2 >/dev/null || die "add idea 2"
jh -d "$DB" add faktura idea "title=Chatt på fakturan" impact=5 effort=1 confidence=5 >/dev/null || die "add idea 3"
jh -d "$DB" --as Åsa add faktura vote idea=1 dots=2 >/dev/null || die "vote Åsa"
jh -d "$DB" --as Øyvind add faktura vote idea=1 dots=1 >/dev/null || die "vote Øyvind 1"
jh -d "$DB" --as Øyvind add faktura vote idea=2 dots=2 >/dev/null || die "vote Øyvind 2"
jh -d "$DB" add faktura action idea=1 "title=Rita om layouten" owner=Øyvind due=2026-12-15 >/dev/null ||
	die "add action 1"
jh -d "$DB" add faktura action "title=Ring kundtjänst" owner=Åsa due=2026-11-01 >/dev/null ||
	die "add action 2"
jh -d "$DB" add faktura action "title=Utan datum" >/dev/null || die "add action 3"
jh -d "$DB" --as Björn add faktura parking "text=Vem äger fakturan?" >/dev/null || die "add parking"
WID=$(sql "$DB" "SELECT id FROM workshop WHERE name = 'faktura'")

# count KIND: the items of a kind in the database
count() {
	sql "$DB" "SELECT count(*) FROM $1 WHERE workshop_id = $WID"
}

# ---- every kind: an array of objects, as many as the database holds,
# with numeric ids that are the database's, each with its revision
for kind in participant step journey stage touchpoint painpoint idea vote action parking; do
	ok "$O" "$E" -d "$DB" show faktura "$kind" --json
	jqe 'type == "array" and all(.[]; type == "object")' "$O"
	jqe "length == $(count "$kind")" "$O"
	jqe 'all(.[]; (.id | type) == "number" and (.revision | type) == "number" and .revision >= 1)' "$O"
	"$JQ" -r '.[] | [.id, .revision] | @tsv' "$O" | sort -n >"$WORK/got.tsv"
	sql "$DB" "SELECT id, revision FROM $kind WHERE workshop_id = $WID ORDER BY id" >"$WORK/want.tsv"
	cmp -s "$WORK/got.tsv" "$WORK/want.tsv" ||
		die "$kind: ids and revisions differ from the database: $(diff "$WORK/want.tsv" "$WORK/got.tsv")"
	if [ "$kind" != vote ]; then
		"$JQ" -r '.[] | [.id, .uuid] | @tsv' "$O" | sort -n >"$WORK/got.tsv"
		sql "$DB" "SELECT id, uuid FROM $kind WHERE workshop_id = $WID ORDER BY id" >"$WORK/want.tsv"
		cmp -s "$WORK/got.tsv" "$WORK/want.tsv" || die "$kind: uuids differ from the database"
	fi
	# The plural is the same document.
	[ "$kind" = parking ] && continue
	ok "$WORK/plural.json" "$E" -d "$DB" show faktura "${kind}s" --json
	cmp -s "$O" "$WORK/plural.json" || die "show ${kind}s --json differs from show $kind --json"
done

# ---- text is escaped in the document and exact once read
ok "$O" "$E" -d "$DB" show faktura painpoints --json
LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$O" && die "a raw control character in show --json"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$O" && die "a raw C1 control in show --json"
grep -qF '\u001b]0;pwned\u0007\u001b[2J' "$O" || die "the escape sequence is not written escaped"
grep -qF '"41 % av samtalen\n\tØyvind: «Jeg forstår ikke regningen»\u2029\u0001\r"' "$O" ||
	die "the evidence is not escaped as JSON: $(grep evidence "$O")"
for f in title evidence; do
	got=$("$JQ" -j ".[] | select(.id == 1) | .$f" "$O" | hex_of)
	want=$(sql "$DB" "SELECT hex($f) FROM painpoint WHERE workshop_id = $WID AND id = 1")
	[ "$got" = "$want" ] || die "painpoint $f read back differs from the database"
done
[ "$("$JQ" -j '.[] | select(.id == 1) | .title' "$O" | hex_of)" = "$(printf '%s' "$PTITLE" | hex_of)" ] ||
	die "painpoint title read back differs from what was added"

# ---- values and types, as the export writes them
jqe '.[] | select(.id == 1) | .touchpoint == 1 and .severity == 5 and .frequency == 4
	and .status == "open" and .weight == 20 and .on_weakest_link == true and (.step | type) == "number"' "$O"
jqe '.[] | select(.id == 2) | .author == null and .weight == 4' "$O"
AUTHOR=$(sql "$DB" "SELECT id FROM participant WHERE workshop_id = $WID AND name = 'Øyvind'")
jqe ".[] | select(.id == 1) | .author == $AUTHOR" "$O"

ok "$O" "$E" -d "$DB" show faktura participants --json
jqe '[.[].name] == ["Åsa", "Øyvind", "Björn"]' "$O"
jqe '.[] | select(.name == "Åsa") | .role == "facilitator" and .dots_spent == 2 and .dots_left == 2' "$O"
jqe '.[] | select(.name == "Øyvind") | .department == "Økonomi" and .dots_spent == 3 and .dots_left == 1' "$O"
jqe '.[] | select(.name == "Björn") | .department == "" and .role == "participant" and .dots_spent == 0' "$O"

# Ideas in rank order, with the ICE score the workshop uses and the votes
# the vote items add up to.
ok "$O" "$E" -d "$DB" show faktura ideas --json
ok "$WORK/votes.json" "$E" -d "$DB" show faktura votes --json
jqe '[.[].rank] == [range(1; length + 1)]' "$O"
jqe '[.[].id] == [3, 1, 2]' "$O"
jqe 'all(.[]; .score == .impact * .confidence * (6 - .effort))' "$O"
jqe '.[] | select(.id == 1) | .painpoints == [1, 2] and .votes == 3 and .quadrant == "quick-win"
	and .on_weakest_link == true and .belief == "Kunderna förstår sin faktura"' "$O"
jqe '.[] | select(.id == 2) | .votes == 2 and .quadrant == "money-pit" and .painpoints == []' "$O"
for id in 1 2 3; do
	want=$("$JQ" "[.[] | select(.idea == $id) | .dots] | add // 0" "$WORK/votes.json")
	jqe ".[] | select(.id == $id) | .votes == $want" "$O"
done
jqe 'all(.[]; (.participant | type) == "number" and (.dots | type) == "number" and (.idea | type) == "number")' \
	"$WORK/votes.json"
jqe 'all(.[]; has("uuid") | not)' "$WORK/votes.json"

# Actions: ISO dates or null, overdue against the day (JOURNEYHACK_TODAY).
ok "$O" "$E" -d "$DB" show faktura actions --json
jqe '.[] | select(.title == "Rita om layouten") | .due == "2026-12-15" and .overdue == false
	and .idea == 1 and .owner == "Øyvind" and .status == "todo"' "$O"
jqe '.[] | select(.title == "Ring kundtjänst") | .due == "2026-11-01" and .overdue == true and .idea == null' "$O"
jqe '.[] | select(.title == "Utan datum") | .due == null and .overdue == false and .owner == ""' "$O"

ok "$O" "$E" -d "$DB" show faktura parking --json
jqe '.[0].text == "Vem äger fakturan?" and .[0].answered == false and (.[0].author | type) == "number"' "$O"

# Journeys and touchpoints: the analysis, as show and the export give it.
ok "$O" "$E" -d "$DB" show faktura journeys --json
jqe 'length == 1 and .[0].name == "Pay the invoice" and .[0].touchpoint_count == 5
	and .[0].weakest_link.id == 1 and .[0].at_risk == true and (.[0].cx_capital | type) == "number"
	and .[0].positive + .[0].neutral + .[0].negative == .[0].touchpoint_count' "$O"
ok "$O" "$E" -d "$DB" show faktura touchpoints --json
jqe 'all(.[]; .exposure == .reach * ([0, -.score] | max))' "$O"
jqe '[.[] | select(.weakest_link) | .id] == [1]' "$O"
jqe '.[] | select(.id == 1) | .pain_weight == 20 and .stage == 1 and .journey == 1 and .channel == "letter"' "$O"
jqe '.[] | select(.id == 3) | .pain_weight == 4' "$O"
ok "$O" "$E" -d "$DB" show faktura stages --json
jqe '[.[].name] == ["Receive", "Understand", "Ask", "Pay", "Confirm"] and all(.[]; .journey == 1)' "$O"

# The agenda: exactly one current step, the first.
ok "$O" "$E" -d "$DB" show faktura agenda --json
jqe '[.[] | select(.current)] | length == 1 and .[0].position == 0' "$O"
jqe 'all(.[]; (.private | type) == "boolean" and (.minutes | type) == "number" and (.day | type) == "number")' "$O"

# ---- the workshop itself: one object holding every kind's array, each
# the same as show KIND --json; "workshop" is the same document
ok "$O" "$E" -d "$DB" show faktura --json
jqe 'type == "object"' "$O"
jqe ".id == $WID and .name == \"faktura\" and .template == \"payment-moment\" and .method == \"ice\"" "$O"
jqe '(.channels | length) == 8 and (.default_stages | length) == 5 and (.prompts | type) == "array"' "$O"
jqe 'has("exported") | not' "$O"
[ "$("$JQ" .revision "$O")" = "$(sql "$DB" "SELECT revision FROM workshop WHERE id = $WID")" ] ||
	die "the workshop's revision differs from the database"
[ "$("$JQ" -r .uuid "$O")" = "$(sql "$DB" "SELECT uuid FROM workshop WHERE id = $WID")" ] ||
	die "the workshop's uuid differs from the database"
for plural in participants steps journeys stages touchpoints painpoints ideas votes actions parking; do
	ok "$WORK/kind.json" "$E" -d "$DB" show faktura "$plural" --json
	"$JQ" -e --slurpfile k "$WORK/kind.json" ".$plural == \$k[0]" "$O" >/dev/null ||
		die "show --json .$plural differs from show $plural --json"
	checks=$((checks + 1))
done
ok "$WORK/workshop.json" "$E" -d "$DB" show faktura workshop --json
cmp -s "$O" "$WORK/workshop.json" || die "show W workshop --json differs from show W --json"
# By id, as every command takes the workshop.
ok "$WORK/byid.json" "$E" -d "$DB" show "$WID" --json
cmp -s "$O" "$WORK/byid.json" || die "show by id differs from show by name"

# ---- after set: the new value and one more revision, in the item, the
# database and what set --if-revision takes
ok "$O" "$E" -d "$DB" show faktura painpoints --json
rev=$("$JQ" '.[] | select(.id == 2) | .revision' "$O")
jh -d "$DB" set faktura painpoint 2 "title=Kön är lång – över 20 minuter" severity=4 >/dev/null ||
	die "set painpoint 2"
ok "$O" "$E" -d "$DB" show faktura painpoints --json
jqe ".[] | select(.id == 2) | .revision == $rev + 1 and .severity == 4 and .weight == 8
	and .title == \"Kön är lång – över 20 minuter\"" "$O"
rev2=$("$JQ" '.[] | select(.id == 2) | .revision' "$O")
[ "$rev2" = "$(sql "$DB" "SELECT revision FROM painpoint WHERE workshop_id = $WID AND id = 2")" ] ||
	die "revision after set differs from the database"
jh -d "$DB" set faktura painpoint 2 status=addressed "--if-revision=$rev" >/dev/null 2>&1 &&
	die "set --if-revision took the revision before the change"
jh -d "$DB" set faktura painpoint 2 status=addressed "--if-revision=$rev2" >/dev/null ||
	die "set --if-revision refused the revision show --json gave"
ok "$O" "$E" -d "$DB" show faktura painpoints --json
jqe ".[] | select(.id == 2) | .revision == $rev2 + 1 and .status == \"addressed\"" "$O"

# The workshop's settings too; anonymous votes hide the voter, as in the export.
wrev=$(sql "$DB" "SELECT revision FROM workshop WHERE id = $WID")
jh -d "$DB" set faktura workshop anonymous=yes "title=Betalningsögonblicket" >/dev/null || die "set workshop"
ok "$O" "$E" -d "$DB" show faktura --json
jqe ".revision == $wrev + 1 and .anonymous == true and .title == \"Betalningsögonblicket\"" "$O"
jqe 'all(.votes[]; .participant == null) and (.votes | length) == 3' "$O"

# ---- a workshop without items of a kind: exactly "[]"
jh -d "$DB" new tom -t half-day-sprint >/dev/null || die "new tom"
for kind in participants painpoints ideas votes actions parking; do
	ok "$O" "$E" -d "$DB" show tom "$kind" --json
	[ "$(cat "$O")" = "[]" ] || die "show tom $kind --json is not []: $(cat "$O")"
done
ok "$O" "$E" -d "$DB" show tom --json
jqe '.participants == [] and .painpoints == [] and .ideas == [] and .votes == []
	and .actions == [] and .parking == [] and (.steps | length) > 0' "$O"

# ---- errors of the command: on stderr, nothing on stdout
json "$O" "$E" -d "$DB" show saknas --json
[ "$rc" = 1 ] && [ ! -s "$O" ] && grep -q '^journeyhack: no workshop "saknas"' "$E" ||
	die "show of an unknown workshop --json: exit $rc, stdout $(cat "$O"), stderr $(cat "$E")"
json "$O" "$E" -d "$DB" show faktura kärror --json
[ "$rc" = 1 ] && [ ! -s "$O" ] && grep -q 'unknown kind' "$E" ||
	die "show of an unknown kind --json: exit $rc"
json "$O" "$E" -d "$DB" show faktura ideas extra --json
[ "$rc" = 2 ] && [ ! -s "$O" ] || die "show with too many operands --json: exit $rc"

echo "show --json: $checks jq checks passed"
exit 0
