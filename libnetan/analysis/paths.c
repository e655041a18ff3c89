/* Shortest, k shortest and all shortest paths between two entities.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/paths-private.h"

#include <string.h>

typedef struct {
  const netan_pw_t *w;
  int64_t from, to;   /* vertices */
  int64_t k;
  gboolean all;
  igraph_vector_int_list_t paths;  /* edge paths */
  gboolean paths_made;
} search_job_t;

static igraph_error_t
search_run(void *data)
{
  search_job_t *j = data;
  const netan_pw_t *w = j->w;
  IGRAPH_CHECK(igraph_vector_int_list_init(&j->paths, 0));
  j->paths_made = TRUE;
  if (j->all) {
    if (w->lengths)
      return igraph_get_all_shortest_paths_dijkstra(w->g, NULL, &j->paths, NULL, j->from,
                                                    igraph_vss_1(j->to), w->lengths, w->mode);
    return igraph_get_all_shortest_paths(w->g, NULL, &j->paths, NULL, j->from, igraph_vss_1(j->to),
                                         w->mode);
  }
  if (j->k > 1)
    return igraph_get_k_shortest_paths(w->g, w->lengths, NULL, &j->paths, j->k, j->from, j->to,
                                       w->mode);
  /* one path: Dijkstra, or breadth-first search when every step counts 1 */
  igraph_vector_int_t edges;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
  if (w->lengths)
    IGRAPH_CHECK(igraph_get_shortest_path_dijkstra(w->g, NULL, &edges, j->from, j->to, w->lengths,
                                                   w->mode));
  else
    IGRAPH_CHECK(igraph_get_shortest_path(w->g, NULL, &edges, j->from, j->to, w->mode));
  /* igraph returns an empty path (and a warning) when @to is unreachable */
  if (igraph_vector_int_size(&edges) > 0)
    IGRAPH_CHECK(igraph_vector_int_list_push_back_copy(&j->paths, &edges));
  igraph_vector_int_destroy(&edges);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

/* Orders paths by the vertices along them. */
typedef struct {
  const netan_pw_t *w;
} seq_ctx_t;

static int
by_vertex_sequence(gconstpointer pa, gconstpointer pb, gpointer data)
{
  const netan_pw_t *w = ((const seq_ctx_t *)data)->w;
  const netan_pw_path_t *a = pa, *b = pb;
  int64_t va = a->start, vb = b->start;
  for (int64_t i = 0;; i++) {
    if (va != vb)
      return va < vb ? -1 : 1;
    if (i >= a->n_edges || i >= b->n_edges)
      return (a->n_edges > i) - (b->n_edges > i);
    va = netan_pw_other(w, a->edges[i], va);
    vb = netan_pw_other(w, b->edges[i], vb);
  }
}

static netan_table_t *
two_point(const netan_view_t *v, int64_t from, int64_t to, const netan_path_options_t *opts,
          gboolean all, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_path_options_t o;
  if (!netan_pw_options(opts, &o, error))
    return NULL;
  if (!all && o.k < 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "shortest paths: k must be at least 1, not %" G_GINT64_FORMAT, o.k);
    return NULL;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t vf = netan_pw_vertex(v, from, error);
  if (vf < 0)
    return NULL;
  int64_t vt = netan_pw_vertex(v, to, error);
  if (vt < 0)
    return NULL;

  const char *analysis = all ? "all_shortest_paths" : o.k > 1 ? "k_shortest_paths" : "shortest_path";
  int64_t named[2] = { vf, vt };
  netan_pw_t w;
  netan_table_t *t = NULL;
  if (!netan_pw_init(&w, v, &o, named, 2, error)) {
    netan_pw_clear(&w);
    return NULL;
  }

  GArray *paths = g_array_new(FALSE, TRUE, sizeof(netan_pw_path_t));
  int64_t found = 0;
  if (vf == vt) {
    /* from an entity to itself: there, with no steps */
    netan_pw_path_t p = { vf, 0, NULL, 0.0 };
    g_array_append_val(paths, p);
    found = 1;
  } else {
    search_job_t j = { &w, vf, vt, o.k, all, { 0 }, FALSE };
    netan_gi_call_t call = { .what = analysis };
    gboolean ok = netan_gi_run(&call, search_run, &j, error);
    if (ok && j.paths_made) {
      found = igraph_vector_int_list_size(&j.paths);
      for (int64_t i = 0; i < found; i++) {
        netan_pw_path_t p;
        netan_pw_path_from_igraph(&p, vf, igraph_vector_int_list_get_ptr(&j.paths, i));
        netan_pw_path_measure(&w, &p);
        g_array_append_val(paths, p);
      }
    }
    if (j.paths_made)
      igraph_vector_int_list_destroy(&j.paths);
    if (!ok)
      goto out;
  }
  if (all) {
    seq_ctx_t ctx = { &w };
    g_array_sort_with_data(paths, by_vertex_sequence, &ctx);
    if ((int64_t)paths->len > o.max_paths) {
      for (guint i = (guint)o.max_paths; i < paths->len; i++)
        netan_pw_path_clear(&g_array_index(paths, netan_pw_path_t, i));
      g_array_set_size(paths, (guint)o.max_paths);
    }
  }

  t = netan_pw_path_table(&w, (const netan_pw_path_t *)(void *)paths->data, paths->len, analysis,
                          paths->len > 0);
  netan_table_i_set_meta(t, "from", "%" G_GINT64_FORMAT, from);
  netan_table_i_set_meta(t, "to", "%" G_GINT64_FORMAT, to);
  if (paths->len > 0)
    netan_table_i_set_meta_double(t, "distance", g_array_index(paths, netan_pw_path_t, 0).length);
  if (all) {
    netan_table_i_set_meta(t, "truncated", "%s", found > o.max_paths ? "true" : "false");
    netan_table_i_set_meta(t, "n_shortest_paths", "%" G_GINT64_FORMAT, found);
  } else {
    netan_table_i_set_meta(t, "k", "%" G_GINT64_FORMAT, o.k);
  }

out:
  for (guint i = 0; i < paths->len; i++)
    netan_pw_path_clear(&g_array_index(paths, netan_pw_path_t, i));
  g_array_free(paths, TRUE);
  netan_pw_clear(&w);
  return t;
}

netan_table_t *
netan_paths_shortest(const netan_view_t *v, int64_t from, int64_t to,
                     const netan_path_options_t *opts, GError **error)
{
  return two_point(v, from, to, opts, FALSE, error);
}

netan_table_t *
netan_paths_all_shortest(const netan_view_t *v, int64_t from, int64_t to,
                         const netan_path_options_t *opts, GError **error)
{
  return two_point(v, from, to, opts, TRUE, error);
}
