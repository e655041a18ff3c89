/* Path measures: closeness and harmonic centrality. Both read LENGTHS.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/measures.h"

/* What "weights" says for a path measure. */
static const char *
lengths_name(const netan_view_t *v, const netan_centrality_options_t *o)
{
  return o->weighted ? netan_view_length_name(v) : "none (weighted=false: length=1 per edge)";
}

typedef struct {
  const netan_view_t *view;
  const igraph_vector_t *lengths;  /* NULL: unweighted */
  igraph_neimode_t mode;
  gboolean normalized;
  double cutoff;                   /* < 0: none */
  gboolean harmonic;
  igraph_vector_t out;
  igraph_bool_t all_reachable;
} path_job_t;

/* igraph 0.10's weighted closeness and harmonic centrality neither report
 * progress nor poll for interruption: run them on slices of the vertices
 * and report between slices (each vertex still costs one Dijkstra, as in
 * one call). About 100 slices, but at most SLICE_MAX vertices each: on a
 * 200k-vertex call graph one Dijkstra takes about 0.15 s here, so a 1%
 * slice made Ctrl-C wait five minutes. Each slice adds igraph's setup,
 * about one pass over the edges: under 0.4% of a full slice's Dijkstra
 * runs, which pass over the edges at least once each. */
#define SLICE_MAX 256

static igraph_error_t
weighted_in_slices(path_job_t *j)
{
  const igraph_t *g = &j->view->graph;
  igraph_integer_t n = igraph_vcount(g), step = MIN(n / 100 + 1, SLICE_MAX);
  igraph_vector_t part;
  IGRAPH_CHECK(igraph_vector_resize(&j->out, n));
  IGRAPH_VECTOR_INIT_FINALLY(&part, 0);
  j->all_reachable = 1;
  for (igraph_integer_t start = 0; start < n; start += step) {
    igraph_integer_t end = MIN(n, start + step);
    igraph_bool_t all;
    IGRAPH_PROGRESS("Path centrality: ", 100.0 * (double)start / (double)n, NULL);
    if (j->harmonic) {
      IGRAPH_CHECK(igraph_harmonic_centrality_cutoff(g, &part, igraph_vss_range(start, end), j->mode,
                                                     j->lengths, j->normalized, j->cutoff));
    } else {
      IGRAPH_CHECK(igraph_closeness_cutoff(g, &part, NULL, &all, igraph_vss_range(start, end), j->mode,
                                           j->lengths, j->normalized, j->cutoff));
      j->all_reachable = j->all_reachable && all;
    }
    for (igraph_integer_t i = start; i < end; i++)
      VECTOR(j->out)[i] = VECTOR(part)[i - start];
  }
  igraph_vector_destroy(&part);
  IGRAPH_FINALLY_CLEAN(1);
  IGRAPH_PROGRESS("Path centrality: ", 100.0, NULL);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
path_run(void *data)
{
  path_job_t *j = data;
  const igraph_t *g = &j->view->graph;
  if (j->lengths != NULL)
    return weighted_in_slices(j);
  if (j->harmonic)
    return igraph_harmonic_centrality_cutoff(g, &j->out, igraph_vss_all(), j->mode, NULL,
                                             j->normalized, j->cutoff);
  return igraph_closeness_cutoff(g, &j->out, NULL, &j->all_reachable, igraph_vss_all(), j->mode,
                                 j->lengths, j->normalized, j->cutoff);
}

static netan_table_t *
path_measure(const netan_view_t *v, const netan_centrality_options_t *o, gboolean harmonic,
             GError **error)
{
  const char *what = harmonic ? "harmonic" : "closeness";
  path_job_t j = { .view = v, .normalized = o->normalized, .cutoff = o->cutoff, .harmonic = harmonic };
  if (!netan_m_mode(what, o->mode, &j.mode, error) || !netan_m_check_cutoff(what, o->cutoff, error))
    return NULL;
  if (!netan_view_i_check(v, error))
    return NULL;
  j.lengths = o->weighted ? netan_view_i_lengths(v) : NULL;
  igraph_vector_init(&j.out, 0);  /* size 0 cannot fail */
  netan_gi_call_t call = { .what = what, .progress = o->progress, .payload = o->payload };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, path_run, &j, error)) {
    /* igraph_closeness gives NaN to a vertex that reaches no other vertex
     * (1 / an empty sum); netan_m_table keeps it NaN and ranks it last. */
    t = netan_m_table(v, VECTOR(j.out), what);
    netan_table_i_set_meta(t, "weights", "%s", lengths_name(v, o));
    netan_table_i_set_meta(t, "mode", "%s", netan_m_mode_name(v, o->mode));
    netan_m_set_cutoff_meta(t, o->cutoff);
    if (harmonic) {
      netan_table_i_set_meta(t, "normalized", "%s", o->normalized ? "1/(n-1)" : "false");
    } else {
      netan_table_i_set_meta(t, "normalized", "%s", o->normalized ? "r/sum(d), r=vertices reached" : "false");
      /* igraph's reachable-only closeness: say when it was needed */
      netan_table_i_set_meta(t, "all_reachable", "%s", j.all_reachable ? "true" : "false");
    }
  }
  igraph_vector_destroy(&j.out);
  return t;
}

/* Closeness (Bavelas 1950; Sabidussi 1966), reachable-only as igraph 0.10
 * defines it: 1 / the sum of the distances to the vertices reached;
 * normalized: r / that sum, r = the number of vertices reached, i.e. the
 * inverse of the mean distance to them. */
netan_table_t *
netan_m_closeness(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  return path_measure(v, o, FALSE, error);
}

/* Harmonic centrality (Marchiori & Latora 2000; Rochat 2009): the sum of
 * 1/distance over the other vertices (unreachable ones add 0);
 * normalized: divided by n - 1. */
netan_table_t *
netan_m_harmonic(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  return path_measure(v, o, TRUE, error);
}
