#!/bin/sh
# bad-input.sh: the corpus of bad input in tests/data/bad-input.
#
# Each case is a file (or a generator) and a sidecar NAME.expected with the
# exit status and the exact standard error the command must produce:
#   template/NAME.yaml   journeyhack check-template NAME.yaml
#   csv/NAME.csv         journeyhack -d DB import w NAME.csv ARGS
#   yaml/NAME.yaml       journeyhack -d DB import imported NAME.yaml
#   cli/NAME.args        journeyhack -d DB ARGS (one argument a line)
# Each runs in a fresh directory beside the database (named ../fixture.db
# in the messages), so the expected text holds no temporary paths.
# NAME.EXT.gen is a sh script whose output is the input (for inputs too
# big to keep, e.g. 10 000-deep nesting or a 3 MB scalar); NAME.EXT.mkdir
# makes NAME.EXT a directory; files named _* are shared by generators
# ($BAD_INPUT_DIR is the corpus). In .args files every line goes through
# printf %b (\033 is ESC, \0344 the byte 0xE4; a \n stays inside its
# argument), and "@big PREFIX N C" stands for PREFIX followed by N copies
# of the character C (one argument may not exceed 128 KiB on Linux).
# The sidecar:
#   exit: N            the exit status
#   args: ...          (csv only) words added after the file name
#   stderr: LINE       the next line of standard error, exactly; no more
#                      lines may follow the last one given
# Every case must also leave the database exactly as it was (the same
# bytes and the same yaml export) and finish within 10 seconds.
# JH_UPDATE_EXPECTED=1 rewrites the sidecars that differ from this run
# (never for a case that timed out); review the diff before committing.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

CORPUS="$JH_SRCDIR/tests/data/bad-input"
# Generators may start from a shared file of their area (named _*).
BAD_INPUT_DIR=$CORPUS
export BAD_INPUT_DIR
DB="$WORK/fixture.db"
pass=0
fail=0

jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the fixture"
jh -d "$DB" add w participant name=Åsa role=facilitator >/dev/null &&
	jh -d "$DB" add w idea "title=Förklara fakturan" >/dev/null &&
	jh -d "$DB" add w action "title=Ny layout" owner=Åsa due=2026-12-15 >/dev/null &&
	jh -d "$DB" add w painpoint "title=Oläslig faktura" touchpoint=1 severity=5 >/dev/null ||
	die "cannot fill the fixture"

state() {
	{
		fingerprint "$DB"
		jh -d "$DB" list
		jh -d "$DB" export w -f yaml
	} 2>&1
}

# "@big PREFIX N C" of a cli case: PREFIX and N copies of C.
big_arg() {
	printf '%s' "$1"
	awk -v n="$2" -v c="$3" 'BEGIN { s = c; while (length(s) < n) s = s s; printf "%s", substr(s, 1, n) }'
}

check() { # AREA NAME INPUT EXPECTED
	area=$1 name=$2 input=$3 expected=$4
	want_exit=$(sed -n 's/^exit: //p' "$expected")
	extra=$(sed -n 's/^args: //p' "$expected")
	sed -n 's/^stderr: //p' "$expected" >"$WORK/want"
	dir="$WORK/case"
	rm -rf "$dir"
	mkdir -p "$dir"
	base=$(basename "$input")
	case $input in
	*.gen)
		base=${base%.gen}
		sh "$input" >"$dir/$base" || { echo "FAIL $area/$name: generator failed"; return 1; }
		;;
	*.mkdir)
		base=${base%.mkdir}
		mkdir "$dir/$base"
		;;
	*) [ "$area" = cli ] || cp "$input" "$dir/$base" ;;
	esac
	before=$(state)
	# shellcheck disable=SC2086 # extra holds words
	case $area in
	template) set -- check-template "$base" ;;
	csv) set -- -d ../fixture.db import w "$base" $extra ;;
	yaml) set -- -d ../fixture.db import imported "$base" ;;
	cli)
		set -- -d ../fixture.db
		while IFS= read -r line || [ -n "$line" ]; do
			case $line in
			"@big "*)
				# shellcheck disable=SC2046 # the words of the line
				a=$(big_arg $(echo "$line" | cut -d' ' -f2-))
				;;
			*) a=$(printf '%b.' "$line") && a=${a%.} ;;
			esac
			set -- "$@" "$a"
		done <"$input"
		;;
	esac
	(cd "$dir" && timeout 10 "$JH" "$@" </dev/null >"$WORK/out" 2>"$WORK/err")
	got_exit=$?
	after=$(state)
	if [ "$before" != "$after" ]; then
		echo "FAIL $area/$name: the database changed (exit $got_exit)"
		return 1
	fi
	problem=
	if [ "$got_exit" -eq 124 ]; then
		problem="took longer than 10 s"
	elif [ "$got_exit" != "$want_exit" ]; then
		problem="exit $got_exit, expected $want_exit"
	elif ! cmp -s "$WORK/err" "$WORK/want"; then
		problem="stderr differs: $(diff "$WORK/want" "$WORK/err" | sed -n 's/^[<>] //p' | head -n 4 | tr '\n' '|')"
	fi
	if [ -n "$problem" ] && [ "${JH_UPDATE_EXPECTED:-}" = 1 ] && [ "$got_exit" -ne 124 ]; then
		# Rewrite the sidecar from this run; review the diff before
		# committing it.
		{
			grep -E '^(#|args: )' "$expected"
			echo "exit: $got_exit"
			sed 's/^/stderr: /' "$WORK/err"
		} >"$WORK/new" && cp "$WORK/new" "$expected"
		echo "UPDATED $area/$name ($problem)"
		return 0
	fi
	if [ -n "$problem" ]; then
		echo "FAIL $area/$name: $problem"
		return 1
	fi
	return 0
}

for area in template csv yaml cli; do
	for expected in "$CORPUS/$area"/*.expected; do
		[ -e "$expected" ] || continue
		name=$(basename "$expected" .expected)
		input=
		for f in "$CORPUS/$area/$name".*; do
			[ "$f" = "$expected" ] && continue
			input=$f
		done
		if [ -z "$input" ]; then
			echo "FAIL $area/$name: no input beside the sidecar"
			fail=$((fail + 1))
			continue
		fi
		if check "$area" "$name" "$input" "$expected"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
		fi
	done
done
# A case without its sidecar is a case nobody checks.
for f in "$CORPUS"/*/*; do
	case $f in *.expected | */_*) continue ;; esac
	b=$(basename "$f")
	n=${b%%.*}
	[ -e "$(dirname "$f")/$n.expected" ] || { echo "FAIL: $f has no $n.expected"; fail=$((fail + 1)); }
done
echo "bad-input: $pass cases passed, $fail failed ($(find "$CORPUS" -name '*.expected' | wc -l) in the corpus)"
[ $fail -eq 0 ]
