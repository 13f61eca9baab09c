#!/bin/sh
# roles-cli.sh: the command line obeys the workshop's rights (issue 11).
# With --as naming a participant who is not a facilitator, changes to the
# agenda, the workshop's settings (budget, cap, method), the roles and
# votes for someone else are refused with one line "Only a facilitator
# can ...", exit status 1 and the database unchanged; a facilitator named
# with --as (matched by the one name rule) may make them; without --as
# the command line is the database's owner, as before.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

DB="$WORK/roles.db"
out=$(jh -d "$DB" new w -t payment-moment --facilitator Åsa) || die "new --facilitator: $out"
case $out in *"Åsa facilitates it"*) ;; *) die "new does not say who facilitates: $out" ;; esac
jh -d "$DB" show w participants | grep -q "Åsa .*facilitator" || die "Åsa is not facilitator"
jh -d "$DB" add w participant name=Øyvind >/dev/null || die "Øyvind"
jh -d "$DB" add w idea "title=Tydligare faktura" >/dev/null || die "idea"

# refused ARGS... NEEDLE: exit 1, one line naming the reason, nothing changed.
refused() {
	needle=$1
	shift
	before=$(jh -d "$DB" show w)
	err=$(jh -d "$DB" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 1 ] || die "$* exited $rc, not 1: $err"
	case $err in *"$needle"*) ;; *) die "$*: \"$err\" lacks \"$needle\"" ;; esac
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || die "$*: not one line: $err"
	[ "$(jh -d "$DB" show w)" = "$before" ] || die "$* changed the workshop"
}

refused "Only a facilitator can change the workshop" --as Øyvind set w workshop dots=2
refused "Only a facilitator can change the workshop" --as øyvind set w workshop max_dots=1
refused "Only a facilitator can change the workshop" --as Øyvind set w workshop method=ice
refused "Only a facilitator can edit the agenda" --as Øyvind set w step 1 minutes=5
refused "Only a facilitator can edit the agenda" --as Øyvind set w step 2 position=0
refused "Only a facilitator can edit the agenda" --as Øyvind rm w step 3
refused "Only a facilitator can name or remove a facilitator" \
	--as Øyvind set w participant Øyvind role=facilitator
refused "Only a facilitator can name or remove a facilitator" \
	--as Øyvind add w participant name=Mallory role=facilitator
refused "Only a facilitator can name or remove a facilitator" --as Øyvind rm w participant Åsa
refused "Only a facilitator can enter items and votes for someone else" \
	--as Øyvind add w vote idea=1 participant=Åsa
refused "Only a facilitator can change the workshop" --as Øyvind rm w workshop w
# A name nobody has would join, but not through a refused change.
refused "Only a facilitator can change the workshop" --as Nykomling set w workshop dots=2
refused "the only facilitator" --as Åsa set w participant Åsa role=participant

# The facilitator may, matched by the one name rule.
jh -d "$DB" --as åsa set w workshop dots=3 >/dev/null || die "the facilitator's budget"
jh -d "$DB" --as ÅSA set w step 1 minutes=25 >/dev/null || die "the facilitator's agenda"
jh -d "$DB" --as Åsa add w vote idea=1 participant=øyvind >/dev/null || die "a vote for øyvind"
jh -d "$DB" --as Øyvind add w vote idea=1 >/dev/null || die "Øyvind's own vote"
# Handing the role over: name Øyvind, then step down.
jh -d "$DB" --as Åsa set w participant øyvind role=facilitator >/dev/null || die "name Øyvind"
jh -d "$DB" --as Åsa set w participant Åsa role=participant >/dev/null || die "step down"
refused "Only a facilitator can edit the agenda" --as Åsa set w step 1 minutes=5
jh -d "$DB" --as Øyvind set w step 1 minutes=30 >/dev/null || die "the new facilitator"

# Without --as the command line owns the database, as before roles.
jh -d "$DB" set w workshop method=ice >/dev/null || die "the owner's settings"
jh -d "$DB" set w step 1 minutes=20 >/dev/null || die "the owner's agenda"

# --as øyvind is Øyvind; a new name joins, and says so.
n=$(jh -d "$DB" show w participants | wc -l)
out=$(jh -d "$DB" --as øyvind add w parking "text=Vem äger fakturan?") || die "--as øyvind"
case $out in *joined*) die "--as øyvind joined: $out" ;; esac
[ "$(jh -d "$DB" show w participants | wc -l)" -eq "$n" ] || die "a second Øyvind"
jh -d "$DB" show w parking | grep -q "Vem äger fakturan?  Øyvind" || die "not Øyvind's"
out=$(jh -d "$DB" --as Cecilia add w parking "text=Från Cecilia") || die "--as Cecilia"
case $out in *"Cecilia joined the workshop as a participant"*) ;; *) die "no join said: $out" ;; esac
jh -d "$DB" show w participants | grep -q "Cecilia .*participant" || die "Cecilia did not join"
echo "roles-cli: 14 refusals, rights of facilitator and owner, names matched"
