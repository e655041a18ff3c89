/* The chart of a view as DOT text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/dot-escape.h"
#include "view/view-private.h"

#include <math.h>
#include <string.h>

void
netan_chart_options_init(netan_chart_options_t *opts)
{
  static const netan_chart_options_t defaults = NETAN_CHART_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

/* Okabe–Ito colours (distinguishable with colour-vision deficiencies),
 * then lighter tints; communities beyond them are grey. */
static const char *const palette[] = {
  "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
  "#999933", "#88CCEE", "#44AA99", "#DDCC77", "#AA4499",
};
#define N_PALETTE G_N_ELEMENTS(palette)
#define OTHER_COLOUR "#DDDDDD"

static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };

/* Numbers in DOT must not depend on the locale's decimal separator. */
static void
append_num(GString *out, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.3f", x));
}

/* Reads a per-entity column of @t into @out (indexed by vertex). */
static gboolean
column_by_vertex(const netan_view_t *v, const netan_table_t *t, const char *column,
                 const char *what, double *out, gboolean *present, GError **error)
{
  int ec = netan_table_column_index(t, "entity");
  int vc = netan_table_column_index(t, column);
  if (ec < 0 || netan_table_column_type(t, ec) != NETAN_COLUMN_INT || vc < 0 ||
      netan_table_column_type(t, vc) == NETAN_COLUMN_STRING) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart %s: the table needs an \"entity\" column and a numeric \"%s\" column",
                what, column);
    return FALSE;
  }
  gboolean is_int = netan_table_column_type(t, vc) == NETAN_COLUMN_INT;
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    int64_t vertex = netan_view_vertex(v, netan_table_get_int(t, r, ec));
    if (vertex < 0)
      continue;  /* an entity outside this view */
    out[vertex] = is_int ? (double)netan_table_get_int(t, r, vc) : netan_table_get_double(t, r, vc);
    present[vertex] = TRUE;
  }
  return TRUE;
}

char *
netan_chart_dot(const netan_view_t *v, const netan_chart_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_chart_options_t o;
  netan_chart_options_init(&o);
  if (opts != NULL) {
    if (opts->version != NETAN_CHART_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "chart options: unknown version %u", opts->version);
      return NULL;
    }
    o = *opts;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t n = netan_view_n_vertices(v), m = netan_view_n_edges(v);
  const char *layout = o.layout ? o.layout : (n <= 1000 ? "neato" : "sfdp");
  if (!g_strv_contains(layouts, layout)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart: unknown layout \"%s\" (dot, neato, fdp, sfdp, circo, twopi)", layout);
    return NULL;
  }

  gsize nn = (gsize)(n > 0 ? n : 1);
  g_autofree double *size = g_new0(double, nn), *colour = g_new0(double, nn);
  g_autofree gboolean *has_size = g_new0(gboolean, nn), *has_colour = g_new0(gboolean, nn);
  if (o.size_by && !column_by_vertex(v, o.size_by, o.size_column ? o.size_column : "value",
                                     "size", size, has_size, error))
    return NULL;
  if (o.color_by && !column_by_vertex(v, o.color_by, o.color_column ? o.color_column : "community",
                                      "colour", colour, has_colour, error))
    return NULL;
  double max_size = 0, max_strength = 0;
  for (int64_t i = 0; i < n; i++)
    if (has_size[i] && isfinite(size[i]))
      max_size = MAX(max_size, size[i]);
  for (int64_t e = 0; e < m; e++)
    max_strength = MAX(max_strength, VECTOR(v->strength)[e]);

  gboolean directed = netan_view_is_directed(v);
  GString *out = g_string_new(directed ? "digraph netan {\n" : "graph netan {\n");
  /* Curved edges routed around nodes read best, but routing them costs
   * seconds from about a hundred vertices on: straight lines beyond. */
  g_string_append_printf(out, "  graph [layout=%s, overlap=false, splines=%s, outputorder=edgesfirst, "
                              "fontname=\"DejaVu Sans\", fontsize=14, start=1", layout,
                         n <= 60 ? "true" : "false");
  if (o.title) {
    g_string_append(out, ", labelloc=t, label=");
    netan_dot_append_string(out, o.title);
  }
  g_string_append(out, "];\n  node [shape=ellipse, style=filled, fillcolor=\"" OTHER_COLOUR "\", "
                       "fontname=\"DejaVu Sans\", fontsize=10, margin=\"0.05,0.02\"];\n"
                       "  edge [color=\"#55555588\"];\n");

  const netan_case_t *c = v->kase;
  for (int64_t i = 0; i < n; i++) {
    int64_t id = v->vertex_entity[i];
    const char *label = netan_case_entity_label(c, id), *key = netan_case_entity_key(c, id);
    g_string_append_printf(out, "  n%" G_GINT64_FORMAT " [label=", id);
    if (o.show_keys && strcmp(label, key) != 0) {
      g_autofree char *both = g_strconcat(label, "\n", key, NULL);
      netan_dot_append_string(out, both);
    } else {
      netan_dot_append_string(out, label);
    }
    if (has_size[i] && max_size > 0 && isfinite(size[i])) {
      /* area grows with the measure: width ~ sqrt(value) */
      double w = 0.3 + 1.2 * sqrt(MAX(size[i], 0) / max_size);
      g_string_append(out, ", width=");
      append_num(out, w);
      g_string_append(out, ", height=");
      append_num(out, w * 0.6);
    }
    if (has_colour[i] && colour[i] >= 0 && colour[i] < N_PALETTE)
      g_string_append_printf(out, ", fillcolor=\"%s\"", palette[(int)colour[i]]);
    g_string_append(out, "];\n");
  }
  for (int64_t e = 0; e < m; e++) {
    int64_t a = v->vertex_entity[IGRAPH_FROM(&v->graph, e)], b = v->vertex_entity[IGRAPH_TO(&v->graph, e)];
    if (!directed && a > b) {  /* igraph may store undirected edges either way round */
      int64_t t = a; a = b; b = t;
    }
    g_string_append_printf(out, "  n%" G_GINT64_FORMAT " %s n%" G_GINT64_FORMAT " [penwidth=", a,
                           directed ? "->" : "--", b);
    append_num(out, 0.5 + 3.0 * VECTOR(v->strength)[e] / (max_strength > 0 ? max_strength : 1));
    g_string_append(out, "];\n");
  }
  g_string_append(out, "}\n");
  return g_string_free(out, FALSE);
}
