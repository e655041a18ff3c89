/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_EDGE_MEASURES_H
#define NETAN_EDGE_MEASURES_H

#include <netan/netan-centrality.h>

G_BEGIN_DECLS

/*
 * Measures of links rather than entities. An edge table has one row per
 * edge of the view (all links between one pair, or one ordered pair on a
 * directed view, are one edge) with the columns
 *   from (int), from_key (string), to (int), to_key (string),
 *   value (double), rank (int)
 * where from and to are entity ids. On a directed view from -> to is the
 * edge's direction; on an undirected view from is the entity with the
 * smaller id. Rows are sorted by value, highest first, ties by from_key
 * then to_key; rank is 1 for the highest value and equal values share the
 * best rank ("1224" ranking), as in vertex tables.
 * Metadata: "measure", "weights", "normalized", "directed", "cutoff".
 */

/**
 * Edge betweenness (Girvan & Newman 2002; Brandes 2001): for every edge,
 * the number of shortest paths between pairs of vertices that run through
 * it, each path shared among equally short paths. The links an analyst
 * would cut to separate the network most.
 *
 * Weights are read as LENGTHS, taken from the view (1/strength by default,
 * or 1 per edge on an unweighted view); with opts->weighted = FALSE every
 * edge has length 1. Direction follows the view. Of @opts this reads
 * normalized, cutoff, weighted, progress and payload; @opts may be NULL
 * (the defaults of NETAN_CENTRALITY_OPTIONS_INIT).
 *  - normalized = FALSE (default): raw counts, each unordered pair counted
 *    once on undirected views (igraph's and networkx's normalized=False);
 *    TRUE: divided by the number of vertex pairs, n(n-1)/2 undirected or
 *    n(n-1) directed (networkx's edge_betweenness_centrality normalized=True).
 *  - cutoff >= 0: only paths of length at most cutoff are counted
 *    (igraph_edge_betweenness_cutoff); < 0: all paths.
 * Time: O(|V||E| + |V|^2 log |V|) weighted, O(|V||E|) unweighted.
 * Errors: NETAN_ERROR_INVALID_ARGUMENT (options), NETAN_ERROR_STALE,
 * NETAN_ERROR_CANCELLED, NETAN_ERROR_BACKEND.
 * Returns: a new edge table (netan_table_free()), or NULL with @error set.
 */
NETAN_API netan_table_t *netan_centrality_edge_betweenness(const netan_view_t *v,
                                                           const netan_centrality_options_t *opts,
                                                           GError **error);

G_END_DECLS

#endif
