#!/bin/sh
# config.sh: the configuration file from the command line.
#   - bad lines give exactly FILE:LINE: message, and the command still runs
#     with the defaults for those lines;
#   - a missing file is no error, an unreadable one is named;
#   - config --dump prints every setting and binding, and what it prints
#     reads back to the same dump (and through --config, $JOURNEYHACK_CONFIG
#     and the XDG place alike);
#   - database and export-folder are defaults under -d, $JOURNEYHACK_DB
#     and -o.
# Exit 0 pass, 1 fail.
set -u

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"

unset XDG_CONFIG_HOME JOURNEYHACK_CONFIG
HOME="$WORK/home"
export HOME
mkdir -p "$HOME/.config/journeyhack"
RC="$HOME/.config/journeyhack/config"

# expect_err FILE TEXT: FILE holds exactly TEXT.
expect_err() {
	printf '%s\n' "$2" >"$WORK/want"
	cmp -s "$WORK/want" "$1" || {
		echo "--- want:" >&2
		cat "$WORK/want" >&2
		echo "--- got:" >&2
		cat "$1" >&2
		die "$3"
	}
}

# ---- problems: exactly FILE:LINE: message, the rest still counts
cat >"$WORK/bad.rc" <<'RC'
# Åsas inställningar
bell kanske
bind rösta v
participant Åsa
theme mörk
bind vote Hyper-å
bind quit Q
RC
rc=0
jh --config "$WORK/bad.rc" config --dump >"$WORK/out" 2>"$WORK/err" || rc=$?
[ $rc -eq 1 ] || die "config --dump with bad lines must exit 1, not $rc"
expect_err "$WORK/err" "$WORK/bad.rc:2: bell: expected on or off, not \"kanske\"
$WORK/bad.rc:3: unknown action \"rösta\" (journeyhack config --dump lists them)
$WORK/bad.rc:5: unknown theme \"mörk\" (default, light, high-contrast, monochrome)
$WORK/bad.rc:6: unknown key \"Hyper-å\" (keys are written a, å, C-r, Space, Enter, Esc, Tab, F5, PgDn, Up...)" \
	"the problems, one line each"
grep -qx 'bell on' "$WORK/out" || die "a bad bell line keeps the default"
grep -qx 'theme default' "$WORK/out" || die "a bad theme line keeps the default"
grep -qx 'participant Åsa' "$WORK/out" || die "good lines between bad ones count"
grep -qx 'bind quit q Q' "$WORK/out" || die "bind adds a key"
grep -qx 'bind vote v' "$WORK/out" || die "a bad bind changes nothing"
echo "ok: bad lines named with their line, the rest applied"

# Every command still runs, with the problems on stderr first.
jh --config "$WORK/bad.rc" -d "$WORK/a.db" new möte -t payment-moment >"$WORK/out" 2>"$WORK/err" ||
	die "a bad config must not stop a command"
[ "$(wc -l <"$WORK/err")" -eq 4 ] || die "each problem once: $(cat "$WORK/err")"
echo "ok: a command runs with a bad config"

# ---- missing and unreadable files
jh config --dump >/dev/null 2>"$WORK/err" || die "no file at the XDG place is no error"
[ ! -s "$WORK/err" ] || die "no file, no message: $(cat "$WORK/err")"
jh --config "$WORK/nope.rc" config --dump >/dev/null 2>"$WORK/err" ||
	die "a missing --config file is named, not fatal"
grep -q "$WORK/nope.rc" "$WORK/err" || die "a missing --config file is named"
mkdir "$RC.d"
jh --config "$RC.d" list >/dev/null 2>"$WORK/err"
grep -q "^$RC.d: " "$WORK/err" || die "a directory is named: $(cat "$WORK/err")"
if [ "$(id -u)" -ne 0 ]; then
	printf 'bell off\n' >"$RC"
	chmod 000 "$RC"
	jh config --dump >"$WORK/out" 2>"$WORK/err" || die "an unreadable file is not fatal"
	grep -q "^$RC: " "$WORK/err" || die "an unreadable file is named: $(cat "$WORK/err")"
	grep -qx 'bell on' "$WORK/out" || die "an unreadable file gives the defaults"
	chmod 600 "$RC"
	rm -f "$RC"
fi
echo "ok: missing is fine, unreadable is named"

# ---- the dump reads back to itself, from each place a file is found
cat >"$WORK/mine.rc" <<'RC'
participant "Øyvind "
database ~/möten/rum.db
export-folder ~/ut/
bell off
theme light
color selected white magenta bold
mono mark reverse
unbind move-down j
unbind move-up k
bind move-down k
bind move-up j
unbind export
bind vote å +
unbind timer
bind timer C-t t F5
RC
jh --config "$WORK/mine.rc" config --dump >"$WORK/dump1" 2>"$WORK/err" || die "dump: $(cat "$WORK/err")"
[ ! -s "$WORK/err" ] || die "a good file has no problems: $(cat "$WORK/err")"
grep -qx 'bind move-down Down k' "$WORK/dump1" || die "the swap in the dump"
grep -qx '# export has no key' "$WORK/dump1" || die "an action without keys"
grep -qx 'bind timer C-t t F5' "$WORK/dump1" || die "keys in their order"
grep -qx 'participant "Øyvind "' "$WORK/dump1" || die "a quoted value"
grep -qx 'color selected white magenta bold' "$WORK/dump1" || die "a colour override"
# Every action of keys.def is in the dump.
sed -n 's/^UI_ACTION([A-Z_]*, "\([a-z-]*\)".*/\1/p' "$JH_SRCDIR/include/journeyhack/keys.def" >"$WORK/actions"
[ "$(wc -l <"$WORK/actions")" -gt 60 ] || die "cannot read the actions of keys.def"
while read -r a; do
	grep -q -e "^bind $a " -e "^# $a has no key\$" "$WORK/dump1" || die "$a is not in the dump"
done <"$WORK/actions"
cp "$WORK/dump1" "$RC"
jh config --dump >"$WORK/dump2" || die "dump of the dump"
cmp -s "$WORK/dump1" "$WORK/dump2" || die "dump -> load -> dump differs (XDG place)"
[ "$(jh config --path)" = "$RC" ] || die "config --path names the XDG place"
mkdir -p "$WORK/xdg/journeyhack"
cp "$WORK/dump1" "$WORK/xdg/journeyhack/config"
XDG_CONFIG_HOME="$WORK/xdg" "$JH" config --dump </dev/null >"$WORK/dump3" || die "XDG_CONFIG_HOME"
cmp -s "$WORK/dump1" "$WORK/dump3" || die "dump -> load -> dump differs (XDG_CONFIG_HOME)"
JOURNEYHACK_CONFIG="$WORK/mine.rc" "$JH" config --dump </dev/null >"$WORK/dump4" || die "env"
cmp -s "$WORK/dump1" "$WORK/dump4" || die "\$JOURNEYHACK_CONFIG"
jh --config /dev/null config --dump >"$WORK/dump5" || die "--config /dev/null"
[ "$(jh --config /dev/null config --path)" = /dev/null ] || die "--path names the file read"
grep -qx 'bell on' "$WORK/dump5" && grep -qx '# participant NAME' "$WORK/dump5" ||
	die "--config /dev/null gives the defaults"
cmp -s "$WORK/dump1" "$WORK/dump5" && die "--config must win over the XDG place"
jh --config=/dev/null config --dump | cmp -s - "$WORK/dump5" || die "--config=FILE"
echo "ok: dump -> load -> dump is the same, from every place"

# ---- database and export-folder as defaults
rm -f "$RC"
jh config --path >/dev/null && die "config --path with no file read must exit 1"
DBDIR="$HOME/möten"
mkdir -p "$DBDIR" "$HOME/ut"
printf 'database ~/möten/rum.db\nexport-folder ~/ut/\n' >"$RC"
jh new rum -t payment-moment >/dev/null || die "new with the configured database"
[ -f "$DBDIR/rum.db" ] || die "the configured database was not used"
jh -d "$WORK/other.db" new annat -t payment-moment >/dev/null || die "new with -d"
[ -f "$WORK/other.db" ] || die "-d wins over the configuration"
JOURNEYHACK_DB="$WORK/env.db" "$JH" new env -t payment-moment </dev/null >/dev/null || die "env db"
[ -f "$WORK/env.db" ] || die "\$JOURNEYHACK_DB wins over the configuration"
jh export rum >"$WORK/out" || die "export into the folder"
[ "$(cat "$WORK/out")" = "$HOME/ut/rum-actions.md" ] || die "export prints the path: $(cat "$WORK/out")"
grep -q '^# ' "$HOME/ut/rum-actions.md" || die "the export is in the folder"
jh export rum -f csv -r backlog >/dev/null && [ -f "$HOME/ut/rum-backlog.csv" ] ||
	die "the folder takes every format"
jh export rum -o - | grep -q '^# ' || die "-o - still writes to standard output"
jh export rum -o "$WORK/here.md" >"$WORK/out" && [ -f "$WORK/here.md" ] && [ ! -s "$WORK/out" ] ||
	die "-o wins over the folder"
jh --config /dev/null -d "$DBDIR/rum.db" export rum | grep -q '^# ' ||
	die "without a folder, export writes to standard output"
echo "ok: database and export folder are defaults"
