/* Centrality measures on a view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/vertex-table.h"
#include "analysis/brandes.h"
#include "analysis/pagerank.h"

#include <string.h>

void
netan_degree_options_init(netan_degree_options_t *opts)
{
  static const netan_degree_options_t defaults = NETAN_DEGREE_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

void
netan_betweenness_options_init(netan_betweenness_options_t *opts)
{
  static const netan_betweenness_options_t defaults = NETAN_BETWEENNESS_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

static gboolean
check_version(unsigned int got, unsigned int want, const char *what, GError **error)
{
  if (got == want)
    return TRUE;
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s options: unknown version %u",
              what, got);
  return FALSE;
}

/* ---- degree ---- */

typedef struct {
  const netan_view_t *view;
  igraph_neimode_t mode;
  gboolean strength;
  igraph_vector_t out;
} degree_job_t;

static igraph_error_t
degree_run(void *data)
{
  degree_job_t *j = data;
  const igraph_t *g = &j->view->graph;
  IGRAPH_CHECK(igraph_vector_resize(&j->out, igraph_vcount(g)));
  if (j->strength) {
    IGRAPH_CHECK(igraph_strength(g, &j->out, igraph_vss_all(), j->mode, IGRAPH_NO_LOOPS,
                                 &j->view->strength));
  } else {
    igraph_vector_int_t deg;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&deg, 0);
    IGRAPH_CHECK(igraph_degree(g, &deg, igraph_vss_all(), j->mode, IGRAPH_NO_LOOPS));
    for (igraph_integer_t i = 0; i < igraph_vcount(g); i++)
      VECTOR(j->out)[i] = (double)VECTOR(deg)[i];
    igraph_vector_int_destroy(&deg);
    IGRAPH_FINALLY_CLEAN(1);
  }
  return IGRAPH_SUCCESS;
}

netan_table_t *
netan_centrality_degree(const netan_view_t *v, const netan_degree_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_degree_options_t o;
  netan_degree_options_init(&o);
  if (opts != NULL) {
    if (!check_version(opts->version, NETAN_DEGREE_OPTIONS_VERSION, "degree", error))
      return NULL;
    o = *opts;
  }
  if (o.mode != NETAN_DEGREE_ALL && o.mode != NETAN_DEGREE_IN && o.mode != NETAN_DEGREE_OUT) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "degree: unknown mode %d", (int)o.mode);
    return NULL;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  degree_job_t j = { v, o.mode == NETAN_DEGREE_IN ? IGRAPH_IN : o.mode == NETAN_DEGREE_OUT ? IGRAPH_OUT : IGRAPH_ALL,
                     o.strength, { 0 } };
  igraph_vector_init(&j.out, 0);  /* size 0 cannot fail */
  netan_gi_call_t call = { .what = "degree" };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, degree_run, &j, error)) {
    const char *mode = !netan_view_is_directed(v) || o.mode == NETAN_DEGREE_ALL ? "all"
                       : o.mode == NETAN_DEGREE_IN ? "in" : "out";
    t = netan_vt_centrality(v, VECTOR(j.out), o.strength ? "strength" : "degree");
    netan_table_i_set_meta(t, "mode", "%s", mode);
    netan_table_i_set_meta(t, "weights", "%s",
                           o.strength ? "strength=sum of link weights" : "none (distinct neighbours)");
    netan_table_i_set_meta(t, "normalized", "false");
  }
  igraph_vector_destroy(&j.out);
  return t;
}

/* ---- betweenness ---- */

/* Parallel Brandes over a copy of the graph (analysis/brandes.c): igraph
 * is only read, so the searches need not hold igraph's lock. */
netan_table_t *
netan_centrality_betweenness(const netan_view_t *v, const netan_betweenness_options_t *opts,
                             GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_betweenness_options_t o;
  netan_betweenness_options_init(&o);
  if (opts != NULL) {
    if (!check_version(opts->version, NETAN_BETWEENNESS_OPTIONS_VERSION, "betweenness", error))
      return NULL;
    o = *opts;
  }
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.normalized = o.normalized;
  p.progress = o.progress;
  p.payload = o.payload;
  return netan_betweenness_i_table(v, &p, error);
}

/* ---- PageRank ---- */

void
netan_pagerank_options_init(netan_pagerank_options_t *opts)
{
  static const netan_pagerank_options_t defaults = NETAN_PAGERANK_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

typedef struct {
  const netan_view_t *view;
  netan_pagerank_options_t opts;
  igraph_vector_t out;
} pagerank_job_t;

static igraph_error_t
pagerank_run(void *data)
{
  pagerank_job_t *j = data;
  const netan_view_t *v = j->view;
  return igraph_pagerank(&v->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &j->out, NULL, igraph_vss_all(),
                         v->opts.directed, j->opts.damping,
                         j->opts.weighted ? &v->strength : NULL, NULL);
}

netan_table_t *
netan_centrality_pagerank(const netan_view_t *v, const netan_pagerank_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  pagerank_job_t j = { v, NETAN_PAGERANK_OPTIONS_INIT, { 0 } };
  if (opts != NULL) {
    if (!check_version(opts->version, NETAN_PAGERANK_OPTIONS_VERSION, "pagerank", error))
      return NULL;
    j.opts = *opts;
  }
  if (!(j.opts.damping >= 0 && j.opts.damping <= 1)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "pagerank: damping must be between 0 and 1, not %g", j.opts.damping);
    return NULL;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  /* netan's own solver first (analysis/pagerank.h); PRPACK where it
   * declines, e.g. at damping 1. */
  g_autofree double *values = g_new(double, v->n_vertices + 1);
  const char *solver = NULL;
  igraph_vector_init(&j.out, 0);  /* size 0 cannot fail */
  gboolean ok = netan_pagerank_i_solve(&v->graph, j.opts.weighted ? &v->strength : NULL,
                                       v->opts.directed, j.opts.damping, values, &solver, NULL);
  if (!ok) {
    solver = "prpack";
    netan_gi_call_t call = { .what = "pagerank" };
    ok = netan_gi_run(&call, pagerank_run, &j, error);
    if (ok)
      memcpy(values, VECTOR(j.out), (size_t)v->n_vertices * sizeof *values);
  }
  netan_table_t *t = NULL;
  if (ok) {
    t = netan_vt_centrality(v, values, "pagerank");
    netan_table_i_set_meta(t, "solver", "%s", solver);
    netan_table_i_set_meta(t, "weights", "%s",
                           j.opts.weighted ? "strength=sum of link weights" : "none");
    netan_table_i_set_meta_double(t, "damping", j.opts.damping);
    netan_table_i_set_meta(t, "normalized", "sum=1");
  }
  igraph_vector_destroy(&j.out);
  return t;
}
