/* import_yaml.h: restoring a workshop from the yaml export. */
#ifndef JOURNEYHACK_IMPORT_YAML_H
#define JOURNEYHACK_IMPORT_YAML_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"

/* Create workshop `workshop` (an error if it exists) from a file written
 * by the yaml export, in one transaction: all or nothing. Item ids are
 * kept when all are free in the database (so an import into an empty
 * database exports again byte for byte), otherwise every item gets a new
 * id and references follow. Errors name FILE:LINE:COLUMN. */
int import_yaml_file(struct jh_store *st, const char *workshop, const char *path, jh_id *wid_out,
		     struct jh_err *err);

/* The same from memory; `label` names the file in messages. */
int import_yaml_buffer(struct jh_store *st, const char *workshop, const char *buf, size_t len,
		       const char *label, jh_id *wid_out, struct jh_err *err);

#endif
