/* graph.c - merging relations into nodes and edges. */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct erg_graph {
	erg_vec nodes;  /* erg_node */
	erg_vec edges;  /* erg_edge */
	erg_vec docs;   /* erg_graph_docinfo */
};

erg_graph *erg_graph_new(void)
{
	erg_graph *g = calloc(1, sizeof *g);

	if (!g)
		return NULL;
	erg_vec_init(&g->nodes, sizeof(erg_node));
	erg_vec_init(&g->edges, sizeof(erg_edge));
	erg_vec_init(&g->docs, sizeof(erg_graph_docinfo));
	return g;
}

void erg_graph_free(erg_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nodes.len; i++)
		free(((erg_node *)g->nodes.data)[i].name);
	for (size_t i = 0; i < g->edges.len; i++) {
		erg_edge *e = (erg_edge *)g->edges.data + i;

		for (size_t k = 0; k < e->evidence.len; k++)
			free(((erg_evidence *)e->evidence.data)[k].sentence);
		erg_vec_free(&e->evidence);
	}
	for (size_t i = 0; i < g->docs.len; i++) {
		erg_graph_docinfo *d = (erg_graph_docinfo *)g->docs.data + i;

		free(d->name);
		free(d->title);
		free(d->url);
		free(d->date);
	}
	erg_vec_free(&g->nodes);
	erg_vec_free(&g->edges);
	erg_vec_free(&g->docs);
	free(g);
}

erg_err erg_graph_add_doc(erg_graph *g, const char *name, size_t *idx)
{
	erg_graph_docinfo *p = erg_vec_push(&g->docs);

	if (!p)
		return ERG_ENOMEM;
	p->name = erg_strndup(name, strlen(name));
	if (!p->name) {
		g->docs.len--;
		return ERG_ENOMEM;
	}
	*idx = g->docs.len - 1;
	return ERG_OK;
}

static erg_err set_str(char **dst, const char *s)
{
	if (!s)
		return ERG_OK;
	free(*dst);
	*dst = erg_strndup(s, strlen(s));
	return *dst ? ERG_OK : ERG_ENOMEM;
}

erg_err erg_graph_doc_meta(erg_graph *g, size_t idx, const char *title,
                           const char *url, const char *date)
{
	erg_graph_docinfo *d = erg_vec_at(&g->docs, idx);
	erg_err e;

	if (!d)
		return ERG_EINVAL;
	if ((e = set_str(&d->title, title)) || (e = set_str(&d->url, url)))
		return e;
	return set_str(&d->date, date);
}

const erg_graph_docinfo *erg_graph_docinfo_at(const erg_graph *g, size_t i)
{
	return erg_vec_at(&g->docs, i);
}

static erg_err node_for(erg_graph *g, const char *name, erg_etype type,
                        const char *country, size_t *idx)
{
	erg_node *n = g->nodes.data;

	for (size_t i = 0; i < g->nodes.len; i++)
		if (n[i].type == type && strcmp(n[i].name, name) == 0) {
			*idx = i;
			return ERG_OK;
		}
	n = erg_vec_push(&g->nodes);
	if (!n)
		return ERG_ENOMEM;
	n->name = erg_strndup(name, strlen(name));
	if (!n->name) {
		g->nodes.len--;
		return ERG_ENOMEM;
	}
	n->type = type;
	snprintf(n->country, sizeof n->country, "%s", country ? country : "");
	*idx = g->nodes.len - 1;
	return ERG_OK;
}

/* Cut s to at most max bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

erg_err erg_graph_add_rel(erg_graph *g, const erg_graph_rel *r)
{
	size_t a, b, i;
	erg_edge *e;
	erg_evidence *ev;
	erg_err err;

	if (r->negative || r->hedged)
		return ERG_OK;
	if (r->doc >= g->docs.len)
		return ERG_EINVAL;
	if ((err = node_for(g, r->subj, r->subj_type, r->subj_country, &a)) ||
	    (err = node_for(g, r->obj, r->obj_type, r->obj_country, &b)))
		return err;
	e = g->edges.data;
	for (i = 0; i < g->edges.len; i++)
		if (e[i].from == a && e[i].to == b && e[i].rel == r->rel)
			break;
	if (i == g->edges.len) {
		e = erg_vec_push(&g->edges);
		if (!e)
			return ERG_ENOMEM;
		e->from = a;
		e->to = b;
		e->rel = r->rel;
		erg_vec_init(&e->evidence, sizeof(erg_evidence));
		((erg_node *)g->nodes.data)[a].count++;
		((erg_node *)g->nodes.data)[b].count++;
	} else {
		e = &e[i];
	}
	e->count++;
	if (e->evidence.len >= ERG_EVIDENCE_MAX)
		return ERG_OK;
	ev = erg_vec_push(&e->evidence);
	if (!ev)
		return ERG_ENOMEM;
	ev->doc = r->doc;
	ev->start = r->start;
	ev->end = r->end;
	ev->sentence = erg_strndup(r->sentence,
	                           utf8_cut(r->sentence, r->sentence_len,
	                                    ERG_EVIDENCE_CHARS));
	if (!ev->sentence) {
		e->evidence.len--;
		return ERG_ENOMEM;
	}
	return ERG_OK;
}

erg_err erg_graph_add(erg_graph *g, const erg_lexicon *lx, size_t idx,
                      const char *text, const erg_found *f)
{
	const erg_entity *s = erg_lexicon_entity(lx, (size_t)f->r.subj);
	const erg_entity *o = erg_lexicon_entity(lx, (size_t)f->r.obj);
	erg_graph_rel r = {s->name, s->country, s->type, f->r.rel,
	                   o->name, o->country, o->type,
	                   f->r.negative, f->r.hedged, idx,
	                   text + f->start, f->end - f->start, f->start, f->end};

	return erg_graph_add_rel(g, &r);
}

static int node_cmp(const erg_node *a, const erg_node *b)
{
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* qsort has no context argument: sort a permutation with a file-scope
 * pointer instead of copying nodes around twice. */
static const erg_node *sort_nodes;

static int perm_cmp(const void *x, const void *y)
{
	return node_cmp(&sort_nodes[*(const size_t *)x],
	                &sort_nodes[*(const size_t *)y]);
}

static int edge_cmp(const void *x, const void *y)
{
	const erg_edge *a = x, *b = y;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return 0;
}

void erg_graph_sort(erg_graph *g)
{
	size_t n = g->nodes.len, *perm, *rank;
	erg_node *tmp;

	if (n == 0)
		return;
	perm = malloc(n * sizeof *perm);
	rank = malloc(n * sizeof *rank);
	tmp = malloc(n * sizeof *tmp);
	if (perm && rank && tmp) {
		for (size_t i = 0; i < n; i++)
			perm[i] = i;
		sort_nodes = g->nodes.data;
		qsort(perm, n, sizeof *perm, perm_cmp);
		for (size_t i = 0; i < n; i++) {
			rank[perm[i]] = i;
			tmp[i] = sort_nodes[perm[i]];
		}
		memcpy(g->nodes.data, tmp, n * sizeof *tmp);
		for (size_t i = 0; i < g->edges.len; i++) {
			erg_edge *e = (erg_edge *)g->edges.data + i;

			e->from = rank[e->from];
			e->to = rank[e->to];
		}
		qsort(g->edges.data, g->edges.len, sizeof(erg_edge), edge_cmp);
	}
	free(perm);
	free(rank);
	free(tmp);
}

size_t erg_graph_nnodes(const erg_graph *g) { return g->nodes.len; }
size_t erg_graph_nedges(const erg_graph *g) { return g->edges.len; }
size_t erg_graph_ndocs(const erg_graph *g) { return g->docs.len; }

const erg_node *erg_graph_node(const erg_graph *g, size_t i)
{
	return erg_vec_at(&g->nodes, i);
}

const erg_edge *erg_graph_edge(const erg_graph *g, size_t i)
{
	return erg_vec_at(&g->edges, i);
}

const char *erg_graph_doc(const erg_graph *g, size_t i)
{
	erg_graph_docinfo *p = erg_vec_at(&g->docs, i);

	return p ? p->name : NULL;
}

/* Is any of the edge's evidence dated within [since, until]? */
static int dated_within(const erg_graph *g, const erg_edge *e,
                        const char *since, const char *until)
{
	const erg_evidence *ev = e->evidence.data;

	for (size_t k = 0; k < e->evidence.len; k++) {
		const erg_graph_docinfo *d = erg_vec_at(&g->docs, ev[k].doc);

		if (!d || !d->date)
			continue;
		if (since && strncmp(d->date, since, strlen(since)) < 0)
			continue;
		if (until && strncmp(d->date, until, strlen(until)) > 0)
			continue;
		return 1;
	}
	return 0;
}

erg_err erg_graph_filter(erg_graph *g, const erg_filter *f)
{
	size_t nn = g->nodes.len, ne = g->edges.len, w;
	erg_node *n = g->nodes.data;
	erg_edge *e = g->edges.data;
	unsigned char *keep = NULL;
	size_t *dist = NULL, *map = NULL;
	erg_err err = ERG_OK;

	if (!nn)
		return f->entity ? ERG_EINVAL : ERG_OK;
	keep = calloc(ne ? ne : 1, 1);
	dist = malloc(nn * sizeof *dist);
	map = malloc(nn * sizeof *map);
	if (!keep || !dist || !map) {
		err = ERG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < ne; i++)
		keep[i] = (!f->rels || (f->rels & (1u << e[i].rel))) &&
		          (!f->types || ((f->types & (1u << n[e[i].from].type)) &&
		                         (f->types & (1u << n[e[i].to].type)))) &&
		          e[i].count >= f->min_count &&
		          (!(f->since || f->until) ||
		           dated_within(g, &e[i], f->since, f->until));
	if (f->entity) {
		/* breadth-first over kept edges, either direction, from every
		 * node of that name */
		size_t hops = f->hops ? f->hops : 1, changed = 1, found = 0;

		for (size_t i = 0; i < nn; i++) {
			dist[i] = strcasecmp(n[i].name, f->entity) == 0 ? 0 : (size_t)-1;
			found |= dist[i] == 0;
		}
		if (!found) {
			err = ERG_EINVAL;
			goto out;
		}
		for (size_t h = 0; h < hops && changed; h++) {
			changed = 0;
			for (size_t i = 0; i < ne; i++) {
				size_t a = e[i].from, b = e[i].to;

				if (!keep[i])
					continue;
				if (dist[a] == h && dist[b] == (size_t)-1)
					dist[b] = h + 1, changed = 1;
				if (dist[b] == h && dist[a] == (size_t)-1)
					dist[a] = h + 1, changed = 1;
			}
		}
		for (size_t i = 0; i < ne; i++)
			if (dist[e[i].from] == (size_t)-1 || dist[e[i].to] == (size_t)-1)
				keep[i] = 0;
	}
	/* nodes that keep an edge, renumbered in order */
	for (size_t i = 0; i < nn; i++)
		map[i] = (size_t)-1;
	for (size_t i = 0; i < ne; i++)
		if (keep[i])
			map[e[i].from] = map[e[i].to] = 0;
	w = 0;
	for (size_t i = 0; i < nn; i++) {
		if (map[i] == (size_t)-1) {
			free(n[i].name);
			continue;
		}
		map[i] = w;
		n[w++] = n[i];
	}
	g->nodes.len = w;
	w = 0;
	for (size_t i = 0; i < ne; i++) {
		if (!keep[i]) {
			for (size_t k = 0; k < e[i].evidence.len; k++)
				free(((erg_evidence *)e[i].evidence.data)[k].sentence);
			erg_vec_free(&e[i].evidence);
			continue;
		}
		e[i].from = map[e[i].from];
		e[i].to = map[e[i].to];
		e[w++] = e[i];
	}
	g->edges.len = w;
	/* what each remaining entity takes part in */
	for (size_t i = 0; i < g->nodes.len; i++)
		n[i].count = 0;
	for (size_t i = 0; i < w; i++) {
		n[e[i].from].count++;
		n[e[i].to].count++;
	}
out:
	free(keep);
	free(dist);
	free(map);
	return err;
}
