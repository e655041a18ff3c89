/* Betweenness without igraph's lock: Brandes (2001) over a CSR copy of the
 * view's graph, on several threads, exact or from sampled sources.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_BRANDES_H
#define NETAN_BRANDES_H

#include "analysis/vertex-table.h"

/*
 * Why this exists. igraph_betweenness() runs on one core, and Debian's
 * igraph is not thread-safe (IGRAPH_THREAD_SAFE 0), so it cannot be called
 * from several threads at once. Here igraph is only *read*, once, through
 * the gateway (netan_gi_run), to copy the graph into a compact adjacency
 * (CSR); the single-source searches then run on as many threads as asked,
 * each with its own arrays, without touching igraph or any global state.
 *
 * Same values as igraph_betweenness_cutoff() (0.10), by construction:
 *  - neighbours are visited in igraph's order (the CSR is copied from
 *    igraph_adjlist_init / igraph_inclist_init with the same mode and loop
 *    rules), and the Dijkstra queue is a binary heap that orders, sifts and
 *    breaks ties exactly as igraph's two-way heap does;
 *  - distances are kept as igraph keeps them (length + 1, so the source is
 *    at 1) and equally long weighted paths are recognised with igraph's
 *    relative tolerance (igraph_cmp_epsilon with
 *    IGRAPH_SHORTEST_PATH_EPSILON = 1e-10), so the same paths tie;
 *  - the cutoff is applied at the same points, the backward accumulation
 *    is igraph's expression, and undirected values are halved.
 * So every source's contribution is the one igraph computes, bit for bit.
 * Only the sum over sources differs: it is kept in double-double per
 * thread and the thread partials are merged in thread order, so it is
 * more accurate than igraph's running sum (which differs from it by up to
 * 2e-13 relative on the 20k-vertex bench graph, 5e-15 in the unit tests)
 * and, in practice, does not depend on the number of threads. Sources are
 * dealt to threads in fixed chunks, so the same thread count always gives
 * bit-identical results.
 *
 * Sampling (Brandes & Pich 2007): k sources drawn uniformly without
 * replacement with a seeded GRand (the same seed gives the same sources and,
 * whatever the thread count, the same values), each vertex's sum of their
 * contributions scaled by n/k. Both estimators below are unbiased.
 *  - Undirected paths: linear scaling (Geisberger, Sanders & Schultes
 *    2008). The pair (s, t) counts at v with weight d(s,v)/d(s,t) when s is
 *    the source, so that the two ends of a pair share it and their sum over
 *    all sources is the exact (halved) betweenness. It stops vertices next
 *    to a sampled source from being overestimated and halves the variance:
 *    on the 20k-phone bench graph, 1,000 sources give a Spearman rank
 *    correlation with exact on the top 1,000 of 0.953-0.963 over six seeds
 *    (0.897 without it), 1,500 give 0.966-0.974 and 2,000 give 0.977.
 *  - Directed paths: plain Brandes-Pich (linear scaling would need a
 *    backward search per source).
 * Error: the standard error of each value is estimated from the spread of
 * the k per-source contributions:
 *     se(v) = n * sqrt((1 - k/n) * s2(v) / k),
 * s2(v) their sample variance (finite-population correction: se = 0 when
 * k = n). It is right on average (root-mean-square of se over the top 100
 * = root-mean-square of the actual error, to within 5% on the bench graph
 * and in the unit test), but a vertex whose betweenness comes from a few
 * sources is often estimated low *with* a small se when the sample misses
 * them, so value +- 2 se covers the exact value less often than 95%
 * (measured: 88% over vertices with betweenness > 50 on a 400-vertex graph
 * with k = 80, 92% for its top 10%).
 * With k >= n every vertex is a source: the exact computation, bit for bit.
 */

typedef struct netan_brandes_graph netan_brandes_graph_t;

/* Copies @g. Arcs followed from a vertex: its out-edges when @directed and
 * @g is directed, else all its edges (igraph's IGRAPH_OUT / IGRAPH_ALL);
 * loops are dropped, parallel edges kept. @lengths: one per edge, positive
 * and not NaN, or NULL for unweighted. igraph is called through the
 * gateway. Errors: NETAN_ERROR_INVALID_ARGUMENT (bad lengths, more than
 * 2^31-1 vertices), NETAN_ERROR_BACKEND, NETAN_ERROR_FAILED (no memory). */
netan_brandes_graph_t *netan_brandes_graph_new(const igraph_t *g, const igraph_vector_t *lengths,
                                               gboolean directed, GError **error);
/* The same for a view's graph (@weighted: lengths 1/strength, unless the
 * view is unweighted), read from the view's own edges and strengths:
 * igraph's graph of the view is not needed (nor made). */
netan_brandes_graph_t *netan_brandes_graph_of_view(const netan_view_t *v, gboolean weighted, gboolean directed,
                                                   GError **error);
/* Tests: the same arcs, in the same order, with the same lengths? */
gboolean netan_brandes_i_same_graph(const netan_brandes_graph_t *a, const netan_brandes_graph_t *b);
void netan_brandes_graph_free(netan_brandes_graph_t *bg);
/* Tests: at most @max distinct lengths are coded in 16 bits (default and
 * largest 65536); with more, lengths are kept as doubles. Not thread-safe. */
void netan_brandes_i_set_length_codes(size_t max);
int64_t netan_brandes_graph_n_vertices(const netan_brandes_graph_t *bg);

typedef struct {
  double cutoff;                /* < 0: none; else only paths of length <= cutoff (as igraph) */
  int64_t samples;              /* 0 or >= n: every vertex is a source (exact); k: k random sources */
  uint64_t seed;                /* for the sample */
  int threads;                  /* 0: one per processor */
  netan_progress_cb progress;   /* may be NULL; called from the calling thread */
  void *payload;
  gboolean plain_sampling;      /* TRUE: no linear scaling when sampling undirected paths */
} netan_brandes_options_t;
#define NETAN_BRANDES_OPTIONS_INIT { -1.0, 0, 42, 0, NULL, NULL, FALSE }

typedef struct {
  int64_t sources;              /* sources searched (n when exact) */
  int threads;                  /* threads used */
  gboolean sampled;
  gboolean linear_scaling;      /* sampled with linear scaling */
} netan_brandes_info_t;

/*
 * Betweenness of every vertex into @values (n doubles, igraph's units:
 * undirected halved, not normalized). @std_error: NULL, or n doubles that
 * receive the estimated standard error of each value (all 0 when exact).
 * @info may be NULL.
 *
 * Progress: @progress is called from the calling thread with 0 first,
 * then each time at least 1% more of the sources are done (or 1 s has
 * passed, so that a cancel request is seen), then with 1; non-zero
 * cancels: the workers stop after their current source and the call fails
 * with NETAN_ERROR_CANCELLED.
 * Errors: NETAN_ERROR_INVALID_ARGUMENT, NETAN_ERROR_CANCELLED,
 * NETAN_ERROR_FAILED (no memory, no thread).
 */
gboolean netan_brandes_run(const netan_brandes_graph_t *bg, const netan_brandes_options_t *opts,
                           double *values, double *std_error, netan_brandes_info_t *info,
                           GError **error);

/* igraph_cmp_epsilon(a, b, IGRAPH_SHORTEST_PATH_EPSILON) as the searches
 * use it (for the tests). */
int netan_brandes_i_cmp_eps(double a, double b);

/* ---- on a view: the betweenness table ---- */

typedef struct {
  gboolean normalized;          /* divide by (n-1)(n-2) (/2 undirected), as networkx */
  gboolean weighted;            /* FALSE: every edge has length 1, whatever the view says */
  double cutoff;                /* < 0: none; in the view's length units */
  int64_t samples;              /* 0: exact; k > 0: estimate from k random sources */
  uint64_t seed;
  int threads;                  /* 0: one per processor */
  netan_progress_cb progress;
  void *payload;
} netan_betweenness_params_t;
#define NETAN_BETWEENNESS_PARAMS_INIT { FALSE, TRUE, -1.0, 0, 42, 0, NULL, NULL }

/*
 * The betweenness centrality table of @v (netan-analysis.h). Metadata
 * besides "measure", "directed", "weights" and "normalized":
 *   "method"   "exact (Brandes)" or "sampled (Brandes-Pich[, linear scaling]): k of n sources ..."
 *   "cutoff"   "none" or the cutoff
 *   "sources", "threads"
 * and when sampled: "samples", "seed", and the error estimate, in the
 * table's units (after normalisation):
 *   "stderr_max"             largest estimated standard error of a value
 *   "relative_stderr_top100" median of stderr/value over the 100 highest values
 *   "error_estimate"         what the two mean, in words
 */
netan_table_t *netan_betweenness_i_table(const netan_view_t *v, const netan_betweenness_params_t *p,
                                         GError **error);

#endif
