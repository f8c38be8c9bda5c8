/* graph.h - the merged entity graph: one node per canonical entity, one
 * edge per (subject, relation, object), with counts and evidence. */
#ifndef ERG_GRAPH_H
#define ERG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "extract.h"
#include "lexicon.h"

/* Evidence kept per edge (the count goes on beyond it). */
#define ERG_EVIDENCE_MAX 16
/* Longest evidence sentence kept, in bytes (cut at a UTF-8 boundary). */
#define ERG_EVIDENCE_CHARS 400

typedef struct {
	size_t doc;       /* index into the graph's documents */
	char *sentence;   /* the sentence, trimmed to ERG_EVIDENCE_CHARS */
	size_t start, end;
} erg_evidence;

typedef struct {
	char *name;
	erg_etype type;
	char country[4];
	size_t count;     /* relations the node takes part in */
} erg_node;

typedef struct {
	size_t from, to;  /* node indexes */
	erg_rel rel;
	size_t count;     /* sentences asserting it */
	erg_vec evidence; /* erg_evidence */
} erg_edge;

typedef struct erg_graph erg_graph;

erg_graph *erg_graph_new(void);
void erg_graph_free(erg_graph *g);

/* A document the graph's evidence comes from. */
typedef struct {
	char *name;              /* input name, as in extract's "doc" */
	char *title, *url, *date; /* or NULL */
} erg_graph_docinfo;

/* Register a document; its index goes into *idx. */
erg_err erg_graph_add_doc(erg_graph *g, const char *name, size_t *idx);
/* Record what is known of document idx (any argument may be NULL). */
erg_err erg_graph_doc_meta(erg_graph *g, size_t idx, const char *title,
                           const char *url, const char *date);
const erg_graph_docinfo *erg_graph_docinfo_at(const erg_graph *g, size_t i);
/* One relation to merge, named rather than by lexicon index, so that
 * graphs can be built from saved extract output too. */
typedef struct {
	const char *subj, *subj_country;  /* country may be NULL */
	erg_etype subj_type;
	erg_rel rel;
	const char *obj, *obj_country;
	erg_etype obj_type;
	uint8_t negative, hedged;
	size_t doc;                       /* from erg_graph_add_doc */
	const char *sentence;             /* evidence, sentence_len bytes */
	size_t sentence_len, start, end;
} erg_graph_rel;

/* Merge one relation.  Negated and hedged relations are not facts and
 * are not added. */
erg_err erg_graph_add_rel(erg_graph *g, const erg_graph_rel *r);

/* Merge one relation found in document idx (text is the document text);
 * the same as erg_graph_add_rel with the lexicon's names. */
erg_err erg_graph_add(erg_graph *g, const erg_lexicon *lx, size_t idx,
                      const char *text, const erg_found *f);
/* Put nodes and edges in a canonical order (type, then name), so that
 * output does not depend on input order. */
void erg_graph_sort(erg_graph *g);

/* What to keep of a graph (zero fields keep everything). */
typedef struct {
	const char *entity;     /* keep this entity's neighbourhood ... */
	unsigned hops;          /* ... within this many edges (default 1) */
	unsigned rels;          /* bit r: keep relation r; 0 = all */
	unsigned types;         /* bit t: keep entities of type t; 0 = all */
	const char *since;      /* keep edges with evidence dated on or after */
	const char *until;      /* ... or on or before (ISO dates compared as
	                         * text, so "2025-07" works as a prefix) */
	size_t min_count;       /* keep edges asserted at least this often */
} erg_filter;

/* Remove what the filter leaves out; entities left without an edge go
 * too.  Fails with ERG_EINVAL if filter->entity names no entity. */
erg_err erg_graph_filter(erg_graph *g, const erg_filter *filter);

size_t erg_graph_nnodes(const erg_graph *g);
size_t erg_graph_nedges(const erg_graph *g);
size_t erg_graph_ndocs(const erg_graph *g);
const erg_node *erg_graph_node(const erg_graph *g, size_t i);
const erg_edge *erg_graph_edge(const erg_graph *g, size_t i);
const char *erg_graph_doc(const erg_graph *g, size_t i);

#endif
