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
  igraph_t graph;
  int64_t *vertex_entity;    /* vertex -> entity id */
  int64_t *entity_vertex;    /* entity id -> vertex or -1 (n_entities of the case at build time) */
  int64_t n_entities_at_build;
  igraph_vector_t strength;  /* per edge: sum of link weights (more = closer) */
  igraph_vector_t length;    /* per edge: what path-based measures read */
  int64_t *edge_links;       /* per edge: number of links merged into it */
  int64_t *edge_first_record;/* per edge + 1: where its records start in records */
  int64_t *records;          /* link ids, and n_links_at_build + event ids */
  int64_t n_links_at_build;
  gboolean unweighted_length;/* length is all ones: pass NULL weights to igraph */
};

/* Fails with NETAN_ERROR_STALE if the case changed since the view was built. */
gboolean netan_view_i_check(const netan_view_t *v, GError **error);

/* igraph weight arguments: NULL where a measure should run unweighted. */
const igraph_vector_t *netan_view_i_lengths(const netan_view_t *v);

#endif
