#!/bin/sh
# reproducible.sh: two builds of the same sources, configured with the same
# prefix in folders of different names and depths, give byte-identical
# journeyhack binaries, and neither binary holds the folder it was built in.
#
# The sources are this build's `make distdir`, copied twice; each copy is
# configured with the default compiler and flags and builds only the
# program. Exit 0 pass, 1 fail, 77 skip (Automake test-driver).
set -u

: "${JH_BUILDDIR:?JH_BUILDDIR is not set (run through make check)}"
MAKE_BIN=${MAKE:-make}
JOBS=${JH_REPRO_JOBS:-2}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-repro.XXXXXX") || exit 1
cleanup() {
	chmod -R u+rwx "$WORK" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

die() {
	echo "FAIL: $*" >&2
	exit 1
}

# Run from `make check`: the inner makes must not talk to the outer one's
# job server or inherit its command-line variables (TESTS=...).
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

start=$(date +%s)
"$MAKE_BIN" -C "$JH_BUILDDIR" distdir distdir="$WORK/dist" >"$WORK/distdir.log" 2>&1 ||
	die "make distdir: $(tail -n 5 "$WORK/distdir.log")"

# build DIR: copy the sources to DIR, configure and build the program there.
# The second configure reuses the first one's cache (it holds no folder).
build() {
	t0=$(date +%s)
	mkdir -p "$(dirname "$1")" || die "mkdir $1"
	cp -R "$WORK/dist" "$1" || die "copy to $1"
	(cd "$1" && ./configure -q --cache-file="$WORK/config.cache" --prefix=/usr/local \
		>configure.out 2>&1) || die "configure in $1: $(tail -n 5 "$1/configure.out")"
	t1=$(date +%s)
	"$MAKE_BIN" -C "$1" -j"$JOBS" journeyhack >"$1/make.out" 2>&1 ||
		die "make in $1: $(tail -n 5 "$1/make.out")"
	echo "reproducible: $1: configure $((t1 - t0)) s, make $(($(date +%s) - t1)) s"
}

A="$WORK/a"
B="$WORK/a-much-longer-folder-name/one/level/deeper/journeyhack"
build "$A"
build "$B"

for d in "$A" "$B"; do
	if grep -q -a -F "$d" "$d/journeyhack"; then
		die "$d/journeyhack holds the folder it was built in"
	fi
done
if ! cmp "$A/journeyhack" "$B/journeyhack"; then
	size_a=$(wc -c <"$A/journeyhack")
	size_b=$(wc -c <"$B/journeyhack")
	die "the binaries differ ($size_a and $size_b bytes)"
fi
sum=$(cksum <"$A/journeyhack")
echo "reproducible: identical binaries from $A and $B (cksum $sum) in $(($(date +%s) - start)) s"
