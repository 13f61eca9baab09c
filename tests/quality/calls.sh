#!/bin/sh
# calls.sh: which source file calls which, and whether any of them call
# each other in a loop (directly or round a longer cycle).
#
#   tests/quality/calls.sh [FILE...]   print "a.c -> b.c" edges, then loops
#
# A file's public functions are its definitions that are not static
# (including ones a macro at column 0 defines: LOOKUP(name, ...)); a call
# is a name followed by "(". Calls through function pointers (a view's
# ops, ui->poll) are the intended way up and are not seen. With no FILE,
# every file in src/ is checked: the test that keeps the layers.
# Exit status 1 when there is a loop.
set -u
cd "${JH_SRCDIR:-.}" || exit 2
[ $# -gt 0 ] || set -- src/*.c

defs=$(mktemp) edges=$(mktemp)
trap 'rm -f "$defs" "$edges"' EXIT
for f in "$@"; do
	awk -v F="${f##*/}" '
	/^[a-z].*[ *][a-z_][a-z0-9_]*\(/ && !/^static/ && !/;[ \t]*$/ {
		s = $0; sub(/\(.*/, "", s); n = split(s, w, /[ *]+/); print w[n], F }
	/^[A-Z][A-Z_]*\([a-z_][a-z0-9_]*,/ {
		s = $0; sub(/^[A-Z_]*\(/, "", s); sub(/,.*/, "", s); print s, F }' "$f"
done | sort -u >"$defs"
for f in "$@"; do
	grep -o '[a-z_][a-z0-9_]*(' "$f" | tr -d '(' | sort -u |
		awk -v F="${f##*/}" 'NR == FNR { at[$1] = $2; next }
			($1 in at) && at[$1] != F { print F " -> " at[$1] }' "$defs" -
done | sort -u >"$edges"
cat "$edges"
if ! awk '{ print $1, $3 }' "$edges" | tsort >/dev/null 2>"$defs.loop"; then
	echo "LOOP: these files call each other in a cycle:"
	grep -v 'input contains a loop' "$defs.loop" | sed 's/^tsort: /  /'
	rm -f "$defs.loop"
	exit 1
fi
rm -f "$defs.loop"
echo "no loops among $# files"
