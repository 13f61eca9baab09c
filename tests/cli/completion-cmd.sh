#!/bin/sh
# completion-cmd.sh: the hidden `journeyhack complete` the completion
# scripts ask. Its lists match what the program accepts (every kind it
# lists is one `show` takes, every field one `add` or `set` knows, every
# value one it stores); bad requests get one line and exit status 2; a
# missing database is reported (exit 3) and not created.
. "${JH_SRCDIR:?}/tests/cli/completion-lib.sh"

# fails STATUS NEEDLE ARGS...: exit STATUS, one line on stderr holding
# NEEDLE, nothing on stdout.
fails() {
	want=$1 needle=$2
	shift 2
	out=$("$JH" "$@" 2>"$WORK/err")
	rc=$?
	[ $rc -eq "$want" ] || die "$* exited $rc, not $want"
	[ -z "$out" ] || die "$* printed: $out"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || die "$*: not one line: $(cat "$WORK/err")"
	grep -qF -- "$needle" "$WORK/err" || die "$*: \"$(cat "$WORK/err")\" lacks \"$needle\""
}

fails 2 'unknown request "nonsense"' complete nonsense
fails 2 'unknown kind "kundresa"' complete fields kundresa
fails 2 'painpoint has no field "allvarlighet"' complete values painpoint allvarlighet
fails 2 'unknown command "exportera"' complete options exportera
fails 2 'export has no option "--färg"' complete optarg export --färg
fails 2 'unknown option "--färg"' complete optarg - --färg
fails 2 'fields takes 1 to 1 arguments, not 0' complete fields
fails 3 "$WORK/saknas.db" -d "$WORK/saknas.db" complete workshops
[ ! -e "$WORK/saknas.db" ] || die "complete workshops created the database"

# The workshops, as list has them, and nothing written to the database.
before=$(cksum <"$DB")
got=$("$JH" -d "$DB" complete workshops) || die "complete workshops failed"
same_words "Kundresa-Åre
Fjelltur-Øst
kvartalsplan
Åsa&Øyvind" "$got" || die "workshops: $got"
[ "$(cksum <"$DB")" = "$before" ] || die "complete workshops changed the database"

# Every kind listed is one the program takes, and its fields are the
# ones the program names when it refuses a field it does not know.
W=Kundresa-Åre
for k in $("$JH" complete kinds); do
	"$JH" -d "$DB" show "$W" "$k" >/dev/null 2>&1 || die "show refuses the kind $k"
	case $k in
	workshop) err=$("$JH" -d "$DB" set "$W" workshop ingen=x 2>&1) ;;
	step) err=$("$JH" -d "$DB" set "$W" step 1 ingen=x 2>&1) ;;
	*) err=$("$JH" -d "$DB" add "$W" "$k" ingen=x 2>&1) ;;
	esac
	named=$(printf '%s\n' "$err" | sed -n 's/.*(fields: \(.*\))$/\1/p' | sed 's/, /\n/g')
	[ -n "$named" ] || die "no field list in: $err"
	same_words "$named" "$("$JH" complete fields "$k")" || die "fields of $k differ from: $err"
done
"$JH" -d "$DB" add "$W" painpoint title="Otydlig faktura" >/dev/null || die "add painpoint"
for v in $("$JH" complete values painpoint status); do
	"$JH" -d "$DB" set "$W" painpoint 1 status="$v" >/dev/null || die "status=$v is refused"
done
for v in $("$JH" complete values painpoint severity); do
	"$JH" -d "$DB" set "$W" painpoint 1 severity="$v" >/dev/null || die "severity=$v is refused"
done
for v in $("$JH" complete values step private); do
	"$JH" -d "$DB" set "$W" step 1 private="$v" >/dev/null || die "private=$v is refused"
done
# A reference offers the names in the workshop, each one add takes.
got=$("$JH" -d "$DB" complete values painpoint author "$W") || die "values of author"
same_words "Åsa
Øyvind" "$got" || die "authors offered: $got"
"$JH" -d "$DB" complete values painpoint author "$W" | while IFS= read -r v; do
	"$JH" -d "$DB" add "$W" painpoint title="Från $v" author="$v" >/dev/null ||
		die "author=$v is refused"
done || exit 1
"$JH" -d "$DB" complete values painpoint touchpoint "$W" | while IFS= read -r v; do
	"$JH" -d "$DB" add "$W" painpoint title="Vid $v" touchpoint="$v" >/dev/null ||
		die "touchpoint=$v is refused"
done || exit 1
fails 1 'no workshop "Ingenstans"' -d "$DB" complete values painpoint author Ingenstans
# Free text and long ranges offer nothing.
[ -z "$("$JH" complete values painpoint title)" ] || die "values offered for a title"
[ -z "$("$JH" complete values touchpoint reach)" ] || die "101 values offered for reach"

# Each option's value is one of the kinds the scripts know.
for c in $("$JH" complete commands); do
	for o in $("$JH" complete options "$c"); do
		what=$("$JH" complete optarg "$c" "$o") || die "optarg $c $o"
		case $what in
		flag | file | text | templates | formats | reports | choices) ;;
		*) die "optarg $c $o: $what" ;;
		esac
	done
done
echo "complete command: ok"
