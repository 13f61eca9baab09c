#!/bin/sh
# export-ui.sh: the interface's export dialog offers the tracker and
# calendar formats, proposes a file name with the right extension, and
# writes the same bytes as `journeyhack export -f FORMAT`.
# shellcheck source=tests/cli/trackers-lib.sh
. "${JH_SRCDIR:?}/tests/cli/trackers-lib.sh"
# shellcheck source=tests/reliability/tmux-lib.sh
. "${JH_SRCDIR:?}/tests/reliability/tmux-lib.sh"

DB="$WORK/w.db"
sample_workshop "$DB"
ui_start ui -d "$DB" räkning
wait_for ui "Leadership kick-off"

# export_pick LABEL DOWNS NAME FILE: the dialog's entry LABEL, DOWNS rows
# below the first; NAME is the file name it proposes.
export_pick() {
	keys ui x
	wait_for ui "Export what?"
	wait_for ui "$1"
	i=0
	while [ "$i" -lt "$2" ]; do
		keys ui Down
		i=$((i + 1))
	done
	keys ui Enter
	wait_for ui "Export to file: $3"
	keys ui C-u
	type_text ui "$4"
	keys ui Enter
	wait_for ui "Exported to"
}

export_pick "Action points for Jira's CSV import" 6 räkning-jira.csv "$WORK/ui-jira.csv"
export_pick "Action points for GitLab's CSV import" 7 räkning-gitlab.csv "$WORK/ui-gitlab.csv"
export_pick "Action points as calendar to-dos (.ics)" 8 räkning-actions.ics "$WORK/ui.ics"
export_pick "Action points as todo.txt" 9 räkning-todo.txt "$WORK/ui-todo.txt"

for pair in jira-csv:ui-jira.csv gitlab-csv:ui-gitlab.csv ical:ui.ics todotxt:ui-todo.txt; do
	f=${pair%%:*}
	jh -d "$DB" export räkning -f "$f" -o "$WORK/cli.out" || die "cli export $f"
	cmp -s "$WORK/cli.out" "$WORK/${pair#*:}" || die "the dialog's $f differs from the command's"
done
echo "the export dialog wrote all four formats as the command line does"
exit 0
