#!/bin/sh
# json-check-template.sh: `check-template --json` is one array on stdout,
# an object per file with its verdict and every error taken apart into
# file, line, column and message, read by jq; it exits 1 when a file is
# invalid and 0 when all are, and writes nothing on stderr for the files'
# errors. Every file of the broken-template corpus gives the place and
# message its EXPECTED line states.
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

BAD="$JH_SRCDIR/tests/data/templates-bad"
GOOD="$JH_SRCDIR/workshop-templates"
O="$WORK/out.json" E="$WORK/err"

# bad OUT ERR FILE...: check-template --json on broken files: exit 1,
# stderr empty, one document.
bad() {
	out=$1 err=$2
	shift 2
	json "$out" "$err" check-template --json "$@"
	[ "$rc" = 1 ] || die "check-template --json $*: exit $rc, not 1"
	[ ! -s "$err" ] || die "check-template --json $*: stderr: $(cat "$err")"
	one_document "$out" "check-template --json $*"
}

# ---- the corpus, file by file: the EXPECTED place and message
n=0
grep -v '^#' "$BAD/EXPECTED" >"$WORK/expected"
while IFS='	' read -r file want; do
	bad "$O" "$E" "$BAD/$file"
	jqe 'length == 1 and .[0].valid == false and (.[0].errors | length) == 1' "$O"
	jqe '.[0] | .name == null and .title == null and .step_count == null and .stage_count == null
		and .channel_count == null and .journey_count == null' "$O"
	jqe '.[0].errors[0] | (.line | type) == "number" and (.column | type) == "number"
		and .line >= 1 and .column >= 1' "$O"
	[ "$("$JQ" -r '.[0].file' "$O")" = "$BAD/$file" ] || die "$file: .file is not the path given"
	[ "$("$JQ" -r '.[0].errors[0].file' "$O")" = "$BAD/$file" ] || die "$file: the error's file is not the path given"
	got=$("$JQ" -r '.[0].errors[0] | "\(.line):\(.column): \(.message)"' "$O")
	[ "$got" = "$want" ] || die "$file: got \"$got\", EXPECTED \"$want\""
	n=$((n + 1))
done <"$WORK/expected"
[ "$n" -ge 30 ] || die "only $n files in the corpus's EXPECTED"

# ---- all of them at once: one array, in the order given
set -- "$BAD"/*.yaml
bad "$O" "$E" "$@"
jqe "length == $# and all(.[]; .valid == false and (.errors | length) == 1)" "$O"
[ "$("$JQ" -r '.[].file' "$O")" = "$(printf '%s\n' "$@")" ] || die "files not in the order given"

# ---- the bundled templates: valid, with the text output's figures
set -- "$GOOD"/*.yaml
ok "$O" "$E" check-template --json "$@"
jqe "length == $# and all(.[]; .valid == true and .errors == [])" "$O"
jqe 'all(.[]; (.step_count | type) == "number" and .step_count > 0 and .stage_count > 0
	and .channel_count > 0 and (.journey_count | type) == "number" and (.title | length) > 0)' "$O"
jh check-template "$@" >"$WORK/text" || die "check-template (text) on the bundled templates"
"$JQ" -r '.[] | "\(.file): valid template \"\(.name)\": \(.step_count) agenda steps, \(.stage_count) stages, \(.channel_count) channels"' \
	"$O" >"$WORK/from-json"
cmp -s "$WORK/text" "$WORK/from-json" ||
	die "check-template --json differs from the text: $(diff "$WORK/text" "$WORK/from-json")"
jqe '.[] | select(.name == "payment-moment") | .title == "The payment moment" and .step_count == 13
	and .stage_count == 5 and .channel_count == 8 and .journey_count == 1' "$O"

# ---- Swedish and Norwegian text, and a path a JSON string must escape
MALL="$WORK/mall \"ö\" \\ å.yaml"
sed -e 's/^name: payment-moment$/name: betalning/' \
	-e 's/^title: The payment moment$/title: "Betalningsögonblicket – fakturaen på norsk: æ ø å"/' \
	"$GOOD/payment-moment.yaml" >"$MALL"
ok "$O" "$E" check-template --json "$MALL"
[ "$("$JQ" -r '.[0].file' "$O")" = "$MALL" ] || die "the path is not exact once read"
jqe '.[0].name == "betalning" and .[0].title == "Betalningsögonblicket – fakturaen på norsk: æ ø å"' "$O"

# ---- valid and broken together: exit 1, both reported; a path holding
# ":LINE:COLUMN: " is not taken for the place of the error
TRASIG="$WORK/trasig:9:9: mall.yaml"
cp "$BAD/bad-view.yaml" "$TRASIG"
bad "$O" "$E" "$MALL" "$TRASIG" "$WORK/saknas.yaml"
jqe 'length == 3 and [.[].valid] == [true, false, false]' "$O"
jqe '.[1].errors[0] | .line == 13 and .column == 11 and (.message | startswith("view: unknown view \"kanban\""))' "$O"
[ "$("$JQ" -r '.[1].errors[0].file' "$O")" = "$TRASIG" ] || die "the error's file is not the path given"
# A file that cannot be read has no place in it: line and column null.
jqe '.[2].errors[0] | .line == null and .column == null and (.message | length) > 0' "$O"
[ "$("$JQ" -r '.[2].errors[0].file' "$O")" = "$WORK/saknas.yaml" ] || die "the missing file's name"

# ---- without --json the same files still report on stderr
json "$O" "$E" check-template "$TRASIG"
[ "$rc" = 1 ] && grep -qF "$TRASIG:13:11: view: unknown view" "$E" || die "check-template without --json changed"

# ---- a bad command line: usage error, nothing on stdout
json "$O" "$E" check-template --json
[ "$rc" = 2 ] && [ ! -s "$O" ] || die "check-template --json without files: exit $rc"

echo "check-template --json: $n corpus files, $checks jq checks passed"
exit 0
