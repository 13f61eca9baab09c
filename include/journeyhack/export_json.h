/* export_json.h: the parts of the JSON export that the command line's
 * --json output shares with it, so that a workshop and its items carry the
 * same keys, types and computed figures in both (export_json itself is
 * declared in export.h). */
#ifndef JOURNEYHACK_EXPORT_JSON_H
#define JOURNEYHACK_EXPORT_JSON_H

#include <stddef.h>

#include "journeyhack/export_facts.h"
#include "journeyhack/export_fields.h"
#include "journeyhack/export_jsonw.h"
#include "journeyhack/model.h"

/* The workshop's settings as members of the open object (name, title,
 * description, template, created, method, dots, max_dots, anonymous,
 * uuid, current_step); "exported" after "created" when given. */
void export_json_settings(struct export_jsonw *j, const struct jh_workshop *w,
			  const char *exported);

/* The settings, then the workshop's lists: channels, default_stages and
 * prompts. */
void export_json_workshop(struct export_jsonw *j, const struct jh_data *d, const char *exported);

/* The i-th item of kind k (index into its array in d) as members of the
 * open object: the values fl names (export_fields_item), a vote's voter
 * null when votes are anonymous, then what the analysis adds to them (a
 * journey's figures, not its stages and touchpoints). */
void export_json_item(struct export_jsonw *j, const struct jh_data *d, const struct export_facts *x,
		      const struct export_fields *fl, enum jh_kind k, size_t i);

#endif
