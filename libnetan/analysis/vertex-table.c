/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/vertex-table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The entity's key, label and type, copied into @t. */
static void
fill_strings(netan_table_t *t, int64_t row, const netan_entity_rec_t *e)
{
  netan_table_i_set_string(t, row, VT_KEY, e->key);
  netan_table_i_set_string(t, row, VT_LABEL, e->label);
  netan_table_i_set_string(t, row, VT_TYPE, e->type);
}

void
netan_vt_fill_entity(netan_table_t *t, int64_t row, const netan_view_t *v, int64_t vertex)
{
  const netan_entity_rec_t *e = &netan_case_i_entities(v->kase)[v->vertex_entity[vertex]];
  netan_table_i_set_int(t, row, VT_ENTITY, v->vertex_entity[vertex]);
  fill_strings(t, row, e);
}

/* ---- the order: value (highest first), then key, then vertex ----------- */

typedef struct {
  const double *values;
  const netan_view_t *view;
} sort_ctx_t;

/* The reference comparison. Used as is when a value is NaN (NaN makes it
 * inconsistent, so only this exact algorithm gives the established order);
 * sort_row_cmp() below is the same order for numbers. */
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

/* One row to sort: the value, the first 16 bytes of the key as two
 * big-endian integers (bytes after the terminating NUL are 0), so that most
 * key comparisons are two integer comparisons, and the full key for the
 * rest. Comparing (k0, k1) as unsigned integers orders like strcmp, which
 * compares unsigned chars, over those 16 bytes. */
typedef struct {
  double value;
  uint64_t k0, k1;
  const char *key;
  int64_t vertex;
} sort_row_t;

static uint64_t
be64_prefix(const char *s, size_t len, size_t from)
{
  uint64_t x = 0;
  for (size_t i = 0; i < 8; i++)
    x = (x << 8) | (from + i < len ? (unsigned char)s[from + i] : 0u);
  return x;
}

static int
sort_row_cmp(const void *pa, const void *pb)
{
  const sort_row_t *a = pa, *b = pb;
  if (a->value != b->value)
    return a->value > b->value ? -1 : 1;
  if (a->k0 != b->k0)
    return a->k0 < b->k0 ? -1 : 1;
  if (a->k1 != b->k1)
    return a->k1 < b->k1 ? -1 : 1;
  int c = strcmp(a->key, b->key);  /* equal first 16 bytes: compare the rest */
  if (c != 0)
    return c;
  return a->vertex < b->vertex ? -1 : (a->vertex > b->vertex);
}

/* @x as an unsigned integer that sorts in the order of decreasing @x
 * (IEEE 754 bits, the sign folded in). 0 and -0 compare equal as doubles,
 * so both map to the key of 0. Not for NaN. */
static uint64_t
descending_key(double x)
{
  uint64_t b;
  if (x == 0)
    x = 0.0;
  memcpy(&b, &x, sizeof b);
  b = (b >> 63) ? ~b : (b | UINT64_C(0x8000000000000000));
  return ~b;
}

typedef struct {
  uint64_t k;
  int64_t vertex;
} vkey_t;

/* LSD radix sort of @a by k, 11 bits a pass, stable; @tmp is as long as
 * @a. Passes whose digit is the same for every element are skipped (the
 * high bits of centrality values of one magnitude often are). Returns
 * the array that holds the result (@a or @tmp). */
static vkey_t *
radix_sort(vkey_t *a, vkey_t *tmp, int64_t n)
{
  enum { BITS = 11, BUCKETS = 1 << BITS, PASSES = (64 + BITS - 1) / BITS };
  size_t *count = g_new0(size_t, (size_t)PASSES * BUCKETS);
  for (int64_t i = 0; i < n; i++)
    for (int p = 0; p < PASSES; p++)
      count[(size_t)p * BUCKETS + ((a[i].k >> (p * BITS)) & (BUCKETS - 1))]++;
  for (int p = 0; p < PASSES; p++) {
    size_t *c = count + (size_t)p * BUCKETS;
    if (n == 0 || c[(a[0].k >> (p * BITS)) & (BUCKETS - 1)] == (size_t)n)
      continue;  /* one digit for all: this pass would not move anything */
    size_t sum = 0;
    for (int d = 0; d < BUCKETS; d++) {
      size_t k = c[d];
      c[d] = sum;
      sum += k;
    }
    for (int64_t i = 0; i < n; i++)
      tmp[c[(a[i].k >> (p * BITS)) & (BUCKETS - 1)]++] = a[i];
    vkey_t *swap = a;
    a = tmp;
    tmp = swap;
  }
  g_free(count);
  return a;
}

/* The vertices in table order. This runs once per result table, so on a
 * large view it is most of netan's cost over the igraph call itself: sort
 * the values as integers (radix), and compare keys only within runs of
 * equal values. (Sorting indices with a callback that looked values and
 * keys up took about 5x longer.) */
static int64_t *
table_order(const netan_view_t *v, const double *values, int64_t n)
{
  int64_t *order = g_new(int64_t, n > 0 ? n : 1);
  gboolean has_nan = FALSE;
  for (int64_t i = 0; i < n && !has_nan; i++)
    has_nan = isnan(values[i]);
  if (has_nan) {
    for (int64_t i = 0; i < n; i++)
      order[i] = i;
    sort_ctx_t ctx = { values, v };
    g_qsort_with_data(order, (gint)n, sizeof(int64_t), by_value_then_key, &ctx);
    return order;
  }
  vkey_t *a = g_new(vkey_t, n > 0 ? n : 1), *tmp = g_new(vkey_t, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++)
    a[i] = (vkey_t){ descending_key(values[i]), i };
  vkey_t *sorted = radix_sort(a, tmp, n);
  const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
  sort_row_t *rows = NULL;
  for (int64_t r = 0; r < n;) {
    int64_t end = r + 1;
    while (end < n && sorted[end].k == sorted[r].k)
      end++;
    if (end - r == 1) {
      order[r] = sorted[r].vertex;
    } else {
      /* a tie: by key, then vertex */
      if (rows == NULL)
        rows = g_new(sort_row_t, n);
      int64_t m = end - r;
      for (int64_t i = 0; i < m; i++) {
        int64_t vertex = sorted[r + i].vertex;
        const char *key = ents[v->vertex_entity[vertex]].key;
        size_t len = strnlen(key, 16);
        rows[i] = (sort_row_t){ values[vertex], be64_prefix(key, len, 0), be64_prefix(key, len, 8), key, vertex };
      }
      qsort(rows, (size_t)m, sizeof(sort_row_t), sort_row_cmp);
      for (int64_t i = 0; i < m; i++)
        order[r + i] = rows[i].vertex;
    }
    r = end;
  }
  g_free(rows);
  g_free(a);
  g_free(tmp);
  return order;
}

netan_table_t *
netan_vt_centrality(const netan_view_t *v, const double *values, const char *measure)
{
  int64_t n = netan_view_n_vertices(v);
  netan_table_t *t = netan_table_i_new(n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                                       "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                                       "value", NETAN_COLUMN_DOUBLE, "rank", NETAN_COLUMN_INT, NULL);
  int64_t *order = table_order(v, values, n);
  /* The cells are written in vertex order, so that the case's records and
   * key strings are read in the order they lie in memory (about twice as
   * fast on a large view as reading them in table order). */
  int64_t *row_of = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t r = 0; r < n; r++)
    row_of[order[r]] = r;
  const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
  for (int64_t vertex = 0; vertex < n; vertex++) {
    int64_t r = row_of[vertex], entity = v->vertex_entity[vertex];
    netan_table_i_set_int(t, r, VT_ENTITY, entity);
    fill_strings(t, r, &ents[entity]);
    netan_table_i_set_double(t, r, VT_VALUE, values[vertex]);
  }
  g_free(row_of);
  /* "1224" ranks: a tie shares the rank of the first row of its run */
  int64_t rank = 0;
  for (int64_t r = 0; r < n; r++) {
    gboolean tie = r > 0 && values[order[r]] == values[order[r - 1]];
    rank = tie ? rank : r + 1;
    netan_table_i_set_int(t, r, VT_RANK, rank);
  }
  g_free(order);
  netan_table_i_set_meta(t, "measure", "%s", measure);
  netan_table_i_set_meta(t, "directed", "%s", netan_view_is_directed(v) ? "true" : "false");
  return t;
}
