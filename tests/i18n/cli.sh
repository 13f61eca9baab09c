#!/bin/sh
# cli.sh: the command line speaks the user's language (gettext), chosen by
# the locale: LANGUAGE=sv, LC_ALL, LC_MESSAGES or LANG=sv_SE.UTF-8 give
# Swedish; C.UTF-8 gives English. What scripts read stays the same in
# every language (export files). Exit 0 pass, 1 fail.
set -u
: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JOURNEYHACK_LOCALEDIR:?JOURNEYHACK_LOCALEDIR is not set (run through make check)}"

fail=0
die() {
	echo "FAIL: $*" >&2
	exit 1
}
bad() {
	echo "FAIL: $*" >&2
	fail=1
}
[ -f "$JOURNEYHACK_LOCALEDIR/sv/LC_MESSAGES/journeyhack.mo" ] ||
	die "no built Swedish catalogue in $JOURNEYHACK_LOCALEDIR (make all builds it)"
locale -a 2>/dev/null | grep -qix 'sv_SE.utf8' ||
	die "the sv_SE.UTF-8 locale is not generated (run scripts/deps.sh)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-i18n-cli.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT HUP INT TERM
DB="$WORK/w.db"
export JOURNEYHACK_TODAY=2026-03-10 TZ=UTC
unset LC_ALL LC_MESSAGES LANG LANGUAGE JOURNEYHACK_DB

# jh ENV... -- ARGS...: run journeyhack with exactly these locale variables.
jh() {
	envs=""
	while [ "$1" != -- ]; do
		envs="$envs $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # the variables are words on purpose
	env $envs "$JH_BIN" -d "$DB" "$@"
}

# expect NAME WANT OUTPUT: OUTPUT has the text WANT.
expect() {
	printf '%s\n' "$3" | grep -F -q -- "$2" || bad "$1: lacks \"$2\"; got: $(printf '%s\n' "$3" | head -n 3)"
}

out=$(jh LC_ALL=C.UTF-8 -- new pay -t payment-moment 2>&1) || die "new: $out"
expect "new, English" "created workshop pay" "$out"
jh LC_ALL=C.UTF-8 -- add pay participant "name=Åsa Öberg" role=facilitator >/dev/null || die "add Åsa"
jh LC_ALL=C.UTF-8 -- add pay participant "name=Øyvind Sæther" >/dev/null || die "add Øyvind"
jh LC_ALL=C.UTF-8 -- add pay action "title=Rätta fakturans språk" owner=Øyvind due=2026-04-01 \
	>/dev/null || die "add action"

# Each way of choosing Swedish, then English.
for envs in "LC_ALL=C.UTF-8 LANGUAGE=sv" "LC_ALL=sv_SE.UTF-8" "LANG=sv_SE.UTF-8" \
	"LANG=C.UTF-8 LC_MESSAGES=sv_SE.UTF-8"; do
	# shellcheck disable=SC2086
	err=$(jh $envs -- show nosuch 2>&1) && bad "$envs: show nosuch succeeded"
	expect "$envs: error" 'journeyhack: ingen workshop "nosuch" i' "$err"
	# shellcheck disable=SC2086
	help=$(jh $envs -- --help 2>&1) || bad "$envs: --help failed"
	expect "$envs: --help" "Användning:" "$help"
	expect "$envs: --help" "visa den här hjälpen" "$help"
	# Command and option names stay as typed.
	expect "$envs: --help" "journeyhack [-d DB] new NAME [-t TEMPLATE]" "$help"
done

for envs in "LC_ALL=C.UTF-8" "LANG=C.UTF-8" "LC_ALL=C.UTF-8 LANGUAGE="; do
	# shellcheck disable=SC2086
	err=$(jh $envs -- show nosuch 2>&1) && bad "$envs: show nosuch succeeded"
	expect "$envs: error" 'journeyhack: no workshop "nosuch" in' "$err"
	# shellcheck disable=SC2086
	help=$(jh $envs -- --help 2>&1)
	expect "$envs: --help" "Usage:" "$help"
	expect "$envs: --help" "show this help" "$help"
done

# Option errors, usage lines and table headings.
err=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- --size 0 2>&1)
expect "--size, Swedish" "journeyhack: --size 0: väntade KOLUMNERxRADER, t.ex. 80x24" "$err"
table=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- show pay actions 2>&1)
expect "show actions, Swedish" "ANSVARIG" "$table"
expect "show actions, Swedish" "Rätta fakturans språk" "$table"
table=$(jh LC_ALL=C.UTF-8 -- show pay actions 2>&1)
expect "show actions, English" "OWNER" "$table"

# The summary's section headings.
out=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- show pay 2>&1)
expect "show, Swedish" "Deltagare (2)" "$out"

# A count takes the language's plural form (ngettext): Åsa's 2 + 2 dots
# trimmed to 1 per idea (2 go), then to a budget of 1 (1 goes).
jh LC_ALL=C.UTF-8 -- add pay idea "title=Tydligare faktura" >/dev/null &&
	jh LC_ALL=C.UTF-8 -- add pay idea "title=Enklare språk" >/dev/null &&
	jh LC_ALL=C.UTF-8 -- add pay vote idea=1 "participant=Åsa Öberg" dots=2 >/dev/null &&
	jh LC_ALL=C.UTF-8 -- add pay vote idea=2 "participant=Åsa Öberg" dots=2 >/dev/null ||
	die "cannot add the ideas and votes"
out=$(jh LC_ALL=sv_SE.UTF-8 -- set pay workshop 1 max_dots=1 --trim 2>&1)
expect "trim 2, Swedish" "tog bort 2 prickar" "$out"
out=$(jh LC_ALL=sv_SE.UTF-8 -- set pay workshop 1 dots=1 --trim 2>&1)
expect "trim 1, Swedish" "tog bort 1 prick" "$out"
printf '%s\n' "$out" | grep -q prickar && bad "trim 1, Swedish: plural used for 1: $out"

# Messages of the CSV import, the exports and the kinds, in Swedish and
# Norwegian: kinds by their display names, never the command-line ones.
jh LC_ALL=C.UTF-8 -- export pay -f csv -r actions -o "$WORK/actions.csv" >/dev/null ||
	die "export the actions as CSV"
out=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- import pay "$WORK/actions.csv" -k actions 2>&1)
expect "import summary, Swedish" "importerade 1 åtgärdspunkt från" "$out"
expect "import summary, Swedish" "0 tillagda, 0 uppdaterade, 1 oförändrade" "$out"
out=$(jh LANGUAGE=nb LC_ALL=C.UTF-8 -- import pay "$WORK/actions.csv" -k actions 2>&1)
expect "import summary, Norwegian" "importerte 1 tiltak fra" "$out"
expect "import summary, Norwegian" "0 lagt til, 0 oppdatert, 1 uendret" "$out"
printf 'title,owner\n"Öppna frågor,Åsa\n' >"$WORK/open.csv"
err=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- import pay "$WORK/open.csv" -k actions 2>&1) &&
	bad "import of an unclosed quote succeeded"
expect "CSV error, Swedish" "open.csv:2:1: oavslutat citerat fält" "$err"
err=$(jh LANGUAGE=nb LC_ALL=C.UTF-8 -- import pay "$WORK/open.csv" -k actions --csv-sep x 2>&1) &&
	bad "import with --csv-sep x succeeded"
expect "CSV separator, Norwegian" 'import: --csv-sep "x": skilletegnet er , ; eller tab' "$err"
err=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- export pay -f nosuch 2>&1) && bad "export -f nosuch succeeded"
expect "unknown format, Swedish" 'okänt format "nosuch" (md, csv, json' "$err"
err=$(jh LANGUAGE=nb LC_ALL=C.UTF-8 -- export pay -f nosuch 2>&1) && bad "export -f nosuch succeeded"
expect "unknown format, Norwegian" 'ukjent format "nosuch" (md, csv, json' "$err"
out=$(jh LANGUAGE=sv LC_ALL=C.UTF-8 -- add pay painpoint touchpoint=1 "title=Svår blankett" 2>&1)
expect "add, Swedish" "lade till smärtpunkt" "$out"
err=$(jh LANGUAGE=nb LC_ALL=C.UTF-8 -- rm pay touchpoint 1 2>&1) && bad "rm of a touchpoint with pain points succeeded"
expect "rm refused, Norwegian" "kontaktpunkt 1 har fortsatt smertepunkt knyttet til seg (1)" "$err"
# The interface's form title (replayed keys: the pain view, then a).
printf '3\na\n' >"$WORK/keys"
for l in "sv Lägg till smärtpunkt" "nb Legg til smertepunkt"; do
	jh LANGUAGE="${l%% *}" LC_ALL=C.UTF-8 -- --replay "$WORK/keys" --dump-screen "$WORK/screen" pay ||
		bad "replay in ${l%% *} failed"
	expect "form title, ${l%% *}" "${l#* }" "$(cat "$WORK/screen" 2>/dev/null)"
	grep -q painpoint "$WORK/screen" && bad "${l%% *}: the screen says painpoint"
done
# A status is shown in the language and stored as typed.
expect "status shown, Norwegian" " åpen" "$(cat "$WORK/screen" 2>/dev/null)"
out=$(jh LANGUAGE=nb LC_ALL=C.UTF-8 -- show pay painpoints --json 2>&1)
expect "status stored" '"status": "open"' "$out"

# Files that programs read are the same in every language; the reports
# (md, svg, html) stay English for now.
for f in csv json yaml md taskwarrior jira-csv gitlab-csv ical todotxt svg html; do
	case $f in csv | taskwarrior) r="-r actions" ;; *) r="" ;; esac
	# shellcheck disable=SC2086
	jh LC_ALL=C.UTF-8 -- export pay -f $f $r -o "$WORK/en.$f" >/dev/null 2>&1 ||
		bad "export -f $f in English failed"
	# shellcheck disable=SC2086
	jh LC_ALL=sv_SE.UTF-8 -- export pay -f $f $r -o "$WORK/sv.$f" >/dev/null 2>&1 ||
		bad "export -f $f in Swedish failed"
	cmp -s "$WORK/en.$f" "$WORK/sv.$f" || bad "export -f $f differs between English and Swedish"
done

[ $fail -eq 0 ] && echo "cli: Swedish and English chosen by the locale"
exit $fail
