#!/bin/bash
# bench/run.sh: journeyhack against the tools people would use instead.
#
# Generates workshops of 100, 10 000 and 100 000 pain points and ideas
# (bench-gen), runs every measurement several times and prints a markdown
# table of medians: size, what was measured, journeyhack, the peer on the
# same data in the same run, the ratio, the target and whether it is met.
#
# The YAML import's memory is measured too (peak resident memory over the
# file's size, /usr/bin/time): a measurement, not a timed test.
#
# The interface (bench/ui.sh): first frame and peak memory, the
# instructions of every key in every view and of add, edit, vote and undo
# (callgrind, a dump per key read). A room (bench/live.sh): BENCH_IFACES
# interfaces in tmux following another process's changes and the
# facilitator's timer.
#
# Times are CPU time (user + system) of the measured process, with the
# wall-clock time beside it: on a shared machine the wall clock mostly
# measures the neighbours, CPU time measures the program. UI costs are
# instructions under callgrind, which do not vary from run to run.
#
# Environment (all optional):
#   JH_BIN        journeyhack binary            (./journeyhack)
#   BENCH_GEN     generator                     (./bench/bench-gen)
#   BENCH_SIZES   sizes                         ("100 10000 100000")
#   BENCH_RUNS    runs per measurement          (5)
#   BENCH_BUDGET  seconds a measurement may spend on repeats (20); a slow
#                 one runs fewer times, at least once
#   BENCH_TIMEOUT seconds before one run is given up (120)
#   BENCH_OUT     also write the table here     (bench-results.md)
#   BENCH_KEEP    keep the work directory when set
#   BENCH_PARTS   what to run ("cli ui live")
#   BENCH_LIVE_SIZES sizes with interfaces in tmux ("10000 100000", those
#                 of BENCH_SIZES)
#   BENCH_IFACES  interfaces following the changes (20)
#   BENCH_CHANGES changes they follow (20)
#   BENCH_LIVE_WAIT seconds an interface may take to show one (15)
#   BENCH_CG_TIMEOUT seconds for one replay under callgrind (400)
set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${srcdir:-$(dirname "$here")}
JH=${JH_BIN:-./journeyhack}
GEN=${BENCH_GEN:-./bench/bench-gen}
SIZES=${BENCH_SIZES:-"100 10000 100000"}
RUNS=${BENCH_RUNS:-5}
BUDGET=${BENCH_BUDGET:-20}
TIMEOUT=${BENCH_TIMEOUT:-120}
OUT=${BENCH_OUT:-bench-results.md}
LIVE_SIZES=${BENCH_LIVE_SIZES:-"10000 100000"}
PARTS=${BENCH_PARTS:-"cli ui live"}
TASK=${TASK_BIN:-$(command -v task || true)}
SQLITE=${SQLITE3_BIN:-$(command -v sqlite3 || true)}
TMUXB=${TMUX_BIN:-$(command -v tmux || true)}
VALGRIND=$(command -v valgrind || true)
GNUTIME=/usr/bin/time

export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
export JOURNEYHACK_TEMPLATE_PATH="$srcdir/workshop-templates"
unset JOURNEYHACK_DB TMUX

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$JH" ] || die "$JH not built (run make first, or set JH_BIN)"
[ -x "$GEN" ] || die "$GEN not built (make bench builds it)"
JH=$(cd "$(dirname "$JH")" && pwd)/$(basename "$JH")
GEN=$(cd "$(dirname "$GEN")" && pwd)/$(basename "$GEN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-bench.XXXXXX") || die "no temporary directory"
if [ -z "${BENCH_KEEP:-}" ]; then
	trap 'tmux_stop; rm -rf "$WORK"' EXIT
else
	trap 'tmux_stop; echo "bench: work directory kept: $WORK" >&2' EXIT
fi
ROWS=$WORK/rows
: >"$ROWS"
START=$SECONDS

log() {
	printf '[%4ds] %s\n' $((SECONDS - START)) "$*" >&2
}

# ------------------------------------------------------------- timing

# One run of CMD: prints "CPU_MS WALL_MS"; fails when CMD fails or times out.
one_run() {
	local out rc r u s
	TIMEFORMAT='%3R %3U %3S'
	out=$({ time timeout "$TIMEOUT" "$@" >/dev/null 2>>"$WORK/stderr.log"; } 2>&1)
	rc=$?
	read -r r u s <<<"$(printf '%s\n' "$out" | tail -n 1)"
	[ $rc -eq 0 ] || return $rc
	awk -v r="$r" -v u="$u" -v s="$s" 'BEGIN { printf "%d %d\n", (u + s) * 1000 + 0.5, r * 1000 + 0.5 }'
}

median() {
	sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "" }'
}

# measure SETUP CMD...: median CPU and wall over up to RUNS runs, SETUP
# (a function, or :) before each. Prints "CPU_MS WALL_MS RUNS", or
# "fail" when a run failed.
measure() {
	local setup=$1 i=0 t0 res
	shift
	: >"$WORK/m"
	t0=$SECONDS
	while [ $i -lt "$RUNS" ]; do
		$setup || { echo fail; return; }
		res=$(one_run "$@") || { echo fail; return; }
		echo "$res" >>"$WORK/m"
		i=$((i + 1))
		[ $((SECONDS - t0)) -ge "$BUDGET" ] && break
	done
	echo "$(cut -d' ' -f1 "$WORK/m" | median) $(cut -d' ' -f2 "$WORK/m" | median) $i"
}

summary() { # FILE FAILED -> "CPU WALL RUNS" medians, or fail
	if [ "$2" = 1 ] || [ ! -s "$1" ]; then
		echo fail
		return
	fi
	echo "$(cut -d' ' -f1 "$1" | median) $(cut -d' ' -f2 "$1" | median) $(wc -l <"$1" | tr -d ' ')"
}

# pair SETUP_A SETUP_B: run the commands in the arrays PA (journeyhack)
# and PB (its peer) one after the other, RUNS times (fewer past BUDGET),
# so a change in the machine's load hits both alike. Sets RA and RB to
# "CPU WALL RUNS", or fail.
pair() {
	local sa=$1 sb=$2 i=0 t0 res fa=0 fb=0
	: >"$WORK/ma"
	: >"$WORK/mb"
	t0=$SECONDS
	while [ $i -lt "$RUNS" ]; do
		if [ $fa = 0 ]; then
			{ $sa && res=$(one_run "${PA[@]}") && echo "$res" >>"$WORK/ma"; } || fa=1
		fi
		if [ $fb = 0 ]; then
			{ $sb && res=$(one_run "${PB[@]}") && echo "$res" >>"$WORK/mb"; } || fb=1
		fi
		i=$((i + 1))
		[ $((SECONDS - t0)) -ge "$BUDGET" ] && break
	done
	RA=$(summary "$WORK/ma" $fa)
	RB=$(summary "$WORK/mb" $fb)
}

fmt_ms() { # "CPU WALL RUNS" -> "123 ms (wall 150)"
	[ "$1" = fail ] && { echo "failed"; return; }
	# shellcheck disable=SC2086 # split "CPU WALL RUNS" on purpose
	set -- $1
	if [ "$3" -lt "$RUNS" ]; then
		echo "$1 ms (wall $2, $3 run$([ "$3" -gt 1 ] && echo s))"
	else
		echo "$1 ms (wall $2)"
	fi
}

ratio() { # A B -> A/B with two decimals
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# verdict RATIO OP LIMIT -> yes/no ("-" when there is no ratio)
verdict() {
	awk -v r="$1" -v op="$2" -v l="$3" 'BEGIN {
		if (r == "-" || r == "") { print "-"; exit }
		ok = (op == "<=") ? (r <= l) : (op == "<") ? (r < l) : 0
		print ok ? "yes" : "**no**" }'
}

# row SIZE WHAT JH PEER RATIO TARGET MET
row() {
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" >>"$ROWS"
}

# compare SIZE WHAT PEERNAME JHRESULT PEERRESULT OP LIMIT
compare() {
	local size=$1 what=$2 peer=$3 a=$4 b=$5 op=$6 limit=$7 r="-"
	if [ "$a" != fail ] && [ "$b" != fail ]; then
		r=$(ratio "${a%% *}" "${b%% *}")
	fi
	row "$size" "$what" "$(fmt_ms "$a")" "$peer: $(fmt_ms "$b")" "$r" "ratio $op $limit" \
		"$(verdict "$r" "$op" "$limit")"
}

# ------------------------------------------------------------- data

generate() { # SIZE: $WORK/SIZE/w.db with workshop "bench", CSV, tasks
	local n=$1 d=$WORK/$1
	mkdir -p "$d"
	"$JH" -d "$d/w.db" new bench -t customer-journey-hackathon >/dev/null ||
		die "cannot create the workshop"
	"$GEN" "$d/w.db" bench "$n" "$d" >"$d/gen.log" || die "bench-gen $n failed"
	# The import starts from a fresh payment-moment workshop each run:
	# its touchpoints have the ids 1..5 that painpoints.csv refers to.
	"$JH" -d "$d/base.db" new imp -t payment-moment >/dev/null || die "cannot create imp"
	log "generated $n: $(cat "$d/gen.log")"
}

# ------------------------------------------------------------- CLI

IMP_SIZE=
imp_setup() {
	rm -f "$WORK/imp.db" "$WORK/imp.db-wal" "$WORK/imp.db-shm"
	cp "$WORK/$IMP_SIZE/base.db" "$WORK/imp.db"
}
peer_imp_setup() {
	rm -f "$WORK/peer.db"
	"$SQLITE" "$WORK/peer.db" \
		"CREATE TABLE painpoint (title, touchpoint, severity, frequency, evidence, status)"
}

bench_import() {
	local n=$1
	IMP_SIZE=$n
	PA=("$JH" -d "$WORK/imp.db" import imp "$WORK/$n/painpoints.csv" --kind painpoints)
	PB=("$SQLITE" "$WORK/peer.db" ".import --csv --skip 1 $WORK/$n/painpoints.csv painpoint")
	pair imp_setup peer_imp_setup
	compare "$n" "CSV import of $n pain points" "sqlite3 .import --csv" "$RA" "$RB" "<=" 2
	# The same in instructions, which the neighbours cannot disturb.
	if [ "$n" = 10000 ] && [ -n "$VALGRIND" ]; then
		local a b
		imp_setup
		a=$(instructions "${PA[@]}")
		peer_imp_setup
		b=$(instructions "${PB[@]}")
		row "$n" "CSV import of $n pain points (instructions)" "${a:-failed}" \
			"sqlite3 .import --csv: ${b:-failed}" "$(ratio "${a:-0}" "${b:-0}")" "-" "-"
	fi
}

# The YAML export of the workshop imported again: peak resident memory
# over the file's size, the program's own start-up memory (that of
# --version) taken off. A measurement of memory, not a timed test: one run.
bench_yaml_memory() {
	local n=$1 y=$WORK/$1/w.yaml db=$WORK/yimp.db size base peak ratio
	if [ ! -x "$GNUTIME" ]; then
		row "$n" "YAML import: peak memory / file size" \
			"not measured (needs /usr/bin/time, package time)" "-" "-" "ratio < 4" "-"
		return
	fi
	"$JH" -d "$WORK/$n/w.db" export bench -f yaml -o "$y" 2>>"$WORK/stderr.log" || {
		row "$n" "YAML import: peak memory / file size" "export failed" - - "ratio < 4" -
		return
	}
	rm -f "$db" "$db-wal" "$db-shm"
	size=$(wc -c <"$y")
	$GNUTIME -f '%M' -o "$WORK/mem" "$JH" --version >/dev/null 2>&1
	base=$(tail -n 1 "$WORK/mem")
	if ! $GNUTIME -f '%M' -o "$WORK/mem" timeout "$TIMEOUT" "$JH" -d "$db" import copy "$y" \
		>/dev/null 2>>"$WORK/stderr.log"; then
		row "$n" "YAML import: peak memory / file size" "import failed" - - "ratio < 4" "**no**"
		return
	fi
	peak=$(tail -n 1 "$WORK/mem")
	ratio=$(awk -v p="$peak" -v b="$base" -v s="$size" 'BEGIN { printf "%.2f", (p - b) * 1024 / s }')
	row "$n" "YAML import of the workshop's export: peak memory / file size (/usr/bin/time)" \
		"$((peak / 1024)) MB for $((size / 1048576)) MB ($((base / 1024)) MB at start)" "-" \
		"$ratio" "ratio < 4" "$(verdict "$ratio" "<" 4)"
	rm -f "$db" "$db-wal" "$db-shm" "$y"
}

instructions() { # CMD... -> instructions it executed (callgrind), empty on failure
	timeout $((TIMEOUT * 5)) "$VALGRIND" --tool=callgrind --callgrind-out-file="$WORK/ir.out" \
		"$@" >/dev/null 2>>"$WORK/stderr.log" || return 1
	awk '/^(summary|totals):/ { print $2; exit }' "$WORK/ir.out"
}

BACKLOG_SQL="SELECT row_number() OVER (ORDER BY score DESC, votes DESC, id) AS \"Rank\",
 id AS \"Id\", title AS \"Idea\", printf('%.2f', score) AS \"Score\", votes AS \"Votes\",
 impact AS \"Impact\", effort AS \"Effort\", confidence AS \"Confidence\"
 FROM (SELECT i.id, i.title, i.impact, i.effort, i.confidence,
  i.impact * 1.0 / i.effort AS score,
  (SELECT coalesce(sum(v.dots), 0) FROM vote v WHERE v.idea_id = i.id) AS votes
  FROM idea i JOIN workshop w ON w.id = i.workshop_id WHERE w.name = 'bench')
 ORDER BY 1"

bench_export() {
	local n=$1
	if ! "$JH" -d "$WORK/$n/w.db" export bench -f md -r backlog >/dev/null 2>&1; then
		row "$n" "markdown backlog export, $n ideas" "pending (export fails)" "sqlite3 -markdown" \
			"-" "ratio <= 2" "-"
		return
	fi
	PA=("$JH" -d "$WORK/$n/w.db" export bench -f md -r backlog)
	PB=("$SQLITE" -markdown "$WORK/$n/w.db" "$BACKLOG_SQL")
	pair : :
	compare "$n" "markdown backlog export, $n ideas" "sqlite3 -markdown" "$RA" "$RB" "<=" 2
}

bench_show_ideas() {
	local n=$1 a tw=$WORK/$1/task
	if [ -z "$TASK" ]; then
		a=$(measure : "$JH" -d "$WORK/$n/w.db" show bench idea)
		row "$n" "show W idea, $n ideas" "$(fmt_ms "$a")" "task list: not installed" "-" \
			"ratio < 1" "-"
		return
	fi
	mkdir -p "$tw/data"
	printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\n' \
		"$tw/data" >"$tw/taskrc"
	TASKRC=$tw/taskrc TASKDATA=$tw/data "$TASK" import "$WORK/$n/tasks.json" \
		>/dev/null 2>>"$WORK/stderr.log"
	PA=("$JH" -d "$WORK/$n/w.db" show bench idea)
	PB=(env "TASKRC=$tw/taskrc" "TASKDATA=$tw/data" "$TASK" rc.confirmation=off
		rc.verbose=nothing list)
	pair : :
	compare "$n" "show W idea, $n ideas" "task list" "$RA" "$RB" "<" 1
}

bench_show_pains() {
	local n=$1 a
	a=$(measure : "$JH" -d "$WORK/$n/w.db" show bench painpoints)
	row "$n" "show W painpoints, $n pain points" "$(fmt_ms "$a")" "-" "-" "-" "-"
}

# ------------------------------------------------------------- UI

# shellcheck source=bench/ui.sh
. "$here/ui.sh"
# shellcheck source=bench/live.sh
. "$here/live.sh"

ui_works() {
	printf 'q' >"$WORK/q.keys"
	"$JH" -d "$WORK/${SIZES%% *}/w.db" --replay "$WORK/q.keys" --size 80x24 \
		--dump-screen "$WORK/q.screen" bench >/dev/null 2>&1 && [ -s "$WORK/q.screen" ]
}

# ------------------------------------------------------------- main

log "journeyhack: $("$JH" --version 2>/dev/null)"
log "peers: $([ -n "$SQLITE" ] && "$SQLITE" --version | cut -d' ' -f1) sqlite3, $([ -n "$TASK" ] && "$TASK" --version) taskwarrior"
for n in $SIZES; do
	generate "$n"
done
has_part() {
	case " $PARTS " in *" $1 "*) return 0 ;; esac
	return 1
}

for n in $SIZES; do
	has_part cli || break
	log "CLI at $n"
	bench_import "$n"
	# Below 10 000 the file is smaller than SQLite's own cache.
	[ "$n" -ge 10000 ] && bench_yaml_memory "$n"
	bench_export "$n"
	[ "$n" -le 10000 ] && bench_show_ideas "$n"
	bench_show_pains "$n"
done
if ui_works; then
	for n in $SIZES; do
		has_part ui || break
		log "UI at $n"
		bench_ui "$n"
	done
	for n in $LIVE_SIZES; do
		has_part live || break
		case " $SIZES " in *" $n "*) ;; *) continue ;; esac
		log "$IFACES interfaces in tmux at $n"
		bench_live "$n"
	done
else
	row "all" "UI (--replay)" "pending: journeyhack --replay does not work yet" "-" "-" "-" "-"
fi

{
	echo "journeyhack $("$JH" --version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) CPUs: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
	echo "sqlite3 $([ -n "$SQLITE" ] && "$SQLITE" --version | cut -d' ' -f1), taskwarrior $([ -n "$TASK" ] && "$TASK" --version), $RUNS runs per measurement (fewer past ${BUDGET} s), medians; times are CPU (user + sys)"
	echo
	echo "| size | measurement | journeyhack | peer | ratio | target | met |"
	echo "| ---: | --- | ---: | ---: | ---: | --- | --- |"
	cat "$ROWS"
	echo
	echo "total bench time: $((SECONDS - START)) s"
} | tee "$OUT"
