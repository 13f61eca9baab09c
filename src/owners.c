/* owners.c: a typed owner matched to the participants, loosely enough
 * that a keyboard without ø still finds Øyvind. */
#include <string.h>

#include "journeyhack/names.h"
#include "journeyhack/owners.h"
#include "journeyhack/session.h"
#include "journeyhack/text.h"

/* Letters whose mark is part of the letter, so decomposing keeps it. */
static const struct {
	unsigned int cp;
	const char *plain;
} plain[] = {
    {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"}, {0x00FE, "th"}, {0x00DF, "ss"},
    {0x0111, "d"},  {0x0127, "h"}, {0x0131, "i"}, {0x0142, "l"},  {0x0153, "oe"},
    {0x0167, "t"},  {0x0180, "b"}, {0x01B6, "z"}, {0x0250, "a"},
};

static const char *plain_of(unsigned int cp)
{
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		if (plain[i].cp == cp)
			return plain[i].plain;
	return NULL;
}

/* Combining marks: the accents names_key split off their letters. */
static int is_mark(unsigned int cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF);
}

static size_t put(char *buf, size_t size, size_t len, const char *s, size_t n)
{
	if (len + n >= size)
		return len;
	memcpy(buf + len, s, n);
	return len + n;
}

size_t owners_key(const char *name, char *buf, size_t size)
{
	char key[512];
	size_t n = names_key(name, key, sizeof key), len = 0;

	if (!size)
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned int cp;
		size_t l = text_decode(key + i, n - i, &cp);
		const char *p = plain_of(cp);
		if (!l)
			break;
		if (p)
			len = put(buf, size, len, p, strlen(p));
		else if (!is_mark(cp))
			len = put(buf, size, len, key + i, l);
		i += l;
	}
	buf[len] = '\0';
	return len;
}

const struct jh_participant *owners_participant(const struct jh_data *d, const char *typed)
{
	const struct jh_participant *found = NULL;
	char want[512], have[512];

	if (!typed || !*typed)
		return NULL;
	found = session_participant_named(d, typed);
	if (found)
		return found;
	owners_key(typed, want, sizeof want);
	for (size_t i = 0; i < d->nparticipants; i++) {
		owners_key(d->participants[i].name, have, sizeof have);
		if (strcmp(want, have))
			continue;
		if (found)
			return NULL; /* two people would fit: let the typist choose */
		found = &d->participants[i];
	}
	return found;
}
