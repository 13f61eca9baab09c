# lib.sh: shared set-up for the screen tests and the tmux end-to-end test.
# shellcheck shell=sh
# Sourced, not run. Needs JH_BIN and JH_SRCDIR (Makefile.am's
# AM_TESTS_ENVIRONMENT provides both).

# A reproducible world: fixed date, time zone and locale, no colour, and
# no user configuration leaking in.
JOURNEYHACK_TODAY=2026-03-10
TZ=UTC
LANG=C.UTF-8
LC_ALL=C.UTF-8
NO_COLOR=1
TERM=xterm
JOURNEYHACK_TEMPLATE_PATH="$JH_SRCDIR/workshop-templates"
export JOURNEYHACK_TODAY TZ LANG LC_ALL NO_COLOR TERM JOURNEYHACK_TEMPLATE_PATH
unset JOURNEYHACK_DB VISUAL EDITOR TMUX

jh() {
	"$JH_BIN" -d "$DB" "$@" >/dev/null
}

# The mini-workshop: the payment journey from the template, Swedish text,
# three people, pain points, ideas with votes, actions, a parked question.
fixture_payment() {
	jh new pay -t payment-moment
	jh add pay participant name=Anna department=Ekonomi role=facilitator
	jh add pay participant name=Björn department=Kundtjänst
	jh add pay participant "name=Åsa Öberg" department=IT
	jh add pay touchpoint journey="Pay the invoice" stage=Receive name=Påminnelse \
		channel=letter owner=Ekonomi score=-2 reach=30 potential=2
	jh add pay painpoint touchpoint="Receive invoice" "title=Fakturan är svår att läsa" \
		severity=4 frequency=5 "evidence=Kundtjänst: 1 200 samtal i månaden om fakturan" \
		author=Björn
	jh add pay painpoint touchpoint="Ask a question" "title=Lång kö i telefon" severity=3 \
		frequency=4 "evidence=Snitt 14 minuter i kö (mars)"
	jh add pay painpoint "title=Ingen vet vem som äger fakturan" severity=2 frequency=2
	jh add pay idea "title=Förklara vad pengarna gick till" impact=4 effort=2 confidence=4 \
		painpoints=1 "belief=kunder som förstår fakturan ringer mindre" \
		"experiment=testa ny layout på 500 kunder" "metric=samtal om fakturan" \
		"success=samtalen minskar med 20 %"
	jh add pay idea "title=Frågor direkt från fakturan (chatt)" impact=3 effort=4 confidence=2 \
		painpoints=1,2
	jh add pay idea "title=Nytt faktureringssystem" impact=5 effort=5 confidence=1
	jh add pay idea "title=Enklare språk" impact=2 effort=1 confidence=5
	jh add pay vote idea=1 participant=Anna dots=2
	jh add pay vote idea=1 participant=Björn dots=1
	jh add pay vote idea=2 participant=Björn dots=2
	jh add pay action idea=1 "title=Ny fakturalayout, pilot" owner=Anna due=2026-04-01
	jh add pay action idea=4 "title=Skriv om texterna" owner=Björn due=2026-03-01 status=doing
	jh add pay action "title=Ta fram samtalsstatistik" due=2026-02-15 status=done owner="Åsa Öberg"
	jh add pay action "title=Utse ägare för fakturan"
	jh add pay parking "text=Fakturan är ekonomis sak, inte vår" author=Björn
	jh add pay parking "text=Vänta på nya systemet?" answered=yes "answer=Layouten kan ändras nu"
	# Text pasted from elsewhere may carry terminal escapes: they must be
	# shown, never obeyed.
	jh add pay parking "text=$(printf 'Inklistrat\033[31m rött\033[0m och\ttabb')"
}

# A workshop with nothing in it but the agenda.
fixture_empty() {
	jh new empty -t half-day-sprint
}

# Two workshops in one database: the UI asks which one to open.
fixture_two() {
	fixture_payment
	jh new kickoff -t half-day-sprint
}

# The current step over its timebox, the timer paused: the status bar's
# alarm. The CLI has no timer command, so this pokes the database (skip
# without sqlite3).
fixture_overtime() {
	[ -n "${SQLITE3_BIN:-}" ] && [ -x "$SQLITE3_BIN" ] || return 77
	fixture_payment &&
		"$SQLITE3_BIN" "$DB" "UPDATE workshop SET timer_elapsed = 1300, timer_running = 0"
}

# The payment workshop with to-be targets: two gaps and one reached.
fixture_targets() {
	fixture_payment &&
		jh set pay touchpoint 1 target=1 &&
		jh set pay touchpoint 2 target=1 &&
		jh set pay touchpoint 4 target=1
}

# Build (once per run) the database of a fixture; prints its path.
fixture_db() {
	_f=$1
	_db="$FIXTURES/$_f.db"
	if [ ! -f "$_db" ]; then
		DB="$_db"
		"fixture_$_f"
		_rc=$?
		if [ $_rc -ne 0 ]; then
			rm -f "$_db"
			return $_rc
		fi
	fi
	printf '%s\n' "$_db"
}

# The payment workshop ranked by impact and effort.
fixture_impact() {
	fixture_payment &&
		jh set pay workshop pay method=impact-effort
}
