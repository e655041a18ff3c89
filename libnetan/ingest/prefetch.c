/* Normalizing phone numbers ahead of the ingest, on a second thread
 * (prefetch.h says why and how results stay the same).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/csv-reader.h"
#include "ingest/prefetch.h"

#include <stdatomic.h>
#include <string.h>

/* One value, claimed by the thread that met it first. */
typedef struct {
  char *key;      /* the result, once done */
  char *reason;   /* or the error's message */
  int code;       /* and code */
  gboolean done;
  gboolean mine;  /* claimed by the prefetcher, not by the ingest */
} claim_t;

struct netan_prefetch {
  char *region;
  netan_prefetch_column_t *columns;
  int n_columns;
  netan_csv_reader_t *reader;
  gboolean header;
  GThread *thread;

  GMutex lock;
  GHashTable *claims;   /* raw value (owned) -> claim_t* (owned); under lock */
  guint n_done;         /* values the prefetcher normalized; under lock */

  netan_phone_memo_t *memo;         /* the prefetcher's */
  netan_phone_memo_t *ingest_memo;  /* the ingest's, in netan_prefetch_run */
  atomic_int stop;
  _Atomic int64_t ingest_offset;  /* bytes of the file the ingest has read */
};

static void
claim_free(gpointer p)
{
  claim_t *c = p;
  g_free(c->key);
  g_free(c->reason);
  g_free(c);
}

/* Normalizes @value unless someone has; the prefetcher's side. */
static void
prefetch_value(netan_prefetch_t *p, GHashTable *seen, const char *value)
{
  if (*value == '\0' || g_hash_table_contains(seen, value))
    return;
  char *mine = g_strdup(value);
  g_hash_table_add(seen, mine);
  g_mutex_lock(&p->lock);
  if (g_hash_table_contains(p->claims, value)) {
    g_mutex_unlock(&p->lock);
    return;
  }
  claim_t *c = g_new0(claim_t, 1);
  c->mine = TRUE;
  g_hash_table_insert(p->claims, g_strdup(value), c);
  g_mutex_unlock(&p->lock);

  GError *e = NULL;
  char *key = netan_norm_i_run_phone(value, p->region, p->memo, &e);
  char *reason = key ? NULL : g_strdup(e ? e->message : "cannot be normalised");
  int code = e ? e->code : NETAN_ERROR_PARSE;
  g_clear_error(&e);

  g_mutex_lock(&p->lock);
  c->key = key;
  c->reason = reason;
  c->code = code;
  c->done = TRUE;
  p->n_done++;
  g_mutex_unlock(&p->lock);
}

/* The phone values of the record just read. */
static void
prefetch_record(netan_prefetch_t *p, GHashTable *seen)
{
  int n = netan_csv_reader_n_fields(p->reader);
  for (int k = 0; k < p->n_columns; k++) {
    const netan_prefetch_column_t *col = &p->columns[k];
    if (col->column >= n)
      continue;
    /* trimmed in place, as the ingest does */
    char *text = g_strstrip(netan_csv_reader_field_mut(p->reader, col->column, NULL));
    if (col->split == NULL) {
      prefetch_value(p, seen, text);
      continue;
    }
    g_auto(GStrv) items = g_strsplit(text, col->split, -1);
    for (char **it = items; *it; it++)
      prefetch_value(p, seen, g_strstrip(*it));
  }
}

/*
 * The order of the work. Starting where the ingest starts would make the
 * two threads meet the same new values at the same time and both parse
 * them; so the prefetcher starts in the middle of the file, reads to its
 * end, then reads the first half from wherever the ingest has got to.
 * Values repeat all over a file of call records: most of what it meets in
 * the second half the ingest needs in the first.
 */
static gpointer
prefetch_main(gpointer data)
{
  netan_prefetch_t *p = data;
  /* the values this thread has met: most repeat, and this set answers
   * without the lock */
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  int64_t size = netan_csv_reader_size(p->reader);
  int64_t half = size > (1 << 20) ? size / 2 : 0;
  for (int part = half > 0 ? 0 : 1; part < 2; part++) {
    int64_t end = part == 0 ? size : half;
    int64_t from = part == 0 ? half : atomic_load_explicit(&p->ingest_offset, memory_order_relaxed);
    if (!netan_csv_reader_seek_line(p->reader, from))
      break;
    gboolean header = from == 0 && p->header;
    for (;;) {
      if (atomic_load_explicit(&p->stop, memory_order_relaxed))
        goto out;
      int64_t at = netan_csv_reader_offset(p->reader);
      if (part == 1 && at >= end)
        break;
      int64_t ingest = atomic_load_explicit(&p->ingest_offset, memory_order_relaxed);
      if (part == 1 && at + (1 << 20) < ingest) {
        /* far behind the ingest: catch up */
        if (!netan_csv_reader_seek_line(p->reader, ingest))
          goto out;
        continue;
      }
      netan_csv_status_t st = netan_csv_reader_next(p->reader, NULL);
      if (st == NETAN_CSV_EOF || st == NETAN_CSV_ERROR)
        break;
      if (header) {
        header = FALSE;
        continue;
      }
      /* rows the ingest has read already: no use normalizing them now */
      if (st == NETAN_CSV_RECORD && at >= ingest)
        prefetch_record(p, seen);
    }
  }
out:
  g_hash_table_unref(seen);
  return NULL;
}

netan_prefetch_t *
netan_prefetch_start(const char *path, char delimiter, gboolean header, const char *region,
                     const netan_prefetch_column_t *columns, int n_columns)
{
  netan_csv_reader_t *reader = netan_csv_reader_open(path, delimiter, NULL);
  if (reader == NULL)
    return NULL;
  netan_prefetch_t *p = g_new0(netan_prefetch_t, 1);
  p->reader = reader;
  p->header = header;
  p->region = g_strdup(region);
  p->n_columns = n_columns;
  p->columns = g_new0(netan_prefetch_column_t, MAX(n_columns, 1));
  for (int i = 0; i < n_columns; i++) {
    p->columns[i].column = columns[i].column;
    p->columns[i].split = g_strdup(columns[i].split);
  }
  g_mutex_init(&p->lock);
  p->claims = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, claim_free);
  p->memo = netan_phone_memo_new();
  p->ingest_memo = netan_phone_memo_new();
  p->thread = g_thread_new("netan-prefetch", prefetch_main, p);
  return p;
}

char *
netan_prefetch_run(gpointer data, const char *value, GError **error)
{
  netan_prefetch_t *p = data;
  g_mutex_lock(&p->lock);
  claim_t *c = g_hash_table_lookup(p->claims, value);
  if (c != NULL && c->done && c->mine) {
    char *key = c->key ? g_strdup(c->key) : NULL;
    if (key == NULL)
      g_set_error_literal(error, NETAN_ERROR, c->code, c->reason);
    g_mutex_unlock(&p->lock);
    return key;
  }
  if (c == NULL) {
    /* not met yet: claim it so the prefetcher does not do it too */
    c = g_new0(claim_t, 1);
    c->done = TRUE;
    g_hash_table_insert(p->claims, g_strdup(value), c);
  }
  g_mutex_unlock(&p->lock);
  /* Not done yet (or done here before, for another table): normalize it
   * here. Waiting for the prefetcher would be shorter only if it had the
   * processor: on a busy machine it may not, and the ingest would stall. */
  return netan_norm_i_run_phone(value, p->region, p->ingest_memo, error);
}

void
netan_prefetch_at(netan_prefetch_t *p, int64_t offset)
{
  atomic_store_explicit(&p->ingest_offset, offset, memory_order_relaxed);
}

guint
netan_prefetch_n_done(const netan_prefetch_t *p)
{
  g_mutex_lock((GMutex *)&p->lock);
  guint n = p->n_done;
  g_mutex_unlock((GMutex *)&p->lock);
  return n;
}

void
netan_prefetch_stop(netan_prefetch_t *p)
{
  if (p == NULL)
    return;
  atomic_store_explicit(&p->stop, 1, memory_order_relaxed);
  g_thread_join(p->thread);
  netan_csv_reader_close(p->reader);
  g_hash_table_unref(p->claims);
  netan_phone_memo_free(p->memo);
  netan_phone_memo_free(p->ingest_memo);
  g_mutex_clear(&p->lock);
  for (int i = 0; i < p->n_columns; i++)
    g_free((char *)p->columns[i].split);
  g_free(p->columns);
  g_free(p->region);
  g_free(p);
}
