/* test_store.c - the SQLite store (store.h): opening and migrating,
 * batches, the graph, stats, check and re-extraction.  Each test works
 * in its own temporary directory; fixture databases are made with
 * SQLite directly. */
#include <dirent.h>
#include <unistd.h>

#include <sqlite3.h>

#include "graph.h"
#include "store.h"
#include "testutil.h"

/* Two relations, both asserted. */
static const char TEXT_A[] =
	"The Cyberspace Administration of China summoned Nvidia over the H20. "
	"Tencent bought 20,000 H20 chips last quarter.\n";
/* Four: two asserted, one negated, one hedged; and Moonbright, whom the
 * default lexicon does not know. */
static const char TEXT_B[] =
	"The Ministry of Commerce summoned Tencent on Friday. ByteDance did "
	"not buy H20 chips. Alibaba may buy H20 chips. The Cyberspace "
	"Administration of China summoned Nvidia again on Monday. Moonbright "
	"bought 5,000 H20 chips last month.\n";

/* Their graph (see graph_text), and with Moonbright known. */
static const char GRAPH_AB[] =
	"CAC agency/CN 1\nMOFCOM agency/CN 1\nNvidia company/US 1\n"
	"Tencent company/CN 2\nH20 chip/US 1\n"
	"CAC summoned Nvidia x2 @0\nMOFCOM summoned Tencent x1 @0\n"
	"Tencent purchased H20 x1 @69\n";
static const char GRAPH_AB_MOONBRIGHT[] =
	"CAC agency/CN 1\nMOFCOM agency/CN 1\nMoonbright company/CN 1\n"
	"Nvidia company/US 1\nTencent company/CN 2\nH20 chip/US 2\n"
	"CAC summoned Nvidia x2 @0\nMOFCOM summoned Tencent x1 @0\n"
	"Moonbright purchased H20 x1 @185\nTencent purchased H20 x1 @69\n";

typedef struct {
	char dir[32];
	char path[64]; /* the store */
} sfix;

static int sfix_setup(void **state)
{
	sfix *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	*state = f;
	snprintf(f->dir, sizeof f->dir, "/tmp/ergstore-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/store.db", f->dir);
	return tu_lexicon_setup(state);
}

/* Remove the directory and all in it: the store, -wal, -shm, fixtures. */
static int sfix_teardown(void **state)
{
	sfix *f = *state;
	DIR *d = opendir(f->dir);
	struct dirent *de;
	char p[320];

	while (d && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			snprintf(p, sizeof p, "%s/%s", f->dir, de->d_name);
			unlink(p);
		}
	if (d)
		closedir(d);
	rmdir(f->dir);
	free(f);
	return tu_lexicon_teardown(state);
}

/* What the last failing store call said. */
static erg_errinfo ei;

static void ok(erg_err e)
{
	if (e)
		print_error("  %s: %s (%s)\n", ei.file, ei.msg, erg_strerror(e));
	assert_int_equal(e, ERG_OK);
}

static erg_store *open_store(const char *path, int create)
{
	erg_store *st = NULL;

	ok(erg_store_open(path, create, &st, &ei));
	assert_non_null(st);
	return st;
}

/* erg_store_open must fail with ERG_ESTORE and this message. */
static void expect_refused(const char *path, int create, const char *msg)
{
	erg_store *st = NULL;

	assert_int_equal(erg_store_open(path, create, &st, &ei), ERG_ESTORE);
	assert_null(st);
	assert_string_equal(ei.msg, msg);
}

static void db_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		print_error("  %s: %s\n", sql, err);
	assert_null(err);
	sqlite3_close(db);
}

/* The integer sql yields. */
static long long db_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	long long v;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

static erg_doc *mkdoc(const char *id, const char *text)
{
	erg_doc *d = tu_doc(text);

	d->id = erg_strndup(id, strlen(id));
	assert_non_null(d->id);
	return d;
}

static erg_err collect(void *arg, const erg_doc *doc, const erg_found *f)
{
	erg_found *p = erg_vec_push(arg);

	(void)doc;
	if (!p)
		return ERG_ENOMEM;
	*p = *f;
	return ERG_OK;
}

static void extract(erg_lexicon *lx, const erg_doc *d, erg_vec *found)
{
	erg_extractor *x = erg_extractor_new(lx);

	assert_non_null(x);
	erg_vec_clear(found);
	assert_int_equal(erg_extract_doc(x, d, collect, found), ERG_OK);
	erg_extractor_free(x);
}

/* Add d, identified, with its relations to the open batch. */
static erg_err add(erg_store *st, const erg_doc *d, const erg_vec *found)
{
	erg_store_ident id;
	erg_err e;

	ok(erg_store_identify(d, &id));
	e = erg_store_add(st, d, &id, tu_lexicon(), found ? found->data : NULL,
	                  found ? found->len : 0, &ei);
	erg_store_ident_free(&id);
	return e;
}

/* Extract and store n documents in one batch; commit's counts go to
 * *ndocs and *nrels. */
static void store_docs(erg_store *st, erg_doc *const *d, size_t n,
                       size_t *ndocs, size_t *nrels)
{
	erg_vec found = ERG_VEC_INIT(erg_found);
	char lexver[ERG_LEXVER_SIZE];

	erg_lexicon_version(tu_lexicon(), lexver);
	ok(erg_store_batch_begin(st, lexver, &ei));
	for (size_t i = 0; i < n; i++) {
		extract(tu_lexicon(), d[i], &found);
		ok(add(st, d[i], &found));
	}
	ok(erg_store_batch_commit(st, ndocs, nrels, &ei));
	erg_vec_free(&found);
}

/* Store TEXT_A as "a" and TEXT_B as "b" in one batch. */
static void store_ab(erg_store *st)
{
	erg_doc *d[2] = {mkdoc("a", TEXT_A), mkdoc("b", TEXT_B)};
	size_t ndocs = 0, nrels = 0;

	store_docs(st, d, 2, &ndocs, &nrels);
	assert_int_equal(ndocs, 2);
	assert_int_equal(nrels, 6);
	erg_doc_free(d[0]);
	erg_doc_free(d[1]);
}

static int has(erg_store *st, const char *id, const char *text)
{
	erg_doc *d = mkdoc(id, text);
	erg_store_ident ident;
	int h = -1;

	ok(erg_store_identify(d, &ident));
	ok(erg_store_has(st, &ident, &h, &ei));
	erg_store_ident_free(&ident);
	erg_doc_free(d);
	return h;
}

/* The graph as text, sorted: one line per node with its type, country
 * and count, then one per edge with its count and where its first
 * evidence starts.  Frees g. */
static char *graph_text(erg_graph *g)
{
	erg_buf b = ERG_BUF_INIT;

	erg_graph_sort(g);
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);

		assert_int_equal(erg_buf_printf(&b, "%s %s/%s %zu\n", n->name,
		                                erg_etype_name(n->type), n->country,
		                                n->count), ERG_OK);
	}
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);
		const erg_node *s = erg_graph_node(g, e->from);
		const erg_node *o = erg_graph_node(g, e->to);
		const erg_evidence *ev = e->evidence.data;

		assert_int_equal(erg_buf_printf(&b, "%s %s %s x%zu @%zu\n", s->name,
		                                erg_rel_name(e->rel), o->name,
		                                e->count, ev->start),
		                 ERG_OK);
	}
	erg_graph_free(g);
	return erg_buf_steal(&b);
}

/* The graph drawn from the store, as text. */
static char *store_graph(erg_store *st)
{
	erg_graph *g = erg_graph_new();

	assert_non_null(g);
	ok(erg_store_graph(st, g, &ei));
	return graph_text(g);
}

/* create=1 makes a store stamped with the application id and the
 * schema, which opens again with create=0; create=0 on a missing path
 * fails and creates nothing. */
static void open_creates_or_fails(void **state)
{
	sfix *f = *state;
	char missing[96];

	erg_store_free(open_store(f->path, 1));
	assert_int_equal(db_int(f->path, "PRAGMA user_version"), ERG_STORE_SCHEMA);
	assert_int_equal(db_int(f->path, "PRAGMA application_id"), 1163020081);
	erg_store_free(open_store(f->path, 0));
	snprintf(missing, sizeof missing, "%s/missing.db", f->dir);
	expect_refused(missing, 0, "no such store");
	assert_int_not_equal(access(missing, F_OK), 0);
}

/* A text file, a foreign database, one with a user_version but no
 * application id, and a store newer than this build are refused, their
 * contents left alone. */
static void refuses_other_files(void **state)
{
	static const char words[] = "Nvidia summoned nobody.\n";
	sfix *f = *state;
	char buf[64] = "";
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	fputs(words, fp);
	fclose(fp);
	expect_refused(f->path, 0, "not an ergraph store");
	expect_refused(f->path, 1, "not an ergraph store");
	assert_non_null(fp = fopen(f->path, "r"));
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, words);
	unlink(f->path);

	db_exec(f->path, "CREATE TABLE t(x); INSERT INTO t VALUES(7);");
	expect_refused(f->path, 1, "not an ergraph store");
	assert_int_equal(db_int(f->path, "SELECT x FROM t"), 7);
	/* not even its journal mode, which lives in the file, changed */
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM pragma_journal_mode"
	                                 " WHERE journal_mode = 'delete'"), 1);
	unlink(f->path);

	db_exec(f->path, "PRAGMA user_version = 1;");
	expect_refused(f->path, 1, "not an ergraph store");
	unlink(f->path);

	db_exec(f->path, "PRAGMA application_id = 1163020081;"
	                 "PRAGMA user_version = 99; CREATE TABLE t(x);");
	expect_refused(f->path, 0, "store schema 99 is newer than this ergraph (2)");
	assert_int_equal(db_int(f->path, "PRAGMA user_version"), 99);
}

/* A store at schema 1 (src/store.c's first migration: no aliases) is
 * migrated to 2 keeping its rows, passes the check, and takes new
 * documents with their aliases. */
static void migrates_version_1(void **state)
{
	static const char v1[] =
		"CREATE TABLE batches(id INTEGER PRIMARY KEY, started TEXT NOT NULL,"
		" lexicon TEXT NOT NULL, documents INTEGER NOT NULL DEFAULT 0,"
		" relations INTEGER NOT NULL DEFAULT 0);"
		"CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL"
		" UNIQUE, text_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, source"
		" TEXT, title TEXT, url TEXT, date TEXT, relations INTEGER NOT NULL,"
		" lexicon TEXT NOT NULL,"
		" batch INTEGER NOT NULL REFERENCES batches(id));"
		"CREATE INDEX documents_batch ON documents(batch);"
		"CREATE TABLE texts(doc INTEGER PRIMARY KEY REFERENCES documents(id),"
		" text TEXT NOT NULL);"
		"CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
		" type TEXT NOT NULL, country TEXT NOT NULL DEFAULT '',"
		" UNIQUE(name, type));"
		"CREATE TABLE relations(id INTEGER PRIMARY KEY,"
		" doc INTEGER NOT NULL REFERENCES documents(id),"
		" subject INTEGER NOT NULL REFERENCES entities(id), relation TEXT NOT"
		" NULL, object INTEGER NOT NULL REFERENCES entities(id), polarity TEXT"
		" NOT NULL, modality TEXT NOT NULL, start INTEGER NOT NULL, end"
		" INTEGER NOT NULL, sentence TEXT NOT NULL, rule TEXT NOT NULL,"
		" confidence REAL NOT NULL);"
		"CREATE INDEX relations_doc ON relations(doc);"
		"PRAGMA user_version = 1; PRAGMA application_id = 1163020081;"
		"INSERT INTO batches VALUES(1, '2025-08-01T00:00:00Z', 'lex:0', 1, 0);"
		"INSERT INTO documents VALUES(1, 'guid:old-1 ',"
		" '12d359c2c0f9b59f7b526fedb858e23dadf1dd120fdee2454eca6d9c1f8bb51f',"
		" 'old.txt', NULL, NULL, NULL, NULL, 0, 'lex:0', 1);"
		"INSERT INTO texts VALUES(1, 'Nothing happened.');";
	sfix *f = *state;
	erg_buf problems = ERG_BUF_INIT;
	erg_store *st;
	erg_doc *a;

	db_exec(f->path, v1);
	st = open_store(f->path, 0);
	assert_int_equal(db_int(f->path, "PRAGMA user_version"), 2);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM sqlite_schema"
	                                 " WHERE name = 'aliases'"), 1);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(has(st, "old-1", "Other text."), 1);
	ok(erg_store_check(st, &problems, &ei));
	assert_int_equal(problems.len, 0);
	a = mkdoc("a", TEXT_A);
	store_docs(st, &a, 1, NULL, NULL);
	erg_doc_free(a);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM aliases"), 4);
	erg_store_free(st);
	erg_buf_free(&problems);
}

/* A committed batch stores both documents: has finds them by id and by
 * text, and the batch counts two documents and six relations. */
static void batch_commit_stores(void **state)
{
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);

	assert_int_equal(has(st, "a", TEXT_A), 0);
	store_ab(st);
	assert_int_equal(has(st, "a", TEXT_A), 1);
	assert_int_equal(has(st, "b", "Different text.\n"), 1);
	assert_int_equal(has(st, "elsewhere", TEXT_B), ERG_STORE_SAME_TEXT);
	assert_int_equal(has(st, "c", "The CAC summoned Tencent.\n"), 0);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM relations"), 6);
	assert_int_equal(db_int(f->path, "SELECT documents * 10 + relations"
	                                 " FROM batches"), 26);
	erg_store_free(st);
}

/* An aborted batch, or one still open when the store is closed, leaves
 * nothing; the next batch works. */
static void batch_abort_stores_nothing(void **state)
{
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);
	erg_doc *a = mkdoc("a", TEXT_A);
	char lexver[ERG_LEXVER_SIZE];
	size_t ndocs = 0, nrels = 0;

	erg_lexicon_version(tu_lexicon(), lexver);
	ok(erg_store_batch_begin(st, lexver, &ei));
	ok(add(st, a, NULL));
	erg_store_batch_abort(st);
	assert_int_equal(has(st, "a", TEXT_A), 0);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM batches"), 0);

	ok(erg_store_batch_begin(st, lexver, &ei));
	ok(add(st, a, NULL));
	erg_store_free(st);
	st = open_store(f->path, 0);
	assert_int_equal(has(st, "a", TEXT_A), 0);

	store_docs(st, &a, 1, &ndocs, &nrels);
	assert_int_equal(ndocs, 1);
	assert_int_equal(nrels, 2);
	assert_int_equal(has(st, "a", TEXT_A), 1);
	erg_store_free(st);
	erg_doc_free(a);
}

/* The graph read from the store is the graph built straight from the
 * extraction; the negated and hedged relations are stored, not drawn. */
static void graph_matches_extraction(void **state)
{
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);
	erg_doc *d[2] = {mkdoc("a", TEXT_A), mkdoc("b", TEXT_B)};
	erg_vec found = ERG_VEC_INIT(erg_found);
	erg_graph *direct = erg_graph_new();
	char *from_store, *from_docs;
	size_t idx;

	assert_non_null(direct);
	store_docs(st, d, 2, NULL, NULL);
	for (size_t i = 0; i < 2; i++) {
		extract(tu_lexicon(), d[i], &found);
		assert_int_equal(erg_graph_add_doc(direct, d[i]->name, &idx), ERG_OK);
		for (size_t j = 0; j < found.len; j++)
			assert_int_equal(erg_graph_add(direct, tu_lexicon(), idx,
			                               d[i]->text,
			                               (erg_found *)found.data + j),
			                 ERG_OK);
	}
	from_docs = graph_text(direct);
	from_store = store_graph(st);
	assert_string_equal(from_store, from_docs);
	assert_string_equal(from_store, GRAPH_AB);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM relations"
	                                 " WHERE polarity = 'negative'"), 1);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM relations"
	                                 " WHERE modality = 'hedged'"), 1);
	free(from_store);
	free(from_docs);
	erg_vec_free(&found);
	erg_doc_free(d[0]);
	erg_doc_free(d[1]);
	erg_store_free(st);
}

/* A good store passes the check; counts changed behind its back are
 * each reported on a line naming the document or batch. */
static void check_finds_damage(void **state)
{
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);
	erg_buf problems = ERG_BUF_INIT;

	store_ab(st);
	ok(erg_store_check(st, &problems, &ei));
	assert_int_equal(problems.len, 0);
	db_exec(f->path, "UPDATE documents SET relations = relations + 1"
	                 " WHERE doc_key = 'guid:b '");
	assert_int_equal(erg_store_check(st, &problems, &ei), ERG_ESTORE);
	assert_string_equal(ei.msg, "1 problem found");
	assert_string_equal(problems.data,
	                    "document 2 counts 5 relations, holds 4\n");
	erg_buf_clear(&problems);
	db_exec(f->path, "UPDATE batches SET documents = 3");
	assert_int_equal(erg_store_check(st, &problems, &ei), ERG_ESTORE);
	assert_string_equal(ei.msg, "2 problems found");
	assert_string_equal(problems.data,
	                    "document 2 counts 5 relations, holds 4\n"
	                    "batch 1 counts 3 documents, holds 2\n");
	erg_buf_free(&problems);
	erg_store_free(st);
}

/* The summary of two documents, one with a source and a date. */
static void stats_summary(void **state)
{
	static const char want[] =
		"store: %s (schema 2)\n"
		"documents: 2 in 1 batches\n"
		"entities: 7 (7 names)\n"
		"relations: 6 (4 asserted; negated and hedged ones are kept,"
		" never drawn)\n"
		"\nentities by type:\n"
		"         2  agency\n         1  chip\n         4  company\n"
		"\nasserted relations by relation:\n"
		"         1  purchased\n         3  summoned\n"
		"\ndocuments by source:\n         1  (none)\n         1  Wire\n"
		"\ndocuments by month:\n         1  2025-08\n         1  undated\n"
		"\nlexicon versions:\n         2  %s\n";
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);
	erg_doc *d[2] = {mkdoc("a", TEXT_A), mkdoc("b", TEXT_B)};
	char lexver[ERG_LEXVER_SIZE], expect[1024];
	erg_buf out = ERG_BUF_INIT;

	d[0]->source = erg_strndup("Wire", 4);
	d[0]->date = erg_strndup("2025-08-12T09:00:00Z", 20);
	store_docs(st, d, 2, NULL, NULL);
	ok(erg_store_stats(st, &out, &ei));
	erg_lexicon_version(tu_lexicon(), lexver);
	snprintf(expect, sizeof expect, want, f->path, lexver);
	assert_string_equal(out.data, expect);
	erg_buf_free(&out);
	erg_doc_free(d[0]);
	erg_doc_free(d[1]);
	erg_store_free(st);
}

typedef struct {
	erg_lexicon *lx;
	erg_vec found;
	size_t calls, fail_at; /* fail on call fail_at (from 1; 0: never) */
} reex;

static erg_err reex_doc(void *arg, erg_store *st, const erg_doc *doc)
{
	reex *r = arg;

	if (++r->calls == r->fail_at)
		return ERG_EINVAL;
	extract(r->lx, doc, &r->found);
	return erg_store_set_relations(st, doc, r->lx, r->found.data,
	                               r->found.len, &ei);
}

/* Re-extraction with a lexicon that knows Moonbright: when the callback
 * fails on the second document nothing changes; when it succeeds the
 * new relation is stored and the documents carry the new version. */
static void reextract_new_lexicon(void **state)
{
	static const char more[] = "company | Moonbright | CN |\n";
	sfix *f = *state;
	erg_store *st = open_store(f->path, 1);
	reex r = {tu_default_lexicon(), ERG_VEC_INIT(erg_found), 0, 2};
	char v1[ERG_LEXVER_SIZE], v2[ERG_LEXVER_SIZE], sql[128];
	erg_buf problems = ERG_BUF_INIT;
	size_t ndocs = 0, nrels = 0;
	char *before, *after;

	ok(erg_lexicon_load_mem(r.lx, "more", more, strlen(more), &ei));
	erg_lexicon_version(tu_lexicon(), v1);
	erg_lexicon_version(r.lx, v2);
	assert_string_not_equal(v1, v2);
	store_ab(st);
	before = store_graph(st);
	assert_string_equal(before, GRAPH_AB);

	assert_int_equal(erg_store_reextract(st, v2, reex_doc, &r, &ndocs, &nrels,
	                                     &ei), ERG_EINVAL);
	assert_int_equal(r.calls, 2);
	after = store_graph(st);
	assert_string_equal(after, before);
	free(after);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM relations"), 6);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM aliases"), 7);
	assert_int_equal(db_int(f->path, "SELECT count(*) FROM batches"), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM documents"
	         " WHERE lexicon = '%s'", v1);
	assert_int_equal(db_int(f->path, sql), 2);

	r.calls = r.fail_at = 0;
	ok(erg_store_reextract(st, v2, reex_doc, &r, &ndocs, &nrels, &ei));
	assert_int_equal(ndocs, 2);
	assert_int_equal(nrels, 7);
	after = store_graph(st);
	assert_string_equal(after, GRAPH_AB_MOONBRIGHT);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM documents"
	         " WHERE lexicon = '%s'", v2);
	assert_int_equal(db_int(f->path, sql), 2);
	assert_int_equal(db_int(f->path, "SELECT relations FROM documents"
	                                 " WHERE doc_key = 'guid:b '"), 5);
	ok(erg_store_check(st, &problems, &ei));
	assert_int_equal(problems.len, 0);

	/* once it is over, relations cannot be set as if it were not */
	{
		erg_doc *d = mkdoc("c", TEXT_A);

		ok(erg_store_batch_begin(st, v2, &ei));
		assert_int_equal(erg_store_set_relations(st, d, r.lx, NULL, 0, &ei),
		                 ERG_ESTORE);
		erg_store_batch_abort(st);
		erg_doc_free(d);
	}

	erg_buf_free(&problems);
	free(before);
	free(after);
	erg_vec_free(&r.found);
	erg_lexicon_free(r.lx);
	erg_store_free(st);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, sfix_setup, sfix_teardown)
	const struct CMUnitTest tests[] = {
		T(open_creates_or_fails),
		T(refuses_other_files),
		T(migrates_version_1),
		T(batch_commit_stores),
		T(batch_abort_stores_nothing),
		T(graph_matches_extraction),
		T(check_finds_damage),
		T(stats_summary),
		T(reextract_new_lexicon),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
