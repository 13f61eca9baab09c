#!/bin/sh
# slips.sh: small fixes in the interface, in a private tmux server.
#   - the export prompt expands ~/ to $HOME, and asks before replacing a
#     file that is there (n brings the prompt back with the text kept);
#   - C in the backlog opens the whole test card in $EDITOR as one text,
#     and the four parts land in the store; headings out of order are
#     refused, the store is unchanged and the text is kept as a draft.
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
# ... and the editor, with what it is told.
EDITOR="$JH_SRCDIR/tests/e2e/testcard-editor.sh"
JH_TESTCARD_SEEN="$WORK/seen.txt"
JH_TESTCARD_BAD="$WORK/bad"
# Its temporary files go here, to be sure none is left behind.
TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
export EDITOR JH_TESTCARD_SEEN JH_TESTCARD_BAD TMPDIR
unset VISUAL
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
cli add verkstad idea "title=Tydligare faktura" impact=4 effort=2 "belief=gammal tro" \
	"metric=gammalt mått"

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

# ---- the whole test card in one editor buffer
show_idea() {
	"$JH" -d "$DB" show verkstad idea --json </dev/null
}
keys exp 4
wait_for exp "Tydligare faktura"
: >"$JH_TESTCARD_BAD"
keys exp C
wait_for exp "belongs. Edit again? (y/n)"
screen exp | grep -q "where \"# We believe that\" belongs" || die "the error names no heading: $(screen exp)"
keys exp n
wait_for exp "Test card kept as a draft"
show_idea | grep -q "gammal tro" || die "a refused card changed the store: $(show_idea)"
rm -f "$JH_TESTCARD_BAD"
# The next edit starts from the draft, not from the store.
keys exp C
wait_for exp "Saved the test card of idea #1"
grep -q "fel ordning" "$JH_TESTCARD_SEEN" || die "the draft was lost: $(cat "$JH_TESTCARD_SEEN")"
out=$(show_idea)
for want in "kunder som förstår fakturan" "testa en ny layout på 500 kunder" \
	"samtal om fakturan (Åsa räknar)" "samtalen minskar med 20 % – Øyvind följer upp"; do
	printf '%s\n' "$out" | grep -q -F -- "$want" || die "not stored: $want: $out"
done
printf '%s\n' "$out" | grep -q "gammal" && die "the old parts are still stored: $out"
# Opened from the store, the card shows every part under its heading.
keys exp C
wait_for exp "Nothing changed"
[ "$(sed -n 1p "$JH_TESTCARD_SEEN")" = "# We believe that" ] || die "no first heading: $(cat "$JH_TESTCARD_SEEN")"
grep -q -x "# We are right if" "$JH_TESTCARD_SEEN" || die "no last heading"
grep -q "ringer mindre" "$JH_TESTCARD_SEEN" || die "the stored card was not offered"
[ -z "$(ls -A "$TMPDIR")" ] || die "a temporary file was left: $(ls -A "$TMPDIR")"
echo "ok: C edits the whole test card in \$EDITOR"

# ---- the same from the idea form: C-o fills the four fields, Enter saves.
cli add verkstad idea "title=Påminnelse per sms" impact=2 effort=1 "belief=ingen aning"
ui_start form -d "$DB" --as Øyvind verkstad
wait_for form "Step 1/"
keys form 4
wait_for form "Påminnelse per sms"
keys form G e
wait_for form "Edit idea #2"
keys form C-o
wait_for form "samtalen minskar med 20 %"
grep -q -x "ingen aning" "$JH_TESTCARD_SEEN" || die "the form's card was not offered: $(cat "$JH_TESTCARD_SEEN")"
keys form Enter
wait_for form "Saved idea #2"
out=$("$JH" -d "$DB" show verkstad idea --json </dev/null)
printf '%s\n' "$out" | grep -q "ingen aning" && die "the form kept the old belief: $out"
[ "$(printf '%s\n' "$out" | grep -c "testa en ny layout på 500 kunder")" -eq 2 ] ||
	die "the form did not store the card: $out"
echo "ok: C-o in the idea form edits the whole test card"
