#!/bin/sh
# completion-zsh.sh: completions/_journeyhack in the real zsh: an
# interactive zsh in a pseudo-terminal (zsh/zpty) with compinit, a line
# typed and a Tab pressed (tests/cli/completion-capture.zsh); the matches
# its completion system offered and the line it left are compared.
. "${JH_SRCDIR:?}/tests/cli/completion-lib.sh"

command -v zsh >/dev/null || die "zsh is not installed: apt-get install zsh"
zsh -f -c 'zmodload zsh/zpty' || die "zsh has no zsh/zpty module"
# The function file alone loads in zsh and names the command it completes.
zsh -n "$JH_SRCDIR/completions/_journeyhack" || die "_journeyhack does not parse"
head -n 1 "$JH_SRCDIR/completions/_journeyhack" | grep -qx '#compdef journeyhack' ||
	die "_journeyhack does not start with #compdef journeyhack"

# The lines are typed into one zsh, in $WORK/filer, with $JOURNEYHACK_DB
# naming the database (loading the completion system once takes seconds):
# the cases run twice, first collecting the lines, then checking.
phase=collect
n=0

# comp LINE: the matches offered at its end in $got, the line after the
# Tab in $line_after.
comp() {
	n=$((n + 1))
	if [ $phase = collect ]; then
		printf '%s\n' "$1" >>"$WORK/zsh.lines"
		got="" line_after=""
		return
	fi
	got=$(cat "$WORK/zsh.out.$n")
	line_after=$(cat "$WORK/zsh.out.$n.line")
}

expect() {
	comp "$1"
	[ $phase = collect ] || same_words "$2" "$got" || die "[$1] offered:
$got
expected:
$2"
}

offers() {
	line=$1
	shift
	comp "$line"
	[ $phase = collect ] && return
	for w; do
		printf '%s\n' "$got" | grep -qxF -- "$w" || die "[$line] does not offer \"$w\": $got"
	done
}

# completes LINE AFTER: one Tab turns LINE into AFTER.
completes() {
	comp "$1"
	[ $phase = collect ] || [ "$line_after" = "$2" ] || die "[$1] became [$line_after], not [$2]"
}

cases() {
offers "journeyhack -d $DB " new list templates check-template add show set rm import export \
	Kundresa-Åre Fjelltur-Øst kvartalsplan 'Åsa&Øyvind'
completes "journeyhack ex" "journeyhack export "
completes "journeyhack -d $DB show Kund" "journeyhack -d $DB show Kundresa-Åre "
# The shell quotes what it inserts.
completes "journeyhack --db=$DB show Å" "journeyhack --db=$DB show Åsa\\&Øyvind "
expect "journeyhack rm F" Fjelltur-Øst
expect "journeyhack -d $WORK/saknas.db show " ""
[ ! -e "$WORK/saknas.db" ] || die "completion created a database"

completes "journeyhack --ver" "journeyhack --version "
offers "journeyhack -" -d --db --as --help --version
expect "journeyhack export W -" "-f
--format
-r
--report
-o
--output
--csv-raw
--journey
--csv-sep
--csv-bom"

help_kinds=$("$JH" --help | sed -n 's/^KIND: //p' | tr ' ' '\n')
expect "journeyhack -d $DB add Kundresa-Åre " "$help_kinds"
expect "journeyhack -d $DB set Kundresa-Åre " "$help_kinds
step
workshop"
offers "journeyhack add W painpoint " title severity status evidence
completes "journeyhack add W painpoint sev" "journeyhack add W painpoint severity="
completes "journeyhack set W workshop me" "journeyhack set W workshop method="
expect "journeyhack add W painpoint status=" "open
addressed
dropped"
completes "journeyhack add W painpoint title=Otydlig status=ad" \
	"journeyhack add W painpoint title=Otydlig status=addressed "
expect "journeyhack -d $DB add Kundresa-Åre painpoint author=" "Åsa
Øyvind"
completes "journeyhack -d $DB add Kundresa-Åre painpoint touchpoint=Rec" \
	"journeyhack -d $DB add Kundresa-Åre painpoint touchpoint=Receive\\ invoice "
expect "journeyhack set W touchpoint 3 score=" "-2
-1
0
1
2"

tpls=$(for f in "$JH_SRCDIR"/workshop-templates/*.yaml; do
	f=${f##*/}
	echo "${f%.yaml}"
done)
expect "journeyhack new Kundresa -t " "$tpls
betalningsogonblicket"
offers "journeyhack export W -f " md csv json yaml taskwarrior
completes "journeyhack export W --format=ta" "journeyhack export W --format=taskwarrior "
expect "journeyhack export W -r " "actions
backlog
report
painpoints"
expect "journeyhack import W x.csv --kind " "painpoints
ideas
actions
touchpoints"

completes "journeyhack export W -o åt" "journeyhack export W -o åtgärder.csv "
completes "journeyhack import W åt" "journeyhack import W åtgärder.csv "
}

cases
mkdir "$WORK/filer" && : >"$WORK/filer/åtgärder.csv" || die "mkdir"
(
	cd "$WORK/filer" || exit 1
	JOURNEYHACK_DB=$DB
	export JOURNEYHACK_DB
	tr '\n' '\0' <"$WORK/zsh.lines" |
		xargs -0 zsh -f "$JH_SRCDIR/tests/cli/completion-capture.zsh" \
			"$JH_SRCDIR/completions" "$WORK/zsh.out"
) || die "zsh could not complete the lines"
phase=check
n=0
cases
echo "zsh completion: ok"
