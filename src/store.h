/* store.h - the persistent store: an SQLite database of documents (with
 * their text), entities with the names seen for them, and relations with
 * their evidence, so that daily polls add only what is new and figures
 * are drawn without re-reading the archive.  See docs/store.md. */
#ifndef ERG_STORE_H
#define ERG_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "extract.h"
#include "graph.h"
#include "ingest.h"
#include "lexicon.h"

/* The schema version this build writes; older stores are migrated when
 * opened, newer ones refused. */
#define ERG_STORE_SCHEMA 2

typedef struct erg_store erg_store;

/* Open the store at path, creating it when create is set (and the file
 * does not exist), and migrate its schema.  Fails with ERG_ESTORE (ei
 * says why) for a file that is not an ergraph store or is newer than
 * this build. */
erg_err erg_store_open(const char *path, int create, erg_store **out,
                       erg_errinfo *ei);
/* Close; an unfinished batch is rolled back. */
void erg_store_free(erg_store *st);

/* A batch is one transaction: documents added in it are all stored by
 * erg_store_batch_commit or none are. lexver is the lexicon version
 * (erg_lexicon_version) the relations come from. */
erg_err erg_store_batch_begin(erg_store *st, const char *lexver,
                              erg_errinfo *ei);
/* Commit; *docs and *rels (may be NULL) get what the batch added. */
erg_err erg_store_batch_commit(erg_store *st, size_t *docs, size_t *rels,
                               erg_errinfo *ei);
void erg_store_batch_abort(erg_store *st);

/* What identifies a document in the store: the SHA-256 of its text, and
 * its id (guid or URL; the text's hash when it has neither, so that a
 * text cannot pass for another through a weak hash of the id). */
typedef struct {
	char text[2 * 32 + 1];  /* hex SHA-256 of doc->text */
	char key[2 * 32 + 8];   /* "sha256:" and that, when id_from_text */
	const char *id;         /* doc->id, or key */
} erg_store_ident;

/* Compute doc's identity; it holds a pointer to doc->id. */
void erg_store_identify(const erg_doc *doc, erg_store_ident *ident);

/* *has = 1 if a document with the same id or the same text is stored. */
erg_err erg_store_has(erg_store *st, const erg_store_ident *ident, int *has,
                      erg_errinfo *ei);

/* Add doc (identified by ident, from erg_store_identify on doc) and its
 * relations (f[0..n), all of them, negated and hedged ones too, with names
 * from lx) to the open batch. */
erg_err erg_store_add(erg_store *st, const erg_doc *doc,
                      const erg_store_ident *ident, const erg_lexicon *lx,
                      const erg_found *f, size_t n, erg_errinfo *ei);

/* Merge the asserted relations into g, documents in the order stored,
 * from one consistent snapshot. */
erg_err erg_store_graph(erg_store *st, erg_graph *g, erg_errinfo *ei);

/* Append a readable summary: counts by entity type, relation, source and
 * month. */
erg_err erg_store_stats(erg_store *st, erg_buf *out, erg_errinfo *ei);

/* Check the store in one snapshot: SQLite's integrity and foreign-key
 * checks, and that each document's and batch's counts match the rows
 * stored.  Appends one line per problem to problems; fails with
 * ERG_ESTORE when there is any. */
erg_err erg_store_check(erg_store *st, erg_buf *problems, erg_errinfo *ei);

/* Re-extraction: erg_store_reextract runs fn over every stored document
 * in order, inside one transaction that first drops every relation and
 * alias; fn adds the new relations with erg_store_set_relations.  Unless
 * all of it succeeds, the old relations stay. */
typedef erg_err (*erg_store_doc_fn)(void *arg, erg_store *st,
                                    const erg_doc *doc);
erg_err erg_store_reextract(erg_store *st, const char *lexver,
                            erg_store_doc_fn fn, void *arg, size_t *docs,
                            size_t *rels, erg_errinfo *ei);
/* Inside fn: store doc's new relations. */
erg_err erg_store_set_relations(erg_store *st, const erg_doc *doc,
                                const erg_lexicon *lx, const erg_found *f,
                                size_t n, erg_errinfo *ei);

#endif
