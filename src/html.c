/* html.c - the article inside a saved web page, and text from HTML
 * fragments, through libxml2's HTML parser.
 *
 * The page is parsed once, never touching the network, then walked
 * without recursion: tag soup nests hundreds of elements deep, so every
 * walk follows parent/next pointers or a flat array, never the C stack.
 *
 * Finding the article:
 *  - tags that are never article text (nav, header, footer, aside, script,
 *    forms' inputs, ...) and hidden elements are left out; so are elements
 *    whose class/id names say comments, share bars, related links, ads and
 *    the like, unless they hold most of the page's prose inside a block
 *    named as content (a layout wrapper "with-sidebar");
 *  - every block whose own inline text makes a paragraph gives points to
 *    its nearest ancestors, more for long text and commas; a container's
 *    points shrink with the share of its text inside links;
 *  - from the best container, climb while the ancestor adds paragraphs of
 *    the same kind (an article cut into sections), not teasers;
 *  - that block and those of its siblings that read as more of the same
 *    article are written out, paragraph by paragraph, leaving out link
 *    lists, forms and widgets inside it;
 *  - if that gives next to nothing, the class/id names were wrong: again
 *    without them. */
#include "html.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "date.h"

#define NONE ((size_t)-1)

/* Paragraphs shorter than this (in characters) carry no score. */
#define MIN_PARA 25
/* Below this many characters of article text the page is extracted again
 * without the class/id pruning, which can hide a badly named body. */
#define RETRY_CHARS 500
/* Ancestors a paragraph gives score to. */
#define SCORE_LEVELS 5
/* Climbing from the best block to the whole article: levels at most;
 * what an ancestor adds must be paragraphs of WIDEN_AVG characters on
 * average, WIDEN_LIKE of it of the best block's kind, with WIDEN_COMMAS
 * of its comma density; WIDEN_SHARE of the ancestor's text is prose. */
#define WIDEN_LEVELS 8
#define WIDEN_AVG 100.0
#define WIDEN_LIKE 0.5
#define WIDEN_COMMAS 0.3
#define WIDEN_SHARE 0.6
/* Elements kept as byline candidates, of each kind. */
#define META_NODES 8
/* A byline longer than this is a paragraph about the author. */
#define BYLINE_MAX 100
/* Metadata strings longer than this are not what we took them for. */
#define META_MAX 2048

/* --- tags ---------------------------------------------------------------- */

enum {
	T_OTHER, T_A, T_ARTICLE, T_BODY, T_BR, T_FORM, T_H1, T_HEAD, T_HTML,
	T_IMG, T_INPUT, T_LI, T_LINK, T_MAIN, T_META, T_P, T_SCRIPT, T_TIME,
	T_TITLE, T_TABLE, T_LIST, T_FIGURE, T_HEADING, T_BLOCK
};

#define K_BLOCK 0x01 /* breaks the text into a new paragraph */
#define K_DROP 0x02  /* never article text */
#define K_PARA 0x04  /* a paragraph: scores its ancestors, not itself */
#define K_KEEP 0x08  /* a structural root that class names never drop */
#define K_CLEAN 0x10 /* a container that may be a widget: cleaned by size */

typedef struct {
	const char *name;
	unsigned char id;
	unsigned char kind;
	signed char base; /* starting score as a candidate container */
} tagdef;

/* Sorted by name for bsearch. */
static const tagdef tags[] = {
	{"a", T_A, 0, 0},
	{"address", T_BLOCK, K_BLOCK, -3},
	{"applet", T_OTHER, K_DROP, 0},
	{"article", T_ARTICLE, K_BLOCK | K_KEEP, 8},
	{"aside", T_BLOCK, K_BLOCK | K_DROP, 0},
	{"audio", T_OTHER, K_DROP, 0},
	{"blockquote", T_BLOCK, K_BLOCK | K_PARA, 3},
	{"body", T_BODY, K_BLOCK | K_KEEP, 0},
	{"br", T_BR, 0, 0},
	{"button", T_OTHER, K_DROP, 0},
	{"canvas", T_OTHER, K_DROP, 0},
	{"caption", T_BLOCK, K_BLOCK, 0},
	{"center", T_BLOCK, K_BLOCK | K_CLEAN, 0},
	{"dd", T_LI, K_BLOCK | K_PARA, -3},
	{"details", T_BLOCK, K_BLOCK | K_CLEAN, 0},
	{"dialog", T_OTHER, K_BLOCK | K_DROP, 0},
	{"div", T_BLOCK, K_BLOCK | K_CLEAN, 5},
	{"dl", T_LIST, K_BLOCK | K_CLEAN, -3},
	{"dt", T_LI, K_BLOCK | K_PARA, -3},
	{"embed", T_OTHER, K_DROP, 0},
	{"fieldset", T_BLOCK, K_BLOCK | K_CLEAN, -3},
	{"figcaption", T_BLOCK, K_BLOCK, 0},
	{"figure", T_FIGURE, K_BLOCK | K_CLEAN, 0},
	{"footer", T_BLOCK, K_BLOCK | K_DROP, 0},
	{"form", T_FORM, K_BLOCK | K_CLEAN, -3},
	{"frame", T_OTHER, K_DROP, 0},
	{"h1", T_H1, K_BLOCK | K_PARA, -5},
	{"h2", T_HEADING, K_BLOCK | K_PARA, -5},
	{"h3", T_HEADING, K_BLOCK | K_PARA, -5},
	{"h4", T_HEADING, K_BLOCK | K_PARA, -5},
	{"h5", T_HEADING, K_BLOCK | K_PARA, -5},
	{"h6", T_HEADING, K_BLOCK | K_PARA, -5},
	{"head", T_HEAD, K_DROP, 0},
	{"header", T_BLOCK, K_BLOCK | K_DROP, 0},
	{"hr", T_BLOCK, K_BLOCK, 0},
	{"html", T_HTML, K_BLOCK | K_KEEP, 0},
	{"iframe", T_OTHER, K_DROP, 0},
	{"img", T_IMG, 0, 0},
	{"input", T_INPUT, K_DROP, 0},
	{"label", T_OTHER, K_DROP, 0},
	{"legend", T_BLOCK, K_BLOCK, 0},
	{"li", T_LI, K_BLOCK | K_PARA, -3},
	{"link", T_LINK, K_DROP, 0},
	{"main", T_MAIN, K_BLOCK | K_KEEP, 5},
	{"map", T_OTHER, K_DROP, 0},
	{"math", T_OTHER, K_DROP, 0},
	{"menu", T_LIST, K_BLOCK | K_DROP, 0},
	{"meta", T_META, K_DROP, 0},
	{"nav", T_BLOCK, K_BLOCK | K_DROP, 0},
	{"noscript", T_OTHER, K_DROP, 0},
	{"object", T_OTHER, K_DROP, 0},
	{"ol", T_LIST, K_BLOCK | K_CLEAN, -3},
	{"option", T_OTHER, K_DROP, 0},
	{"p", T_P, K_BLOCK | K_PARA, 0},
	{"pre", T_BLOCK, K_BLOCK | K_PARA, 3},
	{"script", T_SCRIPT, K_DROP, 0},
	{"section", T_BLOCK, K_BLOCK | K_CLEAN, 3},
	{"select", T_OTHER, K_DROP, 0},
	{"style", T_OTHER, K_DROP, 0},
	{"summary", T_BLOCK, K_BLOCK, 0},
	{"svg", T_OTHER, K_DROP, 0},
	{"table", T_TABLE, K_BLOCK | K_CLEAN, 0},
	{"tbody", T_BLOCK, K_BLOCK, 0},
	{"td", T_BLOCK, K_BLOCK | K_PARA, 3},
	{"template", T_OTHER, K_DROP, 0},
	{"textarea", T_OTHER, K_DROP, 0},
	{"tfoot", T_BLOCK, K_BLOCK, 0},
	{"th", T_BLOCK, K_BLOCK | K_PARA, -5},
	{"thead", T_BLOCK, K_BLOCK, 0},
	{"time", T_TIME, 0, 0},
	{"title", T_TITLE, K_DROP, 0},
	{"tr", T_BLOCK, K_BLOCK, 0},
	{"ul", T_LIST, K_BLOCK | K_CLEAN, -3},
	{"video", T_OTHER, K_DROP, 0},
};

static int tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const tagdef *)elem)->name);
}

/* The definition of an element's tag, NULL for inline and unknown tags
 * (libxml2's HTML parser gives names in lower case). */
static const tagdef *tag_of(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return NULL;
	return bsearch(n->name, tags, sizeof tags / sizeof tags[0],
	               sizeof tags[0], tag_cmp);
}

static int tag_id(const xmlNode *n)
{
	const tagdef *t = tag_of(n);

	return t ? t->id : T_OTHER;
}

/* --- small string helpers ------------------------------------------------ */

static int lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ASCII case-insensitive equality of s (n bytes) and the C string t. */
static int eq_ci(const char *s, size_t n, const char *t)
{
	size_t i;

	for (i = 0; i < n && t[i]; i++)
		if (lc((unsigned char)s[i]) != lc((unsigned char)t[i]))
			return 0;
	return i == n && !t[i];
}

/* Does s hold t, ignoring ASCII case? */
static int has_ci(const char *s, const char *t)
{
	size_t n = strlen(t);

	for (; *s; s++) {
		size_t i = 0;

		while (i < n && s[i] &&
		       lc((unsigned char)s[i]) == lc((unsigned char)t[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The value of an attribute, or NULL.  The HTML parser stores each value
 * as one text node, so no copy is needed. */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;

		if (!an || !eq_ci(an, strlen(an), name))
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    a->children->content)
			return (const char *)a->children->content;
		return ""; /* <p hidden> */
	}
	return NULL;
}

/* The next node in document order under root; skip leaves n's children
 * out.  Iterative, so nesting depth costs no stack. */
static xmlNode *walk_next(xmlNode *n, const xmlNode *root, int skip)
{
	if (!skip && n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* --- text output --------------------------------------------------------- */

/* Appends text with whitespace collapsed; breaks between blocks are held
 * back until more text follows, so there is never a trailing break. */
typedef struct {
	erg_buf *b;
	size_t start; /* where this writer's text begins in b */
	int brk;      /* pending: 0 none, 1 space, 2 newline, 3 blank line */
	int brs;      /* <br>s since the last text */
	size_t chars; /* characters written */
} writer;

static void w_init(writer *w, erg_buf *b)
{
	w->b = b;
	w->start = b->len;
	w->brk = 0;
	w->brs = 0;
	w->chars = 0;
}

static void w_break(writer *w, int kind)
{
	if (kind > w->brk)
		w->brk = kind;
}

static void w_br(writer *w)
{
	/* Two <br>s in a row separate paragraphs in old markup. */
	w_break(w, ++w->brs >= 2 ? 3 : 2);
}

/* Append s (n bytes) with each ill-formed UTF-8 byte as U+FFFD: libxml2
 * 2.9's HTML parser, reading a page of unknown encoding, can leave a raw
 * byte of the page in its text (after a '&'), and html.h promises
 * UTF-8. */
static erg_err append_utf8(erg_buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0, k;
	erg_err e;

	while (i < n) {
		if ((k = erg_utf8_char((const unsigned char *)s + i, n - i, NULL))) {
			i += k;
			continue;
		}
		if ((e = erg_buf_append(b, s + run, i - run)) ||
		    (e = erg_buf_puts(b, "\xef\xbf\xbd")))
			return e;
		run = ++i;
	}
	return erg_buf_append(b, s + run, n - run);
}

static erg_err w_text(writer *w, const char *s, size_t n)
{
	static const char *const seps[] = {"", " ", "\n", "\n\n"};
	erg_err e = ERG_OK;
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		unsigned char c = (unsigned char)s[i];

		/* U+00A0 (no-break space) collapses like any space. */
		if (is_space(c) || (c == 0xc2 && i + 1 < n &&
		                    (unsigned char)s[i + 1] == 0xa0)) {
			w_break(w, 1);
			i += is_space(c) ? 1 : 2;
			continue;
		}
		while (j < n && !is_space((unsigned char)s[j]) &&
		       !((unsigned char)s[j] == 0xc2 && j + 1 < n &&
		         (unsigned char)s[j + 1] == 0xa0))
			j++;
		if (w->b->len > w->start && w->brk)
			e = erg_buf_puts(w->b, seps[w->brk]);
		if (!e)
			e = append_utf8(w->b, s + i, j - i);
		if (e)
			return e;
		for (size_t k = i; k < j; k++)
			if (((unsigned char)s[k] & 0xc0) != 0x80)
				w->chars++;
		w->brk = 0;
		w->brs = 0;
		i = j;
	}
	return e;
}

/* Characters and commas of a text, whitespace runs counting as one. */
static void measure(const char *s, size_t *chars, size_t *commas)
{
	int sp = 1;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (is_space(*p)) {
			if (!sp)
				(*chars)++;
			sp = 1;
			continue;
		}
		sp = 0;
		if (*p == ',')
			(*commas)++;
		/* Fullwidth comma U+FF0C and ideographic comma U+3001. */
		else if ((p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
		         (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81))
			(*commas)++;
		if ((*p & 0xc0) != 0x80)
			(*chars)++;
	}
}

/* What a text walk does at an element. */
enum { E_INLINE, E_SKIP, E_BR, E_BLOCK };

typedef int (*elem_fn)(void *ctx, xmlNode *n, const xmlNode *root);

/* Write the text under root, asking fn what each element is; blocks are
 * separated by a break of strength brk (1 a space, 3 a blank line). */
static erg_err write_tree(xmlNode *root, elem_fn fn, void *ctx, writer *w,
                          int brk)
{
	erg_err e = ERG_OK;

	for (xmlNode *n = root; n && !e;) {
		int act = E_INLINE;

		if (n->type == XML_TEXT_NODE && n->content)
			e = w_text(w, (const char *)n->content,
			           strlen((const char *)n->content));
		else if (n->type == XML_ELEMENT_NODE)
			act = fn(ctx, n, root);
		if (act == E_BR && brk == 3)
			w_br(w);
		else if (act == E_BR || act == E_BLOCK)
			w_break(w, brk);
		if (act != E_SKIP && n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		/* Leave n and every ancestor it was the last child of. */
		for (;;) {
			const tagdef *t = tag_of(n);

			if (t && t->kind & K_BLOCK)
				w_break(w, brk);
			if (n == root) {
				n = NULL;
				break;
			}
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
	return e;
}

/* Plain markup: scripts, styles and the like are not text. */
static int plain_elem(void *ctx, xmlNode *n, const xmlNode *root)
{
	const tagdef *t = tag_of(n);

	(void)ctx;
	if (!t)
		return E_INLINE;
	if (t->kind & K_DROP && n != root)
		return E_SKIP;
	return t->id == T_BR ? E_BR : t->kind & K_BLOCK ? E_BLOCK : E_INLINE;
}

/* All text under n (n included) on one line. */
static erg_err node_text(xmlNode *n, erg_buf *out)
{
	writer w;

	w_init(&w, out);
	return write_tree(n, plain_elem, NULL, &w, 1);
}

/* --- class and id names -------------------------------------------------- */

/* Keys for words in class and id names (split at '-', '_', ':', '.'):
 * "*key" matches anywhere in a name ("postcomments", "socialshare"),
 * "^key" the start of a word ("navbar" but not "canvas"), and a bare key
 * only a whole word ("ad" but not "add" or "header"). */
static const char *const neg_keys[] = {
	"*comment", "*share", "*sharing", "*social", "*related", "*promo",
	"*newsletter", "*footer", "*sidebar", "^nav", "*menu", "*advert", "ad",
	"ads", "*subscri", "*cookie", "*banner", "*breadcrumb", "*popup",
	"*modal", "*sponsor", "*outbrain", "*taboola", "*disqus", "rss",
	"*signup", "login", "*toolbar", "*widget", "*combx", "*masthead",
	"*shoutbox", "*paginat", "pager", "*consent", "*recommend", "*trending",
	"*popular", "tags", "tag", "*byline", "*author",
};

static const char *const pos_keys[] = {
	"*article", "*body", "*content", "*entry", "main", "post", "*story",
	"text", "blog", "*hentry", "*column", "page",
};

/* Does a word (n bytes, lower case) match the key? */
static int key_match(const char *w, size_t n, const char *key)
{
	size_t k = strlen(key + (*key == '*' || *key == '^'));

	if (*key == '*') {
		for (size_t i = 0; i + k <= n; i++)
			if (memcmp(w + i, key + 1, k) == 0)
				return 1;
		return 0;
	}
	if (*key == '^')
		return n >= k && memcmp(w, key + 1, k) == 0;
	return n == k && memcmp(w, key, k) == 0;
}

static int any_key(const char *w, size_t n, const char *const *keys,
                   size_t nkeys)
{
	for (size_t i = 0; i < nkeys; i++)
		if (key_match(w, n, keys[i]))
			return 1;
	return 0;
}

/* Classify one class or id name: -1 junk, 1 content, 0 neither.  Within
 * one name junk wins ("article-comments" is comments). */
static int classify_name(const char *name, size_t n)
{
	char buf[128];
	int neg = 0, pos = 0;
	size_t i = 0;

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	for (size_t k = 0; k < n; k++)
		buf[k] = (char)lc((unsigned char)name[k]);
	buf[n] = '\0';
	if (any_key(buf, n, neg_keys, sizeof neg_keys / sizeof neg_keys[0]))
		neg = 1;
	while (i < n) {
		size_t j = i;

		while (j < n && buf[j] != '-' && buf[j] != '_' && buf[j] != ':' &&
		       buf[j] != '.')
			j++;
		if (j > i) {
			if (any_key(buf + i, j - i, neg_keys,
			            sizeof neg_keys / sizeof neg_keys[0]))
				neg = 1;
			if (any_key(buf + i, j - i, pos_keys,
			            sizeof pos_keys / sizeof pos_keys[0]))
				pos = 1;
		}
		i = j + 1;
	}
	return neg ? -1 : pos;
}

/* The class/id verdict of an element: *neg and *pos count names. */
static void classify(const xmlNode *n, int *neg, int *pos)
{
	const char *vals[2] = {attr(n, "class"), attr(n, "id")};

	*neg = *pos = 0;
	for (size_t v = 0; v < 2; v++) {
		const char *s = vals[v];

		while (s && *s) {
			size_t k = 0;
			int c;

			while (*s && is_space((unsigned char)*s))
				s++;
			while (s[k] && !is_space((unsigned char)s[k]))
				k++;
			if (!k)
				break;
			c = classify_name(s, k);
			if (c < 0)
				(*neg)++;
			else if (c > 0)
				(*pos)++;
			s += k;
		}
	}
}

/* Hidden by markup: never shown to a reader. */
static int hidden(const xmlNode *n)
{
	const char *s = attr(n, "style");
	const char *a = attr(n, "aria-hidden");

	if (attr(n, "hidden"))
		return 1;
	if (a && eq_ci(a, strlen(a), "true"))
		return 1;
	if (s) {
		char buf[256];
		size_t k = 0;

		/* Squeeze out spaces so "display : none" matches too. */
		for (; *s && k + 1 < sizeof buf; s++)
			if (!is_space((unsigned char)*s))
				buf[k++] = (char)lc((unsigned char)*s);
		buf[k] = '\0';
		if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* --- the content pass ----------------------------------------------------- */

#define F_DROP 0x01   /* its tag or markup keeps it from any reader */
#define F_LINK 0x02   /* inside <a> */
#define F_JUNK 0x04   /* class/id names say widget, comments, navigation */
#define F_GONE 0x08   /* left out, itself or by an ancestor, this tally */
#define F_CAND 0x10   /* has been scored as a container this tally */
#define F_PRUNE 0x20  /* F_JUNK, and the strict tally leaves it out */

typedef struct {
	xmlNode *node;
	const tagdef *tag;
	size_t parent;  /* info index of the parent element, NONE at the top */
	size_t owner;   /* nearest block ancestor-or-self */
	size_t end;     /* one past the last record of the subtree */
	size_t dtext, dlink, dcommas; /* text of the element's own text nodes */
	uint32_t sig;   /* paragraph kind: a hash of tag and class */
	int weight;     /* class/id: +25 content, -25 junk */
	unsigned flags;
	/* Totals of one tally over what is not left out: */
	size_t text, link, commas;    /* the whole subtree */
	size_t otext, olink, ocommas; /* inline text this block owns */
	size_t paras;   /* paragraph elements of MIN_PARA characters or more */
	size_t lis;
	size_t pn;      /* paragraphs counted in prose */
	double uprose;  /* this block's own prose, when it is a paragraph */
	double prose;   /* paragraph text less its links, in the subtree */
	double rprose;  /* prose when class names drop nothing */
	double posprose; /* most rprose of a content-named block inside */
	double like;    /* prose in paragraphs of the article's kind */
	size_t likepn;  /* paragraphs counted in like */
	size_t likecommas; /* their commas */
	double score;
} ninfo;

typedef struct {
	xmlDoc *doc;
	erg_vec info;      /* ninfo, in document order (parents first) */
	const char *title; /* for leaving the headline out of the body */
	size_t best;       /* the best-scored block */
	int wide;          /* the article was widened from it */
} page;

static ninfo *info_at(page *pg, size_t i)
{
	return erg_vec_at(&pg->info, i);
}

static size_t info_index(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->_private
	           ? (size_t)(uintptr_t)n->_private - 1
	           : NONE;
}

static ninfo *info_of(page *pg, const xmlNode *n)
{
	size_t i = info_index(n);

	return i == NONE ? NULL : info_at(pg, i);
}

static int is_ws_text(const char *s)
{
	for (; *s; s++)
		if (!is_space((unsigned char)*s))
			return 0;
	return 1;
}

/* FNV-1a, continued over s (none if NULL) and a separator. */
static uint32_t hash(uint32_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h ^ 0xffu) * 16777619u;
}

/* Enter an element: its record, and whether its subtree is left out. */
static erg_err enter(page *pg, xmlNode *n, int *skip)
{
	ninfo *in, *par;
	size_t idx = pg->info.len, pidx = info_index(n->parent);
	int neg, pos;

	/* The push may move the array: look the parent up after it. */
	in = erg_vec_push(&pg->info);
	if (!in)
		return ERG_ENOMEM;
	par = pidx == NONE ? NULL : info_at(pg, pidx);
	n->_private = (void *)(uintptr_t)(idx + 1);
	in->node = n;
	in->tag = tag_of(n);
	in->parent = pidx;
	in->owner = in->tag && in->tag->kind & K_BLOCK
	                ? idx
	                : (par ? par->owner : NONE);
	if ((par && par->flags & F_LINK) || (in->tag && in->tag->id == T_A))
		in->flags |= F_LINK;
	classify(n, &neg, &pos);
	in->weight = (pos ? 25 : 0) - (neg ? 25 : 0);
	if ((in->tag && in->tag->kind & K_DROP) || hidden(n))
		in->flags |= F_DROP;
	else if (neg && !pos && !(in->tag && in->tag->kind & K_KEEP))
		in->flags |= F_JUNK;
	in->sig = hash(hash(2166136261u, (const char *)n->name), attr(n, "class"));
	*skip = (in->flags & F_DROP) != 0;
	return ERG_OK;
}

static void text_node(page *pg, const xmlNode *n)
{
	ninfo *par = info_of(pg, n->parent);
	size_t chars = 0, commas = 0;

	if (!par || !n->content)
		return;
	measure((const char *)n->content, &chars, &commas);
	par->dtext += chars;
	par->dcommas += commas;
	if (par->flags & F_LINK)
		par->dlink += chars;
}

/* Walk the body once, recording every element and its own text. */
static erg_err survey(page *pg, xmlNode *root)
{
	erg_err e = ERG_OK;
	xmlNode *n;

	for (n = xmlDocGetRootElement(pg->doc); n; n = walk_next(n, NULL, 0))
		n->_private = NULL;
	erg_vec_clear(&pg->info);
	for (n = root; n && !e;) {
		int skip = 0;

		if (n->type == XML_ELEMENT_NODE) {
			e = enter(pg, n, &skip);
			if (e)
				break;
			if (!skip && n->children) {
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE) {
			text_node(pg, n);
		}
		/* Close n and every ancestor it was the last child of. */
		for (;;) {
			if (n->type == XML_ELEMENT_NODE)
				info_at(pg, info_index(n))->end = pg->info.len;
			if (n == root) {
				n = NULL;
				break;
			}
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
	return e;
}

/* Decide, from a tally that kept everything, which junk-named elements
 * the strict tally leaves out.  Not one that holds most of the page's
 * prose when most of that sits in a block named as content: that is a
 * layout wrapper whose name merely mentions a sidebar. */
static void mark_junk(page *pg)
{
	size_t i;

	for (i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);

		in->rprose = in->prose;
		in->posprose = 0;
	}
	/* Children before parents: the most prose in a content-named block
	 * below each element. */
	for (i = pg->info.len; i-- > 0;) {
		ninfo *in = info_at(pg, i), *par;
		double v = in->posprose;

		if (in->weight > 0 && in->rprose > v)
			v = in->rprose;

		if (in->parent == NONE)
			continue;
		par = info_at(pg, in->parent);
		if (v > par->posprose)
			par->posprose = v;
	}
	for (i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);

		if (in->flags & F_JUNK &&
		    (in->rprose < info_at(pg, 0)->rprose * 0.5 ||
		     in->posprose < in->rprose * 0.5))
			in->flags |= F_PRUNE;
	}
}

/* Count the text of what is kept; strict lets class names drop elements.
 * Records are in document order, so a reverse sweep sees every subtree
 * before its root. */
static void tally(page *pg, int strict)
{
	size_t i;

	for (i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);
		int gone = in->flags & F_DROP || (strict && in->flags & F_PRUNE) ||
		           (in->parent != NONE &&
		            info_at(pg, in->parent)->flags & F_GONE);

		in->flags &= ~(unsigned)(F_GONE | F_CAND);
		if (gone)
			in->flags |= F_GONE;
		in->text = in->link = in->commas = 0;
		in->otext = in->olink = in->ocommas = 0;
		in->paras = in->lis = in->pn = 0;
		in->uprose = in->prose = in->score = 0;
	}
	for (i = pg->info.len; i-- > 0;) {
		ninfo *in = info_at(pg, i), *par;

		if (in->flags & F_GONE)
			continue;
		in->text += in->dtext;
		in->link += in->dlink;
		in->commas += in->dcommas;
		if (in->owner != NONE) {
			ninfo *ow = info_at(pg, in->owner);

			ow->otext += in->dtext;
			ow->olink += in->dlink;
			ow->ocommas += in->dcommas;
		}
		/* Every element owned by this block has been counted by now. */
		if (in->tag && in->tag->kind & K_BLOCK && in->otext >= MIN_PARA &&
		    in->olink * 2 <= in->otext) {
			if (in->tag->kind & K_PARA)
				in->paras++;
			in->uprose = (double)(in->otext - in->olink);
			in->prose += in->uprose;
			in->pn++;
		}
		if (in->tag && in->tag->id == T_LI)
			in->lis++;
		if (in->parent == NONE)
			continue;
		par = info_at(pg, in->parent);
		par->text += in->text;
		par->link += in->link;
		par->commas += in->commas;
		par->paras += in->paras;
		par->lis += in->lis;
		par->prose += in->prose;
		par->pn += in->pn;
	}
}

static double link_density(const ninfo *in)
{
	return in->text ? (double)in->link / (double)in->text : 0.0;
}

/* Give each paragraph's score to its nearest ancestors. */
static void score(page *pg)
{
	static const double share[SCORE_LEVELS] = {1.0, 0.5, 0.25, 0.15, 0.1};

	for (size_t i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);
		size_t up;
		double s, ld;

		if (in->flags & F_GONE || in->otext < MIN_PARA ||
		    !(in->tag && in->tag->kind & K_BLOCK))
			continue;
		ld = (double)in->olink / (double)in->otext;
		if (ld > 0.5)
			continue;
		s = 1.0 + (double)in->ocommas +
		    (in->otext / 100 < 3 ? (double)(in->otext / 100) : 3.0);
		s *= 1.0 - ld;
		/* A paragraph scores its container; a container holding text of
		 * its own (a <div> with <br>s) also scores itself. */
		up = in->tag->kind & K_PARA ? in->parent : i;
		for (int lv = 0; lv < SCORE_LEVELS && up != NONE; lv++) {
			ninfo *a = info_at(pg, up);

			if (!(a->flags & F_CAND)) {
				a->flags |= F_CAND;
				a->score = (a->tag ? a->tag->base : 0) + a->weight;
			}
			a->score += s * share[lv];
			up = a->parent;
		}
	}
	for (size_t i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);

		if (in->flags & F_CAND)
			in->score *= 1.0 - link_density(in);
	}
}

/* The best-scored container. */
static size_t best(page *pg)
{
	size_t t = NONE;

	for (size_t i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);

		if (in->flags & F_CAND &&
		    (t == NONE || in->score > info_at(pg, t)->score))
			t = i;
	}
	return t;
}

/* The paragraph kind that carries most of the prose in records [from,to). */
static uint32_t main_sig(page *pg, size_t from, size_t to)
{
	struct {
		uint32_t sig;
		double prose;
	} k[16];
	size_t nk = 0, b = 0;

	for (size_t i = from; i < to; i++) {
		ninfo *in = info_at(pg, i);
		size_t j;

		if (in->flags & F_GONE || in->uprose <= 0)
			continue;
		for (j = 0; j < nk && k[j].sig != in->sig; j++)
			;
		if (j == nk) {
			if (nk == sizeof k / sizeof k[0])
				continue;
			k[nk].sig = in->sig;
			k[nk++].prose = 0;
		}
		k[j].prose += in->uprose;
	}
	for (size_t j = 1; j < nk; j++)
		if (k[j].prose > k[b].prose)
			b = j;
	return nk ? k[b].sig : 0;
}

/* Prose written in paragraphs of kind sig, for every element. */
static void mark_like(page *pg, uint32_t sig)
{
	for (size_t i = 0; i < pg->info.len; i++) {
		ninfo *in = info_at(pg, i);

		in->like = 0;
		in->likepn = in->likecommas = 0;
	}
	for (size_t i = pg->info.len; i-- > 0;) {
		ninfo *in = info_at(pg, i), *par;

		if (in->flags & F_GONE)
			continue;
		if (in->uprose > 0 && in->sig == sig) {
			in->like += in->uprose;
			in->likepn++;
			in->likecommas += in->ocommas;
		}
		if (in->parent == NONE)
			continue;
		par = info_at(pg, in->parent);
		par->like += in->like;
		par->likepn += in->likepn;
		par->likecommas += in->likecommas;
	}
}

/* An article cut into several blocks (sections between pictures,
 * "supplemental" wrappers) has its parts side by side some levels up:
 * climb while what an ancestor adds is mostly paragraphs of the kind the
 * best block holds, long ones rather than teasers, about as rich in
 * commas (clauses), and prose still dominates the ancestor's text.  *wide
 * is set when the article grew. */
static size_t widen(page *pg, size_t t, int *wide)
{
	size_t cur = t, a = info_at(pg, t)->parent;
	double density;

	*wide = 0;
	mark_like(pg, main_sig(pg, t, info_at(pg, t)->end));
	density = info_at(pg, t)->like > 0
	              ? (double)info_at(pg, t)->likecommas / info_at(pg, t)->like
	              : 0;
	for (int lv = 0; lv < WIDEN_LEVELS && a != NONE;
	     lv++, a = info_at(pg, a)->parent) {
		ninfo *ai = info_at(pg, a), *ci = info_at(pg, cur);
		double gain = ai->prose - ci->prose, like = ai->like - ci->like;
		size_t ln = ai->likepn - ci->likepn;
		size_t lc = ai->likecommas - ci->likecommas;

		if (ai->tag && ai->tag->id == T_HTML)
			break;
		if (gain <= 0)
			continue;
		if (!ln || like / (double)ln < WIDEN_AVG ||
		    like < gain * WIDEN_LIKE ||
		    (double)lc < like * density * WIDEN_COMMAS ||
		    ai->prose < (double)ai->text * WIDEN_SHARE)
			break;
		cur = a;
		*wide = 1;
	}
	return cur;
}

/* Leave a container out of the article: widgets, link lists and forms
 * that sit inside the article's block. */
static int unwanted(const ninfo *in)
{
	double ld = link_density(in);

	if (!in->tag)
		return 0;
	if (!(in->tag->kind & K_CLEAN))
		return 0;
	if (in->weight < 0 && in->text < 1000)
		return 1;
	if (in->commas >= 10)
		return 0;
	if (in->tag->id == T_FORM && in->paras < 3)
		return 1;
	if (in->weight <= 0 && ld > 0.35)
		return 1;
	if (ld > 0.6)
		return 1;
	if (in->tag->id != T_LIST && in->lis > 2 * in->paras + 6 && ld > 0.2)
		return 1;
	return 0;
}

/* Is the heading's text the title? */
static int same_text(xmlNode *n, const char *title)
{
	erg_buf b = ERG_BUF_INIT;
	int same = 0;

	if (!title)
		return 0;
	if (node_text(n, &b) == ERG_OK && b.data)
		same = strcmp(b.data, title) == 0;
	erg_buf_free(&b);
	return same;
}

/* What an element of the article's block is. */
static int article_elem(void *ctx, xmlNode *n, const xmlNode *root)
{
	page *pg = ctx;
	ninfo *in = info_of(pg, n);

	if (!in || in->flags & F_GONE)
		return E_SKIP;
	/* The way down to the best block is kept, whatever its name. */
	if (pg->best >= info_index(n) && pg->best < in->end)
		return plain_elem(NULL, n, root);
	if (n != root && unwanted(in))
		return E_SKIP;
	/* In a widened article, a block of prose of another kind (teasers
	 * between the parts) is not the article. */
	if (pg->wide && in->tag && in->tag->kind & K_CLEAN &&
	    in->tag->id != T_LIST && in->prose > 0 && in->like <= 0)
		return E_SKIP;
	/* The headline is the title, given apart. */
	if (in->tag && in->tag->id == T_H1 && same_text(n, pg->title))
		return E_SKIP;
	return plain_elem(NULL, n, root);
}

/* Write the article text of the subtree at root. */
static erg_err emit(page *pg, xmlNode *root, writer *w)
{
	erg_err e = write_tree(root, article_elem, pg, w, 3);

	w_break(w, 3);
	return e;
}

/* Should a sibling of the article's container be part of the article? */
static int kin(const ninfo *sib, const ninfo *top)
{
	double ld = link_density(sib);
	double bar = top->score * 0.2 > 10 ? top->score * 0.2 : 10;
	const char *c1, *c2;

	if (sib == top)
		return 1;
	if (sib->flags & F_GONE || unwanted(sib))
		return 0;
	c1 = attr(sib->node, "class");
	c2 = attr(top->node, "class");
	if (c1 && c2 && *c1 && strcmp(c1, c2) == 0)
		bar -= top->score * 0.2;
	if (sib->flags & F_CAND && sib->score >= bar)
		return 1;
	if (sib->tag && sib->tag->kind & K_PARA) {
		if (sib->otext >= 80 && ld < 0.25)
			return 1;
		if (sib->otext > 0 && ld == 0.0) {
			const char *t = NULL;

			for (xmlNode *c = sib->node->last; c && !t; c = c->prev)
				if (c->type == XML_TEXT_NODE && c->content &&
				    !is_ws_text((const char *)c->content))
					t = (const char *)c->content;
			if (t) {
				size_t k = strlen(t);

				while (k && is_space((unsigned char)t[k - 1]))
					k--;
				if (k && t[k - 1] == '.')
					return 1;
			}
		}
	}
	return 0;
}


/* Loose text beside the article's block: kept when it reads as prose. */
static erg_err loose_text(const xmlNode *n, writer *w)
{
	const char *s = (const char *)n->content;
	size_t c = 0, k = 0;
	erg_err e;

	measure(s, &c, &k);
	if (c < 80)
		return ERG_OK;
	e = w_text(w, s, strlen(s));
	w_break(w, 3);
	return e;
}

/* The article text under the current tally into out (cleared first). */
static erg_err extract(page *pg, xmlNode *body, erg_buf *out, size_t *chars)
{
	writer w;
	erg_err e = ERG_OK;
	ninfo *top;
	size_t t;

	erg_buf_clear(out);
	w_init(&w, out);
	score(pg);
	t = pg->best = best(pg);
	pg->wide = 0;
	if (t != NONE)
		t = widen(pg, t, &pg->wide);
	top = t == NONE ? NULL : info_at(pg, t);
	if (!top || !top->node->parent || !top->tag ||
	    top->tag->id == T_BODY || top->tag->id == T_HTML) {
		e = emit(pg, top ? top->node : body, &w);
	} else {
		xmlNode *s = top->node->parent->children;

		for (; s && !e; s = s->next) {
			ninfo *in = info_of(pg, s);

			if (s->type == XML_TEXT_NODE && s->content)
				e = loose_text(s, &w);
			else if (in && kin(in, top))
				e = emit(pg, s, &w);
		}
	}
	*chars = w.chars;
	return e;
}

/* --- metadata ------------------------------------------------------------ */

enum { M_OGTITLE, M_TWTITLE, M_SITE, M_OGURL, M_CANON, M_DATE1, M_DATE2,
       M_AUTHOR, M_COUNT };

typedef struct {
	const char *v[M_COUNT]; /* into the document, first seen wins */
	xmlNode *h1, *title, *time;
	xmlNode *author[META_NODES]; /* rel=author, itemprop=author */
	xmlNode *byline[META_NODES]; /* class or id "byline", "author" */
	size_t nauthor, nbyline;
	erg_buf ldjson;         /* JSON-LD script text */
} meta;

/* Meta names that give a publication date, most trusted first. */
static const char *const date_keys[] = {
	"article:published_time", "og:article:published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date",
	"publish_date", "dc.date", "dc.date.issued", "dc.date.created",
	"dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
	"parsely-pub-date", "article.published", "citation_publication_date",
	"originalpublicationdate", "og:pubdate",
};

static const char *const author_keys[] = {
	"author", "article:author", "dc.creator", "dcterms.creator",
	"parsely-author", "sailthru.author", "byl",
};

static int in_keys(const char *k, const char *const *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (eq_ci(k, strlen(k), keys[i]))
			return 1;
	return 0;
}

static void set_once(const char **slot, const char *v)
{
	if (!*slot && v && !is_ws_text(v))
		*slot = v;
}

/* Is word one of the space-separated words of a rel or itemprop? */
static int has_word(const char *rel, const char *word)
{
	size_t n = strlen(word);

	while (rel && *rel) {
		size_t k = 0;

		while (*rel && is_space((unsigned char)*rel))
			rel++;
		while (rel[k] && !is_space((unsigned char)rel[k]))
			k++;
		if (k == n && eq_ci(rel, k, word))
			return 1;
		rel += k;
	}
	return 0;
}

/* Is a class or id word "byline" or "author"? */
static int byline_named(const xmlNode *n)
{
	const char *vals[2] = {attr(n, "class"), attr(n, "id")};

	for (size_t v = 0; v < 2; v++)
		for (const char *s = vals[v]; s && *s;) {
			size_t k = 0;

			while (s[k] && (s[k] == '-' || s[k] == '_' ||
			                is_space((unsigned char)s[k])))
				k++;
			s += k;
			k = 0;
			while (s[k] && s[k] != '-' && s[k] != '_' &&
			       !is_space((unsigned char)s[k]))
				k++;
			if (eq_ci(s, k, "byline") || eq_ci(s, k, "author"))
				return 1;
			s += k;
		}
	return 0;
}

/* Keep the text of a JSON-LD script for the date search. */
static erg_err keep_ldjson(meta *m, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		erg_err e;

		if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
			continue;
		if (!c->content)
			continue;
		e = erg_buf_puts(&m->ldjson, (const char *)c->content);
		if (e == ERG_OK)
			e = erg_buf_putc(&m->ldjson, '\n');
		/* Past the buffer cap the rest is not needed. */
		if (e && e != ERG_ELIMIT)
			return e;
	}
	return ERG_OK;
}

static erg_err meta_element(meta *m, xmlNode *n, int id)
{
	const char *key, *val;

	switch (id) {
	case T_META:
		val = attr(n, "content");
		if (!val)
			return ERG_OK;
		for (int k = 0; k < 3; k++) {
			static const char *const names[] = {"property", "name",
			                                    "itemprop"};

			key = attr(n, names[k]);
			if (!key)
				continue;
			if (eq_ci(key, strlen(key), "og:title"))
				set_once(&m->v[M_OGTITLE], val);
			else if (eq_ci(key, strlen(key), "twitter:title"))
				set_once(&m->v[M_TWTITLE], val);
			else if (eq_ci(key, strlen(key), "og:site_name"))
				set_once(&m->v[M_SITE], val);
			else if (eq_ci(key, strlen(key), "og:url"))
				set_once(&m->v[M_OGURL], val);
			else if (eq_ci(key, strlen(key), date_keys[0]) ||
			         eq_ci(key, strlen(key), date_keys[1]))
				set_once(&m->v[M_DATE1], val);
			else if (in_keys(key, date_keys,
			                 sizeof date_keys / sizeof date_keys[0]))
				set_once(&m->v[M_DATE2], val);
			else if (!has_ci(val, "://") &&
			         in_keys(key, author_keys, sizeof author_keys /
			                                       sizeof author_keys[0]))
				set_once(&m->v[M_AUTHOR], val);
		}
		return ERG_OK;
	case T_LINK:
		if (has_word(attr(n, "rel"), "canonical"))
			set_once(&m->v[M_CANON], attr(n, "href"));
		return ERG_OK;
	case T_H1:
		if (!m->h1)
			m->h1 = n;
		return ERG_OK;
	case T_TITLE:
		if (!m->title)
			m->title = n;
		return ERG_OK;
	case T_TIME:
		if (!m->time && attr(n, "datetime"))
			m->time = n;
		return ERG_OK;
	case T_SCRIPT:
		val = attr(n, "type");
		return val && has_ci(val, "ld+json") ? keep_ldjson(m, n) : ERG_OK;
	default:
		break;
	}
	if (m->nauthor < META_NODES) {
		const char *r = attr(n, "rel"), *ip = attr(n, "itemprop");

		if ((r && has_word(r, "author")) || (ip && has_word(ip, "author")))
			m->author[m->nauthor++] = n;
	}
	if (m->nbyline < META_NODES && byline_named(n))
		m->byline[m->nbyline++] = n;
	return ERG_OK;
}

static erg_err survey_meta(xmlDoc *doc, meta *m)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	erg_err e = ERG_OK;

	for (xmlNode *n = root; n && !e; n = walk_next(n, NULL, 0))
		if (n->type == XML_ELEMENT_NODE)
			e = meta_element(m, n, tag_id(n));
	return e;
}

/* A copy of s (n bytes) with whitespace collapsed and trimmed; NULL if
 * empty or too long to be what it claims. */
static erg_err dup_clean(const char *s, size_t n, char **out)
{
	erg_buf b = ERG_BUF_INIT;
	writer w;
	erg_err e;

	*out = NULL;
	w_init(&w, &b);
	e = w_text(&w, s, n);
	if (e == ERG_OK && b.len && b.len <= META_MAX)
		*out = erg_buf_steal(&b);
	erg_buf_free(&b);
	return e;
}

static erg_err dup_node_text(xmlNode *n, char **out)
{
	erg_buf b = ERG_BUF_INIT;
	erg_err e;

	*out = NULL;
	e = node_text(n, &b);
	if (e == ERG_OK && b.len && b.len <= META_MAX)
		*out = erg_buf_steal(&b);
	erg_buf_free(&b);
	return e;
}

/* Drop " - Site Name" / "Site Name | " from a title. */
static void strip_site(char *t, const char *site)
{
	static const char *const seps[] = {" - ", " | ", " \xe2\x80\x94 ",
	                                   " \xe2\x80\x93 ", " :: ", " \xc2\xb7 ",
	                                   " : "};
	size_t tn = strlen(t), sn;

	if (!site)
		return;
	sn = strlen(site);
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t pn = strlen(seps[i]);

		if (tn > sn + pn && eq_ci(t + tn - sn, sn, site) &&
		    memcmp(t + tn - sn - pn, seps[i], pn) == 0) {
			t[tn - sn - pn] = '\0';
			return;
		}
		if (tn > sn + pn && eq_ci(t, sn, site) &&
		    memcmp(t + sn, seps[i], pn) == 0) {
			memmove(t, t + sn + pn, tn - sn - pn + 1);
			return;
		}
	}
}

static erg_err pick_title(const meta *m, char **out)
{
	char *h1 = NULL, *tt = NULL, *site = NULL;
	const char *v = m->v[M_OGTITLE] ? m->v[M_OGTITLE] : m->v[M_TWTITLE];
	erg_err e = ERG_OK;

	*out = NULL;
	if (m->v[M_SITE] &&
	    (e = dup_clean(m->v[M_SITE], strlen(m->v[M_SITE]), &site)))
		goto out;
	if (v) {
		if ((e = dup_clean(v, strlen(v), out)))
			goto out;
		if (*out)
			goto out;
	}
	if ((m->h1 && (e = dup_node_text(m->h1, &h1))) ||
	    (m->title && (e = dup_node_text(m->title, &tt))))
		goto out;
	/* The first <h1> is the headline when the <title> agrees with it;
	 * otherwise it is as likely the site's logo. */
	if (h1 && (!tt || strstr(tt, h1))) {
		*out = h1;
		h1 = NULL;
	} else if (tt) {
		*out = tt;
		tt = NULL;
	} else {
		*out = h1;
		h1 = NULL;
	}
out:
	if (*out)
		strip_site(*out, site);
	free(h1);
	free(tt);
	free(site);
	return e;
}

/* "datePublished": "..." in JSON-LD, by plain search. */
static const char *ld_date(const char *js, size_t *n)
{
	const char *p = js;

	while (p && (p = strstr(p, "\"datePublished\""))) {
		p += strlen("\"datePublished\"");
		while (is_space((unsigned char)*p))
			p++;
		if (*p != ':')
			continue;
		p++;
		while (is_space((unsigned char)*p))
			p++;
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');

			if (q && q - p - 1 < 64) {
				*n = (size_t)(q - p - 1);
				return p + 1;
			}
		}
	}
	return NULL;
}

static int looks_iso(const char *s, size_t n)
{
	static const char pat[] = "dddd-dd-dd";

	if (n < 10)
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
			return 0;
	return 1;
}

/* One date text to ISO 8601; 1 if it is a date. */
static erg_err norm_date(const char *s, size_t n, char **out, int *ok)
{
	char iso[64];

	*ok = 0;
	while (n && is_space((unsigned char)*s))
		s++, n--;
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	if (!n || n > 128)
		return ERG_OK;
	if (erg_date_iso(s, n, iso, sizeof iso))
		*out = erg_strndup(iso, strlen(iso));
	else if (looks_iso(s, n))
		*out = erg_strndup(s, n);
	else
		return ERG_OK;
	if (!*out)
		return ERG_ENOMEM;
	*ok = 1;
	return ERG_OK;
}

static erg_err pick_date(const meta *m, char **out)
{
	const char *s;
	size_t n = 0;
	int ok = 0;
	erg_err e;

	*out = NULL;
	for (int k = 0; k < 2; k++) {
		s = m->v[k ? M_DATE2 : M_DATE1];
		if (s && ((e = norm_date(s, strlen(s), out, &ok)) || ok))
			return e;
	}
	if (m->ldjson.data && (s = ld_date(m->ldjson.data, &n)) &&
	    ((e = norm_date(s, n, out, &ok)) || ok))
		return e;
	if (m->time && (s = attr(m->time, "datetime")))
		return norm_date(s, strlen(s), out, &ok);
	return ERG_OK;
}

/* A person's name from an author element: its itemprop=name part, its
 * content attribute or its text. */
static erg_err author_text(xmlNode *n, char **out)
{
	const char *c = attr(n, "content");

	if (c)
		return dup_clean(c, strlen(c), out);
	for (xmlNode *d = n; d; d = walk_next(d, n, 0)) {
		const char *ip;

		if (d == n || d->type != XML_ELEMENT_NODE)
			continue;
		ip = attr(d, "itemprop");
		if (ip && has_word(ip, "name"))
			return (c = attr(d, "content"))
			           ? dup_clean(c, strlen(c), out)
			           : dup_node_text(d, out);
	}
	return dup_node_text(n, out);
}

/* Keep a byline only if it reads as names: short, not a link. */
static void tidy_byline(char **out)
{
	static const char *const by[] = {"by ", "por ", "par ", "von ", "door "};
	char *b = *out;

	if (!b)
		return;
	/* "By Jane Doe" is Jane Doe. */
	for (size_t i = 0; i < sizeof by / sizeof by[0]; i++) {
		size_t n = strlen(by[i]);

		if (strlen(b) > n && eq_ci(b, n, by[i])) {
			memmove(b, b + n, strlen(b + n) + 1);
			break;
		}
	}
	if (strlen(b) < 2 || strlen(b) > BYLINE_MAX || strstr(b, "://")) {
		free(b);
		*out = NULL;
	}
}

static erg_err pick_byline(const meta *m, char **out)
{
	erg_err e = ERG_OK;

	*out = NULL;
	if (m->v[M_AUTHOR]) {
		e = dup_clean(m->v[M_AUTHOR], strlen(m->v[M_AUTHOR]), out);
		tidy_byline(out);
	}
	for (size_t i = 0; !e && !*out && i < m->nauthor; i++) {
		e = author_text(m->author[i], out);
		tidy_byline(out);
	}
	for (size_t i = 0; !e && !*out && i < m->nbyline; i++) {
		e = author_text(m->byline[i], out);
		tidy_byline(out);
	}
	return e;
}

/* --- parsing ------------------------------------------------------------- */

/* libxml2 reports some problems (an encoding it cannot convert) through
 * its global handlers, whatever the parse options; library code must not
 * print, so they are silenced for the length of a parse. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_s(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static erg_err parse(const char *buf, size_t len, const char *charset,
                     xmlDoc **doc)
{
	int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_RECOVER;
	xmlGenericErrorFunc gen = xmlGenericError;
	void *genctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc st = xmlStructuredError;
	void *stctx = xmlStructuredErrorContext;

	*doc = NULL;
	if (len > INT_MAX)
		return ERG_ELIMIT;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_s);
	*doc = htmlReadMemory(buf, (int)len, NULL, charset, opts);
	xmlSetGenericErrorFunc(genctx, gen);
	xmlSetStructuredErrorFunc(stctx, st);
	return ERG_OK;
}

static xmlNode *find_body(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && tag_id(n) == T_BODY)
			return n;
	return root;
}

/* --- the API ------------------------------------------------------------- */

erg_err erg_html_page(const char *buf, size_t len, const char *charset,
                      erg_page *out, erg_errinfo *ei)
{
	page pg;
	meta m;
	erg_buf text = ERG_BUF_INIT;
	xmlNode *body;
	size_t chars = 0;
	erg_err e;

	memset(out, 0, sizeof *out);
	memset(&pg, 0, sizeof pg);
	memset(&m, 0, sizeof m);
	erg_vec_init(&pg.info, sizeof(ninfo));
	if (!buf && len)
		return erg_fail(ei, ERG_EINVAL, "", 0, "no page");
	e = parse(buf ? buf : "", len, charset, &pg.doc);
	if (e) {
		erg_fail(ei, e, "", 0, "page too large to parse");
		goto out;
	}
	if (!pg.doc || !(body = find_body(pg.doc))) {
		e = erg_fail(ei, ERG_EEMPTY, "", 0, "no article text in page");
		goto out;
	}
	if ((e = survey_meta(pg.doc, &m)) || (e = pick_title(&m, &out->title)) ||
	    (e = pick_date(&m, &out->date)) || (e = pick_byline(&m, &out->byline)))
		goto fail;
	if (m.v[M_CANON] || m.v[M_OGURL]) {
		const char *u = m.v[M_CANON] ? m.v[M_CANON] : m.v[M_OGURL];

		if ((e = dup_clean(u, strlen(u), &out->url)))
			goto fail;
	}
	pg.title = out->title;
	if ((e = survey(&pg, body)))
		goto fail;
	/* Count once with every element kept, so that the class/id pruning
	 * can spare what holds most of the prose; then prune. */
	tally(&pg, 0);
	mark_junk(&pg);
	tally(&pg, 1);
	if ((e = extract(&pg, body, &text, &chars)))
		goto fail;
	if (chars < RETRY_CHARS) {
		/* Short: perhaps the class names hid the article after all. */
		erg_buf again = ERG_BUF_INIT;
		size_t c2 = 0;

		tally(&pg, 0);
		e = extract(&pg, body, &again, &c2);
		if (e == ERG_OK && c2 > chars) {
			erg_buf_free(&text);
			text = again;
			chars = c2;
		} else {
			erg_buf_free(&again);
		}
		if (e)
			goto fail;
	}
	if (!chars) {
		e = erg_fail(ei, ERG_EEMPTY, "", 0, "no article text in page");
		goto out;
	}
	out->text = erg_buf_steal(&text);
	if (!out->text)
		e = ERG_ENOMEM;
fail:
	if (e)
		erg_fail(ei, e, "", 0, "cannot extract the page's text");
out:
	if (e) {
		erg_page_free(out);
		memset(out, 0, sizeof *out);
	}
	erg_buf_free(&text);
	erg_buf_free(&m.ldjson);
	erg_vec_free(&pg.info);
	if (pg.doc)
		xmlFreeDoc(pg.doc);
	return e;
}

void erg_page_free(erg_page *p)
{
	if (!p)
		return;
	free(p->title);
	free(p->text);
	free(p->url);
	free(p->date);
	free(p->byline);
}

/* Fragment markup: feed content is all meant to be read, so only what
 * is never text goes (a page's <header> or <aside> here is content). */
static int fragment_elem(void *ctx, xmlNode *n, const xmlNode *root)
{
	static const char *const never[] = {
		"head", "link", "meta", "noscript", "script", "style", "svg",
		"template", "title",
	};
	const tagdef *t = tag_of(n);

	(void)ctx;
	(void)root;
	for (size_t i = 0; t && i < sizeof never / sizeof never[0]; i++)
		if (strcmp(t->name, never[i]) == 0)
			return E_SKIP;
	return !t ? E_INLINE
	          : t->id == T_BR ? E_BR : t->kind & K_BLOCK ? E_BLOCK : E_INLINE;
}

erg_err erg_html_fragment_text(const char *html, size_t len, erg_buf *out)
{
	xmlDoc *doc = NULL;
	xmlNode *root;
	writer w;
	erg_err e;

	if (!html || !len)
		return ERG_OK;
	/* The caller hands over UTF-8; a <meta charset> inside feed content
	 * must not re-decode it. */
	e = parse(html, len, "UTF-8", &doc);
	if (e || !doc)
		goto out;
	root = xmlDocGetRootElement(doc);
	w_init(&w, out);
	if (root)
		e = write_tree(root, fragment_elem, NULL, &w, 3);
out:
	if (doc)
		xmlFreeDoc(doc);
	return e;
}
