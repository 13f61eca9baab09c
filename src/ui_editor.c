/* ui_editor.c: handing a text over to $VISUAL or $EDITOR and taking it
 * back. Curses steps aside while the editor runs; a replay gives the
 * editor no terminal at all. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/ui_editor.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* More than the longest text a field takes is refused whole, with the
 * field left as it was, rather than cut short. */
#define EDITED_MAX (2u << 20)

int ui_editor(struct ui *ui, char **text, struct jh_err *err)
{
	const char *ed = getenv("VISUAL");
	const char *tmp = getenv("TMPDIR");
	char path[4096], *words, *argv[34];
	int fd, argc = 0, status = 0;
	size_t len = strlen(*text);
	pid_t pid;
	struct sigaction ign, old_int, old_quit;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	snprintf(path, sizeof path, "%s/journeyhack-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemps(path, 4);
	if (fd < 0)
		return err_set(err, _("cannot create a temporary file: %s"), strerror(errno));
	if (write(fd, *text, len) != (ssize_t)len ||
	    (len && (*text)[len - 1] != '\n' && write(fd, "\n", 1) != 1)) {
		close(fd);
		unlink(path);
		return err_set(err, _("cannot write a temporary file: %s"), strerror(errno));
	}
	close(fd);
	/* $EDITOR may carry options ("emacs -nw"): split it into words
	 * ourselves; a shell would also interpret anything else in it. */
	words = util_xstrdup(ed);
	for (char *w = strtok(words, " \t"); w && argc < 32; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	argv[argc++] = path;
	argv[argc] = NULL;
	if (!ui->replay) {
		def_prog_mode();
		endwin();
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		if (ui->replay) {
			/* Headless: the editor gets no terminal to talk to. */
			int nul = open("/dev/null", O_RDWR);
			if (nul >= 0) {
				dup2(nul, 0);
				dup2(nul, 1);
			}
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	/* Ctrl-C in the editor is the editor's, not a request to quit. */
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (!ui->replay) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}
	free(words);
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		unlink(path);
		if (pid < 0)
			return err_set(err, _("cannot start %s: %s"), ed, strerror(errno));
		return err_set(err, _("%s failed (status %d): the text is unchanged"), ed,
			       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	{
		char *buf;
		size_t n;
		int rc = fileread_all(path, EDITED_MAX, NULL, &buf, &n, err);

		unlink(path);
		if (rc)
			return -1;
		/* Editors end files with a newline the user never typed. */
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			n--;
		buf[n] = '\0';
		free(*text);
		*text = buf;
	}
	return 0;
}
