#!/bin/sh
# taskwarrior-uuid.sh: `task import` updates only the task that really is
# the same action.
#
# Two actions go to a real Taskwarrior; one is completed there. Then that
# action is removed from the workshop and a new one added, and the export
# imported again: the completed task keeps its description and status,
# and the new action is a task of its own.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

TASK=${TASK_BIN:-$(command -v task 2>/dev/null || true)}
[ -n "$TASK" ] && [ -x "$TASK" ] || skip "taskwarrior is needed (apt-get install taskwarrior)"
JQ=${JQ_BIN:-$(command -v jq 2>/dev/null || true)}
[ -n "$JQ" ] || skip "jq is needed to read task exports"

DB="$WORK/tw.db"
mkdir -p "$WORK/taskdata"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.0\n' \
	"$WORK/taskdata" >"$WORK/taskrc"
tw() {
	TASKRC="$WORK/taskrc" TASKDATA="$WORK/taskdata" TZ=UTC "$TASK" rc.confirmation=off "$@" </dev/null
}

jh -d "$DB" new w >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w action "title=Skriv om fakturan" owner=Åsa >/dev/null || die "action 1"
jh -d "$DB" add w action "title=Ring Øyvind om räkningen" >/dev/null || die "action 2"
jh -d "$DB" export w -f taskwarrior -o "$WORK/t1.json" || die "first export"
tw import "$WORK/t1.json" >/dev/null || die "first task import"

done_uuid=$("$JQ" -r '.[] | select(.description == "Ring Øyvind om räkningen") | .uuid' "$WORK/t1.json")
[ -n "$done_uuid" ] || die "no task for the second action"
tw "$done_uuid" "done" >/dev/null || die "task done"

# The completed action goes; a new one comes.
jh -d "$DB" rm w action 2 >/dev/null || die "rm action"
jh -d "$DB" add w action "title=Boka uppföljning med kundtjänst" >/dev/null || die "new action"
jh -d "$DB" export w -f taskwarrior -o "$WORK/t2.json" || die "second export"
"$JQ" -r '.[].uuid' "$WORK/t2.json" | grep -qx "$done_uuid" &&
	die "the new action got the UUID of the completed task"
tw import "$WORK/t2.json" >/dev/null || die "second task import"

tw export >"$WORK/all.json" || die "task export"
# shellcheck disable=SC2016 # $u is jq's variable, not the shell's
got=$("$JQ" -r --arg u "$done_uuid" '.[] | select(.uuid == $u) | [.description, .status] | @tsv' \
	"$WORK/all.json")
[ "$got" = "$(printf 'Ring Øyvind om räkningen\tcompleted')" ] ||
	die "the completed task was changed by the import: $got"
n=$("$JQ" -r '[.[] | select(.description == "Boka uppföljning med kundtjänst" and .status == "pending")] | length' \
	"$WORK/all.json")
[ "$n" = 1 ] || die "the new action is not one pending task of its own ($n)"
n=$("$JQ" -r 'length' "$WORK/all.json")
[ "$n" = 3 ] || die "expected 3 tasks, found $n"
echo "the completed task stayed completed; the new action became a task of its own"
exit 0
