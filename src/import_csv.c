/* import_csv.c: adding the rows of a CSV file as items of one kind.
 *
 * Every value goes through items.c, so a cell accepts exactly what the
 * command line accepts (once the export's formula guard is taken off);
 * the whole file is one store transaction. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/i18n.h"
#include "journeyhack/import_csv.h"
#include "journeyhack/items.h"
#include "journeyhack/util.h"

static int check_header(const struct csv_table *t, const struct jh_kind_def *k, const char *path,
			struct jh_err *err)
{
	for (size_t c = 0; c < t->header.nfields; c++)
		if (!kinds_field(k, t->header.fields[c]))
			return err_set(err, _("%s:1: unknown column \"%s\" for %s"), path,
				       t->header.fields[c], k->plural);
	return 0;
}

/* A row's non-empty cells: an empty cell means "the default", as a field
 * left out. The apostrophe a CSV export puts before a cell a spreadsheet
 * would run as a formula is taken off again (csv_formula_unguard), so an
 * exported cell imports as the text it was. Returns how many were filled
 * in a. */
static size_t row_assigns(const struct csv_table *t, size_t r, const struct jh_kind_def *k,
			  const char *author, struct jh_assign *a)
{
	size_t n = 0;
	int has_author = 0;

	for (size_t c = 0; c < t->header.nfields; c++) {
		if (!*t->rows[r].fields[c])
			continue;
		a[n].field = t->header.fields[c];
		a[n].value = csv_formula_unguard(t->rows[r].fields[c]);
		has_author |= !strcmp(a[n].field, "author");
		n++;
	}
	if (author && !has_author && kinds_field(k, "author")) {
		a[n].field = "author";
		a[n].value = author;
		n++;
	}
	return n;
}

static int add_row(struct jh_store *st, jh_id wid, const struct jh_kind_def *k,
		   const struct jh_assign *a, size_t n, struct jh_err *err)
{
	struct jh_values vals;
	int rc;

	if (items_parse(st, wid, k->kind, a, n, 1, &vals, err))
		return -1;
	rc = store_item_add(st, wid, k->kind, vals.v, vals.n, NULL, err);
	items_values_free(&vals);
	return rc;
}

/* "FILE[:LINE]: why; nothing was imported" around the message in err. */
static int nothing_imported(const char *path, size_t line, struct jh_err *err)
{
	char why[sizeof err->msg];

	memcpy(why, err->msg, sizeof why);
	if (line)
		return err_set(err, _("%s:%zu: %s; nothing was imported"), path, line, why);
	return err_set(err, _("%s: %s; nothing was imported"), path, why);
}

static int add_rows(struct jh_store *st, jh_id wid, const struct jh_kind_def *k,
		    const struct csv_table *t, const char *path, const char *author,
		    struct jh_err *err)
{
	struct jh_assign *a = util_xcalloc(t->header.nfields + 2, sizeof *a);
	int rc = 0;

	for (size_t r = 0; r < t->nrows && rc == 0; r++)
		if (add_row(st, wid, k, a, row_assigns(t, r, k, author, a), err))
			rc = nothing_imported(path, t->rows[r].line, err);
	free(a);
	if (rc)
		store_rollback(st);
	else if (store_commit(st, err))
		rc = nothing_imported(path, 0, err);
	return rc;
}

int import_csv_file(struct jh_store *st, jh_id wid, const struct jh_kind_def *k, const char *path,
		    const char *author, size_t *nrows, struct jh_err *err)
{
	struct csv_table t;
	int rc;

	if (csv_read_file(path, &t, err))
		return -1;
	rc = check_header(&t, k, path, err);
	if (rc == 0 && (rc = store_begin(st, err)) == 0)
		rc = add_rows(st, wid, k, &t, path, author, err);
	*nrows = t.nrows;
	csv_free(&t);
	return rc;
}
