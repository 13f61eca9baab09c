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
# shellcheck disable=SC2046 # the globs are the list of sources
"$xgettext" --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--add-comments=TRANSLATORS: --add-location=file --sort-by-file \
	--package-name=journeyhack ${version:+--package-version="$version"} \
	--msgid-bugs-address=https://github.com/journeyhack/journeyhack/issues \
	--output=- $(ls src/*.c include/journeyhack/*.def) >"$out.tmp"
mv "$out.tmp" "$out"
