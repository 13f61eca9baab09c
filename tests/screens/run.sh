#!/bin/sh
# run.sh: screen tests. Each tests/screens/cases/NAME.keys is replayed by
# the real binary on a virtual screen (no terminal needed) against a fresh
# copy of a fixture database, and the final screen must equal NAME.screen.
#
# A key file's leading comment lines set up the run:
#   # fixture: payment|empty      the database to start from (payment)
#   # size: COLSxROWS             the virtual screen (80x24)
#   # as: NAME                    --as NAME
#   # workshop: NAME              the workshop argument (pay; none: no argument)
#   # editor: yes                 EDITOR is tests/e2e/editor.sh
#   # expect-show: KIND TEXT      afterwards `journeyhack show W KIND` has TEXT
#   # expect-no-show: KIND TEXT   ... and does not have TEXT
#   # expect-file: FILE TEXT      the run wrote FILE (in its directory) with TEXT
#
# JH_UPDATE_GOLDEN=1 writes the screens instead of comparing (review the
# diff before committing). Exit 0 pass, 1 fail, 77 skip.
set -u

: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"
[ -x "$JH_BIN" ] || { echo "no binary at $JH_BIN" >&2; exit 77; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-screens.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT HUP INT TERM
FIXTURES="$WORK/fixtures"
mkdir -p "$FIXTURES"

# shellcheck source=tests/screens/lib.sh
. "$JH_SRCDIR/tests/screens/lib.sh"

CASES="$JH_SRCDIR/tests/screens/cases"
pass=0
fail=0

header() {
	sed -n "s/^# $1: //p" "$2" | head -n 1
}

for keys in "$CASES"/*.keys; do
	name=$(basename "$keys" .keys)
	golden="$CASES/$name.screen"
	fixture=$(header fixture "$keys")
	size=$(header size "$keys")
	as=$(header as "$keys")
	workshop=$(header workshop "$keys")
	editor=$(header editor "$keys")
	db="$WORK/$name.db"
	out="$WORK/$name.screen"

	src=$(fixture_db "${fixture:-payment}")
	rc=$?
	if [ $rc -eq 77 ]; then
		echo "skip $name: fixture ${fixture:-payment} needs a tool not installed"
		continue
	elif [ $rc -ne 0 ]; then
		echo "FAIL $name: fixture ${fixture:-payment} could not be built"
		fail=$((fail + 1))
		continue
	fi
	cp "$src" "$db"
	# Exports land in the working directory: keep them in $WORK.
	cd "$WORK" || exit 1
	set -- -d "$db" --replay "$keys" --size "${size:-80x24}" --dump-screen "$out"
	[ -n "$as" ] && set -- "$@" --as "$as"
	case ${workshop:-} in
	none) ;;
	'') set -- "$@" pay ;;
	*) set -- "$@" "$workshop" ;;
	esac
	if [ "$editor" = yes ]; then
		EDITOR="$JH_SRCDIR/tests/e2e/editor.sh" "$JH_BIN" "$@" 2>"$WORK/$name.err"
	else
		"$JH_BIN" "$@" 2>"$WORK/$name.err"
	fi
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $name: exit status $rc: $(cat "$WORK/$name.err")"
		fail=$((fail + 1))
		continue
	fi
	if [ "${JH_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$out" "$golden"
		echo "updated $name"
		continue
	fi
	if ! diff -u "$golden" "$out" >"$WORK/$name.diff" 2>&1; then
		echo "FAIL $name: screen differs from $name.screen:"
		cat "$WORK/$name.diff"
		fail=$((fail + 1))
		continue
	fi
	# Changes the keys made must be in the database, as the CLI sees it.
	ok=1
	ws=${workshop:-pay}
	[ "$ws" = none ] && ws=pay
	while IFS= read -r line; do
		kind=${line%% *}
		text=${line#* }
		if ! "$JH_BIN" -d "$db" show "$ws" "$kind" 2>&1 | grep -F -q -- "$text"; then
			echo "FAIL $name: 'show $kind' lacks: $text"
			ok=0
		fi
	done <<EOS
$(sed -n 's/^# expect-show: //p' "$keys")
EOS
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		kind=${line%% *}
		text=${line#* }
		if "$JH_BIN" -d "$db" show "$ws" "$kind" 2>&1 | grep -F -q -- "$text"; then
			echo "FAIL $name: 'show $kind' still has: $text"
			ok=0
		fi
	done <<EOS
$(sed -n 's/^# expect-no-show: //p' "$keys")
EOS
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		file=${line%% *}
		text=${line#* }
		if ! grep -F -q -- "$text" "$WORK/$file" 2>/dev/null; then
			echo "FAIL $name: $file missing or lacks: $text"
			ok=0
		fi
	done <<EOS
$(sed -n 's/^# expect-file: //p' "$keys")
EOS
	if [ $ok = 1 ]; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done

echo "screens: $pass passed, $fail failed"
[ $fail -eq 0 ] || exit 1
[ $pass -gt 0 ] || exit 77
exit 0
