#!/bin/sh
# conflict-ui.sh: two people saving the same field never overwrite each
# other silently.
#
# Åsa and Øyvind open the same parking entry in two terminals and both
# write an answer. Øyvind saves first; when Åsa saves, the conflict dialog
# shows his answer beside hers. She keeps hers, and undo brings his back:
# both answers survive. In a second round she keeps his, and hers comes
# back as her draft of the entry.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

DB="$WORK/conflict.db"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" add w participant name=Åsa role=facilitator >/dev/null || die "participant"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "participant"
jh -d "$DB" add w parking "text=Vem äger fakturatexten?" >/dev/null || die "parking"

answer() {
	jh -d "$DB" export w -f json | "${JQ_BIN:-jq}" -r '.parking[0].answer'
}
command -v "${JQ_BIN:-jq}" >/dev/null 2>&1 || skip "jq is needed to read the export"

ui_start asa -d "$DB" --as Åsa w
ui_start oyv -d "$DB" --as Øyvind w
for s in asa oyv; do
	wait_for "$s" "Why the invoice matters"
	keys "$s" 7
	wait_for "$s" "Vem äger fakturatexten"
	keys "$s" e
	wait_for "$s" "Edit parking"
	# text, answered, answer
	keys "$s" Tab Tab
done
type_text oyv "Kundservice äger den"
type_text asa "Ekonomi och fakturering"
keys oyv Enter
wait_for oyv "Saved parking" 10
[ "$(answer)" = "Kundservice äger den" ] || die "Øyvind's answer was not saved"

keys asa Enter
wait_for asa "Conflict: Øyvind changed this parking" 10
wait_for asa "Keep theirs (Øyvind): answer «Kundservice äger den»"
wait_for asa "Keep yours: answer «Ekonomi och fakturering»"
[ "$(answer)" = "Kundservice äger den" ] || die "Åsa's save overwrote Øyvind's answer without asking"

# Keep yours (the dialog starts on Edit).
keys asa Up Enter
wait_for asa "Saved yours over Øyvind's" 10
[ "$(answer)" = "Ekonomi och fakturering" ] || die "Åsa's kept answer was not saved: $(answer)"
keys asa u
wait_for asa "Undone: edit of parking" 10
[ "$(answer)" = "Kundservice äger den" ] || die "undo did not bring Øyvind's answer back: $(answer)"

# Keep theirs: Øyvind's answer stays and what Åsa typed becomes her draft
# of the entry, offered back when she opens it again. Øyvind starts anew,
# so his form surely holds the entry as the undo left it.
t kill-session -t oyv
ui_start oyv -d "$DB" --as Øyvind w
wait_for oyv "Why the invoice matters"
keys oyv 7
wait_for oyv "Vem äger fakturatexten"
for s in asa oyv; do
	keys "$s" e
	wait_for "$s" "Edit parking"
	keys "$s" Tab Tab C-u
done
type_text oyv "Juridik äger den nu"
type_text asa "Marknad och kommunikation"
keys oyv Enter
wait_for oyv "Saved parking" 10
keys asa Enter
wait_for asa "Conflict: Øyvind changed this parking" 10
keys asa Up Up Enter
wait_for asa "Kept Øyvind's version; yours is your draft" 10
[ "$(answer)" = "Juridik äger den nu" ] || die "keep theirs changed the answer: $(answer)"
keys asa e
wait_for asa "Your unsaved draft" 10
keys asa C-r Enter
wait_for asa "Saved parking" 10
[ "$(answer)" = "Marknad och kommunikation" ] ||
	die "Åsa's answer was lost after keeping Øyvind's: $(answer)"
echo "the conflict dialog showed both answers; Åsa's kept answer and Øyvind's both survive;"
echo "keeping theirs left hers as a draft that was restored and saved"
exit 0
