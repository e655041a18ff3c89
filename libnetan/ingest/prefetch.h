/* Normalizing phone numbers ahead of the ingest, on a second thread.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_PREFETCH_H
#define NETAN_PREFETCH_H

#include "ingest/normalize-private.h"

/*
 * libphonenumber costs about 10 µs a value, and an ingest meets each raw
 * spelling of a number once; on call records that is most of an ingest's
 * time. A prefetcher reads the same file with its own reader, ahead of the
 * ingest, and normalizes the phone columns of the rows to come; the ingest
 * takes those results instead of parsing (netan_prefetch_run is its
 * normalizer for misses).
 *
 * Results are the same whichever thread computed them: both call
 * netan_norm_i_run() on the same bytes with the same region, and the
 * results are kept by raw value, so a row the prefetcher reads differently
 * from the ingest only costs a lost guess, never a different key. A value
 * is claimed by the thread that meets it first: the prefetcher skips what
 * is claimed; the ingest takes a finished result, and parses a value that
 * is still in the prefetcher's hands itself rather than wait (on a busy
 * machine the prefetcher may not have a processor).
 */
typedef struct netan_prefetch netan_prefetch_t;

typedef struct {
  int column;         /* 0-based */
  const char *split;  /* the entity's separator of several values, or NULL (copied) */
} netan_prefetch_column_t;

/* Starts the thread; NULL if the file cannot be opened (the ingest then
 * simply normalizes alone). @region as the ingest's (NULL = none). */
netan_prefetch_t *netan_prefetch_start(const char *path, char delimiter, gboolean header,
                                       const char *region, const netan_prefetch_column_t *columns,
                                       int n_columns);

/* A netan_norm_runner_t for the ingest's phone tables (@data is the
 * prefetcher): the result of netan_norm_i_run(PHONE, value, region). */
char *netan_prefetch_run(gpointer data, const char *value, GError **error);

/* The ingest has read the file up to byte @offset: the prefetcher skips
 * the rows behind it. */
void netan_prefetch_at(netan_prefetch_t *p, int64_t offset);

/* Values the prefetcher normalized (for tests and statistics). */
guint netan_prefetch_n_done(const netan_prefetch_t *p);

/* Stops the thread, waits for it and frees everything. NULL is fine. */
void netan_prefetch_stop(netan_prefetch_t *p);

#endif
