/* Shared by the paths module: the graph a path search walks, named
 * entities, and the path table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_PATHS_PRIVATE_H
#define NETAN_PATHS_PRIVATE_H

#include "analysis/table-private.h"
#include "view/view-private.h"
#include <netan/netan-paths.h>

/*
 * The graph a search walks ("working graph"): the view's own graph when no
 * constraint applies and direction is the view's, else a graph built from
 * the view with the same vertices (vertex ids are the view's) and only the
 * allowed edges, strengths and records. Edge ids are the working graph's.
 */
typedef struct {
  const netan_view_t *view;
  const netan_path_options_t *opts;
  const igraph_t *g;          /* &view->graph or &own */
  igraph_t own;
  gboolean has_own;
  igraph_neimode_t mode;      /* how to walk from the first named entity */
  gboolean directed;          /* g is directed */
  const double *strength;     /* per edge */
  const igraph_vector_t *lengths; /* per edge, or NULL: every step counts 1 */
  igraph_vector_t own_lengths;
  gboolean has_own_lengths;
  const uint32_t *rec_first;  /* per edge + 1: where its records start in recs */
  const uint32_t *recs;       /* records as the view codes them (link id, or n_links + event id) */
  /* owned storage behind the pointers above when the graph is built */
  double *own_strength;
  uint32_t *own_rec_first, *own_recs;
  char *constraint;           /* text for metadata */
} netan_pw_t;

/* Checks the options' version and values. @o receives them (defaults when
 * @opts is NULL). */
gboolean netan_pw_options(const netan_path_options_t *opts, netan_path_options_t *o, GError **error);

/* The vertex of entity @entity in @v, or -1 with NOT_FOUND set. */
int64_t netan_pw_vertex(const netan_view_t *v, int64_t entity, GError **error);

/* Vertices of @n entities, checked and distinct (INVALID_ARGUMENT if two
 * name the same vertex). Returns a new array (g_free) or NULL. */
int64_t *netan_pw_vertices(const netan_view_t *v, const int64_t *entities, size_t n,
                           const char *what, GError **error);

/* Prepares the working graph; @named (n_named vertices) are always
 * allowed. Call netan_pw_clear() whether it succeeded or not. */
gboolean netan_pw_init(netan_pw_t *w, const netan_view_t *v, const netan_path_options_t *o,
                       const int64_t *named, size_t n_named, GError **error);
void netan_pw_clear(netan_pw_t *w);

static inline int64_t netan_pw_n_records(const netan_pw_t *w, int64_t e)
{
  return (int64_t)w->rec_first[e + 1] - (int64_t)w->rec_first[e];
}

static inline double netan_pw_length(const netan_pw_t *w, int64_t e)
{
  return w->lengths ? VECTOR(*w->lengths)[e] : 1.0;
}

/* The evidence text of edge @e (g_free()). */
char *netan_pw_evidence(const netan_pw_t *w, int64_t e);

/* Metadata every result of the module carries: analysis, weights,
 * directed, direction, constraint. */
void netan_pw_set_meta(const netan_pw_t *w, netan_table_t *t, const char *analysis);

/* A path: the vertex it starts at and the edges it takes. */
typedef struct {
  int64_t start;
  int64_t n_edges;
  int64_t *edges;  /* owned */
  double length;   /* sum of the step lengths */
} netan_pw_path_t;

void netan_pw_path_clear(netan_pw_path_t *p);
/* Sets p->length from the edges. */
void netan_pw_path_measure(const netan_pw_t *w, netan_pw_path_t *p);
/* The vertex after @vertex along edge @e. */
int64_t netan_pw_other(const netan_pw_t *w, int64_t e, int64_t vertex);

/* A path table of @n paths (one row per step); metadata from
 * netan_pw_set_meta, "reachable" and "n_paths". */
netan_table_t *netan_pw_path_table(const netan_pw_t *w, const netan_pw_path_t *paths, size_t n,
                                   const char *analysis, gboolean reachable);

/* Copies an igraph edge-id vector into a path starting at @start. */
void netan_pw_path_from_igraph(netan_pw_path_t *p, int64_t start, const igraph_vector_int_t *edges);

#endif
