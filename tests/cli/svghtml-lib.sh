# svghtml-lib.sh: the workshop the SVG and HTML export tests draw (sourced).
# shellcheck shell=sh
#
# Two journeys in Swedish and Norwegian: "Betala fakturan" with its
# weakest link "Få fakturan" (score -2, reach 80) and a pain point full of
# markup, quotes and control characters; "Flytte banken" with a stage and
# a touchpoint whose names are far too long for their card.

# shellcheck source=tests/reliability/lib.sh
. "$JH_SRCDIR/tests/reliability/lib.sh"

DB="$WORK/kalas.db"
CTRL=$(printf 'ctl\001\010\033[31m\177x')
EVIL="<script>alert('x')</script> & \"citat\" $CTRL"

cli() {
	"$JH" -d "$DB" "$@" </dev/null >/dev/null || die "journeyhack $*"
}

make_workshop() {
	cli new kalas --facilitator "Åsa"
	cli set kalas workshop title="Fakturadagen på Ørsta & Malmö"
	cli add kalas participant name="Øyvind" department="Kundeservice"
	# A journey comes with the template's seven stages (ids 1-7, 8-14):
	# the first are renamed, the rest removed.
	cli add kalas journey name="Betala fakturan"
	cli add kalas journey name="Flytte banken – en altfor lang reise for ett kort"
	for s in 4 5 6 7 11 12 13 14; do
		cli rm kalas stage "$s"
	done
	cli set kalas stage 1 name="Få"
	cli set kalas stage 2 name="Förstå"
	cli set kalas stage 3 name="Betala"
	cli set kalas stage 8 name="Oppdage behovet for en ny bank, med et navn på steget som aldri, aldri tar slutt"
	cli set kalas stage 9 name="Bytte"
	cli set kalas stage 10 name="Avslutte"
	cli add kalas touchpoint journey=1 stage=1 name="Få fakturan" channel=brev score=-2 reach=80
	cli add kalas touchpoint journey=1 stage=2 name="Läsa avgifterna" channel=webb score=-1 reach=100
	cli add kalas touchpoint journey=1 stage=2 name="Ringa kundtjänst" channel=telefon score=0 reach=30
	cli add kalas touchpoint journey=1 stage=3 name="Betala med BankID" channel=app score=2 reach=100
	cli add kalas painpoint touchpoint=1 title="$EVIL" severity=4 frequency=5 \
		evidence="Enkät: 62 % förstod inte <b>avgifterna</b>"
	cli add kalas painpoint touchpoint=2 title="För små siffror" severity=2 frequency=3
	cli add kalas touchpoint journey=2 stage=8 name="Lese vilkårene på nettsiden som er svært lange og vanskelige å forstå for de fleste kundene våre i hele landet" channel=nett score=-1 reach=60
	cli add kalas touchpoint journey=2 stage=9 name="Signere med BankID" channel=app score=1 reach=90
	cli add kalas idea title="Förklara avgifterna & <i>räntan</i>" impact=4 effort=2 painpoints=1
	cli add kalas idea title="Større skrift" impact=2 effort=1 painpoints=2
	cli add kalas action idea=1 title="Skissa layouten" owner="Åsa" due=2026-11-15
	cli add kalas action idea=2 title="Teste med kunder" owner="Øyvind" due=2026-12-24 status=doing
	cli add kalas parking text="Vad säger juridik om $EVIL?"
}
