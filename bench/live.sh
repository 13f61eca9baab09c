# shellcheck shell=bash
# bench/live.sh: a room of interfaces on one database, sourced by run.sh.
#
# BENCH_IFACES interfaces (the real binary, each in its own tmux session,
# spread over the eight views) and a facilitator's, on a copy of the
# size's workshop. Another process (journeyhack set) renames the current
# agenda step BENCH_CHANGES times; the status line of every view shows
# it. After each commit every session's screen is polled (one tmux call
# captures all of them) until all show the new title: the latency is from
# the commit (the set command's exit) to the middle of the first round of
# captures that shows it, uncertain by a round's duration. Then the facilitator presses t: the
# spread is between the first and the last interface showing the timer
# running. CPU per interface is from /proc/PID/stat, memory from
# /proc/PID/status (VmHWM).

IFACES=${BENCH_IFACES:-20}
CHANGES=${BENCH_CHANGES:-20}
LIVE_WAIT=${BENCH_LIVE_WAIT:-15}
LIVE_FACILITATOR="Anna 1"
TSOCK=
LIVE_SESSIONS=()
LIVE_CAP=()

tmux_stop() {
	[ -n "$TSOCK" ] && "$TMUXB" -S "$TSOCK" kill-server >/dev/null 2>&1
	TSOCK=
}

tm() {
	"$TMUXB" -S "$TSOCK" "$@"
}

now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

# live_capture PATTERN -> the sessions whose screen matches PATTERN (awk
# regular expression), one per line, "SESSION LINE" with the matching line
live_capture() {
	tm "${LIVE_CAP[@]}" 2>/dev/null |
		awk -v pat="$1" '/^@@bench@@ / { s = $2; next } s != "" && $0 ~ pat { print s, $0; s = "" }'
}

live_start() { # DB SIZE
	local db=$1 i s v
	TSOCK=$WORK/tmux-$2.sock
	LIVE_SESSIONS=()
	LIVE_CAP=()
	tm -f /dev/null new-session -d -s f -x 100 -y 30 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
		-e TERM=xterm-256color \
		"exec '$JH' -d '$db' --as '$LIVE_FACILITATOR' bench" || return 1
	for ((i = 1; i <= IFACES; i++)); do
		s=i$i
		tm new-session -d -s "$s" -x 100 -y 30 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
			-e TERM=xterm-256color "exec '$JH' -d '$db' bench" || return 1
		LIVE_SESSIONS+=("$s")
		LIVE_CAP+=(display-message -p "@@bench@@ $s" ";" capture-pane -p -t "$s" ";")
	done
	unset 'LIVE_CAP[${#LIVE_CAP[@]}-1]'
	# Every interface shows the agenda, then goes to its view (1..8 in turn).
	live_wait_all "Step 1/" 300000 >/dev/null || return 1
	for ((i = 1; i <= IFACES; i++)); do
		v=$(((i - 1) % 8 + 1))
		tm send-keys -t "i$i" "$v"
	done
	return 0
}

# live_wait_all PATTERN DEADLINE_MS [T0]: poll until every interface
# shows PATTERN; prints "SESSION MS" per interface as first seen (ms
# after T0, the call by default; the middle of the first round of
# captures that shows it); fails past the deadline.
live_wait_all() {
	local t0=${3:-} t left s out seen=" "
	[ -n "$t0" ] || t0=$(now_ms)
	left=$IFACES
	while :; do
		t=$(now_ms)
		out=$(live_capture "$1")
		# a screen was captured somewhere in the round: take its middle
		t=$(((t + $(now_ms)) / 2))
		while read -r s _; do
			[ -n "$s" ] || continue
			case $seen in *" $s "*) continue ;; esac
			seen="$seen$s "
			echo "$s $((t - t0))"
			left=$((left - 1))
		done <<<"$out"
		[ "$left" -le 0 ] && return 0
		[ $(($(now_ms) - t0)) -ge "$2" ] && return 1
		sleep 0.01
	done
}

live_pids() {
	local s
	for s in "${LIVE_SESSIONS[@]}"; do
		tm display -p -t "$s" '#{pane_pid}'
	done
}

live_ticks() { # PIDS... -> "PID TICKS" per line
	local p
	for p in "$@"; do
		echo "$p $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null)"
	done
}

# cpu per interface between two live_ticks files: ms per line
tick_ms() {
	awk -v hz="$(getconf CLK_TCK)" 'NR == FNR { a[$1] = $2; next } ($1 in a) {
		printf "%.0f\n", ($2 - a[$1]) * 1000 / hz }' "$1" "$2"
}

stats() { # numbers on stdin -> "MEDIAN MAX SUM"
	sort -n | awk '{ a[NR] = $1; s += $1 } END { if (NR) print a[int((NR + 1) / 2)], a[NR], s }'
}

timer_spread() { # captured timer lines -> seconds between the most and least left
	awk '{ if (match($0, /[0-9]+:[0-9][0-9] left/)) { split(substr($0, RSTART, RLENGTH), t, /[: ]/);
		v = t[1] * 60 + t[2]; if (lo == "" || v < lo) lo = v; if (v > hi) hi = v } }
		END { print hi - lo }'
}

bench_live() {
	local n=$1 db=$WORK/live.db pids c title t1 fail=0 med max sum idle mem min spread secs round
	local what="$IFACES interfaces"
	if [ -z "$TMUXB" ]; then
		row "$n" "UI: $what following changes" "not measured (needs tmux)" "-" "-" "-" "-"
		return
	fi
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$WORK/$n/w.db" "$db"
	log "starting $IFACES interfaces and the facilitator's at $n"
	if ! live_start "$db" "$n"; then
		row "$n" "UI: $what in tmux" "did not start within 300 s" "-" "-" "-" "**no**"
		tmux_stop
		return
	fi
	mapfile -t pids < <(live_pids)
	sleep 3 # let the first visits settle
	live_ticks "${pids[@]}" >"$WORK/t0"
	sleep 5
	live_ticks "${pids[@]}" >"$WORK/t1"
	idle=$(tick_ms "$WORK/t0" "$WORK/t1" | stats | awk '{ printf "%.2f / %.2f", $1 / 50, $2 / 50 }')
	row "$n" "UI: idle CPU of $what over 5 s (median / max)" "$idle % of a core" "-" "-" \
		"< 1 %" "$(awk -v i="${idle##* }" 'BEGIN { print (i < 1) ? "yes" : "**no**" }')"
	# How late a capture can see a change: one round of captures.
	t1=$(now_ms)
	for ((c = 0; c < 10; c++)); do
		live_capture "Step" >/dev/null
	done
	round=$((($(now_ms) - t1) / 10))
	log "$CHANGES changes by another process at $n"
	: >"$WORK/lat"
	live_ticks "${pids[@]}" >"$WORK/t0"
	for ((c = 1; c <= CHANGES; c++)); do
		title="Bench change $c $RANDOM"
		"$JH" -d "$db" set bench step 1 "title=$title" >/dev/null 2>>"$WORK/stderr.log" ||
			{ fail=1; break; }
		t1=$(now_ms)
		if ! live_wait_all "Step 1/[0-9]+ $title" $((LIVE_WAIT * 1000)) "$t1" >"$WORK/seen"; then
			fail=$((fail + IFACES - $(wc -l <"$WORK/seen")))
		fi
		awk '{ print $2 }' "$WORK/seen" >>"$WORK/lat"
	done
	live_ticks "${pids[@]}" >"$WORK/t1"
	read -r med max sum <<<"$(stats <"$WORK/lat")"
	row "$n" "UI: a change by another process seen in $what: latency median / max" \
		"${med:-?} / ${max:-?} ms$([ "$fail" -gt 0 ] && echo ", $fail not seen within ${LIVE_WAIT} s") (a capture of all screens: $round ms idle)" \
		"-" "-" "≤ 250 ms max" \
		"$([ "$fail" = 0 ] && [ -n "$max" ] && [ "$max" -le 250 ] && echo yes || echo '**no**')"
	read -r med max sum <<<"$(tick_ms "$WORK/t0" "$WORK/t1" | stats)"
	row "$n" "UI: CPU per interface for the $CHANGES changes: median / max (all $IFACES)" \
		"$med / $max ms ($(awk -v s="$sum" 'BEGIN { printf "%.1f", s / 1000 }') CPU-s)" "-" \
		"$(awk -v m="$max" -v c="$CHANGES" 'BEGIN { printf "%.1f ms a change", m / c }')" \
		"≤ one frame (16 ms) a change, at any size" \
		"$(awk -v m="$max" -v c="$CHANGES" 'BEGIN { print (m / c <= 16) ? "yes" : "**no**" }')"
	mem=$(for p in "${pids[@]}"; do awk '/^VmHWM/ { print $2 }' "/proc/$p/status"; done |
		stats | awk '{ printf "%.1f / %.1f", $1 / 1024, $2 / 1024 }')
	row "$n" "UI: peak memory of an interface after the changes (median / max, VmHWM)" \
		"$mem MB" "-" "-" "≤ 32 MB at 100 000" "$(mem_met "$n" "${mem##* }")"
	# The facilitator starts the step's timer.
	tm send-keys -t f t
	t1=$(now_ms)
	if live_wait_all "▶ [0-9]+:[0-9][0-9] left" $((LIVE_WAIT * 1000)) "$t1" >"$WORK/seen"; then
		read -r med max sum <<<"$(awk '{ print $2 }' "$WORK/seen" | stats)"
		min=$(awk '{ print $2 }' "$WORK/seen" | sort -n | head -n 1)
		spread=$((max - min))
		secs=0
		for ((c = 0; c < 5; c++)); do
			sleep 0.3
			live_capture "▶ [0-9]+:[0-9][0-9] left" | timer_spread | grep -qx 0 || secs=$((secs + 1))
		done
		row "$n" "UI: timer started by the facilitator, seen running in $what: spread" \
			"$spread ms (first $min, last $max ms after the key; the seconds shown differ in $secs of 5 captures)" \
			"-" "-" "same second everywhere (spread < 1000 ms)" \
			"$([ "$spread" -lt 1000 ] && echo yes || echo '**no**')"
	else
		row "$n" "UI: timer started by the facilitator, seen running in $what" \
			"$(wc -l <"$WORK/seen") of $IFACES within ${LIVE_WAIT} s" "-" "-" \
			"same second everywhere" "**no**"
	fi
	tmux_stop
	rm -f "$db" "$db-wal" "$db-shm"
}
