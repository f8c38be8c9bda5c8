/* fuzz_input.c - erg_input_read on a file holding the input: format
 * sniffing (text, HTML page, feed), gzip, the Latin-1 guess for feeds,
 * document caps and duplicate detection, then each document handed on.
 * The file is a temporary one made once and rewritten per run.
 *
 * Checked per document: text, title, url, date, id and source are
 * well-formed UTF-8 (what the extractor and the writers rely on), the
 * text is NUL-free and NUL-terminated, the id is never NULL. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_util.h"
#include "ingest.h"
#include "input.h"

static char path[4096];
static int fd = -1;

static void cleanup(void)
{
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%s/erg-fuzz-input-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	FUZZ_CHECK(fd >= 0, "mkstemp %s", path);
	atexit(cleanup);
	return 0;
}

static void check_str(const char *s, const char *what)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)), "doc %s is not UTF-8", what);
}

static erg_err on_doc(void *arg, erg_doc *d)
{
	size_t *n = arg;

	FUZZ_CHECK(d->name && d->text && d->id, "doc without name/text/id");
	FUZZ_CHECK(d->text[d->len] == '\0' && strlen(d->text) == d->len,
	           "doc text holds NUL or is not terminated");
	check_str(d->text, "text");
	check_str(d->title, "title");
	check_str(d->url, "url");
	check_str(d->date, "date");
	check_str(d->id, "id");
	check_str(d->source, "source");
	(*n)++;
	return ERG_OK;
}

static void on_skip(void *arg, const char *p, erg_err e,
                    const erg_errinfo *ei)
{
	(void)arg;
	(void)e;
	FUZZ_CHECK(p != NULL, "skip without a path");
	if (ei)
		FUZZ_CHECK(memchr(ei->msg, '\0', sizeof ei->msg) != NULL &&
		               memchr(ei->file, '\0', sizeof ei->file) != NULL,
		           "errinfo not terminated");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t ndocs = 0;
	erg_input *in;

	FUZZ_CHECK(ftruncate(fd, 0) == 0 &&
	               pwrite(fd, data, size, 0) == (ssize_t)size,
	           "cannot write %s", path);
	in = erg_input_new(on_doc, on_skip, &ndocs);
	FUZZ_CHECK(in != NULL, "out of memory");
	/* a small gzip member may inflate to megabytes: keep runs short */
	erg_input_limits(in, (size_t)1 << 20, (unsigned long long)4 << 20);
	(void)erg_input_read(in, path);
	erg_input_free(in);
	return 0;
}
