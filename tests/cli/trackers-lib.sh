# trackers-lib.sh: shared set-up of the tracker and calendar export tests
# (sourced, not run).
# shellcheck shell=sh
#
# Gives what tests/reliability/lib.sh gives, plus: need_python MODULE...
# (sets $PY to a Python 3 that imports them, or fails: a test without its
# consumer is no test) and sample_workshop DB (a workshop of Swedish and
# Norwegian text with commas, quotes, semicolons, line breaks and a very
# long title).
# shellcheck source=tests/reliability/lib.sh
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

need_python() {
	for py in ${PYTHON3_BIN:-} python3 /usr/bin/python3; do
		command -v "$py" >/dev/null 2>&1 || continue
		if "$py" -c "import sys; [__import__(m) for m in sys.argv[1:]]" "$@" 2>/dev/null; then
			# shellcheck disable=SC2034 # read by the tests that source this
			PY=$py
			return 0
		fi
	done
	die "no python3 with $* (apt-get install python3 python3-icalendar)"
}

# A title of about 700 bytes: longer than a tracker's summary and than
# several folded iCalendar lines.
long_title() {
	t="Lång titel:"
	i=0
	while [ $i -lt 45 ]; do
		t="$t åäöæø, ÅÄÖÆØ;"
		i=$((i + 1))
	done
	printf '%s slut' "$t"
}

sample_workshop() {
	jh -d "$1" new räkning >/dev/null || die "cannot create the workshop"
	jh -d "$1" add räkning participant "name=Åsa Öberg" >/dev/null || die "participant Åsa"
	jh -d "$1" add räkning participant "name=Øyvind Ærø" >/dev/null || die "participant Øyvind"
	jh -d "$1" add räkning painpoint "title=Fakturan är oläslig, \"helt\"; säger alla" \
		severity=5 frequency=4 "evidence=\"Jeg vet aldri hva jeg betaler for\", sa Øyvind;
/close
h1. inte en rubrik" >/dev/null || die "painpoint"
	jh -d "$1" add räkning idea "title=Förklara räkningen, tydligt" painpoints=1 \
		impact=5 effort=2 >/dev/null || die "idea"
	jh -d "$1" add räkning action "title=Skriv om fakturan, \"igen\"; på svenska" \
		"owner=Åsa Öberg" due=2026-12-24 idea=1 "notes=fråga juristen;
sen Øyvind" >/dev/null || die "action 1"
	jh -d "$1" add räkning action "title=Ring Øyvind om æ, ø og å" owner=oyvind \
		due=2027-01-15 status=doing >/dev/null || die "action 2"
	jh -d "$1" add räkning action "title=Boka uppföljning" status=done >/dev/null ||
		die "action 3"
	jh -d "$1" add räkning action "title=$(long_title)" "owner=Øyvind Ærø" \
		due=2027-02-28 idea=1 >/dev/null || die "action 4"
}
