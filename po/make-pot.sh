#!/bin/sh
# make-pot.sh: extract the translatable strings of the sources into a
# template. One command for `make update-po` and the test that checks
# po/journeyhack.pot is current, so both see the same strings.
#
#   po/make-pot.sh SRCDIR OUTPUT [VERSION]
#
# Every src/*.c and include/journeyhack/*.def is read, so a new source
# file needs no list to be kept. Locations name the file only, not the
# line, so that editing code elsewhere in a file does not churn the
# template.
set -eu
srcdir=$1 out=$2 version=${3-}
xgettext=${XGETTEXT:-xgettext}

cd "$srcdir"
tmp=$out.tmp
trap 'rm -f "$tmp" "$tmp.h" "$tmp.err"' EXIT
x() {
	"$xgettext" --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
		--add-location=file --package-name=journeyhack \
		${version:+--package-version="$version"} \
		--msgid-bugs-address=https://github.com/journeyhack/journeyhack/issues \
		--output="$tmp" "$@"
}
# Strings marked in code, the help texts of keys.def (UI_ACTION's third
# argument) and the view titles of views.def; then, joined to those,
# the views' tab labels (VIEW's fourth argument: xgettext takes one
# argument per keyword and pass) and the field labels of kinds.c's
# tables (the label argument of each row macro there) and the column
# headings of show's tables in cli_show.c.
# shellcheck disable=SC2046 # the globs are the list of sources
x --keyword=_ --keyword=N_ --keyword=UI_ACTION:3 --keyword=VIEW:3 \
	$(ls src/*.c include/journeyhack/*.def)
# The sources are UTF-8; saying so lets the passes below join quietly.
sed 's/charset=CHARSET/charset=UTF-8/' "$tmp" >"$tmp.h" && mv "$tmp.h" "$tmp"
x --join-existing --keyword --keyword=VIEW:4 include/journeyhack/views.def
x --join-existing --keyword --keyword=TEXT:4 --keyword=LONG:3 --keyword=INT:6 \
	--keyword=BOOL:4 --keyword=ENUM:5 --keyword=REF:5 --keyword=DATE:3 src/kinds.c
# Columns without a heading are CALC(""): not a string to translate.
x --join-existing --keyword --keyword=COL:1 --keyword=CALC:1 src/cli_show.c 2>"$tmp.err" || {
	cat "$tmp.err" >&2
	exit 1
}
grep -v -e 'Empty msgid' -e 'returns the header entry' -e 'meta information' "$tmp.err" >&2 || :
# An empty heading ("") is the header's msgid: keep the header free of
# the location that brings.
awk 'NR == 1, /^$/ { if (/^#: /) next } { print }' "$tmp" >"$tmp.h"
mv "$tmp.h" "$tmp"
mv "$tmp" "$out"
trap - EXIT
