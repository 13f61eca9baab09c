#!/bin/sh
# writer.sh: one scripted participant changing a workshop through the CLI.
#
# Usage: writer.sh DB WORKSHOP TAG LOG COUNT [VOTER IDEAS]
# Runs COUNT changes, cycling through: add parking, add pain point, set
# the answer of its own last parking entry, import a CSV of pain points
# (all or nothing), vote (when VOTER and the number of IDEAS are given),
# export to a file. After each command that exits 0 -- the moment the
# change is reported as saved -- it appends one line to LOG:
#   P TEXT       a parking entry with this text
#   Q TITLE      a pain point with this title
#   S ID TAG N   parking ID got answer TAG-N
#   C PREFIX N   N pain points titled PREFIX-1..N
#   V VOTER IDEA one dot
#   X FILE       an export written to FILE
# A command that fails appends "E " and its first line of stderr.
# Used by kill-cli.sh (which kills it) and concurrent.sh.
set -u

DB=$1 W=$2 TAG=$3 LOG=$4 COUNT=$5
VOTER=${6:-}
NIDEAS=${7:-0}
JH=${JH_BIN:?}
DIR=$(dirname "$LOG")
ERR="$DIR/.err.$TAG"
CSV="$DIR/.csv.$TAG"
last=

run() {
	"$JH" -d "$DB" "$@" </dev/null 2>"$ERR"
}

failed() {
	printf 'E %s\n' "$(head -n 1 "$ERR")" >>"$LOG"
}

i=0
while [ "$i" -lt "$COUNT" ]; do
	i=$((i + 1))
	case $((i % 8)) in
	0 | 1 | 2)
		if out=$(run add "$W" parking "text=$TAG-$i"); then
			last=${out##* }
			echo "P $TAG-$i" >>"$LOG"
		else
			failed
		fi
		;;
	3)
		if run add "$W" painpoint "title=$TAG-$i" severity=4 frequency=2 \
			"evidence=Kunden säger: \"fakturan är svår\" ($TAG-$i)" >/dev/null; then
			echo "Q $TAG-$i" >>"$LOG"
		else
			failed
		fi
		;;
	4)
		if [ -n "$last" ]; then
			if run set "$W" parking "$last" "answer=$TAG-$i" answered=yes >/dev/null; then
				echo "S $last $TAG $i" >>"$LOG"
			else
				failed
			fi
		fi
		;;
	5)
		{
			echo "title,severity,frequency,evidence"
			k=1
			while [ $k -le 20 ]; do
				printf '"%s-%d-%d",%d,3,"rad %d, med ""citat""\noch radbrytning"\n' \
					"$TAG" "$i" "$k" $((k % 5 + 1)) "$k"
				k=$((k + 1))
			done
		} >"$CSV.csv"
		if run import "$W" "$CSV.csv" --kind painpoints >/dev/null; then
			echo "C $TAG-$i 20" >>"$LOG"
		else
			failed
		fi
		;;
	6)
		if [ -n "$VOTER" ] && [ "$NIDEAS" -gt 0 ]; then
			idea=$(( (i / 8) % NIDEAS + 1))
			if run add "$W" vote "idea=$idea" "participant=$VOTER" >/dev/null; then
				echo "V $VOTER $idea" >>"$LOG"
			else
				failed
			fi
		fi
		;;
	7)
		if run export "$W" -f json -o "$DIR/export-$TAG.json"; then
			echo "X $DIR/export-$TAG.json" >>"$LOG"
		else
			failed
		fi
		;;
	esac
done
exit 0
