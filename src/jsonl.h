/* jsonl.h - read what `extract --format jsonl` wrote back into a graph, so
 * that saved extractions can be merged and drawn without the articles. */
#ifndef ERG_JSONL_H
#define ERG_JSONL_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "graph.h"

/* Longest line accepted, in bytes, line break not counted. */
#define ERG_JSONL_LINE_MAX ((size_t)1 << 20)

/* Merge every line of f into g.  A line is one JSON object with the
 * strings doc, subject, subject_type, relation, object, object_type,
 * polarity ("positive"/"negative"), modality ("asserted"/"hedged") and
 * sentence, the integers start <= end, and optionally doc_id, title, url,
 * date, subject_country and object_country (string or null; a country
 * has at most 3 bytes); other members (rule, confidence) are ignored.
 * Blank lines are skipped; CRLF is accepted.
 *
 * Negated and hedged lines are checked, then skipped: they are not facts.
 * A document enters g with its first asserted relation, once (also across
 * calls, matching documents g already has by name), with the title, url
 * and date of its lines; doc_id has no place in the graph.  This is what
 * building the graph from the articles gives.
 *
 * name is used in error messages.  Fails with ERG_ESYNTAX for a line that
 * is not such an object (bad JSON, a missing or mistyped member, an
 * unknown type, relation, polarity or modality, start after end, an empty
 * subject or object), ERG_ELIMIT for a line longer than
 * ERG_JSONL_LINE_MAX, ERG_EIO if f cannot be read; ei gets name and the
 * 1-based line.  On failure g keeps the lines before the bad one. */
erg_err erg_jsonl_read(FILE *f, const char *name, erg_graph *g,
                       erg_errinfo *ei);

#endif
