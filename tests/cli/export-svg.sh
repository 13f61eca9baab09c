#!/bin/sh
# export-svg.sh: `export -f svg` draws the journey map as an A3 poster.
#   - the file is well-formed XML (python3's xml.etree), 420 x 297 mm with
#     a millimetre viewBox, one band per journey, every card's text inside
#     its card (also in a stage too crowded for one column of cards), user text inert (no element from a pain point's markup, no
#     control character), the weakest link of each journey marked;
#   - rsvg-convert rasterises it at 120 dpi to the A3 pixel size,
#     and the weakest link's ribbon has the highlight colour where another
#     card has not;
#   - the output is the same twice over and on standard output;
#   - a report other than the whole workshop is refused.
# Exit 0 pass, 1 fail.
set -u

# shellcheck source=tests/cli/svghtml-lib.sh
. "$JH_SRCDIR/tests/cli/svghtml-lib.sh"

command -v python3 >/dev/null || die "python3 is needed to parse the SVG (apt-get install python3)"
command -v rsvg-convert >/dev/null ||
	die "rsvg-convert is needed to rasterise the SVG (apt-get install librsvg2-bin; scripts/deps.sh installs it)"

make_workshop
# A crowded stage: more cards than fit one above the other.
i=1
while [ $i -le 9 ]; do
	cli add kalas touchpoint journey=2 stage=10 name="Trengsel nummer $i med et langt navn" \
		channel=nett score=$((i % 5 - 2)) reach=50
	i=$((i + 1))
done
"$JH" -d "$DB" export kalas -f svg -o "$WORK/map.svg" || die "export -f svg failed"
"$JH" -d "$DB" export kalas -f svg -o "$WORK/again.svg" || die "second export failed"
cmp -s "$WORK/map.svg" "$WORK/again.svg" || die "two exports of the same workshop differ"
"$JH" -d "$DB" export kalas -f svg >"$WORK/stdout.svg" || die "export to stdout failed"
cmp -s "$WORK/map.svg" "$WORK/stdout.svg" || die "the export on stdout differs from the file"

# The structure, read by a real XML parser. Prints where, at DPI, to
# sample the weakest link's ribbon (just inside its left edge, halfway
# down) and the same spot of an ordinary card: "X Y X Y".
DPI=120
python3 - "$WORK/map.svg" "$DPI" >"$WORK/spots" <<'PY' || die "the SVG is not what it should be"
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
raw = open(sys.argv[1], encoding="utf-8").read()
bad = [c for c in raw if (ord(c) < 32 and c not in "\t\n") or 0x7f <= ord(c) < 0xa0]
assert not bad, "control characters in the file: %r" % bad[:5]
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == NS + "svg", root.tag
assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("420mm", "297mm", "0 0 420 297")
assert "DejaVu Sans" in root.get("font-family") and root.get("font-family").endswith("sans-serif")
tags = {e.tag.split("}")[-1] for e in root.iter()}
assert not tags & {"script", "i", "b", "foreignObject"}, tags
text = "\n".join("".join(t.itertext()) for t in root.iter(NS + "text"))
for want in ("Fakturadagen på Ørsta & Malmö", "1. Betala fakturan", "Få", "Förstå",
             "1. Få fakturan", "channel: brev", "\u25bc\u25bc -2", "reach 80%",
             "\u25b2\u25b2 +2", "= 0", "CX capital -1 \u25bc AT RISK", "CX capital +2 \u25b2",
             "\u26a0 WEAKEST LINK", "1 pain point: <script>alert('x')</script> & \"citat\"",
             "no pain points", "2. Flytte banken"):
    assert want in text, "missing text: " + want
assert text.count("AT RISK") == 1, "only the first journey is at risk"
assert "\u2026" in text, "the too long stage name is not ellipsised"
ids = {e.get("id"): e for e in root.iter() if e.get("id")}
for want in ("journey-j1", "journey-j2", "weakest-j1", "weakest-j2", "weakest-point-j1",
             "weakest-point-j2", "card-j1-1", "card-j1-4", "card-j2-2"):
    assert want in ids, "no element " + want
assert "card-j1-5" not in ids and "journey-j3" not in ids
assert "card-j2-11" in ids and "card-j2-12" not in ids
assert ids["weakest-j1"].get("fill") == "#f59f00"
# The curve: one point per touchpoint, its first on the -2 line.
lines = root.findall(".//%spolyline" % NS)
assert len(lines) == 2, len(lines)
pts = [tuple(map(float, p.split(","))) for p in lines[0].get("points").split()]
assert len(pts) == 4 and len(lines[1].get("points").split()) == 11
assert pts[0][1] > pts[1][1] > pts[2][1] > pts[3][1], pts
weak = ids["weakest-point-j1"]
assert (float(weak.get("cx")), float(weak.get("cy"))) == pts[0]
# Every card's lines stand inside its box.
for g in root.iter(NS + "g"):
    if g.get("class") != "card":
        continue
    r = g.find(NS + "rect")
    x, y, w, h = (float(r.get(k)) for k in ("x", "y", "width", "height"))
    for t in g.iter(NS + "text"):
        tx, ty = float(t.get("x")), float(t.get("y"))
        assert x < tx < x + w and y < ty <= y + h, "%s: text %r outside its card" % (g.get("id"), t.text)
def box(e):
    return " ".join(e.get(k) for k in ("x", "y", "width", "height"))
def spot(e):
    x, y, h = (float(e.get(k)) for k in ("x", "y", "height"))
    px = lambda mm: str(int(round(mm * int(sys.argv[2]) / 25.4)))
    return px(x + 0.4) + " " + px(y + h / 2)
print(spot(ids["weakest-j1"]), spot(ids["card-j1-2"].find(NS + "rect")))
PY

# Rasterised: the A3 size in pixels at DPI, rounded up.
rsvg-convert -d "$DPI" -p "$DPI" -o "$WORK/map.png" "$WORK/map.svg" 2>"$WORK/rsvg.err" ||
	die "rsvg-convert failed: $(cat "$WORK/rsvg.err")"
[ -s "$WORK/rsvg.err" ] && die "rsvg-convert complained: $(cat "$WORK/rsvg.err")"
[ "$(wc -c <"$WORK/map.png")" -gt 20000 ] || die "the PNG is nearly empty"
# shellcheck disable=SC2046 # four numbers, split on purpose
python3 "$JH_SRCDIR/tests/cli/png.py" "$WORK/map.png" $(cat "$WORK/spots") >"$WORK/pixels" ||
	die "could not read the PNG"
want="$(((4200 * DPI + 253) / 254)) $(((2970 * DPI + 253) / 254))"
[ "$(sed -n 1p "$WORK/pixels")" = "$want" ] ||
	die "the PNG at $DPI dpi is $(sed -n 1p "$WORK/pixels") pixels, not $want"
weak=$(sed -n 2p "$WORK/pixels")
other=$(sed -n 3p "$WORK/pixels")
[ "$weak" = f59f00 ] || die "the weakest link's ribbon at $(cat "$WORK/spots") is #$weak, not #f59f00"
[ "$other" != f59f00 ] || die "an ordinary card has the highlight colour too"

# --journey: one journey's poster, by name or id; an unknown one is an
# error naming it, and the option is for the map only.
"$JH" -d "$DB" export kalas -f svg --journey "Flytte banken – en altfor lang reise for ett kort" \
	-o "$WORK/one.svg" || die "export --journey NAME failed"
"$JH" -d "$DB" export kalas -f svg --journey=1 >"$WORK/first.svg" || die "export --journey=1 failed"
python3 - "$WORK/one.svg" "$WORK/first.svg" <<'PY' || die "--journey drew the wrong journeys"
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
for path, want, other in ((sys.argv[1], "Flytte banken", "Betala fakturan"),
                          (sys.argv[2], "Betala fakturan", "Flytte banken")):
    root = ET.parse(path).getroot()
    bands = [g for g in root.iter(NS + "g") if (g.get("id") or "").startswith("journey-")]
    assert len(bands) == 1, (path, len(bands))
    text = "".join(root.itertext())
    assert want in text and other not in text, path
    assert root.find(".//*[@id='weakest-j1']") is not None
PY
"$JH" -d "$DB" export kalas -f svg --journey "Ingen reise" >/dev/null 2>"$WORK/err" &&
	die "an unknown journey was accepted"
grep -q 'journey named "Ingen reise"' "$WORK/err" || die "unclear error: $(cat "$WORK/err")"
"$JH" -d "$DB" export kalas -f html --journey 1 >/dev/null 2>"$WORK/err"
[ $? -eq 2 ] || die "--journey with -f html is not a usage error"

# Only the whole workshop makes a map.
"$JH" -d "$DB" export kalas -f svg -r actions >/dev/null 2>"$WORK/err" &&
	die "svg accepted -r actions"
grep -q "svg exports the whole workshop" "$WORK/err" || die "unclear refusal: $(cat "$WORK/err")"
exit 0
