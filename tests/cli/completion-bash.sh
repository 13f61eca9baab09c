#!/bin/bash
# completion-bash.sh: completions/journeyhack.bash run by bash-completion.
# Each case splits a command line as readline does (words broken at
# blanks and at "=" and ":" outside quotes), sets COMP_WORDS, COMP_CWORD,
# COMP_LINE and COMP_POINT, calls the function `complete -p journeyhack`
# names and compares COMPREPLY with what the program accepts.
. "${JH_SRCDIR:?}/tests/cli/completion-lib.sh"

BC=/usr/share/bash-completion/bash_completion
[ -r "$BC" ] || die "bash-completion is not installed ($BC): apt-get install bash-completion"
# bash_completion reads unset variables and returns non-zero on purpose.
# shellcheck disable=SC1090
. "$BC" || die "cannot load $BC"
# shellcheck disable=SC1091
. "$JH_SRCDIR/completions/journeyhack.bash" || die "the script does not load"
spec=$(complete -p journeyhack) || die "the script registers no completion for journeyhack"
func=${spec#*-F }
func=${func%% *}

# Split $1 into COMP_WORDS as readline does; the cursor is at its end.
split_line() {
	local line=$1 w="" q="" c i inword=0
	COMP_WORDS=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [[ $q ]]; then
			w+=$c
			[[ $c == "$q" ]] && q=""
			continue
		fi
		case $c in
		\\)
			w+=$c${line:i+1:1}
			((i++))
			inword=1
			;;
		\" | \')
			q=$c
			w+=$c
			inword=1
			;;
		' ')
			((inword)) && COMP_WORDS+=("$w")
			w="" inword=0
			;;
		[=:])
			if [[ $COMP_WORDBREAKS != *"$c"* ]]; then
				w+=$c
				inword=1
				continue
			fi
			((inword)) && COMP_WORDS+=("$w")
			w=$c
			while [[ ${line:i+1:1} == [=:] && $COMP_WORDBREAKS == *"${line:i+1:1}"* ]]; do
				w+=${line:i+1:1}
				((i++))
			done
			COMP_WORDS+=("$w")
			w="" inword=0
			;;
		*)
			w+=$c
			inword=1
			;;
		esac
	done
	if ((inword)); then
		COMP_WORDS+=("$w")
	elif [[ $line == *' ' ]]; then
		COMP_WORDS+=("")
	fi
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
}

# comp LINE: run the completion function; the offers, one a line, in $got.
comp() {
	split_line "$1"
	COMPREPLY=()
	"$func" journeyhack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}")
}

# expect LINE WORDS: exactly these offers (newline-separated, any order).
expect() {
	comp "$1"
	same_words "$2" "$got" || die "[$1] offered:
$got
expected:
$2"
}

# offers LINE WORD...: each WORD is among the offers.
offers() {
	local line=$1 w
	shift
	comp "$line"
	for w; do
		grep -qxF -- "$w" <<<"$got" || die "[$line] does not offer \"$w\"; it offers:
$got"
	done
}

commands="new
list
templates
check-template
add
show
set
rm
import
export"
# Every command --help lists is offered, and nothing that is not one.
help_cmds=$("$JH" --help | sed -n 's/^  journeyhack \(\[[^]]*\] \)*\([a-z][a-z-]*\).*/\2/p' | sort -u)
[ -n "$help_cmds" ] || die "no commands read from --help"
comp "journeyhack -d $DB "
for c in $help_cmds; do
	grep -qxF "$c" <<<"$got" || die "command $c from --help is not offered: $got"
done
for c in $commands; do
	grep -qxF "$c" <<<"$got" || die "command $c is not offered: $got"
done
# After the commands come the workshops to open, quoted for the line.
offers "journeyhack -d $DB " Kundresa-Åre Fjelltur-Øst kvartalsplan 'Åsa\&Øyvind'
expect "journeyhack ex" export
expect "journeyhack -d $DB Kund" Kundresa-Åre

# Global options: those --help documents, no more.
help_opts=$("$JH" --help | sed -n '/^Options:/,/^$/p' |
	grep -o -- '^  \(-[a-zA-Z], \)\?--[a-z-]*' | tr -d ' ' | tr ',' '\n' | sed '/^$/d')
# --help's list holds a few commands' options too (--facilitator, --trim).
cmd_opts=$(for c in $help_cmds; do "$JH" complete options "$c"; done)
global_opts=$(grep -vxF -f <(printf '%s\n' "$cmd_opts") <<<"$help_opts")
expect "journeyhack -" "$global_opts"
expect "journeyhack --ve" --version

# A command's options come from its entry in the command table.
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
expect "journeyhack set W painpoint 1 --t" --trim

# Workshop names from the database that -d, --db= or $JOURNEYHACK_DB
# names, quoted as the line needs them.
expect "journeyhack -d $DB export " 'Kundresa-Åre
Fjelltur-Øst
kvartalsplan
Åsa\&Øyvind'
expect "journeyhack --db=$DB show Fj" Fjelltur-Øst
JOURNEYHACK_DB=$DB expect "journeyhack show K" Kundresa-Åre
expect "journeyhack -d $DB show Å" 'Åsa\&Øyvind'
# Opened with a quote, the name goes in as it is; readline closes it.
expect "journeyhack -d $DB show \"Åsa" 'Åsa&Øyvind'
expect "journeyhack -d $DB show 'Åsa&" 'Åsa&Øyvind'
expect "journeyhack -d $DB show Åsa\\&" 'Åsa\&Øyvind'
# A database that is not there offers nothing and is not created.
expect "journeyhack -d $WORK/saknas.db show " ""
[ ! -e "$WORK/saknas.db" ] || die "completion created a database"

# Kinds: add takes the ones --help lists, set also the step and workshop.
help_kinds=$("$JH" --help | sed -n 's/^KIND: //p' | tr ' ' '\n')
[ -n "$help_kinds" ] || die "no kinds read from --help"
expect "journeyhack -d $DB add Kundresa-Åre " "$help_kinds"
expect "journeyhack -d $DB set Kundresa-Åre " "$help_kinds
step
workshop"
expect "journeyhack add W pa" "painpoint
participant
parking"

# Field names end in "=" and leave the cursor there.
offers "journeyhack -d $DB add Kundresa-Åre painpoint " title= severity= status= evidence=
expect "journeyhack add W painpoint sev" "severity="
expect "journeyhack add W action st" "status="
expect "journeyhack set W workshop me" "method="
expect "journeyhack set W touchpoint 4 cha" "channel="
offers "journeyhack set W step 2 " minutes= title=
# Values: the choices of an enum, a short range, yes/no; only the value
# is replaced, as readline broke the word at "=".
expect "journeyhack add W painpoint status=" "open
addressed
dropped"
expect "journeyhack add W painpoint title=\"Otydlig faktura\" status=ad" addressed
expect "journeyhack add W action status=" "todo
doing
done"
expect "journeyhack set W touchpoint 3 score=" "-2
-1
0
1
2"
expect "journeyhack add W painpoint severity=" "1
2
3
4
5"
expect "journeyhack add W participant role=f" facilitator
offers "journeyhack set W step 1 private=" yes no
expect "journeyhack add W painpoint evidence=" ""
# References: the names of the workshop's people and map, quoted.
expect "journeyhack -d $DB add Kundresa-Åre painpoint author=" "Åsa
Øyvind"
expect "journeyhack -d $DB add Kundresa-Åre vote participant=Ø" Øyvind
expect "journeyhack -d $DB add Kundresa-Åre painpoint touchpoint=Rec" 'Receive\ invoice'
expect "journeyhack -d $DB add Kundresa-Åre painpoint touchpoint=\"Rec" 'Receive invoice'
# Ideas may still be private: not offered.
expect "journeyhack -d $DB add Kundresa-Åre vote idea=" ""
# Where "=" does not break words, readline replaces the whole word.
saved_breaks=$COMP_WORDBREAKS
COMP_WORDBREAKS=${COMP_WORDBREAKS//=/}
expect "journeyhack add W painpoint status=ad" status=addressed
expect "journeyhack export W --format=ta" --format=taskwarrior
COMP_WORDBREAKS=$saved_breaks

# Templates: every template the program finds, the extra one included.
tpls=$(for f in "$JH_SRCDIR"/workshop-templates/*.yaml; do f=${f##*/}; echo "${f%.yaml}"; done)
expect "journeyhack new Kundresa -t " "$tpls
betalningsogonblicket"
expect "journeyhack new Kundresa --template be" betalningsogonblicket

# Formats and reports: each offered one is one export accepts, and the
# formats --help names are all offered.
comp "journeyhack -d $DB export Kundresa-Åre -f "
formats=$got
for f in md csv json yaml taskwarrior; do
	grep -qxF "$f" <<<"$formats" || die "format $f is not offered: $formats"
done
for f in $formats; do
	err=$("$JH" -d "$DB" export Kundresa-Åre -f "$f" -o "$WORK/out.$f" 2>&1) ||
		case $err in *"unknown format"*) die "offered format $f is refused: $err" ;; esac
done
expect "journeyhack export W --format=ta" taskwarrior
expect "journeyhack export W -f js" json
expect "journeyhack export W -r " "actions
backlog
report
painpoints"
expect "journeyhack export W --report=ba" backlog
for r in actions backlog; do
	"$JH" -d "$DB" export Kundresa-Åre -f md -r "$r" >/dev/null || die "report $r is refused"
done
expect "journeyhack import W fil.csv --kind " "painpoints
ideas
actions
touchpoints"

# Files where a file is wanted.
mkdir "$WORK/filer" && : >"$WORK/filer/åtgärder.csv" && : >"$WORK/filer/mall.yaml"
cd "$WORK/filer" || die "cd"
expect "journeyhack export W -o åt" "åtgärder.csv"
expect "journeyhack import W åt" "åtgärder.csv"
expect "journeyhack check-template ma" "mall.yaml"
expect "journeyhack -d ver" ""
offers "journeyhack -d " åtgärder.csv mall.yaml

# Nothing for free text.
expect "journeyhack new " ""
expect "journeyhack new x --facilitator " ""
echo "bash completion: ok"
