/* export_ical.c: the action points as an iCalendar (RFC 5545) VCALENDAR
 * of VTODOs, for calendars and task apps.
 *
 * Every content line ends in CRLF and is folded at 75 octets, never
 * inside a UTF-8 sequence or a backslash escape; TEXT values escape
 * backslash, ';', ',' and line breaks. A VTODO's UID is the action's own
 * UUID, so importing a later export updates the same task; SEQUENCE is
 * the action's revision, which grows with every change. DTSTAMP is the
 * time of the export in UTC, or midnight UTC of $JOURNEYHACK_TODAY when
 * that is set, so a test's output is the same on every run. The store
 * keeps no time of completion, so a completed task has no COMPLETED.
 * ORGANIZER and ATTENDEE need a mailto: address, which a name said in
 * the room is not: the owner goes in X-JOURNEYHACK-OWNER (which apps
 * that do not know it keep and ignore) and in the description. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journeyhack/export.h"
#include "journeyhack/export_context.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define FOLD 75

/* Writes content lines, folding them: col counts the octets of the
 * current physical line. */
struct ical {
	struct export_w w;
	size_t col;
};

/* One piece that must stay whole on a physical line. */
static void piece(struct ical *c, const char *s, size_t n)
{
	if (c->col + n > FOLD) {
		export_w_puts(&c->w, "\r\n ");
		c->col = 1;
	}
	export_w_write(&c->w, s, n);
	c->col += n;
}

static void raw(struct ical *c, const char *s)
{
	for (size_t i = 0, len; s[i]; i += len) {
		unsigned int cp;
		len = text_decode(s + i, strlen(s + i), &cp);
		piece(c, s + i, len);
	}
}

static void end_line(struct ical *c)
{
	export_w_puts(&c->w, "\r\n");
	c->col = 0;
}

static const char *text_escape(char ch)
{
	switch (ch) {
	case '\\':
		return "\\\\";
	case ';':
		return "\\;";
	case ',':
		return "\\,";
	case '\n':
		return "\\n";
	default:
		return NULL;
	}
}

/* A TEXT value (RFC 5545 3.3.11), made valid UTF-8 first. */
static void text(struct ical *c, const char *s)
{
	char *t = text_clean(s);
	size_t n = strlen(t);

	for (size_t i = 0, len; i < n; i += len) {
		unsigned int cp;
		const char *e;
		len = text_decode(t + i, n - i, &cp);
		if (t[i] == '\r') {
			if (t[i + 1] != '\n')
				piece(c, "\\n", 2);
			continue;
		}
		if ((e = text_escape(t[i])))
			piece(c, e, 2);
		else
			piece(c, t + i, len);
	}
	free(t);
}

static void prop_text(struct ical *c, const char *name, const char *value)
{
	raw(c, name);
	raw(c, ":");
	text(c, value);
	end_line(c);
}

static void prop(struct ical *c, const char *name, const char *value)
{
	raw(c, name);
	raw(c, ":");
	raw(c, value);
	end_line(c);
}

static void dtstamp(char out[17])
{
	const char *fixed = getenv("JOURNEYHACK_TODAY");
	time_t now = time(NULL);
	struct tm tm;

	if (fixed && util_date_valid(fixed)) {
		snprintf(out, 17, "%.4s%.2s%.2sT000000Z", fixed, fixed + 5, fixed + 8);
		return;
	}
	if (!gmtime_r(&now, &tm) || strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm) != 16)
		snprintf(out, 17, "19700101T000000Z");
}

static const char *ical_status(const char *status)
{
	if (util_streq(status, "doing"))
		return "IN-PROCESS";
	return util_streq(status, "done") ? "COMPLETED" : "NEEDS-ACTION";
}

static const struct export_context_style plain_style = {"", "", "", "", "\n", export_context_plain};

static char *description(const struct jh_data *d, const struct export_facts *x,
			 const struct jh_action *a)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	struct export_context ctx;
	struct export_w w;

	if (!m)
		return NULL;
	export_w_init(&w, m);
	export_context_init(&ctx, d, x, a);
	export_context_write(&w, &ctx, &plain_style);
	export_context_free(&ctx);
	if (fclose(m) != 0 || w.failed) {
		free(buf);
		return NULL;
	}
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static void categories(struct ical *c, const struct jh_data *d, const struct jh_action *a)
{
	char *ws = export_context_line(d->workshop.name, 0);

	raw(c, "CATEGORIES:journeyhack,");
	text(c, ws);
	if (util_streq(a->status, "doing") || util_streq(a->status, "done")) {
		raw(c, ",");
		text(c, a->status);
	}
	end_line(c);
	free(ws);
}

static int vtodo(struct ical *c, const struct jh_data *d, const struct export_facts *x,
		 const struct jh_action *a, const char *stamp)
{
	char buf[64], *summary = export_context_line(a->title, 0), *desc = description(d, x, a);

	if (!desc) {
		free(summary);
		return -1;
	}
	prop(c, "BEGIN", "VTODO");
	raw(c, "UID:");
	if (a->uuid && *a->uuid) {
		text(c, a->uuid);
	} else { /* an item built in memory, never stored */
		text(c, d->workshop.uuid);
		snprintf(buf, sizeof buf, "-action-%lld", (long long)a->id);
		raw(c, buf);
	}
	raw(c, "@journeyhack");
	end_line(c);
	prop(c, "DTSTAMP", stamp);
	snprintf(buf, sizeof buf, "%lld", (long long)(a->revision > 0 ? a->revision : 0));
	prop(c, "SEQUENCE", buf);
	prop_text(c, "SUMMARY", summary);
	prop_text(c, "DESCRIPTION", desc);
	if (util_date_valid(a->due)) {
		snprintf(buf, sizeof buf, "%.4s%.2s%.2s", a->due, a->due + 5, a->due + 8);
		prop(c, "DUE;VALUE=DATE", buf);
	}
	prop(c, "STATUS", ical_status(a->status));
	if (util_streq(a->status, "done"))
		prop(c, "PERCENT-COMPLETE", "100");
	categories(c, d, a);
	if (a->owner && *a->owner)
		prop_text(c, "X-JOURNEYHACK-OWNER", a->owner);
	prop(c, "END", "VTODO");
	free(summary);
	free(desc);
	return 0;
}

int export_ical(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct ical c = {.col = 0};
	struct export_facts x;
	char stamp[17];
	char *name;

	export_w_init(&c.w, f);
	export_facts_init(&x, d);
	dtstamp(stamp);
	prop(&c, "BEGIN", "VCALENDAR");
	prop(&c, "VERSION", "2.0");
	prop(&c, "PRODID", "-//journeyhack//journeyhack action points//EN");
	prop(&c, "CALSCALE", "GREGORIAN");
	name = export_context_line(*d->workshop.title ? d->workshop.title : d->workshop.name, 0);
	prop_text(&c, "X-WR-CALNAME", name);
	free(name);
	for (size_t i = 0; i < x.nactions && !c.w.failed; i++)
		if (vtodo(&c, d, &x, &d->actions[x.actions[i]], stamp) < 0)
			export_w_fail(&c.w);
	prop(&c, "END", "VCALENDAR");
	export_facts_free(&x);
	return export_w_done(&c.w, err);
}
