/* import_csv.h: adding the rows of a CSV file as items of one kind. */
#ifndef JOURNEYHACK_IMPORT_CSV_H
#define JOURNEYHACK_IMPORT_CSV_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"

/* Add every row of the CSV file at path as an item of kind k in workshop
 * wid, in one transaction: all rows or none. The header names the fields;
 * an empty cell means the field's default. `author` (or NULL) fills the
 * author of rows that do not name one. On success *nrows is the count. */
int import_csv_file(struct jh_store *st, jh_id wid, const struct jh_kind_def *k, const char *path,
		    const char *author, size_t *nrows, struct jh_err *err);

#endif
