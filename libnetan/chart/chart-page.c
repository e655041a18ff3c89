/* The page around the network: legend, title block, classification
 * banner and provenance footer. They travel as graph attributes holding
 * HTML-like labels (page_top, page_right, page_corner, page_row_left,
 * page_row_right, page_bottom, page_base) with the page size
 * (page_size, page_margin); netan-render places them around the laid-out
 * network at their printed size. Graphviz's own tools ignore them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-private.h"
#include "chart/chart-style.h"
#include "chart/dot-escape.h"

#include <string.h>

#define FOOTER_WIDTH 120   /* characters per footer line */
#define LEGEND_COLOURS 12  /* colour classes listed before "others" */

static void
text(GString *out, const char *s)
{
  netan_html_append_text(out, s, "LEFT");
}

static void
legend_heading(GString *out, const char *title)
{
  g_string_append(out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" CELLPADDING=\"3\"><FONT POINT-SIZE=\"9\"><I>");
  text(out, title);
  g_string_append(out, "</I></FONT></TD></TR>");
}

static void
legend_row(GString *out, const char *key_cell, const char *what)
{
  g_string_append_printf(out, "<TR>%s<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">", key_cell);
  text(out, what);
  g_string_append(out, "</FONT></TD></TR>");
}

static void
legend_note(GString *out, const char *what)
{
  g_autofree char *wrapped = netan_text_wrap(what, 42);
  g_string_append(out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\">");
  text(out, wrapped);
  g_string_append(out, "<BR ALIGN=\"LEFT\"/></FONT></TD></TR>");
}

static GList *
sorted_keys(GHashTable *h)
{
  return g_list_sort(g_hash_table_get_keys(h), (GCompareFunc)strcmp);
}

static const char *
weight_name(const netan_view_t *v)
{
  switch (v->opts.weight) {
  case NETAN_WEIGHT_DURATION: return "total call duration";
  case NETAN_WEIGHT_AMOUNT: return "total amount";
  default: return "number of contacts";
  }
}

static void
append_legend(netan_chart_ctx_t *x, GString *out)
{
  g_string_append(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" BGCOLOR=\"white\">"
                       "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>Legend</B></FONT></TD></TR>");
  if (x->o.focus == NETAN_CHART_FOCUS_COLLAPSE) {
    legend_heading(out, "Communities collapsed");
    legend_note(out, "Each node is one community, its area in proportion to its members, "
                     "named after its most central member. A line joins two communities "
                     "with links between them: its label is the number of links, its width "
                     "their total strength.");
  } else {
    legend_heading(out, "Entities (shape and icon)");
    g_autoptr(GList) types = sorted_keys(x->types_shown);
    for (GList *l = types; l; l = l->next) {
      const netan_chart_type_look_t *look = netan_chart_type_look(l->data);
      g_autofree char *cell = g_strdup_printf("<TD FIXEDSIZE=\"TRUE\" WIDTH=\"14\" HEIGHT=\"14\">"
                                              "<IMG SRC=\"%s.png\" SCALE=\"TRUE\"/></TD>", look->icon);
      g_autofree char *what = g_strdup_printf("%s \u2014 %s (%d)", (const char *)l->data, look->shape_name,
                                              GPOINTER_TO_INT(g_hash_table_lookup(x->types_shown, l->data)));
      legend_row(out, cell, what);
    }
    if (g_hash_table_size(x->lines_shown) > 0) {
      legend_heading(out, "Links (line style)");
      g_autoptr(GList) lines = sorted_keys(x->lines_shown);
      for (GList *l = lines; l; l = l->next) {
        const netan_chart_line_look_t *look = netan_chart_line_look(l->data);
        g_autofree char *cell = g_strdup_printf("<TD><FONT POINT-SIZE=\"9\">%s</FONT></TD>", look->sample);
        g_autofree char *what = g_strdup_printf("%s (%d)", (const char *)l->data,
                                                GPOINTER_TO_INT(g_hash_table_lookup(x->lines_shown, l->data)));
        legend_row(out, cell, what);
      }
    }
  }
  if (x->o.color_by != NETAN_CHART_COLOR_NONE) {
    const char *key = x->o.color_by == NETAN_CHART_COLOR_TYPE ? "Colour: entity type"
                      : x->o.color_by == NETAN_CHART_COLOR_JURISDICTION ? "Colour: jurisdiction of first source"
                      : "Colour: community";
    g_autofree char *heading = x->o.color_by == NETAN_CHART_COLOR_COMMUNITY && x->community_method
                                 ? g_strdup_printf("%s (%s)", key, x->community_method) : g_strdup(key);
    legend_heading(out, heading);
    int listed = 0;
    int64_t unlisted = x->other_count;
    for (guint k = 0; k < x->class_names->len; k++) {
      if (x->class_count[k] == 0)
        continue;
      if (listed == LEGEND_COLOURS || !netan_chart_palette(k)) {
        unlisted += netan_chart_palette(k) ? x->class_count[k] : 0;
        continue;
      }
      listed++;
      g_autofree char *cell = g_strdup_printf("<TD BGCOLOR=\"%s\" BORDER=\"1\" FIXEDSIZE=\"TRUE\" WIDTH=\"14\" HEIGHT=\"10\"></TD>",
                                              netan_chart_palette(k));
      g_autofree char *what = g_strdup_printf("%s (%" G_GINT64_FORMAT ")", (const char *)x->class_names->pdata[k],
                                              x->class_count[k]);
      legend_row(out, cell, what);
    }
    if (unlisted > 0) {
      g_autofree char *what = g_strdup_printf("%s (%" G_GINT64_FORMAT ")",
                                              x->o.color_by == NETAN_CHART_COLOR_COMMUNITY
                                                ? "other or no community" : "other or unknown", unlisted);
      legend_row(out, "<TD BGCOLOR=\"" NETAN_CHART_OTHER_FILL "\" BORDER=\"1\" FIXEDSIZE=\"TRUE\" WIDTH=\"14\" HEIGHT=\"10\"></TD>", what);
    }
  }
  legend_heading(out, "Sizes and lines");
  if (x->size_measure && x->o.focus != NETAN_CHART_FOCUS_COLLAPSE) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *note = g_strdup_printf("Node area: %s (largest %s).", x->size_measure,
                                            g_ascii_formatd(buf, sizeof buf, "%.4g", x->max_size));
    legend_note(out, note);
  }
  g_autofree char *width = g_strdup_printf("Line width: strength, the %s%s.", weight_name(x->v),
                                           netan_view_is_directed(x->v) && x->o.focus != NETAN_CHART_FOCUS_COLLAPSE
                                             ? "; arrows point from caller or sender" : "");
  legend_note(out, width);
  if (x->o.n_seeds > 0)
    legend_note(out, "Double border: the entities the chart is about.");
  g_string_append(out, "</TABLE>");
}

static char *
chart_date(const netan_chart_options_t *o)
{
  if (o->date)
    return g_strdup(o->date);
  const char *sde = g_getenv("SOURCE_DATE_EPOCH");
  gint64 t = sde && *sde ? g_ascii_strtoll(sde, NULL, 10) : g_get_real_time() / G_USEC_PER_SEC;
  return netan_chart_i_date(t);
}

static void
title_cell(GString *out, const char *what, const char *value)
{
  g_string_append(out, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"7\">");
  text(out, what);
  g_string_append(out, "</FONT><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"10\">");
  g_autofree char *wrapped = netan_text_wrap(value && *value ? value : "\u2014", 28);
  text(out, wrapped);
  g_string_append(out, "</FONT><BR ALIGN=\"LEFT\"/></TD>");
}

/* A compact block, as on engineering drawings: the title across, then
 * case reference and date, author and what produced the chart. */
static void
append_title_block(netan_chart_ctx_t *x, GString *out)
{
  g_autofree char *date = chart_date(&x->o);
  g_autofree char *produced = g_strdup_printf("netan %s", netan_version());
  g_string_append(out, "<TABLE BORDER=\"1\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" BGCOLOR=\"white\">"
                       "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>");
  g_autofree char *title = netan_text_wrap(x->o.title ? x->o.title : "Link chart", 34);
  text(out, title);
  g_string_append(out, "</B></FONT></TD></TR><TR>");
  title_cell(out, "Case reference", x->o.case_ref);
  title_cell(out, "Date", date);
  g_string_append(out, "</TR><TR>");
  title_cell(out, "Author / unit", x->o.author);
  title_cell(out, "Produced with", produced);
  g_string_append(out, "</TR></TABLE>");
}

static char *
describe_view(const netan_view_t *v)
{
  const netan_view_options_t *o = &v->opts;
  GString *s = g_string_new(NULL);
  g_string_append_printf(s, "%s; %s; ", o->entity_type ? o->entity_type : "all entity types",
                         o->link_type ? o->link_type : "all link types");
  if (o->time_from != INT64_MIN || o->time_to != INT64_MAX) {
    g_autofree char *a = o->time_from != INT64_MIN ? netan_chart_i_date(o->time_from) : g_strdup("the start");
    g_autofree char *b = o->time_to != INT64_MAX ? netan_chart_i_date(o->time_to) : g_strdup("the end");
    g_string_append_printf(s, "events from %s to before %s; ", a, b);
  }
  if (o->sources)
    g_string_append_printf(s, "%zu selected source%s; ", o->n_sources, o->n_sources == 1 ? "" : "s");
  if (o->handling) {
    g_autofree char *h = g_strjoinv(", ", (char **)o->handling);
    g_string_append_printf(s, "handling %s; ", h);
  }
  if (o->min_weight > 0) {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(s, "edges of strength %s or more; ", g_ascii_formatd(buf, sizeof buf, "%g", o->min_weight));
  }
  g_string_append_printf(s, "strength = %s%s%s; %s; %s.", weight_name(v), o->currency ? " in " : "",
                         o->currency ? o->currency : "", o->directed ? "directed" : "undirected",
                         netan_view_length_name(v));
  return g_string_free(s, FALSE);
}

static gint
by_id(gconstpointer a, gconstpointer b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static void
footer_line(GString *out, const char *label, const char *value)
{
  g_autofree char *line = g_strdup_printf("%s: %s", label, value);
  g_autofree char *wrapped = netan_text_wrap(line, FOOTER_WIDTH);
  text(out, wrapped);
  g_string_append(out, "<BR ALIGN=\"LEFT\"/>");
}

static void
append_footer(netan_chart_ctx_t *x, GString *out)
{
  GString *sources = g_string_new(NULL);
  g_autoptr(GList) ids = g_list_sort(g_hash_table_get_keys(x->sources_used), by_id);
  for (GList *l = ids; l; l = l->next) {
    int64_t id = *(const int64_t *)l->data;
    const char *sha = netan_case_source_sha256(x->c, id);
    g_string_append_printf(sources, "%s%s (%.12s)", sources->len ? "; " : "", netan_case_source_name(x->c, id),
                           sha && *sha ? sha : "no SHA-256");
  }
  if (sources->len == 0)
    g_string_append(sources, "none");
  g_autofree char *view = describe_view(x->v);
  g_autofree char *chart = g_strdup_printf(
    "%s; %" G_GINT64_FORMAT " node%s and %" G_GINT64_FORMAT " line%s drawn (the view has %" G_GINT64_FORMAT
    " entities, %" G_GINT64_FORMAT " edges); layout %s%s%s.",
    x->focus_text ? x->focus_text : x->o.focus == NETAN_CHART_FOCUS_COLLAPSE ? "communities collapsed" : "the whole view",
    x->n_nodes, x->n_nodes == 1 ? "" : "s", x->n_edges, x->n_edges == 1 ? "" : "s", x->n,
    netan_view_n_edges(x->v), x->layout,
    !x->size_measure ? "" : x->o.focus == NETAN_CHART_FOCUS_COLLAPSE ? "; each community named after its member of highest "
                                                                     : "; size by ",
    x->size_measure ? x->size_measure : "");
  if (x->n_labelled < x->n_shown && x->o.focus != NETAN_CHART_FOCUS_COLLAPSE) {
    g_autofree char *more = g_strdup_printf("%s Labels on the %" G_GINT64_FORMAT " most prominent of %" G_GINT64_FORMAT
                                            " nodes (by %s); the others show their icon only.", chart,
                                            x->n_labelled, x->n_shown, x->size_measure ? x->size_measure : "degree");
    g_free(chart);
    chart = g_steal_pointer(&more);
  }
  g_string_append(out, "<TABLE BORDER=\"0\" CELLPADDING=\"2\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                       "<FONT POINT-SIZE=\"7\">");
  g_autofree char *src = g_string_free(sources, FALSE);
  footer_line(out, "Sources (name, SHA-256 prefix)", src);
  footer_line(out, "View", view);
  footer_line(out, "Chart", chart);
  if (x->o.command)
    footer_line(out, "Command", x->o.command);
  g_string_append(out, "</FONT></TD></TR></TABLE>");
}

static void
append_banner(const netan_chart_ctx_t *x, GString *out)
{
  g_string_append(out, "<TABLE BORDER=\"0\" CELLPADDING=\"2\"><TR><TD><FONT POINT-SIZE=\"14\"><B>");
  text(out, x->o.banner);
  g_string_append(out, "</B></FONT></TD></TR></TABLE>");
}

void
netan_chart_i_page(netan_chart_ctx_t *x, GString *out)
{
  const char *page = x->o.page;
  gboolean portrait = page && !x->o.landscape;
  g_string_append(out, "  graph [page_margin=\"0.4\"");
  if (page) {
    /* ISO 216, in inches */
    double w = g_ascii_strcasecmp(page, "A3") == 0 ? 11.69 : 8.27, h = w * 1.41421;
    if (x->o.landscape) {
      double t = w;
      w = h;
      h = t;
    }
    g_string_append(out, ", page_size=\"");
    netan_chart_i_num(out, w);
    g_string_append_c(out, ',');
    netan_chart_i_num(out, h);
    g_string_append_c(out, '"');
  }
  if (x->o.banner && *x->o.banner) {
    g_string_append(out, ", page_top=<");
    append_banner(x, out);
    g_string_append(out, ">");
  }
  /* Legend and title block in a column beside the network on landscape
   * and unsized pages; on portrait ones, where width is short, side by
   * side under it. The footer under the network, the banner's second
   * copy across the foot of the page. */
  if (!portrait) {
    g_string_append(out, ", page_right=<");
    append_legend(x, out);
    g_string_append(out, ">, page_corner=<");
    append_title_block(x, out);
    g_string_append(out, ">, page_bottom=<");
    append_footer(x, out);
    g_string_append(out, ">");
  } else {
    g_string_append(out, ", page_row_left=<");
    append_legend(x, out);
    g_string_append(out, ">, page_row_right=<");
    append_title_block(x, out);
    g_string_append(out, ">, page_bottom=<");
    append_footer(x, out);
    g_string_append(out, ">");
  }
  if (x->o.banner && *x->o.banner) {
    g_string_append(out, ", page_base=<");
    append_banner(x, out);
    g_string_append(out, ">");
  }
  g_string_append(out, "];\n");
}
