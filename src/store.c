/* store.c - the SQLite store.  Only this module calls SQLite. */
#include "store.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "sha256.h"

/* 'ERG1': tells an ergraph store from any other SQLite file. */
#define APP_ID 0x45524731

/* Each step takes a store from version i to i + 1, in one transaction
 * with the user_version update, so a store is never half-migrated. */
static const char *const migrations[ERG_STORE_SCHEMA] = {
	/* 0 -> 1: documents, entities, relations, batches */
	"CREATE TABLE batches("
	" id INTEGER PRIMARY KEY,"
	" started TEXT NOT NULL,"
	" lexicon TEXT NOT NULL,"
	" documents INTEGER NOT NULL DEFAULT 0,"
	" relations INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE documents("
	" id INTEGER PRIMARY KEY,"
	" doc_key TEXT NOT NULL UNIQUE,"
	" text_hash TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" source TEXT, title TEXT, url TEXT, date TEXT,"
	" relations INTEGER NOT NULL,"
	" lexicon TEXT NOT NULL,"
	" batch INTEGER NOT NULL REFERENCES batches(id));"
	"CREATE INDEX documents_batch ON documents(batch);"
	/* texts apart: counting and listing documents need not page
	 * through every article */
	"CREATE TABLE texts("
	" doc INTEGER PRIMARY KEY REFERENCES documents(id),"
	" text TEXT NOT NULL);"
	"CREATE TABLE entities("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" country TEXT NOT NULL DEFAULT '',"
	" UNIQUE(name, type));"
	"CREATE TABLE relations("
	" id INTEGER PRIMARY KEY,"
	" doc INTEGER NOT NULL REFERENCES documents(id),"
	" subject INTEGER NOT NULL REFERENCES entities(id),"
	" relation TEXT NOT NULL,"
	" object INTEGER NOT NULL REFERENCES entities(id),"
	" polarity TEXT NOT NULL,"
	" modality TEXT NOT NULL,"
	" start INTEGER NOT NULL,"
	" end INTEGER NOT NULL,"
	" sentence TEXT NOT NULL,"
	" rule TEXT NOT NULL,"
	" confidence REAL NOT NULL);"
	"CREATE INDEX relations_doc ON relations(doc);",
	/* 1 -> 2: the names each entity is written as; every key a document
	 * is known by (its own, and those of duplicates dropped for it) */
	"CREATE TABLE aliases("
	" entity INTEGER NOT NULL REFERENCES entities(id),"
	" alias TEXT NOT NULL,"
	" PRIMARY KEY(entity, alias)) WITHOUT ROWID;"
	"CREATE TABLE doc_keys("
	" key TEXT PRIMARY KEY,"
	" doc INTEGER NOT NULL REFERENCES documents(id)) WITHOUT ROWID;"
	"INSERT INTO doc_keys SELECT doc_key, id FROM documents;",
};

enum {
	Q_HAS,
	Q_ADD_DOC,
	Q_ADD_ENT,
	Q_FIND_ENT,
	Q_ADD_REL,
	Q_ADD_ALIAS,
	Q_ADD_BATCH,
	Q_END_BATCH,
	Q_SET_DOC,
	Q_ADD_TEXT,
	Q_ADD_KEY,
	Q_KEY_TEXT,
	NQ
};

static const char *const queries[NQ] = {
	[Q_HAS] = "SELECT 1 FROM doc_keys WHERE key = ?1"
	          " UNION ALL SELECT 2 FROM documents WHERE text_hash = ?2"
	          " LIMIT 1",
	[Q_ADD_KEY] = "INSERT OR IGNORE INTO doc_keys(key, doc) VALUES(?1, ?2)",
	[Q_KEY_TEXT] = "INSERT OR IGNORE INTO doc_keys(key, doc)"
	               " SELECT ?1, id FROM documents WHERE text_hash = ?2",
	[Q_ADD_DOC] = "INSERT INTO documents(doc_key, text_hash, name, source,"
	              " title, url, date, relations, lexicon, batch)"
	              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[Q_ADD_TEXT] = "INSERT INTO texts(doc, text) VALUES(?1, ?2)",
	/* the lexicon in use knows an entity's country best */
	[Q_ADD_ENT] = "INSERT INTO entities(name, type, country) VALUES(?1, ?2, ?3)"
	              " ON CONFLICT(name, type) DO UPDATE SET country = ?3"
	              " WHERE country != ?3",
	[Q_FIND_ENT] = "SELECT id FROM entities WHERE name = ?1 AND type = ?2",
	[Q_ADD_REL] = "INSERT INTO relations(doc, subject, relation, object,"
	              " polarity, modality, start, end, sentence, rule,"
	              " confidence)"
	              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[Q_ADD_ALIAS] = "INSERT OR IGNORE INTO aliases(entity, alias) VALUES(?1, ?2)",
	[Q_ADD_BATCH] = "INSERT INTO batches(started, lexicon) VALUES(?1, ?2)",
	[Q_END_BATCH] = "UPDATE batches SET documents = documents + ?2,"
	                " relations = relations + ?3 WHERE id = ?1",
	[Q_SET_DOC] = "UPDATE documents SET relations = ?2, lexicon = ?3"
	              " WHERE id = ?1",
};

struct erg_store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *q[NQ];
	int in_tx;
	int64_t batch;         /* rowid of the open batch */
	char lexver[ERG_STORE_VERSION_SIZE];
	size_t docs, rels;     /* added in the open batch */
	/* entity rowids by lexicon index (0: not looked up), valid for one
	 * lexicon within one transaction */
	const erg_lexicon *cache_lx;
	erg_vec ents;          /* int64_t */
	int64_t cur_doc;       /* reextract: the document fn is given */
	/* (entity, alias) pairs added in this transaction, direct-mapped:
	 * an article names the same entity the same way again and again */
	uint64_t alias_seen[4096];
};

static erg_err fail(erg_store *st, erg_errinfo *ei)
{
	int rc = st->db ? sqlite3_errcode(st->db) & 0xff : SQLITE_CANTOPEN;

	/* SQLite's words for these do not say what to do about them */
	if (rc == SQLITE_BUSY)
		return erg_fail(ei, ERG_ESTORE, st->path, 0,
		                "store in use by another ingest (waited 30 s)");
	if (rc == SQLITE_READONLY)
		return erg_fail(ei, ERG_ESTORE, st->path, 0,
		                "store is read-only (it needs write access to its "
		                "file and folder)");
	return erg_fail(ei, ERG_ESTORE, st->path, 0,
	                st->db ? sqlite3_errmsg(st->db) : "cannot open");
}

static erg_err fail_msg(erg_store *st, erg_errinfo *ei, const char *msg)
{
	return erg_fail(ei, ERG_ESTORE, st->path, 0, msg);
}

/* Opening: a file that is no database at all is not a store either. */
static erg_err fail_open(erg_store *st, erg_errinfo *ei)
{
	if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB)
		return fail_msg(st, ei, "not an ergraph store");
	return fail(st, ei);
}

static int exec(erg_store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* SQL erg_sha256(X): the hex SHA-256 of X's bytes, as text_hash holds. */
static void sql_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned char d[ERG_SHA256_SIZE];
	char hex[2 * ERG_SHA256_SIZE + 1];

	(void)argc;
	erg_sha256(sqlite3_value_blob(argv[0]),
	           (size_t)sqlite3_value_bytes(argv[0]), d);
	erg_sha256_hex(d, ERG_SHA256_SIZE, hex);
	sqlite3_result_text(ctx, hex, -1, SQLITE_TRANSIENT);
}

/* One integer from a query with no parameters, or -1. */
static int64_t query_int(erg_store *st, const char *sql)
{
	sqlite3_stmt *q;
	int64_t v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static erg_err migrate(erg_store *st, int create, erg_errinfo *ei)
{
	int64_t ver, app, nobj;
	char sql[64];
	erg_err e = ERG_OK;

	/* a store that is up to date is only read: a reader must not wait
	 * for the write lock an ingest holds through its batch */
	if (query_int(st, "PRAGMA application_id") == APP_ID &&
	    query_int(st, "PRAGMA user_version") == ERG_STORE_SCHEMA)
		return ERG_OK;
	/* BEGIN IMMEDIATE: two first runs must not both create the tables */
	if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
		return fail_open(st, ei);
	ver = query_int(st, "PRAGMA user_version");
	app = query_int(st, "PRAGMA application_id");
	nobj = query_int(st, "SELECT count(*) FROM sqlite_schema");
	if (ver < 0 || app < 0 || nobj < 0) {
		e = fail_open(st, ei);
		goto out;
	}
	if ((app != APP_ID && (app != 0 || nobj != 0)) ||
	    (app == 0 && ver != 0) || (!create && app != APP_ID)) {
		e = fail_msg(st, ei, "not an ergraph store");
		goto out;
	}
	if (ver > ERG_STORE_SCHEMA) {
		snprintf(sql, sizeof sql, "store schema %" PRId64
		         " is newer than this ergraph (%d)", ver, ERG_STORE_SCHEMA);
		e = fail_msg(st, ei, sql);
		goto out;
	}
	for (int64_t v = ver; v < ERG_STORE_SCHEMA; v++)
		if (exec(st, migrations[v]) != SQLITE_OK) {
			e = fail(st, ei);
			goto out;
		}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", ERG_STORE_SCHEMA);
	if (ver != ERG_STORE_SCHEMA &&
	    (exec(st, sql) != SQLITE_OK ||
	     exec(st, "PRAGMA application_id = 1163020081") != SQLITE_OK))
		e = fail(st, ei);
out:
	if (e)
		exec(st, "ROLLBACK");
	else if (exec(st, "COMMIT") != SQLITE_OK)
		e = fail(st, ei);
	return e;
}

_Static_assert(APP_ID == 1163020081, "application_id literal in migrate()");

erg_err erg_store_open(const char *path, int create, erg_store **out,
                       erg_errinfo *ei)
{
	erg_store *st = calloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	erg_err e = ERG_OK;

	struct stat sb;
	erg_buf name = ERG_BUF_INIT;

	*out = NULL;
	if (!st || !(st->path = erg_strndup(path, strlen(path)))) {
		free(st);
		return ERG_ENOMEM;
	}
	erg_vec_init(&st->ents, sizeof(int64_t));
	if (!*path) {
		e = fail_msg(st, ei, "empty store name");
		goto out;
	}
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		e = fail_msg(st, ei, "is a directory");
		goto out;
	}
	/* SQLite reads ":memory:" and "file:..." as special names; a store is
	 * always a file of that name */
	if ((e = erg_buf_printf(&name, "%s%s",
	                        path[0] == ':' || !strncmp(path, "file:", 5)
	                            ? "./" : "", path)))
		goto out;
	if (sqlite3_open_v2(name.data, &st->db, flags, NULL) != SQLITE_OK) {
		e = st->db && sqlite3_errcode(st->db) == SQLITE_CANTOPEN && !create
		        ? fail_msg(st, ei, "no such store")
		        : fail(st, ei);
		goto out;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (sqlite3_create_function_v2(st->db, "erg_sha256", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                               sql_sha256, NULL, NULL,
	                               NULL) != SQLITE_OK) {
		e = fail(st, ei);
		goto out;
	}
	/* a reader waits for a writer's commit rather than failing */
	sqlite3_busy_timeout(st->db, 30000);
	/* WAL: a figure can be drawn from the store while an ingest writes;
	 * NORMAL sync keeps every commit through a crash of the process */
	/* bigger pages hold an article in fewer overflow pages; only a new
	 * file takes it, before WAL; a larger cache keeps the indexes hot */
	if (exec(st, "PRAGMA page_size = 16384") != SQLITE_OK ||
	    exec(st, "PRAGMA cache_size = -32768") != SQLITE_OK ||
	    exec(st, "PRAGMA foreign_keys = ON") != SQLITE_OK) {
		e = fail_open(st, ei);
		goto out;
	}
	/* the file is ours (or new) before anything is written to it: WAL
	 * mode is stored in the file, and another program's database must
	 * come out of a refusal as it went in */
	if ((e = migrate(st, create, ei)))
		goto out;
	if (exec(st, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
	    exec(st, "PRAGMA synchronous = NORMAL") != SQLITE_OK) {
		e = fail(st, ei);
		goto out;
	}
	for (int i = 0; i < NQ; i++)
		if (sqlite3_prepare_v3(st->db, queries[i], -1,
		                       SQLITE_PREPARE_PERSISTENT, &st->q[i],
		                       NULL) != SQLITE_OK) {
			e = fail(st, ei);
			goto out;
		}
out:
	erg_buf_free(&name);
	if (e) {
		erg_store_free(st);
		return e;
	}
	*out = st;
	return ERG_OK;
}

void erg_store_free(erg_store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		exec(st, "ROLLBACK");
	for (int i = 0; i < NQ; i++)
		sqlite3_finalize(st->q[i]);
	sqlite3_close(st->db);
	erg_vec_free(&st->ents);
	free(st->path);
	free(st);
}

/* Run a prepared statement to its end and reset it; 0 on success. */
static int run(sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);

	sqlite3_reset(q);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : rc;
}

/* Bind text that may be NULL. */
static int bind_text(sqlite3_stmt *q, int i, const char *s, size_t n)
{
	if (!s)
		return sqlite3_bind_null(q, i);
	return sqlite3_bind_text64(q, i, s, n, SQLITE_STATIC, SQLITE_UTF8);
}

static int bind_str(sqlite3_stmt *q, int i, const char *s)
{
	return bind_text(q, i, s, s ? strlen(s) : 0);
}

static void forget_entities(erg_store *st)
{
	erg_vec_clear(&st->ents);
	st->cache_lx = NULL;
	memset(st->alias_seen, 0, sizeof st->alias_seen);
}

erg_err erg_store_batch_begin(erg_store *st, const char *lexver,
                              erg_errinfo *ei)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	if (st->in_tx)
		return fail_msg(st, ei, "a batch is already open");
	if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
		return fail(st, ei);
	st->in_tx = 1;
	forget_entities(st);
	snprintf(st->lexver, sizeof st->lexver, "%s", lexver);
	st->docs = st->rels = 0;
	if (!gmtime_r(&now, &tm) ||
	    !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(when, sizeof when, "unknown");
	bind_str(st->q[Q_ADD_BATCH], 1, when);
	bind_str(st->q[Q_ADD_BATCH], 2, st->lexver);
	if (run(st->q[Q_ADD_BATCH])) {
		erg_err e = fail(st, ei);

		erg_store_batch_abort(st);
		return e;
	}
	st->batch = sqlite3_last_insert_rowid(st->db);
	return ERG_OK;
}

static erg_err commit(erg_store *st, erg_errinfo *ei)
{
	erg_err e;

	if (exec(st, "COMMIT") != SQLITE_OK) {
		e = fail(st, ei);
		erg_store_batch_abort(st);
		return e;
	}
	st->in_tx = 0;
	forget_entities(st);
	return ERG_OK;
}

erg_err erg_store_batch_commit(erg_store *st, size_t *docs, size_t *rels,
                               erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_END_BATCH];
	erg_err e;

	if (!st->in_tx)
		return fail_msg(st, ei, "no batch is open");
	sqlite3_bind_int64(q, 1, st->batch);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)st->docs);
	sqlite3_bind_int64(q, 3, (sqlite3_int64)st->rels);
	if (run(q)) {
		e = fail(st, ei);
		erg_store_batch_abort(st);
		return e;
	}
	if ((e = commit(st, ei)))
		return e;
	if (docs)
		*docs = st->docs;
	if (rels)
		*rels = st->rels;
	return ERG_OK;
}

void erg_store_batch_abort(erg_store *st)
{
	if (st->in_tx)
		exec(st, "ROLLBACK");
	st->in_tx = 0;
	/* rowids handed out inside the transaction are gone */
	forget_entities(st);
}

erg_err erg_store_identify(const erg_doc *doc, erg_store_ident *ident)
{
	unsigned char d[ERG_SHA256_SIZE];
	erg_err e;

	erg_sha256(doc->text, doc->len, d);
	erg_sha256_hex(d, ERG_SHA256_SIZE, ident->text);
	ident->key = (erg_buf)ERG_BUF_INIT;
	e = erg_doc_key(doc, &ident->key);
	if (!e && ident->key.len == 0)
		e = erg_buf_printf(&ident->key, "text:%s", ident->text);
	if (e)
		erg_buf_free(&ident->key);
	return e;
}

void erg_store_ident_free(erg_store_ident *ident)
{
	erg_buf_free(&ident->key);
}

int erg_store_in_batch(const erg_store *st)
{
	return st->in_tx;
}

erg_err erg_store_has(erg_store *st, const erg_store_ident *ident, int *has,
                      erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_HAS];
	int rc;

	bind_text(q, 1, ident->key.data, ident->key.len);
	bind_str(q, 2, ident->text);
	rc = sqlite3_step(q);
	*has = rc == SQLITE_ROW
	           ? (sqlite3_column_int(q, 0) == 1 ? ERG_STORE_KNOWN
	                                             : ERG_STORE_SAME_TEXT)
	           : ERG_STORE_NEW;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, ei);
	return ERG_OK;
}

erg_err erg_store_add_key(erg_store *st, const erg_store_ident *ident,
                          erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_KEY_TEXT];

	if (!st->in_tx)
		return fail_msg(st, ei, "no batch is open");
	bind_text(q, 1, ident->key.data, ident->key.len);
	bind_str(q, 2, ident->text);
	return run(q) ? fail(st, ei) : ERG_OK;
}

/* The rowid of lexicon entity i, added to the store if new. */
static erg_err entity_id(erg_store *st, const erg_lexicon *lx, int32_t i,
                         int64_t *id, erg_errinfo *ei)
{
	const erg_entity *en;
	int64_t *slot;

	if (st->cache_lx != lx) {
		erg_vec_clear(&st->ents);
		st->cache_lx = lx;
	}
	while (st->ents.len <= (size_t)i)
		if (!(slot = erg_vec_push(&st->ents)))
			return ERG_ENOMEM;
		else
			*slot = 0;
	slot = (int64_t *)st->ents.data + i;
	if (*slot) {
		*id = *slot;
		return ERG_OK;
	}
	en = erg_lexicon_entity(lx, (size_t)i);
	bind_str(st->q[Q_ADD_ENT], 1, en->name);
	bind_str(st->q[Q_ADD_ENT], 2, erg_etype_name(en->type));
	bind_str(st->q[Q_ADD_ENT], 3, en->country);
	bind_str(st->q[Q_FIND_ENT], 1, en->name);
	bind_str(st->q[Q_FIND_ENT], 2, erg_etype_name(en->type));
	if (run(st->q[Q_ADD_ENT]) ||
	    sqlite3_step(st->q[Q_FIND_ENT]) != SQLITE_ROW) {
		sqlite3_reset(st->q[Q_FIND_ENT]);
		return fail(st, ei);
	}
	*id = *slot = sqlite3_column_int64(st->q[Q_FIND_ENT], 0);
	sqlite3_reset(st->q[Q_FIND_ENT]);
	return ERG_OK;
}

static erg_err add_alias(erg_store *st, int64_t ent, const char *text,
                         size_t off, size_t len, erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_ADD_ALIAS];
	uint64_t k = UINT64_C(0xcbf29ce484222325) ^
	             ((uint64_t)ent * UINT64_C(0x9e3779b97f4a7c15));
	uint64_t *slot;

	if (!len)
		return ERG_OK;
	for (size_t i = 0; i < len; i++)
		k = (k ^ (unsigned char)text[off + i]) * UINT64_C(0x100000001b3);
	k |= 1; /* 0 marks an empty slot */
	slot = &st->alias_seen[k % 4096];
	if (*slot == k)
		return ERG_OK;
	*slot = k;
	sqlite3_bind_int64(q, 1, ent);
	bind_text(q, 2, text + off, len);
	return run(q) ? fail(st, ei) : ERG_OK;
}

static erg_err add_relations(erg_store *st, int64_t docrow,
                             const erg_doc *doc, const erg_lexicon *lx,
                             const erg_found *f, size_t n, erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_ADD_REL];
	erg_err e;

	for (size_t i = 0; i < n; i++) {
		int64_t s, o;

		if ((e = entity_id(st, lx, f[i].r.subj, &s, ei)) ||
		    (e = entity_id(st, lx, f[i].r.obj, &o, ei)) ||
		    (e = add_alias(st, s, doc->text, f[i].subj_off, f[i].subj_len,
		                   ei)) ||
		    (e = add_alias(st, o, doc->text, f[i].obj_off, f[i].obj_len,
		                   ei)))
			return e;
		sqlite3_bind_int64(q, 1, docrow);
		sqlite3_bind_int64(q, 2, s);
		bind_str(q, 3, erg_rel_name(f[i].r.rel));
		sqlite3_bind_int64(q, 4, o);
		bind_str(q, 5, f[i].r.negative ? "negative" : "positive");
		bind_str(q, 6, f[i].r.hedged ? "hedged" : "asserted");
		sqlite3_bind_int64(q, 7, (sqlite3_int64)f[i].start);
		sqlite3_bind_int64(q, 8, (sqlite3_int64)f[i].end);
		bind_text(q, 9, doc->text + f[i].start, f[i].end - f[i].start);
		bind_str(q, 10, f[i].r.rule ? f[i].r.rule : "");
		sqlite3_bind_double(q, 11, (double)f[i].r.confidence);
		if (run(q))
			return fail(st, ei);
	}
	st->rels += n;
	return ERG_OK;
}

erg_err erg_store_add(erg_store *st, const erg_doc *doc,
                      const erg_store_ident *ident, const erg_lexicon *lx,
                      const erg_found *f, size_t n, erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_ADD_DOC];
	int64_t row;

	if (!st->in_tx)
		return fail_msg(st, ei, "no batch is open");
	bind_text(q, 1, ident->key.data, ident->key.len);
	bind_str(q, 2, ident->text);
	bind_str(q, 3, doc->name);
	bind_str(q, 4, doc->source);
	bind_str(q, 5, doc->title);
	bind_str(q, 6, doc->url);
	bind_str(q, 7, doc->date);
	sqlite3_bind_int64(q, 8, (sqlite3_int64)n);
	bind_str(q, 9, st->lexver);
	sqlite3_bind_int64(q, 10, st->batch);
	if (run(q))
		return fail(st, ei);
	row = sqlite3_last_insert_rowid(st->db);
	sqlite3_bind_int64(st->q[Q_ADD_TEXT], 1, row);
	bind_text(st->q[Q_ADD_TEXT], 2, doc->text, doc->len);
	if (run(st->q[Q_ADD_TEXT]))
		return fail(st, ei);
	bind_text(st->q[Q_ADD_KEY], 1, ident->key.data, ident->key.len);
	sqlite3_bind_int64(st->q[Q_ADD_KEY], 2, row);
	if (run(st->q[Q_ADD_KEY]))
		return fail(st, ei);
	st->docs++;
	return add_relations(st, row, doc, lx, f, n, ei);
}

/* Column i as text, or NULL. */
static const char *col(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

erg_err erg_store_graph(erg_store *st, erg_graph *g, erg_errinfo *ei)
{
	static const char sql[] =
		"SELECT d.id, d.name, d.title, d.url, d.date,"
		" s.name, s.type, s.country, r.relation,"
		" o.name, o.type, o.country, r.sentence, r.start, r.end"
		" FROM relations r JOIN documents d ON d.id = r.doc"
		" JOIN entities s ON s.id = r.subject"
		" JOIN entities o ON o.id = r.object"
		" WHERE r.polarity = 'positive' AND r.modality = 'asserted'"
		" ORDER BY r.doc, r.id";
	sqlite3_stmt *q = NULL;
	int64_t cur = 0;
	size_t idx = 0;
	erg_err e = ERG_OK;
	int rc;

	/* one statement reads one snapshot, whatever an ingest commits */
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return fail(st, ei);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t d = sqlite3_column_int64(q, 0);
		int st_type = erg_etype_parse(col(q, 6));
		int ot_type = erg_etype_parse(col(q, 10));
		int rel = erg_rel_parse(col(q, 8));
		erg_graph_rel r;

		if (st_type < 0 || ot_type < 0 || rel < 0 || !col(q, 1) ||
		    !col(q, 5) || !col(q, 9) || !col(q, 12)) {
			e = fail_msg(st, ei, "damaged relation row");
			goto out;
		}
		if (d != cur) {
			if ((e = erg_graph_add_doc(g, col(q, 1), &idx)) ||
			    (e = erg_graph_doc_meta(g, idx, col(q, 2), col(q, 3),
			                            col(q, 4))))
				goto out;
			cur = d;
		}
		memset(&r, 0, sizeof r);
		r.subj = col(q, 5);
		r.subj_type = (erg_etype)st_type;
		r.subj_country = col(q, 7);
		r.rel = (erg_rel)rel;
		r.obj = col(q, 9);
		r.obj_type = (erg_etype)ot_type;
		r.obj_country = col(q, 11);
		r.doc = idx;
		r.sentence = col(q, 12);
		r.sentence_len = (size_t)sqlite3_column_bytes(q, 12);
		r.start = (size_t)sqlite3_column_int64(q, 13);
		r.end = (size_t)sqlite3_column_int64(q, 14);
		if ((e = erg_graph_add_rel(g, &r)))
			goto out;
	}
	if (rc != SQLITE_DONE)
		e = fail(st, ei);
out:
	sqlite3_finalize(q);
	return e;
}

/* Append "title" then one "  count  key" line per row of sql (two
 * columns: a key and a count). */
static erg_err section(erg_store *st, erg_buf *out, const char *title,
                       const char *sql, erg_errinfo *ei)
{
	sqlite3_stmt *q;
	erg_err e = ERG_OK;
	int rc, rows = 0;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return fail(st, ei);
	if ((e = erg_buf_printf(out, "\n%s\n", title)))
		goto out;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *k = col(q, 0);

		rows++;
		if ((e = erg_buf_printf(out, "  %8lld  %s\n",
		                        (long long)sqlite3_column_int64(q, 1),
		                        k ? k : "(none)")))
			goto out;
	}
	if (rc != SQLITE_DONE)
		e = fail(st, ei);
	else if (!rows)
		e = erg_buf_puts(out, "  (none)\n");
out:
	sqlite3_finalize(q);
	return e;
}

erg_err erg_store_stats(erg_store *st, erg_buf *out, erg_errinfo *ei)
{
	erg_err e = ERG_OK;

	static const char *const counts[6] = {
		"SELECT count(*) FROM documents", "SELECT count(*) FROM batches",
		"SELECT count(*) FROM entities", "SELECT count(*) FROM aliases",
		"SELECT count(*) FROM relations",
		"SELECT count(*) FROM relations WHERE polarity = 'positive'"
		" AND modality = 'asserted'"};
	long long n[6];

	if (exec(st, "BEGIN") != SQLITE_OK)
		return fail(st, ei);
	for (int i = 0; i < 6; i++)
		if ((n[i] = query_int(st, counts[i])) < 0) {
			e = fail(st, ei);
			goto out;
		}
	if ((e = erg_buf_printf(
		     out,
		     "store: %s (schema %d)\n"
		     "documents: %lld in %lld batches\n"
		     "entities: %lld (%lld names)\n"
		     "relations: %lld (%lld asserted; negated and hedged ones "
		     "are kept, never drawn)\n",
		     st->path, ERG_STORE_SCHEMA, n[0], n[1], n[2], n[3], n[4],
		     n[5])) ||
	    (e = section(st, out, "entities by type:",
	                 "SELECT type, count(*) FROM entities GROUP BY type"
	                 " ORDER BY type", ei)) ||
	    (e = section(st, out, "asserted relations by relation:",
	                 "SELECT relation, count(*) FROM relations"
	                 " WHERE polarity = 'positive' AND modality = 'asserted'"
	                 " GROUP BY relation ORDER BY relation", ei)) ||
	    (e = section(st, out, "documents by source:",
	                 "SELECT source, count(*) FROM documents GROUP BY source"
	                 " ORDER BY count(*) DESC, source LIMIT 50", ei)) ||
	    (e = section(st, out, "documents by month:",
	                 "SELECT coalesce(substr(date, 1, 7), 'undated'),"
	                 " count(*) FROM documents GROUP BY 1 ORDER BY 1", ei)) ||
	    (e = section(st, out, "lexicon versions:",
	                 "SELECT lexicon, count(*) FROM documents GROUP BY 1"
	                 " ORDER BY 1", ei)))
		goto out;
out:
	exec(st, "COMMIT");
	return e;
}

/* Append every text row of sql as a problem line; returns how many. */
static long problems_of(erg_store *st, const char *sql, const char *skip,
                        erg_buf *problems)
{
	sqlite3_stmt *q;
	long n = 0;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) {
		erg_buf_printf(problems, "%s\n", sqlite3_errmsg(st->db));
		return 1;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *t = col(q, 0);

		if (skip && t && strcmp(t, skip) == 0)
			continue;
		n++;
		erg_buf_printf(problems, "%s\n", t ? t : "(null)");
	}
	if (rc != SQLITE_DONE) {
		n++;
		erg_buf_printf(problems, "%s\n", sqlite3_errmsg(st->db));
	}
	sqlite3_finalize(q);
	return n;
}

erg_err erg_store_check(erg_store *st, erg_buf *problems, erg_errinfo *ei)
{
	long n = 0;

	if (exec(st, "BEGIN") != SQLITE_OK)
		return fail(st, ei);
	n += problems_of(st, "PRAGMA integrity_check", "ok", problems);
	n += problems_of(st,
	                 "SELECT 'foreign key: ' || \"table\""
	                 " || coalesce(' row ' || rowid, '') || ' -> ' || parent"
	                 " FROM pragma_foreign_key_check",
	                 NULL, problems);
	n += problems_of(st,
	                 "SELECT 'document ' || d.id || ' counts ' || d.relations"
	                 " || ' relations, holds ' || count(r.id)"
	                 " FROM documents d LEFT JOIN relations r ON r.doc = d.id"
	                 " GROUP BY d.id HAVING count(r.id) != d.relations",
	                 NULL, problems);
	n += problems_of(st,
	                 "SELECT 'document ' || d.id || ' has no text'"
	                 " FROM documents d LEFT JOIN texts t ON t.doc = d.id"
	                 " WHERE t.doc IS NULL",
	                 NULL, problems);
	n += problems_of(st,
	                 "SELECT 'batch ' || b.id || ' counts ' || b.documents"
	                 " || ' documents, holds ' || count(d.id)"
	                 " FROM batches b LEFT JOIN documents d ON d.batch = b.id"
	                 " GROUP BY b.id HAVING count(d.id) != b.documents",
	                 NULL, problems);
	/* each text against the hash it was stored under: damage inside a
	 * text page passes SQLite's own check */
	n += problems_of(st,
	                 "SELECT 'document ' || d.id || ': text does not match"
	                 " its hash' FROM documents d JOIN texts t ON t.doc = d.id"
	                 " WHERE d.text_hash != erg_sha256(t.text)",
	                 NULL, problems);
	exec(st, "COMMIT");
	if (n) {
		char msg[64];

		snprintf(msg, sizeof msg, "%ld problem%s found", n,
		         n == 1 ? "" : "s");
		return fail_msg(st, ei, msg);
	}
	return ERG_OK;
}

erg_err erg_store_reextract(erg_store *st, const char *lexver,
                            erg_store_doc_fn fn, void *arg, size_t *docs,
                            size_t *rels, erg_errinfo *ei)
{
	static const char sql[] =
		"SELECT d.id, d.name, d.doc_key, d.source, d.title, d.url, d.date,"
		" t.text FROM documents d JOIN texts t ON t.doc = d.id"
		" ORDER BY d.id";
	sqlite3_stmt *q = NULL;
	erg_err e;
	int rc;

	if ((e = erg_store_batch_begin(st, lexver, ei)))
		return e;
	if (exec(st, "DELETE FROM aliases") != SQLITE_OK ||
	    exec(st, "DELETE FROM relations") != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) {
		e = fail(st, ei);
		goto out;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		erg_doc d;

		/* the row's text lives until the next step: fn must not keep it */
		memset(&d, 0, sizeof d);
		d.name = (char *)col(q, 1);
		d.id = (char *)col(q, 2);
		d.source = (char *)col(q, 3);
		d.title = (char *)col(q, 4);
		d.url = (char *)col(q, 5);
		d.date = (char *)col(q, 6);
		d.text = (char *)col(q, 7);
		d.len = (size_t)sqlite3_column_bytes(q, 7);
		if (!d.name || !d.id || !d.text) {
			e = fail_msg(st, ei, "damaged document row");
			goto out;
		}
		st->cur_doc = sqlite3_column_int64(q, 0);
		if ((e = fn(arg, st, &d)))
			goto out;
		st->docs++;
	}
	if (rc != SQLITE_DONE) {
		e = fail(st, ei);
		goto out;
	}
	sqlite3_finalize(q);
	q = NULL;
	/* entities no relation names any more go, with their names */
	if (exec(st, "DELETE FROM entities WHERE id NOT IN"
	             " (SELECT subject FROM relations UNION"
	             " SELECT object FROM relations)") != SQLITE_OK) {
		e = fail(st, ei);
		goto out;
	}
	if (docs)
		*docs = st->docs;
	if (rels)
		*rels = st->rels;
	/* the batch records the re-extraction; the documents keep theirs */
	st->docs = 0;
	st->cur_doc = 0;
	return erg_store_batch_commit(st, NULL, NULL, ei);
out:
	st->cur_doc = 0;
	sqlite3_finalize(q);
	erg_store_batch_abort(st);
	return e;
}

erg_err erg_store_set_relations(erg_store *st, const erg_doc *doc,
                                const erg_lexicon *lx, const erg_found *f,
                                size_t n, erg_errinfo *ei)
{
	sqlite3_stmt *q = st->q[Q_SET_DOC];

	if (!st->in_tx || !st->cur_doc)
		return fail_msg(st, ei, "not re-extracting");
	sqlite3_bind_int64(q, 1, st->cur_doc);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)n);
	bind_str(q, 3, st->lexver);
	if (run(q))
		return fail(st, ei);
	return add_relations(st, st->cur_doc, doc, lx, f, n, ei);
}
