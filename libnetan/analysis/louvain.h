/* Louvain (multilevel modularity optimisation) with igraph's exact
 * behaviour and less of its overhead.
 *
 * igraph_community_multilevel() asks igraph_incident() for a vertex's
 * edges, and allocates and frees a scratch array, every time it visits the
 * vertex: on call graphs that was about a fifth of its time. netan lists
 * each level's incident edges once, with igraph_incident() itself, and
 * otherwise takes every step igraph 0.10 takes, in its order, with its
 * arithmetic, its sort (igraph_qsort) and its random numbers
 * (igraph_vector_int_shuffle): the same partition and the same modularity
 * for the same seed, which tests/unit/test-communities.c and
 * test-analysis.c check against igraph_community_multilevel().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_ANALYSIS_LOUVAIN_H
#define NETAN_ANALYSIS_LOUVAIN_H

#include <igraph.h>

/* igraph_community_multilevel(@graph, @weights, @resolution, @membership,
 * NULL, NULL): @graph undirected; @weights NULL (all 1) or one
 * non-negative value per edge. Uses igraph's random number generator as
 * igraph does; run it through the igraph gateway (util/igraph-gate.h). */
igraph_error_t netan_louvain_i_run(const igraph_t *graph, const igraph_vector_t *weights, double resolution,
                                   igraph_vector_int_t *membership);

#endif
