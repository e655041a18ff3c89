/* Edge betweenness: a measure of links, returned as an edge table (see
 * netan-edge-measures.h). Reads LENGTHS.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/measures.h"

#include <string.h>

enum { ET_FROM, ET_FROM_KEY, ET_TO, ET_TO_KEY, ET_VALUE, ET_RANK };

typedef struct {
  const netan_view_t *view;
  const igraph_vector_t *lengths;
  double cutoff;
  igraph_vector_t out;
} ebet_job_t;

static igraph_error_t
ebet_run(void *data)
{
  ebet_job_t *j = data;
  const netan_view_t *v = j->view;
  return igraph_edge_betweenness_cutoff(&v->graph, &j->out, v->opts.directed, j->lengths, j->cutoff);
}

typedef struct {
  const netan_view_t *view;
  const double *values;
  const int64_t *ends;  /* 2 per edge: from, to vertex */
} edge_sort_t;

static const char *
vertex_key(const netan_view_t *v, int64_t vertex)
{
  return netan_case_i_entities(v->kase)[v->vertex_entity[vertex]].key;
}

static int
by_value_then_keys(gconstpointer pa, gconstpointer pb, gpointer data)
{
  const edge_sort_t *s = data;
  int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
  if (s->values[a] != s->values[b])
    return s->values[a] > s->values[b] ? -1 : 1;
  for (int end = 0; end < 2; end++) {
    int c = strcmp(vertex_key(s->view, s->ends[2 * a + end]), vertex_key(s->view, s->ends[2 * b + end]));
    if (c != 0)
      return c;
  }
  return a < b ? -1 : (a > b);
}

/* The edge table of @values (one per edge of @v). */
static netan_table_t *
edge_table(const netan_view_t *v, const double *values, const char *measure)
{
  const igraph_t *g = &v->graph;
  int64_t m = netan_view_n_edges(v);
  gboolean directed = netan_view_is_directed(v);
  int64_t *ends = g_new(int64_t, 2 * (m > 0 ? m : 1));
  int64_t *order = g_new(int64_t, m > 0 ? m : 1);
  for (int64_t e = 0; e < m; e++) {
    int64_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    if (!directed && a > b) {  /* undirected: the smaller entity id first */
      int64_t t = a; a = b; b = t;
    }
    ends[2 * e] = a;
    ends[2 * e + 1] = b;
    order[e] = e;
  }
  edge_sort_t ctx = { v, values, ends };
  g_qsort_with_data(order, (gint)m, sizeof(int64_t), by_value_then_keys, &ctx);

  netan_table_t *t = netan_table_i_new(m, "from", NETAN_COLUMN_INT, "from_key", NETAN_COLUMN_STRING,
                                       "to", NETAN_COLUMN_INT, "to_key", NETAN_COLUMN_STRING,
                                       "value", NETAN_COLUMN_DOUBLE, "rank", NETAN_COLUMN_INT, NULL);
  for (int64_t r = 0; r < m; r++) {
    int64_t e = order[r], a = ends[2 * e], b = ends[2 * e + 1];
    netan_table_i_set_int(t, r, ET_FROM, v->vertex_entity[a]);
    netan_table_i_set_string(t, r, ET_FROM_KEY, vertex_key(v, a));
    netan_table_i_set_int(t, r, ET_TO, v->vertex_entity[b]);
    netan_table_i_set_string(t, r, ET_TO_KEY, vertex_key(v, b));
    netan_table_i_set_double(t, r, ET_VALUE, values[e]);
    gboolean tie = r > 0 && values[e] == values[order[r - 1]];
    netan_table_i_set_int(t, r, ET_RANK, tie ? netan_table_get_int(t, r - 1, ET_RANK) : r + 1);
  }
  g_free(order);
  g_free(ends);
  netan_table_i_set_meta(t, "measure", "%s", measure);
  netan_table_i_set_meta(t, "directed", "%s", directed ? "true" : "false");
  return t;
}

netan_table_t *
netan_centrality_edge_betweenness(const netan_view_t *v, const netan_centrality_options_t *opts,
                                  GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_centrality_options_t o;
  netan_centrality_options_init(&o);
  if (opts != NULL) {
    if (opts->version != NETAN_CENTRALITY_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "edge betweenness options: unknown version %u", opts->version);
      return NULL;
    }
    o = *opts;
  }
  if (!netan_m_check_cutoff("edge betweenness", o.cutoff, error) || !netan_view_i_check(v, error))
    return NULL;
  ebet_job_t j = { v, o.weighted ? netan_view_i_lengths(v) : NULL, o.cutoff < 0 ? -1.0 : o.cutoff, { 0 } };
  igraph_vector_init(&j.out, 0);
  netan_gi_call_t call = { .what = "edge betweenness", .progress = o.progress, .payload = o.payload };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, ebet_run, &j, error)) {
    gboolean directed = netan_view_is_directed(v);
    if (o.normalized) {
      double n = (double)netan_view_n_vertices(v);
      double pairs = n * (n - 1) / (directed ? 1.0 : 2.0);
      for (int64_t e = 0; e < netan_view_n_edges(v); e++)
        VECTOR(j.out)[e] = pairs > 0 ? VECTOR(j.out)[e] / pairs : 0.0;
    }
    t = edge_table(v, VECTOR(j.out), "edge_betweenness");
    netan_table_i_set_meta(t, "weights", "%s",
                           o.weighted ? netan_view_length_name(v) : "none (weighted=false: length=1 per edge)");
    netan_table_i_set_meta(t, "normalized", "%s",
                           o.normalized ? (directed ? "1/(n(n-1))" : "2/(n(n-1))") : "false");
    netan_m_set_cutoff_meta(t, o.cutoff);
  }
  igraph_vector_destroy(&j.out);
  return t;
}
