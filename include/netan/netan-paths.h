/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_PATHS_H
#define NETAN_PATHS_H

#include <netan/netan-view.h>
#include <netan/netan-table.h>

G_BEGIN_DECLS

/*
 * Paths and neighbourhoods: how is A connected to B, who connects a set of
 * entities, who is around X, whom do A and B both talk to (DESIGN.md §6).
 * doc/paths.md is the user guide, with the exact rules.
 *
 * Entities are named by entity id (netan_case_find_entity()). An entity
 * merged into another stands for the vertex it was merged into.
 *
 * Weights: paths read the view's edge LENGTHS (1/strength by default, so
 * strong ties are short; or 1 per edge on an unweighted view), or count
 * hops when options.weighted is FALSE. Every result says which in its
 * metadata ("weights"). Strengths are reported, never used as lengths.
 *
 * PATH TABLES (shortest, k shortest, all shortest, connecting network):
 * one row per step of each path, in path order, with the columns
 *   path (int, 1-based), step (int, 1-based),
 *   from (int, entity id), from_key (string), to (int), to_key (string),
 *   length (double: the length this step counted), strength (double),
 *   n_records (int: links and events behind the step),
 *   evidence (string: those records with their source rows, e.g.
 *     "call event #12 2024-03-01T10:22:00Z (cdr_rs.csv:1043); ...; and 9 more"),
 *   path_length (double: the total length of the path the row belongs to).
 * from/to follow the walk from the first entity to the last; when walking
 * against the arrows of a directed view, each step's link points to -> from.
 * Metadata: "analysis", "reachable" ("true"/"false"), "n_paths",
 * "weights", "directed", "direction", "constraint", and per call "from",
 * "to", "distance", "k", "truncated". No path is not an error: the table
 * is empty and "reachable" is "false". A path from an entity to itself is
 * reachable with no steps ("n_paths" 1, "distance" 0).
 *
 * Errors (NETAN_ERROR domain): NOT_FOUND for an entity id that is not in
 * the case, or an entity that is not in the view; INVALID_ARGUMENT for
 * k < 1, hops < 0, fewer than two entities, the same entity named twice,
 * bad options; STALE if the case changed; BACKEND if igraph fails.
 *
 * igraph is called through libnetan's one lock (netan-analysis.h).
 */

typedef enum {
  NETAN_PATH_WITH_ARROWS = 0,    /* directed views: walk links from -> to (default) */
  NETAN_PATH_AGAINST_ARROWS = 1, /* directed views: walk links to -> from */
  NETAN_PATH_ANY_DIRECTION = 2   /* directed views: ignore direction; a -> b and b -> a
                                    become one edge, strengths added, as on an
                                    undirected view of the same selection */
} netan_path_direction_t;

#define NETAN_PATH_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;              /* NETAN_PATH_OPTIONS_VERSION */
  /* netan_paths_shortest(): how many paths, shortest first (Yen's loopless
   * k shortest paths when > 1). Default 1. */
  int64_t k;
  /* TRUE (default): steps count the view's lengths; FALSE: every step
   * counts 1 (fewest hops), whatever the view's length transform. */
  gboolean weighted;
  netan_path_direction_t direction;  /* ignored on undirected views */
  /* Constraint (see doc/paths.md): NULL-terminated lists; NULL = any.
   * Only entities of these types may be walked through or returned; the
   * entities named in the call are always allowed. */
  const char *const *entity_types;
  /* Only links and events of these types count: an edge is kept if some of
   * its records have one of them, and its strength, length and evidence
   * are then computed from those records alone. */
  const char *const *link_types;
  /* Only entities with this attribute (any value if @entity_attribute_value
   * is NULL, else that value); the named entities are always allowed. */
  const char *entity_attribute;
  const char *entity_attribute_value;
  /* Entities never walked through or returned (e.g. an intermediary found
   * to be legitimate); ids of the case. Naming an excluded entity in the
   * call is an error. */
  const int64_t *exclude;
  size_t n_exclude;
  /* netan_paths_all_shortest(): at most this many paths; connect: at most
   * this many shortest paths per pair of seeds. Default 1000; > 0. */
  int64_t max_paths;
  /* Records listed in a step's evidence; the rest are counted ("and N
   * more"). Default 3; 0 = count only; < 0 = list all. */
  int max_evidence;
  /* netan_paths_connect(): called after each seed's search with the
   * fraction done; non-zero cancels (NETAN_ERROR_CANCELLED). The other
   * calls are one igraph search each and do not report. May be NULL. */
  netan_progress_cb progress;
  void *payload;
} netan_path_options_t;
#define NETAN_PATH_OPTIONS_INIT \
  { NETAN_PATH_OPTIONS_VERSION, 1, TRUE, NETAN_PATH_WITH_ARROWS, NULL, NULL, NULL, NULL, NULL, 0, 1000, 3, NULL, NULL }
NETAN_API void netan_path_options_init(netan_path_options_t *opts);

/**
 * The shortest path from entity @from to entity @to, or with options.k > 1
 * the k shortest loopless paths, shortest first (fewer if there are fewer).
 * A path table (above); "distance" is the length of the shortest path.
 * @opts may be NULL.
 * Time: O(|E| + |V| log |V|) for one path (Dijkstra; BFS unweighted);
 * k |V| (|E| + |V| log |V|) for k paths (Yen 1971).
 * See also: netan_paths_all_shortest().
 */
NETAN_API netan_table_t *netan_paths_shortest(const netan_view_t *v, int64_t from, int64_t to,
                                              const netan_path_options_t *opts, GError **error);

/**
 * Every shortest path from @from to @to (equal lengths compared with
 * igraph's relative tolerance), ordered by the vertices along them; at
 * most options.max_paths ("truncated" says whether some were left out).
 * Their number can grow exponentially with the length of the path.
 */
NETAN_API netan_table_t *netan_paths_all_shortest(const netan_view_t *v, int64_t from, int64_t to,
                                                  const netan_path_options_t *opts, GError **error);

/**
 * The connecting network of @n_seeds seed entities, after i2 Analyst's
 * Notebook's "Find Connecting Network" (doc/paths.md gives the steps and
 * the reference): the shortest paths between pairs of seeds are scored,
 * direct links first, then paths whose intermediaries are shared with
 * more shortest paths of other pairs; paths are added best first, each
 * only if its two seeds are not yet joined, until every seed is joined to
 * every seed it can reach.
 *
 * Returns the chosen paths, in the order chosen, as a path table
 * ("reachable" is "true" when one network joins all seeds; "n_networks").
 * If @entities is not NULL it receives the entities of the network
 * (caller frees): entity, key, label, type, role ("seed" or
 * "intermediary"), network (int, 1-based: the joined piece it is in),
 * n_paths (int: chosen paths through it), ordered by network, seeds in the
 * given order first, then intermediaries by n_paths (most first) and key.
 * Time: n_seeds all-shortest-path searches plus scoring the candidates.
 * Reports progress per seed through options.progress, which can cancel.
 */
NETAN_API netan_table_t *netan_paths_connect(const netan_view_t *v, const int64_t *seeds,
                                             size_t n_seeds, const netan_path_options_t *opts,
                                             netan_table_t **entities, GError **error);

/**
 * The ego network of @entity: every entity within @hops steps (hops >= 0;
 * 0 gives the entity alone), walking in options.direction on directed
 * views. Columns: entity, key, label, type, hops (int: fewest steps from
 * @entity), ordered by hops, then key. Options k, weighted, max_paths and
 * max_evidence do not apply. Time: O(|V| + |E|) (breadth-first search).
 */
NETAN_API netan_table_t *netan_paths_ego(const netan_view_t *v, int64_t entity, int64_t hops,
                                         const netan_path_options_t *opts, GError **error);

/**
 * Common contacts of @n_entities (>= 2) entities: the entities adjacent to
 * every one of them (never one of the named entities itself). On directed
 * views options.direction says which links count: with the arrows, links
 * from each named entity to the contact; against, links from the contact
 * to each; any, either.
 * One row per (contact, named entity), so that every tie shows its
 * evidence: entity, key, label, type (the contact), total_strength (double:
 * the sum of its strengths to all named entities), with (int: the named
 * entity id), with_key, strength (double: the tie's strength), n_records
 * (int), evidence (string, as in path tables). Contacts by total_strength
 * (highest first), then key; within a contact, named entities in the order
 * given. Metadata "n_contacts", "entity_1" .. "entity_N" (the named ids).
 * Time: O(sum of the named entities' degrees + |V|).
 */
NETAN_API netan_table_t *netan_paths_common_contacts(const netan_view_t *v,
                                                     const int64_t *entities, size_t n_entities,
                                                     const netan_path_options_t *opts,
                                                     GError **error);

G_END_DECLS

#endif
