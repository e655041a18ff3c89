/* Merges: two entities resolved into one, recorded and reversible.
 * Evidence integrity outranks convenience: a merge never changes the
 * entities, links or events themselves; views map merged entities onto
 * the one they were merged into, and undoing a merge is exact.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "model/case-private.h"

#include <math.h>

static int64_t
merged_into(const netan_case_t *c, int64_t id)
{
  return g_array_index(c->merged_into, int64_t, id);
}

int64_t
netan_case_canonical(const netan_case_t *c, int64_t id)
{
  g_return_val_if_fail(c != NULL, -1);
  if (id < 0 || id >= (int64_t)c->entities->len)
    return -1;
  /* chains are short: a merge target is itself checked to be canonical */
  while (merged_into(c, id) >= 0)
    id = merged_into(c, id);
  return id;
}

int64_t
netan_case_merge(netan_case_t *c, int64_t a, int64_t b, const char *rule, double score, GError **error)
{
  g_return_val_if_fail(c != NULL, -1);
  int64_t n = c->entities->len;
  if (a < 0 || a >= n || b < 0 || b >= n) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "merge: entity %" G_GINT64_FORMAT " or %"
                G_GINT64_FORMAT " is not in the case", a, b);
    return -1;
  }
  if (!netan_i_check_text("merge rule", rule, error))
    return -1;
  if (!isfinite(score)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "merge: the score must be a number");
    return -1;
  }
  int64_t ca = netan_case_canonical(c, a), cb = netan_case_canonical(c, b);
  if (ca == cb) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "merge: entities %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " are already one", a, b);
    return -1;
  }
  if (merged_into(c, b) >= 0) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "merge: entity %" G_GINT64_FORMAT " is already merged into %" G_GINT64_FORMAT
                "; merge into that one instead", b, merged_into(c, b));
    return -1;
  }
  netan_merge_rec_t m = { ca, b, g_string_chunk_insert_const(c->strings, rule), score,
                          g_get_real_time() / G_USEC_PER_SEC, TRUE };
  g_array_append_val(c->merges, m);
  g_array_index(c->merged_into, int64_t, b) = ca;
  c->generation++;
  return (int64_t)c->merges->len - 1;
}

gboolean
netan_case_unmerge(netan_case_t *c, int64_t merge_id, GError **error)
{
  g_return_val_if_fail(c != NULL, FALSE);
  if (merge_id < 0 || merge_id >= (int64_t)c->merges->len) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "no merge %" G_GINT64_FORMAT, merge_id);
    return FALSE;
  }
  netan_merge_rec_t *m = &g_array_index(c->merges, netan_merge_rec_t, merge_id);
  if (!m->active) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "merge %" G_GINT64_FORMAT " was already undone", merge_id);
    return FALSE;
  }
  m->active = FALSE;
  g_array_index(c->merged_into, int64_t, m->b) = -1;
  c->generation++;
  return TRUE;
}

int64_t
netan_case_n_merges(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->merges->len;
}

gboolean
netan_case_get_merge(const netan_case_t *c, int64_t id, int64_t *a, int64_t *b, const char **rule,
                     double *score, int64_t *time, gboolean *active)
{
  if (c == NULL || id < 0 || id >= (int64_t)c->merges->len)
    return FALSE;
  const netan_merge_rec_t *m = &g_array_index(c->merges, netan_merge_rec_t, id);
  if (a) *a = m->a;
  if (b) *b = m->b;
  if (rule) *rule = m->rule;
  if (score) *score = m->score;
  if (time) *time = m->time;
  if (active) *active = m->active;
  return TRUE;
}
