/* The in-memory case: sources, typed entities, links with provenance.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "model/case-private.h"

#include <math.h>
#include <string.h>

netan_case_t *
netan_case_new(void)
{
  netan_case_t *c = g_new0(netan_case_t, 1);
  c->sources = g_ptr_array_new_with_free_func(netan_source_rec_free);
  c->entities = g_array_new(FALSE, FALSE, sizeof(netan_entity_rec_t));
  c->links = g_array_new(FALSE, FALSE, sizeof(netan_link_rec_t));
  c->events = g_array_new(FALSE, FALSE, sizeof(netan_event_rec_t));
  c->attributes = g_array_new(FALSE, FALSE, sizeof(netan_attribute_rec_t));
  c->seen = g_array_new(FALSE, FALSE, sizeof(netan_seen_rec_t));
  c->seen_index = g_hash_table_new(netan_case_i_seen_hash, g_int64_equal);
  c->seen_head = g_array_new(FALSE, FALSE, sizeof(int64_t));
  c->merges = g_array_new(FALSE, FALSE, sizeof(netan_merge_rec_t));
  c->merged_into = g_array_new(FALSE, FALSE, sizeof(int64_t));
  c->strings = g_string_chunk_new(64 * 1024);
  c->by_type_key = g_hash_table_new(g_str_hash, g_str_equal);
  return c;
}

void
netan_case_free(netan_case_t *c)
{
  if (c == NULL)
    return;
  g_ptr_array_unref(c->sources);
  g_array_unref(c->entities);
  g_array_unref(c->links);
  g_array_unref(c->events);
  g_array_unref(c->attributes);
  netan_case_i_rollback_seen(c, 0);  /* frees the index keys */
  g_array_unref(c->seen);
  g_hash_table_unref(c->seen_index);
  g_array_unref(c->seen_head);
  g_array_unref(c->merges);
  g_array_unref(c->merged_into);
  g_hash_table_unref(c->by_type_key);
  g_string_chunk_free(c->strings);
  g_free(c->file_id);
  g_free(c);
}

gboolean
netan_i_check_text(const char *what, const char *s, GError **error)
{
  if (s == NULL || s[0] == '\0') {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s is empty", what);
    return FALSE;
  }
  if (!g_utf8_validate(s, -1, NULL)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s is not valid UTF-8", what);
    return FALSE;
  }
  return TRUE;
}

/* The lookup key joins type and key with a unit separator, which cannot
 * occur in a type name we accept. */
static char *
type_key_string(const char *type, const char *key)
{
  return g_strconcat(type, "\x1f", key, NULL);
}

int64_t
netan_case_find_entity(const netan_case_t *c, const char *type, const char *key)
{
  g_return_val_if_fail(c != NULL, -1);
  if (type == NULL || key == NULL)
    return -1;
  g_autofree char *tk = type_key_string(type, key);
  gpointer v = g_hash_table_lookup(c->by_type_key, tk);
  return v ? (int64_t)GPOINTER_TO_SIZE(v) - 1 : -1;
}

int64_t
netan_case_add_entity(netan_case_t *c, const char *type, const char *key,
                      const char *label, GError **error)
{
  g_return_val_if_fail(c != NULL, -1);
  if (!netan_i_check_text("entity type", type, error) ||
      !netan_i_check_text("entity key", key, error))
    return -1;
  if (strchr(type, '\x1f') != NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "entity type contains a control character");
    return -1;
  }
  if (label != NULL && label[0] != '\0' && !g_utf8_validate(label, -1, NULL)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "entity label is not valid UTF-8");
    return -1;
  }
  g_autofree char *tk = type_key_string(type, key);
  gpointer v = g_hash_table_lookup(c->by_type_key, tk);
  if (v != NULL)
    return (int64_t)GPOINTER_TO_SIZE(v) - 1;

  if (c->entities->len >= NETAN_CASE_MAX_ENTITIES) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "the case already holds %d entities, the most a case can hold", NETAN_CASE_MAX_ENTITIES);
    return -1;
  }
  netan_entity_rec_t e;
  e.type = g_intern_string(type);
  const char *stored_tk = g_string_chunk_insert(c->strings, tk);
  e.key = stored_tk + strlen(type) + 1;
  e.label = (label != NULL && label[0] != '\0') ? g_string_chunk_insert_const(c->strings, label) : e.key;
  g_array_append_val(c->entities, e);
  int64_t none = -1;
  g_array_append_val(c->merged_into, none);
  g_array_append_val(c->seen_head, none);
  int64_t id = (int64_t)c->entities->len - 1;
  g_hash_table_insert(c->by_type_key, (gpointer)stored_tk, GSIZE_TO_POINTER((gsize)id + 1));
  c->generation++;
  return id;
}

int64_t
netan_case_n_entities(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->entities->len;
}

static const netan_entity_rec_t *
entity_at(const netan_case_t *c, int64_t id)
{
  if (c == NULL || id < 0 || id >= (int64_t)c->entities->len)
    return NULL;
  return &g_array_index(c->entities, netan_entity_rec_t, id);
}

const char *
netan_case_entity_type(const netan_case_t *c, int64_t id)
{
  const netan_entity_rec_t *e = entity_at(c, id);
  return e ? e->type : NULL;
}

const char *
netan_case_entity_key(const netan_case_t *c, int64_t id)
{
  const netan_entity_rec_t *e = entity_at(c, id);
  return e ? e->key : NULL;
}

const char *
netan_case_entity_label(const netan_case_t *c, int64_t id)
{
  const netan_entity_rec_t *e = entity_at(c, id);
  return e ? e->label : NULL;
}

int64_t
netan_case_add_link(netan_case_t *c, int64_t a, int64_t b, const char *type,
                    double weight, const netan_provenance_t *prov, GError **error)
{
  g_return_val_if_fail(c != NULL, -1);
  int64_t n = c->entities->len;
  if (a < 0 || a >= n || b < 0 || b >= n) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "link endpoint %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT
                " is not an entity of the case (0..%" G_GINT64_FORMAT ")", a, b, n - 1);
    return -1;
  }
  if (!netan_i_check_text("link type", type, error))
    return -1;
  if (!isfinite(weight) || weight <= 0) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "link weight %g is not a positive finite number", weight);
    return -1;
  }
  if (!netan_case_i_check_prov(c, prov, error))
    return -1;
  netan_link_rec_t l = { (int32_t)a, (int32_t)b, g_intern_string(type), weight, { -1, -1 } };
  if (prov != NULL)
    l.prov = *prov;
  g_array_append_val(c->links, l);
  c->generation++;
  return (int64_t)c->links->len - 1;
}

int64_t
netan_case_n_links(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->links->len;
}

gboolean
netan_case_get_link(const netan_case_t *c, int64_t id, int64_t *a, int64_t *b,
                    const char **type, double *weight, netan_provenance_t *prov)
{
  if (c == NULL || id < 0 || id >= (int64_t)c->links->len)
    return FALSE;
  const netan_link_rec_t *l = &g_array_index(c->links, netan_link_rec_t, id);
  if (a) *a = l->a;
  if (b) *b = l->b;
  if (type) *type = l->type;
  if (weight) *weight = l->weight;
  if (prov) *prov = l->prov;
  return TRUE;
}

uint64_t
netan_case_generation(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->generation;
}

const netan_entity_rec_t *
netan_case_i_entities(const netan_case_t *c)
{
  return (const netan_entity_rec_t *)(void *)c->entities->data;
}

const netan_link_rec_t *
netan_case_i_links(const netan_case_t *c)
{
  return (const netan_link_rec_t *)(void *)c->links->data;
}

netan_case_mark_t
netan_case_i_mark(const netan_case_t *c)
{
  netan_case_mark_t m = { c->sources->len, c->entities->len, c->links->len, c->events->len,
                          c->attributes->len, c->seen->len, c->merges->len, c->generation };
  return m;
}

void
netan_case_i_rollback(netan_case_t *c, const netan_case_mark_t *mark)
{
  for (int64_t id = mark->n_entities; id < (int64_t)c->entities->len; id++) {
    const netan_entity_rec_t *e = &g_array_index(c->entities, netan_entity_rec_t, id);
    /* the lookup key is stored just before the entity key: "type\x1fkey" */
    g_hash_table_remove(c->by_type_key, e->key - strlen(e->type) - 1);
  }
  netan_case_i_rollback_seen(c, mark->n_seen);  /* before the heads shrink */
  g_array_set_size(c->entities, mark->n_entities);
  g_array_set_size(c->merged_into, mark->n_entities);
  g_array_set_size(c->seen_head, mark->n_entities);
  g_array_set_size(c->links, mark->n_links);
  g_array_set_size(c->events, mark->n_events);
  g_array_set_size(c->attributes, mark->n_attributes);
  g_array_set_size(c->merges, mark->n_merges);
  g_ptr_array_set_size(c->sources, mark->n_sources);
  /* Strings stay in the chunk until the case is freed; that is only memory.
   * The case is exactly as it was at the mark, so views built then are
   * still good: the generation goes back too. */
  c->generation = mark->generation;
}
