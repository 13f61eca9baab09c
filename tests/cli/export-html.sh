#!/bin/sh
# export-html.sh: `export -f html` writes the report as one page that
# needs nothing from the network.
#   - python3's html.parser reads it with every element closed; it has
#     <meta charset="utf-8">, a lang attribute, print CSS, one inline
#     <svg> map per journey, and the report's tables (journeys with their
#     capital, weakest links, pain points with evidence, ideas ranked,
#     action points with owner, due and status, the parking lot);
#   - nothing leads outside: no http: or https:, no src=, no <link>, no
#     <script>; markup, quotes and control characters typed by
#     participants come out as text;
#   - headless Chromium renders it to a 1280 x 2000 screenshot, and its
#     DOM still holds the maps (with their weakest links) and no element
#     made of user text;
#   - the output is the same twice over.
# Exit 0 pass, 1 fail.
set -u

# shellcheck source=tests/cli/svghtml-lib.sh
. "$JH_SRCDIR/tests/cli/svghtml-lib.sh"

command -v python3 >/dev/null || die "python3 is needed to parse the HTML (apt-get install python3)"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] ||
	die "chromium is needed to render the HTML (apt-get install chromium; scripts/deps.sh installs it)"

make_workshop
"$JH" -d "$DB" export kalas -f html -o "$WORK/report.html" || die "export -f html failed"
"$JH" -d "$DB" export kalas -f htm -o "$WORK/again.html" || die "second export failed"
cmp -s "$WORK/report.html" "$WORK/again.html" || die "two exports of the same workshop differ"

python3 - "$WORK/report.html" <<'PY' || die "the HTML is not what it should be"
import re, sys
from html.parser import HTMLParser
raw = open(sys.argv[1], encoding="utf-8").read()
bad = [c for c in raw if (ord(c) < 32 and c not in "\t\n") or 0x7f <= ord(c) < 0xa0]
assert not bad, "control characters in the file: %r" % bad[:5]
low = raw.lower()
for never in ("http:", "https:", "src=", "<link", "<script", "url(", "@import", "<img", "<iframe"):
    assert never not in low, "the page holds " + never
VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}
SVG_EMPTY = {"rect", "line", "polyline", "circle"}

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.attrs, self.text = [], [], {}, []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.setdefault(tag, []).append(dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.setdefault(tag, []).append(dict(attrs))
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, "</%s> closes %s" % (tag, self.stack[-3:])
        self.stack.pop()
    def handle_data(self, data):
        self.text.append(data)

p = Page()
p.feed(raw)
p.close()
assert not p.stack, "unclosed: %s" % p.stack
assert raw.startswith("<!DOCTYPE html>\n<html lang=\"en\">"), raw[:40]
assert {"charset": "utf-8"} in p.attrs["meta"]
assert p.tags.count("svg") == 2, p.tags.count("svg")
assert "xmlns" not in raw, "an inline SVG needs no namespace"
assert not set(p.tags) & {"script", "i", "b"}, "user markup became elements"
style = "".join(p.text[i] for i in range(len(p.text)) if "@media print" in p.text[i])
assert "@page" in style and "A3 landscape" in style, "no print CSS"
text = "".join(p.text)
for want in ("Fakturadagen på Ørsta & Malmö", "Journeys", "CX capital", "\u25bc -1",
             "\u26a0 Få fakturan", "<script>alert('x')</script> & \"citat\" ctl[31mx",
             "Enkät: 62 % förstod inte <b>avgifterna</b>", "Ideas ranked",
             "Förklara avgifterna & <i>räntan</i>", "Action points", "Skissa layouten",
             "Åsa", "2026-11-15 \u25bc OVERDUE", "todo", "doing", "Teste med kunder",
             "Parking lot", "Vad säger juridik om <script>", "\u26a0 WEAKEST LINK"):
    assert want in text, "missing text: " + want
heads = [a.get("id") for a in p.attrs["section"]]
assert heads == ["summary", "team", "journeys", "journey-1", "journey-2", "painpoints",
                 "backlog", "actions", "parking"], heads
ids = {a.get("id") for t in p.attrs.values() for a in t}
assert {"weakest-j1", "weakest-j2", "weakest-point-j1"} <= ids
PY

# Rendered by a browser: a screenshot, and the DOM it built.
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
--disable-background-networking --disable-sync --hide-scrollbars --user-data-dir=$WORK/chromium"
# shellcheck disable=SC2086 # the flags are words on purpose
timeout 120 "$CHROMIUM" $CHROME_FLAGS --window-size=1280,2000 --screenshot="$WORK/shot.png" \
	"file://$WORK/report.html" >"$WORK/chromium.log" 2>&1 ||
	die "chromium failed to screenshot the report: $(tail -n 3 "$WORK/chromium.log")"
[ -s "$WORK/shot.png" ] || die "chromium wrote no screenshot"
[ "$(wc -c <"$WORK/shot.png")" -gt 20000 ] || die "the screenshot is nearly empty"
# The title and the first tables are drawn in the top 300 rows.
python3 "$JH_SRCDIR/tests/cli/png.py" "$WORK/shot.png" --dark 300 >"$WORK/shot.txt" ||
	die "the screenshot is not a PNG"
size=$(sed -n 1p "$WORK/shot.txt")
[ "$size" = "1280 2000" ] || die "the screenshot is $size pixels, not 1280 2000"
[ "$(sed -n 2p "$WORK/shot.txt")" -gt 2000 ] || die "the screenshot shows no text at the top"
# shellcheck disable=SC2086
timeout 120 "$CHROMIUM" $CHROME_FLAGS --dump-dom "file://$WORK/report.html" \
	>"$WORK/dom.html" 2>"$WORK/chromium.log" ||
	die "chromium failed to dump the DOM: $(tail -n 3 "$WORK/chromium.log")"
python3 - "$WORK/dom.html" <<'PY' || die "the DOM Chromium built is not the report"
import sys
dom = open(sys.argv[1], encoding="utf-8").read()
assert dom.count("<svg") == 2, dom.count("<svg")
for want in ('id="weakest-j1"', 'id="weakest-point-j2"', "<polyline", "&lt;script&gt;alert",
             "Fakturadagen på Ørsta &amp; Malmö"):
    assert want in dom, "missing in the DOM: " + want
assert "<script" not in dom and "<i>" not in dom, "user text became markup"
PY
exit 0
