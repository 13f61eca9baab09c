#!/bin/sh
# targets.sh: where export -o writes, and what it leaves when it cannot.
#
# The workshop database is never a target: the file itself, a symbolic
# link or hard link to it, a path through "..", a relative path, the real
# file of a database opened through a link, and its
# -wal, -shm and -journal files (existing or not) are refused with one
# line, the database unchanged. Only regular files (or links to them) are
# replaced: a dangling symbolic link, a FIFO (at once, nobody reading), a
# character device, a socket and a directory are refused before anything
# is written; /dev/null and /dev/stdout, named as such, are written
# directly. A kill -9 during a large export leaves no temporary file
# once the next export to that directory has run.
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

# refused TARGET WHAT: the export to TARGET fails at once with one line
# that says WHAT, and nothing beside it changes.
S="$WORK/.scratch"
mkdir "$S"
refused() {
	ls -A "$(dirname "$1")" >"$S/ls.before"
	timeout 20 "$JH" -d "$DB" export w -o "$1" </dev/null >"$S/out" 2>"$S/err"
	rc=$?
	[ $rc = 124 ] && die "export to $1 blocked"
	[ $rc != 0 ] || die "export to $1 succeeded"
	[ "$(wc -l <"$S/err")" -eq 1 ] && grep -q -- "$2" "$S/err" ||
		die "export to $1: expected one line saying \"$2\", got: $(cat "$S/err")"
	[ ! -s "$S/out" ] || die "export to $1 wrote to standard output"
	ls -A "$(dirname "$1")" >"$S/ls.after"
	cmp -s "$S/ls.before" "$S/ls.after" ||
		die "export to $1 left files: $(diff "$S/ls.before" "$S/ls.after")"
}

# ---- the database itself, under every name it has
dbsum=$(fingerprint "$DB")
mkdir "$WORK/sub"
ln -s w.db "$WORK/link-to-db"
ln -s "$WORK/w.db-wal" "$WORK/link-to-wal"
ln "$DB" "$WORK/hardlink"
for target in "$DB" "$WORK/link-to-db" "$WORK/hardlink" "$WORK/sub/../w.db" \
	"$WORK/w.db-wal" "$WORK/w.db-shm" "$WORK/w.db-journal" "$WORK/sub/../w.db-wal"; do
	refused "$target" "workshop database"
	[ "$(fingerprint "$DB")" = "$dbsum" ] || die "export to $target changed the database"
	ok
done
# Relative names, from the database's directory and from below it.
(cd "$WORK" && timeout 20 "$JH" -d w.db export w -o w.db </dev/null 2>"$WORK/err") &&
	die "export -o w.db over -d w.db succeeded"
grep -q "workshop database" "$WORK/err" || die "relative: $(cat "$WORK/err")"
(cd "$WORK/sub" && timeout 20 "$JH" -d ../w.db export w -o ./../sub/../w.db-wal </dev/null 2>"$WORK/err") &&
	die "export -o ./../sub/../w.db-wal over -d ../w.db succeeded"
grep -q "workshop database" "$WORK/err" || die "relative -wal: $(cat "$WORK/err")"
[ "$(fingerprint "$DB")" = "$dbsum" ] || die "a relative export changed the database"
# Opened through a link, the database's files are beside the real one.
ln -s ../w.db "$WORK/sub/alias.db"
for target in "$DB" "$WORK/w.db-wal" "$WORK/sub/alias.db"; do
	timeout 20 "$JH" -d "$WORK/sub/alias.db" export w -o "$target" </dev/null 2>"$S/err" &&
		die "export -o $target over -d alias.db succeeded"
	grep -q "workshop database" "$S/err" || die "alias, $target: $(cat "$S/err")"
done
rm "$WORK/sub/alias.db"
[ "$(fingerprint "$DB")" = "$dbsum" ] || die "an export through an alias changed the database"
jh -d "$DB" show w action >/dev/null 2>"$WORK/err" || die "the database no longer opens: $(cat "$WORK/err")"
ok
rm -f "$WORK/link-to-db" "$WORK/link-to-wal" "$WORK/hardlink"

# ---- what is not a regular file
ln -s nowhere.md "$WORK/dangling.md"
refused "$WORK/dangling.md" "symbolic link"
[ -L "$WORK/dangling.md" ] || die "the dangling link was replaced"
[ ! -e "$WORK/nowhere.md" ] || die "the dangling link's target was created"
ok
mkfifo "$WORK/fifo" || die "mkfifo"
refused "$WORK/fifo" "FIFO"
[ -p "$WORK/fifo" ] || die "the FIFO was replaced"
ln -s fifo "$WORK/fifo.md"
refused "$WORK/fifo.md" "FIFO"
ok
ln -s /dev/null "$WORK/sink.md"
refused "$WORK/sink.md" "character device"
[ -L "$WORK/sink.md" ] && [ -c /dev/null ] || die "the link to /dev/null was replaced"
if mknod "$WORK/null" c 1 3 2>/dev/null; then
	refused "$WORK/null" "character device"
	[ -c "$WORK/null" ] || die "the device node was replaced"
fi
ok
if command -v python3 >/dev/null 2>&1 &&
	python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$WORK/sock.md"; then
	refused "$WORK/sock.md" "socket"
	[ -S "$WORK/sock.md" ] || die "the socket was replaced"
	ok
fi

jh -d "$DB" export w -o /dev/null 2>"$WORK/err" || die "export to /dev/null: $(cat "$WORK/err")"
[ -c /dev/null ] || die "/dev/null is no longer a device"
ok
jh -d "$DB" export w -o /dev/stdout >"$WORK/stdout.md" 2>"$WORK/err" ||
	die "export to /dev/stdout: $(cat "$WORK/err")"
cmp -s "$WORK/stdout.md" "$WORK/want.md" || die "/dev/stdout got something else"
ok

mkdir "$WORK/adir"
refused "$WORK/adir" "is a directory"
refused "$WORK/adir/" "is a directory"
ln -s adir "$WORK/adir.md"
refused "$WORK/adir.md" "is a directory"
ok

# ---- kill -9 in the middle of large exports: no temporary is left once
# the next export to the directory has run (none at all where the system
# can write a file with no name until it is complete).
awk 'BEGIN { print "title,evidence";
	for (i = 1; i <= 20000; i++)
		printf "Pain point number %d with a long enough title to weigh,seen %d times\n", i, i }' \
	>"$WORK/pains.csv"
jh -d "$DB" import w "$WORK/pains.csv" --kind painpoints >/dev/null 2>"$WORK/err" ||
	die "import of the large workshop: $(cat "$WORK/err")"
mkdir "$WORK/big"
t0=$(date +%s%N)
jh -d "$DB" export w -f json -o "$WORK/big/w.json" || die "large export"
t1=$(date +%s%N)
full_ms=$(((t1 - t0) / 1000000))
# kill_round [PREFIX...]: nine exports killed at tenths of the time a
# whole one takes (so most land while it writes); after each, the next
# export leaves no temporary and w.json is whole. Sets kills and left
# (temporaries seen before the next export).
kill_round() {
	kills=0 left=0
	for tenth in 1 2 3 4 5 6 7 8 9; do
		"$@" "$JH" -d "$DB" export w -f json -o "$WORK/big/w.json" </dev/null &
		pid=$!
		sleep "$(awk -v ms="$full_ms" -v k="$tenth" 'BEGIN { printf "%.3f", ms * k / 10000 }')"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		[ $? = 137 ] && kills=$((kills + 1))
		left=$((left + $(find "$WORK/big" -name '.*' -type f | wc -l)))
		jh -d "$DB" export w -f md -o "$WORK/big/w.md" || die "export after a kill"
		[ "$(find "$WORK/big" -name '.*' | wc -l)" = 0 ] ||
			die "temporary files left after the next export: $(ls -A "$WORK/big")"
		jq -e . "$WORK/big/w.json" >/dev/null 2>&1 || python3 -m json.tool "$WORK/big/w.json" >/dev/null ||
			die "w.json is not whole after a kill"
	done
}
kill_round
echo "targets: large export (20 000 pain points, json) took $full_ms ms; $kills killed mid-way left $left visible temporaries before the next export, none after"
ok
# Without /proc (a private mount namespace, where root may make one) the
# unnamed temporary cannot be named: the named fallback runs, and what a
# kill leaves of it the next export removes.
# shellcheck disable=SC2016 # expanded by the inner shell
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	unshare -m sh -c 'mount -t tmpfs none /proc' 2>/dev/null; then
	kill_round unshare -m sh -c 'mount -t tmpfs none /proc && exec "$@"' sh
	echo "targets: without /proc, $kills killed mid-way left $left named temporaries, none after the next export"
	ok
fi
# Where a temporary must have a name while it is written (no O_TMPFILE),
# a kill leaves one: the next export removes it, but never one whose
# writer is still alive (it holds a lock on it).
echo partial >"$WORK/big/.w.json.journeyhack-Ab12Cd"
echo writing >"$WORK/big/.w.md.journeyhack-Xy34Zw"
echo "not ours" >"$WORK/big/.w.md.backup"
if command -v flock >/dev/null 2>&1; then
	(exec 9<"$WORK/big/.w.md.journeyhack-Xy34Zw" && flock -x 9 && exec sleep 30) &
	holder=$!
	n=0 # until the holder has its lock
	while flock -n "$WORK/big/.w.md.journeyhack-Xy34Zw" true 2>/dev/null && [ $n -lt 500 ]; do
		sleep 0.01
		n=$((n + 1))
	done
	jh -d "$DB" export w -f md -o "$WORK/big/w.md" || die "export beside leftovers"
	[ ! -e "$WORK/big/.w.json.journeyhack-Ab12Cd" ] || die "a leftover temporary was not removed"
	[ -e "$WORK/big/.w.md.journeyhack-Xy34Zw" ] || die "a temporary still being written was removed"
	[ -e "$WORK/big/.w.md.backup" ] || die "a file that is not ours was removed"
	kill $holder 2>/dev/null
	wait $holder 2>/dev/null
	jh -d "$DB" export w -f md -o "$WORK/big/w.md" || die "export beside a released temporary"
	[ ! -e "$WORK/big/.w.md.journeyhack-Xy34Zw" ] || die "a released temporary was not removed"
fi
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
echo "targets: $checks checks: the database under every name refused; dangling link, FIFO, device, socket, directory refused; /dev/null, /dev/stdout written directly; no temporaries after kills; modes kept; unwritable directory refused with earlier files intact"
