#!/bin/sh
# targets-ui.sh: the interface's export prompt refuses the workshop
# database under any of its names, and an interface whose database file
# is deleted or replaced under it says so and saves nothing more, rather
# than reporting "Added ..." for changes that go nowhere.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
. "${JH_SRCDIR:?}/tests/reliability/tmux-lib.sh"

need_sqlite3
DB="$WORK/u.db"
jh -d "$DB" new u -t payment-moment >/dev/null || die "cannot create the workshop"
checks=0
ok() { checks=$((checks + 1)); }
inode() { stat -c %i "$1"; }

# export_to SESSION FILE: x, the first kind (action points), FILE.
export_to() {
	keys "$1" x
	wait_for "$1" "Export what?"
	keys "$1" Enter
	wait_for "$1" "Export to file:"
	keys "$1" C-u
	type_text "$1" "$2"
	keys "$1" Enter
}

ui_start exp -d "$DB" u
wait_for exp "Why the invoice matters"
ino=$(inode "$DB")
mkdir "$WORK/sub"
ln -s u.db "$WORK/link.db"
ln "$DB" "$WORK/hard.db"
for target in "$DB" "$WORK/link.db" "$WORK/hard.db" "$WORK/sub/../u.db" "$DB-wal" "$DB-journal"; do
	export_to exp "$target"
	wait_for exp "workshop database"
	screen exp | grep -q "Exported to" && die "the prompt exported to $target"
	[ "$(inode "$DB")" = "$ino" ] || die "export to $target replaced the database"
	[ "$(sql "$DB" "SELECT count(*) FROM workshop")" = 1 ] || die "export to $target damaged the database"
	ok
done
export_to exp "$WORK/sub/actions.md"
wait_for exp "Exported to"
[ -s "$WORK/sub/actions.md" ] || die "the export to an ordinary file is missing"
ok
rm -f "$WORK/link.db" "$WORK/hard.db"

# add_parking SESSION TEXT: 7 (parking lot), a, TEXT, Enter.
add_parking() {
	keys "$1" 7 a
	wait_for "$1" "New parking"
	type_text "$1" "$2"
	keys "$1" Enter
}

add_parking exp "before the file went"
wait_for exp "Added parking"
ok

# ---- deleted under the interface, with a form open: the save is refused
keys exp 7 a
wait_for exp "New parking"
rm -f "$DB" "$DB-wal" "$DB-shm"
sleep 0.6 # past a poll, so the form is open across it
type_text exp "after the file went"
keys exp Enter
wait_for exp "Not saved"
screen exp | grep -q "Added parking" && die "the interface claimed to add to a deleted database"
keys exp Escape
wait_for exp "was deleted"
ok
# Then every change is refused at once, and the error stays on the
# message line after other keys.
keys exp a
wait_for exp "Not saved"
screen exp | grep -q "New parking" && die "a form opened for a change that cannot be saved"
keys exp 1
wait_for exp "was deleted" 3
keys exp u
wait_for exp "Not saved"
ok
# What is shown can still be exported.
export_to exp "$WORK/sub/rescued.md"
wait_for exp "Exported to"
# The outcome stays readable: polling puts the lost database back on
# the line only once it is free, at the next key.
sleep 1
screen exp | grep -q "Exported to" || die "the export's outcome vanished from the message line"
ok
[ -s "$WORK/sub/rescued.md" ] || die "nothing was exported from the interface whose file went"
ok
keys exp q
t kill-session -t exp

# ---- replaced under the interface (what a copy or a restore does)
jh -d "$DB" new u -t payment-moment >/dev/null || die "cannot create the workshop again"
ui_start rep -d "$DB" u
wait_for rep "Why the invoice matters"
keys rep 7 a
wait_for rep "New parking"
cp "$DB" "$WORK/copy.db"
mv "$WORK/copy.db" "$DB"
sleep 0.6
type_text rep "into the replaced file"
keys rep Enter
wait_for rep "Not saved"
screen rep | grep -q "Added parking" && die "the interface claimed to add to a replaced database"
keys rep Escape
wait_for rep "was replaced"
[ "$(sql "$DB" "SELECT count(*) FROM parking WHERE text = 'into the replaced file'")" = 0 ] ||
	die "the change reached the new file"
keys rep a
wait_for rep "Not saved"
ok
keys rep q
t kill-session -t rep

echo "targets-ui: $checks checks: the export prompt refuses the database, its links and its -wal/-journal; a deleted or replaced database is reported and nothing more is claimed saved"
