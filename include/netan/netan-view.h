/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_VIEW_H
#define NETAN_VIEW_H

#include <netan/netan-case.h>

G_BEGIN_DECLS

/**
 * A view: a selection of a case turned into a graph for analysis
 * (DESIGN.md §5). Each vertex is one entity; all links between the same
 * pair (same ordered pair when directed) become one edge.
 *
 * Weights have two meanings that are never mixed:
 * - the edge *strength* is the sum of the link weights (more = closer); it
 *   is what strength-based measures (degree strength, PageRank, community
 *   detection) read;
 * - the edge *length* is what path-based measures (betweenness, closeness,
 *   shortest paths) read: by default 1/strength, so that strong ties are
 *   short; or 1 for every edge (unweighted). Each result table records
 *   which was used (metadata "weights").
 *
 * A view borrows its case: keep the case alive while the view is used.
 * If the case changes, analyses on the view fail with NETAN_ERROR_STALE;
 * build a new view.
 */
typedef struct netan_view netan_view_t;

typedef enum {
  NETAN_LENGTH_INVERSE_STRENGTH = 0, /* length = 1 / strength (default) */
  NETAN_LENGTH_UNWEIGHTED = 1        /* length = 1 for every edge */
} netan_length_t;

/* How events become an edge's strength. Asserted links add their weight
 * in COUNT mode only: they have no duration or amount, and adding their
 * weight to seconds or euros would mix units. */
typedef enum {
  NETAN_WEIGHT_COUNT = 0,     /* each event counts 1: the number of contacts (default) */
  NETAN_WEIGHT_DURATION = 1,  /* total duration in seconds; events of unknown duration add nothing */
  NETAN_WEIGHT_AMOUNT = 2     /* total amount, in one currency (see currency) */
} netan_weight_t;

#define NETAN_VIEW_OPTIONS_VERSION 1

typedef struct {
  unsigned int version;     /* NETAN_VIEW_OPTIONS_VERSION */
  gboolean directed;        /* default FALSE */
  netan_length_t length;    /* how path-based measures read edges */
  const char *entity_type;  /* only entities of this type; NULL = all */
  const char *link_type;    /* only links of this type; NULL = all */
  gboolean drop_isolates;   /* leave out entities without links in the view; default FALSE */
  int64_t time_from;        /* events at or after this time (seconds since 1970 UTC); INT64_MIN = no bound */
  int64_t time_to;          /* events before this time; INT64_MAX = no bound (links have no time: always in) */
  const int64_t *sources;   /* only facts from these source ids; NULL = all */
  size_t n_sources;
  const char *const *handling; /* only facts from sources with one of these handling codes (NULL-terminated); NULL = all */
  double min_weight;        /* leave out edges weaker than this strength; default 0 */
  netan_weight_t weight;    /* how events add up; default NETAN_WEIGHT_COUNT */
  const char *currency;     /* NETAN_WEIGHT_AMOUNT: only amounts in this ISO 4217 currency; NULL = the
                             * case must use just one (amounts in several are an error, not a sum) */
} netan_view_options_t;

#define NETAN_VIEW_OPTIONS_INIT { NETAN_VIEW_OPTIONS_VERSION, FALSE, NETAN_LENGTH_INVERSE_STRENGTH, NULL, NULL, FALSE, \
                                  INT64_MIN, INT64_MAX, NULL, 0, NULL, 0.0, NETAN_WEIGHT_COUNT, NULL }
NETAN_API void netan_view_options_init(netan_view_options_t *opts);

/** Builds the view. @opts may be NULL. Free with netan_view_free().
 * igraph's graph of the view is made when a measure that calls igraph
 * first needs it (netan's own betweenness does not); a view may
 * be shared by threads. A view holds at most 2^32-1 links and events
 * (NETAN_ERROR_INVALID_ARGUMENT beyond). */
NETAN_API netan_view_t *netan_view_build(const netan_case_t *c,
                                         const netan_view_options_t *opts,
                                         GError **error);
NETAN_API void netan_view_free(netan_view_t *v);

NETAN_API const netan_case_t *netan_view_case(const netan_view_t *v);
/** FALSE once the case has changed since the view was built. */
NETAN_API gboolean netan_view_is_current(const netan_view_t *v);
NETAN_API gboolean netan_view_is_directed(const netan_view_t *v);
NETAN_API int64_t netan_view_n_vertices(const netan_view_t *v);
NETAN_API int64_t netan_view_n_edges(const netan_view_t *v);
/** Entity id of vertex @vertex, or -1 if out of range. */
NETAN_API int64_t netan_view_entity(const netan_view_t *v, int64_t vertex);
/** Vertex of entity @entity_id, or -1 if the entity is not in the view. */
NETAN_API int64_t netan_view_vertex(const netan_view_t *v, int64_t entity_id);
/**
 * Edge @edge: its vertices, strength, length and number of links merged
 * into it. Out pointers may be NULL. FALSE if out of range.
 */
NETAN_API gboolean netan_view_get_edge(const netan_view_t *v, int64_t edge,
                                       int64_t *from, int64_t *to,
                                       double *strength, double *length,
                                       int64_t *n_links);
/**
 * The evidence of edge @edge: the links and events merged into it, in case
 * order. Each has its provenance (netan_case_get_link/_event). Returns the
 * number of records; FALSE from _record() when out of range.
 */
NETAN_API int64_t netan_view_edge_n_records(const netan_view_t *v, int64_t edge);
NETAN_API gboolean netan_view_edge_record(const netan_view_t *v, int64_t edge, int64_t i,
                                          gboolean *is_event, int64_t *id);

/** A text description of the length transform, e.g. "length=1/strength". */
NETAN_API const char *netan_view_length_name(const netan_view_t *v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_view_t, netan_view_free)

G_END_DECLS

#endif
