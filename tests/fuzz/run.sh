#!/bin/sh
# run.sh: run every libFuzzer target of tests/fuzz for a while.
#
# Usage: tests/fuzz/run.sh SRCDIR BUILDDIR [SECONDS]
# BUILDDIR holds the targets made by build.sh. Each target starts from a
# copy of its seed corpus (tests/fuzz/corpus/NAME), so the source tree is
# never written; new inputs stay in BUILDDIR/corpus-NAME for the next run.
# A crash leaves its reproducer in BUILDDIR/artifacts and fails the run;
# replay one with: BUILDDIR/fuzz_NAME BUILDDIR/artifacts/FILE. NAME.dict
# beside the targets lists the tokens of each format. fuzz_items takes
# FIELD=VALUE arguments, fuzz_escape item text for the CSV and markdown
# escaping.
# Prints one line per target: executions, corpus size, result.
set -u

SRC=${1:?usage: run.sh SRCDIR BUILDDIR [SECONDS]}
OUT=${2:?usage: run.sh SRCDIR BUILDDIR [SECONDS]}
SECS=${3:-20}
status=0
total=0

mkdir -p "$OUT/artifacts"
for pair in fuzz_template:template fuzz_csv:csv fuzz_yaml_import:yaml fuzz_replay:replay \
	fuzz_items:items fuzz_escape:escape; do
	t=${pair%%:*}
	c=${pair#*:}
	work="$OUT/corpus-$c"
	mkdir -p "$work"
	cp "$SRC/tests/fuzz/corpus/$c"/* "$work"/
	log="$OUT/$t.log"
	dict=
	[ -f "$SRC/tests/fuzz/$c.dict" ] && dict="-dict=$SRC/tests/fuzz/$c.dict"
	# rss_limit and max_len keep one run inside a CI box; timeout catches
	# a hang in the target (a slow unit is a bug: the loaders promise to
	# never hang).
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$OUT/$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" \
		${dict:+"$dict"} "$work" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	size=$(find "$work" -type f | wc -l)
	if [ $rc -eq 0 ]; then
		res=ok
	else
		res="FAILED (exit $rc, see $log)"
		status=1
		grep -E 'ERROR|runtime error|SUMMARY' "$log" | head -n 5
	fi
	echo "fuzz: $t: ${execs:-0} executions, corpus $size files: $res"
	total=$((total + ${execs:-0}))
done
echo "fuzz: total $total executions"
exit $status
