#!/bin/sh
# completion-install.sh: make install DESTDIR=... puts the three
# completion files in the directories configure chose (by default the
# ones the shells' pkg-config files name), under the names the shells
# look for, and each shell, pointed at that tree as it would be at /,
# loads its completion from there by itself; make uninstall takes them
# away again.
. "${JH_SRCDIR:?}/tests/cli/completion-lib.sh"

: "${JH_BUILDDIR:?}" "${JH_MAKE:?}"
: "${JH_BASH_COMPLETION_DIR:?}" "${JH_ZSH_COMPLETION_DIR:?}" "${JH_FISH_COMPLETION_DIR:?}"
for sh in bash zsh fish; do
	command -v $sh >/dev/null || die "$sh is not installed"
done
BC=/usr/share/bash-completion/bash_completion
[ -r "$BC" ] || die "bash-completion is not installed ($BC)"

D=$WORK/dest
# The outer make's job server and flags are not this make's.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$JH_MAKE" -C "$JH_BUILDDIR" install DESTDIR="$D" \
	>"$WORK/install.log" 2>&1 || die "make install failed: $(tail -n 20 "$WORK/install.log")"

bash_file=$D$JH_BASH_COMPLETION_DIR/journeyhack
zsh_file=$D$JH_ZSH_COMPLETION_DIR/_journeyhack
fish_file=$D$JH_FISH_COMPLETION_DIR/journeyhack.fish
cmp "$bash_file" "$JH_SRCDIR/completions/journeyhack.bash" || die "no bash completion at $bash_file"
cmp "$zsh_file" "$JH_SRCDIR/completions/_journeyhack" || die "no zsh completion at $zsh_file"
cmp "$fish_file" "$JH_SRCDIR/completions/journeyhack.fish" || die "no fish completion at $fish_file"

# Unless configure was told otherwise, bash's and fish's directories are
# the ones their pkg-config files name.
for pc in bash-completion:$JH_BASH_COMPLETION_DIR fish:$JH_FISH_COMPLETION_DIR; do
	want=$(pkg-config --variable=completionsdir "${pc%%:*}" 2>/dev/null) || continue
	case ${pc#*:} in
	"$want") ;;
	*) grep -q -- "--with-${pc%%[-:]*}-completion-dir" "$JH_BUILDDIR/config.log" ||
		die "${pc%%:*} completions went to ${pc#*:}, not $want" ;;
	esac
done

# bash-completion loads a command's completion on first use from
# bash-completion/completions in each of $XDG_DATA_DIRS.
case $JH_BASH_COMPLETION_DIR in
*/bash-completion/completions) ;;
*) die "bash completions dir $JH_BASH_COMPLETION_DIR is not a bash-completion/completions" ;;
esac
loaded=$(XDG_DATA_DIRS=$D${JH_BASH_COMPLETION_DIR%/bash-completion/completions} bash -c '
	. "$1" || true
	__load_completion journeyhack && complete -p journeyhack &&
	shopt -s extdebug && declare -F _journeyhack' sh "$BC") ||
	die "bash-completion does not load journeyhack's completion from $bash_file"
case $loaded in
*"-F _journeyhack journeyhack"*" $bash_file") ;;
*) die "bash did not load $bash_file: $loaded" ;;
esac

# fish loads it from fish/vendor_completions.d in each of $XDG_DATA_DIRS
# (its own start-up files set that search path up: no --no-config).
case $JH_FISH_COMPLETION_DIR in
*/fish/vendor_completions.d) ;;
*) die "fish completions dir $JH_FISH_COMPLETION_DIR is not a fish/vendor_completions.d" ;;
esac
got=$(XDG_DATA_DIRS=$D${JH_FISH_COMPLETION_DIR%/fish/vendor_completions.d} \
	fish -c 'complete -C "journeyhack ex"; functions --details __journeyhack_complete' |
	cut -f1)
[ "$got" = "export
$fish_file" ] || die "fish did not load the completion from $fish_file: [$got]"

# zsh's compinit finds it in $fpath, where site-functions is.
got=$(zsh -f -c 'fpath=($1 $fpath); autoload -Uz compinit && compinit -u -D
	print -r -- $_comps[journeyhack]' zsh "$D$JH_ZSH_COMPLETION_DIR") || die "zsh failed"
[ "$got" = _journeyhack ] || die "zsh's compinit did not take _journeyhack: [$got]"
# By default that is DATADIR/zsh/site-functions, which zsh built for that
# prefix puts in $fpath.
case $JH_ZSH_COMPLETION_DIR in
*/zsh/site-functions) ;;
*) zsh -f -c 'print -l $fpath' | grep -qxF "$JH_ZSH_COMPLETION_DIR" ||
	die "zsh does not read $JH_ZSH_COMPLETION_DIR" ;;
esac

env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$JH_MAKE" -C "$JH_BUILDDIR" uninstall DESTDIR="$D" \
	>"$WORK/uninstall.log" 2>&1 || die "make uninstall failed: $(tail -n 20 "$WORK/uninstall.log")"
for f in "$bash_file" "$zsh_file" "$fish_file"; do
	[ ! -e "$f" ] || die "make uninstall left $f"
done
echo "completion install: ok"
