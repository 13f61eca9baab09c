#!/bin/sh
# targets.sh: where export -o writes, and what it leaves when it cannot.
#
# A FIFO is written directly (a reader gets the whole export, the FIFO
# stays a FIFO); so are /dev/null and /dev/stdout. A directory is refused.
# An unwritable directory (as nobody when root) refuses with one line and
# creates nothing; an unwritable file there is left as it was, and so is
# an earlier export when the directory cannot take the temporary file.
# A regular file is replaced atomically, keeping its mode; a new file gets
# the mode the umask allows.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

DB="$WORK/w.db"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w action "title=Ny layout" owner=Åsa due=2026-12-15 >/dev/null || die "action"
jh -d "$DB" export w >"$WORK/want.md" || die "export to stdout"
checks=0
ok() { checks=$((checks + 1)); }

# FIFO: a reader gets exactly the export.
mkfifo "$WORK/fifo" || die "mkfifo"
cat "$WORK/fifo" >"$WORK/from-fifo" &
reader=$!
timeout 20 "$JH" -d "$DB" export w -o "$WORK/fifo" </dev/null 2>"$WORK/err" ||
	die "export to a FIFO: $(cat "$WORK/err")"
wait $reader
cmp -s "$WORK/from-fifo" "$WORK/want.md" || die "the FIFO reader got something else"
[ -p "$WORK/fifo" ] || die "the FIFO was replaced"
ok

jh -d "$DB" export w -o /dev/null 2>"$WORK/err" || die "export to /dev/null: $(cat "$WORK/err")"
[ -c /dev/null ] || die "/dev/null is no longer a device"
ok
jh -d "$DB" export w -o /dev/stdout >"$WORK/stdout.md" 2>"$WORK/err" ||
	die "export to /dev/stdout: $(cat "$WORK/err")"
cmp -s "$WORK/stdout.md" "$WORK/want.md" || die "/dev/stdout got something else"
ok

mkdir "$WORK/adir"
jh -d "$DB" export w -o "$WORK/adir" 2>"$WORK/err" && die "export onto a directory succeeded"
grep -q "is a directory" "$WORK/err" || die "directory: $(cat "$WORK/err")"
ok

# Replacing keeps the file's mode; a new file follows the umask.
echo old >"$WORK/keep.md"
chmod 0640 "$WORK/keep.md"
jh -d "$DB" export w -o "$WORK/keep.md" || die "export over a file"
[ "$(stat -c %a "$WORK/keep.md")" = 640 ] || die "mode not kept: $(stat -c %a "$WORK/keep.md")"
cmp -s "$WORK/keep.md" "$WORK/want.md" || die "replaced file differs"
(umask 027 && "$JH" -d "$DB" export w -o "$WORK/new.md" </dev/null) || die "export to a new file"
[ "$(stat -c %a "$WORK/new.md")" = 640 ] || die "umask 027 gave mode $(stat -c %a "$WORK/new.md")"
ok

# Unwritable directory.
if [ "$(id -u)" != 0 ] || [ -n "$RUNAS" ]; then
	mkdir "$WORK/locked"
	echo "earlier export" >"$WORK/locked/old.md"
	echo "earlier export" >"$WORK/locked/mine.md"
	chmod 0755 "$WORK"
	cp "$DB" "$WORK/nb.db"
	if [ "$(id -u)" = 0 ]; then
		chown 65534:65534 "$WORK/nb.db" "$WORK/locked/mine.md"
	fi
	chmod 0666 "$WORK/locked/mine.md"
	chmod 0555 "$WORK/locked"
	$RUNAS "$JH" -d "$WORK/nb.db" export w -o "$WORK/locked/new.md" </dev/null 2>"$WORK/err" &&
		die "export into an unwritable directory succeeded"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "Permission denied" "$WORK/err" ||
		die "unwritable directory: $(cat "$WORK/err")"
	[ ! -e "$WORK/locked/new.md" ] || die "a file appeared in the unwritable directory"
	ok
	for f in old mine; do
		$RUNAS "$JH" -d "$WORK/nb.db" export w -o "$WORK/locked/$f.md" </dev/null 2>"$WORK/err" &&
			die "export over $f.md in an unwritable directory succeeded"
		[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "Permission denied" "$WORK/err" ||
			die "unwritable directory, $f.md: $(cat "$WORK/err")"
		[ "$(cat "$WORK/locked/$f.md")" = "earlier export" ] || die "$f.md changed"
		ok
	done
	[ "$(find "$WORK/locked" -type f | wc -l)" -eq 2 ] || die "temporary files left in the directory"
	chmod 0755 "$WORK/locked"
else
	echo "targets: root without setpriv: the unwritable-directory cases are left out"
fi
echo "targets: $checks checks: FIFO, /dev/null, /dev/stdout written directly; directory refused; modes kept; unwritable directory refused with earlier files intact"
