/* Result tables: typed columns plus metadata, written as CSV, JSON or text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/table-private.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

typedef struct {
  char *name;
  netan_column_type_t type;
  union {
    int64_t *i;
    double *d;
    const char **s;
  } cells;
} column_t;

/* Strings are stored in the table's GStringChunk. A string repeated in
 * many cells (an entity type, a label that is the key, a key on many edge
 * rows) is stored once through a small cache of the strings stored last,
 * indexed by a hash of the content: a hit is checked with strcmp(), a miss
 * stores a new copy. A full set of every distinct string (what
 * g_string_chunk_insert_const() keeps) costs a cache miss per cell on a
 * table of 200k distinct keys, which was most of the cost of building it;
 * a string that recurs only far apart may now be stored twice. */
#define STRING_CACHE_SIZE 4096   /* a power of two; 64 kB */

typedef struct {
  uint64_t hash;
  const char *str;   /* NULL: empty */
} string_slot_t;

static uint64_t
string_hash(const char *s, size_t len)
{
  uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDu;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  memcpy(&w, s + i, len - i);
  h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
  h ^= h >> 29;
  h *= 0xFF51AFD7ED558CCDu;
  return h ^ (h >> 32);
}

struct netan_table {
  int64_t n_rows;
  int n_cols;
  column_t *cols;
  GStringChunk *strings;   /* the cells' strings (see STRING_CACHE_SIZE) */
  const char *last_src, *last_copy;  /* the last string stored: caller's, copy */
  string_slot_t *cache;    /* STRING_CACHE_SIZE recent strings; NULL until the first */
  GTree *meta;  /* sorted keys: output is deterministic */
};

netan_table_t *
netan_table_i_new_columns(int64_t n_rows, const char *const *names, const int *types, int n_cols)
{
  netan_table_t *t = g_new0(netan_table_t, 1);
  t->n_rows = n_rows;
  t->strings = g_string_chunk_new(4096);
  t->meta = g_tree_new_full((GCompareDataFunc)(void (*)(void))strcmp, NULL, g_free, g_free);
  t->n_cols = n_cols;
  t->cols = g_new0(column_t, n_cols > 0 ? n_cols : 1);
  gsize n = (gsize)(n_rows > 0 ? n_rows : 1);
  for (int c = 0; c < n_cols; c++) {
    column_t *col = &t->cols[c];
    col->name = g_strdup(names[c]);
    col->type = (netan_column_type_t)types[c];
    switch (col->type) {
    case NETAN_COLUMN_INT: col->cells.i = g_new0(int64_t, n); break;
    case NETAN_COLUMN_DOUBLE: col->cells.d = g_new0(double, n); break;
    case NETAN_COLUMN_STRING: col->cells.s = g_new0(const char *, n); break;
    }
  }
  return t;
}

netan_table_t *
netan_table_i_new(int64_t n_rows, const char *first_name, ...)
{
  GPtrArray *names = g_ptr_array_new();
  GArray *types = g_array_new(FALSE, FALSE, sizeof(int));
  va_list ap;
  va_start(ap, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg(ap, const char *)) {
    int type = va_arg(ap, int);
    g_ptr_array_add(names, (gpointer)name);
    g_array_append_val(types, type);
  }
  va_end(ap);
  netan_table_t *t = netan_table_i_new_columns(n_rows, (const char *const *)names->pdata,
                                               (const int *)(void *)types->data, (int)types->len);
  g_ptr_array_unref(names);
  g_array_unref(types);
  return t;
}

void
netan_table_free(netan_table_t *t)
{
  if (t == NULL)
    return;
  for (int c = 0; c < t->n_cols; c++) {
    g_free(t->cols[c].name);
    g_free(t->cols[c].cells.i);  /* the union's pointer, whatever its type */
  }
  g_free(t->cols);
  g_string_chunk_free(t->strings);
  g_free(t->cache);
  g_tree_unref(t->meta);
  g_free(t);
}

void
netan_table_i_set_int(netan_table_t *t, int64_t row, int col, int64_t value)
{
  t->cols[col].cells.i[row] = value;
}

void
netan_table_i_set_double(netan_table_t *t, int64_t row, int col, double value)
{
  t->cols[col].cells.d[row] = value;
}

/* The table's copy of @value (see STRING_CACHE_SIZE). */
static const char *
stored_copy(netan_table_t *t, const char *value)
{
  if (t->cache == NULL)
    t->cache = g_new0(string_slot_t, STRING_CACHE_SIZE);
  /* the same string as the cell before (a label that is the key): the
   * pointer says where to look, strcmp() decides (the caller may reuse a
   * buffer for another string) */
  if (value == t->last_src && strcmp(value, t->last_copy) == 0)
    return t->last_copy;
  size_t len = strlen(value);
  uint64_t h = string_hash(value, len);
  string_slot_t *slot = &t->cache[h & (STRING_CACHE_SIZE - 1)];
  if (slot->str != NULL && slot->hash == h && strcmp(slot->str, value) == 0) {
    t->last_src = value;
    t->last_copy = slot->str;
    return slot->str;
  }
  const char *copy = g_string_chunk_insert_len(t->strings, value, (gssize)len);
  *slot = (string_slot_t){ h, copy };
  t->last_src = value;
  t->last_copy = copy;
  return copy;
}

void
netan_table_i_set_string(netan_table_t *t, int64_t row, int col, const char *value)
{
  t->cols[col].cells.s[row] = value ? stored_copy(t, value) : NULL;
}

void
netan_table_i_set_meta(netan_table_t *t, const char *key, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_tree_replace(t->meta, g_strdup(key), g_strdup_vprintf(fmt, ap));
  va_end(ap);
}

void
netan_table_i_set_meta_double(netan_table_t *t, const char *key, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_tree_replace(t->meta, g_strdup(key), g_strdup(g_ascii_formatd(buf, sizeof buf, "%.17g", value)));
}

void
netan_table_i_permute(netan_table_t *t, const int64_t *order)
{
  for (int c = 0; c < t->n_cols; c++) {
    column_t *col = &t->cols[c];
    gsize size = col->type == NETAN_COLUMN_INT ? sizeof(int64_t)
               : col->type == NETAN_COLUMN_DOUBLE ? sizeof(double) : sizeof(char *);
    char *old = (char *)col->cells.i;
    char *neu = g_malloc0(size * (gsize)(t->n_rows > 0 ? t->n_rows : 1));
    for (int64_t r = 0; r < t->n_rows; r++)
      memcpy(neu + size * (gsize)r, old + size * (gsize)order[r], size);
    g_free(old);
    col->cells.i = (int64_t *)(void *)neu;
  }
}

int64_t netan_table_n_rows(const netan_table_t *t) { g_return_val_if_fail(t, 0); return t->n_rows; }
int netan_table_n_columns(const netan_table_t *t) { g_return_val_if_fail(t, 0); return t->n_cols; }

const char *
netan_table_column_name(const netan_table_t *t, int col)
{
  g_return_val_if_fail(t != NULL, NULL);
  return (col >= 0 && col < t->n_cols) ? t->cols[col].name : NULL;
}

netan_column_type_t
netan_table_column_type(const netan_table_t *t, int col)
{
  g_return_val_if_fail(t != NULL && col >= 0 && col < t->n_cols, NETAN_COLUMN_STRING);
  return t->cols[col].type;
}

int
netan_table_column_index(const netan_table_t *t, const char *name)
{
  g_return_val_if_fail(t != NULL, -1);
  for (int c = 0; name && c < t->n_cols; c++)
    if (strcmp(t->cols[c].name, name) == 0)
      return c;
  return -1;
}

static gboolean
cell_ok(const netan_table_t *t, int64_t row, int col, netan_column_type_t type)
{
  return t != NULL && row >= 0 && row < t->n_rows && col >= 0 && col < t->n_cols &&
         t->cols[col].type == type;
}

int64_t
netan_table_get_int(const netan_table_t *t, int64_t row, int col)
{
  g_return_val_if_fail(cell_ok(t, row, col, NETAN_COLUMN_INT), 0);
  return t->cols[col].cells.i[row];
}

double
netan_table_get_double(const netan_table_t *t, int64_t row, int col)
{
  g_return_val_if_fail(cell_ok(t, row, col, NETAN_COLUMN_DOUBLE), NAN);
  return t->cols[col].cells.d[row];
}

const char *
netan_table_get_string(const netan_table_t *t, int64_t row, int col)
{
  g_return_val_if_fail(cell_ok(t, row, col, NETAN_COLUMN_STRING), NULL);
  return t->cols[col].cells.s[row];
}

const char *
netan_table_get_meta(const netan_table_t *t, const char *key)
{
  g_return_val_if_fail(t != NULL && key != NULL, NULL);
  return g_tree_lookup(t->meta, key);
}

static gboolean
collect_key(gpointer key, gpointer value, gpointer data)
{
  g_ptr_array_add(data, g_strdup(key));
  return FALSE;
}

char **
netan_table_meta_keys(const netan_table_t *t)
{
  g_return_val_if_fail(t != NULL, NULL);
  GPtrArray *keys = g_ptr_array_new();
  g_tree_foreach(t->meta, collect_key, keys);
  g_ptr_array_add(keys, NULL);
  return (char **)g_ptr_array_free(keys, FALSE);
}

/* Doubles are written with 17 significant digits so that they read back
 * exactly; integers as integers. */
static void
append_number(GString *out, const column_t *col, int64_t r)
{
  if (col->type == NETAN_COLUMN_INT) {
    g_string_append_printf(out, "%" G_GINT64_FORMAT, col->cells.i[r]);
  } else {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    double d = col->cells.d[r];
    if (isfinite(d))
      g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.17g", d));
    else
      g_string_append(out, isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"));
  }
}

/* CSV cells are quoted when needed; a cell a spreadsheet would run as a
 * formula (= + - @ or a leading tab/CR) gets a leading apostrophe. */
static void
append_csv_string(GString *out, const char *s)
{
  if (s == NULL)
    return;
  gboolean formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
  gboolean quote = formula || strpbrk(s, ",\"\n\r") != NULL;
  if (quote)
    g_string_append_c(out, '"');
  if (formula)
    g_string_append_c(out, '\'');
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      g_string_append_c(out, '"');
    g_string_append_c(out, *p);
  }
  if (quote)
    g_string_append_c(out, '"');
}

static void
append_json_string(GString *out, const char *s)
{
  g_string_append_c(out, '"');
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\r': g_string_append(out, "\\r"); break;
    case '\t': g_string_append(out, "\\t"); break;
    default:
      if (*p < 0x20)
        g_string_append_printf(out, "\\u%04x", *p);
      else
        g_string_append_c(out, (char)*p);
    }
  }
  g_string_append_c(out, '"');
}

static gboolean
append_json_meta(gpointer key, gpointer value, gpointer data)
{
  GString *out = data;
  if (out->str[out->len - 1] != '{')
    g_string_append(out, ", ");
  append_json_string(out, key);
  g_string_append(out, ": ");
  append_json_string(out, value);
  return FALSE;
}

static void
to_csv(const netan_table_t *t, int64_t n, GString *out)
{
  for (int c = 0; c < t->n_cols; c++) {
    if (c) g_string_append_c(out, ',');
    append_csv_string(out, t->cols[c].name);
  }
  g_string_append_c(out, '\n');
  for (int64_t r = 0; r < n; r++) {
    for (int c = 0; c < t->n_cols; c++) {
      if (c) g_string_append_c(out, ',');
      if (t->cols[c].type == NETAN_COLUMN_STRING)
        append_csv_string(out, t->cols[c].cells.s[r]);
      else
        append_number(out, &t->cols[c], r);
    }
    g_string_append_c(out, '\n');
  }
}

static void
to_json(const netan_table_t *t, int64_t n, GString *out)
{
  g_string_append(out, "{\"meta\": {");
  g_tree_foreach(t->meta, append_json_meta, out);
  g_string_append(out, "},\n \"rows\": [");
  for (int64_t r = 0; r < n; r++) {
    g_string_append(out, r ? ",\n  {" : "\n  {");
    for (int c = 0; c < t->n_cols; c++) {
      if (c) g_string_append(out, ", ");
      append_json_string(out, t->cols[c].name);
      g_string_append(out, ": ");
      if (t->cols[c].type == NETAN_COLUMN_STRING) {
        if (t->cols[c].cells.s[r]) append_json_string(out, t->cols[c].cells.s[r]);
        else g_string_append(out, "null");
      } else if (t->cols[c].type == NETAN_COLUMN_DOUBLE && !isfinite(t->cols[c].cells.d[r])) {
        g_string_append(out, "null");  /* JSON has no NaN or Infinity */
      } else {
        append_number(out, &t->cols[c], r);
      }
    }
    g_string_append_c(out, '}');
  }
  g_string_append(out, "\n]}\n");
}

/* Terminal text: aligned columns; doubles with 6 significant digits. */
static void
to_text(const netan_table_t *t, int64_t n, GString *out)
{
  char ***cells = g_new0(char **, n + 1);
  int *width = g_new0(int, t->n_cols > 0 ? t->n_cols : 1);
  for (int64_t r = -1; r < n; r++) {
    cells[r + 1] = g_new0(char *, t->n_cols > 0 ? t->n_cols : 1);
    for (int c = 0; c < t->n_cols; c++) {
      const column_t *col = &t->cols[c];
      char *s;
      if (r < 0) s = g_strdup(col->name);
      else if (col->type == NETAN_COLUMN_STRING) s = g_strdup(col->cells.s[r] ? col->cells.s[r] : "");
      else if (col->type == NETAN_COLUMN_INT) s = g_strdup_printf("%" G_GINT64_FORMAT, col->cells.i[r]);
      else s = g_strdup_printf("%.6g", col->cells.d[r]);
      /* a label cannot break the layout of the table */
      g_strdelimit(s, "\n\r\t", ' ');
      cells[r + 1][c] = s;
      int w = (int)g_utf8_strlen(s, -1);
      if (w > width[c]) width[c] = w;
    }
  }
  for (int64_t r = 0; r <= n; r++) {
    for (int c = 0; c < t->n_cols; c++) {
      const char *s = cells[r][c];
      int pad = width[c] - (int)g_utf8_strlen(s, -1);
      gboolean right = t->cols[c].type != NETAN_COLUMN_STRING;
      if (c) g_string_append(out, "  ");
      if (right) g_string_append_printf(out, "%*s", pad, "");
      g_string_append(out, s);
      if (!right && c + 1 < t->n_cols) g_string_append_printf(out, "%*s", pad, "");
      g_free(cells[r][c]);
    }
    g_string_append_c(out, '\n');
    g_free(cells[r]);
  }
  g_free(cells);
  g_free(width);
}

char *
netan_table_to_string(const netan_table_t *t, netan_table_format_t format, int64_t max_rows)
{
  g_return_val_if_fail(t != NULL, NULL);
  int64_t n = (max_rows < 0 || max_rows > t->n_rows) ? t->n_rows : max_rows;
  GString *out = g_string_new(NULL);
  switch (format) {
  case NETAN_TABLE_CSV: to_csv(t, n, out); break;
  case NETAN_TABLE_JSON: to_json(t, n, out); break;
  default: to_text(t, n, out); break;
  }
  return g_string_free(out, FALSE);
}

gboolean
netan_table_write(const netan_table_t *t, const char *path, netan_table_format_t format,
                  GError **error)
{
  g_return_val_if_fail(t != NULL && path != NULL, FALSE);
  g_autofree char *text = netan_table_to_string(t, format, -1);
  GError *e = NULL;
  if (!g_file_set_contents(path, text, -1, &e)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s", e->message);
    g_error_free(e);
    return FALSE;
  }
  return TRUE;
}
