#!/bin/sh
# ui-writer.sh: one participant changing a workshop through the interface.
#
# Usage: ui-writer.sh DB WORKSHOP TAG LOG COUNT [VOTER]
#        ui-writer.sh --probe DB     (exit 0 when the interface can replay)
# Replays a key file headless (--replay): COUNT parking entries TAG-1 ..
# TAG-COUNT added through the form, then (with VOTER, as --as VOTER) 50
# presses of v on the first idea of the backlog, more than any budget.
# The interface saves each change as it is made; once it has exited 0
# every entry counts as reported saved and goes to LOG in writer.sh's
# format (P TEXT). A failure appends "E" and the interface's message.
set -u
JH=${JH_BIN:?}

if [ "$1" = --probe ]; then
	keys=$(mktemp "${TMPDIR:-/tmp}/jh-probe.XXXXXX") || exit 1
	printf 'q' >"$keys"
	"$JH" -d "$2" --replay "$keys" --dump-screen /dev/null </dev/null >/dev/null 2>&1
	rc=$?
	rm -f "$keys"
	exit $rc
fi

DB=$1 W=$2 TAG=$3 LOG=$4 COUNT=$5
VOTER=${6:-}
DIR=$(dirname "$LOG")
KEYS="$DIR/.keys.$TAG"
{
	printf '7'
	i=0
	while [ "$i" -lt "$COUNT" ]; do
		i=$((i + 1))
		printf 'a%s-%d<Enter>\n' "$TAG" "$i"
	done
	if [ -n "$VOTER" ]; then
		printf '4g'
		i=0
		while [ $i -lt 50 ]; do
			printf 'v'
			i=$((i + 1))
		done
		printf '\n'
	fi
} >"$KEYS"
set -- -d "$DB" --replay "$KEYS" --size 100x30 --dump-screen "$DIR/.screen.$TAG"
[ -n "$VOTER" ] && set -- "$@" --as "$VOTER"
if "$JH" "$@" "$W" </dev/null >/dev/null 2>"$DIR/.err.$TAG"; then
	i=0
	while [ "$i" -lt "$COUNT" ]; do
		i=$((i + 1))
		echo "P $TAG-$i" >>"$LOG"
	done
else
	echo "E interface: $(head -n 1 "$DIR/.err.$TAG")" >>"$LOG"
fi
exit 0
