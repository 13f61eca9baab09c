#!/bin/sh
# calls.sh: the source files must not call each other in a loop.
#
# A file "calls" another when it uses a public function the other one
# defines (a name at the start of a line followed by "(", not static).
# Every call from a file to one that leads back to it is printed.
# Usage: calls.sh [SRCDIR]  (default: $JH_SRCDIR/src, or ./src)
set -eu
src=${1:-${JH_SRCDIR:-.}/src}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Definitions: "function file" for every non-static function.
for f in "$src"/*.c; do
	b=$(basename "$f" .c)
	awk -v file="$b" '
		/^[A-Za-z_][A-Za-z0-9_ \t\*]*[ \t\*]([a-z_][a-z0-9_]*)\(/ && !/^static/ && !/;[ \t]*$/ {
			line = $0
			sub(/\(.*/, "", line)
			n = split(line, w, /[ \t\*]+/)
			print w[n], file
		}' "$f"
done | sort -u >"$tmp/defs"

# Calls: "caller callee" for every file pair.
for f in "$src"/*.c; do
	b=$(basename "$f" .c)
	# Comments and strings would give false calls: drop them roughly.
	sed -e 's://.*$::' -e 's:"[^"]*"::g' "$f" |
		grep -o '[a-z_][a-z0-9_]*(' | tr -d '(' | sort -u |
		awk -v file="$b" 'NR == FNR { def[$1] = $2; next }
			($1 in def) && def[$1] != file { print file, def[$1] }' "$tmp/defs" - 
done | sort -u >"$tmp/edges"

# A call from a to b is on a loop when b reaches a again.
awk '
	{ out[$1] = out[$1] " " $2; from[NR] = $1; to[NR] = $2 }
	function reach(a, b,    k, t, i) {
		if (a == b) return 1
		if (seen[a]) return 0
		seen[a] = 1
		k = split(out[a], t, " ")
		for (i = 1; i <= k; i++) if (reach(t[i], b)) return 1
		return 0
	}
	END {
		bad = 0
		for (e = 1; e <= NR; e++) {
			split("", seen)
			if (reach(to[e], from[e])) { print "loop: " from[e] ".c calls " to[e] ".c"; bad = 1 }
		}
		exit bad
	}' "$tmp/edges" >"$tmp/loops" && rc=0 || rc=$?
if [ $rc -ne 0 ]; then
	sort "$tmp/loops"
	echo "calls.sh: $(wc -l <"$tmp/loops") calls on loops, between $(cut -d' ' -f2 "$tmp/loops" | sort -u | wc -l) files" >&2
	exit 1
fi
echo "calls.sh: $(wc -l <"$tmp/edges") calls between $(ls "$src"/*.c | wc -l) files, no loop"
