#!/bin/sh
# build.sh: build the libFuzzer targets of tests/fuzz with clang.
#
# Usage: tests/fuzz/build.sh SRCDIR OUTDIR
# The project's sources are compiled with -fsanitize=fuzzer-no-link (for
# coverage) plus ASan and UBSan into OUTDIR/libjh-fuzz.a; each target is
# linked with -fsanitize=fuzzer. The configured tree is not touched, so
# this works beside an in-tree gcc build. Exit 77 when clang or its
# libFuzzer runtime is missing.
set -eu

SRC=${1:?usage: build.sh SRCDIR OUTDIR}
OUT=${2:?usage: build.sh SRCDIR OUTDIR}
CC_FUZZ=${CC_FUZZ:-clang}
TARGETS="fuzz_template fuzz_csv fuzz_yaml_import fuzz_replay fuzz_items fuzz_escape"

if ! command -v "$CC_FUZZ" >/dev/null 2>&1; then
	echo "build.sh: $CC_FUZZ not found (apt-get install clang libclang-rt-14-dev)" >&2
	exit 77
fi
mkdir -p "$OUT/obj"
probe="$OUT/probe.c"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\n%s\n' \
	'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
	>"$probe"
if ! "$CC_FUZZ" -fsanitize=fuzzer "$probe" -o "$OUT/probe" 2>/dev/null; then
	echo "build.sh: $CC_FUZZ cannot link -fsanitize=fuzzer (apt-get install libclang-rt-14-dev)" >&2
	exit 77
fi

PKGS="ncursesw yaml-0.1 sqlite3"
# shellcheck disable=SC2046,SC2086 # word splitting of PKGS and of pkg-config's output is wanted
set -- $(pkg-config --cflags $PKGS)
DEPS_CFLAGS="$*"
# shellcheck disable=SC2046,SC2086
set -- $(pkg-config --libs $PKGS)
DEPS_LIBS="$*"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
CFLAGS_FUZZ="-std=c11 -g -O1 -fno-omit-frame-pointer $SAN -I$SRC/include -I$SRC/src"

objs=""
for c in "$SRC"/src/*.c; do
	name=$(basename "$c" .c)
	[ "$name" = main ] && continue
	o="$OUT/obj/$name.o"
	if [ ! -f "$o" ] || [ -n "$(find "$c" "$SRC/include" -newer "$o" -name '*.[ch]' | head -n 1)" ]; then
		# shellcheck disable=SC2086
		"$CC_FUZZ" $CFLAGS_FUZZ -fsanitize=fuzzer-no-link $DEPS_CFLAGS -c "$c" -o "$o"
	fi
	objs="$objs $o"
done
rm -f "$OUT/libjh-fuzz.a"
# shellcheck disable=SC2086
ar cr "$OUT/libjh-fuzz.a" $objs
for t in $TARGETS; do
	# shellcheck disable=SC2086
	"$CC_FUZZ" $CFLAGS_FUZZ -fsanitize=fuzzer $DEPS_CFLAGS "$SRC/tests/fuzz/$t.c" \
		"$OUT/libjh-fuzz.a" $DEPS_LIBS -o "$OUT/$t"
done
echo "build.sh: built $TARGETS in $OUT"
