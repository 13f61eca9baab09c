#!/bin/sh
# export-todotxt.sh: `export -f todotxt` checked against the todo.txt
# format's grammar (github.com/todotxt/todo.txt): an optional "x ", a
# priority "(A) " only on an open task, dates as YYYY-MM-DD, the text,
# +project, @context and key:value tags without white space, due: a
# date and id: the action's UUID, the same in the next export.
# shellcheck source=tests/cli/trackers-lib.sh
. "${JH_SRCDIR:?}/tests/cli/trackers-lib.sh"
need_python re

DB="$WORK/w.db"
sample_workshop "$DB"
jh -d "$DB" export räkning -f todotxt -o "$WORK/a.txt" || die "export"
jh -d "$DB" set räkning action 1 "title=Skriv om fakturan" >/dev/null || die "edit"
jh -d "$DB" export räkning -f todo.txt >"$WORK/b.txt" || die "second export"

"$PY" - "$WORK/a.txt" "$WORK/b.txt" "$(long_title)" <<'PY' || die "todo.txt grammar"
import re
import sys

DATE = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
LINE = re.compile(
    r"^(?:(?P<done>x )(?:(?P<completed>" + DATE + r") (?P<created_done>" + DATE + r") )?"
    r"|(?P<pri>\([A-Z]\) )?(?:(?P<created>" + DATE + r") )?)"
    r"(?P<rest>\S.*\S)$")

def parse(path):
    data = open(path, encoding="utf-8").read()
    assert data.endswith("\n") and "\r" not in data
    out = []
    for line in data[:-1].split("\n"):
        m = LINE.match(line)
        assert m, f"not a todo.txt line: {line!r}"
        words = m.group("rest").split(" ")
        assert "" not in words, f"double space: {line!r}"
        tags = dict(w.split(":", 1) for w in words if re.fullmatch(r"[^\s:]+:[^\s:]+", w))
        text = " ".join(w for w in words if not re.fullmatch(r"[+@]\S+|[^\s:]+:[^\s:]+", w))
        out.append((m, words, tags, text))
    return out

a = parse(sys.argv[1])
assert len(a) == 4, len(a)
by = {t[3]: t for t in a}
m, words, tags, _ = by['Skriv om fakturan, "igen"; på svenska']
assert m.group("pri") == "(A) " and m.group("created") == "2026-11-22"
assert "+räkning" in words and "@Åsa_Öberg" in words, words
assert tags["due"] == "2026-12-24" and re.fullmatch(r"[0-9a-f-]{36}", tags["id"]), tags
m, words, tags, _ = by["Ring Øyvind om æ, ø og å"]
assert m.group("pri") is None and "@oyvind" in words and tags["due"] == "2027-01-15"
m, words, tags, _ = by["Boka uppföljning"]
assert m.group("done") and m.group("pri") is None and "due" not in tags
long = [t for t in a if t[3].startswith("Lång titel:")][0]
assert long[3] == sys.argv[3] and "@Øyvind_Ærø" in long[1], long[3]

# Every id once; the same ids after an edit.
ids = sorted(t[2]["id"] for t in a)
assert len(set(ids)) == 4
b = parse(sys.argv[2])
assert ids == sorted(t[2]["id"] for t in b)
edited = [t for t in b if t[2]["id"] == by['Skriv om fakturan, "igen"; på svenska'][2]["id"]][0]
assert edited[3] == "Skriv om fakturan", edited[3]
PY

jh -d "$DB" export räkning -f todotxt -r backlog 2>"$WORK/err" && die "-r backlog"
grep -qx 'journeyhack: export: todotxt exports the action points only (-r actions)' "$WORK/err" ||
	die "unexpected message: $(cat "$WORK/err")"
echo "every line is todo.txt; ids stable across an edit"
exit 0
