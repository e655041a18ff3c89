/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_COMMUNITIES_H
#define NETAN_COMMUNITIES_H

#include <netan/netan-analysis.h>

G_BEGIN_DECLS

/*
 * Community detection by method name, with one options struct, and a
 * per-community summary of any partition. What each method optimises, how
 * it treats directed views and weights, and how it was checked against
 * python-igraph and networkx is in doc/communities.md.
 *
 * Every method reads edge weights as STRENGTHS (more contacts = closer),
 * except that edge_betweenness reads the view's LENGTHS for its shortest
 * paths (1/strength by default) and strengths for the modularity that
 * chooses where to cut its dendrogram.
 *
 * All methods are seeded: igraph's random number generator is seeded with
 * @seed before each call, so the same view, method and options give the
 * same partition (walktrap and edge_betweenness are deterministic anyway).
 */

#define NETAN_COMMUNITIES_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;        /* NETAN_COMMUNITIES_OPTIONS_VERSION */
  uint64_t seed;               /* seeds igraph's RNG; default 42 */
  /* louvain, leiden: > 0. Modularity objective: the gamma of generalised
   * modularity (1 = classic; larger = more, smaller communities). Leiden
   * CPM: the density threshold gamma of the Constant Potts Model (the
   * default 1 only keeps cliques together on unweighted views; try the
   * view's density). Default 1. */
  double resolution;
  gboolean weighted;           /* FALSE: every edge weighs 1; default TRUE */
  /* leiden: "modularity" (default, also for NULL) or "cpm". */
  const char *objective;
  /* leiden: number of iterations; < 0 (default -1) = until an iteration
   * changes nothing (at most 100). 0 is refused. */
  int64_t iterations;
  /* infomap: independent runs, the shortest code kept; label_propagation:
   * independent runs, the highest modularity kept. Default 10. */
  int trials;
  int steps;                   /* walktrap: length of the random walks; default 4 */
  /* edge_betweenness: views with more vertices or more edges than this are
   * refused (NETAN_ERROR_INVALID_ARGUMENT), as the method costs about
   * |V||E|^2/2 shortest-path steps (doc/communities.md has the timings).
   * Defaults 1000 and 5000 (at most about 20 minutes here); -1 lifts a
   * limit. */
  int64_t max_vertices;
  int64_t max_edges;
  netan_progress_cb progress;  /* may be NULL; non-zero return cancels */
  void *payload;
} netan_communities_options_t;
#define NETAN_COMMUNITIES_OPTIONS_INIT \
  { NETAN_COMMUNITIES_OPTIONS_VERSION, 42, 1.0, TRUE, NULL, -1, 10, 4, 1000, 5000, NULL, NULL }
NETAN_API void netan_communities_options_init(netan_communities_options_t *opts);

/** The method names netan_communities() knows, NULL-terminated; owned by
 * the library. */
NETAN_API const char *const *netan_communities_methods(void);

/**
 * Partitions the vertices of @v into communities with @method:
 *
 *  - "louvain": multilevel modularity optimisation (Blondel et al. 2008),
 *    igraph_community_multilevel's partition; as netan_communities_louvain().
 *  - "leiden": Traag, Waltman & van Eck 2019, igraph_community_leiden;
 *    objective "modularity" (node weights = strengths, resolution scaled by
 *    1/(2m), m = total strength, as igraph documents) or "cpm" (node
 *    weights 1, resolution as given). beta = 0.01.
 *  - "infomap": map equation (Rosvall & Bergstrom 2008),
 *    igraph_community_infomap with @trials.
 *  - "label_propagation": Raghavan, Albert & Kumara 2007,
 *    igraph_community_label_propagation.
 *  - "walktrap": Pons & Latapy 2005, igraph_community_walktrap with @steps,
 *    cut at the level of highest modularity.
 *  - "edge_betweenness": Girvan & Newman 2002,
 *    igraph_community_edge_betweenness, cut at the level of highest
 *    modularity; refused above @max_vertices / @max_edges.
 *
 * Directed views: infomap and edge_betweenness use igraph's directed
 * variants (flow along arcs; directed shortest paths). louvain, leiden,
 * label_propagation and walktrap run on the symmetrised view (the
 * strengths of a->b and b->a added), as their igraph implementations are
 * undirected only or (label propagation) let labels flow one way only.
 *
 * @opts may be NULL (defaults). The table has one row per vertex with the
 * columns entity, key, label, type, community (int), community_size (int),
 * sorted by community then key; communities are numbered by size, the
 * largest 0, ties by their smallest entity id. A view without edges gives
 * one community per vertex.
 * Metadata: "method", "seed", "weights", "directed" (what was done with
 * direction), "communities", "modularity" ("%.17g"; of the returned
 * partition on the symmetrised view, with strengths unless @weighted is
 * FALSE; for louvain and leiden-modularity at @resolution, the generalised
 * modularity they optimised, otherwise at 1; "nan" without edges),
 * "modularity_resolution" (the gamma it was computed at), and per method:
 * "resolution" (louvain, leiden), "objective", "iterations", "quality"
 * (leiden: igraph's value of the objective), "iterations" (leiden: the
 * number run), "trials" (infomap, label_propagation), "codelength"
 * (infomap), "steps" (walktrap).
 *
 * Errors: NETAN_ERROR_NOT_FOUND for an unknown method (the message lists
 * the methods); NETAN_ERROR_INVALID_ARGUMENT for a bad option, an edge of
 * strength <= 0 on a weighted run, or a view too large for
 * edge_betweenness; NETAN_ERROR_STALE; NETAN_ERROR_CANCELLED;
 * NETAN_ERROR_BACKEND.
 *
 * Time: louvain, leiden, label_propagation about O(|E|) per pass; infomap
 * O(|E|) per pass and trial; walktrap O(|E||V|^2) worst, O(|V|^2 log|V|)
 * on sparse graphs; edge_betweenness O(|V||E|^2).
 */
NETAN_API netan_table_t *netan_communities(const netan_view_t *v, const char *method,
                                           const netan_communities_options_t *opts,
                                           GError **error);

/**
 * One row per community of @partition (a table with integer columns
 * "entity" and "community", as netan_communities() returns; community
 * numbers >= 0), sorted by community number:
 *   community (int), size (int),
 *   internal_density (double): edges inside / possible pairs, s(s-1)/2 on
 *     an undirected view and s(s-1) on a directed one (0 for s = 1), as
 *     networkx.density of the induced subgraph;
 *   internal_strength (double): total strength of the edges inside;
 *   external_strength (double): total strength of the edges with one end
 *     inside and one outside (either direction);
 *   n_neighbour_communities (int): other communities it has an edge with;
 *   top_members (string): the three members of highest betweenness in the
 *     whole view (as netan_centrality_betweenness: lengths, direction of
 *     the view), ties by key, keys joined by "; ";
 *   top_brokers (string): up to three members with the most neighbours in
 *     other communities (ties by their strength to other communities, then
 *     key), keys joined by "; "; members without such neighbours are left
 *     out.
 * Metadata: "communities", "modularity" (classic modularity, gamma 1, of
 * the partition on the symmetrised view with strengths; "nan" without
 * edges), "weights", "method" (copied from @partition when it has one).
 *
 * Every vertex of @v must be in the partition exactly once, under its own
 * entity id or that of an entity merged into it.
 * Errors: NETAN_ERROR_INVALID_ARGUMENT for a partition that does not fit
 * the view, NETAN_ERROR_STALE, NETAN_ERROR_BACKEND.
 * Time: O(|V||E|) for the betweenness, O(|V| + |E|) for the rest.
 */
NETAN_API netan_table_t *netan_communities_summary(const netan_view_t *v,
                                                   const netan_table_t *partition,
                                                   GError **error);

/**
 * As netan_communities_summary(), with the partition given as @n pairs
 * (@entities[i], @communities[i]): for bindings and callers that hold the
 * partition as plain arrays. The arrays are borrowed.
 */
NETAN_API netan_table_t *netan_communities_summary_membership(const netan_view_t *v, int64_t n,
                                                              const int64_t *entities,
                                                              const int64_t *communities,
                                                              GError **error);

G_END_DECLS

#endif
