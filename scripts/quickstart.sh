#!/bin/sh
# quickstart.sh: set up, build and either open the demo workshop (demo) or
# run the whole test suite (test). Safe to run again: it only installs and
# rebuilds what is missing or out of date.
set -eu

cd "$(dirname "$0")/.."
what="${1-demo}"

case "$what" in
demo|test) ;;
*) echo "usage: scripts/quickstart.sh [demo|test]" >&2; exit 2 ;;
esac

if [ "$what" = test ]; then
	scripts/deps.sh --quality
else
	scripts/deps.sh
fi

# find -newer rather than test -nt, which POSIX sh does not have.
if [ ! -x configure ] || [ -n "$(find configure.ac Makefile.am -newer configure)" ]; then
	autoreconf -fi
fi
if [ ! -f Makefile ] || [ -n "$(find configure -newer config.status)" ]; then
	./configure
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"

if [ "$what" = test ]; then
	make -j"$jobs" check
	# The same suite under ASan+UBSan, the core tests under valgrind and
	# a short run of every fuzzer, each in its own build outside the tree.
	exec scripts/ci-quality.sh
fi

# The demo: the payment-moment workshop with a little of everything, in
# the default database ($JOURNEYHACK_DB or the XDG data directory).
if ! ./journeyhack show demo >/dev/null 2>&1; then
	./journeyhack new demo -t payment-moment
	./journeyhack add demo participant name=Åsa department=Finance role=facilitator
	./journeyhack add demo participant name=Øyvind department="Customer service"
	./journeyhack add demo painpoint touchpoint="Receive invoice" title="Nobody understands the invoice" \
		severity=5 frequency=5 evidence="Support log: 41 % of calls in March were about the invoice"
	./journeyhack add demo painpoint touchpoint="Ask a question" title="Long phone queue" \
		severity=4 frequency=3 evidence="«Jag väntade i 25 minuter» (kundintervju 3)"
	./journeyhack add demo idea title="Explain what the money was spent on" impact=5 effort=2 \
		confidence=4 painpoints=1 belief="customers call because the invoice does not explain itself" \
		experiment="send a redesigned invoice to 500 customers" metric="invoice-related calls" \
		success="calls drop by 30 %"
	./journeyhack add demo idea title="Ask questions straight from the invoice" impact=4 effort=3 \
		confidence=3 painpoints=1,2
	./journeyhack add demo vote idea=1 participant=Åsa dots=2
	./journeyhack add demo vote idea=2 participant=Øyvind dots=1
	./journeyhack add demo action idea=1 title="Draft the new invoice layout" owner=Åsa due=2026-12-15
	./journeyhack add demo parking text="Wait until the billing system is replaced?"
fi
if [ -t 0 ] && [ -t 1 ]; then
	exec ./journeyhack demo
fi
exec ./journeyhack show demo
