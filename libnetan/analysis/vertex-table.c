/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/vertex-table.h"

#include <stdlib.h>
#include <string.h>

void
netan_vt_fill_entity(netan_table_t *t, int64_t row, const netan_view_t *v, int64_t vertex)
{
  const netan_entity_rec_t *e = &netan_case_i_entities(v->kase)[v->vertex_entity[vertex]];
  netan_table_i_set_int(t, row, VT_ENTITY, v->vertex_entity[vertex]);
  netan_table_i_set_string(t, row, VT_KEY, e->key);
  netan_table_i_set_string(t, row, VT_LABEL, e->label);
  netan_table_i_set_string(t, row, VT_TYPE, e->type);
}

typedef struct {
  const double *values;
  const netan_view_t *view;
} sort_ctx_t;

static int
by_value_then_key(gconstpointer pa, gconstpointer pb, gpointer data)
{
  const sort_ctx_t *ctx = data;
  int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
  double va = ctx->values[a], vb = ctx->values[b];
  if (va != vb)
    return va > vb ? -1 : 1;
  const netan_entity_rec_t *ents = netan_case_i_entities(ctx->view->kase);
  int c = strcmp(ents[ctx->view->vertex_entity[a]].key, ents[ctx->view->vertex_entity[b]].key);
  if (c != 0)
    return c;
  return a < b ? -1 : (a > b);
}

netan_table_t *
netan_vt_centrality(const netan_view_t *v, const double *values, const char *measure)
{
  int64_t n = netan_view_n_vertices(v);
  netan_table_t *t = netan_table_i_new(n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                                       "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                                       "value", NETAN_COLUMN_DOUBLE, "rank", NETAN_COLUMN_INT, NULL);
  int64_t *order = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++)
    order[i] = i;
  sort_ctx_t ctx = { values, v };
  g_qsort_with_data(order, (gint)n, sizeof(int64_t), by_value_then_key, &ctx);
  for (int64_t r = 0; r < n; r++) {
    netan_vt_fill_entity(t, r, v, order[r]);
    netan_table_i_set_double(t, r, VT_VALUE, values[order[r]]);
    gboolean tie = r > 0 && values[order[r]] == values[order[r - 1]];
    netan_table_i_set_int(t, r, VT_RANK, tie ? netan_table_get_int(t, r - 1, VT_RANK) : r + 1);
  }
  g_free(order);
  netan_table_i_set_meta(t, "measure", "%s", measure);
  netan_table_i_set_meta(t, "directed", "%s", netan_view_is_directed(v) ? "true" : "false");
  return t;
}
