/* paths.h: where the database and the templates live (XDG). */
#ifndef JOURNEYHACK_PATHS_H
#define JOURNEYHACK_PATHS_H

#include <stddef.h>

#include "journeyhack/err.h"

/* $JOURNEYHACK_DB, else $XDG_DATA_HOME/journeyhack/journeyhack.db, else
 * ~/.local/share/journeyhack/journeyhack.db. Caller frees. */
char *paths_default_db(struct jh_err *err);

/* Template directories in search order: $JOURNEYHACK_TEMPLATE_PATH
 * (colon-separated), $XDG_DATA_HOME/journeyhack/templates, the installed
 * data directory, then the source tree's workshop-templates/ when the program runs from its
 * build tree. Caller frees with paths_list_free. */
char **paths_template_dirs(size_t *n);
void paths_list_free(char **list, size_t n);

struct jh_template_entry {
	char *name;  /* file name without .yaml */
	char *title; /* from the file, or the load error */
	char *path;
	int valid;
};

/* Every *.yaml template found, the first of each name winning, sorted by
 * name. Caller frees with paths_templates_free. */
int paths_templates(struct jh_template_entry **out, size_t *n);
void paths_templates_free(struct jh_template_entry *list, size_t n);

/* Resolve a template argument: a path (contains '/' or ends in .yaml and
 * exists) or a name in the search path. Caller frees. */
char *paths_find_template(const char *name_or_path, struct jh_err *err);

#endif
