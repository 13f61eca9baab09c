/* export_taskwarrior.c: the action points as JSON for `task import`.
 *
 * Taskwarrior's JSON format wants UTC timestamps (YYYYMMDDTHHMMSSZ); a
 * due date becomes local midnight of that day, as `task add due:DATE`
 * would store it. Each task carries its action's own UUID (random, kept
 * by the store and by YAML and JSON exports and imports), so importing a
 * later export again updates the same tasks instead of adding duplicates,
 * and a new action never takes over the task of a deleted one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journeyhack/export.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* MurmurHash3's finaliser: FNV alone leaves the high bytes of similar
 * inputs alike, and those are what a reader of UUIDs compares first. */
static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* A version 8 (application-defined) UUID: stable per workshop and action. */
static void action_uuid(const struct jh_data *d, const struct jh_action *a, char out[37])
{
	char key[64];
	const char *parts[2] = {export_w_str(d->workshop.name), export_w_str(d->workshop.created)};
	uint64_t h1 = 0xcbf29ce484222325ULL, h2;
	unsigned char b[16];
	size_t k = 0;

	for (int i = 0; i < 2; i++)
		h1 = fnv1a(h1, parts[i], strlen(parts[i]) + 1);
	snprintf(key, sizeof key, "action:%lld", (long long)a->id);
	h1 = fnv1a(h1, key, strlen(key));
	h2 = mix(fnv1a(h1 ^ 0x9e3779b97f4a7c15ULL, key, strlen(key)));
	h1 = mix(h1);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(h1 >> (56 - 8 * i));
		b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x80);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	for (int i = 0; i < 16; i++) {
		k += (size_t)snprintf(out + k, 37 - k, "%02x", b[i]);
		if (i == 3 || i == 5 || i == 7 || i == 9)
			out[k++] = '-';
	}
	out[36] = '\0';
}

/* Local midnight of a YYYY-MM-DD date plus `seconds`, in UTC. */
static void timestamp(const char *date, int seconds, char out[17])
{
	struct tm tm = {0};
	time_t t;

	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	tm.tm_sec = seconds;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || !gmtime_r(&t, &tm) ||
	    strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm) != 16) {
		/* Outside time_t: the date at UTC midnight is still right. */
		snprintf(out, 17, "%.4s%.2s%.2sT0000%02uZ", date, date + 5, date + 8,
			 (unsigned)seconds % 60u);
	}
}

/* Taskwarrior shows a description on one line. */
static char *one_line(const char *s)
{
	char *c = text_clean(s);

	for (char *p = c; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return c;
}

static void annotation(struct export_w *w, const char *entry_date, int *nth, const char *label,
		       const char *text)
{
	char ts[17], *t;
	size_t n = strlen(label) + strlen(text) + 1;
	char *s = util_xmalloc(n);

	snprintf(s, n, "%s%s", label, text);
	t = one_line(s);
	/* Taskwarrior keys annotations by their time: one second apart. */
	timestamp(entry_date, (*nth)++, ts);
	export_w_printf(w, "%s{\"entry\":\"%s\",\"description\":", *nth > 1 ? "," : "", ts);
	export_w_json(w, t);
	export_w_putc(w, '}');
	free(t);
	free(s);
}

static void task(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		 const struct jh_action *a)
{
	const struct jh_idea *idea = a->idea_id ? model_idea(d, a->idea_id) : NULL;
	const char *created = util_date_valid(d->workshop.created) ? d->workshop.created : x->today;
	char uuid[37], ts[17], *desc = one_line(a->title);
	int nth = 0;

	if (a->uuid && strlen(a->uuid) == 36)
		snprintf(uuid, sizeof uuid, "%s", a->uuid);
	else /* an item built in memory, never stored */
		action_uuid(d, a, uuid);
	export_w_printf(w, "{\"uuid\":\"%s\",\"description\":", uuid);
	export_w_json(w, desc);
	free(desc);
	export_w_printf(w, ",\"status\":\"%s\"",
			util_streq(a->status, "done") ? "completed" : "pending");
	timestamp(created, 0, ts);
	export_w_printf(w, ",\"entry\":\"%s\"", ts);
	if (util_date_valid(a->due)) {
		timestamp(a->due, 0, ts);
		export_w_printf(w, ",\"due\":\"%s\"", ts);
	}
	export_w_puts(w, ",\"project\":");
	export_w_json(w, d->workshop.name);
	export_w_printf(w, ",\"tags\":[\"journeyhack\"%s]",
			util_streq(a->status, "doing") ? ",\"doing\"" : "");
	if (!idea && !(a->owner && *a->owner) && !(a->notes && *a->notes)) {
		export_w_putc(w, '}');
		return;
	}
	export_w_puts(w, ",\"annotations\":[");
	if (idea) {
		char label[96];
		int rank = x->by_idea[idea - d->ideas]->rank;
		snprintf(label, sizeof label, "Idea %lld (rank %d): ", (long long)idea->id, rank);
		annotation(w, created, &nth, label, idea->title);
	}
	if (a->owner && *a->owner)
		annotation(w, created, &nth, "Owner: ", a->owner);
	if (a->notes && *a->notes)
		annotation(w, created, &nth, "Notes: ", a->notes);
	export_w_puts(w, "]}");
}

int export_taskwarrior(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	export_w_putc(&w, '[');
	for (size_t i = 0; i < x.nactions; i++) {
		export_w_puts(&w, i ? ",\n" : "\n");
		task(&w, d, &x, &d->actions[x.actions[i]]);
	}
	export_w_puts(&w, "\n]\n");
	export_facts_free(&x);
	return export_w_done(&w, err);
}
