#!/bin/sh
# catalogues.sh: the translations are complete and current.
#
# - po/journeyhack.pot holds exactly the strings the sources mark (a new
#   _() string fails here until `make update-po` is run);
# - every language in po/LINGUAS passes msgfmt --check, has no
#   untranslated or fuzzy entry, carries every string of the sources
#   (msgcmp) and states its plural forms.
# Exit 0 pass, 1 fail.
set -u
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"

fail=0
die() {
	echo "FAIL: $*" >&2
	exit 1
}
bad() {
	echo "FAIL: $*" >&2
	fail=1
}
for tool in xgettext msgfmt msgcmp msgcat; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found (apt-get install gettext)"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-i18n.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT HUP INT TERM
PO="$JH_SRCDIR/po"

# The msgids of a catalogue, one line each (continuation lines joined),
# sorted: what the sources ask translators for, without locations.
msgids() {
	msgcat --no-location --sort-output "$1" | awk '
		function flush() { if (id != "") print id; id = "" }
		/^msgid(_plural)? / { flush(); id = $0; cont = 1; next }
		/^"/ && cont { id = id $0; next }
		{ flush(); cont = 0 }
		END { flush() }'
}

XGETTEXT=${XGETTEXT:-xgettext} sh "$PO/make-pot.sh" "$JH_SRCDIR" "$WORK/fresh.pot" ||
	die "po/make-pot.sh failed"
[ -s "$WORK/fresh.pot" ] || die "po/make-pot.sh wrote nothing"
msgids "$PO/journeyhack.pot" >"$WORK/committed" || die "cannot read po/journeyhack.pot"
msgids "$WORK/fresh.pot" >"$WORK/sources"
n=$(wc -l <"$WORK/sources")
[ "$n" -gt 100 ] || die "only $n strings extracted from the sources: is the marking lost?"
if ! diff -u "$WORK/committed" "$WORK/sources" >"$WORK/pot.diff"; then
	bad "po/journeyhack.pot is out of date with the sources (run make update-po, then translate):"
	grep '^[-+]msgid' "$WORK/pot.diff" | sed 's/^/  /' >&2
fi

langs=$(cat "$PO/LINGUAS")
[ -n "$langs" ] || die "po/LINGUAS lists no language"
checked=0
for lang in $langs; do
	po="$PO/$lang.po"
	if [ ! -f "$po" ]; then
		echo "note: $lang is in po/LINGUAS but po/$lang.po is not written yet"
		continue
	fi
	checked=$((checked + 1))
	if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$WORK/$lang.stat"; then
		bad "$lang.po: msgfmt --check: $(cat "$WORK/$lang.stat")"
		continue
	fi
	stat=$(cat "$WORK/$lang.stat")
	echo "$lang: $stat"
	case $stat in
	*untranslated* | *fuzzy*) bad "$lang.po is incomplete: $stat" ;;
	esac
	msgcmp "$po" "$WORK/fresh.pot" 2>"$WORK/$lang.cmp" ||
		bad "$lang.po lacks strings of the sources (make update-po): $(head -n 5 "$WORK/$lang.cmp")"
	grep -q '^"Plural-Forms: nplurals=[0-9]*; plural=.*;\\n"$' "$po" ||
		bad "$lang.po has no Plural-Forms header"
	grep -q "^\"Language: $lang\\\\n\"\$" "$po" || bad "$lang.po does not say Language: $lang"
done
[ "$checked" -gt 0 ] || die "no catalogue of po/LINGUAS exists"
[ $fail -eq 0 ] && echo "catalogues: $n strings, $checked language(s) complete"
exit $fail
