/* The collapsed chart: each community one node, the links between
 * communities added up into one line per pair.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-private.h"
#include "chart/chart-style.h"
#include "chart/dot-escape.h"

#include <math.h>

#define SMALL_GROUP 5  /* communities smaller than this, with no outside tie, are not drawn */

typedef struct {
  int64_t a, b;          /* communities, a < b */
  int64_t n_edges;       /* view edges between them */
  double strength;       /* their total strength */
} between_t;

static gint
between_cmp(gconstpointer p, gconstpointer q)
{
  const between_t *x = p, *y = q;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

void
netan_chart_i_collapsed(netan_chart_ctx_t *x, GString *out)
{
  const netan_view_t *v = x->v;
  int64_t k = 0;
  for (int64_t i = 0; i < x->n; i++)
    k = MAX(k, x->community[i] + 1);
  gsize kk = (gsize)MAX(k, 1);
  g_autofree int64_t *members = g_new0(int64_t, kk), *top = g_new(int64_t, kk);
  g_autofree double *top_score = g_new(double, kk);
  g_autofree int64_t *degree = g_new0(int64_t, (gsize)MAX(x->n, 1));
  for (int64_t e = 0; e < netan_view_n_edges(v); e++) {
    degree[netan_view_i_from(v, e)]++;
    degree[netan_view_i_to(v, e)]++;
  }
  for (int64_t c = 0; c < k; c++) {
    top[c] = -1;
    top_score[c] = -INFINITY;
  }
  /* each community is named after its most central member: by the size
   * measure if there is one, else by degree; ties to the lower vertex */
  for (int64_t i = 0; i < x->n; i++) {
    int64_t c = x->community[i];
    if (c < 0)
      continue;
    members[c]++;
    double score = x->has_size[i] ? x->size[i] : (double)degree[i];
    if (score > top_score[c]) {
      top_score[c] = score;
      top[c] = i;
    }
  }
  int64_t max_members = 0;
  for (int64_t c = 0; c < k; c++)
    max_members = MAX(max_members, members[c]);

  g_autoptr(GHashTable) pairs = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
  for (int64_t e = 0; e < netan_view_n_edges(v); e++) {
    int64_t a = x->community[netan_view_i_from(v, e)], b = x->community[netan_view_i_to(v, e)];
    if (a < 0 || b < 0 || a == b)
      continue;
    if (a > b) {
      int64_t t = a;
      a = b;
      b = t;
    }
    int64_t key = a * k + b;
    between_t *p = g_hash_table_lookup(pairs, &key);
    if (p == NULL) {
      int64_t *kp = g_new(int64_t, 1);
      *kp = key;
      p = g_new0(between_t, 1);
      p->a = a;
      p->b = b;
      g_hash_table_insert(pairs, kp, p);
    }
    p->n_edges++;
    p->strength += VECTOR(v->strength)[e];
  }

  /* small groups with no tie to any other (pairs of phones that only call
   * each other, say) say nothing about structure and crowd the chart: they
   * are left out, and the footer says how many */
  g_autofree gboolean *linked = g_new0(gboolean, kk);
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init(&it, pairs);
  while (g_hash_table_iter_next(&it, NULL, &value))
    linked[((between_t *)value)->a] = linked[((between_t *)value)->b] = TRUE;
  int64_t left_out = 0, left_out_members = 0;
  gboolean any_kept = FALSE;  /* if every group is small and alone, all are drawn */
  for (int64_t c = 0; c < k; c++)
    any_kept |= members[c] > 0 && (linked[c] || members[c] >= SMALL_GROUP);
  for (int64_t c = 0; c < k; c++) {
    if (members[c] == 0)
      continue;
    if (any_kept && !linked[c] && members[c] < SMALL_GROUP) {
      left_out++;
      left_out_members += members[c];
      continue;
    }
    x->n_nodes++;
    if (c < (int64_t)x->class_names->len)
      x->class_count[c] += members[c];
    double rel = sqrt((double)members[c] / (double)max_members);
    g_string_append_printf(out, "  c%" G_GINT64_FORMAT " [id=\"community%" G_GINT64_FORMAT "\", shape=ellipse, "
                                "fillcolor=\"%s\", width=", c, c, netan_chart_i_fill(c));
    netan_chart_i_num(out, 0.8 + 2.2 * rel);
    g_string_append(out, ", height=");
    netan_chart_i_num(out, 0.5 + 1.4 * rel);
    g_string_append_printf(out, ", fontsize=%d, label=<<B>community %" G_GINT64_FORMAT "</B><BR/>%" G_GINT64_FORMAT
                                " member%s", (int)lround(10 + 6 * rel), c, members[c],
                           members[c] == 1 ? "" : "s");
    if (top[c] >= 0) {
      int64_t id = v->vertex_entity[top[c]];
      g_autofree char *name = netan_text_wrap(netan_case_entity_label(x->c, id), x->o.wrap);
      g_string_append(out, "<BR/><FONT POINT-SIZE=\"9\">");
      netan_html_append_text(out, name, "CENTER");
      g_string_append(out, "</FONT>");
    }
    g_string_append(out, ">];\n");
  }
  g_autoptr(GList) list = g_list_sort(g_hash_table_get_values(pairs), between_cmp);
  double max_strength = 0;
  for (GList *l = list; l; l = l->next)
    max_strength = MAX(max_strength, ((between_t *)l->data)->strength);
  for (GList *l = list; l; l = l->next) {
    const between_t *p = l->data;
    g_string_append_printf(out, "  c%" G_GINT64_FORMAT " -- c%" G_GINT64_FORMAT " [penwidth=", p->a, p->b);
    netan_chart_i_num(out, 0.8 + 5.2 * p->strength / (max_strength > 0 ? max_strength : 1));
    g_string_append_printf(out, ", label=\"%" G_GINT64_FORMAT "\", tooltip=\"%" G_GINT64_FORMAT
                                " links, total strength ", p->n_edges, p->n_edges);
    netan_chart_i_num(out, p->strength);
    g_string_append(out, "\"];\n");
    x->n_edges++;
  }
  x->focus_text = left_out == 0 ? g_strdup("communities collapsed")
                 : g_strdup_printf("communities collapsed; %" G_GINT64_FORMAT " communities of fewer than %d "
                                   "members with no tie to another (%" G_GINT64_FORMAT " entities) not drawn",
                                   left_out, SMALL_GROUP, left_out_members);
  /* what stands behind the aggregate: every source of the view's links */
  const netan_link_rec_t *links = netan_case_i_links(x->c);
  const netan_event_rec_t *events = netan_case_i_events(x->c);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (int64_t r = 0; r < v->edge_first_record[netan_view_n_edges(v)]; r++) {
    int64_t rec = v->records[r];
    int64_t s = rec < v->n_links_at_build ? links[rec].prov.source_id
                                          : events[rec - v->n_links_at_build].prov.source_id;
    if (s >= 0 && g_hash_table_add(seen, GINT_TO_POINTER(s + 1))) {
      int64_t *key = g_new(int64_t, 1);
      *key = s;
      g_hash_table_add(x->sources_used, key);
    }
  }
}
