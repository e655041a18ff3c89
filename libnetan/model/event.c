/* Events: timed records between entities, kept one by one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "model/case-private.h"

#include <math.h>

static gboolean
is_entity(const netan_case_t *c, int64_t id)
{
  return id >= 0 && id < (int64_t)c->entities->len;
}

int64_t
netan_case_add_event(netan_case_t *c, const netan_event_t *ev, GError **error)
{
  g_return_val_if_fail(c != NULL && ev != NULL, -1);
  if (!is_entity(c, ev->from) || (ev->to != -1 && !is_entity(c, ev->to))) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "event entity %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT " is not in the case",
                ev->from, ev->to);
    return -1;
  }
  if (!netan_i_check_text("event type", ev->type, error))
    return -1;
  if (ev->duration < -1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "event duration %" G_GINT64_FORMAT " is negative", ev->duration);
    return -1;
  }
  if (isinf(ev->amount)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "event amount is infinite");
    return -1;
  }
  if (ev->currency && !netan_i_check_text("event currency", ev->currency, error))
    return -1;
  if (!netan_case_i_check_prov(c, &ev->prov, error))
    return -1;
  netan_event_rec_t r = { (int32_t)ev->from, (int32_t)ev->to, g_intern_string(ev->type), ev->time, ev->duration,
                          ev->amount, ev->currency ? g_intern_string(ev->currency) : NULL, ev->prov };
  g_array_append_val(c->events, r);
  c->generation++;
  return (int64_t)c->events->len - 1;
}

int64_t
netan_case_n_events(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->events->len;
}

gboolean
netan_case_get_event(const netan_case_t *c, int64_t id, netan_event_t *out)
{
  g_return_val_if_fail(c != NULL && out != NULL, FALSE);
  if (id < 0 || id >= (int64_t)c->events->len)
    return FALSE;
  const netan_event_rec_t *r = &g_array_index(c->events, netan_event_rec_t, id);
  *out = (netan_event_t){ r->from, r->to, r->type, r->time, r->duration, r->amount, r->currency, r->prov };
  return TRUE;
}

const netan_event_rec_t *
netan_case_i_events(const netan_case_t *c)
{
  return (const netan_event_rec_t *)(void *)c->events->data;
}
