#!/bin/sh
# testcard-editor.sh: a stand-in for $EDITOR on a whole test card. Keeps
# a copy of what it was given in $JH_TESTCARD_SEEN, then writes a new
# card; when the file $JH_TESTCARD_BAD exists, a card whose headings are
# out of order instead.
[ $# -eq 1 ] || exit 2
cp "$1" "${JH_TESTCARD_SEEN:?}" || exit 3
if [ -e "${JH_TESTCARD_BAD:?}" ]; then
	printf '%s\n' '# To verify that, we will' 'ringa tio kunder' '# We believe that' 'fel ordning' >"$1"
	exit 0
fi
cat >"$1" <<'CARD'
# We believe that
kunder som förstår fakturan
ringer mindre

# To verify that, we will
testa en ny layout på 500 kunder

# and measure
samtal om fakturan (Åsa räknar)

# We are right if
samtalen minskar med 20 % – Øyvind följer upp
CARD
