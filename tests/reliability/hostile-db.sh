#!/bin/sh
# hostile-db.sh: workshop files crafted to run their own SQL or to feed
# the program values no command could have stored.
#
# A corpus is built from one valid workshop with the sqlite3 shell:
# triggers on every table that would write a marker, views (one over
# nothing, one recursive), extra and missing tables, indexes and columns,
# a changed check, a name holding terminal escapes, negative and huge
# versions, a wrong application id, and out-of-range timers, agenda
# positions, scores, severities, choices and dots. Every ordinary command (list, show, add painpoint, add
# parking, vote, export, the interface) is run on each:
# - a file whose schema or settings are not journeyhack's is refused with
#   exit 3 and one line naming the file and the difference, and keeps
#   every byte;
# - a file with a bad value in one item is refused (exit 1, the table,
#   row, field and value named) by every command that reads items; the
#   others work on the rest and leave that row as it was;
# - nothing stored in a file ever runs: no marker row appears anywhere.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3

GOOD="$WORK/good.db"
jh -d "$GOOD" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$GOOD" add w participant name=Anna >/dev/null || die "participant"
jh -d "$GOOD" add w idea "title=Explain the invoice" >/dev/null || die "idea"
jh -d "$GOOD" --as Anna add w vote idea=1 dots=1 >/dev/null || die "vote"
jh -d "$GOOD" add w painpoint "title=Nobody understands it" severity=4 >/dev/null || die "pain"
jh -d "$GOOD" add w parking "text=Whose job is it?" >/dev/null || die "parking"
jh -d "$GOOD" add w action "title=Draft the layout" idea=1 >/dev/null || die "action"
"$SQLITE3" "$GOOD" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null || die "checkpoint"
tables=$(sql "$GOOD" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")

D="$WORK/corpus"
mkdir -p "$D"
# craft NAME SQL: a copy of the valid workshop changed by SQL that no
# journeyhack command would run. Check constraints are ignored so that
# rows can hold what the schema forbids, as bytes written by hand can.
craft() {
	cp "$GOOD" "$D/$1.db"
	"$SQLITE3" -batch -bail "$D/$1.db" "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; $2" ||
		die "cannot craft $1"
}

# The marker a trigger writes: a table of its own, and for a file that
# must not be refused for that table alone, rows in the program's own.
marks=""
for t in $tables; do
	for ev in INSERT UPDATE DELETE; do
		marks="$marks CREATE TRIGGER mark_${t}_$ev AFTER $ev ON $t BEGIN INSERT INTO marker VALUES ('$t $ev'); END;"
	done
done
craft triggers-marker "CREATE TABLE marker (what TEXT); $marks"
own=""
for t in $tables; do
	own="$own CREATE TRIGGER own_$t AFTER INSERT ON $t BEGIN
		INSERT INTO parking (workshop_id, text) VALUES (1, 'MARKER $t');
		UPDATE workshop SET title = 'MARKER'; DELETE FROM idea; END;"
done
craft triggers-own "$own"
craft trigger-before "CREATE TRIGGER before_pain BEFORE INSERT ON painpoint BEGIN
	SELECT RAISE(IGNORE); END;"
craft name-escapes "CREATE TRIGGER \"t$(printf '\033]0;owned\007\302\233')\" AFTER INSERT ON parking BEGIN SELECT 1; END"
craft view-empty "CREATE VIEW nowhere AS SELECT 1 WHERE 0"
craft view-recursive "CREATE VIEW forever AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n"
craft view-instead "CREATE VIEW pains AS SELECT * FROM painpoint;
	CREATE TRIGGER pains_in INSTEAD OF INSERT ON pains BEGIN INSERT INTO marker VALUES (1); END;"
craft table-extra "CREATE TABLE notes (t TEXT)"
craft index-extra "CREATE INDEX idea_title ON idea (title)"
craft index-missing "DROP INDEX painpoint_workshop"
craft table-missing "DROP TABLE parking"
craft column-missing "ALTER TABLE idea DROP COLUMN confidence"
craft column-extra "ALTER TABLE painpoint ADD COLUMN secret TEXT DEFAULT 'x'"
craft column-generated "ALTER TABLE idea ADD COLUMN g INTEGER GENERATED ALWAYS AS (impact * 2) VIRTUAL"
craft check-dropped "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (severity BETWEEN 1 AND 5)', '')
	WHERE name = 'painpoint'"
craft version-negative "PRAGMA user_version = -1"
craft version-min "PRAGMA user_version = -2147483648"
craft version-huge "PRAGMA user_version = 2147483647"
craft version-zero "PRAGMA user_version = 0"
craft appid-wrong "PRAGMA application_id = 1234"
craft appid-zero "PRAGMA application_id = 0"
craft timer-elapsed-huge "UPDATE workshop SET timer_elapsed = 9223372036854775807, timer_running = 1"
craft timer-elapsed-negative "UPDATE workshop SET timer_elapsed = -2147483648"
craft timer-started-negative "UPDATE workshop SET timer_started = -9223372036854775808, timer_running = 1"
craft timer-running-two "UPDATE workshop SET timer_running = 2"
craft step-current-negative "UPDATE workshop SET current_step = -1"
craft step-current-huge "UPDATE workshop SET current_step = 4294967296"
craft step-minutes-huge "UPDATE step SET minutes = 2147483647 WHERE position = 0"
craft dots-budget-huge "UPDATE workshop SET dots_per_participant = 9223372036854775807"
craft method-bogus "UPDATE workshop SET method = 'rm -rf'"
craft list-bogus "UPDATE workshop_list SET list = 'evil' WHERE rowid = 1"
craft score-huge "UPDATE touchpoint SET score = -2147483648 WHERE id = 1"
craft severity-huge "UPDATE painpoint SET severity = 2147483647, frequency = 2147483647"
craft severity-text "UPDATE painpoint SET severity = 'five'"
craft status-bogus "UPDATE painpoint SET status = 'closed'"
craft position-huge "UPDATE journey SET position = 9223372036854775807"
craft dots-huge "UPDATE vote SET dots = 4611686018427387904"
craft reach-negative "UPDATE idea SET reach = -1"

# What a file refused at open must say (a grep pattern), by name.
expect() {
	case $1 in
	triggers-marker) echo "unexpected trigger 'mark_" ;;
	triggers-own) echo "unexpected trigger 'own_" ;;
	trigger-before) echo "unexpected trigger 'before_pain'" ;;
	name-escapes) echo "unexpected trigger 't?]0;owned???'" ;;
	view-empty) echo "unexpected view 'nowhere'" ;;
	view-recursive) echo "unexpected view 'forever'" ;;
	view-instead) echo "unexpected view 'pains'" ;;
	table-extra) echo "unexpected table 'notes'" ;;
	index-extra) echo "unexpected index 'idea_title'" ;;
	index-missing) echo "missing index 'painpoint_workshop'" ;;
	table-missing) echo "missing table 'parking'" ;;
	column-missing) echo "table idea lacks column 'confidence'" ;;
	column-extra) echo "table painpoint has an unexpected column 'secret'" ;;
	column-generated) echo "table idea has an unexpected column 'g'" ;;
	check-dropped) echo "table painpoint is defined differently" ;;
	version-negative) echo "impossible schema version -1" ;;
	version-min) echo "impossible schema version -2147483648" ;;
	version-huge) echo "written by a newer journeyhack (schema 2147483647" ;;
	version-zero) echo "unexpected table" ;;
	appid-*) echo "an SQLite database that journeyhack did not write" ;;
	timer-elapsed-huge) echo "table workshop, row 1: timer_elapsed = 9223372036854775807 is out of range" ;;
	timer-elapsed-negative) echo "table workshop, row 1: timer_elapsed = -2147483648 is out of range" ;;
	timer-started-negative) echo "table workshop, row 1: timer_started = -9223372036854775808 is out of range" ;;
	timer-running-two) echo "table workshop, row 1: timer_running = 2 is out of range 0..1" ;;
	step-current-negative) echo "table workshop, row 1: current_step = -1 is out of range" ;;
	step-current-huge) echo "table workshop, row 1: current_step = 4294967296 is out of range" ;;
	step-minutes-huge) echo "table step, row [0-9]*: minutes = 2147483647 is out of range 1..1440" ;;
	dots-budget-huge) echo "table workshop, row 1: dots_per_participant = 9223372036854775807 is out of range 1..100" ;;
	method-bogus) echo "table workshop, row 1: method = 'rm -rf' is not one of its choices" ;;
	list-bogus) echo "table workshop_list, row 1: list = 'evil' is not one of its choices" ;;
	# Values inside items: refused by the commands that read them.
	score-huge) echo "table touchpoint, row 1: score = -2147483648 is out of range -2..2" ;;
	severity-huge) echo "table painpoint, row 1: severity = 2147483647 is out of range 1..5" ;;
	severity-text) echo "table painpoint, row 1: severity = 'five' is not a whole number" ;;
	status-bogus) echo "table painpoint, row 1: status = 'closed' is not one of its choices" ;;
	position-huge) echo "table journey, row 1: position = 9223372036854775807 is out of range 0..1000000" ;;
	dots-huge) echo "table vote, row 1: dots = 4611686018427387904 is out of range 1..100" ;;
	reach-negative) echo "table idea, row 1: reach = -1 is out of range 0..100" ;;
	esac
}

# Item values are read (and refused) by show and export; a change that
# does not read the bad row may go ahead.
in_item() {
	case $1 in
	score-* | severity-* | status-* | position-* | dots-huge | reach-*) return 0 ;;
	esac
	return 1
}

# No marker anywhere: neither in a marker table nor in the program's own.
no_marker() { # FILE WHAT
	if sql "$1" "SELECT name FROM sqlite_schema WHERE name = 'marker'" | grep -q marker; then
		[ -z "$(sql "$1" "SELECT * FROM marker")" ] || die "$2: a trigger wrote the marker table"
	fi
	! sql "$1" "SELECT text FROM parking UNION ALL SELECT title FROM workshop" 2>/dev/null |
		grep -q MARKER || die "$2: a trigger wrote a marker row"
}

echo "" >"$WORK/empty.keys"
cmds='list|show w|show w painpoint|add w painpoint title=New|add w parking text=New|--as Anna add w vote idea=1 dots=1|export w -f markdown|export w -f json|ui'
cases=0
runs=0
for f in "$D"/*.db; do
	name=$(basename "$f" .db)
	want=$(expect "$name")
	[ -n "$want" ] || die "$name: no expected message"
	cp "$f" "$WORK/before.db"
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
		[ $rc -ne 124 ] || die "$name: \"$c\" ran for 10 s"
		if in_item "$name"; then
			case $c in
			show* | export* | ui) ;;
			*) # works on the rest of the file, or refuses with one line
				[ $rc -eq 0 ] || [ "$(wc -l <"$WORK/err")" -eq 1 ] ||
					die "$name: \"$c\" exited $rc: $(cat "$WORK/err")"
				runs=$((runs + 1))
				continue
				;;
			esac
			[ $rc -eq 1 ] || die "$name: \"$c\" exited $rc, not 1: $(cat "$WORK/err")"
		elif [ "$c" = ui ]; then # the interface exits as the commands do
			[ $rc -eq 3 ] || die "$name: the interface exited $rc, not 3: $(cat "$WORK/err")"
		else
			[ $rc -eq 3 ] || die "$name: \"$c\" exited $rc, not 3: $(cat "$WORK/err")"
		fi
		[ "$(wc -l <"$WORK/err")" -eq 1 ] || die "$name: \"$c\" said: $(cat "$WORK/err")"
		! LC_ALL=C grep -q "$(printf '[\033\007\200-\237]')" "$WORK/err" ||
			die "$name: \"$c\" echoed control bytes from the file"
		grep -q "^journeyhack: $f: $want" "$WORK/err" ||
			die "$name: \"$c\": \"$(cat "$WORK/err")\" lacks \"$f: $want\""
		[ ! -s "$WORK/out" ] || [ "$c" = ui ] || die "$name: \"$c\" printed: $(head -3 "$WORK/out")"
		runs=$((runs + 1))
		if ! in_item "$name"; then
			cmp -s "$f" "$WORK/before.db" || die "$name: \"$c\" modified the file"
			[ ! -s "$f-wal" ] || die "$name: \"$c\" left a write-ahead log"
		fi
	done
	# A marker, once written, stays: one look after all the commands.
	no_marker "$f" "$name"
	cases=$((cases + 1))
done

# A bad item value stays as it was: a change elsewhere never "repairs"
# or spreads it, and the row is still refused afterwards.
[ "$(sql "$D/severity-huge.db" "SELECT severity FROM painpoint WHERE id = 1")" = 2147483647 ] ||
	die "severity-huge: the bad row was changed"
echo "hostile-db: $cases crafted files, $runs commands; every schema and settings" \
	"difference refused with exit 3 and the file unchanged; no stored SQL ran"
