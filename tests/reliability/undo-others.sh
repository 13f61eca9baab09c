#!/bin/sh
# undo-others.sh: undo takes back only this terminal's own changes.
#
# Two terminals on one database, Åsa's and Øyvind's. Åsa adds a parking
# entry, Øyvind answers it in his terminal; Åsa's undo then refuses,
# naming Øyvind, and the entry and his answer stay. Åsa's undo of her own
# later change still works.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/undo.db"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w participant name=Åsa role=facilitator >/dev/null || die "participant"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "participant"

ui_start asa -d "$DB" --as Åsa w
ui_start oyv -d "$DB" --as Øyvind w
for s in asa oyv; do
	wait_for "$s" "Why the invoice matters"
	keys "$s" 7
	wait_for "$s" "Parking lot:"
done

# Åsa writes the question.
keys asa a
wait_for asa "New parking"
type_text asa "Varför kostar räkningen så mycket?"
keys asa Enter
wait_for asa "Added parking"
# Øyvind sees it and marks it answered.
wait_for oyv "Varför kostar räkningen" 10
keys oyv c
wait_for oyv "answered" 10

# Åsa's undo must not delete what Øyvind has answered.
keys asa u
wait_for asa "Øyvind changed or used parking" 10
n=$(jh -d "$DB" show w parking | grep -c "Varför kostar räkningen")
[ "$n" = 1 ] || die "the entry Øyvind answered was deleted by Åsa's undo"
jh -d "$DB" export w -f json | grep -q '"answered": true' || die "Øyvind's answer was lost"

# Her own change, with nobody in between, still undoes.
keys asa a
wait_for asa "New parking"
type_text asa "Blåbärssylt åt alla?"
keys asa Enter
wait_for asa "Added parking"
keys asa u
wait_for asa "Undone: add of parking" 10
jh -d "$DB" show w parking | grep -q "Blåbärssylt" && die "Åsa's own add was not undone"
echo "undo refused over Øyvind's answer and took back Åsa's own add"
exit 0
