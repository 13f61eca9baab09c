#!/bin/sh
# diskfull.sh: writes that fail for want of space.
#
# Standard output on /dev/full: every export format, and the listing
# commands, exit non-zero with one line naming the write error. Then a
# 512 KiB tmpfs (a database alone takes 176 KiB) made by the test (as root, or as root of a user namespace;
# only when neither can mount are those checks left out): an export -o into it when it is full fails
# with "No space left on device" and leaves the earlier file byte for byte
# and no temporary behind; a database on it refuses changes with "the disk
# is full", keeps every earlier change, passes integrity_check, and takes
# changes again once there is room.
# Not root: try again as root of a private user and mount namespace.
if [ "$(id -u)" != 0 ] && [ -z "${JH_IN_USERNS:-}" ] && command -v unshare >/dev/null 2>&1 &&
	unshare -rm true 2>/dev/null; then
	JH_IN_USERNS=1 exec unshare -rm sh "$0" "$@"
fi
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3

DB="$WORK/w.db"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w action "title=Ny layout" owner=Åsa due=2026-12-15 >/dev/null || die "action"
checks=0

one_line() { # FILE NEEDLE
	[ "$(wc -l <"$1")" -eq 1 ] && grep -q "$2" "$1"
}

if [ -w /dev/full ]; then
	for f in md csv json yaml taskwarrior; do
		jh -d "$DB" export w -f "$f" >/dev/full 2>"$WORK/err" && die "export -f $f to /dev/full succeeded"
		one_line "$WORK/err" "No space left on device" ||
			die "export -f $f to /dev/full: $(cat "$WORK/err")"
		jh -d "$DB" export w -f "$f" -o /dev/full 2>"$WORK/err" && die "export -f $f -o /dev/full succeeded"
		one_line "$WORK/err" "No space left on device" ||
			die "export -f $f -o /dev/full: $(cat "$WORK/err")"
		checks=$((checks + 2))
	done
	for c in "list" "show w" "show w action" "templates"; do
		# shellcheck disable=SC2086 # c holds words
		jh -d "$DB" $c >/dev/full 2>"$WORK/err" && die "$c to /dev/full succeeded"
		[ "$(wc -l <"$WORK/err")" -eq 1 ] || die "$c to /dev/full: $(cat "$WORK/err")"
		checks=$((checks + 1))
	done
else
	echo "diskfull: no /dev/full here; its checks are left out"
fi

# ---- a small file system that fills up
MNT="$WORK/small"
mkdir -p "$MNT"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=512k,mode=0777 jh-test "$MNT" 2>/dev/null; then
	# shellcheck disable=SC2016 # expanded when the hook runs
	cleanup_hook='umount "$MNT" 2>/dev/null'
else
	[ $checks -gt 0 ] || skip "cannot mount a small tmpfs (not root, no user namespaces) and no /dev/full"
	echo "diskfull: cannot mount a small tmpfs here; $checks checks on /dev/full passed"
	exit 0
fi

small_fs_checks() {
	# An export bigger than what is left.
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		"$JH" -d "$DB" add w idea "title=Idé $i om fakturan" "belief=$(printf '%0200d' 0)" \
			>/dev/null || return 1
	done
	cp "$DB" "$MNT/w.db" || return 1
	echo "earlier export" >"$MNT/report.md"
	old=$(fingerprint "$MNT/report.md")
	# Leave about 120 KiB (the -shm file alone takes 32): a few changes
	# fit, then the disk is full.
	dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
	rm -f "$MNT/filler"
	free=$(df -k "$MNT" | awk 'NR == 2 { print $4 }')
	dd if=/dev/zero of="$MNT/filler" bs=1k count=$((free - 120)) 2>/dev/null
	n=0 saved=0 refused=0
	: >"$WORK/saved"
	while [ $n -lt 60 ] && [ $refused -lt 3 ]; do
		n=$((n + 1))
		if "$JH" -d "$MNT/w.db" add w parking "text=Full $n $(printf '%02000d' 0)" \
			>/dev/null 2>"$WORK/err.add"; then
			saved=$((saved + 1))
			echo "Full $n" >>"$WORK/saved"
		else
			refused=$((refused + 1))
			grep -q "disk is full\|No space left on device" "$WORK/err.add" ||
				{ echo "add message: $(cat "$WORK/err.add")"; return 1; }
			[ "$(wc -l <"$WORK/err.add")" -eq 1 ] || { echo "add: $(cat "$WORK/err.add")"; return 1; }
		fi
	done
	[ $refused -gt 0 ] || { echo "the database never filled up"; return 1; }
	# Completely full: still readable, still exportable to stdout.
	dd if=/dev/zero of="$MNT/filler2" bs=512 2>/dev/null
	"$JH" -d "$MNT/w.db" show w parking >"$WORK/after" 2>"$WORK/err.show" ||
		{ echo "cannot view the full database: $(cat "$WORK/err.show")"; return 1; }
	while read -r t; do
		grep -q "$t 0000" "$WORK/after" || { echo "lost saved change \"$t\""; return 1; }
	done <"$WORK/saved"
	"$JH" -d "$DB" export w -f json -o "$MNT/report.md" 2>"$WORK/err.export" &&
		{ echo "export into a full file system succeeded"; return 1; }
	one_line "$WORK/err.export" "No space left on device" ||
		{ echo "export message: $(cat "$WORK/err.export")"; return 1; }
	[ "$(fingerprint "$MNT/report.md")" = "$old" ] || { echo "earlier export changed"; return 1; }
	[ "$(find "$MNT" -name '.report.md.*' | wc -l)" -eq 0 ] || { echo "temporary left behind"; return 1; }
	rm -f "$MNT/filler" "$MNT/filler2"
	"$JH" -d "$MNT/w.db" add w parking "text=Room again" >/dev/null ||
		{ echo "no change after freeing space"; return 1; }
	ic=$("$SQLITE3" "file:$MNT/w.db?mode=ro" "PRAGMA integrity_check")
	[ "$ic" = ok ] || { echo "integrity_check after freeing space: $ic"; return 1; }
	"$JH" -d "$DB" export w -f json -o "$MNT/report.md" || { echo "export after freeing space"; return 1; }
	echo "saved=$saved refused=$refused"
}
out=$(small_fs_checks 2>&1)
case $out in
saved=*) ;;
*) die "full file system: $out" ;;
esac
saved=${out#saved=}
saved=${saved%% *}
echo "diskfull: $checks checks on /dev/full; a 512 KiB tmpfs took $saved changes, then refused ${out##*refused=} (\"$(sed 's/.*: //' "$WORK/err.add")\"): every saved change kept, integrity ok, the earlier export intact"
