/* export.h - the merged graph as data for other tools: JSON, GraphML (for
 * Gephi, yEd, Cytoscape) and CSV (for spreadsheets).
 *
 * Names, titles and evidence come from untrusted articles: every string
 * is escaped for its format, so quotes, markup, control characters and
 * spreadsheet formulas come out as inert text.  Ill-formed UTF-8 (which
 * the graph should never hold) is written as U+FFFD.
 *
 * Nodes are "n0", "n1" ... and edges "e0", "e1" ... in the graph's
 * order; call erg_graph_sort first for output that does not depend on
 * input order.  Each function returns ERG_EIO if a stream reports an
 * error (it flushes the stream to find out) and ERG_ENOMEM if memory
 * runs out. */
#ifndef ERG_EXPORT_H
#define ERG_EXPORT_H

#include <stdio.h>

#include "error.h"
#include "graph.h"

/* One JSON object, UTF-8, keys in a fixed order:
 *   {"documents": [{"id": "d0", "name", "title", "url", "date"}],
 *    "nodes": [{"id": "n0", "name", "type", "country", "count"}],
 *    "edges": [{"id": "e0", "source": "n0", "target": "n1", "relation",
 *               "count", "evidence": [{"doc", "title", "url", "date",
 *                                      "sentence", "start", "end"}]}]}
 * "doc" is the document's name; title, url, date and country are null
 * when not known.  Ends with a newline. */
erg_err erg_export_json(const erg_graph *g, FILE *f);

/* GraphML: node data label, type, country (when known) and count; edge
 * data relation, count and evidence (the first sentence).  Characters
 * XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) become spaces. */
erg_err erg_export_graphml(const erg_graph *g, FILE *f);

/* CSV as in RFC 4180 (CRLF line breaks, header rows), one file of nodes
 *   id,name,type,country,count
 * and one of edges
 *   id,source,target,source_name,relation,target_name,count,evidence
 * (evidence: the first sentence).  A text field that begins with = + - @,
 * a tab or a CR gets a leading ' so that spreadsheets do not run it as a
 * formula. */
erg_err erg_export_csv(const erg_graph *g, FILE *nodes, FILE *edges);

#endif
