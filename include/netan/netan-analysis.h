/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_ANALYSIS_H
#define NETAN_ANALYSIS_H

#include <netan/netan-view.h>
#include <netan/netan-table.h>

G_BEGIN_DECLS

/*
 * Analyses run on a view and return a table. Centrality tables have one row
 * per vertex with the columns
 *   entity (int), key, label, type (string), value (double), rank (int)
 * sorted by value, highest first, ties by key; rank is 1 for the highest
 * value and equal values share the best rank ("1224" ranking).
 * Metadata: "measure", "weights" (which weights were read and how),
 * "directed", "normalized".
 *
 * igraph is not thread-safe in Debian's build: libnetan serialises all of
 * its igraph calls behind one lock, so analyses may be called from several
 * threads but run one at a time. Betweenness is netan's own code: only its
 * copy of the graph takes the igraph lock; its searches run in parallel.
 */

typedef enum {
  NETAN_DEGREE_ALL = 0,
  NETAN_DEGREE_IN = 1,   /* directed views only; = ALL on undirected ones */
  NETAN_DEGREE_OUT = 2
} netan_degree_mode_t;

#define NETAN_DEGREE_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  netan_degree_mode_t mode;
  /* FALSE (default): the number of edges of the view at the vertex; as the
   * view merges parallel links, on an undirected view that is the number of
   * distinct neighbours. On a directed view, NETAN_DEGREE_ALL is in + out
   * (a pair calling both ways counts twice), as in igraph and networkx.
   * TRUE: strength, the sum of the strengths of those edges. */
  gboolean strength;
} netan_degree_options_t;
#define NETAN_DEGREE_OPTIONS_INIT { NETAN_DEGREE_OPTIONS_VERSION, NETAN_DEGREE_ALL, FALSE }
NETAN_API void netan_degree_options_init(netan_degree_options_t *opts);

/**
 * Degree (or strength) of every vertex. @opts may be NULL.
 * Time: O(|V| + |E|).
 */
NETAN_API netan_table_t *netan_centrality_degree(const netan_view_t *v,
                                                 const netan_degree_options_t *opts,
                                                 GError **error);

#define NETAN_BETWEENNESS_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  /* FALSE (default): raw counts of shortest paths through the vertex, each
   * unordered pair counted once on undirected views (igraph's and
   * networkx's normalized=False convention). TRUE: divided by the number of
   * pairs not including the vertex, (n-1)(n-2)/2 undirected or (n-1)(n-2)
   * directed, as networkx's normalized=True. */
  gboolean normalized;
  netan_progress_cb progress;   /* may be NULL */
  void *payload;
} netan_betweenness_options_t;
#define NETAN_BETWEENNESS_OPTIONS_INIT { NETAN_BETWEENNESS_OPTIONS_VERSION, FALSE, NULL, NULL }
NETAN_API void netan_betweenness_options_init(netan_betweenness_options_t *opts);

/**
 * Exact betweenness centrality (Brandes 2001) of every vertex: the number
 * of shortest paths between other vertices that pass through it, shared
 * among equally short paths.
 *
 * Weights are read as LENGTHS, taken from the view: 1/strength by default
 * (strong ties are short), or unweighted. Direction follows the view.
 * Runs on one thread per processor (parallel Brandes over the sources, a
 * copy of the graph) and gives igraph's values to rounding. For threads,
 * a cutoff or a sampled estimate see netan_centrality(v, "betweenness", ...).
 * Time: O(|V||E| + |V|^2 log |V|) weighted, O(|V||E|) unweighted.
 * Errors: NETAN_ERROR_STALE, NETAN_ERROR_CANCELLED, NETAN_ERROR_INVALID_ARGUMENT
 * (non-positive or NaN lengths), NETAN_ERROR_FAILED (no memory, no thread).
 */
NETAN_API netan_table_t *netan_centrality_betweenness(const netan_view_t *v,
                                                      const netan_betweenness_options_t *opts,
                                                      GError **error);

#define NETAN_PAGERANK_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  double damping;       /* probability of following an edge; default 0.85 */
  gboolean weighted;    /* TRUE (default): edges are followed in proportion to their STRENGTH */
} netan_pagerank_options_t;
#define NETAN_PAGERANK_OPTIONS_INIT { NETAN_PAGERANK_OPTIONS_VERSION, 0.85, TRUE }
NETAN_API void netan_pagerank_options_init(netan_pagerank_options_t *opts);

/**
 * PageRank (Brin & Page 1998) of every vertex, solving the system igraph's
 * PRPACK solves (netan's own solvers, to an L1 error below 1e-10; damping 1
 * goes to PRPACK itself; doc/measures.md):
 * the share of time a random walker spends at the vertex when it follows
 * edges with probability @damping and jumps to a random vertex otherwise.
 * Values sum to 1. Weights are read as STRENGTHS (a walker follows a
 * frequent contact more often). Direction follows the view. Same values as
 * networkx.pagerank and python-igraph Graph.pagerank.
 * Time: about O(|V| + |E|) per iteration.
 */
NETAN_API netan_table_t *netan_centrality_pagerank(const netan_view_t *v,
                                                   const netan_pagerank_options_t *opts,
                                                   GError **error);

#define NETAN_LOUVAIN_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  uint64_t seed;        /* igraph's RNG is seeded with it: same seed, same partition */
  double resolution;    /* > 0; 1 is classic modularity (default) */
  gboolean weighted;    /* TRUE (default): edge STRENGTHS weigh the modularity */
} netan_louvain_options_t;
#define NETAN_LOUVAIN_OPTIONS_INIT { NETAN_LOUVAIN_OPTIONS_VERSION, 42, 1.0, TRUE }
NETAN_API void netan_louvain_options_init(netan_louvain_options_t *opts);

/**
 * Louvain (multilevel modularity optimisation; Blondel et al. 2008): the
 * partition igraph_community_multilevel gives for the seed, computed by
 * netan's own loop of igraph's steps (doc/communities.md). Directed views are symmetrised first (the
 * strengths of a->b and b->a are added), as modularity here is undirected.
 *
 * The table has one row per vertex with the columns
 *   entity, key, label, type, community (int), community_size (int)
 * sorted by community then key. Communities are numbered by size, the
 * largest first (0), ties by their smallest entity id, so the numbering
 * does not depend on igraph's internal order.
 * Metadata: "method", "seed", "resolution", "weights", "modularity"
 * (of the final partition, "%.17g"; at a resolution other than 1 this is
 * the generalised modularity that Louvain optimised, with the resolution
 * in its null-model term; "nan" for a view without edges, where modularity
 * is undefined), "communities".
 */
NETAN_API netan_table_t *netan_communities_louvain(const netan_view_t *v,
                                                   const netan_louvain_options_t *opts,
                                                   GError **error);

G_END_DECLS

#endif
