#!/bin/sh
# ci-quality.sh: the quality pass of CI, beside the ordinary `make check`.
#
# First the static checks (docs/RELIABILITY.md says what each covers):
#   - shellcheck: every shell script (.sh, or a sh/bash #! line) under
#     scripts/, tests/, bench/ and .ci/, with .shellcheckrc;
#   - cppcheck: src/, bench/, tests/unit/, tests/fuzz/ (warning, style,
#     performance, portability), with the suppressions and the Criterion
#     macros in scripts/cppcheck/;
#   - format: clang-format --dry-run -Werror with .clang-format over the
#     .c and .h files of src/, include/, tests/unit/ and bench/;
#   - weverything: the program, the tests and bench-gen built by clang with
#     -Weverything -Werror minus the noise groups listed below.
# Then:
#   1. the whole test suite again, built by clang with AddressSanitizer and
#      UndefinedBehaviorSanitizer (-fno-sanitize-recover=all, so any report
#      fails its test);
#   2. the Criterion unit tests of a plain gcc build under valgrind
#      (--trace-children=yes, so the built binary the CLI tests start is
#      checked too): any "ERROR SUMMARY: [1-9]" or "definitely lost: [1-9]"
#      fails;
#   3. each libFuzzer target (tests/fuzz) for JH_FUZZ_SECONDS (20) seconds.
#
# The source tree is configured in place, so the builds happen in a copy
# under JH_QUALITY_DIR (default: a new ${TMPDIR:-/tmp}/journeyhack-quality.*
# for each run, so runs at the same time do not meet; removed when all
# passed unless JH_QUALITY_KEEP=1): the files git knows plus the new ones
# it does not ignore, or `make distdir` when there is no git. Nothing in
# the source tree is written.
# JH_QUALITY_SKIP may name stages to leave out:
# "shellcheck cppcheck format weverything asan valgrind fuzz".
# Exits 0 when every stage that ran passed; prints a summary either way.
set -u

SRC=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${JH_QUALITY_DIR:-}" ]; then
	OUT=$JH_QUALITY_DIR
	rm -rf "$OUT/src" "$OUT/asan" "$OUT/gcc" "$OUT/vg" "$OUT/weverything"
else
	OUT=$(mktemp -d "${TMPDIR:-/tmp}/journeyhack-quality.XXXXXX") || exit 1
	# The tests run some commands as nobody, who must read the copy.
	chmod 0755 "$OUT"
fi
SECS=${JH_FUZZ_SECONDS:-20}
SKIP=${JH_QUALITY_SKIP:-}
JOBS=$(nproc 2>/dev/null || echo 2)
failed=0
summary=

note() {
	summary="$summary
$*"
	echo "ci-quality: $*"
}

skipped() {
	case " $SKIP " in *" $1 "*) note "$1: skipped (JH_QUALITY_SKIP)"; return 0 ;; esac
	return 1
}

# ---------------------------------------------------------------- copy
mkdir -p "$OUT/src" || exit 1
# .git is a file in a worktree.
if [ -e "$SRC/.git" ] && command -v git >/dev/null 2>&1; then
	# shellcheck disable=SC2016 # expanded by the inner shell
	(cd "$SRC" && git ls-files -z --cached --others --exclude-standard) |
		(cd "$SRC" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh) |
		(cd "$SRC" && tar -cf - -T -) | (cd "$OUT/src" && tar -xf -) ||
		{ echo "ci-quality: cannot copy the tree" >&2; exit 1; }
	(cd "$OUT/src" && autoreconf -fi >"$OUT/autoreconf.log" 2>&1) ||
		{ echo "ci-quality: autoreconf failed (see $OUT/autoreconf.log)" >&2; exit 1; }
elif [ -f "$SRC/config.status" ]; then
	make -C "$SRC" distdir distdir="$OUT/src" >"$OUT/distdir.log" 2>&1 ||
		{ echo "ci-quality: make distdir failed (see $OUT/distdir.log)" >&2; exit 1; }
else
	rmdir "$OUT/src"
	ln -s "$SRC" "$OUT/src"
fi

# configure_in DIR CC CFLAGS: an out-of-tree build of the copy.
configure_in() {
	mkdir -p "$1"
	(cd "$1" && "$OUT/src/configure" CC="$2" CFLAGS="$3" >configure.out 2>&1)
}

# ---------------------------------------------------------------- static checks
# They read the copy, so they see what the builds see; each tool's report
# is kept in $OUT/<stage>.out.

# need TOOL STAGE: is TOOL installed? If not, the stage fails.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	note "$2: FAILED: $1 is not installed (scripts/deps.sh --quality)"
	failed=1
	return 1
}

# files_in DIR... -name PATTERN...: regular files of the copy, sorted, one
# a line, relative to it.
files_in() {
	(cd "$OUT/src" && find "$@" -type f 2>/dev/null | sed 's|^\./||' | LC_ALL=C sort)
}

shell_scripts() {
	files_in scripts tests bench .ci | while IFS= read -r f; do
		case $f in
		*.sh) echo "$f" ;;
		*) head -n 1 "$OUT/src/$f" 2>/dev/null | grep -q '^#!.*[/ ]\(ba\)\{0,1\}sh\b' && echo "$f" ;;
		esac
	done
}

if ! skipped shellcheck && need shellcheck shellcheck; then
	shell_scripts >"$OUT/shellcheck.files"
	n=$(wc -l <"$OUT/shellcheck.files")
	# .shellcheckrc at the top of the copy applies to every script.
	if (cd "$OUT/src" && xargs shellcheck <"$OUT/shellcheck.files") >"$OUT/shellcheck.out" 2>&1; then
		note "shellcheck: $n scripts, no findings"
	else
		found=$(grep -c '^In .* line [0-9]*:' "$OUT/shellcheck.out")
		note "shellcheck: FAILED: $found findings in $n scripts (see $OUT/shellcheck.out)"
		failed=1
	fi
fi

if ! skipped cppcheck && need cppcheck cppcheck; then
	# One configuration, the one the build uses: the POSIX and ncursesw
	# feature macros, and __GNUC__ for err.h's format attribute.
	(cd "$OUT/src" && cppcheck -q --std=c11 --enable=warning,style,performance,portability \
		-I include -I src -I tests/unit -D__GNUC__ -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE \
		--library=scripts/cppcheck/criterion.cfg \
		--suppressions-list=scripts/cppcheck/suppressions.txt --inline-suppr \
		--error-exitcode=1 --template='{file}:{line}: {severity}: {id}: {message}' \
		src bench tests/unit tests/fuzz) >"$OUT/cppcheck.out" 2>&1
	rc=$?
	found=$(grep -c ': \(error\|warning\|style\|performance\|portability\): ' "$OUT/cppcheck.out")
	if [ $rc -eq 0 ] && [ "$found" -eq 0 ]; then
		note "cppcheck: no findings"
	else
		note "cppcheck: FAILED: $found findings, exit $rc (see $OUT/cppcheck.out)"
		failed=1
	fi
fi

if ! skipped format && need clang-format format; then
	files_in src include tests/unit bench \( -name '*.c' -o -name '*.h' \) >"$OUT/format.files"
	n=$(wc -l <"$OUT/format.files")
	(cd "$OUT/src" && xargs clang-format --style=file --dry-run -Werror <"$OUT/format.files") \
		>"$OUT/format.out" 2>&1
	rc=$?
	found=$(grep -c ': error: code should be clang-formatted' "$OUT/format.out")
	files=$(grep ': error: code should be clang-formatted' "$OUT/format.out" | cut -d: -f1 |
		sort -u | wc -l)
	if [ $rc -eq 0 ]; then
		note "format: $n files as .clang-format wants them"
	else
		note "format: FAILED: $found places in $files of $n files differ from .clang-format (see $OUT/format.out)"
		failed=1
	fi
fi

# -Weverything minus the groups that are noise for this code (clang 14):
#   padded                        struct padding is layout, not a defect;
#   declaration-after-statement   C11 allows it and the tests use it;
#   missing-field-initializers    {0} and designated initializers zero the
#                                 rest, as C says;
#   switch-enum                   a default: that handles the other values
#                                 is meant (-Wswitch still catches a switch
#                                 without default that misses a value);
#   disabled-macro-expansion      glibc defines sa_handler and RLIMIT_* as
#                                 macros that name themselves;
#   overlength-strings            the schema's SQL is one literal; 4095 is
#                                 C's minimum, gcc and clang have no limit.
# The test programs also get:
#   missing-variable-declarations Criterion's Test() defines each test's
#                                 data as a global without a declaration.
WEVERYTHING="-Weverything -Wno-padded -Wno-declaration-after-statement \
-Wno-missing-field-initializers -Wno-switch-enum -Wno-disabled-macro-expansion \
-Wno-overlength-strings"
if ! skipped weverything && need clang weverything; then
	if ! configure_in "$OUT/weverything" clang '-O0'; then
		note "weverything: FAILED: configure (see $OUT/weverything/configure.out)"
		failed=1
	# -k: report every file's warnings, not only the first failing one.
	# all and bench-gen in two runs: one run with both goals builds the
	# same objects twice at once, and the two compilers race.
	elif ! make -k -C "$OUT/weverything" -j"$JOBS" CFLAGS="-O0 $WEVERYTHING -Werror" \
		all >"$OUT/weverything/build.out" 2>&1 ||
		! make -k -C "$OUT/weverything" -j"$JOBS" CFLAGS="-O0 $WEVERYTHING -Werror" \
			bench/bench-gen >>"$OUT/weverything/build.out" 2>&1 ||
		! make -k -C "$OUT/weverything" -j"$JOBS" \
			CFLAGS="-O0 $WEVERYTHING -Wno-missing-variable-declarations -Werror" \
			check TESTS= >>"$OUT/weverything/build.out" 2>&1; then
		# Each place once: testutil.c is built into every test program.
		found=$(grep -o '[^ ]*:[0-9]*:[0-9]*: error: .*\[-W[^]]*\]' "$OUT/weverything/build.out" |
			sort -u | wc -l)
		note "weverything: FAILED: $found warnings (see $OUT/weverything/build.out)"
		failed=1
	else
		note "weverything: clang -Weverything -Werror build of the program, bench-gen and the tests: no warnings"
	fi
fi

# ---------------------------------------------------------------- 1. sanitizers
if ! skipped asan; then
	if ! command -v clang >/dev/null 2>&1; then
		note "asan: FAILED: clang is not installed (apt-get install clang)"
		failed=1
	elif ! configure_in "$OUT/asan" clang \
		'-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1'; then
		note "asan: FAILED: configure (see $OUT/asan/configure.out)"
		failed=1
	else
		# Leaks of a process that exits through main are reported and
		# fail it; halt_on_error makes the first report fatal.
		ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			make -C "$OUT/asan" -j"$JOBS" check >"$OUT/asan/check.out" 2>&1
		rc=$?
		log="$OUT/asan/test-suite.log"
		counts=$(sed -n 's/^# \(TOTAL\|PASS\|SKIP\|XFAIL\|FAIL\|XPASS\|ERROR\): *\([0-9]*\)/\1 \2/p' \
			"$log" 2>/dev/null | tr '\n' ' ')
		reports=$(grep -l 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:' \
			"$OUT"/asan/tests/*/*.log "$OUT"/asan/tests/*/*/*.log 2>/dev/null | wc -l)
		if [ $rc -eq 0 ] && [ "$reports" -eq 0 ]; then
			note "asan: make check under ASan+UBSan passed: $counts"
		else
			note "asan: FAILED: make check exit $rc, $reports logs with sanitizer reports: $counts (see $OUT/asan)"
			failed=1
		fi
	fi
fi

# ---------------------------------------------------------------- 2. valgrind
if ! skipped valgrind; then
	if ! command -v valgrind >/dev/null 2>&1; then
		note "valgrind: FAILED: valgrind is not installed (apt-get install valgrind)"
		failed=1
	elif ! configure_in "$OUT/gcc" "${CC:-gcc}" '-g -O1'; then
		note "valgrind: FAILED: configure (see $OUT/gcc/configure.out)"
		failed=1
	elif ! make -C "$OUT/gcc" -j"$JOBS" all >"$OUT/gcc/build.out" 2>&1 ||
		! make -C "$OUT/gcc" -j"$JOBS" check TESTS= >>"$OUT/gcc/build.out" 2>&1; then
		note "valgrind: FAILED: build (see $OUT/gcc/build.out)"
		failed=1
	else
		mkdir -p "$OUT/vg"
		# One test binary per core at a time: the CLI tests start the
		# program many times, each under valgrind too. The system's own
		# tools that a test runs (sh, head, tr) are not ours to check.
		running=0
		for t in "$OUT"/gcc/tests/unit/test_*; do
			[ -x "$t" ] && [ -f "$t" ] || continue
			name=$(basename "$t")
			(
				cd "$OUT/gcc" &&
					JH_BIN="$OUT/gcc/journeyhack" JH_SRCDIR="$OUT/src" JH_BUILDDIR="$OUT/gcc" \
						JOURNEYHACK_TEMPLATE_PATH='' JOURNEYHACK_DB='' CRITERION_ENABLE_TAP='' \
						timeout 1800 valgrind --trace-children=yes \
						--trace-children-skip='/bin/*,/usr/bin/*' --leak-check=full \
						--errors-for-leak-kinds=definite --show-leak-kinds=definite \
						--log-file="$OUT/vg/$name.%p.log" "$t" --jobs 1 >"$OUT/vg/$name.out" 2>&1
				echo $? >"$OUT/vg/$name.rc"
			) &
			running=$((running + 1))
			if [ $running -ge "$JOBS" ]; then
				wait
				running=0
			fi
		done
		wait
		vg_fail=0
		ran=
		for rcfile in "$OUT"/vg/*.rc; do
			[ -e "$rcfile" ] || continue
			name=$(basename "$rcfile" .rc)
			rc=$(cat "$rcfile")
			errors=$(cat "$OUT"/vg/"$name".*.log 2>/dev/null |
				grep -c 'ERROR SUMMARY: [1-9]\|definitely lost: [1-9]')
			line=$(grep 'Synthesis' "$OUT/vg/$name.out" | sed 's/.*Synthesis: Tested: \([0-9]*\).*/\1 tests/')
			if [ "$rc" -ne 0 ] || [ "$errors" -ne 0 ] || [ -z "$line" ]; then
				vg_fail=1
				ran="$ran $name (FAILED: exit $rc, $errors reports)"
			else
				ran="$ran $name ($line)"
			fi
		done
		procs=$(find "$OUT/vg" -name '*.log' | wc -l)
		if [ $vg_fail -eq 0 ] && [ -n "$ran" ]; then
			note "valgrind: 0 errors, 0 definite leaks in $procs processes:$ran"
		else
			note "valgrind: FAILED in $procs processes:$ran (logs in $OUT/vg)"
			failed=1
		fi
	fi
fi

# ---------------------------------------------------------------- 3. fuzzing
if ! skipped fuzz; then
	sh "$SRC/tests/fuzz/build.sh" "$SRC" "$OUT/fuzz" >"$OUT/fuzz-build.out" 2>&1
	rc=$?
	if [ $rc -eq 77 ]; then
		note "fuzz: FAILED: $(tail -n 1 "$OUT/fuzz-build.out")"
		failed=1
	elif [ $rc -ne 0 ]; then
		note "fuzz: FAILED: build (see $OUT/fuzz-build.out)"
		failed=1
	elif sh "$SRC/tests/fuzz/run.sh" "$SRC" "$OUT/fuzz" "$SECS" >"$OUT/fuzz-run.out" 2>&1; then
		note "fuzz: ${SECS} s per target, no crash: $(sed -n 's/^fuzz: //p' "$OUT/fuzz-run.out" | tr '\n' ';')"
	else
		note "fuzz: FAILED: $(sed -n 's/^fuzz: //p' "$OUT/fuzz-run.out" | tr '\n' ';') (artifacts in $OUT/fuzz/artifacts)"
		failed=1
	fi
fi

echo
echo "ci-quality summary:$summary"
printf '%s\n' "$summary" >"$OUT/summary.txt"
if [ $failed -eq 0 ]; then
	echo "ci-quality: all passed"
	[ -n "${JH_QUALITY_DIR:-}" ] || [ "${JH_QUALITY_KEEP:-}" = 1 ] || rm -rf "$OUT"
else
	echo "ci-quality: FAILED (builds and logs kept in $OUT)"
fi
exit $failed
