/* cli_table.c: aligned plain-text tables (cli_table.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_table.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

void cli_table_init(struct cli_table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
}

void cli_table_col(struct cli_table *t, size_t i, const char *head, int maxw, int right)
{
	t->head[i] = head;
	t->maxw[i] = maxw;
	t->right[i] = right;
}

void cli_table_row(struct cli_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = util_xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
		t->widths = util_xrealloc(t->widths, t->cap * t->ncols * sizeof *t->widths);
	}
	for (size_t i = 0; i < t->ncols; i++) {
		size_t k = t->nrows * t->ncols + i;
		t->cells[k] = util_xstrdup(cells[i] ? cells[i] : "");
		t->widths[k] = text_width(t->cells[k]);
	}
	t->nrows++;
}

int cli_table_print(struct cli_table *t, FILE *f)
{
	int w[CLI_TABLE_MAX_COLS];
	size_t i, r;
	char *buf, *line;
	size_t bufsize = 4096, linesize = 1024;
	int rc = 0;

	for (i = 0; i < t->ncols; i++)
		w[i] = text_width(t->head[i]);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			int cw = t->widths[r * t->ncols + i];
			if (t->maxw[i] && cw > t->maxw[i])
				cw = t->maxw[i];
			if (cw > w[i])
				w[i] = cw;
		}
	}
	buf = util_xmalloc(bufsize);
	line = util_xmalloc(linesize);
	for (r = 0; r <= t->nrows; r++) {
		size_t len = 0;
		for (i = 0; i < t->ncols; i++) {
			const char *cell = r == 0 ? t->head[i] : t->cells[(r - 1) * t->ncols + i];
			int cw = r == 0 ? text_width(cell) : t->widths[(r - 1) * t->ncols + i];
			size_t need;
			int pad;
			text_fit(cell, w[i], 0, buf, bufsize);
			/* A cell that fits comes out whole, as wide as measured;
			 * only a cut one needs measuring again. */
			pad = w[i] - (cw <= w[i] ? cw : text_width(buf));
			need = len + strlen(buf) + (size_t)pad + 3;
			if (need > linesize) {
				linesize = need * 2;
				line = util_xrealloc(line, linesize);
			}
			len += (size_t)snprintf(
			    line + len, linesize - len, "%*s%s%*s%s", t->right[i] ? pad : 0, "",
			    buf, t->right[i] ? 0 : pad, "", i + 1 < t->ncols ? "  " : "");
		}
		/* No trailing blanks: empty last cells would leave them. */
		while (len > 0 && line[len - 1] == ' ')
			len--;
		line[len++] = '\n';
		fwrite(line, 1, len, f);
	}
	free(line);
	free(buf);
	for (r = 0; r < t->nrows * t->ncols; r++)
		free(t->cells[r]);
	free(t->cells);
	free(t->widths);
	if (ferror(f))
		rc = -1;
	return rc;
}
