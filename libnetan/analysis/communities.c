/* Community detection on a view: Louvain, and what every method shares
 * (the symmetrised graph modularity is computed on, the community table).
 * The other methods are in communities-methods.c, the per-community
 * summary in communities-summary.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/communities-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
netan_louvain_options_init(netan_louvain_options_t *opts)
{
  static const netan_louvain_options_t defaults = NETAN_LOUVAIN_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

typedef struct {
  int64_t u, v;
  double w;
} pair_t;

static int
pair_cmp(const void *pa, const void *pb)
{
  const pair_t *a = pa, *b = pb;
  if (a->u != b->u) return a->u < b->u ? -1 : 1;
  if (a->v != b->v) return a->v < b->v ? -1 : 1;
  return 0;
}

/* The symmetrisation of a directed view: one edge per unordered pair, in
 * (smaller, larger) vertex order, with the strengths of a->b and b->a added. */
static igraph_error_t
undirected_copy(const netan_view_t *v, igraph_t *g, igraph_vector_t *w)
{
  igraph_integer_t m = v->n_edges;
  pair_t *pairs = IGRAPH_CALLOC(m > 0 ? m : 1, pair_t);
  IGRAPH_CHECK_OOM(pairs, "symmetrising the view");
  IGRAPH_FINALLY(igraph_free, pairs);
  for (igraph_integer_t e = 0; e < m; e++) {
    int64_t a = netan_view_i_from(v, e), b = netan_view_i_to(v, e);
    pairs[e] = (pair_t){ MIN(a, b), MAX(a, b), VECTOR(v->strength)[e] };
  }
  qsort(pairs, (size_t)m, sizeof(pair_t), pair_cmp);
  igraph_vector_int_t ends;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 0);
  IGRAPH_CHECK(igraph_vector_init(w, 0));
  IGRAPH_FINALLY(igraph_vector_destroy, w);
  for (igraph_integer_t e = 0; e < m; e++) {
    if (e > 0 && pairs[e].u == pairs[e - 1].u && pairs[e].v == pairs[e - 1].v) {
      VECTOR(*w)[igraph_vector_size(w) - 1] += pairs[e].w;
      continue;
    }
    IGRAPH_CHECK(igraph_vector_int_push_back(&ends, pairs[e].u));
    IGRAPH_CHECK(igraph_vector_int_push_back(&ends, pairs[e].v));
    IGRAPH_CHECK(igraph_vector_push_back(w, pairs[e].w));
  }
  IGRAPH_CHECK(igraph_create(g, &ends, v->n_vertices, IGRAPH_UNDIRECTED));
  igraph_vector_int_destroy(&ends);
  igraph_free(pairs);
  IGRAPH_FINALLY_CLEAN(3);  /* w stays, owned by the caller now */
  return IGRAPH_SUCCESS;
}

igraph_error_t
netan_com_ugraph_init(netan_com_ugraph_t *u, const netan_view_t *v)
{
  memset(u, 0, sizeof *u);
  if (!v->opts.directed) {
    u->graph = &v->graph;
    u->strength = &v->strength;
    return IGRAPH_SUCCESS;
  }
  IGRAPH_CHECK(undirected_copy(v, &u->own_graph, &u->own_strength));
  u->owned = TRUE;
  u->graph = &u->own_graph;
  u->strength = &u->own_strength;
  return IGRAPH_SUCCESS;
}

void
netan_com_ugraph_destroy(netan_com_ugraph_t *u)
{
  if (u->owned) {
    igraph_destroy(&u->own_graph);
    igraph_vector_destroy(&u->own_strength);
    u->owned = FALSE;
  }
}

gboolean
netan_com_check_strengths(const netan_view_t *v, const char *what, GError **error)
{
  for (int64_t e = 0; e < netan_view_n_edges(v); e++) {
    double s = VECTOR(v->strength)[e];
    if (!(s >= 0) || !isfinite(s)) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "%s: edge %" G_GINT64_FORMAT " has strength %g; community detection reads "
                  "strengths as similarities and needs them >= 0 (or run unweighted)",
                  what, e, s);
      return FALSE;
    }
  }
  return TRUE;
}

typedef struct {
  int64_t id;        /* the given community number */
  int64_t size;
  int64_t first;     /* smallest vertex in it */
} community_t;

static int
community_cmp(const void *pa, const void *pb)
{
  const community_t *a = pa, *b = pb;
  if (a->size != b->size) return a->size > b->size ? -1 : 1;
  return a->first < b->first ? -1 : (a->first > b->first);
}

typedef struct {
  const int64_t *community;
  const netan_view_t *view;
} member_ctx_t;

static int
by_community_then_key(gconstpointer pa, gconstpointer pb, gpointer data)
{
  const member_ctx_t *ctx = data;
  int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
  if (ctx->community[a] != ctx->community[b])
    return ctx->community[a] < ctx->community[b] ? -1 : 1;
  const netan_entity_rec_t *ents = netan_case_i_entities(ctx->view->kase);
  int c = strcmp(ents[ctx->view->vertex_entity[a]].key, ents[ctx->view->vertex_entity[b]].key);
  return c != 0 ? c : (a < b ? -1 : (a > b));
}

netan_table_t *
netan_com_table(const netan_view_t *v, const int64_t *membership)
{
  int64_t n = netan_view_n_vertices(v), k = 0;
  for (int64_t i = 0; i < n; i++)
    k = MAX(k, membership[i] + 1);
  /* the given numbers may have gaps: only the communities in use count */
  community_t *cs = g_new0(community_t, k > 0 ? k : 1);
  for (int64_t c = 0; c < k; c++) {
    cs[c].id = c;
    cs[c].first = n;
  }
  for (int64_t i = 0; i < n; i++) {
    community_t *c = &cs[membership[i]];
    c->size++;
    c->first = MIN(c->first, i);
  }
  qsort(cs, (size_t)k, sizeof(community_t), community_cmp);
  int64_t used = 0;
  while (used < k && cs[used].size > 0)
    used++;
  int64_t *renumber = g_new(int64_t, k > 0 ? k : 1), *size = g_new(int64_t, k > 0 ? k : 1);
  for (int64_t c = 0; c < used; c++) {
    renumber[cs[c].id] = c;
    size[c] = cs[c].size;
  }
  int64_t *community = g_new(int64_t, n > 0 ? n : 1), *order = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++) {
    community[i] = renumber[membership[i]];
    order[i] = i;
  }
  member_ctx_t ctx = { community, v };
  g_qsort_with_data(order, (gint)n, sizeof(int64_t), by_community_then_key, &ctx);

  netan_table_t *t = netan_table_i_new(n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                                       "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                                       "community", NETAN_COLUMN_INT,
                                       "community_size", NETAN_COLUMN_INT, NULL);
  for (int64_t r = 0; r < n; r++) {
    netan_vt_fill_entity(t, r, v, order[r]);
    netan_table_i_set_int(t, r, 4, community[order[r]]);
    netan_table_i_set_int(t, r, 5, size[community[order[r]]]);
  }
  netan_table_i_set_meta(t, "communities", "%" G_GINT64_FORMAT, used);
  g_free(cs);
  g_free(renumber);
  g_free(size);
  g_free(community);
  g_free(order);
  return t;
}

netan_table_t *
netan_communities_louvain(const netan_view_t *v, const netan_louvain_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_louvain_options_t lo = NETAN_LOUVAIN_OPTIONS_INIT;
  if (opts != NULL) {
    if (opts->version != NETAN_LOUVAIN_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "louvain options: unknown version %u", opts->version);
      return NULL;
    }
    lo = *opts;
  }
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  o.seed = lo.seed;
  o.resolution = lo.resolution;
  o.weighted = lo.weighted;
  return netan_communities(v, "louvain", &o, error);
}
