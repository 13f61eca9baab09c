#!/bin/sh
# slips.sh: small fixes in the interface, in a private tmux server.
#   - the export prompt expands ~/ to $HOME, and asks before replacing a
#     file that is there (n brings the prompt back with the text kept).
# Exit 0 pass, 1 fail.
set -u

[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
	echo "FAIL: tmux is needed (apt-get install tmux)" >&2
	exit 1
}
# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"
# The tmux server passes on the environment it starts in: HOME first.
HOME="$WORK/hem"
export HOME
mkdir -p "$HOME/ut"
# shellcheck source=tests/reliability/tmux-lib.sh
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/verkstad.db"

cli() {
	JOURNEYHACK_TEMPLATE_PATH="$JH_SRCDIR/workshop-templates" "$JH" -d "$DB" "$@" \
		</dev/null >/dev/null || die "journeyhack $*"
}

cli new verkstad -t half-day-sprint
cli add verkstad participant name=Øyvind role=facilitator
cli add verkstad action "title=Skriv om fakturan på svenska" owner=Øyvind

# ---- export: ~/ is the home folder; an existing file is not overwritten
# without a yes.
ui_start exp -d "$DB" --as Øyvind verkstad
wait_for exp "Step 1/"
keys exp x
wait_for exp "Export what?"
keys exp Enter
wait_for exp "Export to file:"
keys exp C-u
# shellcheck disable=SC2088 # typed, the program expands it
type_text exp "~/ut/åtgärder.md"
keys exp Enter
wait_for exp "Exported to $HOME/ut/åtgärder.md"
grep -q "Skriv om fakturan på svenska" "$HOME/ut/åtgärder.md" ||
	die "the export did not land in \$HOME/ut"
[ ! -e "$WORK/~" ] && [ ! -e "./~" ] || die "a folder named ~ was made"

printf 'gammalt\n' >"$HOME/ut/åtgärder.md"
keys exp x
wait_for exp "Export what?"
keys exp Enter
wait_for exp "Export to file:"
keys exp C-u
# shellcheck disable=SC2088 # typed, the program expands it
type_text exp "~/ut/åtgärder.md"
keys exp Enter
wait_for exp "Replace $HOME/ut/åtgärder.md? (y/n)"
keys exp n
wait_for exp "Export to file: ~/ut/åtgärder.md"
[ "$(cat "$HOME/ut/åtgärder.md")" = gammalt ] || die "n still replaced the file"
keys exp Enter
wait_for exp "Replace $HOME/ut/åtgärder.md? (y/n)"
keys exp y
wait_for exp "Exported to $HOME/ut/åtgärder.md"
grep -q "Skriv om fakturan på svenska" "$HOME/ut/åtgärder.md" || die "y did not replace the file"

# A lone ~ is the home folder itself: not a file to replace, so the
# export fails with a message instead of asking or writing anything.
keys exp x
wait_for exp "Export what?"
keys exp Enter
wait_for exp "Export to file:"
keys exp C-u
type_text exp "~"
keys exp Enter
wait_for exp "Export failed:"
screen exp | grep -q "$HOME" || die "the failure does not name the home folder: $(screen exp)"
echo "ok: the export prompt expands ~ and asks before replacing"
