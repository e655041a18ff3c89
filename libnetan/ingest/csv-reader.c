/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/csv-reader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define CHUNK (64 * 1024)

struct netan_csv_reader {
  char *path;
  FILE *fp;
  char delimiter;
  gboolean seekable;
  gboolean validate_utf8;
  int64_t size;
  GChecksum *sum;
  int64_t hashed;            /* bytes of the file fed to sum so far */
  /* SHA-256 runs at ~250 MB/s here, a quarter of an ingest's time: it is
   * done by a second thread that the reader hands each new chunk to */
  GThread *hasher;
  GAsyncQueue *chunks;       /* of GBytes*; the queue itself is the end mark */

  char buf[CHUNK];
  size_t len, pos;
  int64_t buf_offset;        /* file offset of buf[0] */
  gboolean at_eof;
  gboolean at_start;         /* BOM check pending */

  int64_t line;              /* current physical line, 1-based */

  /* the record being read / last returned: its fields, each ended by a
   * NUL, one after the other in text (appended to by hand: a GString call
   * per field was a tenth of the reader's time) */
  char *text;
  gsize text_len, text_size;
  gsize *starts;             /* offsets into text, n_fields of them */
  guint n_fields, starts_size;
  int64_t rec_line;
  int64_t rec_offset;        /* file offset of the record's first byte */
  int64_t column;
  char reason[256];
};

netan_csv_reader_t *
netan_csv_reader_open(const char *path, char delimiter, GError **error)
{
  FILE *fp = fopen(path, "rb");
  if (fp == NULL) {
    int e = errno;
    g_set_error(error, NETAN_ERROR, e == ENOENT ? NETAN_ERROR_NOT_FOUND : NETAN_ERROR_IO,
                "%s: %s", path, g_strerror(e));
    return NULL;
  }
  if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == '\0') {
    fclose(fp);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s: the delimiter cannot be a quote, a line break or NUL", path);
    return NULL;
  }
  netan_csv_reader_t *r = g_new0(netan_csv_reader_t, 1);
  r->path = g_strdup(path);
  r->fp = fp;
  r->delimiter = delimiter;
  r->seekable = (fseeko(fp, 0, SEEK_CUR) == 0);
  r->validate_utf8 = TRUE;
  if (r->seekable && fseeko(fp, 0, SEEK_END) == 0) {
    r->size = ftello(fp);
    fseeko(fp, 0, SEEK_SET);
  }
  r->line = 1;
  r->at_start = TRUE;
  r->text_size = 256;
  r->text = g_malloc(r->text_size);
  r->starts_size = 16;
  r->starts = g_new(gsize, r->starts_size);
  return r;
}

void
netan_csv_reader_close(netan_csv_reader_t *r)
{
  if (r == NULL)
    return;
  netan_csv_reader_finish_checksum(r);
  fclose(r->fp);
  g_free(r->path);
  g_free(r->text);
  g_free(r->starts);
  g_free(r);
}

/* Refills the buffer: get_byte() when it is used up. */
static G_GNUC_NO_INLINE int
refill(netan_csv_reader_t *r)
{
  if (r->at_eof)
    return -1;
  r->buf_offset += r->len;
  r->len = fread(r->buf, 1, CHUNK, r->fp);
  r->pos = 0;
  if (r->len < CHUNK) {
    if (ferror(r->fp))
      return -2;
    r->at_eof = TRUE;
  }
  /* after going back (a quote left open), bytes are read twice: hash once */
  if (r->sum && r->buf_offset + (int64_t)r->len > r->hashed) {
    int64_t skip = r->hashed - r->buf_offset;
    g_async_queue_push(r->chunks, g_bytes_new(r->buf + skip, (gsize)((int64_t)r->len - skip)));
    r->hashed = r->buf_offset + (int64_t)r->len;
  }
  if (r->len == 0)
    return -1;
  return (unsigned char)r->buf[r->pos++];
}

/* Next byte, or -1 at end of file, -2 on a read error. */
static inline int
get_byte(netan_csv_reader_t *r)
{
  if (G_UNLIKELY(r->pos == r->len))
    return refill(r);
  return (unsigned char)r->buf[r->pos++];
}

static int
peek_byte(netan_csv_reader_t *r)
{
  int c = get_byte(r);
  if (c >= 0)
    r->pos--;  /* get_byte just read it from the current buffer */
  return c;
}

static int64_t
offset_now(const netan_csv_reader_t *r)
{
  return r->buf_offset + (int64_t)r->pos;
}

/* Consumes a line ending whose first byte @c was just read. */
static void
eat_line_end(netan_csv_reader_t *r, int c)
{
  if (c == '\r' && peek_byte(r) == '\n')
    get_byte(r);
  r->line++;
}

/* Skips the rest of the physical line, ignoring quotes. */
static void
skip_line(netan_csv_reader_t *r)
{
  int c;
  while ((c = get_byte(r)) >= 0) {
    if (c == '\n' || c == '\r') {
      eat_line_end(r, c);
      return;
    }
  }
}

static netan_csv_status_t
bad(netan_csv_reader_t *r, int64_t column, gboolean skip_rest, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static netan_csv_status_t
bad(netan_csv_reader_t *r, int64_t column, gboolean skip_rest, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_vsnprintf(r->reason, sizeof r->reason, fmt, ap);
  va_end(ap);
  r->column = column;
  r->text[r->text_len] = '\0';  /* the fields read so far stay readable */
  if (skip_rest)
    skip_line(r);
  return NETAN_CSV_BAD;
}

static inline void
start_field(netan_csv_reader_t *r)
{
  if (r->n_fields == r->starts_size) {
    r->starts_size *= 2;
    r->starts = g_renew(gsize, r->starts, r->starts_size);
  }
  r->starts[r->n_fields++] = r->text_len;
}

/* Room for @n more bytes of text and a NUL after them. */
static inline void
text_reserve(netan_csv_reader_t *r, gsize n)
{
  if (G_UNLIKELY(r->text_len + n + 1 > r->text_size)) {
    while (r->text_len + n + 1 > r->text_size)
      r->text_size *= 2;
    r->text = g_realloc(r->text, r->text_size);
  }
}

static inline void
text_put(netan_csv_reader_t *r, const char *bytes, gsize n)
{
  text_reserve(r, n);
  memcpy(r->text + r->text_len, bytes, n);
  r->text_len += n;
}

static inline void
text_putc(netan_csv_reader_t *r, char c)
{
  text_reserve(r, 1);
  r->text[r->text_len++] = c;
}

/* Non-zero for a byte that is not plain ASCII text: NUL, or >= 0x80. */
#define NOT_PLAIN(ch) ((guint)((unsigned char)(ch) - 1u) >= 0x7Fu)

static netan_csv_status_t
read_error(netan_csv_reader_t *r, GError **error)
{
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s:%" G_GINT64_FORMAT ": read error: %s",
              r->path, r->line, g_strerror(errno));
  return NETAN_CSV_ERROR;
}

/* Goes back to a record whose quote never closed and skips its first line. */
static netan_csv_status_t
unterminated(netan_csv_reader_t *r, int64_t field, int64_t quote_line, GError **error)
{
  if (r->seekable) {
    if (fseeko(r->fp, r->rec_offset, SEEK_SET) != 0)
      return read_error(r, error);
    r->buf_offset = r->rec_offset;
    r->len = r->pos = 0;
    r->at_eof = FALSE;
    r->line = r->rec_line;
    return bad(r, field, TRUE,
               "quoted field opened on line %" G_GINT64_FORMAT " is never closed", quote_line);
  }
  return bad(r, field, FALSE,
             "quoted field opened on line %" G_GINT64_FORMAT
             " is never closed (the rest of the input was inside it)", quote_line);
}

netan_csv_status_t
netan_csv_reader_next(netan_csv_reader_t *r, GError **error)
{
  int c;

  if (r->at_start) {
    r->at_start = FALSE;
    if (peek_byte(r) == 0xEF) {
      /* A BOM is only three bytes at the start of the first buffer. */
      if (r->len >= 3 && (unsigned char)r->buf[1] == 0xBB && (unsigned char)r->buf[2] == 0xBF)
        r->pos = 3;
    }
  }

  for (;;) {  /* skip blank lines */
    c = peek_byte(r);
    if (c == -2)
      return read_error(r, error);
    if (c == -1)
      return NETAN_CSV_EOF;
    if (c != '\n' && c != '\r')
      break;
    get_byte(r);
    eat_line_end(r, c);
  }

  r->text_len = 0;
  r->n_fields = 0;
  r->rec_line = r->line;
  r->rec_offset = offset_now(r);
  r->column = 0;
  r->reason[0] = '\0';

  int64_t field = 1;
  start_field(r);
  gboolean quoted = FALSE, in_quotes = FALSE;
  gsize field_len = 0;
  int64_t quote_line = 0;
  guint not_plain = 0;  /* a byte that UTF-8 validation has to look at */

  for (;;) {
    c = get_byte(r);
    if (c == -2)
      return read_error(r, error);
    if (in_quotes) {
      if (c == -1)
        return unterminated(r, field, quote_line, error);
      if (c == '"') {
        if (peek_byte(r) == '"') {
          get_byte(r);
          text_putc(r, '"');
          field_len++;
        } else {
          in_quotes = FALSE;
        }
      } else {
        if (c == '\n' || (c == '\r' && peek_byte(r) != '\n'))
          r->line++;
        not_plain |= NOT_PLAIN(c);
        text_putc(r, (char)c);
        field_len++;
      }
    } else if (c == -1 || c == '\n' || c == '\r') {
      if (c >= 0)
        eat_line_end(r, c);
      break;
    } else if (c == r->delimiter) {
      text_putc(r, '\0');
      start_field(r);
      field++;
      quoted = FALSE;
      field_len = 0;
    } else if (c == '"' && field_len == 0 && !quoted) {
      quoted = in_quotes = TRUE;
      quote_line = r->line;
    } else if (quoted) {
      return bad(r, field, TRUE, "text after the closing quote of field %" G_GINT64_FORMAT, field);
    } else {
      /* the common case, plain text: copy the run up to the next special
       * byte in one go instead of byte by byte */
      gsize start = r->pos - 1, end = r->pos;
      char delim = r->delimiter;
      not_plain |= NOT_PLAIN(c);
#if defined(__GNUC__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
      /* eight bytes at a time: a byte of a word is special if the word
       * XOR that byte repeated has a zero byte there; the lowest such
       * flag is exact (false ones only sit above a true one). Bytes after
       * the special one may set not_plain: that only costs a validation. */
      {
        const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
        const guint64 highs = G_GUINT64_CONSTANT(0x8080808080808080);
        const guint64 kd = ones * (unsigned char)delim, kq = ones * '"', kn = ones * '\n', kr = ones * '\r';
        guint64 odd = 0;
        while (end + 8 <= r->len) {
          guint64 w, x, y, z, t;
          memcpy(&w, r->buf + end, 8);
          x = w ^ kd; y = w ^ kq; z = w ^ kn; t = w ^ kr;
          guint64 hit = (((x - ones) & ~x) | ((y - ones) & ~y) | ((z - ones) & ~z) | ((t - ones) & ~t)) & highs;
          odd |= (((w - ones) & ~w) | w) & highs;  /* a NUL or a byte >= 0x80 */
          if (hit) {
            end += (gsize)(__builtin_ctzll(hit) >> 3);
            break;
          }
          end += 8;
        }
        not_plain |= (odd != 0);
      }
#endif
      while (end < r->len) {
        char ch = r->buf[end];
        if (ch == delim || ch == '\n' || ch == '\r' || ch == '"')
          break;
        not_plain |= NOT_PLAIN(ch);
        end++;
      }
      text_put(r, r->buf + start, end - start);
      field_len += end - start;
      r->pos = end;
    }
    if (field_len > NETAN_CSV_MAX_FIELD)
      return bad(r, field, !in_quotes, "field %" G_GINT64_FORMAT " is longer than %d bytes",
                 field, NETAN_CSV_MAX_FIELD);
  }

  r->text[r->text_len] = '\0';  /* text_reserve kept room for it */

  /* Validate the text of every field: only needed if some byte is not
   * plain ASCII, since such text is valid UTF-8 without a NUL. */
  for (guint i = 0; r->validate_utf8 && not_plain && i < r->n_fields; i++) {
    gsize len;
    const char *f = netan_csv_reader_field(r, (int)i, &len);
    if (!g_utf8_validate(f, (gssize)len, NULL) || memchr(f, '\0', len) != NULL)
      return bad(r, (int64_t)i + 1, FALSE, "field %u is not valid UTF-8 text", i + 1);
  }
  return NETAN_CSV_RECORD;
}

int
netan_csv_reader_n_fields(const netan_csv_reader_t *r)
{
  return (int)r->n_fields;
}

const char *
netan_csv_reader_field(const netan_csv_reader_t *r, int i, gsize *len)
{
  if (i < 0 || (guint)i >= r->n_fields)
    return NULL;
  gsize start = r->starts[i];
  gsize end = ((guint)i + 1 < r->n_fields) ? r->starts[i + 1] - 1 : r->text_len;
  if (len)
    *len = end - start;
  return r->text + start;
}

int64_t netan_csv_reader_line(const netan_csv_reader_t *r) { return r->rec_line; }
int64_t netan_csv_reader_offset(const netan_csv_reader_t *r) { return offset_now(r); }
int64_t netan_csv_reader_size(const netan_csv_reader_t *r) { return r->size; }
void netan_csv_reader_set_validate_utf8(netan_csv_reader_t *r, gboolean v) { r->validate_utf8 = v; }
static gpointer
hash_chunks(gpointer data)
{
  netan_csv_reader_t *r = data;
  for (;;) {
    gpointer item = g_async_queue_pop(r->chunks);
    if (item == (gpointer)r->chunks)
      break;
    gsize n;
    const guchar *bytes = g_bytes_get_data(item, &n);
    g_checksum_update(r->sum, bytes, (gssize)n);
    g_bytes_unref(item);
  }
  return NULL;
}

void
netan_csv_reader_set_checksum(netan_csv_reader_t *r, GChecksum *sum)
{
  r->sum = sum;
  r->chunks = g_async_queue_new();
  r->hasher = g_thread_new("netan-sha256", hash_chunks, r);
}

void
netan_csv_reader_finish_checksum(netan_csv_reader_t *r)
{
  if (r->hasher == NULL)
    return;
  g_async_queue_push(r->chunks, r->chunks);
  g_thread_join(r->hasher);
  r->hasher = NULL;
  g_async_queue_unref(r->chunks);
  r->chunks = NULL;
}

char *
netan_csv_reader_field_mut(netan_csv_reader_t *r, int i, gsize *len)
{
  return (char *)netan_csv_reader_field(r, i, len);
}
int64_t netan_csv_reader_column(const netan_csv_reader_t *r) { return r->column; }
const char *netan_csv_reader_reason(const netan_csv_reader_t *r) { return r->reason; }
const char *netan_csv_reader_path(const netan_csv_reader_t *r) { return r->path; }

gboolean
netan_csv_reader_seek_line(netan_csv_reader_t *r, int64_t offset)
{
  if (!r->seekable || r->sum != NULL || fseeko(r->fp, offset, SEEK_SET) != 0)
    return FALSE;
  r->buf_offset = offset;
  r->len = r->pos = 0;
  r->at_eof = FALSE;
  r->at_start = offset == 0;
  r->line = 1;
  if (offset > 0)
    skip_line(r);
  return TRUE;
}
