/* PageRank by conjugate gradients (undirected) or Gauss–Seidel sweeps
 * (directed) over a CSR copy of the view's graph.
 *
 * Why not igraph's PRPACK: on call graphs conjugate gradients need about
 * 40 passes over the edges for PRPACK's own tolerance and no conversion
 * of the graph, which made PageRank faster than PRPACK single-threaded on
 * the benchmark graphs (bench/RESULTS.md). The linear system is PRPACK's, so
 * the values are igraph's to the tolerance (tests/unit/test-pagerank.c
 * compares them with PRPACK, the Python tests with python-igraph and
 * networkx).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_ANALYSIS_PAGERANK_H
#define NETAN_ANALYSIS_PAGERANK_H

#include <glib.h>
#include <igraph.h>

/* The L1 error left in the result: the tolerance igraph gives PRPACK.
 * Conjugate gradients stop on a bound of the error (pagerank.c); sweeps
 * stop when one moves the vector by less than tol (1 - d) / d, which the
 * error that remains is about d / (1 - d) times. */
#define NETAN_PAGERANK_TOL 1e-10

/* The stationary distribution of the walk on @g that follows an out-arc
 * (both directions of an undirected edge) with probability @damping, in
 * proportion to @weights (NULL = all 1; edges of weight 0 are never
 * followed), and otherwise jumps to a uniformly chosen vertex; a vertex
 * without out-arcs always jumps. @out gets igraph_vcount(g) values summing
 * to 1. Returns FALSE for damping outside [0, 1), a negative or NaN
 * weight, or when the sweeps do not converge (then the caller should use
 * PRPACK); @why, if not NULL, says which. @method, if not NULL, gets the
 * solver's name ("conjugate gradients" or "gauss-seidel"). */
gboolean netan_pagerank_i_solve(const igraph_t *g, const igraph_vector_t *weights, gboolean directed,
                                double damping, double *out, const char **method, const char **why);

#endif
