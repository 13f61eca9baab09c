#!/bin/sh
# editor.sh: a stand-in for $EDITOR in tests. Appends a fixed Swedish
# line to the file it is given, as a person typing in an editor would.
[ $# -eq 1 ] || exit 2
printf '%s\n' 'Citat från kund: "Jag förstår inte vad jag betalar för."' >>"$1"
