#!/bin/sh
# rounds.sh: journeyhack round, ready and show WORKSHOP rounds (issue 14).
# A round gives its own budget over all ideas or a subset; while it is
# open only its ideas take votes and every total reads "?"; closing it
# shows the results at once. Only a facilitator opens or closes one. A
# refused command prints one line, exits 1 and leaves the database as it
# was. ready marks who is done with the step and counts them.
# shellcheck source=tests/reliability/lib.sh
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

JQ=${JQ_BIN:-$(command -v jq 2>/dev/null || true)}
[ -n "$JQ" ] && [ -x "$JQ" ] || die "jq is needed to read --json output (apt-get install jq)"

DB="$WORK/rounds.db"
jh -d "$DB" new w -t payment-moment --facilitator Åsa >/dev/null || die "new"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "Øyvind"
jh -d "$DB" add w participant name=Märta >/dev/null || die "Märta"
for t in "Tydligare faktura" "Färre steg" "Bättre kvitto på köpet"; do
	jh -d "$DB" add w idea "title=$t" >/dev/null || die "idea $t"
done
jh -d "$DB" --as Øyvind add w vote idea=1 >/dev/null || die "a vote outside rounds"

# refused NEEDLE ARGS...: exit 1, one line with NEEDLE, nothing changed.
refused() {
	needle=$1
	shift
	before=$(sql "$DB" "SELECT * FROM vote; SELECT * FROM round; SELECT * FROM ready")
	err=$(jh -d "$DB" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 1 ] || die "$* exited $rc, not 1: $err"
	case $err in *"$needle"*) ;; *) die "$*: \"$err\" lacks \"$needle\"" ;; esac
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || die "$*: not one line: $err"
	after=$(sql "$DB" "SELECT * FROM vote; SELECT * FROM round; SELECT * FROM ready")
	[ "$after" = "$before" ] || die "$* changed the database"
}

out=$(jh -d "$DB" round w) || die "round status"
[ "$out" = "No voting round yet" ] || die "status before any round: $out"
refused "Only a facilitator can open or close a voting round" --as Øyvind round w open
refused "no round is open" --as Åsa round w close
refused "--ideas: no idea \"9\" in this workshop" round w open --ideas 1,9
refused "--journey: no journey \"Ingen\"" round w open --journey Ingen
refused "--dots: 0 is out of range" round w open --dots 0
refused "--dots: 101 is out of range" round w open --dots 101
refused "--dots: \"tre\" is not a number" round w open --dots tre
err=$(jh -d "$DB" round w open --ideas 1 --status open 2>&1)
[ $? -eq 2 ] || die "two subsets are not a usage error: $err"
err=$(jh -d "$DB" round w fika 2>&1)
[ $? -eq 2 ] || die "an unknown action is not a usage error: $err"

out=$(jh -d "$DB" --as åsa round w open --dots 3 --ideas 1,2) || die "open: $out"
[ "$out" = "Round 1 open: 3 dots per participant, 2 of 3 ideas" ] || die "open said: $out"
refused "round 1 is open: close it first" round w open
refused "vote refused: idea 3 is not in round 1" --as Øyvind add w vote idea=3
jh -d "$DB" --as Øyvind add w vote idea=2 dots=2 >/dev/null || die "Øyvind in round 1"
jh -d "$DB" --as Märta add w vote idea=1 dots=2 >/dev/null || die "Märta in round 1"
refused "the budget is 3 dots per participant and 2 are used" \
	--as Øyvind add w vote idea=1 dots=2
out=$(jh -d "$DB" --as Øyvind round w | head -1)
[ "$out" = "Round 1 open: 1 of 3 dots left" ] || die "Øyvind's progress: $out"

# Hidden everywhere while open: the round's table, the backlog, rounds.
jh -d "$DB" round w | grep -q "Färre steg  *?$" || die "round shows a total while open"
jh -d "$DB" show w idea | grep -q "Färre steg .* ? " || die "show idea shows a total"
[ "$(jh -d "$DB" show w idea | grep -c "^ *[0-9]  *[0-9]  .*  [0-9][0-9]*  *?  ")" = 3 ] ||
	die "a total leaks: $(jh -d "$DB" show w idea)"
jh -d "$DB" show w rounds | grep -q "^ *1  open  *3  *2  *?$" || die "show rounds while open"
[ "$(jh -d "$DB" show w rounds --json | "$JQ" -c '.[0].ideas')" = \
	'[{"id":1,"dots":null},{"id":2,"dots":null}]' ] || die "--json shows totals while open"

out=$(jh -d "$DB" --as Åsa round w close) || die "close: $out"
printf '%s\n' "$out" | head -1 | grep -qx "Round 1 closed (3 dots per participant)" ||
	die "close said: $out"
printf '%s\n' "$out" | grep -q "^ 2  Färre steg  *2$" || die "no result for idea 2: $out"
printf '%s\n' "$out" | grep -q "^ 1  Tydligare faktura  *2$" || die "no result for idea 1"
# Idea 1's total is the free dot and Märta's two.
jh -d "$DB" show w idea | grep -q "Tydligare faktura .* 3 " || die "total after close"
[ "$(jh -d "$DB" show w rounds --json | "$JQ" -c '.[0] | [.number, .open, .dots, .every_idea]')" = \
	'[1,false,3,false]' ] || die "--json after close"

# A second round over every idea, the workshop's budget: the same vote
# again is a vote of its own.
out=$(jh -d "$DB" round w open) || die "open 2"
[ "$out" = "Round 2 open: 4 dots per participant, 3 of 3 ideas" ] || die "open 2 said: $out"
jh -d "$DB" --as Øyvind add w vote idea=2 dots=2 >/dev/null || die "Øyvind in round 2"
jh -d "$DB" round w close >/dev/null || die "close 2"
[ "$(sql "$DB" "SELECT count(*) FROM vote WHERE idea_id = 2")" = 2 ] || die "two votes on 2"
jh -d "$DB" show w rounds | grep -q "^ *2  closed  *4  *3  *2$" || die "show rounds: round 2"

# ---- ready
refused "--as: no participant \"Ingen\"" ready w --as Ingen
err=$(jh -d "$DB" ready w 2>&1)
[ $? -eq 2 ] || die "ready without --as is not a usage error: $err"
[ "$(jh -d "$DB" ready w --as Øyvind)" = "Øyvind is ready" ] || die "ready Øyvind"
jh -d "$DB" --as märta ready w >/dev/null || die "ready Märta through the global --as"
out=$(jh -d "$DB" ready w --status)
[ "$out" = "$(printf '2 of 3 ready\nNot ready: Åsa')" ] || die "status: $out"
[ "$(jh -d "$DB" ready w --status --json | "$JQ" -c .)" = \
	'{"ready":2,"of":3,"not_ready":["Åsa"]}' ] || die "status --json"
[ "$(jh -d "$DB" ready w --as Øyvind --undo)" = "Øyvind is not ready" ] || die "undo"
[ "$(jh -d "$DB" ready w --status | head -1)" = "1 of 3 ready" ] || die "after undo"
# Moving the agenda clears every mark.
"$SQLITE3" "$DB" "UPDATE workshop SET current_step = current_step + 1" || die "next step"
[ "$(jh -d "$DB" ready w --status | head -1)" = "0 of 3 ready" ] || die "not cleared by a step"

echo "rounds: ok"
exit 0
