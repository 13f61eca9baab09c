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
 * author of rows that do not name one. On success *nrows is the count.
 * The separator is the file's own (comma, or a spreadsheet's semicolon).
 *
 * An actions file as `export -f csv` writes it comes back whole: its
 * derived columns (overdue, idea_rank) are read and ignored; idea_title,
 * when filled, names the idea by its title (ids differ between
 * workshops); a row whose uuid is an action of this workshop is that
 * action: left alone when nothing in it changed, else updated, but only
 * when the row's id and revision are the action's own (a change made
 * since the export is never overwritten). Other rows are added. */
int import_csv_file(struct jh_store *st, jh_id wid, const struct jh_kind_def *k, const char *path,
		    const char *author, size_t *nrows, struct jh_err *err);

struct import_csv_opts {
	char sep;	    /* ',' ';' or '\t'; 0: the file says */
	const char *author; /* NULL: none */
};

struct import_csv_result {
	size_t rows;	  /* rows in the file */
	size_t added;	  /* new items */
	size_t updated;	  /* existing actions changed */
	size_t unchanged; /* existing actions the row left as they were */
};

/* import_csv_file with a separator and the counts. */
int import_csv_file_with(struct jh_store *st, jh_id wid, const struct jh_kind_def *k,
			 const char *path, const struct import_csv_opts *o,
			 struct import_csv_result *res, struct jh_err *err);

#endif
