/* paths.c: where the database and the templates live (XDG base dirs). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/i18n.h"
#include "journeyhack/paths.h"
#include "journeyhack/template.h"
#include "journeyhack/util.h"

#ifndef JH_TEMPLATES_DATADIR
#define JH_TEMPLATES_DATADIR "/usr/local/share/journeyhack/templates"
#endif

/* Written by make next to the built binary and never installed; its one line names the source
 * tree's workshop-templates/. */
#define BUILD_TREE_MARKER "journeyhack-build-tree"

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = util_xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

/* $XDG_DATA_HOME when it is an absolute path (the spec says to ignore
 * relative ones), else ~/.local/share. */
static char *data_home(struct jh_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return util_xstrdup(xdg);
	if (!home || home[0] != '/') {
		err_set(err, _("cannot find a home for the database: set $HOME, $XDG_DATA_HOME or "
			       "$JOURNEYHACK_DB, or give -d FILE"));
		return NULL;
	}
	return join(home, ".local/share");
}

char *paths_default_db(struct jh_err *err)
{
	const char *env = getenv("JOURNEYHACK_DB");
	char *home, *dir, *db;

	if (env && *env)
		return util_xstrdup(env);
	home = data_home(err);
	if (!home)
		return NULL;
	dir = join(home, "journeyhack");
	db = join(dir, "journeyhack.db");
	free(home);
	free(dir);
	return db;
}

static void push(char ***list, size_t *n, char *s)
{
	*list = util_xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = s;
}

/* The bundled templates when this program runs from its build tree, found through the marker
 * beside the executable, so that no build path is compiled in: builds from different folders
 * are identical, and an installed program (which has no marker) looks only where it was
 * installed. Linux only (/proc/self/exe); elsewhere an uninstalled build needs
 * $JOURNEYHACK_TEMPLATE_PATH. */
static char *build_tree_templates(void)
{
	char exe[4096], line[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash, *marker;
	FILE *f;
	size_t n;

	if (len <= 0)
		return NULL;
	exe[len] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	marker = join(exe, BUILD_TREE_MARKER);
	f = fopen(marker, "r");
	free(marker);
	if (!f)
		return NULL;
	if (!fgets(line, sizeof line, f))
		line[0] = '\0';
	fclose(f);
	n = strcspn(line, "\n");
	return line[0] == '/' ? util_xstrndup(line, n) : NULL;
}

char **paths_template_dirs(size_t *n)
{
	const char *env = getenv("JOURNEYHACK_TEMPLATE_PATH");
	char **list = NULL;
	char *home, *tree;

	*n = 0;
	if (env && *env) {
		const char *p = env;
		while (*p) {
			const char *colon = strchr(p, ':');
			size_t len = colon ? (size_t)(colon - p) : strlen(p);
			if (len)
				push(&list, n, util_xstrndup(p, len));
			if (!colon)
				break;
			p = colon + 1;
		}
	}
	home = data_home(NULL);
	if (home) {
		push(&list, n, join(home, "journeyhack/templates"));
		free(home);
	}
	push(&list, n, util_xstrdup(JH_TEMPLATES_DATADIR));
	tree = build_tree_templates();
	if (tree)
		push(&list, n, tree);
	return list;
}

void paths_list_free(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static int has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

static int entry_cmp(const void *a, const void *b)
{
	const struct jh_template_entry *x = a, *y = b;
	return strcmp(x->name, y->name);
}

int paths_templates(struct jh_template_entry **out, size_t *n)
{
	size_t ndirs, cap = 0;
	char **dirs = paths_template_dirs(&ndirs);

	*out = NULL;
	*n = 0;
	for (size_t d = 0; d < ndirs; d++) {
		DIR *dh = opendir(dirs[d]);
		struct dirent *e;

		if (!dh)
			continue;
		while ((e = readdir(dh))) {
			struct jh_template_entry *t;
			struct jh_template tpl;
			struct jh_err err;
			char *name;
			size_t i;

			if (e->d_name[0] == '.' || !has_yaml_suffix(e->d_name))
				continue;
			name = util_xstrndup(e->d_name, strlen(e->d_name) - 5);
			for (i = 0; i < *n; i++)
				if (!strcmp((*out)[i].name, name))
					break;
			if (i < *n) { /* an earlier directory wins */
				free(name);
				continue;
			}
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				*out = util_xrealloc(*out, cap * sizeof **out);
			}
			t = &(*out)[(*n)++];
			t->name = name;
			t->path = join(dirs[d], e->d_name);
			if (template_load(t->path, &tpl, &err) == 0) {
				t->title = util_xstrdup(tpl.title);
				t->valid = 1;
				template_free(&tpl);
			} else {
				t->title = util_xstrdup(err.msg);
				t->valid = 0;
			}
		}
		closedir(dh);
	}
	paths_list_free(dirs, ndirs);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, entry_cmp);
	return 0;
}

void paths_templates_free(struct jh_template_entry *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].title);
		free(list[i].path);
	}
	free(list);
}

char *paths_find_template(const char *arg, struct jh_err *err)
{
	struct stat sb;
	size_t ndirs;
	char **dirs;
	char *file;

	if (strchr(arg, '/') || has_yaml_suffix(arg)) {
		if (stat(arg, &sb) == 0)
			return util_xstrdup(arg);
		err_set(err, "%s: %s", arg, strerror(errno));
		return NULL;
	}
	file = util_xmalloc(strlen(arg) + 6);
	memcpy(file, arg, strlen(arg));
	memcpy(file + strlen(arg), ".yaml", 6);
	dirs = paths_template_dirs(&ndirs);
	for (size_t d = 0; d < ndirs; d++) {
		char *p = join(dirs[d], file);
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
			paths_list_free(dirs, ndirs);
			free(file);
			return p;
		}
		free(p);
	}
	paths_list_free(dirs, ndirs);
	free(file);
	err_set(err, _("no template \"%s\" (see: journeyhack templates)"), arg);
	return NULL;
}
