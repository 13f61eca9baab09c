/* cli_table.h: aligned plain-text tables for the command line.
 *
 * Widths are display columns (text.c), so Swedish letters and wide
 * characters line up; cells are made safe, so nothing a participant
 * typed can reach the terminal as an escape sequence. */
#ifndef JOURNEYHACK_CLI_TABLE_H
#define JOURNEYHACK_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>

#define CLI_TABLE_MAX_COLS 12

struct cli_table {
	size_t ncols;
	const char *head[CLI_TABLE_MAX_COLS];
	int maxw[CLI_TABLE_MAX_COLS]; /* cap per column; 0: none */
	int right[CLI_TABLE_MAX_COLS];
	char **cells; /* nrows * ncols, safe text */
	int *widths;  /* display width of each cell, measured once */
	size_t nrows, cap;
};

void cli_table_init(struct cli_table *t, size_t ncols);
/* Column i: its heading, a cap on its width (0: none), right-aligned. */
void cli_table_col(struct cli_table *t, size_t i, const char *head, int maxw, int right);
/* Add a row of ncols cells (copied; NULL is empty). */
void cli_table_row(struct cli_table *t, const char *const *cells);
/* Print the heading and the rows, then free them; -1 on a write error. */
int cli_table_print(struct cli_table *t, FILE *f);

#endif
