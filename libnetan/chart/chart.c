/* The chart object: options, colours, and the DOT text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-private.h"
#include "chart/chart-style.h"

#include <math.h>
#include <string.h>

void
netan_chart_options_init(netan_chart_options_t *opts)
{
  static const netan_chart_options_t defaults = NETAN_CHART_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };

void
netan_chart_i_num(GString *out, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.3f", x));
}

const char *
netan_chart_i_fill(int64_t k)
{
  const char *c = netan_chart_palette(k);
  return c ? c : NETAN_CHART_OTHER_FILL;
}

char *
netan_chart_i_date(int64_t t)
{
  g_autoptr(GDateTime) d = g_date_time_new_from_unix_utc(t);
  return d ? g_date_time_format(d, "%Y-%m-%d") : g_strdup("?");
}

static gboolean
check_options(const netan_chart_options_t *o, GError **error)
{
  const char *bad = NULL;
  if (o->layout && !g_strv_contains(layouts, o->layout)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart options: unknown layout \"%s\" (dot, neato, fdp, sfdp, circo, twopi)", o->layout);
    return FALSE;
  }
  else if (o->page && g_ascii_strcasecmp(o->page, "A4") != 0 && g_ascii_strcasecmp(o->page, "A3") != 0)
    bad = "unknown page size (A4 or A3)";
  else if ((unsigned)o->color_by > NETAN_CHART_COLOR_NONE)
    bad = "unknown colour key";
  else if ((unsigned)o->focus > NETAN_CHART_FOCUS_COLLAPSE)
    bad = "unknown focus";
  else if (o->wrap < 0)
    bad = "wrap must be 0 or more";
  else if (o->max_labels < -1)
    bad = "max_labels must be -1 (automatic), 0 (all) or a count";
  else if (o->edge_labels & ~7u)
    bad = "unknown edge label bits";
  else if (o->n_seeds > 0 && o->seeds == NULL)
    bad = "n_seeds without seeds";
  for (const char *const *s = (const char *const[]){ o->title, o->case_ref, o->author, o->date,
                                                      o->banner, o->command, NULL }; !bad && *s; s++)
    if (!g_utf8_validate(*s, -1, NULL))
      bad = "a text option is not valid UTF-8";
  if (bad) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "chart options: %s", bad);
    return FALSE;
  }
  return TRUE;
}

/* Reads a per-entity column of @t into @out (indexed by vertex). */
static gboolean
column_by_vertex(netan_chart_ctx_t *x, const netan_table_t *t, const char *column, const char *what,
                 gboolean numeric, double *out, gboolean *present, GError **error)
{
  int ec = netan_table_column_index(t, "entity");
  int vc = netan_table_column_index(t, column);
  if (ec < 0 || netan_table_column_type(t, ec) != NETAN_COLUMN_INT || vc < 0 ||
      netan_table_column_type(t, vc) == NETAN_COLUMN_STRING ||
      (!numeric && netan_table_column_type(t, vc) != NETAN_COLUMN_INT)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart %s: the table needs an \"entity\" column and %s \"%s\" column", what,
                numeric ? "a numeric" : "an integer", column);
    return FALSE;
  }
  gboolean is_int = netan_table_column_type(t, vc) == NETAN_COLUMN_INT;
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    int64_t vertex = netan_view_vertex(x->v, netan_table_get_int(t, r, ec));
    if (vertex < 0)
      continue;  /* an entity outside this view */
    out[vertex] = is_int ? (double)netan_table_get_int(t, r, vc) : netan_table_get_double(t, r, vc);
    present[vertex] = TRUE;
  }
  return TRUE;
}

static gboolean
read_tables(netan_chart_ctx_t *x, GError **error)
{
  gsize nn = (gsize)MAX(x->n, 1);
  x->size = g_new0(double, nn);
  x->has_size = g_new0(gboolean, nn);
  x->community = g_new(int64_t, nn);
  for (int64_t i = 0; i < x->n; i++)
    x->community[i] = -1;
  if (x->o.size_by) {
    const char *col = x->o.size_column ? x->o.size_column : "value";
    if (!column_by_vertex(x, x->o.size_by, col, "size", TRUE, x->size, x->has_size, error))
      return FALSE;
    const char *m = netan_table_get_meta(x->o.size_by, "measure");
    x->size_measure = g_strdup(m ? m : col);
    for (int64_t i = 0; i < x->n; i++)
      if (x->has_size[i] && isfinite(x->size[i]))
        x->max_size = MAX(x->max_size, x->size[i]);
  }
  if (x->o.communities) {
    const char *col = x->o.community_column ? x->o.community_column : "community";
    g_autofree double *value = g_new0(double, nn);
    g_autofree gboolean *has = g_new0(gboolean, nn);
    if (!column_by_vertex(x, x->o.communities, col, "communities", FALSE, value, has, error))
      return FALSE;
    for (int64_t i = 0; i < x->n; i++)
      if (has[i] && value[i] >= 0)
        x->community[i] = (int64_t)value[i];
    const char *m = netan_table_get_meta(x->o.communities, "method");
    const char *seed = netan_table_get_meta(x->o.communities, "seed");
    if (m)
      x->community_method = seed ? g_strdup_printf("%s, seed %s", m, seed) : g_strdup(m);
  }
  gboolean needs = x->o.focus == NETAN_CHART_FOCUS_COLLAPSE || x->o.focus == NETAN_CHART_FOCUS_COMMUNITY;
  if (needs && x->o.communities == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart: a %s chart needs a communities table (netan_communities())",
                x->o.focus == NETAN_CHART_FOCUS_COLLAPSE ? "collapsed" : "community");
    return FALSE;
  }
  return TRUE;
}

/* The jurisdiction of the first source that reported entity @id. */
static const char *
jurisdiction_of(const netan_case_t *c, int64_t id)
{
  g_autofree int64_t *sources = NULL;
  int64_t n = netan_case_entity_provenance(c, id, &sources, NULL);
  int64_t first = -1;
  for (int64_t i = 0; i < n; i++)
    if (first < 0 || sources[i] < first)
      first = sources[i];
  if (first < 0)
    return NULL;
  const netan_source_rec_t *s = g_ptr_array_index(c->sources, first);
  return s->jurisdiction && *s->jurisdiction ? s->jurisdiction : NULL;
}

static int
compare_strings(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Assigns each drawn vertex its colour class: its community, or the rank
 * of its type or jurisdiction among those drawn (alphabetical, so the same
 * chart gets the same colours). */
static void
assign_colours(netan_chart_ctx_t *x)
{
  gsize nn = (gsize)MAX(x->n, 1);
  x->colour_class = g_new(int64_t, nn);
  x->class_names = g_ptr_array_new_with_free_func(g_free);
  g_autofree const char **value = g_new0(const char *, nn);
  int64_t max_community = -1;
  for (int64_t i = 0; i < x->n; i++) {
    x->colour_class[i] = -1;
    if (!x->shown[i])
      continue;
    int64_t id = x->v->vertex_entity[i];
    if (x->o.color_by == NETAN_CHART_COLOR_TYPE)
      value[i] = netan_case_entity_type(x->c, id);
    else if (x->o.color_by == NETAN_CHART_COLOR_JURISDICTION)
      value[i] = jurisdiction_of(x->c, id);
    else if (x->o.color_by == NETAN_CHART_COLOR_COMMUNITY)
      max_community = MAX(max_community, x->community[i]);
  }
  if (x->o.color_by == NETAN_CHART_COLOR_COMMUNITY) {
    for (int64_t k = 0; k <= max_community; k++)
      g_ptr_array_add(x->class_names, g_strdup_printf("community %" G_GINT64_FORMAT, k));
    for (int64_t i = 0; i < x->n; i++)
      x->colour_class[i] = x->shown[i] ? x->community[i] : -1;
  } else if (x->o.color_by != NETAN_CHART_COLOR_NONE) {
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    for (int64_t i = 0; i < x->n; i++)
      if (value[i] && g_hash_table_add(seen, (gpointer)value[i]))
        g_ptr_array_add(names, (gpointer)value[i]);
    g_ptr_array_sort(names, compare_strings);
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint k = 0; k < names->len; k++) {
      g_ptr_array_add(x->class_names, g_strdup(names->pdata[k]));
      g_hash_table_insert(index, names->pdata[k], GINT_TO_POINTER(k + 1));
    }
    for (int64_t i = 0; i < x->n; i++)
      if (value[i])
        x->colour_class[i] = GPOINTER_TO_INT(g_hash_table_lookup(index, value[i])) - 1;
  }
  x->class_count = g_new0(int64_t, MAX(x->class_names->len, 1));
}

typedef struct {
  const netan_chart_ctx_t *x;
  const int64_t *degree;
} rank_ctx_t;

/* Largest first: by the size measure, else degree; then lower entity id. */
static gint
by_prominence(gconstpointer a, gconstpointer b, gpointer data)
{
  const rank_ctx_t *r = data;
  int64_t i = *(const int64_t *)a, j = *(const int64_t *)b;
  double si = r->x->has_size[i] ? r->x->size[i] : -1, sj = r->x->has_size[j] ? r->x->size[j] : -1;
  if (si != sj)
    return si > sj ? -1 : 1;
  if (r->degree[i] != r->degree[j])
    return r->degree[i] > r->degree[j] ? -1 : 1;
  return r->x->v->vertex_entity[i] < r->x->v->vertex_entity[j] ? -1 : 1;
}

/* Which drawn nodes carry their label: on a big chart, the most prominent
 * ones (and the focus seeds), so that those stay readable on paper. */
static void
choose_labels(netan_chart_ctx_t *x)
{
  gsize nn = (gsize)MAX(x->n, 1);
  x->labelled = g_new0(gboolean, nn);
  g_autofree int64_t *order = g_new(int64_t, nn);
  for (int64_t i = 0; i < x->n; i++)
    if (x->shown[i])
      order[x->n_shown++] = i;
  int64_t limit = x->o.max_labels == 0 ? x->n_shown
                  : x->o.max_labels > 0 ? x->o.max_labels
                  : x->n_shown <= 500 ? x->n_shown : 150;
  if (limit < x->n_shown) {
    g_autofree int64_t *degree = g_new0(int64_t, nn);
    for (int64_t e = 0; e < netan_view_n_edges(x->v); e++) {
      degree[netan_view_i_from(x->v, e)]++;
      degree[netan_view_i_to(x->v, e)]++;
    }
    rank_ctx_t r = { x, degree };
    g_qsort_with_data(order, (gint)x->n_shown, sizeof(int64_t), by_prominence, &r);
  }
  for (int64_t k = 0; k < MIN(limit, x->n_shown); k++)
    x->labelled[order[k]] = TRUE;
  for (int64_t i = 0; i < x->n; i++)
    if (x->seed[i])
      x->labelled[i] = TRUE;
  for (int64_t i = 0; i < x->n; i++)
    x->n_labelled += x->labelled[i];
}

static void
ctx_clear(netan_chart_ctx_t *x)
{
  g_free(x->shown);
  g_free(x->labelled);
  g_free(x->pin_x);
  g_free(x->pin_y);
  g_free(x->seed);
  g_free(x->size);
  g_free(x->has_size);
  g_free(x->size_measure);
  g_free(x->community);
  g_free(x->community_method);
  g_free(x->colour_class);
  if (x->class_names)
    g_ptr_array_unref(x->class_names);
  g_free(x->class_count);
  g_free(x->focus_text);
  if (x->types_shown)
    g_hash_table_unref(x->types_shown);
  if (x->lines_shown)
    g_hash_table_unref(x->lines_shown);
  if (x->sources_used)
    g_hash_table_unref(x->sources_used);
  if (x->steps)
    g_hash_table_unref(x->steps);
}

/* The layout an analyst would pick: a path reads like text (pinned);
 * force-directed neato up to a thousand nodes; sfdp (multilevel, fast)
 * beyond. Overlap removal keeps node labels apart in every case. */
static const char *
default_layout(const netan_chart_ctx_t *x)
{
  if (x->pin_x)
    return "neato";  /* the path's nodes are pinned in reading order */
  return x->n_nodes <= 1000 ? "neato" : "sfdp";
}

netan_chart_t *
netan_chart_new(const netan_view_t *v, const netan_chart_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_chart_ctx_t x = { 0 };
  netan_chart_options_init(&x.o);
  if (opts != NULL) {
    if (opts->version != NETAN_CHART_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "chart options: unknown version %u", opts->version);
      return NULL;
    }
    x.o = *opts;
  }
  if (!check_options(&x.o, error) || !netan_view_i_check(v, error))
    return NULL;
  x.v = v;
  x.c = v->kase;
  x.n = netan_view_n_vertices(v);
  x.types_shown = g_hash_table_new(g_direct_hash, g_direct_equal);
  x.lines_shown = g_hash_table_new(g_direct_hash, g_direct_equal);
  x.sources_used = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  if (!read_tables(&x, error) || !netan_chart_i_focus(&x, error)) {
    ctx_clear(&x);
    return NULL;
  }
  assign_colours(&x);
  choose_labels(&x);
  for (int64_t e = 0; e < netan_view_n_edges(v); e++)
    x.max_strength = MAX(x.max_strength, VECTOR(v->strength)[e]);

  GString *body = g_string_new(NULL);
  if (x.o.focus == NETAN_CHART_FOCUS_COLLAPSE)
    netan_chart_i_collapsed(&x, body);
  else
    netan_chart_i_network(&x, body);

  gboolean directed = netan_view_is_directed(v) && x.o.focus != NETAN_CHART_FOCUS_COLLAPSE;
  GString *out = g_string_sized_new(body->len + 4096);
  g_string_append(out, directed ? "digraph netan {\n" : "graph netan {\n");
  const char *layout = x.layout = x.o.layout ? x.o.layout : default_layout(&x);
  /* Curved edges routed around nodes read best, but routing them costs
   * seconds from about a hundred nodes on: straight lines beyond. */
  g_string_append_printf(out, "  graph [layout=%s, overlap=prism, splines=%s, outputorder=edgesfirst, "
                              "fontname=\"DejaVu Sans\", start=1, sep=\"+6\"%s];\n",
                         layout, x.n_nodes <= 60 ? "true" : "false",
                         strcmp(layout, "dot") == 0 ? ", rankdir=LR" : "");
  g_string_append(out, "  node [style=filled, fillcolor=\"" NETAN_CHART_OTHER_FILL "\", color=\"#000000\", "
                       "penwidth=0.8, fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.06,0.03\"];\n"
                       "  edge [color=\"" NETAN_CHART_LINE_COLOUR "\", fontname=\"DejaVu Sans\", "
                       "fontsize=8, arrowsize=0.6];\n");
  if (x.o.decorations)
    netan_chart_i_page(&x, out);
  g_string_append_len(out, body->str, (gssize)body->len);
  g_string_free(body, TRUE);
  g_string_append(out, "}\n");

  netan_chart_t *chart = g_new0(netan_chart_t, 1);
  chart->dot = g_string_free(out, FALSE);
  chart->n_nodes = x.n_nodes;
  chart->n_edges = x.n_edges;
  ctx_clear(&x);
  return chart;
}

void
netan_chart_free(netan_chart_t *chart)
{
  if (chart == NULL)
    return;
  g_free(chart->dot);
  g_free(chart);
}

const char *
netan_chart_get_dot(const netan_chart_t *chart)
{
  g_return_val_if_fail(chart != NULL, NULL);
  return chart->dot;
}

int64_t
netan_chart_n_nodes(const netan_chart_t *chart)
{
  g_return_val_if_fail(chart != NULL, -1);
  return chart->n_nodes;
}

int64_t
netan_chart_n_edges(const netan_chart_t *chart)
{
  g_return_val_if_fail(chart != NULL, -1);
  return chart->n_edges;
}

char *
netan_chart_dot(const netan_view_t *v, const netan_chart_options_t *opts, GError **error)
{
  netan_chart_t *chart = netan_chart_new(v, opts, error);
  if (chart == NULL)
    return NULL;
  char *dot = g_steal_pointer(&chart->dot);
  netan_chart_free(chart);
  return dot;
}

gboolean
netan_chart_render(const netan_view_t *v, const netan_chart_options_t *opts, const char *path,
                   const char *format, GError **error)
{
  g_return_val_if_fail(v != NULL && path != NULL, FALSE);
  netan_chart_t *chart = netan_chart_new(v, opts, error);
  if (chart == NULL)
    return FALSE;
  gboolean ok = netan_chart_render_file(chart, path, format, error);
  netan_chart_free(chart);
  return ok;
}
