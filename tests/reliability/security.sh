#!/bin/sh
# security.sh: file modes, links and what may reach a shell.
#
# The database is created 0600 (and its -wal and -shm files, and the
# directories made for it 0700) whatever the umask; exports follow the
# umask. A symbolic link that someone else planted in a sticky shared
# directory (like /tmp) is not followed by export -o, while the user's own
# link is (and kept). Item text full of format directives is stored and
# printed literally. $EDITOR with shell syntax in it is split into words
# and run with execvp: nothing in it reaches a shell; and no source file
# starts one (system, popen, sh -c).
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

checks=0
ok() { checks=$((checks + 1)); }
mode() { stat -c %a "$1"; }

# ---- modes under a permissive umask
(
	umask 000
	XDG_DATA_HOME="$WORK/xdg" "$JH" new w -t payment-moment </dev/null >/dev/null
) || die "new with the default database"
DB="$WORK/xdg/journeyhack/journeyhack.db"
[ "$(mode "$DB")" = 600 ] || die "database mode $(mode "$DB"), expected 600"
[ "$(mode "$WORK/xdg/journeyhack")" = 700 ] || die "directory mode $(mode "$WORK/xdg/journeyhack")"
[ "$(mode "$WORK/xdg")" = 700 ] || die "directory mode $(mode "$WORK/xdg")"
ok
# The -wal and -shm files exist while a change is under way: catch them
# during a long import.
awk 'BEGIN { print "title,evidence"; for (i = 0; i < 100000; i++) print "Rad " i ",Citat " i }' >"$WORK/big.csv"
(umask 000 && exec "$JH" -d "$DB" import w "$WORK/big.csv" --kind painpoints </dev/null >/dev/null) &
importer=$!
seen=
n=0
while [ $n -lt 500 ] && kill -0 $importer 2>/dev/null; do
	if [ -e "$DB-wal" ] && [ -e "$DB-shm" ]; then
		seen="$(mode "$DB-wal") $(mode "$DB-shm")"
		break
	fi
	sleep 0.01
	n=$((n + 1))
done
wait $importer || die "the big import failed"
if [ -n "$seen" ]; then
	[ "$seen" = "600 600" ] || die "-wal and -shm modes: $seen"
	ok
else
	echo "security: the import was too quick to see its -wal and -shm files"
fi

# ---- exports follow the umask
for m in 022:644 077:600 002:664; do
	(umask "${m%%:*}" && "$JH" -d "$DB" export w -o "$WORK/e-${m%%:*}.md" </dev/null) || die "export"
	[ "$(mode "$WORK/e-${m%%:*}.md")" = "${m#*:}" ] ||
		die "umask ${m%%:*}: export mode $(mode "$WORK/e-${m%%:*}.md"), expected ${m#*:}"
	ok
done

# ---- links
mkdir "$WORK/own"
echo "target" >"$WORK/own/real.md"
ln -s real.md "$WORK/own/link.md"
jh -d "$DB" export w -o "$WORK/own/link.md" || die "export through the user's own link"
[ -L "$WORK/own/link.md" ] && grep -q "Action points" "$WORK/own/real.md" ||
	die "the user's own link was not followed and kept"
ok
if [ "$(id -u)" = 0 ] && [ -n "$RUNAS" ]; then
	mkdir "$WORK/shared"
	chmod 1777 "$WORK/shared"
	chmod 0755 "$WORK"
	echo "precious" >"$WORK/precious"
	$RUNAS ln -s "$WORK/precious" "$WORK/shared/report.md" || die "cannot plant the link"
	jh -d "$DB" export w -o "$WORK/shared/report.md" 2>"$WORK/err" &&
		die "export followed a link planted by another user"
	grep -q "not followed" "$WORK/err" || die "planted link: $(cat "$WORK/err")"
	[ "$(cat "$WORK/precious")" = precious ] || die "the planted link's target was overwritten"
	[ -z "$(find "$WORK/shared" -name '.report.md.*')" ] || die "temporary left in the shared directory"
	ok
else
	echo "security: not root with setpriv: the planted-link case is left out"
fi

# ---- format directives are text
# shellcheck disable=SC2016 # a literal $, part of the directive %1$s
fmt='%s%s%s%n%n %x %p %1$s %%'
jh -d "$DB" add w parking "text=$fmt" >/dev/null || die "add with % text"
jh -d "$DB" show w parking | grep -qF "$fmt" || die "% text not shown literally"
jh -d "$DB" export w -f json | grep -qF "$fmt" || die "% text not exported literally"
ok

# ---- $EDITOR is split into words and run without a shell
cat >"$WORK/ed.sh" <<'ED'
#!/bin/sh
# Records its arguments, then writes the text as an editor would.
for a; do printf '[%s]' "$a"; done >"$(dirname "$0")/ed.args"
for a; do last=$a; done
printf 'Skrivet i editorn\n' >>"$last"
ED
chmod +x "$WORK/ed.sh"
printf '3aEditor test<Tab><Tab><Tab><Tab><C-e><Enter>' >"$WORK/ed.keys"
EDITOR="$WORK/ed.sh ;touch $WORK/pwned1 \$(touch $WORK/pwned2) \`touch $WORK/pwned3\` |x" \
	VISUAL='' "$JH" -d "$DB" --replay "$WORK/ed.keys" --dump-screen "$WORK/ed.screen" w </dev/null ||
	die "the interface failed with a hostile \$EDITOR"
for p in 1 2 3; do
	[ ! -e "$WORK/pwned$p" ] || die "\$EDITOR went through a shell (pwned$p exists)"
done
grep -qF '[;touch]' "$WORK/ed.args" || die "\$EDITOR was not split into words: $(cat "$WORK/ed.args")"
jh -d "$DB" show w painpoint | grep -q "Skrivet i editorn" || die "the editor's text was not saved"
ok

# ---- nothing starts a shell
if grep -nE '\<(system|popen)[[:space:]]*\(|"/bin/sh"|"sh", *"-c"|execl\(' "$JH_SRCDIR"/src/*.c; then
	die "a source file starts a shell (above)"
fi
grep -q 'execvp' "$JH_SRCDIR/src/ui_editor.c" || die "ui_editor.c no longer runs \$EDITOR with execvp"
ok
echo "security: $checks checks: database 0600 and directories 0700 under umask 000, exports follow the umask, planted links refused, % text literal, no shell"
