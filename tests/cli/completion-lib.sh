# completion-lib.sh: what the completion tests share (sourced, not run).
# shellcheck shell=sh
#
# Gives: $JH (the binary), $WORK (a private directory removed on exit),
# $BINDIR (holds a "journeyhack" link to $JH, put first on PATH, as an
# installed program would be found), $DB (a database with workshops named
# in Swedish and Norwegian), $TPLDIR (an extra template), die, and
# same_words EXPECTED ACTUAL (two newline-separated lists, any order).
# A test whose shell is missing FAILS: completions are part of the product.

: "${JH_BIN:?JH_BIN is not set (run through make check)}"
: "${JH_SRCDIR:?JH_SRCDIR is not set (run through make check)}"
JH=$JH_BIN
unset TMUX JOURNEYHACK_DB
LC_ALL=C.UTF-8
export LC_ALL

die() {
	echo "FAIL: $*" >&2
	exit 1
}

[ -x "$JH" ] || die "no binary at $JH"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jh-compl.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 1' HUP INT TERM
# No templates, configuration or database of the person running the tests.
HOME=$WORK
XDG_DATA_HOME=$WORK/data
XDG_CONFIG_HOME=$WORK/config
export HOME XDG_DATA_HOME XDG_CONFIG_HOME

BINDIR=$WORK/bin
mkdir "$BINDIR" || exit 1
ln -s "$JH" "$BINDIR/journeyhack" || die "cannot link $BINDIR/journeyhack"
PATH=$BINDIR:$PATH
export PATH

# A template found through $JOURNEYHACK_TEMPLATE_PATH beside the bundled ones.
TPLDIR=$WORK/templates
mkdir "$TPLDIR" || exit 1
cp "$JH_SRCDIR/workshop-templates/payment-moment.yaml" "$TPLDIR/betalningsogonblicket.yaml"
sed -i 's/^name: .*/name: betalningsogonblicket/' "$TPLDIR/betalningsogonblicket.yaml"
JOURNEYHACK_TEMPLATE_PATH=$TPLDIR
export JOURNEYHACK_TEMPLATE_PATH

DB=$WORK/verkstad.db
"$JH" -d "$DB" new Kundresa-Åre -t payment-moment --facilitator Åsa >/dev/null ||
	die "cannot create the workshop Kundresa-Åre"
"$JH" -d "$DB" add Kundresa-Åre participant name=Øyvind >/dev/null || die "cannot add Øyvind"
"$JH" -d "$DB" new Fjelltur-Øst >/dev/null || die "cannot create Fjelltur-Øst"
# A name (no blanks are allowed) with characters the shell would act on.
"$JH" -d "$DB" new 'Åsa&Øyvind' >/dev/null || die "cannot create Åsa&Øyvind"
"$JH" -d "$DB" new kvartalsplan >/dev/null || die "cannot create kvartalsplan"

same_words() {
	e=$(printf '%s\n' "$1" | sed '/^$/d' | LC_ALL=C sort)
	a=$(printf '%s\n' "$2" | sed '/^$/d' | LC_ALL=C sort)
	[ "$e" = "$a" ]
}
