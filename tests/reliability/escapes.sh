#!/bin/sh
# escapes.sh: hostile item text is stored as given and shown harmlessly.
#
# Text with terminal escape sequences (OSC 0 title change ESC ] 0 ; ... BEL,
# ESC [ 2 J clear screen, a C1 CSI, DEL, backspaces), SQL-looking text and
# markup goes in through the command line and a CSV import. It must come
# back unchanged where the format can carry it (the JSON and YAML exports
# escape it; a YAML round trip restores it byte for byte), and no plain-text
# output -- show, list, the markdown and CSV exports, error messages, the
# interface's screen dump -- may contain a raw control character other than
# newline (and tab, CR, where a format allows them).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

DB="$WORK/w.db"
ESC=$(printf '\033')
BEL=$(printf '\007')
HOSTILE="${ESC}]0;pwned${BEL}title ${ESC}[2J${ESC}[31mred $(printf '\302\233')6n del$(printf '\177') bs$(printf '\010\010')X"
SQL="Robert'); DROP TABLE parking; -- \"quoted\" OR 1=1"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w participant "name=Eve $HOSTILE" >/dev/null || die "hostile participant"
jh -d "$DB" add w parking "text=$HOSTILE" >/dev/null || die "hostile parking text"
jh -d "$DB" add w parking "text=$SQL" >/dev/null || die "SQL-looking text"
jh -d "$DB" add w idea "title=$HOSTILE" "belief=$SQL" >/dev/null || die "hostile idea"
jh -d "$DB" add w action "title=$HOSTILE" "owner=$HOSTILE" due=2026-12-15 >/dev/null || die "hostile action"
printf 'title,evidence\n"%s","%s"\n' "$HOSTILE" "$(echo "$SQL" | sed 's/"/""/g')" >"$WORK/pp.csv"
jh -d "$DB" import w "$WORK/pp.csv" --kind painpoints >/dev/null || die "hostile CSV import"
checks=0

# Raw control characters other than LF, TAB, CR: the terminal would act
# on them.
raw_controls() {
	LC_ALL=C tr -d '\n\t\r' <"$1" | LC_ALL=C grep -c "$(printf '[\001-\037\177]')"
}
safe() { # LABEL FILE
	n=$(raw_controls "$2")
	[ "$n" -eq 0 ] || die "$1: $n lines with raw control characters"
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$2"; then
		die "$1: a raw C1 control character"
	fi
	checks=$((checks + 1))
}

for c in "show w" "show w parking" "show w idea" "show w action" "show w participant" \
	"show w painpoint" "list" "export w" "export w -r backlog" "export w -r report" \
	"export w -f csv" "export w -f csv -r backlog" "export w -f json" "export w -f yaml" \
	"export w -f taskwarrior"; do
	# shellcheck disable=SC2086 # c holds words
	jh -d "$DB" $c >"$WORK/out" 2>"$WORK/err" || die "$c failed: $(cat "$WORK/err")"
	safe "$c" "$WORK/out"
done
# Error messages quote user text too.
jh -d "$DB" add w parking "text=$HOSTILE" "author=$HOSTILE" >/dev/null 2>"$WORK/err" &&
	die "an unknown author was accepted"
safe "an error naming hostile text" "$WORK/err"
jh -d "$DB" show "w$HOSTILE" >/dev/null 2>"$WORK/err" && die "an unknown workshop was accepted"
safe "an error naming a hostile workshop" "$WORK/err"

# Stored exactly: the JSON export escapes, jq decodes it back.
JQ=${JQ_BIN:-$(command -v jq || true)}
if [ -n "$JQ" ]; then
	got=$(jh -d "$DB" export w -f json | "$JQ" -r '.parking[0].text')
	[ "$got" = "$HOSTILE" ] || die "the hostile text did not come back from JSON"
	got=$(jh -d "$DB" export w -f json | "$JQ" -r '.parking[1].text')
	[ "$got" = "$SQL" ] || die "the SQL-looking text did not come back literally"
	got=$(jh -d "$DB" export w -f json | "$JQ" -r '.painpoints[0].title')
	[ "$got" = "$HOSTILE" ] || die "the CSV-imported hostile text did not come back"
	checks=$((checks + 3))
fi
# The YAML round trip restores every byte.
jh -d "$DB" export w -f yaml >"$WORK/w.yaml" || die "yaml export"
jh -d "$WORK/copy.db" import w "$WORK/w.yaml" >/dev/null || die "yaml import of hostile text"
jh -d "$WORK/copy.db" export w -f yaml >"$WORK/w2.yaml" || die "yaml export of the copy"
cmp -s "$WORK/w.yaml" "$WORK/w2.yaml" || die "the YAML round trip changed hostile text"
# Nothing was run as SQL: every table is still there and counted.
[ "$(jh -d "$DB" show w parking | grep -c '^ *[0-9]')" -eq 2 ] || die "parking entries lost"
checks=$((checks + 2))

# The interface's screen dump, once the interface can be replayed.
ui=
if "$JH" --help | grep -q -- --replay; then
	printf '7' >"$WORK/parking.keys"
	if "$JH" -d "$DB" --replay "$WORK/parking.keys" --size 100x30 --dump-screen "$WORK/screen" w \
		</dev/null >/dev/null 2>"$WORK/err"; then
		safe "the interface's parking lot" "$WORK/screen"
		grep -q "pwned" "$WORK/screen" || die "the hostile text is not on the screen at all"
		printf '4' >"$WORK/backlog.keys"
		"$JH" -d "$DB" --replay "$WORK/backlog.keys" --size 100x30 --dump-screen "$WORK/screen" w \
			</dev/null >/dev/null 2>"$WORK/err" || die "replay of the backlog: $(cat "$WORK/err")"
		safe "the interface's backlog" "$WORK/screen"
		ui=" and the interface's screen dumps"
	else
		echo "escapes: the interface cannot replay yet ($(cat "$WORK/err")); its screens are left out"
	fi
fi
echo "escapes: $checks checks: hostile and SQL-looking text stored exactly, shown without raw control characters in show, list, every export, error messages$ui"
