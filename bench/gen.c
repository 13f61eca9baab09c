/* gen.c: fill a workshop with a benchmark's worth of items.
 *
 *   bench-gen DB WORKSHOP N OUTDIR
 *
 * WORKSHOP must exist (journeyhack new, customer-journey-hackathon). Adds,
 * in proportion to N: N/50 participants (at least 10), N/1000 journeys (at
 * least 2) with the template's stages, N/20 touchpoints (at least 5), N pain
 * points, N ideas (each linked to one or two pain points), the dot votes of
 * every participant, N/4 action points and N/100 parking-lot entries. Every
 * item goes through items_parse and the store in one batch, the way an
 * import does, so the data is what journeyhack itself accepts.
 *
 * Also writes, for the peers of `make bench`:
 *   OUTDIR/painpoints.csv  N pain points for `journeyhack import` and the
 *                          sqlite3 shell's .import (touchpoint ids 1..5, the
 *                          payment-moment template's)
 *   OUTDIR/tasks.json      the N ideas as Taskwarrior tasks, one per line
 *
 * The sequence is a fixed linear congruential one, so every run and every
 * machine gets the same workshop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/store.h"

static uint64_t seed = 20261122;

static unsigned pick(unsigned n)
{
	seed = seed * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)((seed >> 33) % n);
}

/* Workshop text is often Swedish or Norwegian: exercise the UTF-8 paths. */
/* Two columns, aligned by hand. */
/* clang-format off */
static const char *const pains[] = {
	"Fakturan är svår att läsa",       "Otydliga avgifter på fakturan",
	"Lång kö i kundtjänst",            "Betalningen syns inte direkt",
	"Påminnelseavgift utan förvarning", "Regningen kom for sent",
	"Kan inte ändra förfallodag",      "Autogiro krånglar",
	"Ingen bekräftelse på e-post",     "Appen loggar ut mitt i betalningen",
};
static const char *const remedies[] = {
	"Förklara vad pengarna gick till", "Personlig faktura",
	"Fråga direkt från fakturan",      "Enklare layout",
	"Betala med ett klick i appen",    "Påminn innan förfallodagen",
	"Chatt i stället för telefonkö",   "Visa förbrukning per månad",
};
/* clang-format on */
static const char *const owners[] = {"Anna", "Björn", "Åsa", "Øystein", "Ærlig", "Karin"};
static const char *const channels[] = {"web", "app", "e-mail", "phone", "letter", "invoice"};
static const char *const departments[] = {"Finance", "IT", "Kundtjänst", "Marketing", "Product"};

struct gen {
	struct jh_store *st;
	jh_id wid;
	struct jh_err err;
};

/* Add one item from FIELD=VALUE pairs; exits on any refusal, since a
 * benchmark on data journeyhack would not accept measures nothing. */
static jh_id add(struct gen *g, enum jh_kind kind, const struct jh_assign *a, size_t n)
{
	struct jh_values vals;
	jh_id id = 0;

	if (items_parse(g->st, g->wid, kind, a, n, 1, &vals, &g->err) ||
	    store_item_add(g->st, g->wid, kind, vals.v, vals.n, &id, &g->err)) {
		fprintf(stderr, "bench-gen: %s: %s\n", kinds_get(kind)->name, g->err.msg);
		exit(1);
	}
	items_values_free(&vals);
	return id;
}

static void num(char *buf, size_t size, long long v)
{
	snprintf(buf, size, "%lld", v);
}

static jh_id *add_participants(struct gen *g, size_t n)
{
	jh_id *ids = calloc(n, sizeof *ids);
	char name[64];

	for (size_t i = 0; i < n; i++) {
		struct jh_assign a[] = {{"name", name},
					{"department", departments[i % 5]},
					{"role", i == 0 ? "facilitator" : "participant"}};
		snprintf(name, sizeof name, "%s %zu", owners[i % 6], i + 1);
		ids[i] = add(g, JH_PARTICIPANT, a, 3);
	}
	return ids;
}

static jh_id *add_map(struct gen *g, size_t njourneys, size_t ntouch)
{
	jh_id *tps = calloc(ntouch, sizeof *tps);
	jh_id *jids = calloc(njourneys, sizeof *jids);
	char name[96], jbuf[24], score[8], reach[8], pot[8];
	/* clang-format off */
	static const char *const stages[] = {"Aware", "Buy", "Onboard", "Use",
					     "Pay", "Support", "Renew or leave"};

	for (size_t i = 0; i < njourneys; i++) {
		struct jh_assign a[] = {{"name", name}};
		snprintf(name, sizeof name, "Resa %zu: betala fakturan", i + 1);
		jids[i] = add(g, JH_JOURNEY, a, 1);
	}
	for (size_t i = 0; i < ntouch; i++) {
		struct jh_assign a[] = {{"name", name},         {"journey", jbuf},
					{"stage", stages[i % 7]}, {"channel", channels[pick(6)]},
					{"owner", departments[pick(5)]}, {"score", score},
					{"reach", reach},          {"potential", pot}};
		/* clang-format on */
		snprintf(name, sizeof name, "Kontakt %zu (%s)", i + 1, channels[i % 6]);
		num(jbuf, sizeof jbuf, jids[i % njourneys]);
		num(score, sizeof score, (long long)pick(5) - 2);
		num(reach, sizeof reach, (long long)pick(101));
		num(pot, sizeof pot, (long long)pick(4));
		tps[i] = add(g, JH_TOUCHPOINT, a, 8);
	}
	free(jids);
	return tps;
}

static void csv_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void json_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static jh_id *add_painpoints(struct gen *g, size_t n, const jh_id *tps, size_t ntouch,
			     const jh_id *people, size_t npeople, FILE *csv)
{
	jh_id *ids = calloc(n, sizeof *ids);
	char title[160], evidence[200], tp[24], sev[4], freq[4], author[24];
	static const char *const status[] = {"open", "open", "open", "addressed", "dropped"};

	fputs("title,touchpoint,severity,frequency,evidence,status\n", csv);
	for (size_t i = 0; i < n; i++) {
		const char *st = status[pick(5)];
		/* clang-format off */
		struct jh_assign a[] = {{"title", title},     {"touchpoint", tp},
					{"severity", sev},    {"frequency", freq},
					{"evidence", evidence}, {"status", st},
					{"author", author}};
		/* clang-format on */
		snprintf(title, sizeof title, "%s #%zu", pains[pick(10)], i + 1);
		snprintf(evidence, sizeof evidence,
			 "Kund %u: \"jag ringde tre gånger\", %u samtal i veckan",
			 pick(9000) + 1000, pick(500));
		num(tp, sizeof tp, tps[pick((unsigned)ntouch)]);
		num(sev, sizeof sev, (long long)pick(5) + 1);
		num(freq, sizeof freq, (long long)pick(5) + 1);
		num(author, sizeof author, people[pick((unsigned)npeople)]);
		ids[i] = add(g, JH_PAINPOINT, a, 7);
		csv_text(csv, title);
		fprintf(csv, ",%zu,%s,%s,", i % 5 + 1, sev, freq);
		csv_text(csv, evidence);
		fprintf(csv, ",%s\n", st);
	}
	return ids;
}

static jh_id *add_ideas(struct gen *g, size_t n, const jh_id *pains_ids, size_t npains,
			const jh_id *people, size_t npeople, FILE *tasks)
{
	jh_id *ids = calloc(n, sizeof *ids);
	char title[160], links[64], imp[4], eff[4], conf[4], reach[8], author[24];
	static const char *const prio[] = {"L", "L", "M", "H", "H"};

	for (size_t i = 0; i < n; i++) {
		unsigned impact = pick(5) + 1;
		/* clang-format off */
		struct jh_assign a[] = {
			{"title", title},
			{"belief", "a clearer invoice lowers calls to customer service"},
			{"experiment", "send the new layout to 500 customers"},
			{"metric", "calls per 1000 invoices"},
			{"success", "calls drop by 20 %"},
			{"impact", imp},
			{"effort", eff},
			{"confidence", conf},
			{"reach", reach},
			{"painpoints", links},
			{"author", author}};
		/* clang-format on */
		snprintf(title, sizeof title, "%s %zu", remedies[pick(8)], i + 1);
		if (pick(2))
			snprintf(links, sizeof links, "%lld",
				 (long long)pains_ids[pick((unsigned)npains)]);
		else
			snprintf(links, sizeof links, "%lld,%lld",
				 (long long)pains_ids[pick((unsigned)npains)],
				 (long long)pains_ids[pick((unsigned)npains)]);
		num(imp, sizeof imp, impact);
		num(eff, sizeof eff, (long long)pick(5) + 1);
		num(conf, sizeof conf, (long long)pick(5) + 1);
		num(reach, sizeof reach, (long long)pick(101));
		num(author, sizeof author, people[pick((unsigned)npeople)]);
		ids[i] = add(g, JH_IDEA, a, 11);
		fputs("{\"description\":", tasks);
		json_text(tasks, title);
		fputs(",\"status\":\"pending\",\"entry\":\"20261122T080000Z\",", tasks);
		fprintf(tasks,
			"\"project\":\"bench\",\"priority\":\"%s\",\"tags\":[\"backlog\"]}\n",
			prio[impact - 1]);
	}
	return ids;
}

/* Every participant spends the template's five dots (at most three on one
 * idea), as in a real dot-voting round. */
static size_t add_votes(struct gen *g, const jh_id *people, size_t npeople, const jh_id *ideas,
			size_t nideas)
{
	size_t n = 0;

	for (size_t p = 0; p < npeople; p++) {
		static const int split[] = {2, 2, 1};
		for (size_t k = 0; k < 3; k++) {
			jh_id idea = ideas[pick((unsigned)nideas)];
			if (store_vote(g->st, g->wid, people[p], idea, split[k], &g->err) == 0)
				n++;
		}
	}
	return n;
}

static void add_actions(struct gen *g, size_t n, const jh_id *ideas, size_t nideas)
{
	char title[160], idea[24], due[16];
	static const char *const status[] = {"todo", "todo", "doing", "done"};

	for (size_t i = 0; i < n; i++) {
		struct jh_assign a[] = {{"title", title},
					{"idea", idea},
					{"owner", owners[pick(6)]},
					{"due", due},
					{"status", status[pick(4)]}};
		snprintf(title, sizeof title, "Testa: %s %zu", remedies[pick(8)], i + 1);
		num(idea, sizeof idea, ideas[pick((unsigned)nideas)]);
		snprintf(due, sizeof due, "2026-%02u-%02u", pick(12) + 1, pick(28) + 1);
		add(g, JH_ACTION, a, 5);
	}
}

static void add_parking(struct gen *g, size_t n)
{
	char text[160];
	/* clang-format off */
	static const char *const objections[] = {
		"Det är för komplext", "Vänta tills system X är utbytt",
		"Kundupplevelse är inte vårt jobb", "Det här kvartalet handlar om försäljning"};
	/* clang-format on */

	for (size_t i = 0; i < n; i++) {
		struct jh_assign a[] = {{"text", text}};
		snprintf(text, sizeof text, "%s (%zu)", objections[pick(4)], i + 1);
		add(g, JH_PARKING, a, 1);
	}
}

static FILE *out_file(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static size_t at_least(size_t v, size_t floor)
{
	return v < floor ? floor : v;
}

int main(int argc, char **argv)
{
	struct gen g = {0};
	size_t n, npeople, njourneys, ntouch, nvotes;
	jh_id *people, *tps, *pain_ids, *idea_ids;
	FILE *csv, *tasks;
	char *end;

	if (argc != 5) {
		fprintf(stderr, "usage: bench-gen DB WORKSHOP N OUTDIR\n");
		return 2;
	}
	n = strtoul(argv[3], &end, 10);
	if (*end || n == 0) {
		fprintf(stderr, "bench-gen: N must be a positive number\n");
		return 2;
	}
	if (store_open(&g.st, argv[1], STORE_NOCREATE, &g.err) ||
	    store_workshop_find(g.st, argv[2], &g.wid, &g.err)) {
		fprintf(stderr, "bench-gen: %s\n", g.err.msg);
		return 1;
	}
	npeople = at_least(n / 50, 10);
	njourneys = at_least(n / 1000, 2);
	ntouch = at_least(n / 20, 5);
	csv = out_file(argv[4], "painpoints.csv");
	tasks = out_file(argv[4], "tasks.json");
	if (store_begin(g.st, &g.err)) {
		fprintf(stderr, "bench-gen: %s\n", g.err.msg);
		return 1;
	}
	people = add_participants(&g, npeople);
	tps = add_map(&g, njourneys, ntouch);
	pain_ids = add_painpoints(&g, n, tps, ntouch, people, npeople, csv);
	idea_ids = add_ideas(&g, n, pain_ids, n, people, npeople, tasks);
	nvotes = add_votes(&g, people, npeople, idea_ids, n);
	add_actions(&g, at_least(n / 4, 1), idea_ids, n);
	add_parking(&g, at_least(n / 100, 1));
	if (store_commit(g.st, &g.err)) {
		fprintf(stderr, "bench-gen: %s\n", g.err.msg);
		return 1;
	}
	if (fclose(csv) || fclose(tasks)) {
		perror("bench-gen");
		return 1;
	}
	printf("%zu participants, %zu journeys, %zu touchpoints, %zu pain points, %zu ideas, "
	       "%zu votes, %zu actions, %zu parking\n",
	       npeople, njourneys, ntouch, n, n, nvotes, at_least(n / 4, 1), at_least(n / 100, 1));
	store_close(g.st);
	free(people);
	free(tps);
	free(pain_ids);
	free(idea_ids);
	return 0;
}
