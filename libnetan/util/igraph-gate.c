/* See igraph-gate.h for why this exists.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "util/igraph-gate.h"

#include <setjmp.h>
#include <string.h>

G_STATIC_ASSERT(sizeof(igraph_integer_t) == sizeof(int64_t));
G_STATIC_ASSERT(sizeof(igraph_real_t) == sizeof(double));

static GMutex gate_lock;

/* State of the call in progress; only touched with gate_lock held. */
static struct {
  char reason[512];
  igraph_error_t code;
  gboolean failed;
  gboolean cancelled;
  const netan_gi_call_t *call;
  jmp_buf fatal_jump;
} current;

static void
gate_error_handler(const char *reason, const char *file, int line,
                   igraph_error_t code)
{
  /* igraph 0.10 calls the handler again at every level the error passes
   * through, with an empty reason: keep the first, real one. The reason
   * may live in memory that IGRAPH_FINALLY_FREE releases, so copy first. */
  if (!current.failed) {
    current.failed = TRUE;
    current.code = code;
    if (reason != NULL && reason[0] != '\0')
      g_snprintf(current.reason, sizeof current.reason, "%s (%s:%d)", reason, file, line);
    else
      g_strlcpy(current.reason, igraph_strerror(code), sizeof current.reason);
  } else if (current.reason[0] == '\0' && reason != NULL && reason[0] != '\0') {
    g_strlcpy(current.reason, reason, sizeof current.reason);
  }
  IGRAPH_FINALLY_FREE();
}

static void
gate_warning_handler(const char *reason, const char *file, int line)
{
  /* Warnings are not errors; keep them out of the host's stderr. */
  g_debug("igraph warning: %s (%s:%d)", reason, file, line);
}

static void
gate_fatal_handler(const char *reason, const char *file, int line)
{
  /* An internal igraph assertion failed. igraph requires that this handler
   * does not return; rather than abort the host we jump back to the gate
   * and report it. igraph's temporaries of this call are leaked. */
  g_snprintf(current.reason, sizeof current.reason,
             "igraph internal error: %s (%s:%d)", reason, file, line);
  current.failed = TRUE;
  current.code = IGRAPH_FAILURE;
  longjmp(current.fatal_jump, 1);
}

static igraph_error_t
gate_progress_handler(const char *message, igraph_real_t percent, void *data)
{
  const netan_gi_call_t *call = current.call;
  if (call != NULL && call->progress != NULL) {
    double f = percent / 100.0;
    if (call->progress(f < 0 ? 0 : (f > 1 ? 1 : f), call->payload) != 0) {
      current.cancelled = TRUE;
      return IGRAPH_INTERRUPTED;
    }
  }
  return IGRAPH_SUCCESS;
}

static igraph_error_t
gate_interruption_handler(void *data)
{
  return current.cancelled ? IGRAPH_INTERRUPTED : IGRAPH_SUCCESS;
}

gboolean
netan_gi_run(const netan_gi_call_t *call, netan_gi_fn fn, void *data,
             GError **error)
{
  igraph_error_t rc;
  gboolean ok;

  g_mutex_lock(&gate_lock);
  memset(current.reason, 0, sizeof current.reason);
  current.failed = FALSE;
  current.cancelled = FALSE;
  current.code = IGRAPH_SUCCESS;
  current.call = call;

  igraph_error_handler_t *old_error = igraph_set_error_handler(gate_error_handler);
  igraph_warning_handler_t *old_warning = igraph_set_warning_handler(gate_warning_handler);
  igraph_fatal_handler_t *old_fatal = igraph_set_fatal_handler(gate_fatal_handler);
  igraph_progress_handler_t *old_progress =
      igraph_set_progress_handler(call->progress ? gate_progress_handler : NULL);
  igraph_interruption_handler_t *old_interrupt =
      igraph_set_interruption_handler(call->progress ? gate_interruption_handler : NULL);

  if (call->seed_rng)
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)call->seed);

  if (setjmp(current.fatal_jump) == 0)
    rc = fn(data);
  else
    rc = IGRAPH_FAILURE;

  igraph_set_error_handler(old_error);
  igraph_set_warning_handler(old_warning);
  igraph_set_fatal_handler(old_fatal);
  igraph_set_progress_handler(old_progress);
  igraph_set_interruption_handler(old_interrupt);

  ok = (rc == IGRAPH_SUCCESS && !current.failed);
  if (!ok) {
    if (current.cancelled || rc == IGRAPH_INTERRUPTED)
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_CANCELLED, "%s: cancelled", call->what);
    else
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "%s: igraph: %s", call->what,
                  current.reason[0] ? current.reason : igraph_strerror(rc));
  }
  current.call = NULL;
  g_mutex_unlock(&gate_lock);
  return ok;
}
