/* import_map.c: journeys and touchpoints from a spreadsheet's CSV.
 *
 * The map renames columns; every value then goes through items.c like a
 * `journeyhack add touchpoint`, so a cell accepts what the command line
 * accepts. Journeys and stages are matched by name against the workshop
 * as loaded at the start and against those this file already created, so
 * each is made once, in the order the file first names it. The whole
 * file is one transaction. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/i18n.h"
#include "journeyhack/import_map.h"
#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define NONE ((size_t)-1)

/* A journey or stage by name: parent 0 for journeys. */
struct named {
	jh_id parent, id;
	char *name;
};

struct mapper {
	struct jh_store *st;
	jh_id wid;
	const char *path;
	const struct import_map_opts *o;
	struct csv_table t;
	struct jh_err *err;
	const struct jh_field_def **f; /* per column; NULL: not read */
	size_t c_name, c_stage, c_journey;
	struct named *known;
	size_t nknown, capknown;
	struct import_map_result *res;
};

/* ------------------------------------------------------------ the map */

static const struct jh_kind_def *tp_kind(void)
{
	return kinds_get(JH_TOUCHPOINT);
}

/* "name, stage, ...": the fields a column can be mapped onto. */
static void field_list(char *buf, size_t size)
{
	const struct jh_kind_def *k = tp_kind();
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < k->nfields && n < size; i++)
		if (strcmp(k->fields[i].name, "uuid") != 0)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
					      k->fields[i].name);
}

static const struct jh_field_def *map_field(const char *name)
{
	return strcmp(name, "uuid") ? kinds_field(tp_kind(), name) : NULL;
}

static size_t header_column(const struct csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->header.nfields; c++)
		if (!strcmp(t->header.fields[c], name))
			return c;
	return NONE;
}

/* A header as a message shows it: cut short, controls made visible. */
static char *shown(const char *s)
{
	return text_fit_dup(s, 40, 0);
}

/* Take one "Column=field" of the map. */
static int map_pair(struct mapper *m, char *pair)
{
	char *eq = strrchr(pair, '='), *col;
	const struct jh_field_def *f;
	size_t c, line = m->t.header.line;
	int rc = 0;

	if (!eq || eq == pair || !eq[1]) {
		col = shown(pair);
		rc = err_set(m->err, _("--map: \"%s\" is not COLUMN=FIELD"), col);
		free(col);
		return rc;
	}
	*eq = '\0';
	col = shown(pair);
	if (!(f = map_field(eq + 1))) {
		char *field = shown(eq + 1), list[256];

		field_list(list, sizeof list);
		rc = err_set(m->err, _("--map: \"%s=%s\": a touchpoint has no field \"%s\" (%s)"),
			     col, field, field, list);
		free(field);
	} else if ((c = header_column(&m->t, pair)) == NONE) {
		rc = err_set(m->err,
			     _("%s:%zu: --map names the column \"%s\", which the header does "
			       "not have"),
			     m->path, line, col);
	} else if (m->f[c]) {
		rc = err_set(m->err, _("--map: the column \"%s\" is mapped twice"), col);
	} else {
		m->f[c] = f;
	}
	free(col);
	return rc;
}

static int read_map(struct mapper *m)
{
	char *copy = util_xstrdup(m->o->map ? m->o->map : ""), *p = copy, *comma;
	int rc = 0;

	while (rc == 0 && *p) {
		if ((comma = strchr(p, ',')))
			*comma = '\0';
		rc = map_pair(m, p);
		p = comma ? comma + 1 : p + strlen(p);
	}
	free(copy);
	return rc;
}

/* Columns the map leaves alone are the field they are named after, if
 * any; a field two columns give is refused. */
static int read_header(struct mapper *m)
{
	const struct csv_row *h = &m->t.header;

	for (size_t c = 0; c < h->nfields; c++)
		if (!m->f[c] && header_column(&m->t, h->fields[c]) == c)
			m->f[c] = map_field(h->fields[c]);
	m->c_name = m->c_stage = m->c_journey = NONE;
	for (size_t c = 0; c < h->nfields; c++) {
		for (size_t d = 0; d < c; d++)
			if (m->f[c] && m->f[d] == m->f[c])
				return err_set(m->err,
					       _("%s:%zu: columns %zu and %zu are both the field "
						 "\"%s\""),
					       m->path, h->line, d + 1, c + 1, m->f[c]->name);
		if (m->f[c] && !strcmp(m->f[c]->name, "name"))
			m->c_name = c;
		if (m->f[c] && !strcmp(m->f[c]->name, "stage"))
			m->c_stage = c;
		if (m->f[c] && !strcmp(m->f[c]->name, "journey"))
			m->c_journey = c;
	}
	return 0;
}

static int check_columns(struct mapper *m)
{
	size_t line = m->t.header.line;

	if (m->c_name == NONE)
		return err_set(m->err,
			       _("%s:%zu: no column is the touchpoint's name (map one: --map "
				 "COLUMN=name)"),
			       m->path, line);
	if (m->c_stage == NONE)
		return err_set(m->err,
			       _("%s:%zu: no column is the touchpoint's stage (map one: --map "
				 "COLUMN=stage)"),
			       m->path, line);
	if (m->c_journey == NONE && !(m->o->journey && *m->o->journey))
		return err_set(m->err,
			       _("%s:%zu: no column is the journey: map one (--map "
				 "COLUMN=journey) or name it with --journey NAME"),
			       m->path, line);
	if (m->c_journey != NONE && m->o->journey)
		return err_set(m->err,
			       _("%s:%zu: the journey comes from a column and from --journey; "
				 "give one of them"),
			       m->path, line);
	return 0;
}

/* ------------------------------------------------------------ the rows */

/* "FILE:LINE:COLUMN: column "HEADER": message". */
static int cell_fail(struct mapper *m, const struct csv_row *row, size_t c, const char *fmt, ...)
    JH_PRINTF(4, 5);
static int cell_fail(struct mapper *m, const struct csv_row *row, size_t c, const char *fmt, ...)
{
	char why[sizeof m->err->msg], *head = shown(m->t.header.fields[c]);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	err_set(m->err, _("%s:%zu:%zu: column \"%s\": %s"), m->path, row->line, c + 1, head, why);
	free(head);
	return -1;
}

static const char *cell(const struct csv_row *row, size_t c)
{
	return csv_formula_unguard(row->fields[c]);
}

static jh_id known_id(const struct mapper *m, jh_id parent, const char *name)
{
	for (size_t i = 0; i < m->nknown; i++)
		if (m->known[i].parent == parent && !strcmp(m->known[i].name, name))
			return m->known[i].id;
	return 0;
}

static void remember(struct mapper *m, jh_id parent, jh_id id, const char *name)
{
	if (m->nknown == m->capknown) {
		m->capknown = m->capknown ? 2 * m->capknown : 16;
		m->known = util_xrealloc(m->known, m->capknown * sizeof *m->known);
	}
	m->known[m->nknown].parent = parent;
	m->known[m->nknown].id = id;
	m->known[m->nknown++].name = util_xstrdup(name);
}

static void remember_workshop(struct mapper *m, const struct jh_data *d)
{
	for (size_t i = 0; i < d->njourneys; i++)
		if (!known_id(m, 0, d->journeys[i].name))
			remember(m, 0, d->journeys[i].id, d->journeys[i].name);
	for (size_t i = 0; i < d->nstages; i++)
		if (!known_id(m, d->stages[i].journey_id, d->stages[i].name))
			remember(m, d->stages[i].journey_id, d->stages[i].id, d->stages[i].name);
}

/* Add a journey (parent 0, with no stages of its own) or a stage of
 * journey parent, named by cell c of row. */
static int create(struct mapper *m, const struct csv_row *row, size_t c, jh_id parent,
		  const char *name, jh_id *id)
{
	struct jh_assign a[2] = {{"name", name}, {"journey", NULL}};
	enum jh_kind kind = parent ? JH_STAGE : JH_JOURNEY;
	struct jh_values vals;
	struct jh_value all[8];
	char pid[24];
	int rc;

	snprintf(pid, sizeof pid, "%lld", (long long)parent);
	a[1].value = pid;
	if (items_parse(m->st, m->wid, kind, a, parent ? 2 : 1, 1, &vals, m->err))
		return cell_fail(m, row, c, "%s", m->err->msg);
	memcpy(all, vals.v, vals.n * sizeof *all);
	if (!parent) /* a journey from a sheet brings its own stages */
		all[vals.n] = (struct jh_value){
		    .field = kinds_field(kinds_get(JH_JOURNEY), "stages"), .is_null = 1};
	rc = store_item_add(m->st, m->wid, kind, all, vals.n + !parent, id, m->err);
	items_values_free(&vals);
	if (rc)
		return cell_fail(m, row, c, "%s", m->err->msg);
	remember(m, parent, *id, name);
	if (parent)
		m->res->stages++;
	else
		m->res->journeys++;
	return 0;
}

/* The journey or stage a cell names, made when it is new. */
static int find_or_create(struct mapper *m, const struct csv_row *row, size_t c, jh_id parent,
			  const char *name, jh_id *id)
{
	if (!*name)
		return cell_fail(m, row, c, "%s",
				 parent ? _("the stage is empty") : _("the journey is empty"));
	if ((*id = known_id(m, parent, name)))
		return 0;
	return create(m, row, c, parent, name, id);
}

/* Check every cell the map reads on its own, so a bad one is named by
 * its column. */
static int check_cells(struct mapper *m, const struct csv_row *row)
{
	struct jh_err e;

	for (size_t c = 0; c < m->t.header.nfields; c++) {
		const char *v = cell(row, c);

		if (!m->f[c] || c == m->c_stage || c == m->c_journey || (!*v && c != m->c_name))
			continue;
		if (items_check_value(m->f[c], v, &e))
			return cell_fail(m, row, c, "%s", e.msg);
	}
	return 0;
}

static int add_touchpoint(struct mapper *m, const struct csv_row *row, jh_id journey, jh_id stage)
{
	struct jh_assign *a = util_xcalloc(m->t.header.nfields + 2, sizeof *a);
	char jbuf[24], sbuf[24];
	struct jh_values vals;
	size_t n = 0;
	int rc;

	snprintf(jbuf, sizeof jbuf, "%lld", (long long)journey);
	snprintf(sbuf, sizeof sbuf, "%lld", (long long)stage);
	a[n++] = (struct jh_assign){"journey", jbuf};
	a[n++] = (struct jh_assign){"stage", sbuf};
	for (size_t c = 0; c < m->t.header.nfields; c++)
		if (m->f[c] && c != m->c_stage && c != m->c_journey && *cell(row, c))
			a[n++] = (struct jh_assign){m->f[c]->name, cell(row, c)};
	rc = items_parse(m->st, m->wid, JH_TOUCHPOINT, a, n, 1, &vals, m->err);
	if (rc == 0) {
		rc = store_item_add(m->st, m->wid, JH_TOUCHPOINT, vals.v, vals.n, NULL, m->err);
		items_values_free(&vals);
	}
	free(a);
	if (rc)
		return err_set(m->err, "%s:%zu: %s", m->path, row->line, m->err->msg);
	m->res->touchpoints++;
	return 0;
}

static int map_row(struct mapper *m, const struct csv_row *row)
{
	const char *jname = m->c_journey == NONE ? m->o->journey : cell(row, m->c_journey);
	jh_id journey, stage;

	if (check_cells(m, row))
		return -1;
	if (m->c_journey == NONE) {
		if (!(journey = known_id(m, 0, jname)) &&
		    create(m, row, m->c_name, 0, jname, &journey))
			return -1;
	} else if (find_or_create(m, row, m->c_journey, 0, jname, &journey)) {
		return -1;
	}
	if (find_or_create(m, row, m->c_stage, journey, cell(row, m->c_stage), &stage))
		return -1;
	return add_touchpoint(m, row, journey, stage);
}

static int map_rows(struct mapper *m)
{
	struct jh_data d;
	int rc = 0;

	if (store_load(m->st, m->wid, &d, m->err))
		return -1;
	remember_workshop(m, &d);
	model_data_free(&d);
	if (store_begin(m->st, m->err))
		return -1;
	for (size_t r = 0; r < m->t.nrows && rc == 0; r++)
		rc = map_row(m, &m->t.rows[r]);
	if (rc == 0)
		return store_commit(m->st, m->err);
	store_rollback(m->st);
	return -1;
}

static int nothing_imported(struct jh_err *err)
{
	char why[sizeof err->msg];

	memcpy(why, err->msg, sizeof why);
	return err_set(err, _("%s; nothing was imported"), why);
}

int import_map_file(struct jh_store *st, jh_id wid, const char *path,
		    const struct import_map_opts *o, struct import_map_result *res,
		    struct jh_err *err)
{
	struct mapper m = {.st = st, .wid = wid, .path = path, .o = o, .err = err, .res = res};
	int rc;

	memset(res, 0, sizeof *res);
	if (csv_read_file_sep(path, o->sep, &m.t, err))
		return -1;
	m.f = util_xcalloc(m.t.header.nfields, sizeof *m.f);
	rc = read_map(&m);
	if (rc == 0)
		rc = read_header(&m);
	if (rc == 0)
		rc = check_columns(&m);
	if (rc == 0)
		rc = map_rows(&m);
	if (rc) {
		memset(res, 0, sizeof *res);
		nothing_imported(err);
	}
	for (size_t i = 0; i < m.nknown; i++)
		free(m.known[i].name);
	free(m.known);
	free(m.f);
	csv_free(&m.t);
	return rc;
}
