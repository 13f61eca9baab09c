#!/bin/sh
# deps.sh: install the Debian packages journeyhack needs to build and test.
# Installs only what is missing; uses sudo when not run as root.
set -eu

PKGS="build-essential autoconf automake autoconf-archive pkg-config
libncurses-dev libyaml-dev libsqlite3-dev
libcriterion-dev tmux sqlite3 jq cmark-gfm taskwarrior mandoc time valgrind
gettext locales bash-completion zsh fish python3-icalendar librsvg2-bin chromium"

if [ "${1-}" = "--quality" ]; then
	PKGS="$PKGS clang libclang-rt-14-dev valgrind shellcheck cppcheck clang-format"
fi

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
# The translations are tested under sv_SE.UTF-8 and nb_NO.UTF-8, which
# Debian's locales package builds only when asked (/etc/locale.gen).
locales_missing() {
	for l in sv_SE nb_NO; do
		locale -a 2>/dev/null | grep -qix "$l.utf8" || printf ' %s.UTF-8' "$l"
	done
}
[ -z "$missing" ] && [ -z "$(locales_missing)" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "deps.sh: missing packages:$missing, locales:$(locales_missing); run as root or install sudo" >&2
	exit 1
fi
if [ -n "$missing" ]; then
	echo "deps.sh: installing$missing" >&2
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
need=$(locales_missing)
if [ -n "$need" ]; then
	echo "deps.sh: generating locales$need" >&2
	for l in $need; do
		# Uncomment the locale's line, or add it when the file lacks one.
		if grep -q "^# *$l UTF-8\$" /etc/locale.gen; then
			$SUDO sed -i "s/^# *\($l UTF-8\)\$/\1/" /etc/locale.gen
		elif ! grep -q "^$l UTF-8\$" /etc/locale.gen; then
			echo "$l UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
		fi
	done
	$SUDO locale-gen
fi
