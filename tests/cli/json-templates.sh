#!/bin/sh
# json-templates.sh: `templates --json` is an array of the templates
# found, sorted by name, read by jq: name, title and path exact (Swedish
# and Norwegian included), the first of a name found winning, a broken one
# invalid with its error taken apart into file, line, column and message,
# and `[]` when none is found.
. "${JH_SRCDIR:?}/tests/cli/json-lib.sh"

O="$WORK/out.json" E="$WORK/err"
MALLAR="$WORK/mallar"
mkdir -p "$MALLAR" "$WORK/home" "$WORK/tom"
HOME="$WORK/home"
export HOME
unset XDG_DATA_HOME

# A template of our own, a Swedish copy of a bundled one under its name
# (found first, so it wins), and a broken one.
sed -e 's/^name: payment-moment$/name: betalning/' \
	-e 's/^title: The payment moment$/title: "Betalningsögonblicket – på norsk: æ ø å"/' \
	"$JH_SRCDIR/workshop-templates/payment-moment.yaml" >"$MALLAR/betalning.yaml"
sed -e 's/^title: The payment moment$/title: "Betalningen, på svenska"/' \
	"$JH_SRCDIR/workshop-templates/payment-moment.yaml" >"$MALLAR/payment-moment.yaml"
cp "$JH_SRCDIR/tests/data/templates-bad/bad-view.yaml" "$MALLAR/trasig.yaml"
want=$(grep '^bad-view.yaml	' "$JH_SRCDIR/tests/data/templates-bad/EXPECTED" | cut -f2)

JOURNEYHACK_TEMPLATE_PATH=$MALLAR
export JOURNEYHACK_TEMPLATE_PATH
ok "$O" "$E" templates --json
jh templates >"$WORK/text" || die "templates (text)"
check "$O" --arg dir "$MALLAR" --arg want "$want" --argjson rows "$(($(wc -l <"$WORK/text") - 1))" <<'EOF'
type == "array" and length == $rows
[.[].name] == ([.[].name] | sort) and ([.[].name] | unique | length) == length
all(.[]; (.valid | type) == "boolean" and (.path | type) == "string" and (.errors | type) == "array")
.[] | select(.name == "betalning") | .title == "Betalningsögonblicket – på norsk: æ ø å" and .path == $dir + "/betalning.yaml"
.[] | select(.name == "betalning") | .valid == true and .errors == []
.[] | select(.name == "payment-moment") | .title == "Betalningen, på svenska" and .path == $dir + "/payment-moment.yaml"
.[] | select(.name == "trasig") | .valid == false and .title == null and (.errors | length) == 1
.[] | select(.name == "trasig") | .errors[0] | .file == $dir + "/trasig.yaml" and "\(.line):\(.column): \(.message)" == $want
.[] | select(.name == "customer-journey-hackathon") | .valid == true and .title == "Customer Journey Hackathon"
EOF

# ---- none found: "[]". The build tree's templates are found through a
# marker beside the binary, so a copy without it is used; an installed
# data folder with templates would be listed by both forms alike.
mkdir -p "$WORK/bin"
cp "$JH" "$WORK/bin/journeyhack"
JOURNEYHACK_TEMPLATE_PATH="$WORK/tom" "$WORK/bin/journeyhack" templates --json >"$O" 2>"$E" </dev/null ||
	die "templates --json with no templates: $(cat "$E")"
[ ! -s "$E" ] || die "templates --json with no templates wrote to stderr: $(cat "$E")"
JOURNEYHACK_TEMPLATE_PATH="$WORK/tom" "$WORK/bin/journeyhack" templates >"$WORK/text" </dev/null ||
	die "templates (text) with no templates"
if grep -q '^no templates found' "$WORK/text"; then
	[ "$(cat "$O")" = "[]" ] || die "no templates is not []: $(cat "$O")"
else
	echo "note: templates are installed on this machine; the empty list was not seen" >&2
	check "$O" --argjson rows "$(($(wc -l <"$WORK/text") - 1))" <<'EOF'
length == $rows
EOF
fi

echo "templates --json: $checks jq checks passed"
exit 0
