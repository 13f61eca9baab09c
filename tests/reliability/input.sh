#!/bin/sh
# input.sh: what is typed reaches the database as meant, and is not lost.
#
# In a headless tmux, with Swedish text and two participants (Åsa, the
# facilitator, and Øyvind) on one database: "-1" and "-2" typed on a
# score field store -1 and -2 (not the first choice starting with each
# key); a pick list filters as it is typed; Esc on a changed form asks,
# and n keeps the text; a form half typed when the interface is killed
# with SIGKILL is offered back to the same participant as a draft, and
# restored and saved, while another participant is not offered it and no
# export shows it; voting twice in a backlog ranked by votes gives both
# dots to the idea the voter was on; answering a parking lot entry leaves
# the cursor on the same row; lowering the dot budget below what is spent
# is refused with the names of those over it, and trimmed on request.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/in.db"
jh -d "$DB" new k >/dev/null || die "cannot create the workshop"
jh -d "$DB" add k participant name=Åsa role=facilitator >/dev/null || die "participant Åsa"
jh -d "$DB" add k participant name=Øyvind >/dev/null || die "participant Øyvind"
jh -d "$DB" add k journey name=Betalning stages=Före,Under >/dev/null || die "journey"
for tp in "Öppna appen" "Betala räkningen" "Få kvitto"; do
	jh -d "$DB" add k touchpoint journey=Betalning stage=Före "name=$tp" >/dev/null ||
		die "touchpoint $tp"
done
checks=0
ok() { checks=$((checks + 1)); }

# closed SESSION TEXT: the form titled TEXT is gone from the screen.
closed() {
	deadline=$(($(now_ms) + 10000))
	while screen "$1" | grep -F -q -- "$2"; do
		[ "$(now_ms)" -lt "$deadline" ] || { screen "$1" >&2; die "$1: \"$2\" still open"; }
		sleep 0.03
	done
}

# ---- a score typed as "-1" and "-2" is stored with its sign
ui_start a -d "$DB" --as Åsa k
wait_for a "Agenda"
for score in -1 -2; do
	keys a 2 a
	wait_for a "New touchpoint"
	type_text a "Hämta kvitto $score"
	keys a Tab Tab Tab Tab Tab
	type_text a "$score"
	keys a Enter
	closed a "New touchpoint"
	got=$(sql "$DB" "SELECT score FROM touchpoint WHERE name = 'Hämta kvitto $score'")
	[ "$got" = "$score" ] || die "typed $score on the score field, stored \"$got\""
	ok
done

# ---- a pick list filters as it is typed
keys a 3 a
wait_for a "New pain point"
type_text a "Kvittot kommer aldrig"
keys a Tab C-t
wait_for a "Öppna appen"
type_text a "kvi"
deadline=$(($(now_ms) + 10000))
while screen a | grep -q "Öppna appen"; do
	[ "$(now_ms)" -lt "$deadline" ] || { screen a >&2; die "typing \"kvi\" left Öppna appen in the pick list"; }
	sleep 0.03
done
screen a | grep -q "Få kvitto" || { screen a >&2; die "typing \"kvi\" filtered Få kvitto away"; }
keys a Enter Enter
closed a "New pain point"
got=$(sql "$DB" "SELECT t.name FROM painpoint p JOIN touchpoint t ON t.id = p.touchpoint_id WHERE p.title = 'Kvittot kommer aldrig'")
[ "$got" = "Få kvitto" ] || die "the pick list filtered to Få kvitto chose \"$got\""
ok

# ---- Esc on a changed form asks; n keeps the text, y discards it
keys a 7 a
wait_for a "New parking"
type_text a "Varför är det så svårt?"
keys a Escape
wait_for a "Discard what you typed"
keys a n
wait_for a "New parking"
wait_for a "Varför är det så svårt?"
ok
keys a Escape
wait_for a "Discard what you typed"
keys a y
closed a "New parking"
[ "$(sql "$DB" "SELECT count(*) FROM parking")" = 0 ] || die "a discarded form was saved"
[ "$(sql "$DB" "SELECT count(*) FROM draft")" = 0 ] || die "a discarded form left a draft"
ok
# An unchanged form closes at once.
keys a a
wait_for a "New parking"
keys a Escape
closed a "New parking"
screen a | grep -q "Discard what you typed" && die "an unchanged form asked before closing"
ok

# ---- kill -9 with a form half typed: the draft is offered back
keys a a
wait_for a "New parking"
type_text a "Halvskriven fråga om äpplen"
deadline=$(($(now_ms) + 10000))
until [ "$(sql "$DB" "SELECT count(*) FROM draft WHERE value = 'Halvskriven fråga om äpplen'")" = 1 ]; do
	[ "$(now_ms)" -lt "$deadline" ] || die "the half typed form was not kept as a draft"
	sleep 0.05
done
kill -KILL "$(ui_pid a)" || die "cannot kill the interface"
t kill-session -t a
jh -d "$DB" export k -f json | grep -q "Halvskriven" && die "a draft is in the JSON export"
jh -d "$DB" export k -f md | grep -q "Halvskriven" && die "a draft is in the Markdown export"
ok
# Another participant opening the same form is not offered it.
ui_start b -d "$DB" --as Øyvind k
wait_for b "Agenda"
keys b 7 a
wait_for b "New parking"
sleep 0.3
screen b | grep -q "draft\|Halvskriven" && { screen b >&2; die "Øyvind was offered Åsa's draft"; }
keys b Escape
closed b "New parking"
t kill-session -t b
ok
# The same participant is, and takes it.
ui_start a2 -d "$DB" --as Åsa k
wait_for a2 "Agenda"
keys a2 7 a
wait_for a2 "Your unsaved draft"
keys a2 C-r
wait_for a2 "Halvskriven fråga om äpplen"
keys a2 Enter
closed a2 "New parking"
[ "$(sql "$DB" "SELECT count(*) FROM parking WHERE text = 'Halvskriven fråga om äpplen'")" = 1 ] ||
	die "the restored draft was not saved"
[ "$(sql "$DB" "SELECT count(*) FROM draft")" = 0 ] || die "the saved draft was kept"
ok
t kill-session -t a2

# ---- votes: the cursor stays on the idea voted for while ranks change
jh -d "$DB" set k workshop method=votes dots=10 >/dev/null || die "votes method"
for idea in "Äldre kunder först" "Snabbare kvitto" "Öppen kö"; do
	jh -d "$DB" add k idea "title=$idea" >/dev/null || die "idea $idea"
done
jh -d "$DB" --as Øyvind add k vote "idea=Äldre kunder först" dots=2 >/dev/null || die "vote"
jh -d "$DB" --as Øyvind add k vote "idea=Snabbare kvitto" dots=1 >/dev/null || die "vote"
ui_start v -d "$DB" --as Åsa k
wait_for v "Agenda"
keys v 4
wait_for v "Öppen kö"
keys v G
keys v v
wait_for v "gave a dot"
keys v v
deadline=$(($(now_ms) + 10000))
until [ "$(sql "$DB" "SELECT coalesce(sum(v.dots), 0) FROM vote v JOIN participant p ON p.id = v.participant_id WHERE p.name = 'Åsa'")" = 2 ]; do
	[ "$(now_ms)" -lt "$deadline" ] || die "the second dot was not given"
	sleep 0.05
done
got=$(sql "$DB" "SELECT i.title, v.dots FROM vote v JOIN idea i ON i.id = v.idea_id JOIN participant p ON p.id = v.participant_id WHERE p.name = 'Åsa'")
[ "$got" = "Öppen kö	2" ] || die "two dots on the idea under the cursor went to: $got"
ok
t kill-session -t v

# ---- answering a parking lot entry leaves the cursor on its row
for q in "Vem äger kvittot?" "Går det på fredag?" "Måste vi ha BankID?"; do
	jh -d "$DB" add k parking "text=$q" >/dev/null || die "parking $q"
done
first=$(sql "$DB" "SELECT min(id) FROM parking WHERE answered = 0")
ui_start p -d "$DB" --as Åsa k
wait_for p "Agenda"
keys p 7
wait_for p "Parking lot:"
keys p g
# The open entries come first, oldest first: the first open one is on top.
wait_for p "#$first open"
keys p c
wait_for p "Changed answered flag"
settled p | grep -q "#$first open" && die "the cursor followed the answered entry"
row=$(settled p | sed -n 's/.* \([0-9]*\)\/[0-9]*$/\1/p' | head -n 1)
[ "$row" = 1 ] || { screen p >&2; die "after answering, the cursor is on row \"$row\", not 1"; }
ok
# Answering in the edit form (answered: y picks yes) moves the entry too.
second=$(sql "$DB" "SELECT min(id) FROM parking WHERE answered = 0")
wait_for p "#$second open"
keys p e
wait_for p "Edit parking"
keys p Tab
type_text p y
keys p Tab
type_text p "Ekonomi äger det"
keys p Enter
closed p "Edit parking"
[ "$(sql "$DB" "SELECT answered FROM parking WHERE id = $second")" = 1 ] || die "the form did not answer #$second"
settled p | grep -q "#$second answered" && die "the cursor followed the entry answered in the form"
row=$(settled p | sed -n 's/.* \([0-9]*\)\/[0-9]*$/\1/p' | head -n 1)
[ "$row" = 1 ] || { screen p >&2; die "after answering in the form, the cursor is on row \"$row\", not 1"; }
ok
t kill-session -t p
# ---- lowering the budget below what is spent: refused, or trimmed
spent() {
	sql "$DB" "SELECT group_concat(n, ' ') FROM (SELECT p.name || '=' || sum(v.dots) AS n FROM vote v JOIN participant p ON p.id = v.participant_id GROUP BY p.id ORDER BY p.id)"
}
[ "$(spent)" = "Åsa=2 Øyvind=3" ] || die "votes before the trim: $(spent)"
ui_start s -d "$DB" --as Åsa k
wait_for s "Agenda"
keys s A
wait_for s "Add what?"
type_text s "workshop"
keys s Enter
wait_for s "Workshop settings"
keys s Tab Tab Tab C-u
type_text s 1
keys s Enter
wait_for s "cannot lower the budget to 1: Øyvind has spent 3, Åsa 2"
keys s n
wait_for s "Workshop settings"
[ "$(sql "$DB" "SELECT dots_per_participant FROM workshop")" = 10 ] || die "a refused budget was set"
[ "$(spent)" = "Åsa=2 Øyvind=3" ] || die "a refused trim changed the votes: $(spent)"
keys s Enter
wait_for s "cannot lower the budget to 1"
keys s y
closed s "Workshop settings"
[ "$(sql "$DB" "SELECT dots_per_participant FROM workshop")" = 1 ] || die "the trimmed budget was not set"
[ "$(spent)" = "Åsa=1 Øyvind=1" ] || die "after trimming to 1 dot each: $(spent)"
ok
t kill-session -t s
echo "input: $checks checks passed"
