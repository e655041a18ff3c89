/* The network on a chart: one node per drawn entity, one line per edge.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-private.h"
#include "chart/chart-style.h"
#include "chart/dot-escape.h"

#include <math.h>
#include <string.h>

#define BIG_CHART_FONT "26"  /* points, for the labelled nodes of a chart that labels only some */

static void
count(GHashTable *h, gconstpointer key)
{
  g_hash_table_insert(h, (gpointer)key, GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(h, key)) + 1));
}

static void
note_source(netan_chart_ctx_t *x, int64_t source_id)
{
  if (source_id < 0 || g_hash_table_contains(x->sources_used, &source_id))
    return;
  int64_t *key = g_new(int64_t, 1);
  *key = source_id;
  g_hash_table_add(x->sources_used, key);
}

/* The node's label as an HTML-like label: the type's icon beside the
 * entity's label (wrapped), the key under it if asked. */
static void
append_node_label(netan_chart_ctx_t *x, GString *out, int64_t id, const netan_chart_type_look_t *look,
                  double rel, gboolean labelled)
{
  const char *label = netan_case_entity_label(x->c, id), *key = netan_case_entity_key(x->c, id);
  /* on big charts the labelled few are set larger, so that they stay
   * readable when the page scales the whole network down */
  int icon = (int)lround((x->n_labelled < x->n_shown && labelled ? 24 : 14) + 14 * rel);
  g_string_append_printf(out, ", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                              "CELLPADDING=\"0\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\">"
                              "<IMG SRC=\"%s.png\" SCALE=\"TRUE\"/></TD>",
                         icon, icon, look->icon);
  if (!labelled) {
    g_string_append(out, "</TR></TABLE>>");
    return;
  }
  g_string_append(out, "<TD CELLPADDING=\"2\">");
  g_autofree char *wrapped = netan_text_wrap(label, x->o.wrap);
  netan_html_append_text(out, wrapped, "CENTER");
  if (x->o.show_keys && strcmp(label, key) != 0) {
    g_string_append(out, "<BR/><FONT POINT-SIZE=\"8\">");
    netan_html_append_text(out, key, "CENTER");
    g_string_append(out, "</FONT>");
  }
  g_string_append(out, "</TD></TR></TABLE>>");
}

static void
append_node(netan_chart_ctx_t *x, GString *out, int64_t vertex)
{
  int64_t id = x->v->vertex_entity[vertex];
  const char *type = netan_case_entity_type(x->c, id);
  const netan_chart_type_look_t *look = netan_chart_type_look(type);
  count(x->types_shown, type);
  double rel = 0;
  if (x->has_size[vertex] && x->max_size > 0 && isfinite(x->size[vertex]))
    rel = sqrt(MAX(x->size[vertex], 0) / x->max_size);  /* area grows with the measure */
  g_string_append_printf(out, "  n%" G_GINT64_FORMAT " [id=\"entity%" G_GINT64_FORMAT "\", shape=%s",
                         id, id, look->shape);
  if (*look->style)
    g_string_append_printf(out, ", style=\"filled,%s\"", look->style);
  int64_t k = x->colour_class[vertex];
  if (k >= 0 && netan_chart_palette(k)) {
    g_string_append_printf(out, ", fillcolor=\"%s\"", netan_chart_palette(k));
    x->class_count[k]++;
  } else {
    x->other_count++;
  }
  if (!x->labelled[vertex])
    g_string_append(out, ", margin=\"0.02,0.01\"");
  else if (x->n_labelled < x->n_shown)
    g_string_append(out, ", fontsize=" BIG_CHART_FONT);
  if (rel > 0) {
    g_string_append(out, ", width=");
    netan_chart_i_num(out, 0.4 + 1.2 * rel);
    g_string_append(out, ", height=");
    netan_chart_i_num(out, 0.3 + 0.6 * rel);
  }
  if (x->seed[vertex])
    g_string_append(out, ", penwidth=2.5, peripheries=2");
  if (x->pin_x && !isnan(x->pin_x[vertex])) {
    g_string_append(out, ", pos=\"");
    netan_chart_i_num(out, x->pin_x[vertex]);
    g_string_append_c(out, ',');
    netan_chart_i_num(out, x->pin_y[vertex]);
    g_string_append(out, "!\"");
  }
  g_autofree char *tip = x->labelled[vertex] ? g_strdup_printf("%s: %s", type, netan_case_entity_key(x->c, id))
                                             : g_strdup_printf("%s: %s (%s)", type, netan_case_entity_label(x->c, id),
                                                               netan_case_entity_key(x->c, id));
  g_string_append(out, ", tooltip=");
  netan_dot_append_escstring(out, tip);
  append_node_label(x, out, id, look, rel, x->labelled[vertex]);
  g_string_append(out, "];\n");

  g_autofree int64_t *sources = NULL;
  int64_t ns = netan_case_entity_provenance(x->c, id, &sources, NULL);
  for (int64_t i = 0; i < ns; i++)
    note_source(x, sources[i]);
}

/* What the records behind one edge add up to. */
typedef struct {
  const char *type;          /* the most frequent link/event type */
  int64_t n_records, first, last;
  GHashTable *amounts;       /* currency (interned) -> double*; NULL until one is seen */
} edge_summary_t;

static void
summarize_edge(netan_chart_ctx_t *x, int64_t e, edge_summary_t *s)
{
  const netan_view_t *v = x->v;
  const netan_link_rec_t *links = netan_case_i_links(x->c);
  const netan_event_rec_t *events = netan_case_i_events(x->c);
  g_autoptr(GHashTable) types = g_hash_table_new(g_direct_hash, g_direct_equal);
  *s = (edge_summary_t){ NULL, 0, INT64_MAX, INT64_MIN, NULL };
  int64_t best = 0;
  for (int64_t r = v->edge_first_record[e]; r < v->edge_first_record[e + 1]; r++) {
    int64_t rec = v->records[r];
    const char *type;
    const netan_provenance_t *prov;
    if (rec < v->n_links_at_build) {
      type = links[rec].type;
      prov = &links[rec].prov;
    } else {
      const netan_event_rec_t *ev = &events[rec - v->n_links_at_build];
      type = ev->type;
      prov = &ev->prov;
      s->first = MIN(s->first, ev->time);
      s->last = MAX(s->last, ev->time);
      if (ev->currency && isfinite(ev->amount)) {
        if (s->amounts == NULL)
          s->amounts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
        double *sum = g_hash_table_lookup(s->amounts, ev->currency);
        if (sum == NULL)
          g_hash_table_insert(s->amounts, (gpointer)ev->currency, sum = g_new0(double, 1));
        *sum += ev->amount;
      }
    }
    note_source(x, prov->source_id);
    s->n_records++;
    int64_t n = GPOINTER_TO_INT(g_hash_table_lookup(types, type)) + 1;
    g_hash_table_insert(types, (gpointer)type, GINT_TO_POINTER(n));
    /* ties go to the alphabetically first type: the same chart every time */
    if (n > best || (n == best && strcmp(type, s->type) < 0)) {
      best = n;
      s->type = type;
    }
  }
}

/* "12 records", "2024-02-01 – 2024-03-04", "EUR 4600.00" as asked. */
static char *
edge_text(const netan_chart_ctx_t *x, const edge_summary_t *s, unsigned what)
{
  GString *t = g_string_new(NULL);
  if (what & NETAN_CHART_EDGE_LABEL_COUNT)
    g_string_append_printf(t, "%s %" G_GINT64_FORMAT "\u00D7", s->type ? s->type : "",
                           s->n_records);
  if ((what & NETAN_CHART_EDGE_LABEL_DATES) && s->first <= s->last) {
    g_autofree char *a = netan_chart_i_date(s->first), *b = netan_chart_i_date(s->last);
    g_string_append_printf(t, "%s%s", t->len ? "\n" : "", a);
    if (strcmp(a, b) != 0)
      g_string_append_printf(t, " \u2013 %s", b);
  }
  if ((what & NETAN_CHART_EDGE_LABEL_AMOUNT) && s->amounts) {
    g_autoptr(GList) currencies = g_list_sort(g_hash_table_get_keys(s->amounts), (GCompareFunc)strcmp);
    for (GList *l = currencies; l; l = l->next) {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const double *sum = g_hash_table_lookup(s->amounts, l->data);
      g_string_append_printf(t, "%s%s %s", t->len ? "\n" : "", (const char *)l->data,
                             g_ascii_formatd(buf, sizeof buf, "%.2f", *sum));
    }
  }
  (void)x;
  return g_string_free(t, FALSE);
}

static void
append_edge(netan_chart_ctx_t *x, GString *out, int64_t e, gboolean directed)
{
  const netan_view_t *v = x->v;
  int64_t a = v->vertex_entity[netan_view_i_from(v, e)], b = v->vertex_entity[netan_view_i_to(v, e)];
  if (!directed && a > b) {  /* igraph may store undirected edges either way round */
    int64_t t = a;
    a = b;
    b = t;
  }
  int64_t pair = MIN(netan_view_i_from(v, e), netan_view_i_to(v, e)) * x->n +
                 MAX(netan_view_i_from(v, e), netan_view_i_to(v, e));
  int64_t walk_from = x->steps ? (int64_t)GPOINTER_TO_SIZE(g_hash_table_lookup(x->steps, &pair)) - 1 : -1;
  if (!directed && walk_from == b) {  /* along the path: dot ranks a path left to right */
    b = a;
    a = walk_from;
  }
  edge_summary_t s;
  summarize_edge(x, e, &s);
  const netan_chart_line_look_t *look = netan_chart_line_look(s.type ? s.type : "");
  if (s.type)
    count(x->lines_shown, s.type);
  g_string_append_printf(out, "  n%" G_GINT64_FORMAT " %s n%" G_GINT64_FORMAT " [penwidth=", a,
                         directed ? "->" : "--", b);
  netan_chart_i_num(out, 0.6 + 3.4 * VECTOR(v->strength)[e] / (x->max_strength > 0 ? x->max_strength : 1));
  netan_chart_line_attrs(out, look, NETAN_CHART_LINE_COLOUR);
  g_autofree char *tip = edge_text(x, &s, 7);
  g_string_append(out, ", tooltip=");
  netan_dot_append_escstring(out, tip);
  if (x->o.edge_labels) {
    g_autofree char *text = edge_text(x, &s, x->o.edge_labels);
    g_string_append(out, ", label=");
    netan_dot_append_string(out, text);
  }
  g_string_append(out, "];\n");
  if (s.amounts)
    g_hash_table_unref(s.amounts);
}

void
netan_chart_i_network(netan_chart_ctx_t *x, GString *out)
{
  for (int64_t i = 0; i < x->n; i++)
    if (x->shown[i]) {
      append_node(x, out, i);
      x->n_nodes++;
    }
  gboolean directed = netan_view_is_directed(x->v);
  for (int64_t e = 0; e < netan_view_n_edges(x->v); e++) {
    int64_t a = netan_view_i_from(x->v, e), b = netan_view_i_to(x->v, e);
    if (!x->shown[a] || !x->shown[b])
      continue;
    int64_t pair = MIN(a, b) * x->n + MAX(a, b);
    if (x->steps && !g_hash_table_contains(x->steps, &pair))
      continue;  /* a path chart draws the steps of its paths only */
    append_edge(x, out, e, directed);
    x->n_edges++;
  }
}
