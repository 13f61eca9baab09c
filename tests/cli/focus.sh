#!/bin/sh
# focus.sh: `journeyhack focus W KIND ID` and `focus W --clear` obey the
# rule every terminal obeys (focus.c): only a facilitator moves the
# room's focus. A participant named with --as is refused with one line,
# exit status 1 and the focus unchanged; the facilitator (matched by the
# one name rule) may set and clear it; without --as the command line is
# the owner. Only pain points, ideas and journeys of the workshop can be
# focused, and deleting the focused item clears the focus.
set -u
# shellcheck source=tests/reliability/lib.sh
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || die "sqlite3 is needed (scripts/deps.sh installs it)"

DB="$WORK/focus.db"
jh -d "$DB" new w -t payment-moment --facilitator Åsa >/dev/null || die "new"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "Øyvind"
jh -d "$DB" add w painpoint "title=Fakturan är svår att läsa" >/dev/null || die "painpoint"
jh -d "$DB" add w idea "title=Tydeligere faktura på bokmål" >/dev/null || die "idea"
PAIN=$(sql "$DB" "SELECT id FROM painpoint ORDER BY id DESC LIMIT 1")
IDEA=$(sql "$DB" "SELECT id FROM idea ORDER BY id DESC LIMIT 1")
JOURNEY=$(sql "$DB" "SELECT id FROM journey ORDER BY id LIMIT 1")

focus_is() {
	got=$(sql "$DB" "SELECT focus_kind || ' ' || focus_id FROM workshop WHERE name = 'w'")
	[ "$got" = "$1" ] || die "the focus is \"$got\", not \"$1\""
}

# refused NEEDLE ARGS...: exit 1, one line naming the reason, focus kept.
refused() {
	needle=$1
	shift
	before=$(sql "$DB" "SELECT focus_kind || ' ' || focus_id FROM workshop")
	err=$(jh -d "$DB" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 1 ] || die "$* exited $rc, not 1: $err"
	case $err in *"$needle"*) ;; *) die "$*: \"$err\" lacks \"$needle\"" ;; esac
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || die "$*: not one line: $err"
	[ "$(sql "$DB" "SELECT focus_kind || ' ' || focus_id FROM workshop")" = "$before" ] ||
		die "$* changed the focus"
}

focus_is " 0"
refused "Only a facilitator can focus the room on an item" --as Øyvind focus w painpoint "$PAIN"
refused "Only a facilitator can focus the room on an item" --as øyvind focus w --clear
# A name nobody has does not join through a refused change.
refused "Only a facilitator can focus the room on an item" --as Nykomling focus w idea "$IDEA"
[ "$(sql "$DB" "SELECT count(*) FROM participant WHERE name = 'Nykomling'")" = 0 ] ||
	die "a refused focus left a participant behind"

out=$(jh -d "$DB" --as åsa focus w painpoint "$PAIN") || die "the facilitator's focus: $out"
[ "$out" = "focus on painpoint $PAIN" ] || die "focus said: $out"
focus_is "painpoint $PAIN"
refused "Only a facilitator can focus the room on an item" --as Øyvind focus w idea "$IDEA"
jh -d "$DB" --as Åsa focus w ideas "$IDEA" >/dev/null || die "focus an idea (plural kind)"
focus_is "idea $IDEA"
out=$(jh -d "$DB" --as Åsa focus w --clear) || die "clear: $out"
[ "$out" = "focus cleared" ] || die "clear said: $out"
focus_is " 0"

# Without --as: the owner.
jh -d "$DB" focus w journey "$JOURNEY" >/dev/null || die "the owner's focus"
focus_is "journey $JOURNEY"

# Bad input: one line, exit 1 or 2, the focus unchanged.
refused "no painpoint 999 in this workshop" focus w painpoint 999
refused "focus: kind \"action\": expected painpoint, idea or journey" focus w action 1
refused "focus: id \"tre\": expected a number above 0" focus w idea tre
err=$(jh -d "$DB" focus w 2>&1 >/dev/null)
[ $? -eq 2 ] || die "focus without KIND ID or --clear is not a usage error: $err"
err=$(jh -d "$DB" focus w idea "$IDEA" --clear 2>&1 >/dev/null)
[ $? -eq 2 ] || die "KIND ID with --clear is not a usage error: $err"
focus_is "journey $JOURNEY"

# Deleting the focused item ends the focus.
jh -d "$DB" focus w painpoint "$PAIN" >/dev/null || die "focus again"
jh -d "$DB" rm w painpoint "$PAIN" >/dev/null || die "rm the focused pain point"
focus_is " 0"
# ... but deleting another item keeps it.
jh -d "$DB" focus w idea "$IDEA" >/dev/null || die "focus the idea"
jh -d "$DB" add w painpoint "title=Påminnelsen kommer för sent" >/dev/null || die "painpoint 2"
jh -d "$DB" rm w painpoint "$(sql "$DB" "SELECT max(id) FROM painpoint")" >/dev/null ||
	die "rm another pain point"
focus_is "idea $IDEA"
echo "ok: focus is the facilitator's, from the command line too"
