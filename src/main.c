/* main.c - the ergraph command line: the only place that prints to the
 * user or exits. */
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "briefing.h"
#include "export.h"
#include "jsonl.h"
#include "buf.h"
#include "error.h"
#include "extract.h"
#include "fileout.h"
#include "graph.h"
#include "ingest.h"
#include "input.h"
#include "lexicon.h"
#include "output.h"
#include "render.h"
#include "store.h"
#include "text.h"

#define ERG_VERSION "0.1.0"
#define DEFAULT_DB "ergraph.db" /* the store unless --db */

/* Temporary output files being written, removed if a signal ends the
 * run so that an interrupted write leaves the old file and no litter.
 * The names are copied: the handler must not read memory that commit
 * frees, and a name stays watched until its file is renamed. */
static char pending[2][4096];
static volatile sig_atomic_t pending_set[2];

static void on_signal(int sig)
{
	for (int i = 0; i < 2; i++)
		if (pending_set[i])
			unlink(pending[i]); /* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void watch(int slot, const erg_fileout *fo)
{
	pending_set[slot] = 0;
	if (fo && fo->tmp && strlen(fo->tmp) < sizeof pending[slot]) {
		strcpy(pending[slot], fo->tmp);
		pending_set[slot] = 1;
	}
}

/* A worker's exit status: bits of what it did. */
enum { WORK_READ = 16, WORK_SKIPPED = 32 };

/* Exit codes (docs/ergraph.1 lists them). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,     /* nothing could be done: no input read, bad data */
	EXIT_USAGE = 2,    /* wrong command line */
	EXIT_PARTIAL = 3   /* some inputs were skipped, the rest is written */
};

typedef struct {
	const char *format;
	const char *output;
	const char *title;
	const char *layout;
	erg_vec lexicons;   /* const char * */
	int quiet;
	int explain;
	size_t max_doc;                 /* bytes; 0 = default */
	int embed, link, cluster;
	const char *id;
	erg_filter filter;
	int filtered;
	int from_jsonl;
	long jobs;          /* extract workers; 0 = one per core */
	unsigned long max_entities; /* graph: most entities drawn */
	unsigned long max_sentence; /* tokens; 0 = default */
	int worker;         /* this process extracts a share for a parent */
	const char *db;     /* the store; NULL = ergraph.db, or files for graph */
	unsigned long batch; /* ingest: documents per transaction; 0 = 500 */
	int verbose;        /* ingest: a line per committed batch */
	int check;          /* stats: check the store instead */
	unsigned long long max_input;   /* bytes; 0 = default */
} options;

static const char usage_main[] =
	"Usage: ergraph COMMAND [OPTION]... FILE...\n"
	"Turn news articles into entity-relationship diagrams.\n"
	"\n"
	"Commands:\n"
	"  extract   print the relations found in each article\n"
	"  graph     merge the relations of all articles into one diagram\n"
	"  docs      list the documents read: id, source, title, url, date\n"
	"  text      print the text the extractor reads from each document\n"
	"  ingest    add articles to a store (ergraph.db), each article once\n"
	"  stats     counts of a store by type, relation, source and month\n"
	"  reextract extract a store's articles again, after a lexicon change\n"
	"\n"
	"  -h, --help      show this help (or a command's: ergraph extract -h)\n"
	"  -V, --version   show the version\n"
	"\n"
	"FILE is a text article, a saved HTML page, an RSS/Atom feed (each item\n"
	"a document; gzip allowed) or a folder of them; '-' reads standard input.\n"
	"Exit status: 0 ok, 1 failure, 2 usage error, 3 some inputs skipped.\n";

static const char usage_extract[] =
	"Usage: ergraph extract [OPTION]... FILE...\n"
	"Print one line per relation found in each article.\n"
	"\n"
	"  -f, --format FMT     jsonl (default) or tsv\n"
	"  -L, --lexicon FILE   add entities, triggers and cues from FILE\n"
	"                       (repeatable; see docs/lexicon.md)\n"
	"      --max-sentence N longest sentence analysed, in tokens (default\n"
	"                       400, at most 1000); longer ones are skipped\n"
	"      --max-doc SIZE   largest document read (default 64M; k, M, G)\n"
	"      --max-input SIZE total bytes read over all inputs (default 16G)\n"
	"  -q, --quiet          no warnings for skipped inputs or sentences\n"
	"  -j, --jobs N         extract with N processes (default: one per\n"
	"                       core); the output order does not change\n"
	"  -x, --explain        instead of relations, show for each sentence\n"
	"                       that could hold one the mentions found, the\n"
	"                       rules that fired and why a trigger found none\n"
	"  -h, --help           show this help\n"
	"\n"
	"JSON Lines fields: doc subject subject_type relation object object_type\n"
	"polarity modality sentence start end rule confidence doc_id title url\n"
	"date subject_country object_country.\n"
	"TSV columns: doc subject relation object polarity modality start end\n"
	"sentence rule confidence.\n";

static const char usage_docs[] =
	"Usage: ergraph docs [OPTION]... FILE...\n"
	"Print one JSON line per document read: id, source, title, url, date,\n"
	"doc (the name used in extract output) and chars.  Feeds give one\n"
	"document per item; an article seen before (same id or text) is read\n"
	"once.\n"
	"\n"
	"      --max-doc SIZE   largest document read (default 64M; k, M, G)\n"
	"      --max-input SIZE total bytes read over all inputs (default 16G)\n"
	"  -q, --quiet          no warnings for skipped inputs\n"
	"  -h, --help           show this help\n";

static const char usage_text[] =
	"Usage: ergraph text [OPTION]... FILE...\n"
	"Print the text the extractor reads from each document (title, blank\n"
	"line, body), documents separated by a blank line.\n"
	"\n"
	"      --max-doc SIZE   largest document read (default 64M; k, M, G)\n"
	"      --max-input SIZE total bytes read over all inputs (default 16G)\n"
	"  -q, --quiet          no warnings for skipped inputs\n"
	"  -h, --help           show this help\n";

static const char usage_graph[] =
	"Usage: ergraph graph [OPTION]... FILE...\n"
	"Merge the asserted relations of all articles into one graph.\n"
	"\n"
	"  -o, --output FILE    write to FILE (default: DOT on standard output);\n"
	"                       the format follows its extension: .dot, .svg,\n"
	"                       .png, .pdf, .html (briefing), .json, .graphml,\n"
	"                       .csv (edges; nodes go to FILE-nodes.csv)\n"
	"  -f, --format FMT     one of those names (overrides the extension)\n"
	"      --from-jsonl     FILEs are extract --format jsonl output to merge\n"
	"      --db PATH        draw from the store at PATH (no FILE)\n"
	"  -t, --title TEXT     title of the figure\n"
	"      --layout NAME    Graphviz layout: auto (default: dot, sfdp past\n"
	"                       500 entities), dot, neato, fdp, sfdp, circo\n"
	"      --embed          SVG for inclusion in a page: no XML declaration,\n"
	"                       width 100%, title and description\n"
	"      --id NAME        prefix of every id in the figure (default: the\n"
	"                       output's name), so figures can share a page\n"
	"      --link           edges link to the source article where known\n"
	"      --cluster country  group entities by country\n"
	"      --entity NAME    only NAME and its neighbours (see --hops)\n"
	"      --hops K         neighbourhood size for --entity (default 1)\n"
	"      --relation R[,R] only these relations\n"
	"      --type T[,T]     only entities of these types\n"
	"      --since DATE     only relations from articles dated from DATE\n"
	"      --until DATE     ... up to DATE (ISO 8601; '2025-07' works)\n"
	"      --min-count N    only relations asserted at least N times\n"
	"      --max-entities N refuse to draw more than N entities (20000)\n"
	"  -L, --lexicon FILE   add entities, triggers and cues from FILE\n"
	"      --max-sentence N longest sentence analysed, in tokens (default\n"
	"                       400, at most 1000); longer ones are skipped\n"
	"      --max-doc SIZE   largest document read (default 64M; k, M, G)\n"
	"      --max-input SIZE total bytes read over all inputs (default 16G)\n"
	"  -q, --quiet          no warnings for skipped inputs or sentences\n"
	"  -h, --help           show this help\n";

static const char usage_ingest[] =
	"Usage: ergraph ingest [OPTION]... FILE...\n"
	"Extract the relations of each article and add the article, its text,\n"
	"entities and relations to a store.  An article already stored (same\n"
	"id or same text) is skipped, so re-reading a feed adds only new items.\n"
	"\n"
	"      --db PATH        the store (default ergraph.db; created if missing)\n"
	"      --batch N        documents per transaction (default 500)\n"
	"  -v, --verbose        a line for each batch committed\n"
	"  -L, --lexicon FILE   add entities, triggers and cues from FILE\n"
	"      --max-sentence N longest sentence analysed, in tokens (default\n"
	"                       400, at most 1000); longer ones are skipped\n"
	"      --max-doc SIZE   largest document read (default 64M; k, M, G)\n"
	"      --max-input SIZE total bytes read over all inputs (default 16G)\n"
	"  -q, --quiet          no warnings for skipped inputs or sentences\n"
	"  -h, --help           show this help\n";

static const char usage_stats[] =
	"Usage: ergraph stats [OPTION]...\n"
	"Print what a store holds: documents, entities by type, asserted\n"
	"relations by relation, documents by source and by month.\n"
	"\n"
	"      --db PATH        the store (default ergraph.db)\n"
	"      --check          check the store instead (SQLite integrity,\n"
	"                       foreign keys, counts); exit 1 on any problem\n"
	"  -h, --help           show this help\n";

static const char usage_reextract[] =
	"Usage: ergraph reextract [OPTION]...\n"
	"Extract the relations of every stored article again, with the current\n"
	"lexicon, and replace the old relations in one transaction: if the run\n"
	"fails or is stopped, the old relations stay.\n"
	"\n"
	"      --db PATH        the store (default ergraph.db)\n"
	"  -L, --lexicon FILE   add entities, triggers and cues from FILE\n"
	"      --max-sentence N longest sentence analysed (default 400)\n"
	"  -q, --quiet          no summary line\n"
	"  -h, --help           show this help\n";

enum {
	OPT_LAYOUT = 256,
	OPT_MAX_DOC,
	OPT_MAX_INPUT,
	OPT_EMBED,
	OPT_ID,
	OPT_LINK,
	OPT_CLUSTER,
	OPT_ENTITY,
	OPT_HOPS,
	OPT_RELATION,
	OPT_TYPE,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_MIN_COUNT,
	OPT_FROM_JSONL,
	OPT_JOBS,
	OPT_MAX_ENTITIES,
	OPT_MAX_SENTENCE,
	OPT_DB,
	OPT_BATCH,
	OPT_CHECK
};

static const struct option longopts[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"title", required_argument, NULL, 't'},
	{"layout", required_argument, NULL, OPT_LAYOUT},
	{"max-doc", required_argument, NULL, OPT_MAX_DOC},
	{"embed", no_argument, NULL, OPT_EMBED},
	{"id", required_argument, NULL, OPT_ID},
	{"link", no_argument, NULL, OPT_LINK},
	{"cluster", required_argument, NULL, OPT_CLUSTER},
	{"entity", required_argument, NULL, OPT_ENTITY},
	{"hops", required_argument, NULL, OPT_HOPS},
	{"relation", required_argument, NULL, OPT_RELATION},
	{"type", required_argument, NULL, OPT_TYPE},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"min-count", required_argument, NULL, OPT_MIN_COUNT},
	{"from-jsonl", no_argument, NULL, OPT_FROM_JSONL},
	{"jobs", required_argument, NULL, 'j'},
	{"max-entities", required_argument, NULL, OPT_MAX_ENTITIES},
	{"max-input", required_argument, NULL, OPT_MAX_INPUT},
	{"max-sentence", required_argument, NULL, OPT_MAX_SENTENCE},
	{"db", required_argument, NULL, OPT_DB},
	{"batch", required_argument, NULL, OPT_BATCH},
	{"check", no_argument, NULL, OPT_CHECK},
	{"verbose", no_argument, NULL, 'v'},
	{"lexicon", required_argument, NULL, 'L'},
	{"quiet", no_argument, NULL, 'q'},
	{"explain", no_argument, NULL, 'x'},
	{NULL, 0, NULL, 0},
};

/* "2025", "2025-07" or "2025-07-31". */
static int iso_date_prefix(const char *s)
{
	static const char shape[] = "0000-00-00";
	size_t n = strlen(s);

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == '0' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

/* "restricted,summoned" or "company,chip" as a bit set. */
static int parse_set(const char *arg, int types, unsigned *out)
{
	char buf[128];
	char *save = NULL;

	snprintf(buf, sizeof buf, "%s", arg);
	*out = 0;
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int v = types ? erg_etype_parse(t) : erg_rel_parse(t);

		if (v < 0)
			return -1;
		*out |= 1u << v;
	}
	return *out ? 0 : -1;
}

/* "500k", "20M", "2G" or plain bytes; rejects zero and overflow. */
static int parse_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v, mul = 1;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end == 'k' || *end == 'K')
		mul = 1ULL << 10;
	else if (*end == 'm' || *end == 'M')
		mul = 1ULL << 20;
	else if (*end == 'g' || *end == 'G')
		mul = 1ULL << 30;
	else if (*end)
		return -1;
	if (mul > 1 && end[1])
		return -1;
	if (v == 0 || v > ~0ULL / mul)
		return -1;
	*out = v * mul;
	return 0;
}

static int misuse(const char *what, const char *subject)
{
	fprintf(stderr, "ergraph: %s: '%s'\n", what, subject);
	fprintf(stderr, "Try 'ergraph --help'.\n");
	return EXIT_USAGE;
}

/* Options only the store commands take were given (graph: also --db). */
static int store_opts(const options *o, int db_too)
{
	return o->batch || o->verbose || o->check || (db_too && o->db);
}

/* One-line error: what failed, the subject (file:line where known), and
 * the reason. */
static void report(const char *what, erg_err e, const erg_errinfo *ei,
                   const char *fallback)
{
	const char *subject = ei && ei->file[0] ? ei->file : fallback;

	if (ei && ei->line)
		fprintf(stderr, "ergraph: %s: '%s:%lu': %s\n", what, subject,
		        ei->line, ei->msg[0] ? ei->msg : erg_strerror(e));
	else
		fprintf(stderr, "ergraph: %s: '%s': %s\n", what, subject,
		        ei && ei->msg[0] ? ei->msg : erg_strerror(e));
}

/* An output could not be written: a full disk, a file size limit, a
 * closed pipe.  err is the errno of the failed write (0 if lost). */
static void write_failed(const char *subject, int err)
{
	fprintf(stderr, "ergraph: cannot write output: '%s': %s\n", subject,
	        err ? strerror(err) : "write error");
}

static erg_lexicon *load_lexicon(const options *o)
{
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei = {0};
	erg_err e;

	if (!lx) {
		fprintf(stderr, "ergraph: cannot load lexicon: out of memory\n");
		return NULL;
	}
	if ((e = erg_lexicon_load_default(lx, &ei))) {
		report("cannot load built-in lexicon", e, &ei, "data");
		goto fail;
	}
	for (size_t i = 0; i < o->lexicons.len; i++) {
		const char *path = ((const char **)o->lexicons.data)[i];

		memset(&ei, 0, sizeof ei);
		if ((e = erg_lexicon_load_file(lx, path, &ei))) {
			report("cannot load lexicon", e, &ei, path);
			goto fail;
		}
	}
	return lx;
fail:
	erg_lexicon_free(lx);
	return NULL;
}

/* The lexicon (built-in and -L) and an extractor over it, with the
 * sentence limit set; NULL (said) on failure, *lx then NULL too. */
static erg_extractor *start_extractor(const options *o, erg_lexicon **lx)
{
	erg_extractor *x;

	if (!(*lx = load_lexicon(o)))
		return NULL;
	if (!(x = erg_extractor_new(*lx))) {
		fprintf(stderr, "ergraph: cannot start: out of memory\n");
		erg_lexicon_free(*lx);
		*lx = NULL;
		return NULL;
	}
	if (o->max_sentence)
		erg_extractor_limit(x, o->max_sentence);
	return x;
}

/* What the stored relations come from: the lexicon's version, and the
 * sentence limit when it is not the default, since it changes them. */
static void extraction_version(const options *o, const erg_lexicon *lx,
                               char out[ERG_STORE_VERSION_SIZE])
{
	char v[ERG_LEXVER_SIZE];

	erg_lexicon_version(lx, v);
	if (o->max_sentence && o->max_sentence != ERG_SENT_DEFAULT_TOKENS)
		snprintf(out, ERG_STORE_VERSION_SIZE, "%s+s%lu", v, o->max_sentence);
	else
		snprintf(out, ERG_STORE_VERSION_SIZE, "%s", v);
}

/* ingest: what one run adds to the store */
typedef struct {
	erg_store *st;
	const erg_lexicon *lx;
	char lexver[ERG_STORE_VERSION_SIZE];
	erg_vec found;       /* erg_found: the current document's relations */
	size_t batch;        /* documents per transaction */
	size_t in_batch;     /* documents in the open one */
	size_t batches, docs, rels, dups, empty;
	size_t nfound;       /* relations found so far, committed or not */
	int failed;          /* a write failed: the open batch must not commit */
	erg_errinfo ei;      /* what the store said when it failed */
} ingest;

typedef struct {
	FILE *out;
	erg_outfmt fmt;
	const erg_lexicon *lx;
	erg_graph *g;
	size_t docidx;
	erg_buf *explain;   /* --explain: the account of the document */
	int doc_added;      /* the current document is in the graph */
	ingest *ing;        /* ingest: the store being filled */
} sink;

static erg_err print_found(void *arg, const erg_doc *doc, const erg_found *f)
{
	sink *s = arg;

	if (s->explain)
		return erg_buf_printf(
			s->explain, "=> %s -%s-> %s  [%s, %s, %s, %.2f, bytes %zu-%zu]\n",
			erg_lexicon_entity(s->lx, (size_t)f->r.subj)->name,
			erg_rel_name(f->r.rel),
			erg_lexicon_entity(s->lx, (size_t)f->r.obj)->name,
			f->r.negative ? "negative" : "positive",
			f->r.hedged ? "hedged" : "asserted", f->r.rule,
			(double)f->r.confidence, f->start, f->end);
	return erg_output_found(s->out, s->fmt, s->lx, doc, f);
}

static erg_err graph_found(void *arg, const erg_doc *doc, const erg_found *f)
{
	sink *s = arg;
	erg_err e;

	/* a document enters the graph with its first asserted relation, as
	 * it does when the graph is merged from extract output */
	if (f->r.negative || f->r.hedged)
		return ERG_OK;
	if (!s->doc_added) {
		if ((e = erg_graph_add_doc(s->g, doc->name, &s->docidx)) ||
		    (e = erg_graph_doc_meta(s->g, s->docidx, doc->title, doc->url,
		                            doc->date)))
			return e;
		s->doc_added = 1;
	}
	return erg_graph_add(s->g, s->lx, s->docidx, doc->text, f);
}

/* What one run over the inputs needs; docs and text have no extractor. */
typedef struct {
	const options *o;
	erg_extractor *x;
	erg_found_fn fn;
	sink *s;
	int mode;          /* 0 extract/graph, 1 docs, 2 text */
	int ok, skipped;
	erg_err fatal;     /* an analysis error that is not the input's */
	int tty, shown;    /* progress on a terminal; a line is up */
	double start, last;
	size_t bytes, total;
	int werr;          /* errno of a failed write, taken where it failed */
} run;

static erg_err print_doc_json(FILE *f, const erg_doc *d)
{
	erg_buf b = ERG_BUF_INIT;
	const char *keys[] = {"id", "source", "title", "url", "date"};
	const char *vals[] = {d->id, d->source, d->title, d->url, d->date};
	erg_err e = erg_buf_putc(&b, '{');

	for (size_t i = 0; i < 5 && !e; i++) {
		e = erg_buf_printf(&b, "%s\"%s\":", i ? "," : "", keys[i]);
		if (!e && !vals[i])
			e = erg_buf_puts(&b, "null");
		else if (!e && !(e = erg_buf_putc(&b, '"')) &&
		         !(e = erg_json_escape(&b, vals[i], strlen(vals[i]))))
			e = erg_buf_putc(&b, '"');
	}
	if (!e)
		e = erg_buf_printf(&b, ",\"doc\":\"");
	if (!e)
		e = erg_json_escape(&b, d->name, strlen(d->name));
	if (!e)
		e = erg_buf_printf(&b, "\",\"chars\":%zu}\n", d->len);
	if (!e && fwrite(b.data, 1, b.len, f) != b.len)
		e = ERG_EIO;
	erg_buf_free(&b);
	return e;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A progress line on a terminal once a run takes more than a second:
 * documents, megabytes and speed, redrawn at most twice a second. */
static void progress(run *r, size_t bytes, int done)
{
	double t;

	/* of several workers, the first shows its share's progress */
	if (r->o->quiet || r->o->worker == 1 || !r->tty)
		return;
	r->bytes += bytes;
	t = now();
	if (done) {
		if (r->shown)
			fputs("\r\033[K", stderr);
		return;
	}
	if (t - r->start < 1.0 || t - r->last < 0.5)
		return;
	r->last = t;
	r->shown = 1;
	{
		double rate = (double)r->bytes / (t - r->start);

		if (r->mode == 3)
			fprintf(stderr, "\r\033[Kergraph: %d documents (%.0f/s), %zu "
			        "relations, %zu already stored, %.1f MB/s", r->ok + 1,
			        (r->ok + 1) / (t - r->start), r->s->ing->nfound,
			        r->s->ing->dups, rate / 1048576.0);
		else
			fprintf(stderr, "\r\033[Kergraph: %d documents, %.1f MB, %.1f MB/s",
			        r->ok + 1, (double)r->bytes / 1048576.0,
			        rate / 1048576.0);
		if (r->total > r->bytes && rate > 0)
			fprintf(stderr, ", about %.0f s left",
			        (double)(r->total - r->bytes) / rate);
	}
}

/* Bytes in the files under the paths, for the time left. */
static size_t total_size(char **files, int nfiles)
{
	erg_vec list = ERG_VEC_INIT(char *);
	size_t sum = 0;
	struct stat st;

	for (int i = 0; i < nfiles; i++)
		erg_input_list(files[i], &list);
	for (size_t i = 0; i < list.len; i++) {
		char *p = ((char **)list.data)[i];

		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			sum += (size_t)st.st_size;
		free(p);
	}
	erg_vec_free(&list);
	return sum;
}

static void warn_long_sentences(const run *r, const erg_doc *doc)
{
	size_t n = erg_extractor_skipped(r->x);

	if (n && !r->o->quiet)
		fprintf(stderr, "ergraph: warning: %zu sentence%s over %lu tokens "
		        "not analysed (see --max-sentence): '%s'\n", n,
		        n == 1 ? "" : "s",
		        r->o->max_sentence ? r->o->max_sentence
		                           : (unsigned long)ERG_SENT_DEFAULT_TOKENS,
		        doc->name);
}

static erg_err collect_found(void *arg, const erg_doc *doc,
                             const erg_found *f)
{
	erg_found *p = erg_vec_push(arg);

	(void)doc;
	if (!p)
		return ERG_ENOMEM;
	*p = *f;
	return ERG_OK;
}

/* Commit the open batch and say so (-v). */
static erg_err next_batch(const options *o, ingest *ing)
{
	size_t d = 0, n = 0;
	erg_err e;

	if ((e = erg_store_batch_commit(ing->st, &d, &n, &ing->ei)))
		return e;
	ing->batches++;
	ing->docs += d;
	ing->rels += n;
	ing->in_batch = 0;
	if (o->verbose)
		fprintf(stderr, "ergraph: batch %zu committed: %zu documents, %zu "
		        "relations (%zu documents so far)\n", ing->batches, d, n,
		        ing->docs);
	return ERG_OK;
}

/* Store one document, extracted, unless the store has it already.  A
 * batch opens at the first document that needs a write, so that an
 * ingest holds the write lock only while it has something to write.
 * copy: the reader dropped doc as a copy of an earlier one; it is not
 * counted among those already stored. */
static erg_err ingest_doc(run *r, const erg_doc *doc, int copy)
{
	ingest *ing = r->s->ing;
	erg_store_ident id;
	int has;
	erg_err e;

	/* an item with no title and no text holds nothing to keep (and all
	 * such items would share one text hash) */
	if (doc->len == 0) {
		ing->empty++;
		return ERG_OK;
	}
	if ((e = erg_store_identify(doc, &id)))
		return e;
	if ((e = erg_store_has(ing->st, &id, &has, &ing->ei)))
		goto fail;
	if (has != ERG_STORE_KNOWN && !erg_store_in_batch(ing->st) &&
	    ((e = erg_store_batch_begin(ing->st, ing->lexver, &ing->ei)) ||
	     /* again under the lock: another ingest may have stored it */
	     (e = erg_store_has(ing->st, &id, &has, &ing->ei))))
		goto fail;
	if (has != ERG_STORE_NEW) {
		ing->dups += !copy;
		/* the key of a copy of a stored text names the same article, as
		 * the reader remembers it for the rest of the run */
		if (has == ERG_STORE_SAME_TEXT &&
		    (e = erg_store_add_key(ing->st, &id, &ing->ei)))
			goto fail;
		goto out;
	}
	erg_vec_clear(&ing->found);
	/* an error here is the input's: on_doc reports it and goes on */
	if ((e = erg_extract_doc(r->x, doc, collect_found, &ing->found)))
		goto out;
	warn_long_sentences(r, doc);
	/* a document half-written must not be committed with its batch */
	if ((e = erg_store_add(ing->st, doc, &id, ing->lx, ing->found.data,
	                       ing->found.len, &ing->ei)) ||
	    (++ing->in_batch >= ing->batch && (e = next_batch(r->o, ing))))
		goto fail;
	ing->nfound += ing->found.len;
	goto out;
fail:
	ing->failed = 1;
	if (e != ERG_ENOMEM)
		e = ERG_ESTORE;
out:
	erg_store_ident_free(&id);
	return e;
}

/* ingest: a copy the reader dropped goes to the store too, so that daily
 * ingests end where one ingest of all the files would (its key is kept);
 * and since the reader compares 64-bit hashes, which a forged text could
 * match, one the store (comparing SHA-256) has never seen is stored. */
static erg_err on_dup(void *arg, erg_doc *doc)
{
	erg_err e = ingest_doc(arg, doc, 1);

	/* only the store's failures stop the run, as in on_doc */
	return e == ERG_ESTORE || e == ERG_ENOMEM ? e : ERG_OK;
}

static erg_err on_doc(void *arg, erg_doc *doc)
{
	run *r = arg;
	sink *s = r->s;
	erg_err e = ERG_OK;

	progress(r, doc->len, 0);

	if (r->mode == 3) {
		e = ingest_doc(r, doc, 0);
		if (e == ERG_ESTORE || e == ERG_ENOMEM)
			return e; /* the store, not the input: stop */
	} else if (r->mode == 1) {
		e = print_doc_json(stdout, doc);
	} else if (r->mode == 2) {
		if ((r->ok && fputs("\n", stdout) == EOF) ||
		    fwrite(doc->text, 1, doc->len, stdout) != doc->len ||
		    (doc->len && doc->text[doc->len - 1] != '\n' &&
		     fputc('\n', stdout) == EOF))
			e = ERG_EIO;
	} else {
		if (s->explain) {
			erg_buf_clear(s->explain);
			e = erg_buf_printf(s->explain, "== %s\n", doc->name);
		}
		s->doc_added = 0;
		if (!e)
			e = erg_extract_doc(r->x, doc, r->fn, s);
		if (!e)
			warn_long_sentences(r, doc);
		if (!e && s->explain &&
		    fwrite(s->explain->data, 1, s->explain->len, s->out) !=
		        s->explain->len)
			e = ERG_EIO;
	}
	if (e == ERG_EIO) {
		r->werr = errno;
		return e;
	}
	if (e) {
		/* the document could not be analysed: say so, go on */
		report("cannot analyse input", e, NULL, doc->name);
		r->skipped++;
		return ERG_OK;
	}
	r->ok++;
	return ERG_OK;
}

static void on_skip(void *arg, const char *path, erg_err e,
                    const erg_errinfo *ei)
{
	run *r = arg;

	if (!r->o->quiet)
		report("skipping input", e, ei, path);
	r->skipped++;
}

/* Run over every input; returns the exit status. */
static int run_inputs(const options *o, char **files, int nfiles,
                      erg_extractor *x, erg_found_fn fn, sink *s, int mode)
{
	run r = {o, x, fn, s, mode, 0, 0, ERG_OK, isatty(2), 0, now(), 0, 0, 0,
	         0};
	erg_input *in = erg_input_new(on_doc, on_skip, &r);
	erg_err e = ERG_OK;
	int werr;

	if (!in) {
		fprintf(stderr, "ergraph: cannot start: out of memory\n");
		return EXIT_FAIL;
	}
	erg_input_limits(in, o->max_doc, o->max_input);
	if (mode == 3)
		erg_input_on_duplicate(in, on_dup);
	if (r.tty && !o->quiet && o->worker != 1)
		r.total = total_size(files, nfiles);
	for (int i = 0; i < nfiles && !e; i++)
		e = erg_input_read(in, files[i]);
	werr = r.werr ? r.werr : errno;
	progress(&r, 0, 1);
	if (erg_input_duplicates(in) && !o->quiet)
		fprintf(stderr, "ergraph: read once: %zu duplicate document%s\n",
		        erg_input_duplicates(in),
		        erg_input_duplicates(in) == 1 ? "" : "s");
	erg_input_free(in);
	if (e == ERG_EIO) {
		write_failed(o->worker ? "a worker's temporary file in $TMPDIR"
		                       : "stdout", werr);
		return EXIT_FAIL;
	}
	if (e == ERG_ESTORE) {
		report("cannot write to the store", e, &s->ing->ei,
		       o->db ? o->db : DEFAULT_DB);
		return EXIT_FAIL;
	}
	if (e && e != ERG_ELIMIT) {
		fprintf(stderr, "ergraph: cannot read input: %s\n",
		        erg_strerror(e));
		return EXIT_FAIL;
	}
	if (o->worker)
		/* a worker tells its parent what it read, not the verdict */
		return (r.ok ? WORK_READ : 0) | (r.skipped || e ? WORK_SKIPPED : 0);
	if (!r.ok) {
		/* one skipped input has had its one line; else sum up */
		if (r.skipped != 1 || o->quiet)
			fprintf(stderr, "ergraph: no input could be read: '%s'\n",
			        nfiles ? files[0] : "");
		return EXIT_FAIL;
	}
	return r.skipped || e ? EXIT_PARTIAL : EXIT_OK;
}

/* docs and text: what the reader makes of the inputs. */
static int cmd_read(const options *o, char **files, int nfiles, int mode)
{
	sink s = {stdout, ERG_OUT_JSONL, NULL, NULL, 0, NULL, 0, NULL};
	int rc;

	if (o->format || o->output || o->title || o->layout || o->explain ||
	    o->lexicons.len || o->embed || o->id || o->link || o->cluster ||
	    o->filtered || o->from_jsonl || o->jobs || o->max_entities ||
	    o->max_sentence || store_opts(o, 1))
		return misuse("option not valid for this command",
		              mode == 1 ? "docs" : "text");
	rc = run_inputs(o, files, nfiles, NULL, NULL, &s, mode);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc != EXIT_FAIL) /* else it has been said */
			write_failed("stdout", errno);
		rc = EXIT_FAIL;
	}
	return rc;
}

/* extract over several processes: the files are cut into contiguous
 * shares, one per worker, each writing to a temporary file that the
 * parent copies out in order, so the output is the same as with one.
 * (Duplicates are then found within a share only.) */
static int extract_parallel(const options *o, char **files, int nfiles,
                            erg_extractor *x, sink *s)
{
	erg_vec list = ERG_VEC_INIT(char *);
	long jobs = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
	pid_t pids[256];
	FILE *outs[256];
	int rc = EXIT_FAIL, read = 0, skipped = 0, fatal = 0, wfail = 0;
	long n = 0;
	char **l;

	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0)
			jobs = 1; /* standard input cannot be shared out */
	if (jobs > 1)
		for (int i = 0; i < nfiles; i++)
			if (erg_input_list(files[i], &list)) {
				jobs = 1;
				break;
			}
	l = list.data;
	if (jobs > (long)list.len)
		jobs = (long)list.len;
	if (jobs <= 1) {
		rc = run_inputs(o, files, nfiles, x, print_found, s, 0);
		goto out;
	}
	if (jobs > 256)
		jobs = 256;
	fflush(stdout);
	for (n = 0; n < jobs; n++) {
		size_t lo = list.len * (size_t)n / (size_t)jobs;
		size_t hi = list.len * (size_t)(n + 1) / (size_t)jobs;

		if (!(outs[n] = tmpfile()) || (pids[n] = fork()) < 0) {
			fprintf(stderr, "ergraph: cannot start workers: %s\n",
			        strerror(errno));
			fatal = 1;
			if (outs[n])
				fclose(outs[n]);
			break;
		}
		if (pids[n] == 0) {
			options w = *o;
			int wrc;

			w.worker = n == 0 ? 2 : 1;
			if (dup2(fileno(outs[n]), 1) < 0)
				_exit(EXIT_FAIL);
			wrc = run_inputs(&w, l + lo, (int)(hi - lo), x, print_found, s,
			                 0);
			_exit(fflush(stdout) == 0 && wrc < WORK_READ * 4 ? wrc
			                                                  : EXIT_FAIL);
		}
	}
	for (long k = 0; k < n; k++) {
		int st = 0;
		char buf[65536];
		size_t got;

		if (waitpid(pids[k], &st, 0) < 0 || !WIFEXITED(st) ||
		    (WEXITSTATUS(st) & ~(WORK_READ | WORK_SKIPPED)))
			fatal = 1;
		else {
			read |= (WEXITSTATUS(st) & WORK_READ) != 0;
			skipped |= (WEXITSTATUS(st) & WORK_SKIPPED) != 0;
		}
		rewind(outs[k]);
		while (!wfail && (got = fread(buf, 1, sizeof buf, outs[k])) > 0)
			if (fwrite(buf, 1, got, stdout) != got) {
				write_failed("stdout", errno);
				wfail = fatal = 1;
			}
		fclose(outs[k]);
	}
	if (fatal)
		rc = EXIT_FAIL;
	else if (!read) {
		fprintf(stderr, "ergraph: no input could be read: '%s'\n", files[0]);
		rc = EXIT_FAIL;
	} else {
		rc = skipped ? EXIT_PARTIAL : EXIT_OK;
	}
out:
	for (size_t i = 0; i < list.len; i++)
		free(l[i]);
	erg_vec_free(&list);
	return rc;
}

static int cmd_extract(const options *o, char **files, int nfiles)
{
	erg_lexicon *lx = NULL;
	erg_extractor *x = NULL;
	sink s = {stdout, ERG_OUT_JSONL, NULL, NULL, 0, NULL, 0, NULL};
	erg_buf explain = ERG_BUF_INIT;
	int rc = EXIT_FAIL;

	if (o->format && strcmp(o->format, "jsonl") && strcmp(o->format, "tsv"))
		return misuse("unknown format (use jsonl or tsv)", o->format);
	if (o->format && strcmp(o->format, "tsv") == 0)
		s.fmt = ERG_OUT_TSV;
	if (o->output || o->title || o->layout || o->embed || o->id || o->link ||
	    o->cluster || o->from_jsonl || o->filtered || o->max_entities ||
	    store_opts(o, 1))
		return misuse("option not valid for extract",
		              o->output ? "--output" : o->title ? "--title"
		                                               : "a graph option");
	if (!(x = start_extractor(o, &lx)))
		goto out;
	s.lx = lx;
	if (o->explain) {
		s.explain = &explain;
		erg_extractor_explain(x, &explain);
	}
	rc = o->explain ? run_inputs(o, files, nfiles, x, print_found, &s, 0)
	                : extract_parallel(o, files, nfiles, x, &s);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc != EXIT_FAIL) /* else it has been said */
			write_failed("stdout", errno);
		rc = EXIT_FAIL;
	}
out:
	erg_buf_free(&explain);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
	return rc;
}

/* graph --from-jsonl: merge what extract wrote (shards of an archive)
 * instead of reading articles. */
static int read_jsonl(const options *o, char **files, int nfiles,
                      erg_graph *g)
{
	for (int i = 0; i < nfiles; i++) {
		erg_errinfo ei = {0};
		FILE *f = strcmp(files[i], "-") ? fopen(files[i], "rb") : stdin;
		erg_err e;

		if (!f) {
			erg_fail(&ei, ERG_EIO, files[i], 0, strerror(errno));
			report("cannot read input", ERG_EIO, &ei, files[i]);
			return EXIT_FAIL;
		}
		e = erg_jsonl_read(f, files[i], g, &ei);
		if (f != stdin)
			fclose(f);
		if (e) {
			report("cannot read extract output", e, &ei, files[i]);
			return EXIT_FAIL;
		}
	}
	(void)o;
	return EXIT_OK;
}

/* An id usable in HTML and CSS: a letter, then letters, digits, - and _. */
static int valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The default id prefix: the output's base name, reduced to a valid id
 * ("graphs/all.svg" -> "all"); "erg" without an output. */
static const char *id_from_path(const char *path, char *buf, size_t n)
{
	const char *b = path ? strrchr(path, '/') : NULL;
	size_t k = 0;

	b = b ? b + 1 : path;
	if (!b)
		return "erg";
	for (; *b && *b != '.' && k + 1 < n; b++)
		if ((*b >= 'a' && *b <= 'z') || (*b >= 'A' && *b <= 'Z') ||
		    (*b >= '0' && *b <= '9') || *b == '-' || *b == '_')
			buf[k++] = *b;
	buf[k] = '\0';
	if (!k || !((buf[0] >= 'a' && buf[0] <= 'z') ||
	            (buf[0] >= 'A' && buf[0] <= 'Z'))) {
		/* "2025.svg" -> "erg-2025": an id starts with a letter */
		if (k + 5 > n)
			k = n - 5;
		memmove(buf + 4, buf, k);
		memcpy(buf, "erg-", 4);
		buf[k + 4] = '\0';
		if (!k)
			snprintf(buf, n, "erg-figure");
	}
	return buf;
}

/* CSV is two tables: the nodes go to OUT-nodes.csv beside OUT.csv, which
 * holds the edges (f is OUT.csv's temporary file). */
static erg_err write_csv(const erg_graph *g, const char *path, FILE *f)
{
	erg_buf np = ERG_BUF_INIT;
	erg_fileout fo = {0};
	erg_errinfo ei = {0};
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base : path, '.');
	erg_err e;

	if ((e = erg_buf_append(&np, path, dot ? (size_t)(dot - path)
	                                       : strlen(path))) ||
	    (e = erg_buf_puts(&np, "-nodes.csv")) ||
	    (e = erg_fileout_open(&fo, np.data, &ei)))
		goto out;
	watch(1, &fo);
	if ((e = erg_export_csv(g, fo.f, f)))
		goto out;
	e = erg_fileout_commit(&fo, &ei);
out:
	watch(1, NULL);
	erg_fileout_abort(&fo);
	erg_buf_free(&np);
	return e;
}

/* The graph in the chosen format. */
static erg_err write_graph(const erg_graph *g, erg_gfmt fmt,
                           const erg_render_opts *ro, const char *path,
                           FILE *f)
{
	erg_render_opts fig = *ro;
	char *svg = NULL;
	size_t len = 0;
	FILE *m;
	erg_err e;

	if (fmt == ERG_GFMT_JSON)
		return erg_export_json(g, f);
	if (fmt == ERG_GFMT_GRAPHML)
		return erg_export_graphml(g, f);
	if (fmt == ERG_GFMT_CSV)
		return write_csv(g, path, f);
	if (fmt != ERG_GFMT_HTML)
		return erg_render(g, fmt, ro, f);
	/* a briefing holds the figure inline */
	fig.embed = 1;
	if (!(m = open_memstream(&svg, &len)))
		return ERG_ENOMEM;
	e = erg_render(g, ERG_GFMT_SVG, &fig, m);
	if (fclose(m) != 0 && !e)
		e = ERG_EIO;
	if (!e)
		e = erg_briefing_write(g, ro->title, svg, len, f);
	free(svg);
	return e;
}


static erg_store *open_store(const options *o, int create)
{
	erg_store *st = NULL;
	erg_errinfo ei = {0};
	erg_err e = erg_store_open(o->db ? o->db : DEFAULT_DB, create, &st, &ei);

	if (e)
		report("cannot open store", e, &ei, o->db ? o->db : DEFAULT_DB);
	return st;
}

/* graph --db: the graph from the store instead of files. */
static int read_store(const options *o, erg_graph *g)
{
	erg_store *st = open_store(o, 0);
	erg_errinfo ei = {0};
	erg_err e;

	if (!st)
		return EXIT_FAIL;
	e = erg_store_graph(st, g, &ei);
	erg_store_free(st);
	if (e) {
		report("cannot read store", e, &ei, o->db ? o->db : DEFAULT_DB);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int cmd_ingest(const options *o, char **files, int nfiles)
{
	erg_lexicon *lx = NULL;
	erg_extractor *x = NULL;
	ingest ing;
	sink s = {NULL, ERG_OUT_JSONL, NULL, NULL, 0, NULL, 0, &ing};
	int rc = EXIT_FAIL;
	erg_err e;

	memset(&ing, 0, sizeof ing);
	erg_vec_init(&ing.found, sizeof(erg_found));
	ing.batch = o->batch ? o->batch : 500;
	if (o->format || o->output || o->title || o->layout || o->explain ||
	    o->embed || o->id || o->link || o->cluster || o->filtered ||
	    o->from_jsonl || o->jobs || o->max_entities || o->check)
		return misuse("option not valid for ingest",
		              o->check ? "--check" : "a graph or extract option");
	if (!(x = start_extractor(o, &lx)))
		goto out;
	extraction_version(o, lx, ing.lexver);
	ing.lx = lx;
	if (!(ing.st = open_store(o, 1)))
		goto out;
	rc = run_inputs(o, files, nfiles, x, NULL, &s, 3);
	if (ing.failed)
		goto out; /* erg_store_free rolls the open batch back */
	/* what was read is kept even when some inputs were bad */
	if (erg_store_in_batch(ing.st) && (e = next_batch(o, &ing))) {
		report("cannot write to the store", e, &ing.ei,
		       o->db ? o->db : DEFAULT_DB);
		rc = EXIT_FAIL;
		goto out;
	}
	if (!o->quiet && ing.empty)
		fprintf(stderr, "ergraph: not stored: %zu empty document%s\n",
		        ing.empty, ing.empty == 1 ? "" : "s");
	/* when nothing could be read, that one line has been said */
	if (!o->quiet && rc != EXIT_FAIL)
		fprintf(stderr, "ergraph: stored %zu new document%s with %zu "
		        "relation%s; %zu already stored: '%s'\n", ing.docs,
		        ing.docs == 1 ? "" : "s", ing.rels, ing.rels == 1 ? "" : "s",
		        ing.dups, o->db ? o->db : DEFAULT_DB);
out:
	erg_store_free(ing.st); /* rolls back an unfinished batch */
	erg_vec_free(&ing.found);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
	return rc;
}

static int cmd_stats(const options *o)
{
	erg_buf b = ERG_BUF_INIT;
	erg_errinfo ei = {0};
	erg_store *st;
	int rc = EXIT_FAIL;
	erg_err e;

	if (o->format || o->output || o->title || o->layout || o->explain ||
	    o->embed || o->id || o->link || o->cluster || o->filtered ||
	    o->from_jsonl || o->jobs || o->max_entities || o->lexicons.len ||
	    o->batch || o->verbose || o->max_sentence || o->max_doc ||
	    o->max_input || o->quiet)
		return misuse("option not valid for stats", "stats");
	if (!(st = open_store(o, 0)))
		return EXIT_FAIL;
	if (o->check) {
		e = erg_store_check(st, &b, &ei);
		if (b.len)
			fwrite(b.data, 1, b.len, stderr);
		if (e)
			report("store check failed", e, &ei, o->db ? o->db : DEFAULT_DB);
		else
			puts("ok");
	} else if ((e = erg_store_stats(st, &b, &ei))) {
		report("cannot read store", e, &ei, o->db ? o->db : DEFAULT_DB);
	} else {
		fwrite(b.data, 1, b.len, stdout);
	}
	if (!e)
		rc = EXIT_OK;
	erg_store_free(st);
	erg_buf_free(&b);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		write_failed("stdout", errno);
		rc = EXIT_FAIL;
	}
	return rc;
}

typedef struct {
	erg_extractor *x;
	const erg_lexicon *lx;
	erg_vec found;
	erg_errinfo ei;
	const options *o;
	size_t long_sentences;  /* skipped over all documents */
} reex;

static erg_err reextract_doc(void *arg, erg_store *st, const erg_doc *doc)
{
	reex *r = arg;
	erg_err e;

	erg_vec_clear(&r->found);
	if ((e = erg_extract_doc(r->x, doc, collect_found, &r->found))) {
		erg_fail(&r->ei, e, doc->name, 0, erg_strerror(e));
		return e;
	}
	r->long_sentences += erg_extractor_skipped(r->x);
	return erg_store_set_relations(st, doc, r->lx, r->found.data,
	                               r->found.len, &r->ei);
}

static int cmd_reextract(const options *o)
{
	erg_lexicon *lx = NULL;
	erg_store *st = NULL;
	char lexver[ERG_STORE_VERSION_SIZE];
	reex r;
	size_t docs = 0, rels = 0;
	int rc = EXIT_FAIL;
	erg_err e;

	memset(&r, 0, sizeof r);
	erg_vec_init(&r.found, sizeof(erg_found));
	if (o->format || o->output || o->title || o->layout || o->explain ||
	    o->embed || o->id || o->link || o->cluster || o->filtered ||
	    o->from_jsonl || o->jobs || o->max_entities || o->batch ||
	    o->check || o->max_doc || o->max_input || o->verbose)
		return misuse("option not valid for reextract", "reextract");
	if (!(r.x = start_extractor(o, &lx)))
		goto out;
	r.lx = lx;
	r.o = o;
	extraction_version(o, lx, lexver);
	if (!(st = open_store(o, 0)))
		goto out;
	if ((e = erg_store_reextract(st, lexver, reextract_doc, &r, &docs, &rels,
	                             &r.ei))) {
		report("cannot re-extract; the old relations stay", e, &r.ei,
		       o->db ? o->db : DEFAULT_DB);
		goto out;
	}
	if (!o->quiet && r.long_sentences)
		fprintf(stderr, "ergraph: warning: %zu sentence%s over %lu tokens "
		        "not analysed (see --max-sentence)\n", r.long_sentences,
		        r.long_sentences == 1 ? "" : "s",
		        o->max_sentence ? o->max_sentence
		                        : (unsigned long)ERG_SENT_DEFAULT_TOKENS);
	if (!o->quiet)
		fprintf(stderr, "ergraph: re-extracted %zu document%s: %zu "
		        "relation%s (%s): '%s'\n", docs, docs == 1 ? "" : "s", rels,
		        rels == 1 ? "" : "s", lexver, o->db ? o->db : DEFAULT_DB);
	rc = EXIT_OK;
out:
	erg_store_free(st);
	erg_vec_free(&r.found);
	erg_extractor_free(r.x);
	erg_lexicon_free(lx);
	return rc;
}

static int cmd_graph(const options *o, char **files, int nfiles)
{
	erg_lexicon *lx = NULL;
	erg_extractor *x = NULL;
	erg_graph *g = NULL;
	erg_fileout fo = {0};
	erg_errinfo ei = {0};
	erg_render_opts ro = {o->title, o->layout, NULL, o->embed, o->link,
	                      o->cluster};
	char idbuf[64];
	sink s = {NULL, ERG_OUT_JSONL, NULL, NULL, 0, NULL, 0, NULL};
	int fmt = ERG_GFMT_DOT, rc = EXIT_FAIL, rc2;
	erg_err e;

	if (o->db && (o->max_sentence || o->max_doc || o->max_input ||
	              o->lexicons.len))
		return misuse("option not valid with --db (the store holds the "
		              "relations)",
		              o->lexicons.len ? "--lexicon" : o->max_sentence
		              ? "--max-sentence" : o->max_doc ? "--max-doc"
		                                              : "--max-input");
	if (o->from_jsonl && o->max_sentence)
		return misuse("option not valid with --from-jsonl",
		              "--max-sentence");
	if (o->explain || o->jobs || store_opts(o, 0) ||
	    (o->db && o->from_jsonl))
		return misuse("option not valid for graph",
		              o->explain ? "--explain" : o->jobs ? "--jobs"
		              : o->from_jsonl ? "--from-jsonl" : "a store option");
	if (!o->output && o->format && erg_gfmt_parse(o->format) == ERG_GFMT_CSV)
		return misuse("CSV is two files: give --output", "csv");
	if (o->format) {
		if ((fmt = erg_gfmt_parse(o->format)) < 0)
			return misuse("unknown format (dot, svg, png, pdf, html, json, "
			              "graphml, csv)",
			              o->format);
	} else if (o->output && (fmt = erg_gfmt_from_path(o->output)) < 0) {
		return misuse("cannot tell format from file name (use --format)",
		              o->output);
	}
	if (o->id && !valid_id(o->id))
		return misuse("--id must be letters, digits, '-' or '_', "
		              "starting with a letter", o->id);
	ro.id = o->id ? o->id : id_from_path(o->output, idbuf, sizeof idbuf);
	if (!(x = start_extractor(o, &lx)))
		goto out;
	if (!(g = erg_graph_new())) {
		fprintf(stderr, "ergraph: cannot start: out of memory\n");
		goto out;
	}
	s.lx = lx;
	s.g = g;
	if (o->from_jsonl)
		rc2 = read_jsonl(o, files, nfiles, g);
	else if (o->db)
		rc2 = read_store(o, g);
	else
		rc2 = run_inputs(o, files, nfiles, x, graph_found, &s, 0);
	if (rc2 == EXIT_FAIL)
		goto out;
	if (o->filtered && (e = erg_graph_filter(g, &o->filter))) {
		if (e == ERG_EINVAL)
			fprintf(stderr, "ergraph: no such entity in the graph: '%s'\n",
			        o->filter.entity);
		else
			report("cannot filter graph", e, NULL, "graph");
		goto out;
	}
	if (erg_graph_nnodes(g) > (o->max_entities ? o->max_entities : 20000)) {
		fprintf(stderr, "ergraph: too many entities to draw: '%zu' (the "
		                "limit is %lu; filter the graph or raise "
		                "--max-entities)\n",
		        erg_graph_nnodes(g), o->max_entities ? o->max_entities : 20000);
		goto out;
	}
	erg_graph_sort(g);
	/* the signals that end a run, by hand or by a crash (SIGKILL cannot
	 * be caught: it leaves the old file, and its temporary) */
	{
		static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE,
		                           SIGQUIT, SIGSEGV, SIGBUS, SIGABRT,
		                           SIGFPE, SIGILL};

		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			signal(sigs[i], on_signal);
	}
	if (o->output && (e = erg_fileout_open(&fo, o->output, &ei))) {
		report("cannot write output", e, &ei, o->output);
		goto out;
	}
	if (o->output)
		watch(0, &fo);
	errno = 0;
	if ((e = write_graph(g, (erg_gfmt)fmt, &ro, o->output,
	                     o->output ? fo.f : stdout))) {
		if (e == ERG_EIO)
			write_failed(o->output ? o->output : "stdout", errno);
		else
			report("cannot write graph", e, NULL,
			       o->output ? o->output : "stdout");
		goto out;
	}
	if (o->output && (e = erg_fileout_commit(&fo, &ei))) {
		report("cannot write output", e, &ei, o->output);
		goto out;
	}
	rc = rc2;
out:
	watch(0, NULL);
	erg_fileout_abort(&fo);
	erg_graph_free(g);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
	return rc;
}

int main(int argc, char **argv)
{
	options o = {0};
	const char *cmd;
	const char *usage = usage_main;
	int c, rc;

	erg_vec_init(&o.lexicons, sizeof(const char *));
	/* past a file size limit (ulimit -f) a write fails with EFBIG, as on
	 * a full disk, rather than killing the run in the middle of a file */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2)
		return misuse("missing command", "");
	cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage_main, stdout);
		return EXIT_OK;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("ergraph %s\n", ERG_VERSION);
		return EXIT_OK;
	}
	if (strcmp(cmd, "extract") == 0)
		usage = usage_extract;
	else if (strcmp(cmd, "graph") == 0)
		usage = usage_graph;
	else if (strcmp(cmd, "docs") == 0)
		usage = usage_docs;
	else if (strcmp(cmd, "text") == 0)
		usage = usage_text;
	else if (strcmp(cmd, "ingest") == 0)
		usage = usage_ingest;
	else if (strcmp(cmd, "stats") == 0)
		usage = usage_stats;
	else if (strcmp(cmd, "reextract") == 0)
		usage = usage_reextract;
	else
		return misuse("unknown command", cmd);
	optind = 2;
	while ((c = getopt_long(argc, argv, "hVf:o:t:L:qvxj:", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			erg_vec_free(&o.lexicons);
			return EXIT_OK;
		case 'V':
			printf("ergraph %s\n", ERG_VERSION);
			erg_vec_free(&o.lexicons);
			return EXIT_OK;
		case 'f': o.format = optarg; break;
		case 'o': o.output = optarg; break;
		case 't': o.title = optarg; break;
		case OPT_LAYOUT: o.layout = optarg; break;
		case OPT_EMBED: o.embed = 1; break;
		case OPT_FROM_JSONL: o.from_jsonl = 1; break;
		case OPT_LINK: o.link = 1; break;
		case OPT_ID: o.id = optarg; break;
		case OPT_ENTITY: o.filter.entity = optarg; o.filtered = 1; break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (!iso_date_prefix(optarg)) {
				erg_vec_free(&o.lexicons);
				return misuse("a date is YYYY, YYYY-MM or YYYY-MM-DD", optarg);
			}
			if (c == OPT_SINCE)
				o.filter.since = optarg;
			else
				o.filter.until = optarg;
			o.filtered = 1;
			break;
		case OPT_MAX_ENTITIES:
		case OPT_MAX_SENTENCE:
		case OPT_BATCH:
		case OPT_HOPS:
		case OPT_MIN_COUNT: {
			char *end;
			unsigned long v;

			errno = 0;
			v = strtoul(optarg, &end, 10);
			if (errno || *end || end == optarg || v > 1000000 ||
			    (c != OPT_MIN_COUNT && v == 0) ||
			    (c == OPT_MAX_SENTENCE && v > ERG_SENT_MAX_TOKENS)) {
				erg_vec_free(&o.lexicons);
				return misuse(c == OPT_HOPS ? "bad --hops"
				              : c == OPT_BATCH ? "bad --batch (1 to 1000000)"
				              : c == OPT_MAX_ENTITIES ? "bad --max-entities"
				              : c == OPT_MAX_SENTENCE
				                  ? "bad --max-sentence (1 to 1000)"
				                  : "bad --min-count",
				              optarg);
			}
			if (c == OPT_MAX_ENTITIES) {
				o.max_entities = v;
				break;
			}
			if (c == OPT_MAX_SENTENCE) {
				o.max_sentence = v;
				break;
			}
			if (c == OPT_BATCH) {
				o.batch = v;
				break;
			}
			if (c == OPT_HOPS)
				o.filter.hops = (unsigned)v;
			else
				o.filter.min_count = v;
			o.filtered = 1;
			break;
		}
		case OPT_RELATION:
		case OPT_TYPE:
			if (parse_set(optarg, c == OPT_TYPE,
			              c == OPT_TYPE ? &o.filter.types
			                            : &o.filter.rels)) {
				erg_vec_free(&o.lexicons);
				return misuse(c == OPT_TYPE
				                  ? "unknown type (agency, company, chip)"
				                  : "unknown relation (summoned, purchased, "
				                    "restricted, makes)",
				              optarg);
			}
			o.filtered = 1;
			break;
		case OPT_CLUSTER:
			if (strcmp(optarg, "country")) {
				erg_vec_free(&o.lexicons);
				return misuse("unknown --cluster (use country)", optarg);
			}
			o.cluster = 1;
			break;
		case OPT_MAX_DOC:
		case OPT_MAX_INPUT: {
			unsigned long long v;

			if (parse_size(optarg, &v) ||
			    (c == OPT_MAX_DOC && v > ERG_DOC_MAX)) {
				erg_vec_free(&o.lexicons);
				return misuse(c == OPT_MAX_DOC
				                  ? "bad --max-doc size (1 to 64M)"
				                  : "bad --max-input size",
				              optarg);
			}
			if (c == OPT_MAX_DOC)
				o.max_doc = (size_t)v;
			else
				o.max_input = v;
			break;
		}
		case 'q': o.quiet = 1; break;
		case 'v': o.verbose = 1; break;
		case OPT_DB: o.db = optarg; break;
		case OPT_CHECK: o.check = 1; break;
		case 'x': o.explain = 1; break;
		case 'j': {
			char *end;

			errno = 0;
			o.jobs = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || o.jobs < 1 || o.jobs > 256) {
				erg_vec_free(&o.lexicons);
				return misuse("bad --jobs (1 to 256)", optarg);
			}
			break;
		}
		case 'L': {
			const char **p = erg_vec_push(&o.lexicons);

			if (!p) {
				fprintf(stderr, "ergraph: out of memory\n");
				return EXIT_FAIL;
			}
			*p = optarg;
			break;
		}
		default:
			erg_vec_free(&o.lexicons);
			fprintf(stderr, "Try 'ergraph %s --help'.\n", cmd);
			return EXIT_USAGE;
		}
	}
	/* the store commands read the store, not files */
	if (strcmp(cmd, "stats") == 0 || strcmp(cmd, "reextract") == 0 ||
	    (strcmp(cmd, "graph") == 0 && o.db)) {
		if (optind < argc) {
			erg_vec_free(&o.lexicons);
			return misuse("no FILE with the store; ingest it first",
			              argv[optind]);
		}
	} else if (optind >= argc) {
		erg_vec_free(&o.lexicons);
		return misuse("no input files", cmd);
	}
	if (strcmp(cmd, "ingest") == 0)
		rc = cmd_ingest(&o, argv + optind, argc - optind);
	else if (strcmp(cmd, "stats") == 0)
		rc = cmd_stats(&o);
	else if (strcmp(cmd, "reextract") == 0)
		rc = cmd_reextract(&o);
	else if (strcmp(cmd, "extract") == 0)
		rc = cmd_extract(&o, argv + optind, argc - optind);
	else if (strcmp(cmd, "graph") == 0)
		rc = cmd_graph(&o, argv + optind, argc - optind);
	else
		rc = cmd_read(&o, argv + optind, argc - optind,
		              strcmp(cmd, "docs") == 0 ? 1 : 2);
	erg_vec_free(&o.lexicons);
	return rc;
}
