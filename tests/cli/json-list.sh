#!/bin/sh
# json-list.sh: `list --json` is an array of the workshops, read by jq,
# with the ids, names, revisions and uuids the database holds, text with
# Swedish, Norwegian and control characters exact, `[]` with none, and
# errors on stderr as without --json.
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

DB="$WORK/list.db"
O="$WORK/out.json" E="$WORK/err"

# ---- no database: the error of the command, on stderr, nothing on stdout
json "$O" "$E" -d "$DB" list --json
[ "$rc" = 3 ] || die "list --json without a database: exit $rc, not 3"
[ ! -s "$O" ] || die "list --json without a database wrote to stdout: $(cat "$O")"
grep -q '^journeyhack: ' "$E" || die "list --json without a database: no error on stderr"

# ---- an empty database: exactly "[]"
jh -d "$DB" new tom >/dev/null || die "new tom"
jh -d "$DB" rm tom workshop tom >/dev/null || die "rm tom"
ok "$O" "$E" -d "$DB" list --json
[ "$(cat "$O")" = "[]" ] || die "no workshops is not []: $(cat "$O")"
check "$O" <<'EOF'
type == "array" and length == 0
EOF

# ---- two workshops, one with a title a terminal must never see raw
ESC=$(printf '\033') DEL=$(printf '\177') C1=$(printf '\302\205') RLO=$(printf '\342\200\256')
LS=$(printf '\342\200\250')
TITLE="Vår möte i Göteborg ${ESC}[31mrött${ESC}[0m, Øyvind & Åsa: \"æ ø å\" \\ $(printf '\001\t')${DEL}${C1}${RLO}${LS}slut"
jh -d "$DB" new vår-möte -t payment-moment >/dev/null || die "new vår-möte"
jh -d "$DB" new høstmøte >/dev/null || die "new høstmøte"
jh -d "$DB" set vår-möte workshop "title=$TITLE" >/dev/null || die "set title"
ok "$O" "$E" -d "$DB" list --json

# The text is data: escaped, never raw, in the document...
LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$O" && die "a raw control character in list --json"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$O" && die "a raw C1 control in list --json"
grep -qF '"Vår möte i Göteborg \u001b[31mrött\u001b[0m, Øyvind & Åsa: \"æ ø å\" \\ \u0001\t\u007f\u0085' "$O" ||
	die "the title is not escaped as JSON: $(grep '"title"' "$O")"
grep -qF '\u2028slut"' "$O" || die "U+2028 not escaped"
# ...and exactly the stored bytes once jq has read it.
got=$("$JQ" -j '.[] | select(.name == "vår-möte") | .title' "$O" | hex_of)
want=$(sql "$DB" "SELECT hex(title) FROM workshop WHERE name = 'vår-möte'")
[ "$got" = "$want" ] || die "title read back differs from the database: $got / $want"
[ "$got" = "$(printf '%s' "$TITLE" | hex_of)" ] || die "title read back differs from what was set"

# Ids, names, order (by name, as the table), types, against the database;
# not the export's document: no "exported" day and no items.
check "$O" --arg db "$(sql "$DB" "SELECT id, name, revision, uuid, created FROM workshop ORDER BY name")" <<'EOF'
length == 2
[.[].name] == ["høstmøte", "vår-möte"]
map([.id, .name, .revision, .uuid, .created] | @tsv) | join("\n") == $db
all(.[]; (.id | type) == "number" and (.revision | type) == "number" and (.dots | type) == "number")
all(.[]; (.anonymous | type) == "boolean" and (.current_step | type) == "number")
all(.[]; .created | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
all(.[]; .uuid | test("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
.[] | select(.name == "vår-möte") | .template == "payment-moment" and .method == "ice" and .dots == 4 and .max_dots == 2
.[] | select(.name == "høstmøte") | .template == "customer-journey-hackathon" and .title == "Customer Journey Hackathon"
all(.[]; has("exported") | not) and all(.[]; has("participants") | not)
EOF

# ---- after set: the new value, one more revision, still the database's
rev=$(value '.[] | select(.name == "høstmøte") | .revision' "$O")
jh -d "$DB" set høstmøte workshop "title=Høstmøte på Åland" dots=7 >/dev/null || die "set høstmøte"
ok "$O" "$E" -d "$DB" list --json
check "$O" --argjson rev "$rev" --argjson db "$(sql "$DB" "SELECT revision FROM workshop WHERE name = 'høstmøte'")" <<'EOF'
.[] | select(.name == "høstmøte") | .revision == $rev + 1 and .revision == $db
.[] | select(.name == "høstmøte") | .title == "Høstmøte på Åland" and .dots == 7
EOF

# ---- output that cannot be written is an error, for each command
if [ -w /dev/full ]; then
	for cmd in "-d $DB list" "-d $DB show vår-möte" templates \
		"check-template $JH_SRCDIR/workshop-templates/payment-moment.yaml"; do
		rc=0
		# shellcheck disable=SC2086 # the command's words
		jh $cmd --json >/dev/full 2>"$E" || rc=$?
		[ "$rc" = 1 ] && grep -q '^journeyhack: write error: ' "$E" ||
			die "$cmd --json to a full disk: exit $rc, $(cat "$E")"
	done
fi

# ---- --help names the option
jh --help | grep -q '^  --json  *list, show, templates, check-template: one JSON$' || die "--help does not list --json"

# ---- a bad command line is still a usage error, with nothing on stdout
json "$O" "$E" -d "$DB" list --json extra
[ "$rc" = 2 ] || die "list --json extra: exit $rc, not 2"
[ ! -s "$O" ] || die "list --json extra wrote to stdout"

echo "list --json: $checks jq checks passed"
exit 0
