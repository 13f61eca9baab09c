#!/bin/sh
# completion-fish.sh: completions/journeyhack.fish in the real fish, asked
# with `complete -C LINE` what it offers at the end of LINE.
. "${JH_SRCDIR:?}/tests/cli/completion-lib.sh"

command -v fish >/dev/null || die "fish is not installed: apt-get install fish"
SCRIPT=$JH_SRCDIR/completions/journeyhack.fish

# comp LINE: fish's offers at the end of LINE, one a line, in $got.
comp() {
	# shellcheck disable=SC2016 # fish expands them
	got=$(JH_LINE=$1 fish --no-config -c 'source $argv[1]; or exit 1
		complete -C $JH_LINE' "$SCRIPT" 2>"$WORK/fish.err" | cut -f1) ||
		die "fish failed on [$1]: $(cat "$WORK/fish.err")"
	[ ! -s "$WORK/fish.err" ] || die "fish complained on [$1]: $(cat "$WORK/fish.err")"
}

expect() {
	comp "$1"
	same_words "$2" "$got" || die "[$1] offered:
$got
expected:
$2"
}

offers() {
	line=$1
	shift
	comp "$line"
	for w; do
		printf '%s\n' "$got" | grep -qxF -- "$w" || die "[$line] does not offer \"$w\": $got"
	done
}

# Commands and the workshops to open, from the database -d names.
offers "journeyhack -d $DB " new list templates check-template add show set rm import export \
	Kundresa-Åre Fjelltur-Øst kvartalsplan 'Åsa&Øyvind'
expect "journeyhack ex" export
expect "journeyhack -d $DB show K" Kundresa-Åre
expect "journeyhack --db=$DB export Fj" Fjelltur-Øst
JOURNEYHACK_DB=$DB expect "journeyhack rm Å" 'Åsa&Øyvind'
expect "journeyhack -d $WORK/saknas.db show " ""
[ ! -e "$WORK/saknas.db" ] || die "completion created a database"

# Options, global and the command's.
expect "journeyhack --ve" --version
offers "journeyhack -" -d --db --as --help --version
expect "journeyhack export W --" "--csv-bom
--csv-raw
--csv-sep
--format
--journey
--output
--report"
expect "journeyhack set W painpoint 1 --t" --trim

# Kinds, fields and values.
help_kinds=$("$JH" --help | sed -n 's/^KIND: //p' | tr ' ' '\n')
expect "journeyhack -d $DB add Kundresa-Åre " "$help_kinds"
expect "journeyhack -d $DB set Kundresa-Åre " "$help_kinds
step
workshop"
offers "journeyhack add W painpoint " title= severity= status= evidence=
expect "journeyhack add W painpoint sev" severity=
expect "journeyhack set W workshop me" method=
expect "journeyhack add W painpoint status=" "status=open
status=addressed
status=dropped"
expect "journeyhack add W painpoint title=Otydlig status=ad" status=addressed
expect "journeyhack set W touchpoint 3 score=" "score=-2
score=-1
score=0
score=1
score=2"
expect "journeyhack add W action status=do" "status=doing
status=done"
expect "journeyhack -d $DB add Kundresa-Åre painpoint author=" "author=Åsa
author=Øyvind"
expect "journeyhack -d $DB add Kundresa-Åre painpoint touchpoint=Rec" "touchpoint=Receive invoice"

# Templates, formats, reports and the choices a synopsis lists.
tpls=$(for f in "$JH_SRCDIR"/workshop-templates/*.yaml; do
	f=${f##*/}
	echo "${f%.yaml}"
done)
expect "journeyhack new Kundresa -t " "$tpls
betalningsogonblicket"
offers "journeyhack export W -f " md csv json yaml taskwarrior
expect "journeyhack export W --format=ta" --format=taskwarrior
expect "journeyhack export W -r " "actions
backlog
painpoints
report"
expect "journeyhack import W x.csv --kind " "actions
ideas
painpoints
touchpoints"

# Files where a file is wanted, nothing for free text.
mkdir "$WORK/filer" && : >"$WORK/filer/åtgärder.csv" || die "mkdir"
cd "$WORK/filer" || die "cd"
expect "journeyhack export W -o åt" åtgärder.csv
expect "journeyhack import W åt" åtgärder.csv
expect "journeyhack new " ""
echo "fish completion: ok"
