#!/bin/sh
# hostile-text.sh: no text, however crafted, reaches a terminal raw, and
# emoji sequences and combining marks keep columns aligned.
#
# Every field of every kind (walked from --help's KIND list and each
# kind's own list of fields, so a new field is covered without editing
# this file) is given text holding a window-title change (OSC 0 and 2), a
# clipboard write (OSC 52), clear-screen, C1 introducers (CSI, OSC, ST),
# bidi overrides, isolates and marks, a family emoji joined by U+200D and
# combining marks. The workshop's name, template and created date are
# crafted in the file itself, as a handed-over database could be. Then
# every command-line output (list, show of the workshop and of each
# kind, the refusals that echo input: unknown command, kind, field,
# value, option, export format, workshop and database) must hold no ESC,
# no other C0 control but newline, no C1 control and no bidi control, and
# be valid UTF-8. The interface in tmux, over every view: the captured
# panes (capture-pane -e) hold no sequence but tmux's own colours, the
# pane title is unchanged and no clipboard buffer was set. Columns line
# up: in `show` and in the interface, a column after names with a family
# emoji, a flag and combining marks starts at the same place on every row
# (found by tmux's own copy-mode search, so the terminal's idea of the
# columns is what is checked).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"
need_sqlite3
. "$JH_SRCDIR/tests/reliability/tmux-lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
ZWJ=$(printf '\342\200\215')
FAMILY="$(printf '\360\237\221\250')$ZWJ$(printf '\360\237\221\251')$ZWJ$(printf '\360\237\221\247')"
FLAG=$(printf '\360\237\207\270\360\237\207\252')
ACUTE=$(printf '\314\201')
SEQ="${ESC}]0;pwned${BEL}${ESC}]52;c;cHduZWQ=${BEL}${ESC}]2;title${ESC}\\${ESC}[2J${ESC}[31m"
SEQ="$SEQ$(printf '\302\2336n\302\2350;c1\302\234')"
BIDI="$(printf '\342\200\256')0021$(printf '\342\201\246\342\201\251\342\200\216\342\200\217\330\234')"
H="${SEQ}${BIDI} $FAMILY e$ACUTE"

DB="$WORK/w.db"
jh -d "$DB" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$DB" new v -t payment-moment >/dev/null || die "cannot create the second workshop"
checks=0

# ---- the bytes a terminal must never get
bad_bytes() { # FILE: say what is wrong with it, nothing when it is safe
	if ! iconv -f UTF-8 -t UTF-8 <"$1" >/dev/null 2>&1; then
		echo "invalid UTF-8"
	elif LC_ALL=C tr -d '\n' <"$1" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')"; then
		echo "a raw control character: $(LC_ALL=C tr -d '\n' <"$1" | od -c | grep -m1 '\\033\|00[0-3]')"
	elif LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
		echo "a raw C1 control"
	elif LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]\\|\342\201[\246-\257]\\|\330\234')" "$1"; then
		echo "a raw bidi control"
	fi
}
safe() { # LABEL FILE
	why=$(bad_bytes "$2")
	[ -z "$why" ] || die "$1: $why"
	checks=$((checks + 1))
}

# ---- fill every field of every kind
fields_of() { # KIND: the kind's fields, from its own refusal of a bogus one
	case $1 in
	step | workshop) jh -d "$DB" set w "$1" 1 zz=1 2>&1 ;;
	*) jh -d "$DB" add w "$1" zz=1 2>&1 ;;
	esac | sed -n 's/.*(fields: \(.*\))$/\1/p' | tr -d ','
}
# What an item needs besides the field under test, so that the field's
# value is what decides whether the command is taken.
base_of() {
	case $1 in
	participant) echo "name=P$2" ;;
	journey) echo "name=J$2" ;;
	stage) echo "journey=1 name=S$2" ;;
	touchpoint) echo "name=T$2 journey=1 stage=1" ;;
	painpoint) echo "title=PP$2" ;;
	idea) echo "title=I$2" ;;
	vote) echo "idea=1 participant=1 dots=1" ;;
	action) echo "title=A$2" ;;
	parking) echo "text=X$2" ;;
	esac
}

kinds=$(jh --help | sed -n 's/^KIND: //p')
[ -n "$kinds" ] || die "no KIND list in --help"
jh -d "$DB" add w participant name=Ann >/dev/null || die "participant"
jh -d "$DB" add w idea title=Base >/dev/null || die "idea"
taken=0 n=0 stored=
for kind in $kinds step workshop; do
	fields=$(fields_of "$kind")
	[ -n "$fields" ] || die "$kind: no field list"
	for f in $fields; do
		n=$((n + 1))
		case $kind in
		step | workshop) set -- set w "$kind" 1 ;;
		*) set -- add w "$kind" ;;
		esac
		for b in $(base_of "$kind" "$n"); do
			case $b in "$f="*) ;; *) set -- "$@" "$b" ;; esac
		done
		if jh -d "$DB" "$@" "$f=$f: $H" >"$WORK/out" 2>"$WORK/err"; then
			taken=$((taken + 1))
			stored="$stored $kind.$f"
		fi
		safe "$kind $f (output)" "$WORK/out"
		safe "$kind $f (error)" "$WORK/err"
	done
done
# Every free-text field takes it (numbers, choices and references refuse
# it, in messages that were checked above).
echo "fields that stored hostile text:$stored"
[ "$taken" -ge 24 ] || die "only $taken fields took hostile text:$stored"

# Aligned names: the ROLE column must start at one place on every row.
for name in "Dora" "A$FAMILY" "B$FLAG" "Ce$ACUTE" "De$ACUTE$ACUTE$FAMILY$FAMILY" \
	"E$(printf '\360\237\221\215\360\237\217\275')"; do
	jh -d "$DB" add w participant "name=$name" department=Ops >/dev/null ||
		die "participant $name"
done

# And the same names as step titles, ideas, pain points, actions and
# parking entries, for the interface's columns.
i=2
for name in "Dora" "A$FAMILY" "B$FLAG" "Ce$ACUTE" "De$ACUTE$ACUTE$FAMILY$FAMILY"; do
	jh -d "$DB" set w step $i "title=$name" >/dev/null || die "step $i"
	jh -d "$DB" add w idea "title=$name" >/dev/null || die "idea $name"
	jh -d "$DB" add w painpoint "title=$name" >/dev/null || die "pain point $name"
	jh -d "$DB" add w action "title=$name" owner=Ann >/dev/null || die "action $name"
	jh -d "$DB" add w parking "text=$name" >/dev/null || die "parking $name"
	i=$((i + 1))
done

# The second workshop's own fields, crafted in the file: names are
# checked when typed, so only a handed-over file can carry these.
hex=$(printf '%s' "$H" | od -An -tx1 | tr -d ' \n')
"$SQLITE3" "$DB" "UPDATE workshop SET name = CAST(X'$hex' AS TEXT) || 'n',
	template = CAST(X'$hex' AS TEXT) || 't', created = CAST(X'$hex' AS TEXT) || 'c',
	title = CAST(X'$hex' AS TEXT) || 'T' WHERE name = 'v'" || die "cannot craft the file"

# ---- every command-line output
run() { # LABEL ARGS...: run, keep both streams, check both
	label=$1
	shift
	jh -d "$DB" "$@" >"$WORK/out" 2>"$WORK/err"
	echo $? >"$WORK/rc"
	safe "$label (output)" "$WORK/out"
	safe "$label (error)" "$WORK/err"
}
expect_fail() { # LABEL ARGS...
	run "$@"
	[ "$(cat "$WORK/rc")" != 0 ] || die "$1: accepted"
	[ -s "$WORK/err" ] || die "$1: no message"
}
run list list
grep -q 'pwned' "$WORK/out" || die "list does not show the crafted workshop"
for w in w 2; do
	run "show $w" show "$w"
	[ "$(cat "$WORK/rc")" = 0 ] || die "show $w failed: $(cat "$WORK/err")"
	for kind in $kinds step; do
		run "show $w $kind" show "$w" "$kind"
	done
done
grep -q "created .*pwned" "$WORK/out" || jh -d "$DB" show 2 | grep -q "created .*pwned" ||
	die "show does not print the crafted created date"
expect_fail "unknown command" "$H" x
expect_fail "export -f unknown" export w -f "$H"
expect_fail "export -r unknown" export w -r "$H"
expect_fail "unknown kind" show w "$H"
expect_fail "unknown field" add w idea "$H=1"
expect_fail "bad value" add w idea title=x "impact=$H"
expect_fail "unknown workshop" show "w$H"
expect_fail "unknown option" "-$H"
expect_fail "bad --size" --size "$H" w
jh -d "$WORK/$H.db" show w >/dev/null 2>"$WORK/err" && die "a missing database was opened"
safe "missing database" "$WORK/err"

# ---- columns in tmux, the terminal's own reckoning
t set-option -g set-clipboard on
t set-option -g allow-rename on
# marks SESSION TEXT: "x y" of every place TEXT is on the pane, by
# copy-mode search from the top.
marks() {
	t copy-mode -t "$1"
	t send-keys -t "$1" -X history-top
	t send-keys -t "$1" -X start-of-line
	t send-keys -t "$1" -X search-forward-text "$2"
	last=
	while :; do
		at=$(t display-message -p -t "$1" '#{copy_cursor_x} #{copy_cursor_y}')
		case " $last " in *" $at "*) break ;; esac
		echo "$at"
		last="$last $at"
		[ "$(echo "$last" | wc -w)" -lt 200 ] || break
		t send-keys -t "$1" -X search-again
	done
	t send-keys -t "$1" -X cancel
}
# aligned SESSION TEXT MIN LABEL: TEXT shows at least MIN times, always
# in the same column.
aligned() {
	# An agenda day's heading carries its own total ("Day 1  09:00-16:35
	# 7 h 35 min"): the column is the step rows'.
	m=$(marks "$1" "$2" | sort -u | while read -r x y; do
		case $(screen "$1" | sed -n "$((y + 1))p") in
		"Day "[0-9]*" h "*" min"*) ;;
		*) echo "$x $y" ;;
		esac
	done)
	count=$(echo "$m" | grep -c .)
	[ "$count" -ge "$3" ] || die "$4: \"$2\" found $count times, not $3: $m"
	cols=$(echo "$m" | cut -d' ' -f1 | sort -u | wc -l)
	[ "$cols" -eq 1 ] || {
		screen "$1" >&2
		die "$4: \"$2\" is not in one column: $(echo "$m" | tr '\n' ';')"
	}
	checks=$((checks + 1))
}

jh -d "$DB" show w participant >"$WORK/table"
# shellcheck disable=SC2016 # expanded by the inner shell
t new-session -d -s table -x 200 -y 40 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
	sh -c 'cat "$0"; sleep 100000' "$WORK/table" || die "cannot show the table"
wait_for table "Dora"
aligned table "participant  " 8 "show w participant"
t kill-session -t table

# The interface, every view.
title0=$(t display-message -p -t keep '#{pane_title}')
ui_start ui -d "$DB" w
wait_for ui "Step 1/"
for v in 1 2 3 4 5 6 7 1; do
	keys ui "$v"
	sleep 0.2
	settled ui >/dev/null
	t capture-pane -e -p -t ui >"$WORK/pane"
	# tmux's own colours and attributes are the only sequences allowed.
	LC_ALL=C sed "s/$ESC\[[0-9;]*m//g" "$WORK/pane" >"$WORK/pane.text"
	safe "view $v" "$WORK/pane.text"
	[ "$(t display-message -p -t ui '#{pane_title}')" = "$title0" ] ||
		die "view $v: the pane title was changed"
	[ -z "$(t list-buffers)" ] || die "view $v: a clipboard write got through"
done
# A column after the names stays in place on every row, in each view
# that has one: the agenda's minutes, the pain points' severity dots,
# the backlog's scores and the actions' due dates. The selection (drawn
# in reverse, so every cell of it is sent) is put on a row with emoji
# sequences and marks: step 3, and the last item of the lists.
for v in "1| min  |13|j j" "3|●●●○○  9 open|7|G" "4|27    0 |11|G" "6|? no date  todo|8|G"; do
	keys ui "${v%%|*}"
	# shellcheck disable=SC2086 # the keys are words
	keys ui ${v##*|}
	v=${v%|*}
	sleep 0.2
	settled ui >/dev/null
	rest=${v#*|}
	aligned ui "${rest%|*}" "${rest#*|}" "view ${v%%|*}"
done
keys ui q
t kill-session -t ui

echo "hostile-text: $checks checks, $taken hostile fields stored"
