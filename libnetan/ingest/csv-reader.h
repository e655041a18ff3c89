/* A streaming RFC 4180 CSV reader that reports bad records and goes on.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CSV_READER_H
#define NETAN_CSV_READER_H

#include <netan/netan.h>

/*
 * Reads one record at a time through a fixed buffer: files of any size are
 * never loaded whole. Quoted fields may hold delimiters, doubled quotes and
 * line breaks; CRLF and LF both end records; a UTF-8 BOM is skipped; blank
 * lines are not records. A quote inside an unquoted field is kept as a
 * literal character (as Python's csv module does).
 *
 * A malformed record (text after a closing quote, a quote left open, a
 * field over the size limit, invalid UTF-8 or a NUL byte) is returned as
 * NETAN_CSV_BAD with its line, field and reason, and reading resumes at the
 * next line, so one bad row never costs the rows after it. A quote left
 * open swallows the rest of the file in a naive reader; here the reader
 * goes back (on seekable files) and rejects only the line it opened on.
 */

typedef struct netan_csv_reader netan_csv_reader_t;

typedef enum {
  NETAN_CSV_RECORD, /* a good record: read its fields */
  NETAN_CSV_BAD,    /* a malformed record: read line, column, reason */
  NETAN_CSV_EOF,
  NETAN_CSV_ERROR   /* the file could not be read: see the GError */
} netan_csv_status_t;

#define NETAN_CSV_MAX_FIELD (1024 * 1024)

netan_csv_reader_t *netan_csv_reader_open(const char *path, char delimiter, GError **error);
/* Off for files in another encoding: their fields are converted, and
 * checked, by the caller. On by default. */
void netan_csv_reader_set_validate_utf8(netan_csv_reader_t *r, gboolean validate);
/* Feeds every byte of the file, once, to @sum as it is read (the SHA-256
 * of a source then costs no second pass). Call before the first record;
 * the digest is complete once NETAN_CSV_EOF was returned. */
void netan_csv_reader_set_checksum(netan_csv_reader_t *r, GChecksum *sum);
/* Waits until every byte read so far is in the checksum (done by a second
 * thread). Call after NETAN_CSV_EOF, before reading the digest. */
void netan_csv_reader_finish_checksum(netan_csv_reader_t *r);
/* Field @i of the record, writable in place (for trimming); see _field(). */
char *netan_csv_reader_field_mut(netan_csv_reader_t *r, int i, gsize *len);
/* Bytes read so far and the file's size (0 if unknown), for progress. */
int64_t netan_csv_reader_offset(const netan_csv_reader_t *r);
int64_t netan_csv_reader_size(const netan_csv_reader_t *r);
netan_csv_status_t netan_csv_reader_next(netan_csv_reader_t *r, GError **error);
/* Goes to the first line that starts after byte @offset (0: the start of
 * the file). The line numbers that follow are meaningless, and a quoted
 * field with line breaks may be cut: for readers that only guess ahead
 * (the prefetcher), never for an ingest. FALSE if the file is not seekable
 * or has a checksum running. */
gboolean netan_csv_reader_seek_line(netan_csv_reader_t *r, int64_t offset);

/* The record last returned. Fields are NUL-terminated and live until the
 * next call; @len may be NULL. */
int netan_csv_reader_n_fields(const netan_csv_reader_t *r);
const char *netan_csv_reader_field(const netan_csv_reader_t *r, int i, gsize *len);
int64_t netan_csv_reader_line(const netan_csv_reader_t *r);    /* 1-based, where the record starts */
int64_t netan_csv_reader_column(const netan_csv_reader_t *r);  /* 1-based field of a BAD record */
const char *netan_csv_reader_reason(const netan_csv_reader_t *r);
const char *netan_csv_reader_path(const netan_csv_reader_t *r);
void netan_csv_reader_close(netan_csv_reader_t *r);

#endif
