#!/bin/sh
# personas.sh: personas from the command line, in Swedish and Norwegian:
#   - add, show (table and --json), set (one more revision), rm;
#   - a journey names its persona by name or id; removing the persona
#     leaves the journey, without one;
#   - bad input: one line naming the field and the value, a non-zero
#     exit, the database unchanged;
#   - the YAML export carries personas and journeys' personas, and an
#     import of it exports byte-identical;
#   - the markdown and HTML reports group journeys by persona, "No persona"
#     last.
# shellcheck source=tests/cli/json-lib.sh
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

DB="$WORK/p.db"
O="$WORK/out" E="$WORK/err"
NL='
'

jh -d "$DB" new bo -t payment-moment --facilitator Åsa >/dev/null || die "new bo"

# ---- add, show, --json
ok "$O" "$E" -d "$DB" add bo persona "name=Åsa på pendeltåget" "description=Pendlar varje dag" \
	"goals=Komma fram i tid${NL}Betala rätt" "needs=Tydlig information om förseningar"
grep -qx "added persona 1" "$O" || die "add persona said: $(cat "$O")"
ok "$O" "$E" -d "$DB" add bo persona "name=Øyvind på landet" "needs=Lang reisevei, få avganger"
ok "$O" "$E" -d "$DB" show bo personas
grep -q "Åsa på pendeltåget" "$O" && grep -q "Øyvind på landet" "$O" || die "show personas: $(cat "$O")"
head -n 1 "$O" | grep -q "NAME.*GOALS.*NEEDS" || die "show personas header: $(head -n 1 "$O")"
ok "$O" "$E" -d "$DB" show bo persona --json
check "$O" --arg nl "$NL" <<'EOF'
type == "array" and length == 2
.[0].name == "Åsa på pendeltåget" and .[0].goals == ("Komma fram i tid" + $nl + "Betala rätt")
.[0].needs == "Tydlig information om förseningar" and .[0].description == "Pendlar varje dag"
.[1].name == "Øyvind på landet" and .[1].goals == ""
all(.[]; .revision == 1 and (.uuid | test("^[0-9a-f-]{36}$")))
EOF

# ---- journeys name their persona by name or id
ok "$O" "$E" -d "$DB" add bo journey "name=Flytta hemifrån" "persona=Åsa på pendeltåget" stages=Hitta,Köpa
ok "$O" "$E" -d "$DB" add bo journey "name=Säga upp" persona=2 stages=Ringa
ok "$O" "$E" -d "$DB" add bo journey "name=Utan någon" stages=Ett
ok "$O" "$E" -d "$DB" show bo journeys --json
check "$O" <<'EOF'
(map(select(.name == "Flytta hemifrån")) | .[0].persona) == 1
(map(select(.name == "Säga upp")) | .[0].persona) == 2
(map(select(.name == "Utan någon")) | .[0].persona) == null
EOF

# ---- set: the new value and one more revision
ok "$O" "$E" -d "$DB" set bo persona 2 "goals=Slippe å ringe"
ok "$O" "$E" -d "$DB" show bo persona --json
check "$O" <<'EOF'
.[1].goals == "Slippe å ringe" and .[1].revision == 2
EOF

# ---- bad input: one line naming field and value, exit non-zero, nothing changed
bad() { # WHAT... -- ARGS...: each WHAT must be in the one-line message
	want=""
	while [ "$1" != -- ]; do
		want="$want$1$NL"
		shift
	done
	shift
	before=$(fingerprint "$DB")
	json "$O" "$E" -d "$DB" "$@"
	[ "$rc" != 0 ] || die "accepted: $*"
	[ "$(wc -l <"$E")" = 1 ] || die "not one line for $*: $(cat "$E")"
	printf '%s' "$want" | while IFS= read -r w; do
		grep -qF -- "$w" "$E" || die "message for $* does not name '$w': $(cat "$E")"
	done || exit 1
	[ "$(fingerprint "$DB")" = "$before" ] || die "the database changed after: $*"
}
bad name -- add bo persona "goals=Utan namn"
bad "Øyvind på landet" -- add bo persona "name=Øyvind på landet"
bad persona "Ingen sådan" -- add bo journey "name=Ny resa" "persona=Ingen sådan"
bad persona 99 -- set bo journey 1 persona=99
bad colour -- set bo persona 1 colour=blå
bad persona 42 -- rm bo persona 42

# ---- YAML: personas and journeys' personas, a byte-identical round trip
ok "$O" "$E" -d "$DB" export bo -f yaml -o "$WORK/a.yaml"
grep -q '^personas:$' "$WORK/a.yaml" || die "no personas list in the YAML export"
grep -q '^    persona: 1$' "$WORK/a.yaml" || die "no journey persona in the YAML export"
ok "$O" "$E" -d "$WORK/b.db" import bo "$WORK/a.yaml"
ok "$O" "$E" -d "$WORK/b.db" export bo -f yaml -o "$WORK/b.yaml"
cmp "$WORK/a.yaml" "$WORK/b.yaml" || die "the YAML round trip is not byte-identical"

# ---- the report groups journeys by persona, "No persona" last
ok "$O" "$E" -d "$DB" export bo -f md -r report
awk '/^### Persona: Åsa på pendeltåget$/ {a = NR} /^#### [0-9]+\. Flytta hemifrån$/ {f = NR}
     /^### Persona: Øyvind på landet$/ {o = NR} /^#### [0-9]+\. Säga upp$/ {s = NR}
     /^### No persona$/ {n = NR} /^#### [0-9]+\. Utan någon$/ {u = NR}
     END { exit !(a && a < f && f < o && o < s && s < n && n < u) }' "$O" ||
	die "the report does not group journeys by persona: $(grep '^###' "$O")"

# ---- so does the HTML report, each persona a heading over its journeys
ok "$O" "$E" -d "$DB" export bo -f html
awk '/<h3 class="persona">Persona: Åsa på pendeltåget<\/h3>/ {a = NR} /<h4>[0-9]+\. Flytta hemifrån<\/h4>/ {f = NR}
     /<h3 class="persona">No persona<\/h3>/ {n = NR} /<h4>[0-9]+\. Utan någon<\/h4>/ {u = NR}
     END { exit !(a && a < f && f < n && n < u) }' "$O" ||
	die "the HTML report does not group journeys by persona: $(grep -E '<h[34]' "$O")"

# ---- rm: the persona goes, its journeys stay without one
ok "$O" "$E" -d "$DB" rm bo persona 1
ok "$O" "$E" -d "$DB" show bo journeys --json
check "$O" <<'EOF'
(map(select(.name == "Flytta hemifrån")) | .[0].persona) == null
(map(select(.name == "Säga upp")) | .[0].persona) == 2
EOF
[ "$(sql "$DB" "SELECT count(*) FROM persona")" = 1 ] || die "persona 1 was not removed"

echo "personas: $checks checks passed"
