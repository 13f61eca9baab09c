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

# ---- every kind: an array of objects, as many as the database holds,
# with the database's numeric ids, revisions and uuids (votes have none)
for kind in participant step journey stage touchpoint painpoint idea vote action parking; do
	ok "$O" "$E" -d "$DB" show faktura "$kind" --json
	uuid=uuid
	[ "$kind" = vote ] && uuid="''"
	check "$O" --arg db "$(sql "$DB" "SELECT id, revision, $uuid FROM $kind WHERE workshop_id = $WID ORDER BY id")" <<'EOF'
type == "array" and all(.[]; type == "object")
all(.[]; (.id | type) == "number" and (.revision | type) == "number" and .revision >= 1)
sort_by(.id) | map([.id, .revision, .uuid // ""] | @tsv) | join("\n") == $db
EOF
	# The plural names the same document.
	[ "$kind" = parking ] && continue
	ok "$WORK/plural.json" "$E" -d "$DB" show faktura "${kind}s" --json
	cmp -s "$O" "$WORK/plural.json" || die "show ${kind}s --json differs from show $kind --json"
done

# ---- text is escaped in the document and exact once read
ok "$O" "$E" -d "$DB" show faktura painpoints --json
LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$O" && die "a raw control character in show --json"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$O" && die "a raw C1 control in show --json"
grep -qF '"Fakturan går inte att läsa \u001b]0;pwned\u0007\u001b[2J — «æøå» \"citat\" \\ \u009b' "$O" ||
	die "the title is not escaped as JSON: $(grep '"title"' "$O")"
grep -qF '"41 % av samtalen\n\tØyvind: «Jeg forstår ikke regningen»\u2029\u0001\r"' "$O" ||
	die "the evidence is not escaped as JSON: $(grep evidence "$O")"
for f in title evidence; do
	got=$("$JQ" -j ".[] | select(.id == 1) | .$f" "$O" | hex_of)
	want=$(sql "$DB" "SELECT hex($f) FROM painpoint WHERE workshop_id = $WID AND id = 1")
	[ "$got" = "$want" ] || die "painpoint $f read back differs from the database"
done
check "$O" --arg title "$PTITLE" --arg evidence "$EVIDENCE" \
	--argjson author "$(sql "$DB" "SELECT id FROM participant WHERE workshop_id = $WID AND name = 'Øyvind'")" <<'EOF'
.[] | select(.id == 1) | .title == $title and .evidence == $evidence
.[] | select(.id == 1) | .touchpoint == 1 and .severity == 5 and .frequency == 4 and .status == "open"
.[] | select(.id == 1) | .weight == 20 and .on_weakest_link == true and (.step | type) == "number"
.[] | select(.id == 1) | .author == $author
.[] | select(.id == 2) | .author == null and .weight == 4 and .on_weakest_link == false
EOF

# ---- values and figures, as the export writes them, and show's own
ok "$O" "$E" -d "$DB" show faktura participants --json
check "$O" <<'EOF'
[.[].name] == ["Åsa", "Øyvind", "Björn"]
.[] | select(.name == "Åsa") | .role == "facilitator" and .dots_spent == 2 and .dots_left == 2
.[] | select(.name == "Øyvind") | .department == "Økonomi" and .dots_spent == 3 and .dots_left == 1
.[] | select(.name == "Björn") | .department == "" and .role == "participant" and .dots_spent == 0 and .dots_left == 4
EOF

# Ideas in rank order, with the ICE score the workshop uses and the votes
# the vote items add up to.
ok "$WORK/votes.json" "$E" -d "$DB" show faktura votes --json
check "$WORK/votes.json" <<'EOF'
length == 3
all(.[]; (.participant | type) == "number" and (.dots | type) == "number" and (.idea | type) == "number")
all(.[]; has("uuid") | not)
EOF
ok "$O" "$E" -d "$DB" show faktura ideas --json
check "$O" --slurpfile votes "$WORK/votes.json" <<'EOF'
[.[].rank] == [range(1; length + 1)]
[.[].id] == [3, 1, 2]
all(.[]; .score == .impact * .confidence * (6 - .effort))
all(.[]; .id as $i | .votes == ([$votes[0][] | select(.idea == $i) | .dots] | add // 0))
.[] | select(.id == 1) | .painpoints == [1, 2] and .votes == 3 and .quadrant == "quick-win"
.[] | select(.id == 1) | .on_weakest_link == true and .belief == "Kunderna förstår sin faktura" and .experiment == ""
.[] | select(.id == 2) | .votes == 2 and .quadrant == "money-pit" and .painpoints == [] and .on_weakest_link == false
EOF

# Actions: ISO dates or null, overdue against the day (JOURNEYHACK_TODAY).
ok "$O" "$E" -d "$DB" show faktura actions --json
check "$O" <<'EOF'
.[] | select(.title == "Rita om layouten") | .due == "2026-12-15" and .overdue == false and .idea == 1
.[] | select(.title == "Rita om layouten") | .owner == "Øyvind" and .status == "todo"
.[] | select(.title == "Ring kundtjänst") | .due == "2026-11-01" and .overdue == true and .idea == null
.[] | select(.title == "Utan datum") | .due == null and .overdue == false and .owner == ""
EOF

ok "$O" "$E" -d "$DB" show faktura parking --json
check "$O" <<'EOF'
.[0].text == "Vem äger fakturan?" and .[0].answered == false and .[0].answer == ""
(.[0].author | type) == "number"
EOF

# Journeys, stages and touchpoints: the analysis, as show and the export give it.
ok "$O" "$E" -d "$DB" show faktura journeys --json
check "$O" <<'EOF'
length == 1 and .[0].name == "Pay the invoice" and .[0].touchpoint_count == 5
.[0].weakest_link == {"id": 1, "name": "Receive invoice", "exposure": 160} and .[0].at_risk == true
(.[0].cx_capital | type) == "number" and (.[0].channel_hops | type) == "number"
.[0].positive + .[0].neutral + .[0].negative == .[0].touchpoint_count
EOF
ok "$O" "$E" -d "$DB" show faktura touchpoints --json
check "$O" <<'EOF'
length == 5
all(.[]; .exposure == .reach * ([0, -.score] | max))
[.[] | select(.weakest_link) | .id] == [1]
.[] | select(.id == 1) | .pain_weight == 20 and .stage == 1 and .journey == 1 and .channel == "letter"
.[] | select(.id == 3) | .pain_weight == 4
all(.[]; (.questionable | type) == "boolean")
EOF
ok "$O" "$E" -d "$DB" show faktura stages --json
check "$O" <<'EOF'
[.[].name] == ["Receive", "Understand", "Ask", "Pay", "Confirm"] and all(.[]; .journey == 1)
EOF

# The agenda ("agenda" and "step" name it): exactly one current step, the first.
ok "$O" "$E" -d "$DB" show faktura agenda --json
check "$O" <<'EOF'
length == 13
[.[] | select(.current)] | length == 1 and .[0].position == 0
all(.[]; (.private | type) == "boolean" and (.revealed | type) == "boolean")
all(.[]; (.minutes | type) == "number" and (.day | type) == "number" and (.view | type) == "string")
EOF

# ---- the workshop itself: one object holding every kind's array, each
# the same as show KIND --json; "workshop" names the same document
ok "$O" "$E" -d "$DB" show faktura --json
for plural in participants steps journeys stages touchpoints painpoints ideas votes actions parking; do
	ok "$WORK/$plural.json" "$E" -d "$DB" show faktura "$plural" --json
done
check "$O" --argjson wid "$WID" --arg db "$(sql "$DB" "SELECT revision, uuid FROM workshop WHERE id = $WID")" \
	--slurpfile participants "$WORK/participants.json" --slurpfile steps "$WORK/steps.json" \
	--slurpfile journeys "$WORK/journeys.json" --slurpfile stages "$WORK/stages.json" \
	--slurpfile touchpoints "$WORK/touchpoints.json" --slurpfile painpoints "$WORK/painpoints.json" \
	--slurpfile ideas "$WORK/ideas.json" --slurpfile votes "$WORK/votes.json" \
	--slurpfile actions "$WORK/actions.json" --slurpfile parking "$WORK/parking.json" <<'EOF'
type == "object"
.id == $wid and .name == "faktura" and .template == "payment-moment" and .method == "ice"
(.channels | length) == 8 and (.default_stages | length) == 5 and (.prompts | type) == "array"
[.revision, .uuid] | @tsv == $db
has("exported") | not
.participants == $participants[0] and .steps == $steps[0] and .journeys == $journeys[0]
.stages == $stages[0] and .touchpoints == $touchpoints[0] and .painpoints == $painpoints[0]
.ideas == $ideas[0] and .votes == $votes[0] and .actions == $actions[0] and .parking == $parking[0]
EOF
ok "$WORK/workshop.json" "$E" -d "$DB" show faktura workshop --json
cmp -s "$O" "$WORK/workshop.json" || die "show W workshop --json differs from show W --json"
# By id, as every command takes the workshop.
ok "$WORK/byid.json" "$E" -d "$DB" show "$WID" --json
cmp -s "$O" "$WORK/byid.json" || die "show by id differs from show by name"

# ---- after set: the new value and one more revision, in the item, the
# database and what set --if-revision takes
ok "$O" "$E" -d "$DB" show faktura painpoints --json
rev=$(value '.[] | select(.id == 2) | .revision' "$O")
jh -d "$DB" set faktura painpoint 2 "title=Kön är lång – över 20 minuter" severity=4 >/dev/null ||
	die "set painpoint 2"
ok "$O" "$E" -d "$DB" show faktura painpoints --json
rev2=$(sql "$DB" "SELECT revision FROM painpoint WHERE workshop_id = $WID AND id = 2")
check "$O" --argjson rev "$rev" --argjson db "$rev2" <<'EOF'
.[] | select(.id == 2) | .revision == $rev + 1 and .revision == $db
.[] | select(.id == 2) | .severity == 4 and .weight == 8 and .title == "Kön är lång – över 20 minuter"
EOF
jh -d "$DB" set faktura painpoint 2 status=addressed "--if-revision=$rev" >/dev/null 2>&1 &&
	die "set --if-revision took the revision before the change"
jh -d "$DB" set faktura painpoint 2 status=addressed "--if-revision=$rev2" >/dev/null ||
	die "set --if-revision refused the revision show --json gave"
ok "$O" "$E" -d "$DB" show faktura painpoints --json
check "$O" --argjson rev "$rev2" <<'EOF'
.[] | select(.id == 2) | .revision == $rev + 1 and .status == "addressed"
EOF

# The workshop's settings too; anonymous votes hide the voter, as in the export.
wrev=$(sql "$DB" "SELECT revision FROM workshop WHERE id = $WID")
jh -d "$DB" set faktura workshop anonymous=yes "title=Betalningsögonblicket" >/dev/null || die "set workshop"
ok "$O" "$E" -d "$DB" show faktura --json
check "$O" --argjson rev "$wrev" <<'EOF'
.revision == $rev + 1 and .anonymous == true and .title == "Betalningsögonblicket"
all(.votes[]; .participant == null) and (.votes | length) == 3
EOF

# ---- a workshop without items of a kind: exactly "[]"
jh -d "$DB" new tom -t half-day-sprint >/dev/null || die "new tom"
for kind in participants painpoints ideas votes actions parking; do
	ok "$O" "$E" -d "$DB" show tom "$kind" --json
	[ "$(cat "$O")" = "[]" ] || die "show tom $kind --json is not []: $(cat "$O")"
done
ok "$O" "$E" -d "$DB" show tom --json
check "$O" <<'EOF'
.participants == [] and .painpoints == [] and .ideas == [] and .votes == [] and .actions == [] and .parking == []
(.steps | length) > 0 and .name == "tom" and .template == "half-day-sprint"
EOF

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
