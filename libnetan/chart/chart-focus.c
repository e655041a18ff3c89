/* Which part of the view a chart draws: all of it, or a focus.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-private.h"

#include <math.h>

static const char *
name_of(const netan_chart_ctx_t *x, int64_t id)
{
  return netan_case_entity_label(x->c, id);
}

/* Keeps the steps of a path table: a path chart draws the path, not every
 * link among the entities on it. */
static void
keep_steps(netan_chart_ctx_t *x, const netan_table_t *t)
{
  int fc = netan_table_column_index(t, "from"), tc = netan_table_column_index(t, "to");
  if (fc < 0 || tc < 0)
    return;
  if (x->steps == NULL)
    x->steps = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    int64_t a = netan_view_vertex(x->v, netan_table_get_int(t, r, fc));
    int64_t b = netan_view_vertex(x->v, netan_table_get_int(t, r, tc));
    if (a < 0 || b < 0)
      continue;
    int64_t *key = g_new(int64_t, 1);
    *key = MIN(a, b) * x->n + MAX(a, b);
    /* the value: the entity the walk comes from, so the chart reads in path order */
    if (!g_hash_table_contains(x->steps, key))
      g_hash_table_insert(x->steps, key, GSIZE_TO_POINTER((gsize)(x->v->vertex_entity[a] + 1)));
    else
      g_free(key);
  }
}

/* A path read like text: its entities in order, left to right, then the
 * next row right to left (a snake), so that a long path fits a page. */
static void
pin_path(netan_chart_ctx_t *x, const netan_table_t *t)
{
  int pc = netan_table_column_index(t, "path"), fc = netan_table_column_index(t, "from"),
      tc = netan_table_column_index(t, "to");
  int64_t n = 0, rows = netan_table_n_rows(t);
  g_autofree int64_t *order = g_new(int64_t, rows + 1);
  for (int64_t r = 0; r < rows && netan_table_get_int(t, r, pc) == 1; r++) {
    if (n == 0)
      order[n++] = netan_view_vertex(x->v, netan_table_get_int(t, r, fc));
    order[n++] = netan_view_vertex(x->v, netan_table_get_int(t, r, tc));
  }
  if (n < 2)
    return;
  gsize nn = (gsize)MAX(x->n, 1);
  x->pin_x = g_new(double, nn);
  x->pin_y = g_new(double, nn);
  for (int64_t i = 0; i < x->n; i++)
    x->pin_x[i] = x->pin_y[i] = NAN;
  int64_t per_row = MAX(3, (int64_t)ceil(sqrt(2.0 * (double)n)));
  for (int64_t i = 0; i < n; i++) {
    int64_t row = i / per_row, col = i % per_row;
    if (row % 2 == 1)
      col = per_row - 1 - col;
    x->pin_x[order[i]] = 3.4 * (double)col;
    x->pin_y[order[i]] = -1.6 * (double)row;
  }
}

/* Marks the entities of column @column of @t as drawn. */
static void
show_column(netan_chart_ctx_t *x, const netan_table_t *t, const char *column)
{
  int col = netan_table_column_index(t, column);
  for (int64_t r = 0; col >= 0 && r < netan_table_n_rows(t); r++) {
    int64_t vertex = netan_view_vertex(x->v, netan_table_get_int(t, r, col));
    if (vertex >= 0)
      x->shown[vertex] = TRUE;
  }
}

static gboolean
need_seeds(const netan_chart_ctx_t *x, size_t at_least, size_t at_most, const char *what,
           GError **error)
{
  if (x->o.n_seeds < at_least || x->o.n_seeds > at_most) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart: %s needs %s", what,
                at_least == at_most ? (at_least == 1 ? "one entity" : "two entities")
                                    : "two or more entities");
    return FALSE;
  }
  for (size_t i = 0; i < x->o.n_seeds; i++) {
    int64_t id = x->o.seeds[i];
    if (id < 0 || id >= netan_case_n_entities(x->c) || netan_view_vertex(x->v, id) < 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                  "chart: entity #%" G_GINT64_FORMAT " is not in the view", id);
      return FALSE;
    }
  }
  return TRUE;
}

static char *
seed_names(const netan_chart_ctx_t *x)
{
  GString *s = g_string_new(NULL);
  for (size_t i = 0; i < x->o.n_seeds; i++)
    g_string_append_printf(s, "%s%s", i ? ", " : "", name_of(x, x->o.seeds[i]));
  return g_string_free(s, FALSE);
}

gboolean
netan_chart_i_focus(netan_chart_ctx_t *x, GError **error)
{
  gsize nn = (gsize)MAX(x->n, 1);
  x->shown = g_new0(gboolean, nn);
  x->seed = g_new0(gboolean, nn);
  const netan_chart_options_t *o = &x->o;
  netan_table_t *t = NULL;
  switch (o->focus) {
  case NETAN_CHART_FOCUS_ALL:
  case NETAN_CHART_FOCUS_COLLAPSE:
    for (int64_t i = 0; i < x->n; i++)
      x->shown[i] = TRUE;
    return TRUE;
  case NETAN_CHART_FOCUS_EGO:
    if (!need_seeds(x, 1, 1, "an ego chart", error))
      return FALSE;
    if (o->hops < 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "chart: hops must be 0 or more");
      return FALSE;
    }
    t = netan_paths_ego(x->v, o->seeds[0], o->hops, NULL, error);
    if (t == NULL)
      return FALSE;
    show_column(x, t, "entity");
    x->focus_text = g_strdup_printf("ego network of %s, %" G_GINT64_FORMAT " hop%s",
                                    name_of(x, o->seeds[0]), o->hops, o->hops == 1 ? "" : "s");
    break;
  case NETAN_CHART_FOCUS_COMMUNITY: {
    gboolean any = FALSE;
    for (int64_t i = 0; i < x->n; i++)
      if (x->community[i] == o->community)
        any = x->shown[i] = TRUE;
    if (!any) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                  "chart: community %" G_GINT64_FORMAT " has no members in the view", o->community);
      return FALSE;
    }
    x->focus_text = g_strdup_printf("community %" G_GINT64_FORMAT, o->community);
    break;
  }
  case NETAN_CHART_FOCUS_CONNECT: {
    if (!need_seeds(x, 2, G_MAXSIZE, "a connecting network", error))
      return FALSE;
    netan_table_t *entities = NULL;
    netan_table_t *paths = netan_paths_connect(x->v, o->seeds, o->n_seeds, NULL, &entities, error);
    if (paths == NULL)
      return FALSE;
    keep_steps(x, paths);
    netan_table_free(paths);
    t = entities;
    show_column(x, t, "entity");
    g_autofree char *names = seed_names(x);
    x->focus_text = g_strdup_printf("connecting network of %s", names);
    break;
  }
  case NETAN_CHART_FOCUS_PATH: {
    if (!need_seeds(x, 2, 2, "a path chart", error))
      return FALSE;
    t = netan_paths_shortest(x->v, o->seeds[0], o->seeds[1], NULL, error);
    if (t == NULL)
      return FALSE;
    show_column(x, t, "from");
    show_column(x, t, "to");
    keep_steps(x, t);
    pin_path(x, t);
    const char *reachable = netan_table_get_meta(t, "reachable");
    x->focus_text = g_strdup_printf("shortest path from %s to %s%s", name_of(x, o->seeds[0]),
                                    name_of(x, o->seeds[1]),
                                    reachable && g_str_equal(reachable, "false") ? " (none: not connected)" : "");
    break;
  }
  }
  netan_table_free(t);
  for (size_t i = 0; i < o->n_seeds; i++) {
    int64_t vertex = netan_view_vertex(x->v, o->seeds[i]);
    x->shown[vertex] = x->seed[vertex] = TRUE;
  }
  return TRUE;
}
