/* Attributes of entities, and the sources each entity was seen in.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "model/case-private.h"

int64_t
netan_case_add_attribute(netan_case_t *c, int64_t entity, const char *name, const char *value,
                         const netan_provenance_t *prov, GError **error)
{
  g_return_val_if_fail(c != NULL, -1);
  if (entity < 0 || entity >= (int64_t)c->entities->len) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "entity %" G_GINT64_FORMAT " is not in the case", entity);
    return -1;
  }
  if (!netan_i_check_text("attribute name", name, error) ||
      !netan_i_check_text("attribute value", value, error) ||
      !netan_case_i_check_prov(c, prov, error))
    return -1;
  netan_attribute_rec_t r = { entity, g_intern_string(name), g_string_chunk_insert_const(c->strings, value),
                              { -1, -1 } };
  if (prov)
    r.prov = *prov;
  g_array_append_val(c->attributes, r);
  c->generation++;
  return (int64_t)c->attributes->len - 1;
}

int64_t
netan_case_n_attributes(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->attributes->len;
}

gboolean
netan_case_get_attribute(const netan_case_t *c, int64_t id, int64_t *entity, const char **name,
                         const char **value, netan_provenance_t *prov)
{
  if (c == NULL || id < 0 || id >= (int64_t)c->attributes->len)
    return FALSE;
  const netan_attribute_rec_t *r = &g_array_index(c->attributes, netan_attribute_rec_t, id);
  if (entity) *entity = r->entity;
  if (name) *name = r->name;
  if (value) *value = r->value;
  if (prov) *prov = r->prov;
  return TRUE;
}

const char *
netan_case_entity_attribute(const netan_case_t *c, int64_t entity, const char *name)
{
  g_return_val_if_fail(c != NULL && name != NULL, NULL);
  const char *interned = g_intern_string(name);
  /* newest first: the last value recorded wins */
  for (int64_t i = (int64_t)c->attributes->len - 1; i >= 0; i--) {
    const netan_attribute_rec_t *r = &g_array_index(c->attributes, netan_attribute_rec_t, i);
    if (r->entity == entity && r->name == interned)
      return r->value;
  }
  return NULL;
}

/* (entity, source) packed into one 64-bit hash key: ids stay far below 2^40
 * and sources below 2^24 in any case this library can hold in memory. */
static int64_t
seen_key(int64_t entity, int64_t source)
{
  return (entity << 24) | (source & 0xFFFFFF);
}

guint
netan_case_i_seen_hash(gconstpointer key)
{
  return (guint)(((guint64) * (const int64_t *)key * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 32);
}

gboolean
netan_case_note_entity(netan_case_t *c, int64_t entity, const netan_provenance_t *prov, GError **error)
{
  g_return_val_if_fail(c != NULL && prov != NULL, FALSE);
  if (entity < 0 || entity >= (int64_t)c->entities->len) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "entity %" G_GINT64_FORMAT " is not in the case", entity);
    return FALSE;
  }
  if (!netan_case_i_check_prov(c, prov, error))
    return FALSE;
  int64_t k = seen_key(entity, prov->source_id);
  gpointer found = g_hash_table_lookup(c->seen_index, &k);
  if (found)
    return TRUE;  /* the first row is kept; later rows are those of the facts */
  int64_t *head = &g_array_index(c->seen_head, int64_t, entity);
  netan_seen_rec_t r = { entity, prov->source_id, prov->row, *head };
  g_array_append_val(c->seen, r);
  *head = (int64_t)c->seen->len - 1;
  int64_t *key = g_new(int64_t, 1);
  *key = k;
  g_hash_table_insert(c->seen_index, key, GSIZE_TO_POINTER((gsize)c->seen->len));
  /* seeing an entity again is not a change of the graph: no new generation */
  return TRUE;
}

void
netan_case_i_rollback_seen(netan_case_t *c, int64_t n_seen)
{
  for (int64_t i = (int64_t)c->seen->len - 1; i >= n_seen; i--) {
    const netan_seen_rec_t *r = &g_array_index(c->seen, netan_seen_rec_t, i);
    int64_t k = seen_key(r->entity, r->source_id);
    gpointer orig_key = NULL;
    if (g_hash_table_lookup_extended(c->seen_index, &k, &orig_key, NULL)) {
      g_hash_table_remove(c->seen_index, &k);
      g_free(orig_key);
    }
    /* records go newest first, so this one is its entity's head */
    if (r->entity < (int64_t)c->seen_head->len)
      g_array_index(c->seen_head, int64_t, r->entity) = r->next;
  }
  g_array_set_size(c->seen, n_seen);
}

int64_t
netan_case_entity_provenance(const netan_case_t *c, int64_t entity, int64_t **source_ids,
                             int64_t **first_rows)
{
  g_return_val_if_fail(c != NULL, 0);
  GArray *s = g_array_new(FALSE, FALSE, sizeof(int64_t)), *f = g_array_new(FALSE, FALSE, sizeof(int64_t));
  /* the entity's own list, newest first; reported oldest first */
  int64_t i = entity >= 0 && entity < (int64_t)c->seen_head->len ? g_array_index(c->seen_head, int64_t, entity) : -1;
  for (; i >= 0; i = g_array_index(c->seen, netan_seen_rec_t, i).next) {
    const netan_seen_rec_t *r = &g_array_index(c->seen, netan_seen_rec_t, i);
    g_array_prepend_val(s, r->source_id);
    g_array_prepend_val(f, r->first_row);
  }
  int64_t count = s->len;
  if (source_ids) *source_ids = (int64_t *)(void *)g_array_free(s, FALSE); else g_array_free(s, TRUE);
  if (first_rows) *first_rows = (int64_t *)(void *)g_array_free(f, FALSE); else g_array_free(f, TRUE);
  return count;
}
