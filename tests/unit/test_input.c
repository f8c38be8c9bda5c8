/* test_input.c - the input reader: folders, gzip, duplicates, limits and
 * format detection, on files written to a temporary folder. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "buf.h"
#include "input.h"

typedef struct {
	char dir[64];
	erg_buf names;     /* "name|title|id-kind\n" per document */
	erg_buf skips;     /* "path:error\n" per skip */
	int docs;
} fix;

static erg_err on_doc(void *arg, erg_doc *d)
{
	fix *f = arg;
	const char *base = strrchr(d->name, '/');

	f->docs++;
	return erg_buf_printf(&f->names, "%s|%s|%s\n", base ? base + 1 : d->name,
	                      d->title ? d->title : "-",
	                      strncmp(d->id, "hash:", 5) == 0 ? "hash" : d->id);
}

static void on_skip(void *arg, const char *path, erg_err e,
                    const erg_errinfo *ei)
{
	fix *f = arg;
	const char *base = strrchr(path, '/');

	(void)ei;
	erg_buf_printf(&f->skips, "%s:%s\n", base ? base + 1 : path,
	               erg_strerror(e));
}

static void put(const fix *f, const char *name, const char *text)
{
	char path[256];
	FILE *o;

	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	o = fopen(path, "wb");
	assert_non_null(o);
	fputs(text, o);
	fclose(o);
}

static void put_gz(const fix *f, const char *name, const char *text)
{
	char path[256];
	gzFile o;

	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	o = gzopen(path, "wb");
	assert_non_null(o);
	gzputs(o, text);
	gzclose(o);
}

static int setup(void **state)
{
	fix *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/erg-input-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fix *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	erg_buf_free(&f->names);
	erg_buf_free(&f->skips);
	free(f);
	return 0;
}

static erg_err read_all(fix *f, const char *sub, size_t max_doc,
                        unsigned long long max_total)
{
	char path[256];
	erg_input *in = erg_input_new(on_doc, on_skip, f);
	erg_err e;

	assert_non_null(in);
	erg_input_limits(in, max_doc, max_total);
	snprintf(path, sizeof path, "%s%s%s", f->dir, sub ? "/" : "",
	         sub ? sub : "");
	e = erg_input_read(in, path);
	erg_input_free(in);
	return e;
}

/* A folder is walked in name order, hidden entries left out, nested
 * folders included; a plain text's first line is its title. */
static void folder_order_and_titles(void **state)
{
	fix *f = *state;
	char sub[256];

	snprintf(sub, sizeof sub, "%s/inner", f->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/.secret", f->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	put(f, "b.txt", "Second headline\nThe CAC summoned Nvidia.\n");
	put(f, "a.txt", "  First headline  \nBody text here.\n");
	put(f, "inner/c.txt", "Third\nMore text.\n");
	put(f, ".secret/d.txt", "Hidden\nNot read.\n");
	put(f, ".e.txt", "Hidden too\n");
	assert_int_equal(read_all(f, NULL, 0, 0), ERG_OK);
	assert_string_equal(f->names.data, "a.txt|First headline|hash\n"
	                                   "b.txt|Second headline|hash\n"
	                                   "c.txt|Third|hash\n");
	assert_null(f->skips.data);
}

/* gzip is read whatever the file is called. */
static void gzip_by_content(void **state)
{
	fix *f = *state;

	put_gz(f, "story.txt", "Zipped headline\nTencent bought H20 chips.\n");
	assert_int_equal(read_all(f, "story.txt", 0, 0), ERG_OK);
	assert_string_equal(f->names.data, "story.txt|Zipped headline|hash\n");
}

/* The same text twice (a copy, a second poll) is read once. */
static void duplicates_read_once(void **state)
{
	fix *f = *state;
	erg_input *in;
	char p1[256], p2[256];

	put(f, "one.txt", "Same story\nThe MIIT banned the H20.\n");
	put(f, "two.txt", "Same story\nThe MIIT banned the H20.\n");
	put(f, "three.txt", "Other story\nThe MIIT banned the H20.\n");
	in = erg_input_new(on_doc, on_skip, f);
	assert_non_null(in);
	snprintf(p1, sizeof p1, "%s/one.txt", f->dir);
	snprintf(p2, sizeof p2, "%s", f->dir);
	assert_int_equal(erg_input_read(in, p1), ERG_OK);
	assert_int_equal(erg_input_read(in, p2), ERG_OK);
	/* one.txt again (through the folder) and two.txt are duplicates */
	assert_int_equal(f->docs, 2);
	assert_int_equal(erg_input_duplicates(in), 2);
	erg_input_free(in);
}

/* Unreadable and oversized inputs are skipped with the reason; the total
 * cap stops the run. */
static void skips_and_limits(void **state)
{
	fix *f = *state;
	char big[4096];

	memset(big, 'a', sizeof big - 2);
	big[sizeof big - 2] = '\n';
	big[sizeof big - 1] = '\0';
	put(f, "big.txt", big);
	put(f, "empty.txt", "");
	put(f, "ok.txt", "Fine\nText.\n");
	assert_int_equal(read_all(f, NULL, 1024, 0), ERG_OK);
	assert_string_equal(f->skips.data,
	                    "big.txt:size limit exceeded\n"
	                    "empty.txt:no text in input\n");
	assert_string_equal(f->names.data, "ok.txt|Fine|hash\n");

	erg_buf_clear(&f->skips);
	erg_buf_clear(&f->names);
	f->docs = 0;
	assert_int_equal(read_all(f, NULL, 0, 100), ERG_ELIMIT);
	assert_int_equal(f->docs, 0);
	assert_non_null(strstr(f->skips.data, "big.txt:size limit exceeded"));
}

/* A symlink back up the tree is reported once, not walked forever. */
static void symlink_loop(void **state)
{
	fix *f = *state;
	char sub[256], link[256];

	snprintf(sub, sizeof sub, "%s/d", f->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(link, sizeof link, "%s/d/up", f->dir);
	assert_int_equal(symlink("..", link), 0);
	put(f, "d/x.txt", "Looped\nText.\n");
	assert_int_equal(read_all(f, NULL, 0, 0), ERG_OK);
	assert_string_equal(f->names.data, "x.txt|Looped|hash\n");
	assert_string_equal(f->skips.data, "up:invalid argument\n");
}

/* Missing paths are skipped; a missing file is no fatal error. */
static void missing_path(void **state)
{
	fix *f = *state;

	assert_int_equal(read_all(f, "nothing-here.txt", 0, 0), ERG_OK);
	assert_string_equal(f->skips.data,
	                    "nothing-here.txt:cannot read or write file\n");
	assert_int_equal(f->docs, 0);
}

/* Markup is not read as plain text: a page or feed never reaches the
 * extractor with its tags (whatever those readers make of it). */
static void markup_is_not_text(void **state)
{
	fix *f = *state;

	put(f, "page.txt", "<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>\n");
	put(f, "feed.txt", "\n  <?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
	                   "<channel><title>T</title></channel></rss>\n");
	assert_int_equal(read_all(f, NULL, 0, 0), ERG_OK);
	if (f->names.data)
		assert_null(strstr(f->names.data, "<"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(folder_order_and_titles, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(gzip_by_content, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_read_once, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(skips_and_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(symlink_loop, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_path, setup, teardown),
		cmocka_unit_test_setup_teardown(markup_is_not_text, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
