/* netan_communities_summary(): one row per community of a partition.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/communities-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
  S_COMMUNITY, S_SIZE, S_DENSITY, S_INTERNAL, S_EXTERNAL, S_NEIGHBOURS, S_TOP_MEMBERS, S_TOP_BROKERS
};

#define N_TOP 3

typedef struct {
  const netan_view_t *view;
  const int64_t *index;     /* per vertex: its community's row */
  int64_t k;                /* number of communities */
  /* per community */
  int64_t *internal_edges;
  double *internal_strength, *external_strength;
  int64_t *neighbours;
  /* per vertex */
  int64_t *outside_neighbours;
  double *outside_strength;
  double modularity;
} summary_job_t;

typedef struct {
  int64_t a, b;
} cpair_t;

static int
cpair_cmp(const void *pa, const void *pb)
{
  const cpair_t *x = pa, *y = pb;
  if (x->a != y->a) return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : (x->b > y->b);
}

static void
ugraph_destroy_cb(void *p)
{
  netan_com_ugraph_destroy(p);
}

static igraph_error_t
summary_run(void *data)
{
  summary_job_t *j = data;
  const netan_view_t *v = j->view;
  const igraph_t *g = &v->graph;
  igraph_integer_t m = igraph_ecount(g), n = igraph_vcount(g);

  /* inside a community, and what leaves it: edges of the view as they are
   * (arcs on a directed view, for the density) */
  for (igraph_integer_t e = 0; e < m; e++) {
    int64_t ca = j->index[IGRAPH_FROM(g, e)], cb = j->index[IGRAPH_TO(g, e)];
    double s = VECTOR(v->strength)[e];
    if (ca == cb) {
      j->internal_edges[ca]++;
      j->internal_strength[ca] += s;
    } else {
      j->external_strength[ca] += s;
      j->external_strength[cb] += s;
    }
  }

  /* neighbours across communities, direction ignored: on the symmetrised
   * graph, where each linked pair is one edge */
  netan_com_ugraph_t u;
  IGRAPH_CHECK(netan_com_ugraph_init(&u, v));
  IGRAPH_FINALLY(ugraph_destroy_cb, &u);
  igraph_integer_t um = igraph_ecount(u.graph);
  cpair_t *pairs = g_new(cpair_t, um > 0 ? um : 1);
  int64_t np = 0;
  for (igraph_integer_t e = 0; e < um; e++) {
    int64_t a = IGRAPH_FROM(u.graph, e), b = IGRAPH_TO(u.graph, e);
    int64_t ca = j->index[a], cb = j->index[b];
    if (ca == cb)
      continue;
    double s = VECTOR(*u.strength)[e];
    j->outside_neighbours[a]++;
    j->outside_neighbours[b]++;
    j->outside_strength[a] += s;
    j->outside_strength[b] += s;
    pairs[np++] = (cpair_t){ MIN(ca, cb), MAX(ca, cb) };
  }
  qsort(pairs, (size_t)np, sizeof(cpair_t), cpair_cmp);
  for (int64_t i = 0; i < np; i++) {
    if (i > 0 && pairs[i].a == pairs[i - 1].a && pairs[i].b == pairs[i - 1].b)
      continue;
    j->neighbours[pairs[i].a]++;
    j->neighbours[pairs[i].b]++;
  }
  g_free(pairs);

  j->modularity = NAN;
  if (um > 0) {
    igraph_vector_int_t membership;
    NETAN_GI_INT_VIEW(&membership, j->index, n);
    IGRAPH_CHECK(igraph_modularity(u.graph, &membership, u.strength, 1.0, IGRAPH_UNDIRECTED,
                                   &j->modularity));
  }
  netan_com_ugraph_destroy(&u);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

typedef struct {
  const netan_view_t *view;
  const double *primary;    /* higher first */
  const double *secondary;  /* higher first; may be NULL */
} rank_ctx_t;

static int
by_rank_then_key(gconstpointer pa, gconstpointer pb, gpointer data)
{
  const rank_ctx_t *ctx = data;
  int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
  if (ctx->primary[a] != ctx->primary[b])
    return ctx->primary[a] > ctx->primary[b] ? -1 : 1;
  if (ctx->secondary && ctx->secondary[a] != ctx->secondary[b])
    return ctx->secondary[a] > ctx->secondary[b] ? -1 : 1;
  const netan_entity_rec_t *ents = netan_case_i_entities(ctx->view->kase);
  int c = strcmp(ents[ctx->view->vertex_entity[a]].key, ents[ctx->view->vertex_entity[b]].key);
  return c != 0 ? c : (a < b ? -1 : (a > b));
}

/* The keys of the first N_TOP of @members (sorted in place by @ctx) whose
 * primary value is at least @min, joined by "; ". */
static char *
top_keys(int64_t *members, int64_t count, rank_ctx_t *ctx, double min)
{
  g_qsort_with_data(members, (gint)count, sizeof(int64_t), by_rank_then_key, ctx);
  const netan_entity_rec_t *ents = netan_case_i_entities(ctx->view->kase);
  GString *s = g_string_new(NULL);
  for (int64_t i = 0, taken = 0; i < count && taken < N_TOP; i++) {
    if (!(ctx->primary[members[i]] >= min))
      continue;
    if (taken++ > 0)
      g_string_append(s, "; ");
    g_string_append(s, ents[ctx->view->vertex_entity[members[i]]].key);
  }
  return g_string_free(s, FALSE);
}

/* Betweenness of every vertex, as the centrality table reports it. */
static double *
vertex_betweenness(const netan_view_t *v, GError **error)
{
  g_autoptr(netan_table_t) t = netan_centrality_betweenness(v, NULL, error);
  if (t == NULL)
    return NULL;
  int64_t n = netan_view_n_vertices(v);
  int ce = netan_table_column_index(t, "entity"), cv = netan_table_column_index(t, "value");
  double *out = g_new(double, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++)
    out[i] = 0;
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    int64_t vx = netan_view_vertex(v, netan_table_get_int(t, r, ce));
    if (vx >= 0 && vx < n)
      out[vx] = netan_table_get_double(t, r, cv);
  }
  return out;
}

static int
int64_cmp(const void *pa, const void *pb)
{
  int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
  return a < b ? -1 : (a > b);
}

netan_table_t *
netan_communities_summary_membership(const netan_view_t *v, int64_t n_pairs, const int64_t *entities,
                                     const int64_t *communities, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  g_return_val_if_fail(n_pairs >= 0, NULL);
  g_return_val_if_fail(n_pairs == 0 || (entities != NULL && communities != NULL), NULL);
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t n = netan_view_n_vertices(v);
  const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);

  /* every vertex exactly once */
  g_autofree int64_t *number = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++)
    number[i] = -1;
  for (int64_t i = 0; i < n_pairs; i++) {
    int64_t vx = netan_view_vertex(v, entities[i]);
    if (vx < 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "community summary: entity %" G_GINT64_FORMAT " of the partition is not in the view",
                  entities[i]);
      return NULL;
    }
    if (communities[i] < 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "community summary: entity %" G_GINT64_FORMAT " (%s) has community %" G_GINT64_FORMAT
                  "; community numbers must be >= 0", entities[i], ents[v->vertex_entity[vx]].key,
                  communities[i]);
      return NULL;
    }
    if (number[vx] >= 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "community summary: %s (entity %" G_GINT64_FORMAT ") is in the partition twice",
                  ents[v->vertex_entity[vx]].key, v->vertex_entity[vx]);
      return NULL;
    }
    number[vx] = communities[i];
  }
  for (int64_t i = 0; i < n; i++) {
    if (number[i] < 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "community summary: %s (entity %" G_GINT64_FORMAT ") of the view has no community in "
                  "the partition (was it made on another view?)",
                  ents[v->vertex_entity[i]].key, v->vertex_entity[i]);
      return NULL;
    }
  }

  /* the distinct community numbers, ascending: one row each */
  g_autofree int64_t *numbers = g_memdup2(number, sizeof(int64_t) * (gsize)(n > 0 ? n : 1));
  qsort(numbers, (size_t)n, sizeof(int64_t), int64_cmp);
  int64_t k = 0;
  for (int64_t i = 0; i < n; i++)
    if (i == 0 || numbers[i] != numbers[i - 1])
      numbers[k++] = numbers[i];
  g_autofree int64_t *index = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++) {
    const int64_t *at = bsearch(&number[i], numbers, (size_t)k, sizeof(int64_t), int64_cmp);
    index[i] = at - numbers;
  }

  g_autofree double *betweenness = vertex_betweenness(v, error);
  if (betweenness == NULL)
    return NULL;

  summary_job_t j = { .view = v, .index = index, .k = k };
  j.internal_edges = g_new0(int64_t, k > 0 ? k : 1);
  j.internal_strength = g_new0(double, k > 0 ? k : 1);
  j.external_strength = g_new0(double, k > 0 ? k : 1);
  j.neighbours = g_new0(int64_t, k > 0 ? k : 1);
  j.outside_neighbours = g_new0(int64_t, n > 0 ? n : 1);
  j.outside_strength = g_new0(double, n > 0 ? n : 1);
  netan_gi_call_t call = { .what = "community summary" };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, summary_run, &j, error)) {
    /* members of each community, in vertex order */
    int64_t *start = g_new0(int64_t, k + 1), *members = g_new(int64_t, n > 0 ? n : 1);
    int64_t *fill = g_new(int64_t, k > 0 ? k : 1);
    for (int64_t i = 0; i < n; i++)
      start[index[i] + 1]++;
    for (int64_t c = 0; c < k; c++) {
      start[c + 1] += start[c];
      fill[c] = start[c];
    }
    for (int64_t i = 0; i < n; i++)
      members[fill[index[i]]++] = i;
    double *outside = g_new(double, n > 0 ? n : 1);
    for (int64_t i = 0; i < n; i++)
      outside[i] = (double)j.outside_neighbours[i];

    gboolean directed = netan_view_is_directed(v);
    t = netan_table_i_new(k, "community", NETAN_COLUMN_INT, "size", NETAN_COLUMN_INT,
                          "internal_density", NETAN_COLUMN_DOUBLE,
                          "internal_strength", NETAN_COLUMN_DOUBLE,
                          "external_strength", NETAN_COLUMN_DOUBLE,
                          "n_neighbour_communities", NETAN_COLUMN_INT,
                          "top_members", NETAN_COLUMN_STRING, "top_brokers", NETAN_COLUMN_STRING, NULL);
    for (int64_t c = 0; c < k; c++) {
      int64_t s = start[c + 1] - start[c];
      double pairs = directed ? (double)s * (double)(s - 1) : (double)s * (double)(s - 1) / 2;
      netan_table_i_set_int(t, c, S_COMMUNITY, numbers[c]);
      netan_table_i_set_int(t, c, S_SIZE, s);
      netan_table_i_set_double(t, c, S_DENSITY, pairs > 0 ? (double)j.internal_edges[c] / pairs : 0.0);
      netan_table_i_set_double(t, c, S_INTERNAL, j.internal_strength[c]);
      netan_table_i_set_double(t, c, S_EXTERNAL, j.external_strength[c]);
      netan_table_i_set_int(t, c, S_NEIGHBOURS, j.neighbours[c]);
      rank_ctx_t by_betweenness = { v, betweenness, NULL };
      g_autofree char *top = top_keys(members + start[c], s, &by_betweenness, -INFINITY);
      netan_table_i_set_string(t, c, S_TOP_MEMBERS, top);
      rank_ctx_t by_outside = { v, outside, j.outside_strength };
      g_autofree char *brokers = top_keys(members + start[c], s, &by_outside, 1.0);
      netan_table_i_set_string(t, c, S_TOP_BROKERS, brokers);
    }
    netan_table_i_set_meta(t, "communities", "%" G_GINT64_FORMAT, k);
    netan_table_i_set_meta_double(t, "modularity", j.modularity);
    netan_table_i_set_meta(t, "weights", "strength=sum of link weights; betweenness: %s",
                           netan_view_length_name(v));
    netan_table_i_set_meta(t, "directed", "%s", directed ? "true (density counts arcs; "
                           "neighbours and modularity on the symmetrised view)" : "false");
    g_free(start);
    g_free(members);
    g_free(fill);
    g_free(outside);
  }
  g_free(j.internal_edges);
  g_free(j.internal_strength);
  g_free(j.external_strength);
  g_free(j.neighbours);
  g_free(j.outside_neighbours);
  g_free(j.outside_strength);
  return t;
}

netan_table_t *
netan_communities_summary(const netan_view_t *v, const netan_table_t *partition, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  g_return_val_if_fail(partition != NULL, NULL);
  int ce = netan_table_column_index(partition, "entity");
  int cc = netan_table_column_index(partition, "community");
  if (ce < 0 || cc < 0 || netan_table_column_type(partition, ce) != NETAN_COLUMN_INT ||
      netan_table_column_type(partition, cc) != NETAN_COLUMN_INT) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "community summary: the partition needs integer columns \"entity\" and \"community\" "
                "(a table from netan_communities())");
    return NULL;
  }
  int64_t n = netan_table_n_rows(partition);
  g_autofree int64_t *entities = g_new(int64_t, n > 0 ? n : 1);
  g_autofree int64_t *communities = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t r = 0; r < n; r++) {
    entities[r] = netan_table_get_int(partition, r, ce);
    communities[r] = netan_table_get_int(partition, r, cc);
  }
  netan_table_t *t = netan_communities_summary_membership(v, n, entities, communities, error);
  const char *method = netan_table_get_meta(partition, "method");
  if (t && method)
    netan_table_i_set_meta(t, "method", "%s", method);
  return t;
}
