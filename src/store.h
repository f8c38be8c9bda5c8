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

/* Room for the version of what extracted the relations: the lexicon's
 * (erg_lexicon_version) and any setting that changes the result. */
#define ERG_STORE_VERSION_SIZE 48

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
 * a key in one of three name spaces, so that no id can pass for another
 * kind: "url:URL" when the id is the article's URL, "guid:GUID URL" for a
 * feed's own guid (guids are only unique with their link), "text:SHA" when
 * the document has neither. */
typedef struct {
	char text[2 * 32 + 1];  /* hex SHA-256 of doc->text */
	erg_buf key;
} erg_store_ident;

/* Compute doc's identity; free it with erg_store_ident_free. */
erg_err erg_store_identify(const erg_doc *doc, erg_store_ident *ident);
void erg_store_ident_free(erg_store_ident *ident);

enum {
	ERG_STORE_NEW,       /* neither the key nor the text is stored */
	ERG_STORE_KNOWN,     /* the key is */
	ERG_STORE_SAME_TEXT  /* only the text is, under another key */
};

/* Look the document up: *has is one of the above.  Read only. */
erg_err erg_store_has(erg_store *st, const erg_store_ident *ident, int *has,
                      erg_errinfo *ei);

/* In a batch, after ERG_STORE_SAME_TEXT: remember the key for the stored
 * document with that text, as a run remembers the id of a duplicate it
 * drops, so that the same feed item arriving later with other text is
 * still the same article. */
erg_err erg_store_add_key(erg_store *st, const erg_store_ident *ident,
                          erg_errinfo *ei);

/* Whether a batch is open. */
int erg_store_in_batch(const erg_store *st);

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
