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
jqe 'type == "array" and length == 0' "$O"

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
grep -qF '\u001b[31mr' "$O" || die "ESC not written as \\u001b"
grep -qF '\u2028' "$O" || die "U+2028 not escaped"
# ...and exactly the stored bytes once jq has read it.
got=$("$JQ" -j '.[] | select(.name == "vår-möte") | .title' "$O" | hex_of)
want=$(sql "$DB" "SELECT hex(title) FROM workshop WHERE name = 'vår-möte'")
[ "$got" = "$want" ] || die "title read back differs from the database: $got / $want"
[ "$got" = "$(printf '%s' "$TITLE" | hex_of)" ] || die "title read back differs from what was set"

# Ids, names, order (by name, as the table), types, against the database.
jqe 'length == 2' "$O"
jqe '[.[].name] == ["høstmøte", "vår-möte"]' "$O"
jqe 'all(.[]; (.id | type) == "number" and (.revision | type) == "number"
	and (.dots | type) == "number" and (.anonymous | type) == "boolean"
	and (.current_step | type) == "number")' "$O"
jqe 'all(.[]; .created | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))' "$O"
jqe 'all(.[]; .uuid | test("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))' "$O"
jqe '.[] | select(.name == "vår-möte") | .template == "payment-moment" and .method == "ice"
	and .dots == 4 and .max_dots == 2' "$O"
jqe '.[] | select(.name == "høstmøte") | .template == "customer-journey-hackathon"' "$O"
# Not the export's: no "exported" day, and no items.
jqe 'all(.[]; has("exported") | not) and all(.[]; has("participants") | not)' "$O"
"$JQ" -r '.[] | [.id, .name, .revision, .uuid, .created] | @tsv' "$O" >"$WORK/got.tsv"
sql "$DB" "SELECT id, name, revision, uuid, created FROM workshop ORDER BY name" >"$WORK/want.tsv"
cmp -s "$WORK/got.tsv" "$WORK/want.tsv" ||
	die "list --json differs from the database: $(diff "$WORK/want.tsv" "$WORK/got.tsv")"

# ---- after set: the new value, one more revision, still the database's
rev=$("$JQ" '.[] | select(.name == "høstmøte") | .revision' "$O")
jh -d "$DB" set høstmøte workshop "title=Høstmøte på Åland" dots=7 >/dev/null || die "set høstmøte"
ok "$O" "$E" -d "$DB" list --json
jqe ".[] | select(.name == \"høstmøte\") | .revision == $rev + 1" "$O"
jqe '.[] | select(.name == "høstmøte") | .title == "Høstmøte på Åland" and .dots == 7' "$O"
[ "$("$JQ" '.[] | select(.name == "høstmøte") | .revision' "$O")" = \
	"$(sql "$DB" "SELECT revision FROM workshop WHERE name = 'høstmøte'")" ] ||
	die "revision after set differs from the database"

# ---- a bad command line is still a usage error, with nothing on stdout
json "$O" "$E" -d "$DB" list --json extra
[ "$rc" = 2 ] || die "list --json extra: exit $rc, not 2"
[ ! -s "$O" ] || die "list --json extra wrote to stdout"

echo "list --json: $checks jq checks passed"
exit 0
