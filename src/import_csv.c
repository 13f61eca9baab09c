/* import_csv.c: adding the rows of a CSV file as items of one kind.
 *
 * Every value goes through items.c, so a cell accepts exactly what the
 * command line accepts (once the export's formula guard is taken off);
 * the whole file is one store transaction.
 *
 * The actions CSV carries columns that are not fields: the analysis'
 * (overdue, idea_rank), read and ignored so the export imports as it is,
 * and those that say which action a row is (id, uuid, revision) and which
 * idea it serves (idea_title). The uuid is the identity, since ids are
 * the database's and differ from one workshop to another; the revision
 * keeps an import from overwriting a change made after the export. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/i18n.h"
#include "journeyhack/import_csv.h"
#include "journeyhack/items.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define NONE SIZE_MAX

enum role { R_FIELD, R_IGNORED, R_ID, R_REVISION, R_IDEA_TITLE };

static const struct {
	enum jh_kind kind;
	const char *name;
	enum role role;
} extras[] = {{JH_ACTION, "id", R_ID},
	      {JH_ACTION, "revision", R_REVISION},
	      {JH_ACTION, "idea_title", R_IDEA_TITLE},
	      {JH_ACTION, "overdue", R_IGNORED},
	      {JH_ACTION, "idea_rank", R_IGNORED}};

struct importer {
	struct jh_store *st;
	jh_id wid;
	const struct jh_kind_def *k;
	const struct csv_table *t;
	const char *path;
	const char *author;
	struct jh_err *err;
	enum role *role; /* per column */
	/* Per column, its field (NULL: not a field), looked up once and not
	 * per cell; the kind's author field. */
	const struct jh_field_def **field, *author_field;
	size_t c_id, c_rev, c_title, c_idea, c_uuid;
	struct jh_data d;     /* actions: the workshop before the import */
	const void **by_uuid; /* its actions sorted by uuid */
	size_t nby_uuid;
	struct jh_assign *a;
	struct import_csv_result *res;
};

/* "FILE[:LINE]: why; nothing was imported" around the message in err. */
static int nothing_imported(const char *path, size_t line, struct jh_err *err)
{
	char why[sizeof err->msg];

	memcpy(why, err->msg, sizeof why);
	if (line)
		return err_set(err, _("%s:%zu: %s; nothing was imported"), path, line, why);
	return err_set(err, _("%s: %s; nothing was imported"), path, why);
}

static int extra_role(enum jh_kind kind, const char *name, enum role *role)
{
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++)
		if (extras[i].kind == kind && !strcmp(extras[i].name, name)) {
			*role = extras[i].role;
			return 1;
		}
	return 0;
}

static size_t column_of(const struct csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->header.nfields; c++)
		if (!strcmp(t->header.fields[c], name))
			return c;
	return NONE;
}

static int check_header(struct importer *im)
{
	const struct csv_table *t = im->t;

	im->role = util_xcalloc(t->header.nfields, sizeof *im->role);
	im->field = util_xcalloc(t->header.nfields, sizeof *im->field);
	im->author_field = kinds_field(im->k, "author");
	for (size_t c = 0; c < t->header.nfields; c++) {
		if ((im->field[c] = kinds_field(im->k, t->header.fields[c])))
			im->role[c] = R_FIELD;
		else if (!extra_role(im->k->kind, t->header.fields[c], &im->role[c]))
			return err_set(im->err, _("%s:%zu: unknown column \"%s\" for %s"), im->path,
				       t->header.line, t->header.fields[c],
				       kinds_noun(im->k->kind, 2));
	}
	im->c_id = column_of(t, "id");
	im->c_rev = column_of(t, "revision");
	im->c_title = column_of(t, "idea_title");
	im->c_idea = column_of(t, "idea");
	im->c_uuid = column_of(t, "uuid");
	return 0;
}

static const char *cell(const struct csv_row *row, size_t c)
{
	return c == NONE ? "" : csv_formula_unguard(row->fields[c]);
}

/* ---------------------------------------------------- which action */

static const char *uuid_of(const void *item)
{
	return ((const struct jh_action *)item)->uuid;
}

static int cmp_uuid(const void *a, const void *b)
{
	return strcmp(uuid_of(*(const void *const *)a), uuid_of(*(const void *const *)b));
}

static int load_actions(struct importer *im)
{
	if (im->k->kind != JH_ACTION || im->c_uuid == NONE)
		return 0;
	if (store_load(im->st, im->wid, &im->d, im->err))
		return -1;
	im->by_uuid = util_xcalloc(im->d.nactions + 1, sizeof *im->by_uuid);
	for (size_t i = 0; i < im->d.nactions; i++)
		if (*im->d.actions[i].uuid)
			im->by_uuid[im->nby_uuid++] = &im->d.actions[i];
	qsort(im->by_uuid, im->nby_uuid, sizeof *im->by_uuid, cmp_uuid);
	return 0;
}

static int cmp_key(const void *key, const void *item)
{
	return strcmp(*(const char *const *)key, uuid_of(*(const void *const *)item));
}

/* The action of this workshop the row is, by its uuid; NULL: a new one. */
static const struct jh_action *matched(const struct importer *im, const struct csv_row *row)
{
	const char *uuid = cell(row, im->c_uuid);
	const void *const *hit;

	if (!im->nby_uuid || !*uuid)
		return NULL;
	hit = bsearch(&uuid, im->by_uuid, im->nby_uuid, sizeof *im->by_uuid, cmp_key);
	return hit ? *hit : NULL;
}

/* ------------------------------------------------------------ cells */

/* "FILE:LINE:COLUMN: message; nothing was imported". */
static int cell_fail(const struct importer *im, const struct csv_row *row, size_t c,
		     const char *fmt, ...) JH_PRINTF(4, 5);
static int cell_fail(const struct importer *im, const struct csv_row *row, size_t c,
		     const char *fmt, ...)
{
	char why[sizeof im->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return err_set(im->err, _("%s:%zu:%zu: %s; nothing was imported"), im->path, row->line,
		       c + 1, why);
}

/* The idea a row's idea_title names, as an id for the idea field. */
static int idea_by_title(const struct importer *im, const struct csv_row *row, char *buf,
			 size_t size)
{
	const char *title = cell(row, im->c_title);
	struct jh_err e;
	jh_id id;

	if (!*title)
		return 0;
	if (store_item_lookup(im->st, im->wid, JH_IDEA, title, 0, &id, &e)) {
		char *shown = text_fit_dup(e.msg, 200, 0);
		int rc =
		    cell_fail(im, row, im->c_title,
			      _("idea_title: %s; add the idea first, or empty the cell"), shown);
		free(shown);
		return rc;
	}
	snprintf(buf, size, "%lld", (long long)id);
	return 1;
}

/* A row's cells as field assignments. For a new item an empty cell is
 * left out (the field's default); for an existing one (full) it means
 * the default as well, given explicitly, so that emptying a cell in the
 * sheet empties the field. The uuid is not an assignment of an update:
 * it is how the row was found. */
static size_t row_assigns(const struct importer *im, const struct csv_row *row, int full,
			  const char *idea)
{
	struct jh_assign *a = im->a;
	size_t n = 0;
	int has_author = 0;

	for (size_t c = 0; c < im->t->header.nfields; c++) {
		const struct jh_field_def *f;
		const char *v = cell(row, c);

		if (im->role[c] != R_FIELD || (full && c == im->c_uuid))
			continue;
		f = im->field[c];
		if (c == im->c_idea && idea)
			v = idea;
		if (!*v && !full)
			continue;
		a[n].field = f->name;
		a[n].value = !*v && f->defval ? f->defval : v;
		has_author |= f == im->author_field;
		n++;
	}
	if (idea && im->c_idea == NONE) {
		a[n].field = "idea";
		a[n++].value = idea;
	}
	if (im->author && !has_author && !full && im->author_field) {
		a[n].field = "author";
		a[n++].value = im->author;
	}
	return n;
}

static int add_row(struct importer *im, const struct csv_row *row, const char *idea)
{
	struct jh_values vals;
	int rc;

	if (items_parse(im->st, im->wid, im->k->kind, im->a, row_assigns(im, row, 0, idea), 1,
			&vals, im->err))
		return nothing_imported(im->path, row->line, im->err);
	rc = store_item_add(im->st, im->wid, im->k->kind, vals.v, vals.n, NULL, im->err);
	items_values_free(&vals);
	if (rc)
		return nothing_imported(im->path, row->line, im->err);
	im->res->added++;
	return 0;
}

static int same_value(const struct jh_value *v, const void *item)
{
	switch (kinds_storage(v->field)) {
	case KINDS_S_TEXT:
		return !strcmp(v->is_null || !v->text ? "" : v->text, kinds_text(v->field, item));
	case KINDS_S_INT:
		return v->num == kinds_num(v->field, item);
	case KINDS_S_ID:
		return (v->is_null ? 0 : v->num) == kinds_num(v->field, item);
	default:
		return 0;
	}
}

static int unchanged(const struct jh_values *vals, const void *item)
{
	for (size_t i = 0; i < vals->n; i++)
		if (!same_value(&vals->v[i], item))
			return 0;
	return 1;
}

/* The row changes action `a`: only when it was exported from this very
 * action at its present revision. */
static int may_update(struct importer *im, const struct csv_row *row, const struct jh_action *a,
		      long long *base)
{
	const char *id = cell(row, im->c_id), *rev = cell(row, im->c_rev);
	char mine[24];
	long long n;

	snprintf(mine, sizeof mine, "%lld", (long long)a->id);
	if (strcmp(id, mine) != 0)
		return cell_fail(
		    im, row, im->c_id == NONE ? im->c_uuid : im->c_id,
		    _("the uuid is action %s's of this workshop, but the row is not "
		      "that action's export (id \"%s\"); empty the uuid to add the row "
		      "as a new action"),
		    mine, id);
	if (util_parse_int(rev, &n) || n < 1)
		return cell_fail(im, row, im->c_rev == NONE ? im->c_uuid : im->c_rev,
				 _("action %s changes, and the row does not say the revision it "
				   "was exported at (\"%s\"); export the actions again"),
				 mine, rev);
	*base = n;
	return 0;
}

static int update_row(struct importer *im, const struct csv_row *row, const struct jh_action *a,
		      const char *idea)
{
	struct jh_values vals;
	long long base = 0;
	int rc;

	if (items_parse(im->st, im->wid, JH_ACTION, im->a, row_assigns(im, row, 1, idea), 0, &vals,
			im->err))
		return nothing_imported(im->path, row->line, im->err);
	if (unchanged(&vals, a)) {
		items_values_free(&vals);
		im->res->unchanged++;
		return 0;
	}
	rc = may_update(im, row, a, &base);
	if (rc == 0 &&
	    store_item_set_if(im->st, im->wid, JH_ACTION, a->id, base, vals.v, vals.n, im->err))
		rc = nothing_imported(im->path, row->line, im->err);
	items_values_free(&vals);
	if (rc == 0)
		im->res->updated++;
	return rc;
}

static int import_row(struct importer *im, const struct csv_row *row)
{
	const struct jh_action *a = matched(im, row);
	char idea[24];
	int by_title = 0;

	if (im->c_title != NONE && (by_title = idea_by_title(im, row, idea, sizeof idea)) < 0)
		return -1;
	if (a)
		return update_row(im, row, a, by_title ? idea : NULL);
	return add_row(im, row, by_title ? idea : NULL);
}

/* A large file writes its rows with the table's indexes off (see
 * store_bulk_begin), all inside the one transaction. */
static int add_rows(struct importer *im)
{
	struct store_bulk *bulk = NULL;
	int rc = store_bulk_begin(im->st, im->wid, im->k->kind, im->t->nrows, &bulk, im->err);

	if (rc)
		rc = nothing_imported(im->path, 0, im->err);
	for (size_t r = 0; r < im->t->nrows && rc == 0; r++)
		rc = import_row(im, &im->t->rows[r]);
	if (rc == 0 && store_bulk_end(im->st, bulk, 1, im->err))
		rc = nothing_imported(im->path, 0, im->err);
	else if (rc)
		store_bulk_end(im->st, bulk, 0, NULL);
	if (rc)
		store_rollback(im->st);
	else if (store_commit(im->st, im->err))
		rc = nothing_imported(im->path, 0, im->err);
	return rc;
}

int import_csv_file_with(struct jh_store *st, jh_id wid, const struct jh_kind_def *k,
			 const char *path, const struct import_csv_opts *o,
			 struct import_csv_result *res, struct jh_err *err)
{
	struct csv_table t;
	struct importer im = {.st = st, .wid = wid, .k = k, .t = &t, .path = path, .err = err};
	int rc;

	memset(res, 0, sizeof *res);
	im.author = o ? o->author : NULL;
	im.res = res;
	if (csv_read_file_sep(path, o ? o->sep : 0, &t, err))
		return -1;
	im.a = util_xcalloc(t.header.nfields + 2, sizeof *im.a);
	rc = check_header(&im);
	if (rc == 0)
		rc = load_actions(&im);
	if (rc == 0 && (rc = store_begin(st, err)) == 0)
		rc = add_rows(&im);
	res->rows = t.nrows;
	if (im.by_uuid)
		model_data_free(&im.d);
	free(im.by_uuid);
	free(im.role);
	free(im.field);
	free(im.a);
	csv_free(&t);
	return rc;
}

int import_csv_file(struct jh_store *st, jh_id wid, const struct jh_kind_def *k, const char *path,
		    const char *author, size_t *nrows, struct jh_err *err)
{
	struct import_csv_opts o = {0, author};
	struct import_csv_result res;
	int rc = import_csv_file_with(st, wid, k, path, &o, &res, err);

	*nrows = res.rows;
	return rc;
}
