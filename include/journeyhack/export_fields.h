/* export_fields.h: an item's fields in the order the exports write them,
 * read from the field table (kinds.h).
 *
 * Each kind's leading keys are listed once here in the order the files
 * have always had; every other field the model keeps follows in table
 * order, so a plain field added to the table reaches the JSON, YAML and
 * CSV exports without a change to their writers. */
#ifndef JOURNEYHACK_EXPORT_FIELDS_H
#define JOURNEYHACK_EXPORT_FIELDS_H

#include <stddef.h>

#include "journeyhack/kinds.h"

#define EXPORT_FIELDS_MAX 32

struct export_fields {
	const struct jh_field_def *f[EXPORT_FIELDS_MAX];
	size_t n;
};

/* A value an item of kind k has under name: a field of the table kept in
 * the model, or one the table does not describe ("id" of every item, a
 * step's "revealed"). NULL when there is none. */
const struct jh_field_def *export_fields_find(enum jh_kind k, const char *name);

/* Every value of an item of kind k, in export order, except the field
 * named omit (NULL: none), such as the journey of a stage written inside
 * its journey. Replaces what out held. */
void export_fields_item(struct export_fields *out, enum jh_kind k, const char *omit);

/* Append the fields of kind k the model keeps that are not named in
 * `named` (NULL-terminated), in table order. */
void export_fields_rest(struct export_fields *out, enum jh_kind k, const char *const *named);

/* The workshop's own settings past those its writers name by hand among
 * values the table does not hold (name, template, dates, timer): a field
 * added to the workshop's table. Replaces what out held. */
void export_fields_workshop(struct export_fields *out);

#endif
