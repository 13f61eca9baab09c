#!/bin/sh
# damaged.sh: files that are not (whole) journeyhack databases.
#
# Text, random bytes, an empty file, a directory, a FIFO, an SQLite
# database of another program, one from a newer journeyhack, one cut at a
# page boundary and one cut mid-page, one with a damaged header, a
# damaged schema page and a damaged table page: every command (show,
# list, add, export, new, and the interface) gets one line naming the
# problem and a non-zero exit status, and the file keeps every byte.
# Damage inside one table is met by the commands that read that table.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3

GOOD="$WORK/good.db"
jh -d "$GOOD" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$GOOD" add w parking "text=Är det vårt jobb?" >/dev/null || die "parking"
for i in 1 2 3 4 5 6 7 8; do
	jh -d "$GOOD" add w idea "title=Idé $i" "belief=$(printf '%0300d' 0)" >/dev/null || die "idea"
done
pagesize=$(sql "$GOOD" "PRAGMA page_size")
pages=$(sql "$GOOD" "PRAGMA page_count")
parking_root=$(sql "$GOOD" "SELECT rootpage FROM sqlite_schema WHERE name = 'parking'")

D="$WORK/bad"
mkdir -p "$D"
echo "Agenda for the hackathon, not a database" >"$D/text.db"
head -c 8192 /dev/urandom >"$D/random.db"
: >"$D/empty.db"
mkdir "$D/directory.db"
mkfifo "$D/fifo.db"
"$SQLITE3" "$D/foreign.db" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');" ||
	die "cannot create the foreign database"
cp "$GOOD" "$D/newer.db"
"$SQLITE3" "$D/newer.db" "PRAGMA user_version = 99" || die "cannot make the newer database"
head -c $((pagesize * (pages / 2))) "$GOOD" >"$D/truncated-page.db"
head -c $((pagesize + 1000)) "$GOOD" >"$D/truncated-mid.db"
damage() { # NAME OFFSET
	cp "$GOOD" "$D/$1.db"
	printf '\052\052\052\052\052\052\052\052\052\052\052\052' |
		dd of="$D/$1.db" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
damage header 16
damage schema 100
damage table $(((parking_root - 1) * pagesize))

# What each must say, by name (a grep pattern).
expect() {
	case $1 in
	text | random) echo "not a journeyhack database (not an SQLite file)" ;;
	empty) echo "empty file, not a journeyhack database" ;;
	directory) echo "is a directory, not a journeyhack database" ;;
	fifo) echo "not a regular file" ;;
	foreign) echo "an SQLite database that journeyhack did not write" ;;
	newer) echo "written by a newer journeyhack (schema 99" ;;
	truncated-*) echo "the database is truncated" ;;
	*) echo "damaged" ;;
	esac
}

echo "" >"$WORK/empty.keys"
cases=0
runs=0
for f in "$D"/*.db; do
	name=$(basename "$f" .db)
	want=$(expect "$name")
	before=$(fingerprint "$f")
	cmds='show w|show w parking|list|add w parking text=x|export w -f json|new w2|ui'
	# Damage inside one table is found by the commands that read it;
	# the others rightly work on the rest of the file.
	[ "$name" = table ] && cmds='show w|show w parking|add w parking text=x|export w -f json|ui'
	IFS='|'
	# shellcheck disable=SC2086 # split at |
	set -- $cmds
	unset IFS
	for c in "$@"; do
		if [ "$c" = ui ]; then
			set -- --replay "$WORK/empty.keys" --dump-screen "$WORK/screen" w
		else
			# shellcheck disable=SC2086 # c holds words
			set -- $c
		fi
		timeout 10 "$JH" -d "$f" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
		rc=$?
		[ $rc -ne 0 ] && [ $rc -ne 124 ] || die "$name: \"$c\" exited $rc"
		[ "$(wc -l <"$WORK/err")" -eq 1 ] || die "$name: \"$c\" said: $(cat "$WORK/err")"
		grep -q "$want" "$WORK/err" || die "$name: \"$c\": \"$(cat "$WORK/err")\" lacks \"$want\""
		runs=$((runs + 1))
	done
	[ "$(fingerprint "$f")" = "$before" ] || die "$name: the file was modified"
	[ -d "$f" ] || [ -p "$f" ] || [ ! -s "$f-wal" ] || die "$name: a write-ahead log was left"
	cases=$((cases + 1))
done
echo "damaged: $cases damaged or foreign files, $runs commands refused with one line each, no file modified"
