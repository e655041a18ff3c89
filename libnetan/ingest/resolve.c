/* Suggesting merges: fuzzy name matches strengthened by shared identifiers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/table-private.h"
#include "model/case-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
netan_suggest_options_init(netan_suggest_options_t *opts)
{
  static const netan_suggest_options_t defaults = NETAN_SUGGEST_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

typedef struct {
  int64_t a, b;
  double score, similarity;
  int shared;
  char *evidence;
} pair_t;

static int
by_score(const void *pa, const void *pb)
{
  const pair_t *x = pa, *y = pb;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : (x->b > y->b);
}

/* Identifiers linked to each candidate: entity -> sorted array of other
 * entity ids (of other types) joined to it by a link. */
static GHashTable *
identifiers(const netan_case_t *c, const char *type)
{
  GHashTable *ids = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  const netan_entity_rec_t *ents = netan_case_i_entities(c);
  const netan_link_rec_t *links = netan_case_i_links(c);
  for (int64_t i = 0; i < netan_case_n_links(c); i++) {
    int64_t ends[2] = { links[i].a, links[i].b };
    for (int k = 0; k < 2; k++) {
      int64_t self = ends[k], other = ends[1 - k];
      if (ents[self].type != type || ents[other].type == type)
        continue;
      GArray *list = g_hash_table_lookup(ids, &self);
      if (list == NULL) {
        list = g_array_new(FALSE, FALSE, sizeof(int64_t));
        g_hash_table_insert(ids, g_memdup2(&self, sizeof self), list);
      }
      g_array_append_val(list, other);
    }
  }
  return ids;
}

static int
shared_identifiers(GHashTable *ids, const netan_case_t *c, int64_t a, int64_t b, GString *evidence)
{
  GArray *la = g_hash_table_lookup(ids, &a), *lb = g_hash_table_lookup(ids, &b);
  int n = 0;
  for (guint i = 0; la && lb && i < la->len; i++) {
    int64_t x = g_array_index(la, int64_t, i);
    gboolean dup = FALSE;
    for (guint k = 0; k < i && !dup; k++)
      dup = g_array_index(la, int64_t, k) == x;
    for (guint j = 0; !dup && j < lb->len; j++) {
      if (g_array_index(lb, int64_t, j) == x) {
        g_string_append_printf(evidence, "%sshared %s %s", evidence->len ? "; " : "",
                               netan_case_entity_type(c, x), netan_case_entity_key(c, x));
        n++;
        break;
      }
    }
  }
  return n;
}

netan_table_t *
netan_case_suggest_merges(const netan_case_t *c, const netan_suggest_options_t *opts, GError **error)
{
  g_return_val_if_fail(c != NULL, NULL);
  netan_suggest_options_t o;
  netan_suggest_options_init(&o);
  if (opts) {
    if (opts->version != NETAN_SUGGEST_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "suggest options: unknown version %u", opts->version);
      return NULL;
    }
    o = *opts;
  }
  if (!(o.threshold >= 0 && o.threshold <= 1) || !(o.shared_bonus >= 0) || o.max_pairs < 0) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "suggest: threshold must be in [0,1], the bonus and max_pairs not negative");
    return NULL;
  }
  const char *type = g_intern_string(o.entity_type ? o.entity_type : "person");
  const netan_entity_rec_t *ents = netan_case_i_entities(c);
  int64_t n = netan_case_n_entities(c);

  /* blocking: entities sharing a two-letter token prefix are compared */
  GHashTable *blocks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  for (int64_t i = 0; i < n; i++) {
    if (ents[i].type != type || netan_case_canonical(c, i) != i)
      continue;
    g_auto(GStrv) tokens = g_strsplit(ents[i].key, " ", -1);
    for (char **t = tokens; *t; t++) {
      if (g_utf8_strlen(*t, -1) < 2)
        continue;
      char prefix[16];
      g_utf8_strncpy(prefix, *t, 2);
      GArray *b = g_hash_table_lookup(blocks, prefix);
      if (b == NULL) {
        b = g_array_new(FALSE, FALSE, sizeof(int64_t));
        g_hash_table_insert(blocks, g_strdup(prefix), b);
      }
      if (b->len == 0 || g_array_index(b, int64_t, b->len - 1) != i)
        g_array_append_val(b, i);
    }
  }
  GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *ids = identifiers(c, type);
  GArray *pairs = g_array_new(FALSE, FALSE, sizeof(pair_t));
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init(&it, blocks);
  while (g_hash_table_iter_next(&it, &key, &value)) {
    GArray *b = value;
    for (guint i = 0; i < b->len; i++) {
      for (guint j = i + 1; j < b->len; j++) {
        int64_t x = g_array_index(b, int64_t, i), y = g_array_index(b, int64_t, j);
        int64_t packed = (MIN(x, y) << 32) ^ MAX(x, y);
        if (g_hash_table_contains(seen, &packed))
          continue;
        g_hash_table_add(seen, g_memdup2(&packed, sizeof packed));
        double sim = netan_jaro_winkler(ents[x].key, ents[y].key);
        if (sim + o.shared_bonus * 8 < o.threshold)
          continue;  /* cannot reach the threshold even with many shared identifiers */
        GString *ev = g_string_new(NULL);
        int shared = shared_identifiers(ids, c, MIN(x, y), MAX(x, y), ev);
        double score = MIN(1.0, sim + o.shared_bonus * shared);
        if (score < o.threshold) {
          g_string_free(ev, TRUE);
          continue;
        }
        char num[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *head = g_strdup_printf("name similarity %s%s", g_ascii_formatd(num, sizeof num, "%.3f", sim),
                                                ev->len ? "; " : "");
        g_string_prepend(ev, head);
        pair_t p = { MIN(x, y), MAX(x, y), score, sim, shared, g_string_free(ev, FALSE) };
        g_array_append_val(pairs, p);
      }
    }
  }
  qsort(pairs->data, pairs->len, sizeof(pair_t), by_score);
  int64_t rows = MIN((int64_t)pairs->len, o.max_pairs);
  netan_table_t *t = netan_table_i_new(rows, "a", NETAN_COLUMN_INT, "a_key", NETAN_COLUMN_STRING,
                                       "a_label", NETAN_COLUMN_STRING, "b", NETAN_COLUMN_INT,
                                       "b_key", NETAN_COLUMN_STRING, "b_label", NETAN_COLUMN_STRING,
                                       "score", NETAN_COLUMN_DOUBLE, "name_similarity", NETAN_COLUMN_DOUBLE,
                                       "shared", NETAN_COLUMN_INT, "evidence", NETAN_COLUMN_STRING, NULL);
  for (int64_t r = 0; r < rows; r++) {
    const pair_t *p = &g_array_index(pairs, pair_t, r);
    netan_table_i_set_int(t, r, 0, p->a);
    netan_table_i_set_string(t, r, 1, ents[p->a].key);
    netan_table_i_set_string(t, r, 2, ents[p->a].label);
    netan_table_i_set_int(t, r, 3, p->b);
    netan_table_i_set_string(t, r, 4, ents[p->b].key);
    netan_table_i_set_string(t, r, 5, ents[p->b].label);
    netan_table_i_set_double(t, r, 6, p->score);
    netan_table_i_set_double(t, r, 7, p->similarity);
    netan_table_i_set_int(t, r, 8, p->shared);
    netan_table_i_set_string(t, r, 9, p->evidence);
  }
  for (guint r = 0; r < pairs->len; r++)
    g_free(g_array_index(pairs, pair_t, r).evidence);
  netan_table_i_set_meta(t, "measure", "merge suggestions (Jaro-Winkler on normalised keys + shared identifiers)");
  netan_table_i_set_meta_double(t, "threshold", o.threshold);
  netan_table_i_set_meta_double(t, "shared_bonus", o.shared_bonus);
  netan_table_i_set_meta(t, "candidates", "%u", pairs->len);
  g_array_unref(pairs);
  g_hash_table_unref(ids);
  g_hash_table_unref(seen);
  g_hash_table_unref(blocks);
  return t;
}
