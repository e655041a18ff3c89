/* The normalization cache: each distinct (normalizer, region, value) is
 * normalized once per ingest. A million call records hold perhaps twenty
 * thousand distinct numbers, and libphonenumber costs microseconds a call
 * against tens of nanoseconds for a hash lookup.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <string.h>

/*
 * Layout: per normalizer, a table region -> (table value -> result). The
 * inner tables are keyed by the raw value itself, so a hit costs one hash
 * of the value and no copying; the region is compared once per call
 * against the one used last (an ingest uses one region per column).
 * A result is one string in the chunk, tagged by its first byte: 'K' then
 * the key, or 'R' then the reason. Failures are cached too: a bad value
 * repeats as often as a good one.
 */
struct netan_norm_cache {
  GStringChunk *strings;
  GHashTable *regions[NETAN_NORM_N_KINDS];  /* region (in strings) -> GHashTable* */
  const char *last_region[NETAN_NORM_N_KINDS];
  GHashTable *last_values[NETAN_NORM_N_KINDS];
  guint size;
};

netan_norm_cache_t *
netan_norm_cache_new(void)
{
  netan_norm_cache_t *c = g_new0(netan_norm_cache_t, 1);
  c->strings = g_string_chunk_new(64 * 1024);
  for (int i = 0; i < NETAN_NORM_N_KINDS; i++)
    c->regions[i] = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)g_hash_table_unref);
  return c;
}

void
netan_norm_cache_free(netan_norm_cache_t *c)
{
  if (c == NULL)
    return;
  for (int i = 0; i < NETAN_NORM_N_KINDS; i++)
    g_hash_table_unref(c->regions[i]);
  g_string_chunk_free(c->strings);
  g_free(c);
}

guint
netan_norm_cache_size(const netan_norm_cache_t *c)
{
  return c->size;
}

/* The value table of normalizer @k under @region, created on first use. */
static GHashTable *
values_for(netan_norm_cache_t *c, int k, const char *region)
{
  if (c->last_values[k] != NULL && strcmp(c->last_region[k], region) == 0)
    return c->last_values[k];
  gpointer stored, t;
  if (!g_hash_table_lookup_extended(c->regions[k], region, &stored, &t)) {
    stored = g_string_chunk_insert_const(c->strings, region);
    t = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(c->regions[k], stored, t);
  }
  c->last_region[k] = stored;
  c->last_values[k] = t;
  return t;
}

const char *
netan_norm_cache_get(netan_norm_cache_t *c, netan_normalizer_t n, const char *region,
                     const char *value, const char **reason)
{
  const char *why;
  if (value == NULL)
    why = "no value to normalize (NULL)";
  else if (netan_normalizer_name(n) == NULL)
    why = "unknown normalizer";
  else
    why = NULL;
  if (why != NULL) {
    if (reason)
      *reason = why;
    return NULL;
  }

  /* only phone numbers depend on the region: the others share one table */
  int k = (int)n;
  const char *rg = n == NETAN_NORMALIZE_PHONE && region ? region : "";
  GHashTable *values = values_for(c, k, rg);
  const char *hit = g_hash_table_lookup(values, value);
  if (hit == NULL) {
    GError *e = NULL;
    g_autofree char *key = netan_norm_i_run(n, value, rg, &e);
    g_autofree char *tagged = key ? g_strconcat("K", key, NULL) : g_strconcat("R", e->message, NULL);
    g_clear_error(&e);
    /* keys repeat across raw spellings ("+355 69..." and "0692..."): store
     * each key once; the raw value is stored as the lookup key */
    hit = key ? g_string_chunk_insert_const(c->strings, tagged)
              : g_string_chunk_insert(c->strings, tagged);
    g_hash_table_insert(values, g_string_chunk_insert(c->strings, value), (gpointer)hit);
    c->size++;
  }
  if (hit[0] == 'K')
    return hit + 1;
  if (reason)
    *reason = hit + 1;
  return NULL;
}
