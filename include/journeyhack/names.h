/* names.h: how a typed name is matched against the people of a workshop.
 *
 * One rule for the command line and the interface alike: two names are
 * the same person when they are equal after folding case and Unicode
 * normalisation, so "øyvind" is "Øyvind" and "Åsa" typed with a
 * combining ring (A + U+030A) or the angstrom sign is "Åsa". Pure: no
 * locale, no curses, no SQL. */
#ifndef JOURNEYHACK_NAMES_H
#define JOURNEYHACK_NAMES_H

#include <stddef.h>

/* The matching key of name as UTF-8 into buf (size bytes, truncated on
 * a character boundary): lower case, canonically decomposed and ordered.
 * Returns the key's length in bytes. */
size_t names_key(const char *name, char *buf, size_t size);

/* a and b name the same person by that rule (NULL is ""). */
int names_same(const char *a, const char *b);

#endif
