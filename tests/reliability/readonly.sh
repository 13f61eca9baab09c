#!/bin/sh
# readonly.sh: a database that cannot be written opens for viewing.
#
# Three ways a database is read-only: the file's mode (0444), a directory
# where the -wal and -shm files cannot be created (0555), and a read-only
# file system (a tmpfs remounted ro; root only). Permissions do not bind
# root, so as root those cases run as nobody (setpriv). In every case
# show, list and export print exactly what they print on a writable copy,
# and every command that would change something (add, set, rm, import,
# new) exits 3 with one line saying the database is read-only and why,
# leaving the file byte for byte as it was. The interface opens it with a
# read-only notice naming the reason, and refuses adding and voting with
# the reason.
. "${JH_SRCDIR:?}/tests/reliability/lib.sh"

SRC="$WORK/src.db"
jh -d "$SRC" new w -t payment-moment >/dev/null || die "cannot create the workshop"
jh -d "$SRC" add w participant name=Åsa role=facilitator >/dev/null &&
	jh -d "$SRC" add w parking "text=Är det vårt jobb?" >/dev/null &&
	jh -d "$SRC" add w idea "title=Förklara fakturan" >/dev/null &&
	jh -d "$SRC" add w action "title=Ny layout" owner=Åsa due=2026-12-15 >/dev/null ||
	die "cannot fill the workshop"
printf 'title,severity\nOläslig,4\n' >"$WORK/pp.csv"
jh -d "$SRC" export w -f yaml >"$WORK/w.yaml" || die "yaml export"
# A template nobody can read wherever the tree is.
cp "$JH_SRCDIR/workshop-templates/half-day-sprint.yaml" "$WORK/t.yaml" || die "template"
chmod 0644 "$WORK/pp.csv" "$WORK/w.yaml" "$WORK/t.yaml"
chmod 0755 "$WORK"
for c in "show w" "show w parking" "list" "export w -f json"; do
	# shellcheck disable=SC2086 # c holds words
	jh -d "$SRC" $c >"$WORK/want.$(echo "$c" | tr ' ' _)" || die "$c on the writable copy"
done
cases=0
refusals=0
mkdir -p "$WORK/out"
chmod 0777 "$WORK/out"

# check LABEL RUNNER DB: views work, changes are refused with the reason.
check() {
	label=$1 runner=$2 db=$3
	before=$(fingerprint "$db")
	for c in "show w" "show w parking" "list" "export w -f json"; do
		# shellcheck disable=SC2086
		$runner "$JH" -d "$db" $c </dev/null >"$WORK/got" 2>"$WORK/err" ||
			die "$label: \"$c\" failed: $(cat "$WORK/err")"
		cmp -s "$WORK/got" "$WORK/want.$(echo "$c" | tr ' ' _)" ||
			die "$label: \"$c\" differs from the writable copy"
	done
	for c in "add w parking text=x" "set w parking 1 answered=yes" "rm w parking 1" \
		"import w $WORK/pp.csv --kind painpoints" "import w2 $WORK/w.yaml" "new w3 -t $WORK/t.yaml" \
		"set w workshop method=ice"; do
		# shellcheck disable=SC2086
		$runner "$JH" -d "$db" $c </dev/null >"$WORK/got" 2>"$WORK/err"
		rc=$?
		[ $rc -eq 3 ] || die "$label: \"$c\" exited $rc: $(cat "$WORK/err")"
		[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "is read-only ([^)]*): changes cannot be saved" "$WORK/err" ||
			die "$label: \"$c\" said: $(cat "$WORK/err")"
		refusals=$((refusals + 1))
	done
	said=$(sed 's/^journeyhack: //' "$WORK/err")
	# The interface says so at once, and says why at every change.
	for k in "" "7a" "4v"; do
		printf '%s' "$k" >"$WORK/out/keys"
		$runner "$JH" -d "$db" --replay "$WORK/out/keys" --dump-screen "$WORK/out/screen" w \
			</dev/null >/dev/null 2>"$WORK/err" || die "$label: the interface failed: $(cat "$WORK/err")"
		last=$(tail -n 1 "$WORK/out/screen")
		case $k in
		"") want="Read-only (" ;;
		*) want="read-only here (" ;;
		esac
		case $last in
		*"$want"?*) ;;
		*) die "$label: after keys \"$k\" the interface says \"$last\"" ;;
		esac
		refusals=$((refusals + 1))
	done
	[ "$(fingerprint "$db")" = "$before" ] || die "$label: the database file changed"
	cases=$((cases + 1))
	echo "readonly: $label: $said"
}

if [ "$(id -u)" != 0 ] || [ -n "$RUNAS" ]; then
	mkdir -p "$WORK/mode" "$WORK/dir" "$WORK/both"
	cp "$SRC" "$WORK/mode/w.db"
	chmod 0444 "$WORK/mode/w.db"
	cp "$SRC" "$WORK/dir/w.db"
	cp "$SRC" "$WORK/both/w.db"
	chmod 0444 "$WORK/both/w.db"
	if [ "$(id -u)" = 0 ]; then
		chown -R 65534:65534 "$WORK/mode" "$WORK/dir" "$WORK/both"
		chmod 0444 "$WORK/mode/w.db" "$WORK/both/w.db"
	fi
	chmod 0555 "$WORK/dir" "$WORK/both"
	chmod 0777 "$WORK/mode"
	check "file mode 0444" "$RUNAS" "$WORK/mode/w.db"
	check "directory mode 0555" "$RUNAS" "$WORK/dir/w.db"
	check "both" "$RUNAS" "$WORK/both/w.db"
	chmod 0755 "$WORK/dir" "$WORK/both"
else
	echo "readonly: root without setpriv: the permission cases are left out"
fi

if [ "$(id -u)" = 0 ] && mkdir -p "$WORK/ro" && mount -t tmpfs -o size=1m jh-test "$WORK/ro" 2>/dev/null; then
	# shellcheck disable=SC2016 # expanded when the hook runs
	cleanup_hook='umount "$WORK/ro" 2>/dev/null'
	cp "$SRC" "$WORK/ro/w.db"
	if mount -o remount,ro "$WORK/ro" 2>/dev/null; then
		check "read-only file system" "" "$WORK/ro/w.db"
	else
		echo "readonly: cannot remount read-only; that case is left out"
	fi
fi
[ $cases -gt 0 ] || skip "no way to make a database read-only here"
echo "readonly: $cases kinds of read-only database viewed, $refusals changes refused with the reason"
