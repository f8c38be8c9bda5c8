/* input.c - from paths to documents: format sniffing, gzip, folders,
 * feeds and pages, limits and duplicates. */
#define _GNU_SOURCE /* memmem */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "feed.h"
#include "html.h"

/* Bytes looked at to tell the format. */
#define SNIFF 16384
/* Deepest folder nesting walked. */
#define DIR_DEPTH_MAX 64

enum fmt { FMT_TEXT, FMT_HTML, FMT_FEED };

typedef struct {
	dev_t dev;
	ino_t ino;
} dir_id;

struct erg_input {
	erg_input_doc_fn doc;
	erg_input_doc_fn dup;
	erg_input_skip_fn skip;
	void *arg;
	size_t max_doc;
	unsigned long long max_total, total;
	erg_vec seen;        /* uint64_t: hash set of ids and texts read */
	size_t nseen;
	erg_vec dirs;        /* dir_id: folders on the current walk */
	erg_buf key;         /* the current document's key (erg_doc_key) */
	size_t dups;
	erg_err stop;        /* a callback's error, ending the run */
};

erg_input *erg_input_new(erg_input_doc_fn doc, erg_input_skip_fn skip,
                         void *arg)
{
	erg_input *in = calloc(1, sizeof *in);

	if (!in)
		return NULL;
	in->doc = doc;
	in->skip = skip;
	in->arg = arg;
	in->max_doc = ERG_DOC_MAX;
	in->max_total = ERG_INPUT_TOTAL_MAX;
	erg_vec_init(&in->seen, sizeof(uint64_t));
	erg_vec_init(&in->dirs, sizeof(dir_id));
	return in;
}

void erg_input_free(erg_input *in)
{
	if (!in)
		return;
	erg_vec_free(&in->seen);
	erg_vec_free(&in->dirs);
	erg_buf_free(&in->key);
	free(in);
}

void erg_input_limits(erg_input *in, size_t max_doc,
                      unsigned long long max_total)
{
	if (max_doc)
		in->max_doc = max_doc;
	if (max_total)
		in->max_total = max_total;
}

void erg_input_on_duplicate(erg_input *in, erg_input_doc_fn dup)
{
	in->dup = dup;
}

size_t erg_input_duplicates(const erg_input *in)
{
	return in->dups;
}

static uint64_t fnv64(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* An open-addressing set of 64-bit hashes (0 marks a free slot, so a
 * zero hash is stored as 1: one more collision in 2^64 does no harm). */
static int set_add(erg_input *in, uint64_t h)
{
	uint64_t *t;
	size_t mask;

	h = h ? h : 1;
	if ((in->nseen + 1) * 2 > in->seen.len) {
		size_t n = in->seen.len ? in->seen.len * 2 : 1024;
		erg_vec old = in->seen;

		erg_vec_init(&in->seen, sizeof(uint64_t));
		for (size_t i = 0; i < n; i++)
			if (!erg_vec_push(&in->seen)) {
				erg_vec_free(&in->seen);
				in->seen = old;
				return -1;
			}
		in->nseen = 0;
		for (size_t i = 0; i < old.len; i++)
			if (((uint64_t *)old.data)[i])
				set_add(in, ((uint64_t *)old.data)[i]);
		erg_vec_free(&old);
	}
	t = in->seen.data;
	mask = in->seen.len - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		if (t[i] == h)
			return 1;
		if (!t[i]) {
			t[i] = h;
			in->nseen++;
			return 0;
		}
	}
}

/* Has a document with this id or this text come before?  Remembers both. */
/* Whether d repeats an earlier document: the same key (erg_doc_key, as
 * the store keys them: a 64-bit hash of it here) or the same text. */
static int seen_before(erg_input *in, const erg_doc *d)
{
	uint64_t k = 0;

	/* an empty item says nothing that could repeat */
	if (d->len == 0)
		return 0;
	/* both are added, so the second is remembered even when the first
	 * already matched */
	if (in->key.len)
		k = fnv64(in->key.data, in->key.len);
	return (k && set_add(in, k) == 1) |
	       (set_add(in, fnv64(d->text, d->len) ^ 0x9e3779b97f4a7c15u) == 1);
}

static void skip(erg_input *in, const char *path, erg_err e,
                 const erg_errinfo *ei)
{
	if (in->skip)
		in->skip(in->arg, path, e, ei);
}

/* Hand a finished document over (or drop it as a duplicate). */
static erg_err deliver(erg_input *in, erg_doc *d)
{
	erg_err e = erg_doc_identify(d);

	erg_buf_clear(&in->key);
	if (!e)
		e = erg_doc_key(d, &in->key);
	if (!e && seen_before(in, d)) {
		in->dups++;
		e = in->dup ? in->dup(in->arg, d) : ERG_OK;
		if (e)
			in->stop = e;
		return e;
	}
	if (!e)
		e = in->doc(in->arg, d);
	if (e)
		in->stop = e;
	return e;
}

static char *dupstr(const char *s)
{
	return s ? erg_strndup(s, strlen(s)) : NULL;
}

/* --- telling the format ------------------------------------------------ */

static int valid_utf8(const unsigned char *s, size_t n, int complete)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
		                                         : (c >> 3) == 30 ? 4 : 0;

		if (!k || (k > 1 && c < 0xC2 && k == 2))
			return 0;
		if (i + k > n)
			return !complete; /* a sequence cut by the sniff window */
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

/* The first element's name after declarations, comments and DOCTYPE;
 * sets *doctype_html for <!DOCTYPE html>. */
static size_t first_tag(const char *s, size_t n, size_t *name_len,
                        int *doctype_html)
{
	size_t i = 0;

	*doctype_html = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		                 s[i] == '\n'))
			i++;
		if (i >= n || s[i] != '<')
			return n;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (!e)
				return n;
			i = (size_t)(e - s) + 3;
		} else if (i + 1 < n && (s[i + 1] == '?' || s[i + 1] == '!')) {
			const char *e = memchr(s + i, '>', n - i);
			const char *br = memchr(s + i, '[', n - i);

			/* a DOCTYPE's internal subset holds '>' of its own */
			if (s[i + 1] == '!' && br && e && br < e) {
				e = memmem(br, n - (size_t)(br - s), "]>", 2);
				if (e)
					e++; /* at the '>' */
			}

			if (i + 14 <= n && strncasecmp(s + i, "<!DOCTYPE html", 14) == 0)
				*doctype_html = 1;
			if (!e)
				return n;
			i = (size_t)(e - s) + 1;
		} else {
			size_t j = i + 1;

			while (j < n && s[j] != ' ' && s[j] != '>' && s[j] != '/' &&
			       s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
				j++;
			*name_len = j - i - 1;
			return i + 1;
		}
	}
	return n;
}

static enum fmt sniff(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t at, len = 0;
	int doctype_html;

	/* UTF-16 and UTF-32 text here is XML: a feed */
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	               (u[0] == 0xFE && u[1] == 0xFF) ||
	               (u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<')))
		return FMT_FEED;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		s += 3;
		n -= 3;
	}
	at = first_tag(s, n, &len, &doctype_html);
	if (at >= n)
		return doctype_html ? FMT_HTML : FMT_TEXT;
	{
		const char *name = s + at;
		const char *colon = memchr(name, ':', len);

		if (colon) { /* rdf:RDF, atom:feed */
			len -= (size_t)(colon + 1 - name);
			name = colon + 1;
		}
		if ((len == 3 && strncasecmp(name, "rss", 3) == 0) ||
		    (len == 4 && strncasecmp(name, "feed", 4) == 0) ||
		    (len == 3 && strncasecmp(name, "RDF", 3) == 0) ||
		    (len == 7 && strncasecmp(name, "channel", 7) == 0))
			return FMT_FEED;
	}
	return FMT_HTML;
}

/* --- one file ----------------------------------------------------------- */

typedef struct {
	erg_input *in;
	gzFile gz;
	const char *path;
	char *head;          /* the sniffed bytes not yet handed on */
	size_t head_len, head_off;
	int over;            /* the total cap was hit */
	/* feed items */
	size_t items;
	erg_errinfo ei;
} src;

/* Read callback for the streaming feed parser: the sniffed head first,
 * then the rest of the (possibly gzipped) file, counted against the cap. */
static int src_read(void *ctx, char *buf, int len)
{
	src *s = ctx;
	int n;

	if (len <= 0)
		return 0;
	if (s->head_off < s->head_len) {
		size_t k = s->head_len - s->head_off;

		if (k > (size_t)len)
			k = (size_t)len;
		memcpy(buf, s->head + s->head_off, k);
		s->head_off += k;
		return (int)k;
	}
	n = gzread(s->gz, buf, (unsigned)len);
	if (n < 0)
		return -1;
	if (s->in->total + (unsigned long long)n > s->in->max_total) {
		s->over = 1;
		return -1;
	}
	s->in->total += (unsigned long long)n;
	return n;
}

static erg_err feed_item(void *arg, const erg_feed_item *it)
{
	src *s = arg;
	erg_doc *d = NULL;
	erg_buf t = ERG_BUF_INIT, name = ERG_BUF_INIT;
	erg_err e = ERG_ENOMEM;

	s->items++;
	if ((it->title && (erg_buf_puts(&t, it->title) || erg_buf_puts(&t, "\n\n"))) ||
	    (it->text && erg_buf_puts(&t, it->text)) ||
	    erg_buf_printf(&name, "%s#%zu", s->path, s->items))
		goto out;
	if (t.len > s->in->max_doc) {
		erg_errinfo ei = {0};

		erg_fail(&ei, ERG_ELIMIT, name.data, 0, "item too large");
		skip(s->in, name.data, ERG_ELIMIT, &ei);
		e = ERG_OK;
		goto out;
	}
	if (!(d = calloc(1, sizeof *d)) || !(d->name = erg_buf_steal(&name)))
		goto out;
	if ((e = erg_text_normalise(t.data ? t.data : "", t.len, &d->text,
	                            &d->len)))
		goto out;
	e = ERG_ENOMEM;
	if ((it->title && !(d->title = dupstr(it->title))) ||
	    (it->link && !(d->url = dupstr(it->link))) ||
	    (it->date && !(d->date = dupstr(it->date))) ||
	    (it->id && !(d->id = dupstr(it->id))) ||
	    !(d->source = dupstr(it->feed_title ? it->feed_title : s->path)))
		goto out;
	e = deliver(s->in, d);
out:
	erg_doc_free(d);
	erg_buf_free(&t);
	erg_buf_free(&name);
	return e;
}

static erg_err read_feed(src *s)
{
	const char *enc = NULL;
	erg_err e;

	/* servers send whitespace before "<?xml"; libxml2 refuses it */
	while (s->head_off < s->head_len &&
	       (s->head[s->head_off] == ' ' || s->head[s->head_off] == '\t' ||
	        s->head[s->head_off] == '\r' || s->head[s->head_off] == '\n'))
		s->head_off++;
	/* undeclared and not UTF-8: the bytes are Latin-1 (or its Windows
	 * superset, which libxml2 reads as Latin-1 too) */
	if (!memmem(s->head, s->head_len < 200 ? s->head_len : 200, "encoding=",
	            9) &&
	    !valid_utf8((const unsigned char *)s->head + s->head_off,
	                s->head_len - s->head_off, 0))
		enc = "ISO-8859-1";
	e = erg_feed_read(src_read, s, s->path, enc, feed_item, s, &s->ei);
	if (s->over)
		return erg_fail(&s->ei, ERG_ELIMIT, s->path, 0,
		                "total input size limit reached");
	return e;
}

/* Read the rest of the file after the head, up to the document cap. */
static erg_err slurp(src *s, erg_buf *b)
{
	char chunk[65536];
	int n;
	erg_err e;

	if (s->head_len > s->in->max_doc)
		return erg_fail(&s->ei, ERG_ELIMIT, s->path, 0, "document too large");
	if ((e = erg_buf_append(b, s->head, s->head_len)))
		return e;
	while ((n = gzread(s->gz, chunk, sizeof chunk)) > 0) {
		if (b->len + (size_t)n > s->in->max_doc)
			return erg_fail(&s->ei, ERG_ELIMIT, s->path, 0,
			                "document too large");
		if ((e = erg_buf_append(b, chunk, (size_t)n)))
			return e;
	}
	if (n < 0)
		return erg_fail(&s->ei, ERG_EIO, s->path, 0, "read error");
	if (s->in->total + b->len > s->in->max_total) {
		s->over = 1;
		return erg_fail(&s->ei, ERG_ELIMIT, s->path, 0,
		                "total input size limit reached");
	}
	s->in->total += b->len;
	return ERG_OK;
}

static erg_err read_page(src *s)
{
	erg_buf b = ERG_BUF_INIT;
	erg_page p = {0};
	erg_doc *d = NULL;
	erg_buf t = ERG_BUF_INIT;
	erg_err e;

	if ((e = slurp(s, &b)))
		goto out;
	/* what the bytes prove beats what <meta> claims */
	e = erg_html_page(b.data, b.len,
	                  valid_utf8((const unsigned char *)b.data, b.len, 1)
	                      ? "UTF-8"
	                      : NULL,
	                  &p, &s->ei);
	if (e) {
		if (!s->ei.file[0])
			snprintf(s->ei.file, sizeof s->ei.file, "%s", s->path);
		goto out;
	}
	if ((p.title && (erg_buf_puts(&t, p.title) || erg_buf_puts(&t, "\n\n"))) ||
	    (p.text && erg_buf_puts(&t, p.text))) {
		e = ERG_ENOMEM;
		goto out;
	}
	if ((e = erg_doc_from_mem(s->path, t.data ? t.data : "", t.len, &d,
	                          &s->ei)))
		goto out;
	e = ERG_ENOMEM;
	if (!(d->source = dupstr(s->path)) ||
	    (p.title && !(d->title = dupstr(p.title))) ||
	    (p.url && !(d->url = dupstr(p.url))) ||
	    (p.date && !(d->date = dupstr(p.date))))
		goto out;
	e = deliver(s->in, d);
out:
	erg_doc_free(d);
	erg_page_free(&p);
	erg_buf_free(&b);
	erg_buf_free(&t);
	return e;
}

static erg_err read_text(src *s)
{
	erg_buf b = ERG_BUF_INIT;
	erg_doc *d = NULL;
	erg_err e;

	if ((e = slurp(s, &b)) ||
	    (e = erg_doc_from_mem(s->path, b.data ? b.data : "", b.len, &d,
	                          &s->ei)))
		goto out;
	if (!(d->source = dupstr(s->path))) {
		e = ERG_ENOMEM;
		goto out;
	}
	e = deliver(s->in, d);
out:
	erg_doc_free(d);
	erg_buf_free(&b);
	return e;
}

static erg_err read_file(erg_input *in, const char *path, int fd)
{
	src s = {0};
	char head[SNIFF];
	int n;
	erg_err e;

	s.in = in;
	s.path = path;
	s.gz = gzdopen(fd, "rb");
	if (!s.gz) {
		close(fd);
		erg_fail(&s.ei, ERG_ENOMEM, path, 0, "out of memory");
		skip(in, path, ERG_ENOMEM, &s.ei);
		return ERG_OK;
	}
	n = gzread(s.gz, head, sizeof head);
	if (n < 0) {
		e = erg_fail(&s.ei, ERG_EIO, path, 0, "read error");
		goto out;
	}
	s.head = head;
	s.head_len = (size_t)n;
	switch (sniff(head, (size_t)n)) {
	case FMT_FEED: e = read_feed(&s); break;
	case FMT_HTML: e = read_page(&s); break;
	default: e = read_text(&s); break;
	}
out:
	gzclose(s.gz);
	if (in->stop)
		return in->stop;
	if (e == ERG_ELIMIT && s.over) {
		skip(in, path, e, &s.ei);
		return ERG_ELIMIT;
	}
	if (e)
		skip(in, path, e, &s.ei);
	return ERG_OK;
}

/* --- folders ------------------------------------------------------------ */

static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static erg_err read_path(erg_input *in, const char *path, int depth);

static erg_err read_dir(erg_input *in, const char *path, const struct stat *st,
                        int depth)
{
	struct dirent **names = NULL;
	erg_buf sub = ERG_BUF_INIT;
	const dir_id *seen = in->dirs.data;
	dir_id *me;
	erg_errinfo ei = {0};
	erg_err e = ERG_OK;
	int n;

	/* a symlink loop (or a bind mount) must not walk forever */
	for (size_t i = 0; i < in->dirs.len; i++)
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino) {
			erg_fail(&ei, ERG_EINVAL, path, 0, "folder loop");
			skip(in, path, ERG_EINVAL, &ei);
			return ERG_OK;
		}
	if (depth > DIR_DEPTH_MAX) {
		erg_fail(&ei, ERG_ELIMIT, path, 0, "folders nested too deep");
		skip(in, path, ERG_ELIMIT, &ei);
		return ERG_OK;
	}
	if (!(me = erg_vec_push(&in->dirs)))
		return ERG_ENOMEM;
	me->dev = st->st_dev;
	me->ino = st->st_ino;
	/* sorted, so that output does not depend on the file system */
	n = scandir(path, &names, visible, alphasort);
	if (n < 0) {
		erg_fail(&ei, ERG_EIO, path, 0, strerror(errno));
		skip(in, path, ERG_EIO, &ei);
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		if (!e) {
			erg_buf_clear(&sub);
			if ((e = erg_buf_printf(&sub, "%s%s%s", path,
			                        path[strlen(path) - 1] == '/' ? "" : "/",
			                        names[i]->d_name)) == ERG_OK)
				e = read_path(in, sub.data, depth + 1);
		}
		free(names[i]);
	}
	free(names);
	erg_buf_free(&sub);
	in->dirs.len--;
	return e;
}

static erg_err read_path(erg_input *in, const char *path, int depth)
{
	struct stat st;
	erg_errinfo ei = {0};
	int fd;

	if (strcmp(path, "-") == 0)
		return read_file(in, path, dup(0));
	if (stat(path, &st) != 0) {
		erg_fail(&ei, ERG_EIO, path, 0, strerror(errno));
		skip(in, path, ERG_EIO, &ei);
		return ERG_OK;
	}
	if (S_ISDIR(st.st_mode))
		return read_dir(in, path, &st, depth);
	if (!S_ISREG(st.st_mode) && depth > 0)
		return ERG_OK; /* sockets and devices inside a folder */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		erg_fail(&ei, ERG_EIO, path, 0, strerror(errno));
		skip(in, path, ERG_EIO, &ei);
		return ERG_OK;
	}
	return read_file(in, path, fd);
}

erg_err erg_input_read(erg_input *in, const char *path)
{
	in->stop = ERG_OK;
	return read_path(in, path, 0);
}

static erg_err list_path(const char *path, erg_vec *files, erg_vec *dirs,
                         int depth)
{
	struct stat st;
	char **slot;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    depth <= DIR_DEPTH_MAX) {
		const dir_id *seen = dirs->data;
		struct dirent **names = NULL;
		erg_buf sub = ERG_BUF_INIT;
		dir_id *me;
		erg_err e = ERG_OK;
		int n;

		for (size_t i = 0; i < dirs->len; i++)
			if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino)
				goto as_is; /* the reader reports the loop */
		if (!(me = erg_vec_push(dirs)))
			return ERG_ENOMEM;
		me->dev = st.st_dev;
		me->ino = st.st_ino;
		n = scandir(path, &names, visible, alphasort);
		for (int i = 0; i < n; i++) {
			if (!e) {
				erg_buf_clear(&sub);
				if (!(e = erg_buf_printf(&sub, "%s%s%s", path,
				                         path[strlen(path) - 1] == '/' ? ""
				                                                       : "/",
				                         names[i]->d_name)))
					e = list_path(sub.data, files, dirs, depth + 1);
			}
			free(names[i]);
		}
		free(names);
		erg_buf_free(&sub);
		dirs->len--;
		if (n < 0)
			goto as_is;
		return e;
	}
	if (depth > 0 && strcmp(path, "-") != 0 &&
	    (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
		return ERG_OK;
as_is:
	if (!(slot = erg_vec_push(files)) ||
	    !(*slot = erg_strndup(path, strlen(path))))
		return ERG_ENOMEM;
	return ERG_OK;
}

erg_err erg_input_list(const char *path, erg_vec *files)
{
	erg_vec dirs = ERG_VEC_INIT(dir_id);
	erg_err e = list_path(path, files, &dirs, 0);

	erg_vec_free(&dirs);
	return e;
}
