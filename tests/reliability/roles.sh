#!/bin/sh
# roles.sh: roles hold with three terminals on one workshop (issue 11,
# cases 2 and 12). Åsa facilitates; Øyvind and Nils participate, each in
# a terminal of their own. A participant's p offers no facilitator and
# F refuses; Åsa hands the role to Øyvind with F and every terminal shows
# the new facilitator; Nils, removed from the command line, is told on his
# terminal and cannot add an item; --as øyvind is Øyvind in the interface
# as on the command line (no second participant).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/roles.db"
jh -d "$DB" new w -t payment-moment --facilitator Åsa >/dev/null || die "new --facilitator"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "Øyvind"
jh -d "$DB" add w participant name=Nils >/dev/null || die "Nils"

participants() {
	jh -d "$DB" show w participants | tail -n +2 | wc -l
}

ui_start asa -d "$DB" --as Åsa w
ui_start oyv -d "$DB" --as Øyvind w
ui_start nils -d "$DB" --as Nils w
wait_for asa "Åsa (facilitator)"
wait_for oyv "Øyvind 4/4 dots, led by Åsa"
wait_for nils "Nils 4/4 dots, led by Åsa"

# --- a participant cannot become facilitator through p
keys oyv p
wait_for oyv "Who are you?"
screen oyv | grep -q "│Åsa" && die "p offers the facilitator to a participant: $(screen oyv)"
keys oyv Escape
wait_for oyv "Øyvind 4/4 dots, led by Åsa"
keys oyv F
wait_for oyv "Only a facilitator can name or remove a facilitator"
keys oyv ']'
wait_for oyv "Only a facilitator can move the agenda"
# Nor can p move a participant to another name without asking.
keys nils p
wait_for nils "Who are you?"
keys nils Up Enter
wait_for nils "Sign in as"
keys nils n
wait_for nils "You are still Nils"

# --- the facilitator hands the role over, and everyone sees it
keys asa p
wait_for asa "Enter items and votes for whom?"
screen asa | grep -q "Åsa.*(yourself)" || die "the facilitator's p lacks themselves: $(screen asa)"
keys asa Escape
keys asa F
wait_for asa "Who else should facilitate?"
keys asa Enter
wait_for asa "Øyvind facilitates: and you?"
keys asa Enter
wait_for asa "Øyvind facilitates now; you are a participant"
wait_for asa "led by Øyvind"
wait_for oyv "Øyvind (facilitator)"
wait_for nils "Nils 4/4 dots, led by Øyvind"
jh -d "$DB" show w participants | grep -q "Åsa .*participant" || die "Åsa is still facilitator"
keys asa ']'
wait_for asa "Only a facilitator can move the agenda"

# --- a removed participant's terminal is told and writes nothing
keys nils 7
wait_for nils "Parking lot"
jh -d "$DB" rm w participant nils >/dev/null || die "rm participant nils"
wait_for nils "Nils removed (p signs in)"
wait_for nils "Nils was removed from the workshop"
keys nils a
wait_for nils "Not saved: Nils was removed from the workshop"
screen nils | grep -q "New parking" && die "the removed terminal opened a form"
keys nils v
[ "$(jh -d "$DB" show w parking | tail -n +2 | wc -l)" -eq 0 ] ||
	die "a removed participant's terminal added: $(jh -d "$DB" show w parking)"

# --- --as øyvind is Øyvind, in the interface and on the command line
before=$(participants)
ui_start low -d "$DB" --as øyvind w
wait_for low "Øyvind (facilitator)"
out=$(jh -d "$DB" --as øyvind add w parking "text=Vem äger fakturan?") || die "--as øyvind: $out"
case $out in *joined*) die "the command line joined a second Øyvind: $out" ;; esac
[ "$(participants)" -eq "$before" ] ||
	die "--as øyvind made a second participant: $(jh -d "$DB" show w participants)"
jh -d "$DB" show w parking | grep -q "Vem äger fakturan?  Øyvind" ||
	die "the entry is not Øyvind's: $(jh -d "$DB" show w parking)"
echo "roles: p, F, removal and --as held on 4 terminals"
