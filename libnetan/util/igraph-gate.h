/* The one gateway through which libnetan calls igraph.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_IGRAPH_GATE_H
#define NETAN_IGRAPH_GATE_H

#include <netan/netan.h>
#include <igraph.h>

/*
 * igraph's default handlers abort the process on errors, print warnings to
 * stderr, and its RNG and handlers are global state (Debian builds igraph
 * without thread-local storage). Every igraph call of libnetan therefore
 * runs inside netan_gi_run(), which:
 *  - takes one process-wide lock, so igraph is used by one thread at a time;
 *  - installs an error handler that records igraph's first message and
 *    frees igraph's temporaries instead of aborting, and a warning handler
 *    that keeps warnings instead of printing them;
 *  - bridges the caller's progress callback to igraph's progress and
 *    interruption hooks (cancel => NETAN_ERROR_CANCELLED);
 *  - seeds igraph's RNG when asked, so seeded algorithms are reproducible
 *    whatever ran before;
 *  - restores the previous handlers, and turns a failure into a GError
 *    (NETAN_ERROR_BACKEND with igraph's message).
 */

typedef igraph_error_t (*netan_gi_fn)(void *data);

typedef struct {
  const char *what;            /* names the operation in error messages */
  gboolean seed_rng;
  uint64_t seed;
  netan_progress_cb progress;  /* may be NULL */
  void *payload;
} netan_gi_call_t;

gboolean netan_gi_run(const netan_gi_call_t *call, netan_gi_fn fn, void *data,
                      GError **error);

/* Wraps an int64_t array in a vector view without copying (igraph's own idiom). */
#define NETAN_GI_INT_VIEW(vec, ptr, n) \
  igraph_vector_int_view((vec), (const igraph_integer_t *)(ptr), (igraph_integer_t)(n))

#endif
