/* What analyses read from a view: the igraph graph and its weight vectors.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_VIEW_PRIVATE_H
#define NETAN_VIEW_PRIVATE_H

#include "util/igraph-gate.h"
#include "model/case-private.h"

struct netan_view {
  const netan_case_t *kase;
  uint64_t generation;       /* of the case when built */
  netan_view_options_t opts;
  int64_t n_vertices, n_edges;
  /* per edge: its ends as igraph keeps them (ends[2e] = from, ends[2e+1]
   * = to; undirected: from >= to). Edges are in order of (from, to)
   * when directed, (to, from) when not. */
  int32_t *ends;
  /* igraph's graph of the view: made on first use (netan_view_i_graph),
   * since netan's own measures (betweenness, degree, ...) need only ends
   * and strengths, and igraph's graph is the largest part of a view. */
  igraph_t graph;
  GMutex graph_lock;
  gint graph_state;          /* 0 not made, 1 made, 2 failed (graph_error says why) */
  GError *graph_error;
  int64_t *vertex_entity;    /* vertex -> entity id */
  int64_t *entity_vertex;    /* entity id -> vertex or -1 (n_entities of the case at build time) */
  int64_t n_entities_at_build;
  igraph_vector_t strength;  /* per edge: sum of link weights (more = closer) */
  /* per edge: what path-based measures read, 1/strength; made on first
   * use by netan_view_i_lengths() (a view that only counts, or whose
   * Brandes reads strengths itself, never holds it) */
  igraph_vector_t length;
  double *length_data;
  gsize length_made;         /* g_once flag */
  /* The evidence of each edge, CSR-style: its records (link ids, and
   * n_links_at_build + event ids) are records[edge_first_record[e]] ..
   * records[edge_first_record[e + 1] - 1]; their number is how many links
   * and events were merged into the edge. 32 bits: a view refuses cases of
   * more than UINT32_MAX links and events, and halves what evidence costs
   * (the largest part of a view after igraph's graph). */
  uint32_t *edge_first_record;
  uint32_t *records;
  int64_t n_links_at_build;
  gboolean unweighted_length;/* length is all ones: pass NULL weights to igraph */
};

/* Fails with NETAN_ERROR_STALE if the case changed since the view was
 * built; else makes igraph's graph of the view if it is not made yet
 * (errors of igraph, e.g. out of memory, as netan_gi_run reports them).
 * After it succeeds, v->graph may be read. */
gboolean netan_view_i_check(const netan_view_t *v, GError **error);
/* Only the first part: for code that does not read v->graph. */
gboolean netan_view_i_check_current(const netan_view_t *v, GError **error);

static inline int64_t netan_view_i_from(const netan_view_t *v, int64_t e) { return v->ends[2 * e]; }
static inline int64_t netan_view_i_to(const netan_view_t *v, int64_t e) { return v->ends[2 * e + 1]; }

/* igraph weight arguments: NULL where a measure should run unweighted.
 * Made on first call (thread-safe), freed with the view. */
const igraph_vector_t *netan_view_i_lengths(const netan_view_t *v);

/* Are the view's lengths 1/strength (else all 1: unweighted)? */
static inline gboolean
netan_view_i_lengths_are_reciprocal(const netan_view_t *v)
{
  return !v->unweighted_length;
}

/* The length of edge @e by the view's transform: 1 (unweighted) or
 * 1/strength, the one expression every length of a view comes from. */
static inline double
netan_view_i_length_of(const netan_view_t *v, int64_t e)
{
  return v->unweighted_length ? 1.0 : 1.0 / VECTOR(v->strength)[e];
}

#endif
