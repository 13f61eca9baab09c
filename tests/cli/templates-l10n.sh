#!/bin/sh
# templates-l10n.sh: the Swedish and Norwegian bundled templates.
#
# Every bundled template, English or translated, passes check-template
# and is listed by templates. A workshop made from each translation holds
# the translated texts (agenda, notes, stages, channels, starter journey,
# prompts) and the same structure as one made from the English original:
# the same steps with the same days, timeboxes, views and privacy, the
# same number of stages and channels, the same voting, and touchpoints
# with the same scores, reach and potential. Read back with jq from the
# JSON export. Then the default template of new follows the locale.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

JQ=${JQ_BIN:-$(command -v jq || true)}
[ -n "$JQ" ] && [ -x "$JQ" ] || die "jq is needed to read the JSON export (apt-get install jq)"
TPL=$JH_SRCDIR/workshop-templates
DB=$WORK/w.db

# Every bundled template is valid, and the translations are among them.
n=0
for f in "$TPL"/*.yaml; do
	out=$(jh check-template "$f") || die "check-template refused $f"
	case $out in
	"$f: valid template \"$(basename "$f" .yaml)\":"*) ;;
	*) die "check-template $f said: $out" ;;
	esac
	n=$((n + 1))
done
[ "$n" -ge 7 ] || die "only $n bundled templates"
list=$(jh templates) || die "templates failed"
for t in customer-journey-hackathon-sv:Kundresehackathon \
	customer-journey-hackathon-nb:Kundereisehackathon \
	payment-moment-sv:Betalningsögonblicket payment-moment-nb:Betalingsøyeblikket; do
	name=${t%%:*} title=${t#*:}
	[ -f "$TPL/$name.yaml" ] || die "$name.yaml is not bundled"
	printf '%s\n' "$list" | grep -q "^$name  *$title  " || die "templates does not list $name as $title: $list"
	grep -q "^language: ${name##*-}\$" "$TPL/$name.yaml" || die "$name.yaml does not declare language ${name##*-}"
done

# The shape of a workshop, without its words: what a translation keeps
# (a touchpoint's stage by its place in the journey, ids differ).
# shellcheck disable=SC2016 # $j and $s are jq's
shape='[.method, .dots, .max_dots, .anonymous, (.default_stages | length),
	(.channels | length), (.prompts | length),
	(.steps | map([.day, .minutes, .view, .private])),
	(.journeys | map(. as $j | [(.stages | length),
		(.touchpoints | map([(.stage as $s | $j.stages | map(.id) | index($s)),
			.score, .reach, .potential]))]))]'
# Its words: every text a facilitator reads, one per line.
words='[.title, .description, .default_stages[], .channels[], .prompts[],
	(.steps[] | .title, .notes),
	(.journeys[] | .name, .description, .stages[].name,
		(.touchpoints[] | .name, .owner))] | .[]'

export_new() { # NAME TEMPLATE: create the workshop and print its JSON
	jh -d "$DB" new "$1" -t "$2" >/dev/null || die "new $1 -t $2 failed"
	jh -d "$DB" export "$1" -f json || die "export $1 failed"
}

check_translation() { # ENGLISH TRANSLATED FIRST-STEP STAGE JOURNEY
	en=$(export_new "$2-en" "$1") || exit 1
	tr=$(export_new "$2" "$2") || exit 1
	a=$(printf '%s' "$en" | "$JQ" -c "$shape") || die "jq on $1"
	b=$(printf '%s' "$tr" | "$JQ" -c "$shape") || die "jq on $2"
	[ "$a" = "$b" ] || die "$2 differs in structure from $1:
$a
$b"
	[ "$(printf '%s' "$tr" | "$JQ" -r .template)" = "$2" ] || die "$2: wrong template recorded"
	[ "$(printf '%s' "$tr" | "$JQ" -r '.steps[0].title')" = "$3" ] ||
		die "$2: first step is not \"$3\""
	# shellcheck disable=SC2016 # $s and $j are jq's
	printf '%s' "$tr" | "$JQ" -e --arg s "$4" '.default_stages | index($s)' >/dev/null ||
		die "$2: no stage \"$4\""
	# shellcheck disable=SC2016
	printf '%s' "$tr" | "$JQ" -e --arg j "$5" \
		'($j == "") or (.journeys | map(.name) | index($j))' >/dev/null ||
		die "$2: no starter journey \"$5\""
	# Every facilitator note is translated, none left in English.
	same=$(printf '%s' "$en$tr" | "$JQ" -rs '[.[0].steps, .[1].steps] | transpose |
		map(select(.[0].notes == .[1].notes) | .[0].title) | .[]')
	[ -z "$same" ] || die "$2 keeps English notes: $same"
	# No English text at all, except words both languages share (app, Lunch, ...).
	printf '%s' "$en" | "$JQ" -r "$words" | sort -u >"$WORK/en.txt"
	printf '%s' "$tr" | "$JQ" -r "$words" | sort -u >"$WORK/tr.txt"
	shared=$(comm -12 "$WORK/en.txt" "$WORK/tr.txt" | grep -Evx 'app|Lunch|chat|ICE|' || true)
	[ -z "$shared" ] || die "$2 keeps English text: $shared"
}

check_translation customer-journey-hackathon customer-journey-hackathon-sv \
	"Uppstart med ledningen" "Förnya eller lämna" ""
check_translation customer-journey-hackathon customer-journey-hackathon-nb \
	"Oppstart med ledelsen" "Fornye eller avslutte" ""
check_translation payment-moment payment-moment-sv \
	"Varför fakturan är viktig" "Bekräfta" "Betala fakturan"
check_translation payment-moment payment-moment-nb \
	"Hvorfor fakturaen betyr noe" "Bekrefte" "Betale fakturaen"

# new without -t: the hackathon in the user's language.
# Each case makes workshop dN; one list at the end reads back their
# templates (its rows are ID NAME CREATED TEMPLATE TITLE in any language).
n=0
: >"$WORK/want"
default_is() { # EXPECTED VAR=VALUE...: the template new picks in that environment
	n=$((n + 1))
	printf 'd%s %s %s\n' "$n" "$1" "$*" >>"$WORK/want"
	shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$JH" -d "$DB" new "d$n" \
		</dev/null >/dev/null || die "new d$n with $* failed"
}
H=customer-journey-hackathon
# The rules in full are test_template_locale's; these prove new follows them.
default_is "$H"
default_is "$H-sv" LANG=sv_SE.UTF-8
default_is "$H-nb" LC_MESSAGES=no_NO.UTF-8 LANG=en_GB.UTF-8
default_is "$H" LC_ALL=C.UTF-8 LANG=sv_SE.UTF-8
default_is "$H-nb" LANGUAGE=de:nb LC_ALL=C.UTF-8
default_is "$H" LANGUAGE=en:sv LANG=sv_SE.UTF-8
default_is "$H" LANGUAGE=sv LC_ALL=C
default_is "$H" LANG=de_DE.UTF-8

# A template named on the command line wins over the locale.
n=$((n + 1))
printf 'd%s payment-moment LANG=sv_SE.UTF-8 -t payment-moment\n' "$n" >>"$WORK/want"
LANG=sv_SE.UTF-8 "$JH" -d "$DB" new "d$n" -t payment-moment </dev/null >/dev/null || die "new -t"

# A translation of the user's own on the template path is found the same way.
mkdir "$WORK/tpl" || die "mkdir"
sed 's/^name: customer-journey-hackathon$/name: customer-journey-hackathon-de/
s/^title: .*/title: Kundenreise-Hackathon/' "$TPL/$H.yaml" >"$WORK/tpl/$H-de.yaml" || die "sed"
default_is "$H-de" JOURNEYHACK_TEMPLATE_PATH="$WORK/tpl" LANG=de_DE.UTF-8
default_is "$H-sv" JOURNEYHACK_TEMPLATE_PATH="$WORK/tpl" LANG=sv_SE.UTF-8
jh -d "$DB" list >"$WORK/list" || die "list failed"
while read -r name want env; do
	got=$(awk -v n="$name" '$2 == n { print $4 }' "$WORK/list")
	[ "$got" = "$want" ] || die "with ${env#* }: template ${got:-none}, expected $want"
done <"$WORK/want"
echo "ok: $n defaults, 4 translations"
