# tmux-lib.sh: the interface in a private headless tmux server (sourced
# shellcheck shell=sh
# after lib.sh). Gives: t (tmux on our socket), ui_start SESSION ARGS...
# (records the program's pid), ui_pid, wait_for SESSION TEXT [SECONDS],
# screen SESSION, keys SESSION KEY..., type_text SESSION TEXT.

TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip "tmux is needed (apt-get install tmux)"
SOCK="$WORK/tmux.sock"

t() {
	"$TMUX_BIN" -S "$SOCK" -f /dev/null "$@"
}

# A session that never ends keeps the server up between programs.
t new-session -d -s keep -x 80 -y 24 "sleep 100000" || die "cannot start tmux"
cleanup_hook="t kill-server 2>/dev/null; $cleanup_hook"

now_ms() {
	date +%s%3N
}

# ui_start SESSION [TERM=...] -- ARGS...: journeyhack ARGS in a new
# 100x30 window; its pid goes to $WORK/SESSION.pid (the wrapper execs).
ui_start() {
	s=$1
	shift
	term=screen
	case ${1:-} in TERM=*) term=${1#TERM=}; shift ;; esac
	rm -f "$WORK/$s.pid" "$WORK/$s.status"
	# shellcheck disable=SC2016 # expanded by the inner shell
	t new-session -d -s "$s" -x 100 -y 30 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e "TERM=$term" \
		-e "JOURNEYHACK_TODAY=$JOURNEYHACK_TODAY" -e "JOURNEYHACK_TEMPLATE_PATH=" \
		sh -c 'echo $$ >"$0.pid"; "$@"; echo $? >"$0.status"; sleep 100000' "$WORK/$s" "$JH" "$@" ||
		die "cannot start session $s"
	n=0
	while [ ! -s "$WORK/$s.pid" ] && [ $n -lt 200 ]; do
		sleep 0.01
		n=$((n + 1))
	done
}

# The journeyhack process of SESSION: the wrapper's only child.
ui_pid() {
	parent=$(cat "$WORK/$1.pid")
	for d in /proc/[0-9]*; do
		{ read -r pid _ _ ppid _; } 2>/dev/null <"$d/stat" || continue
		[ "$ppid" = "$parent" ] && { echo "$pid"; return 0; }
	done
	return 1
}

screen() {
	t capture-pane -p -t "$1" 2>/dev/null
}

# wait_for SESSION TEXT [SECONDS]: poll the screen, never sleep blindly;
# 30 s by default, as an ASan build on a busy machine can take that long.
wait_for() {
	deadline=$(($(now_ms) + ${3:-30} * 1000))
	while :; do
		screen "$1" | grep -F -q -- "$2" && return 0
		[ "$(now_ms)" -lt "$deadline" ] || {
			screen "$1" >&2
			die "session $1 did not show \"$2\" within ${3:-30} s"
		}
		sleep 0.03
	done
}

# settled SESSION [SECONDS]: print the screen once two captures 0.3 s
# apart agree, so a test compares a finished frame, not one half drawn
# while a busy machine still works through queued resizes.
settled() {
	deadline=$(($(now_ms) + ${2:-10} * 1000))
	prev=$(screen "$1")
	while :; do
		sleep 0.3
		cur=$(screen "$1")
		[ "$cur" = "$prev" ] && break
		[ "$(now_ms)" -lt "$deadline" ] || break
		prev=$cur
	done
	printf '%s\n' "$cur"
}

keys() {
	s=$1
	shift
	t send-keys -t "$s" "$@" || die "send-keys to $s"
}

type_text() {
	t send-keys -t "$1" -l -- "$2" || die "send-keys -l to $1"
}
