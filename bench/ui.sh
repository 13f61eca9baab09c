# shellcheck shell=bash
# bench/ui.sh: the interface's costs through --replay, sourced by run.sh.
#
# Two replays per size, each run once under callgrind with
# --dump-before=ui_term_key (a dump per key read: the first frame, then
# every key with the frame after it) and several times natively (CPU
# time): the native CPU time over the run's instructions turns a key's
# instructions into milliseconds and frames of this machine.
#   views: in every view 1..8 its first visit, 3 moves, 2 pages and a
#          search, then a second visit of every view (a switch);
#   edits: as a participant, add a pain point, undo, edit one, undo, give
#          an idea a dot, undo.
# Peak memory is that of the first frame alone and of the views replay.

UI_SIZE=100x30
UI_NAMES=(agenda journeys painpoints backlog matrix actions parking participants)
FRAME_MS=16.7
UI_VOTER="Bench voter"
CG_TIMEOUT=${BENCH_CG_TIMEOUT:-400}

# The key file and, a line per key (event), "LABEL OCCURRENCE": the
# events of one occurrence are summed, a label's cost is the median of
# its occurrences.
UI_KEYFILE=
UI_LABELS=
UI_OCC=0

ui_keys_begin() { # NAME
	UI_KEYFILE=$WORK/$1.keys
	UI_LABELS=$WORK/$1.labels
	: >"$UI_KEYFILE"
	: >"$UI_LABELS"
}

ui_seq() { # LABEL KEY...: one occurrence of LABEL made of these keys
	local label=$1 k
	shift
	UI_OCC=$((UI_OCC + 1))
	for k in "$@"; do
		printf '%s' "$k" >>"$UI_KEYFILE"
		echo "$label $UI_OCC" >>"$UI_LABELS"
	done
}

ui_each() { # LABEL KEY...: an occurrence of LABEL per key
	local label=$1 k
	shift
	for k in "$@"; do
		ui_seq "$label" "$k"
	done
}

ui_chars() { # TEXT -> one key per character (ASCII without '<')
	local i
	for ((i = 0; i < ${#1}; i++)); do
		printf '%s\n' "${1:i:1}"
	done
}

ui_views_keys() {
	local v search
	mapfile -t search < <(ui_chars faktura)
	ui_keys_begin views
	for v in 1 2 3 4 5 6 7 8; do
		ui_seq "v$v.first" "$v"
		ui_each "v$v.move" '<Down>' '<Down>' '<Down>'
		ui_each "v$v.page" '<PageDown>' '<PageDown>'
		ui_seq "v$v.search" / "${search[@]}" '<Enter>'
	done
	for v in 1 2 3 4 5 6 7 8; do
		ui_seq "v$v.switch" "$v"
	done
	ui_seq quit q
}

ui_edits_keys() {
	local title edited
	mapfile -t title < <(ui_chars "Bench pain")
	mapfile -t edited < <(ui_chars "Edited title")
	ui_keys_begin edits
	ui_seq setup 3
	ui_seq add a "${title[@]}" '<Enter>'
	ui_seq undo u
	ui_seq edit e '<C-u>' "${edited[@]}" '<Enter>'
	ui_seq undo u
	ui_seq setup 4
	ui_seq vote v
	ui_seq undo u
	ui_seq quit q
}

UI_DB=
ui_db_setup() { # a fresh copy of the size's workshop with a participant who has dots
	rm -f "$WORK/ui.db" "$WORK/ui.db-wal" "$WORK/ui.db-shm"
	cp "$UI_DB" "$WORK/ui.db"
}

ui_prepare() { # SIZE: $WORK/SIZE/ui-base.db
	local d=$WORK/$1
	cp "$d/w.db" "$d/ui-base.db"
	"$JH" -d "$d/ui-base.db" add bench participant "name=$UI_VOTER" >/dev/null \
		2>>"$WORK/stderr.log"
}

ui_native() { # KEYFILE -> "CPU WALL RUNS" of the replay run natively
	measure ui_db_setup "$JH" -d "$WORK/ui.db" --as "$UI_VOTER" --replay "$1" \
		--size "$UI_SIZE" bench
}

# ui_callgrind NAME: $WORK/SIZE/NAME.cost, "LABEL INSTRUCTIONS" per
# occurrence; fails when the run fails or the dumps do not match the keys.
ui_callgrind() {
	local name=$1 d=$WORK/$UI_N/cg-$1 nkeys ndumps
	rm -rf "$d"
	mkdir -p "$d"
	ui_db_setup
	timeout "$CG_TIMEOUT" "$VALGRIND" --tool=callgrind --dump-before=ui_term_key \
		--callgrind-out-file="$d/cg.out" "$JH" -d "$WORK/ui.db" --as "$UI_VOTER" \
		--replay "$WORK/$name.keys" --size "$UI_SIZE" bench >/dev/null 2>>"$WORK/stderr.log" ||
		{
			UI_WHY="timed out or failed under callgrind (limit ${CG_TIMEOUT} s)"
			return 1
		}
	nkeys=$(wc -l <"$WORK/$name.labels")
	ndumps=$(find "$d" -name 'cg.out.*' | wc -l)
	if [ "$ndumps" -ne "$nkeys" ]; then
		UI_WHY="$ndumps key reads for $nkeys keys (is ui_term_key still the one key reader?)"
		return 1
	fi
	# cg.out.1: the first frame; cg.out.K+1: key K and its frame; cg.out:
	# the last key (quit) to the end.
	{
		echo "first 0 $(cg_total "$d/cg.out.1")"
		awk '{ print }' "$WORK/$name.labels" | {
			k=2
			while read -r label occ; do
				if [ "$k" -gt "$nkeys" ]; then
					f=$d/cg.out
				else
					f=$d/cg.out.$k
				fi
				echo "$label $occ $(cg_total "$f")"
				k=$((k + 1))
			done
		}
	} | awk '{ s[$1 " " $2] += $3; if (!($1 " " $2 in seen)) { seen[$1 " " $2]; o[++n] = $1 " " $2 } }
		END { for (i = 1; i <= n; i++) { split(o[i], a, " "); print a[1], s[o[i]] } }' \
		>"$WORK/$UI_N/$name.cost"
	rm -rf "$d"
}

cg_total() { # callgrind file -> instructions
	awk '/^(summary|totals):/ { print $2; exit }' "$1" 2>/dev/null
}

ui_cost() { # SIZE NAME LABEL -> median instructions of LABEL's occurrences
	awk -v l="$3" '$1 == l { print $2 }' "$WORK/$1/$2.cost" 2>/dev/null | median
}

ui_rate() { # SIZE NAME -> milliseconds per instruction (native CPU / instructions)
	awk -v ms="$(cat "$WORK/$1/$2.cpu" 2>/dev/null)" '{ s += $2 }
		END { if (s > 0 && ms != "") printf "%.6e\n", ms / s }' "$WORK/$1/$2.cost"
}

fmt_ir() { # INSTRUCTIONS -> "1.23 M"
	awk -v n="$1" 'BEGIN { if (n == "") print "-"; else if (n >= 1e9) printf "%.2f G", n / 1e9;
		else if (n >= 1e6) printf "%.2f M", n / 1e6; else if (n >= 1e3) printf "%.1f k", n / 1e3;
		else print n }'
}

ir_ms() { # INSTRUCTIONS RATE -> milliseconds
	awk -v n="$1" -v r="$2" 'BEGIN { if (n == "" || r == "") print ""; else printf "%.1f", n * r }'
}

frames() { # MS -> frames of 16.7 ms (at least 1)
	awk -v m="$1" -v f="$FRAME_MS" 'BEGIN { if (m == "") { print "-"; exit }
		n = int(m / f); if (n * f < m) n++; if (n < 1) n = 1; print n }'
}

# row for a cost that must fit one frame: SIZE WHAT NAME LABEL
ui_frame_row() {
	local n=$1 what=$2 ir rate ms fr met
	ir=$(ui_cost "$n" "$3" "$4")
	rate=$(ui_rate "$n" "$3")
	ms=$(ir_ms "$ir" "$rate")
	fr=$(frames "$ms")
	met=$(awk -v m="$ms" -v f="$FRAME_MS" 'BEGIN { if (m == "") print "-";
		else print (m <= f) ? "yes" : "**no**" }')
	row "$n" "$what" "$(fmt_ir "$ir") instr (≈ $ms ms, $fr frame$([ "$fr" != 1 ] && echo s))" \
		"-" "-" "one frame (16 ms)" "$met"
}

UI_PREV=
ui_view_row() { # SIZE VIEW
	local n=$1 v=$2 k cells="" r rs="" move=- met=- a b peer=-
	for k in first switch move page search; do
		a=$(ui_cost "$n" views "v$v.$k")
		cells="$cells${cells:+ / }$(fmt_ir "$a")"
		[ -n "$UI_PREV" ] || continue
		b=$(ui_cost "$UI_PREV" views "v$v.$k")
		r=$(ratio "${a:-0}" "${b:-0}")
		rs="$rs${rs:+, }$k ${r}x"
		[ "$k" = move ] && move=$r
	done
	[ -n "$UI_PREV" ] && peer="same at $UI_PREV"
	if [ -n "$UI_PREV" ] && [ "$UI_PREV" -ge 10000 ]; then
		met=$(verdict "$move" "<=" 1.05)
	fi
	row "$n" "UI view $v ${UI_NAMES[v - 1]}, instructions: first visit / switch / move / page / search" \
		"$cells" "$peer" "${rs:--}" \
		"move key growth 1.00x (≤ 1.05), 10 000 → 100 000" "$met"
}

ui_memory() { # SIZE KEYFILE -> peak resident MB of a replay, empty if not measured
	[ -x "$GNUTIME" ] || return 0
	ui_db_setup
	$GNUTIME -f '%M' -o "$WORK/mem" "$JH" -d "$WORK/ui.db" --as "$UI_VOTER" --replay "$2" \
		--size "$UI_SIZE" bench >/dev/null 2>>"$WORK/stderr.log" || return 0
	awk '{ v = $1 } END { if (v != "") printf "%.1f", v / 1024 }' "$WORK/mem"
}

mem_met() { # SIZE MB
	if [ "$1" -lt 100000 ] || [ -z "$2" ]; then
		echo -
	else
		awk -v m="$2" 'BEGIN { print (m <= 32) ? "yes" : "**no**" }'
	fi
}

bench_ui() {
	local n=$1 a mem name met
	UI_N=$n
	UI_DB=$WORK/$n/ui-base.db
	ui_prepare "$n"
	printf 'q' >"$WORK/q.keys"
	ui_views_keys
	ui_edits_keys
	a=$(ui_native "$WORK/q.keys")
	met=$(awk -v a="$a" 'BEGIN { split(a, x, " "); if (a == "fail") print "-";
		else print (x[1] <= 30) ? "yes" : "**no**" }')
	row "$n" "UI: start to first frame (replay; CPU, wall beside)" "$(fmt_ms "$a")" "-" "-" \
		"≤ 30 ms CPU at any size" "$met"
	mem=$(ui_memory "$n" "$WORK/q.keys")
	row "$n" "UI: peak memory, first frame (/usr/bin/time)" "${mem:-not measured} MB" "-" "-" \
		"≤ 32 MB at 100 000" "$(mem_met "$n" "$mem")"
	mem=$(ui_memory "$n" "$WORK/views.keys")
	row "$n" "UI: peak memory after visiting all eight views" "${mem:-not measured} MB" "-" "-" \
		"≤ 32 MB at 100 000" "$(mem_met "$n" "$mem")"
	if [ -z "$VALGRIND" ]; then
		row "$n" "UI: key costs" "not measured (needs valgrind)" "-" "-" "-" "-"
		return
	fi
	for name in views edits; do
		a=$(ui_native "$WORK/$name.keys")
		[ "$a" = fail ] || echo "${a%% *}" >"$WORK/$n/$name.cpu"
		if ! ui_callgrind "$name"; then
			row "$n" "UI: key costs ($name replay, callgrind)" "$UI_WHY" "-" "-" "-" "-"
			rm -f "$WORK/$n/$name.cost"
		fi
	done
	if [ -s "$WORK/$n/views.cost" ]; then
		a=$(ui_cost "$n" views first)
		row "$n" "UI: first frame in instructions (≈ ms of this run's native CPU time)" \
			"$(fmt_ir "$a") (≈ $(ir_ms "$a" "$(ui_rate "$n" views)") ms)" "-" "-" "-" "-"
		for v in 1 2 3 4 5 6 7 8; do
			ui_view_row "$n" "$v"
		done
		ui_frame_row "$n" "UI: first visit of the backlog (4)" views v4.first
		ui_frame_row "$n" "UI: first visit of the matrix (5)" views v5.first
		UI_PREV=$n
	else
		UI_PREV=
	fi
	if [ -s "$WORK/$n/edits.cost" ]; then
		ui_frame_row "$n" "UI: add a pain point (a, 10 letters, Enter)" edits add
		ui_frame_row "$n" "UI: edit its title (e, C-u, 12 letters, Enter)" edits edit
		ui_frame_row "$n" "UI: give an idea a dot (v)" edits vote
		ui_frame_row "$n" "UI: undo (u; median of add, edit and vote)" edits undo
	fi
}
