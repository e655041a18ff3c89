/* Community detection on a view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/vertex-table.h"

#include <math.h>
#include <stdlib.h>

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

typedef struct {
  const netan_view_t *view;
  netan_louvain_options_t opts;
  igraph_vector_int_t membership;
  double modularity;
} louvain_job_t;

/* The undirected graph modularity is computed on: the view itself, or for a
 * directed view its symmetrisation (strengths of a->b and b->a added). */
static igraph_error_t
undirected_copy(const netan_view_t *v, igraph_t *g, igraph_vector_t *w)
{
  igraph_integer_t m = igraph_ecount(&v->graph);
  pair_t *pairs = IGRAPH_CALLOC(m > 0 ? m : 1, pair_t);
  IGRAPH_CHECK_OOM(pairs, "symmetrising the view");
  IGRAPH_FINALLY(igraph_free, pairs);
  for (igraph_integer_t e = 0; e < m; e++) {
    int64_t a = IGRAPH_FROM(&v->graph, e), b = IGRAPH_TO(&v->graph, e);
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
  IGRAPH_CHECK(igraph_create(g, &ends, igraph_vcount(&v->graph), IGRAPH_UNDIRECTED));
  igraph_vector_int_destroy(&ends);
  igraph_free(pairs);
  IGRAPH_FINALLY_CLEAN(3);  /* w stays, owned by the caller now */
  return IGRAPH_SUCCESS;
}

static igraph_error_t
louvain_run(void *data)
{
  louvain_job_t *j = data;
  const netan_view_t *v = j->view;
  const igraph_t *g = &v->graph;
  const igraph_vector_t *w = &v->strength;
  igraph_t sym;
  igraph_vector_t sym_w;
  gboolean own = FALSE;

  if (igraph_is_directed(g)) {
    IGRAPH_CHECK(undirected_copy(v, &sym, &sym_w));
    IGRAPH_FINALLY(igraph_vector_destroy, &sym_w);
    IGRAPH_FINALLY(igraph_destroy, &sym);
    g = &sym;
    w = &sym_w;
    own = TRUE;
  }
  if (!j->opts.weighted)
    w = NULL;
  IGRAPH_CHECK(igraph_community_multilevel(g, w, j->opts.resolution, &j->membership, NULL, NULL));
  IGRAPH_CHECK(igraph_modularity(g, &j->membership, w, j->opts.resolution, IGRAPH_UNDIRECTED,
                                 &j->modularity));
  if (own) {
    igraph_destroy(&sym);
    igraph_vector_destroy(&sym_w);
    IGRAPH_FINALLY_CLEAN(2);
  }
  return IGRAPH_SUCCESS;
}

typedef struct {
  int64_t id;        /* igraph's community number */
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

/* Builds the table: communities renumbered by size so numbers are stable. */
static netan_table_t *
community_table(const netan_view_t *v, const igraph_vector_int_t *membership)
{
  int64_t n = netan_view_n_vertices(v), k = 0;
  for (int64_t i = 0; i < n; i++)
    k = MAX(k, VECTOR(*membership)[i] + 1);
  community_t *cs = g_new0(community_t, k > 0 ? k : 1);
  for (int64_t c = 0; c < k; c++) {
    cs[c].id = c;
    cs[c].first = n;
  }
  for (int64_t i = 0; i < n; i++) {
    community_t *c = &cs[VECTOR(*membership)[i]];
    c->size++;
    c->first = MIN(c->first, i);
  }
  qsort(cs, (size_t)k, sizeof(community_t), community_cmp);
  int64_t *renumber = g_new(int64_t, k > 0 ? k : 1), *size = g_new(int64_t, k > 0 ? k : 1);
  for (int64_t c = 0; c < k; c++) {
    renumber[cs[c].id] = c;
    size[c] = cs[c].size;
  }
  int64_t *community = g_new(int64_t, n > 0 ? n : 1), *order = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++) {
    community[i] = renumber[VECTOR(*membership)[i]];
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
  netan_table_i_set_meta(t, "communities", "%" G_GINT64_FORMAT, k);
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
  louvain_job_t j = { v, NETAN_LOUVAIN_OPTIONS_INIT, { 0 }, NAN };
  if (opts != NULL) {
    if (opts->version != NETAN_LOUVAIN_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "louvain options: unknown version %u", opts->version);
      return NULL;
    }
    j.opts = *opts;
  }
  if (!(j.opts.resolution > 0) || !isfinite(j.opts.resolution)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "louvain: resolution must be a positive number, not %g", j.opts.resolution);
    return NULL;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  igraph_vector_int_init(&j.membership, 0);
  netan_gi_call_t call = { .what = "louvain", .seed_rng = TRUE, .seed = j.opts.seed };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, louvain_run, &j, error)) {
    t = community_table(v, &j.membership);
    netan_table_i_set_meta(t, "method", "louvain");
    netan_table_i_set_meta(t, "seed", "%" G_GUINT64_FORMAT, j.opts.seed);
    netan_table_i_set_meta_double(t, "resolution", j.opts.resolution);
    netan_table_i_set_meta_double(t, "modularity", j.modularity);
    netan_table_i_set_meta(t, "directed", "%s",
                           netan_view_is_directed(v) ? "symmetrised (a->b and b->a strengths added)" : "false");
    netan_table_i_set_meta(t, "weights", "%s",
                           j.opts.weighted ? "strength=sum of link weights" : "none");
  }
  igraph_vector_int_destroy(&j.membership);
  return t;
}
