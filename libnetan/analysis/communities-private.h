/* What the community-detection files share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_COMMUNITIES_PRIVATE_H
#define NETAN_COMMUNITIES_PRIVATE_H

#include "analysis/vertex-table.h"
#include <netan/netan-communities.h>

/* The undirected graph modularity is computed on: for a directed view its
 * symmetrisation (one edge per unordered pair, the strengths of a->b and
 * b->a added); for an undirected view the view's own graph and strengths,
 * borrowed. Only inside netan_gi_run(). */
typedef struct {
  igraph_t own_graph;
  igraph_vector_t own_strength;
  gboolean owned;
  const igraph_t *graph;
  const igraph_vector_t *strength;
} netan_com_ugraph_t;

/* Fills @u; on success the caller must netan_com_ugraph_destroy() it. */
igraph_error_t netan_com_ugraph_init(netan_com_ugraph_t *u, const netan_view_t *v);
void netan_com_ugraph_destroy(netan_com_ugraph_t *u);

/* The community table of a partition given as one community number
 * (>= 0, any numbering) per vertex: communities renumbered by size, the
 * largest 0, ties by smallest vertex; rows sorted by community then key;
 * metadata "communities". */
netan_table_t *netan_com_table(const netan_view_t *v, const int64_t *membership);

/* FALSE (NETAN_ERROR_INVALID_ARGUMENT) if an edge of @v has a strength
 * that is not a positive number: modularity reads strengths as similarities. */
gboolean netan_com_check_strengths(const netan_view_t *v, const char *what, GError **error);

#endif
