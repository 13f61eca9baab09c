#!/bin/sh
# ui.sh: the interface in Swedish, driven in a real terminal (tmux) at
# 80x24: every view, the help and a form show Swedish labels, the title
# bar keeps its tabs, and the status and key lines keep both ends on
# screen. English is back under C.UTF-8. Exit 0 pass, 1 fail.
set -u
: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"
: "${JOURNEYHACK_LOCALEDIR:?JOURNEYHACK_LOCALEDIR is not set (run through make check)}"

TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-i18n-ui.XXXXXX") || exit 1
t() {
	"$TMUX_BIN" -S "$WORK/sock" -f /dev/null "$@"
}
trap 't kill-server 2>/dev/null; rm -rf "$WORK"' EXIT HUP INT TERM
fail() {
	echo "FAIL: $*"
	[ -n "${cur:-}" ] && { echo "--- screen of $cur:"; t capture-pane -p -t "$cur" 2>/dev/null; }
	exit 1
}
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || fail "tmux not found (apt-get install tmux)"
locale -a 2>/dev/null | grep -qix 'sv_SE.utf8' ||
	fail "the sv_SE.UTF-8 locale is not generated (run scripts/deps.sh)"
unset TMUX

DB="$WORK/w.db"
export JOURNEYHACK_TODAY=2026-03-10 TZ=UTC LC_ALL=C.UTF-8 LANGUAGE=
export JOURNEYHACK_TEMPLATE_PATH="$JH_SRCDIR/workshop-templates"
jh() {
	"$JH_BIN" -d "$DB" "$@" >/dev/null || fail "journeyhack $*"
}
jh new pay -t payment-moment
jh add pay participant "name=Åsa Öberg" department=Ekonomi role=facilitator
jh add pay participant "name=Øyvind Sæther" department=Kundeservice
jh add pay painpoint touchpoint="Receive invoice" "title=Fakturan är svår att läsa" severity=4 \
	frequency=5 "evidence=Kundtjänst: 1 200 samtal i månaden" "author=Øyvind Sæther"
jh add pay idea "title=Förklara vad pengarna gick till" impact=4 effort=2 painpoints=1
jh add pay action idea=1 "title=Ny fakturalayout, pilot" "owner=Åsa Öberg" due=2026-04-01
jh add pay parking "text=Kan vi bytte fakturasystem? (spørsmål fra Øyvind)" "author=Øyvind Sæther"

now_ms() {
	date +%s%3N
}
# wait_for TEXT: poll the current session's screen, never sleep blindly.
wait_for() {
	deadline=$(($(now_ms) + 10000))
	until t capture-pane -p -t "$cur" 2>/dev/null | grep -F -q -- "$1"; do
		[ "$(now_ms)" -lt "$deadline" ] || fail "$cur did not show \"$1\" within 10 s"
		sleep 0.05
	done
}
# start NAME ENV...: the interface as Åsa in an 80x24 terminal.
start() {
	cur=$1
	shift
	envs=""
	for e in "$@"; do envs="$envs -e $e"; done
	# shellcheck disable=SC2016,SC2086 # expanded by the inner shell; words
	t new-session -d -s "$cur" -x 80 -y 24 -e TERM=screen -e TZ=UTC \
		-e "JOURNEYHACK_TODAY=$JOURNEYHACK_TODAY" -e "JOURNEYHACK_LOCALEDIR=$JOURNEYHACK_LOCALEDIR" \
		$envs sh -c '"$@"; echo $? >"$0"' "$WORK/$cur.status" \
		"$JH_BIN" -d "$DB" --as "Åsa Öberg" pay || fail "cannot start tmux session $cur"
}
# fits: the frame is whole at 80x24: 24 rows of at most 80 columns, the
# title bar with all eight tabs, the status line's timer at its right end
# and the key line's last key.
fits() {
	t capture-pane -p -t "$cur" >"$WORK/screen" || fail "capture-pane"
	rows=$(wc -l <"$WORK/screen")
	[ "$rows" -eq 24 ] || fail "$1: $rows rows, not 24"
	while IFS= read -r line; do
		[ "$(printf '%s' "$line" | wc -m)" -le 80 ] || fail "$1: a line wider than 80: $line"
	done <"$WORK/screen"
	# Eight tabs: by name where they fit, else the others by number.
	head -n 1 "$WORK/screen" | grep -Eq '\[?1[] ].* \[?7[] ](.* )?\[?8( Deltagare)?\]?$' ||
		fail "$1: the title bar lost its tabs: $(head -n 1 "$WORK/screen")"
	sed -n 23p "$WORK/screen" | grep -q '[0-9][0-9]:[0-9][0-9] kvar *$' ||
		fail "$1: the status line lost its timer: $(sed -n 23p "$WORK/screen")"
}
# view KEY LABEL: switch to a view, see its Swedish label, check the frame.
view() {
	t send-keys -t "$cur" "$1" || fail "send-keys"
	wait_for "$2"
	fits "view $1"
}

n=0
for how in "LANGUAGE=sv LANG=C.UTF-8" "LC_ALL=sv_SE.UTF-8"; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # the variables are words on purpose
	start "sv$n" LC_ALL= $how
	wait_for "? hjälp  a ny  e ändra  d ta bort  u ångra  / sök  q avsluta"
	wait_for ":00 kvar"
	view 1 "Agenda: 13 punkter"
	view 2 "Upplevelsekurva: varje kontaktpunkts betyg"
	view 3 "Smärtpunkter efter kundresa och kontaktpunkt"
	view 4 "# Idé, efter prioritet"
	view 5 "Effekt (uppåt) mot insats"
	view 6 "Åtgärdspunkter efter slutdatum"
	view 7 "Parkeringsplats: 1, öppna först"
	wait_for "Tagen upp av Øyvind Sæther"
	t send-keys -t "$cur" '?' && wait_for "Tangenter (q stänger)"
	wait_for "Nästa vy"
	fits "help"
	t send-keys -t "$cur" q 3 a
	wait_for "Lägg till smärtpunkt"
	wait_for "Allvar"
	wait_for "Enter sparar"
	fits "form"
	t send-keys -t "$cur" Escape
	wait_for "Smärtpunkter efter"
	t send-keys -t "$cur" q
	deadline=$(($(now_ms) + 10000))
	until [ -s "$WORK/$cur.status" ]; do
		[ "$(now_ms)" -lt "$deadline" ] || fail "$cur did not quit on q"
		sleep 0.05
	done
	[ "$(cat "$WORK/$cur.status")" = 0 ] || fail "$cur exited $(cat "$WORK/$cur.status")"
	t kill-session -t "$cur" 2>/dev/null
done

start en LANG=C.UTF-8
wait_for "? help  a add  e edit  d delete  u undo  / search  q quit"
t send-keys -t "$cur" 3 || fail "send-keys"
wait_for "[3 Pain]"
t send-keys -t "$cur" q
echo "ui: Swedish at 80x24 in every view, the help and a form; English under C.UTF-8"
