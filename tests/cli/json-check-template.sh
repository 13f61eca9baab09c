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

# bad OUT ERR FILE...: check-template --json on files not all valid:
# exit 1 and nothing on stderr.
bad() {
	out=$1 err=$2
	shift 2
	json "$out" "$err" check-template --json "$@"
	[ "$rc" = 1 ] || die "check-template --json $*: exit $rc, not 1"
	[ ! -s "$err" ] || die "check-template --json $*: stderr: $(cat "$err")"
}

# ---- the corpus: every file, one at a time and all at once, gives the
# place and message EXPECTED states, its path as given, no template
grep -v '^#' "$BAD/EXPECTED" >"$WORK/expected"
n=$(wc -l <"$WORK/expected")
[ "$n" -ge 30 ] || die "only $n files in the corpus's EXPECTED"
cut -f1 "$WORK/expected" >"$WORK/files"
set --
while IFS= read -r file; do
	set -- "$@" "$BAD/$file"
done <"$WORK/files"
bad "$O" "$E" "$@"
check "$O" --argjson n "$n" --arg dir "$BAD/" --rawfile expected "$WORK/expected" <<'EOF'
length == $n and all(.[]; .valid == false and (.errors | length) == 1)
all(.[]; .name == null and .title == null and .step_count == null and .stage_count == null)
all(.[]; .channel_count == null and .journey_count == null)
all(.[]; .file == .errors[0].file and (.file | startswith($dir)))
all(.[].errors[0]; (.line | type) == "number" and (.column | type) == "number" and .line >= 1 and .column >= 1)
map(.file[($dir | length):] + "\t\(.errors[0].line):\(.errors[0].column): \(.errors[0].message)\n") | add == $expected
EOF
# One at a time gives the same object as among the others.
for k in 1 $((n / 2)) "$n"; do
	file=$(sed -n "${k}p" "$WORK/files")
	bad "$WORK/one.json" "$E" "$BAD/$file"
	check "$WORK/one.json" --slurpfile all "$O" --argjson k "$k" <<'EOF'
. == [$all[0][$k - 1]]
EOF
done

# ---- the bundled templates: valid, with the text output's figures
set -- "$GOOD"/*.yaml
ok "$O" "$E" check-template --json "$@"
jh check-template "$@" >"$WORK/text" || die "check-template (text) on the bundled templates"
check "$O" --argjson n "$#" --rawfile text "$WORK/text" <<'EOF'
length == $n and all(.[]; .valid == true and .errors == [])
all(.[]; (.step_count | type) == "number" and .step_count > 0 and .stage_count > 0 and .channel_count > 0)
all(.[]; (.journey_count | type) == "number" and (.title | length) > 0 and (.name | test("^[a-z0-9-]+$")))
map("\(.file): valid template \"\(.name)\": \(.step_count) agenda steps, \(.stage_count) stages, \(.channel_count) channels\n") | add == $text
.[] | select(.name == "payment-moment") | .title == "The payment moment" and .step_count == 13
.[] | select(.name == "payment-moment") | .stage_count == 5 and .channel_count == 8 and .journey_count == 1
EOF

# ---- Swedish and Norwegian text, and a path a JSON string must escape
MALL="$WORK/mall \"ö\" \\ å.yaml"
sed -e 's/^name: payment-moment$/name: betalning/' \
	-e 's/^title: The payment moment$/title: "Betalningsögonblicket – fakturaen på norsk: æ ø å"/' \
	"$GOOD/payment-moment.yaml" >"$MALL"
ok "$O" "$E" check-template --json "$MALL"
grep -qF '"file": "'"$WORK"'/mall \"ö\" \\ å.yaml"' "$O" || die "the path is not escaped as JSON"
check "$O" --arg mall "$MALL" <<'EOF'
.[0].file == $mall and .[0].valid == true
.[0].name == "betalning" and .[0].title == "Betalningsögonblicket – fakturaen på norsk: æ ø å"
EOF

# ---- valid and broken together: exit 1, all reported in order; a path
# holding ":LINE:COLUMN: " is not taken for the place of the error; a file
# that cannot be read has no place in it (line and column null)
TRASIG="$WORK/trasig:9:9: mall.yaml"
cp "$BAD/bad-view.yaml" "$TRASIG"
bad "$O" "$E" "$MALL" "$TRASIG" "$WORK/saknas.yaml"
check "$O" --arg trasig "$TRASIG" --arg saknas "$WORK/saknas.yaml" <<'EOF'
length == 3 and [.[].valid] == [true, false, false]
.[1].file == $trasig and .[1].errors[0].file == $trasig
.[1].errors[0] | .line == 13 and .column == 11 and (.message | startswith("view: unknown view \"kanban\""))
.[2].file == $saknas and .[2].errors[0].file == $saknas
.[2].errors[0] | .line == null and .column == null and (.message | length) > 0
EOF

# ---- without --json the same files still report on stderr
json "$O" "$E" check-template "$TRASIG"
[ "$rc" = 1 ] && grep -qF "$TRASIG:13:11: view: unknown view" "$E" || die "check-template without --json changed"

# ---- a bad command line: usage error, nothing on stdout
json "$O" "$E" check-template --json
[ "$rc" = 2 ] && [ ! -s "$O" ] || die "check-template --json without files: exit $rc"

echo "check-template --json: $n corpus files, $checks jq checks passed"
exit 0
