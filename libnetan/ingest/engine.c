/* The ingest engine: rows of a file, through a mapping spec, into a case.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/csv-reader.h"
#include "ingest/fields.h"
#include "ingest/normalize-private.h"
#include "ingest/prefetch.h"
#include "ingest/report-private.h"
#include "ingest/source-file.h"
#include "ingest/spec.h"
#include "model/case-private.h"

#include <math.h>
#include <string.h>

void
netan_ingest_options_init(netan_ingest_options_t *opts)
{
  static const netan_ingest_options_t defaults = NETAN_INGEST_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

const char *const *
netan_ingest_kinds(void)
{
  return netan_spec_builtin_kinds();
}

const char *
netan_ingest_kind_spec(const char *kind)
{
  return netan_spec_builtin(kind);
}

/* What one spec entity yields in the current row. */
typedef struct {
  gboolean present;
  const char *type;
  GPtrArray *entries; /* of netan_norm_entry_t* (the cache's): one, or several if split */
  GPtrArray *labels;  /* owned strings, parallel to entries */
  GArray *ids;        /* entity ids, after commit */
  /* The normalizer's table for this entity. Entities of one fixed type and
   * normalizer share it, and an entry keeps the id of its entity once this
   * ingest has added or found it: one lookup takes a row's raw value to
   * its entity id, with no second lookup by key and no (entity, source)
   * note on every repeat. */
  netan_norm_table_t *table;
  gboolean owns_known;
  /* Entities this ingest already added, by key (the cache hands out one
   * pointer per key): another spelling of a known key finds its id here
   * once, then keeps it in its entry. Only for fixed types; shared with
   * the table. */
  GHashTable *known;  /* key pointer -> id + 1 */
  guint64 hash;       /* of the row's key value in table, when has_hash */
  gboolean has_hash;
} row_entity_t;

typedef struct {
  netan_case_t *c;
  netan_spec_t *spec;
  const char *path;
  const char *region;
  netan_csv_reader_t *reader;
  GIConv iconv;              /* (GIConv)-1 for UTF-8 input */
  int n_columns;             /* of the header; 0 without one */
  const char **fields;       /* the row's fields as UTF-8, trimmed (borrowed), then NULL */
  guint n_fields, fields_size;
  GPtrArray *converted;      /* fields converted from another encoding (owned) */
  netan_norm_cache_t *cache;
  netan_prefetch_t *prefetch;  /* NULL unless phones are normalized ahead on a second thread */
  row_entity_t *ents;
  int64_t source_id;
  /* the row's bad spot */
  int64_t bad_column;
  char why[256];
} engine_t;

static gboolean
reject(engine_t *en, int column, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static gboolean
reject(engine_t *en, int column, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_vsnprintf(en->why, sizeof en->why, fmt, ap);
  va_end(ap);
  en->bad_column = column >= 0 ? column + 1 : 0;
  return FALSE;
}

/* The row's field @index, trimmed (borrowed); "" if the column is unused. */
static const char *
field(engine_t *en, int index)
{
  if (index < 0 || (guint)index >= en->n_fields)
    return "";
  return en->fields[index];
}

/* @s (@len bytes, NUL-terminated) without ASCII white space at either
 * end, as g_strstrip() would leave it, but without moving the text. */
static char *
trim(char *s, gsize len)
{
  char *end = s + len;
  while (s < end && g_ascii_isspace(*s))
    s++;
  while (end > s && g_ascii_isspace(end[-1]))
    end--;
  *end = '\0';
  return s;
}

/* Takes the reader's fields as UTF-8, converting from the file's encoding. */
static gboolean
load_fields(engine_t *en)
{
  int n = netan_csv_reader_n_fields(en->reader);
  en->n_fields = 0;
  if ((guint)n + 1 > en->fields_size) {
    en->fields_size = (guint)n + 1;
    en->fields = g_renew(const char *, en->fields, en->fields_size);
  }
  if (en->converted->len > 0)
    g_ptr_array_set_size(en->converted, 0);
  for (int i = 0; i < n; i++) {
    gsize len;
    char *text = netan_csv_reader_field_mut(en->reader, i, &len);
    if (en->iconv != (GIConv)-1) {
      gsize out_len = 0;
      text = g_convert_with_iconv(text, (gssize)len, en->iconv, NULL, &out_len, NULL);
      if (text == NULL || !g_utf8_validate(text, (gssize)out_len, NULL)) {
        g_free(text);
        return reject(en, i, "field %d is not valid %s text", i + 1, en->spec->encoding);
      }
      g_ptr_array_add(en->converted, text);
      len = strlen(text);  /* converted text may hold a NUL: the field ends there */
    }
    /* trimmed in place: the row's text is ours until the next row */
    en->fields[en->n_fields++] = trim(text, len);
  }
  en->fields[en->n_fields] = NULL;
  return TRUE;
}

/* Joins the label columns of @e with spaces. */
static char *
label_text(engine_t *en, const netan_spec_entity_t *e)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < e->label->len; i++) {
    const char *f = field(en, g_array_index(e->label, netan_column_ref_t, i).index);
    if (*f == '\0')
      continue;
    if (s->len)
      g_string_append_c(s, ' ');
    g_string_append(s, f);
  }
  return g_string_free(s, FALSE);
}

static gboolean
read_entity(engine_t *en, guint k)
{
  const netan_spec_entity_t *e = g_ptr_array_index(en->spec->entities, k);
  row_entity_t *re = &en->ents[k];
  re->present = FALSE;
  g_ptr_array_set_size(re->entries, 0);
  g_ptr_array_set_size(re->labels, 0);
  g_array_set_size(re->ids, 0);

  g_autofree char *label = e->label->len ? label_text(en, e) : NULL;
  int key_col = e->key.index >= 0 ? e->key.index
                                  : (e->label->len ? g_array_index(e->label, netan_column_ref_t, 0).index : -1);
  const char *raw = e->key.index >= 0 ? field(en, e->key.index) : (label ? label : "");
  if (*raw == '\0') {
    if (e->optional)
      return TRUE;
    return reject(en, key_col, "empty %s (%s)", e->name, e->type ? e->type : "entity");
  }
  re->type = e->type;
  if (e->type_column.index >= 0) {
    re->type = field(en, e->type_column.index);
    if (*re->type == '\0')
      return reject(en, e->type_column.index, "empty entity type");
  }
  g_auto(GStrv) values = e->split ? g_strsplit(raw, e->split, -1) : NULL;
  const char *single[] = { raw, NULL };
  const char *const *items = values ? (const char *const *)values : single;
  for (const char *const *it = items; *it; it++) {
    const char *item = values ? g_strstrip((char *)*it) : *it;  /* fields come trimmed */
    if (*item == '\0')
      continue;  /* "a||b": an empty slot names nobody */
    netan_norm_entry_t *entry = re->has_hash && !values
                                  ? netan_norm_table_get_hashed(re->table, item, strlen(item), re->hash)
                                  : netan_norm_table_get(re->table, item, strlen(item));
    const char *key = entry->key;
    if (key == NULL)
      return reject(en, key_col, "%s", entry->reason ? entry->reason : "cannot be normalised");
    g_ptr_array_add(re->entries, entry);
    /* A label is only needed for an entity this ingest has not added yet.
     * It is what a person reads: the label columns; else, for an
     * identifier (phone, plate, IBAN, ...), its normalised form, which is
     * the same in every source; for names and text, the value as written. */
    if (e->type != NULL && entry->id >= 0) {
      g_ptr_array_add(re->labels, NULL);
      continue;
    }
    const char *shown = label;
    if (values || label == NULL || *label == '\0')
      shown = (e->normalizer == NETAN_NORMALIZE_NAME || e->normalizer == NETAN_NORMALIZE_TEXT ||
               e->normalizer == NETAN_NORMALIZE_NONE) ? item : key;
    g_ptr_array_add(re->labels, g_strdup(shown));
  }
  re->present = re->entries->len > 0;
  if (!re->present && !e->optional)
    return reject(en, key_col, "empty %s", e->name);
  return TRUE;
}

static const char *
row_type(engine_t *en, const char *fixed, const netan_column_ref_t *col, GHashTable *map)
{
  if (fixed)
    return fixed;
  const char *raw = field(en, col->index);
  if (*raw == '\0') {
    reject(en, col->index, "empty type");
    return NULL;
  }
  if (map == NULL)
    return raw;
  const char *mapped = g_hash_table_lookup(map, raw);
  if (mapped == NULL)
    reject(en, col->index, "type \"%.40s\" is not in the spec's type-map", raw);
  return mapped;
}

typedef struct {
  const char *type;
  int64_t time, duration;
  double amount;
  const char *currency;
} row_event_t;

static gboolean
read_event(engine_t *en, row_event_t *ev)
{
  const netan_spec_event_t *se = en->spec->event;
  if (!en->ents[se->from].present)
    return reject(en, -1, "the event has no %s", ((netan_spec_entity_t *)g_ptr_array_index(en->spec->entities, se->from))->name);
  ev->type = row_type(en, se->type, &se->type_column, se->type_map);
  if (ev->type == NULL)
    return FALSE;
  const char *t = field(en, se->time.index);
  if (!netan_field_time(en->spec, t, &ev->time))
    return reject(en, se->time.index, "time \"%.40s\" does not match %s", t,
                  en->spec->time_kind == NETAN_TIME_FORMAT ? en->spec->time_format
                  : en->spec->time_kind == NETAN_TIME_EPOCH ? "epoch seconds" : "ISO 8601");
  ev->duration = -1;
  const char *d = field(en, se->duration.index);
  if (*d && !netan_field_duration(d, &ev->duration))
    return reject(en, se->duration.index, "duration \"%.40s\" is not seconds or H:MM:SS", d);
  ev->amount = NAN;
  const char *a = field(en, se->amount.index);
  if (se->amount.index >= 0 && !netan_field_amount(a, &ev->amount))
    return reject(en, se->amount.index, "amount \"%.40s\" is not a number", a);
  ev->currency = se->currency;
  if (se->currency_column.index >= 0) {
    const char *cur = field(en, se->currency_column.index);
    if (!(strlen(cur) == 3 && g_ascii_isupper(cur[0]) && g_ascii_isupper(cur[1]) && g_ascii_isupper(cur[2])))
      return reject(en, se->currency_column.index, "currency \"%.40s\" is not an ISO 4217 code", cur);
    ev->currency = cur;
  }
  return TRUE;
}

/* Checks a whole row; nothing is added to the case unless all of it is good. */
static gboolean
check_row(engine_t *en, row_event_t *ev, const char **link_types, double *link_weights)
{
  int n = netan_csv_reader_n_fields(en->reader);
  if (en->n_columns > 0 && n != en->n_columns)
    return reject(en, -1, "expected %d fields as in the header, found %d", en->n_columns, n);
  if (!load_fields(en))
    return FALSE;
  /* the key values' lookups, in steps so that their memory misses overlap */
  guint n_ents = en->spec->entities->len;
  for (guint k = 0; k < n_ents; k++) {
    const netan_spec_entity_t *e = g_ptr_array_index(en->spec->entities, k);
    row_entity_t *re = &en->ents[k];
    re->has_hash = e->key.index >= 0 && e->split == NULL;
    if (re->has_hash) {
      const char *v = field(en, e->key.index);
      re->hash = netan_norm_table_hash(re->table, v, strlen(v));
    }
  }
  for (guint k = 0; k < n_ents; k++)
    if (en->ents[k].has_hash)
      netan_norm_table_prefetch(en->ents[k].table, en->ents[k].hash);
  for (guint k = 0; k < n_ents; k++)
    if (!read_entity(en, k))
      return FALSE;
  if (en->spec->event && !read_event(en, ev))
    return FALSE;
  for (guint i = 0; i < en->spec->links->len; i++) {
    const netan_spec_link_t *l = g_ptr_array_index(en->spec->links, i);
    link_types[i] = NULL;
    if (!en->ents[l->from].present || !en->ents[l->to].present)
      continue;  /* an optional end is absent: no such link in this row */
    link_types[i] = row_type(en, l->type, &l->type_column, l->type_map);
    if (link_types[i] == NULL)
      return FALSE;
    link_weights[i] = 1.0;
    const char *w = field(en, l->weight.index);
    if (*w && (!netan_field_amount(w, &link_weights[i]) || !(link_weights[i] > 0)))
      return reject(en, l->weight.index, "weight \"%.40s\" is not a positive number", w);
  }
  return TRUE;
}

static gboolean
commit_row(engine_t *en, int64_t line, const row_event_t *ev, const char **link_types,
           const double *link_weights, GError **error)
{
  netan_provenance_t prov = { en->source_id, line };
  for (guint k = 0; k < en->spec->entities->len; k++) {
    row_entity_t *re = &en->ents[k];
    gboolean fixed_type = ((netan_spec_entity_t *)g_ptr_array_index(en->spec->entities, k))->type != NULL;
    for (guint j = 0; re->present && j < re->entries->len; j++) {
      netan_norm_entry_t *entry = g_ptr_array_index(re->entries, j);
      int64_t id = fixed_type ? entry->id : -1;
      if (id < 0) {
        gpointer key = (gpointer)entry->key;
        gpointer seen = fixed_type ? g_hash_table_lookup(re->known, key) : NULL;
        if (seen) {
          id = (int64_t)GPOINTER_TO_SIZE(seen) - 1;
        } else {
          id = netan_case_add_entity(en->c, re->type, key, g_ptr_array_index(re->labels, j), error);
          if (id < 0 || !netan_case_note_entity(en->c, id, &prov, error))
            return FALSE;
          if (fixed_type)
            g_hash_table_insert(re->known, key, GSIZE_TO_POINTER((gsize)id + 1));
        }
        if (fixed_type)
          entry->id = id;
      }
      g_array_append_val(re->ids, id);
    }
  }
  if (en->spec->event) {
    const netan_spec_event_t *se = en->spec->event;
    netan_event_t e = { g_array_index(en->ents[se->from].ids, int64_t, 0),
                        se->to >= 0 && en->ents[se->to].present ? g_array_index(en->ents[se->to].ids, int64_t, 0) : -1,
                        ev->type, ev->time, ev->duration, ev->amount, ev->currency, prov };
    if (netan_case_add_event(en->c, &e, error) < 0)
      return FALSE;
  }
  for (guint i = 0; i < en->spec->links->len; i++) {
    const netan_spec_link_t *l = g_ptr_array_index(en->spec->links, i);
    if (link_types[i] == NULL)
      continue;
    int64_t a = g_array_index(en->ents[l->from].ids, int64_t, 0);
    GArray *to = en->ents[l->to].ids;
    for (guint j = 0; j < to->len; j++) {
      if (g_array_index(to, int64_t, j) == a)
        continue;  /* an entity linked to itself says nothing */
      if (netan_case_add_link(en->c, a, g_array_index(to, int64_t, j), link_types[i], link_weights[i], &prov, error) < 0)
        return FALSE;
    }
  }
  for (guint i = 0; i < en->spec->attributes->len; i++) {
    const netan_spec_attribute_t *at = g_ptr_array_index(en->spec->attributes, i);
    const char *value = field(en, at->column.index);
    row_entity_t *re = &en->ents[at->entity];
    if (*value == '\0' || !re->present)
      continue;
    for (guint j = 0; j < re->ids->len; j++)
      if (netan_case_add_attribute(en->c, g_array_index(re->ids, int64_t, j), at->name, value, &prov, error) < 0)
        return FALSE;
  }
  return TRUE;
}

/* Reads the header row (or peeks at the first row's width) and resolves
 * the spec's columns: a spec that does not fit the file fails here. */
static gboolean
start_file(engine_t *en, GError **error)
{
  netan_csv_status_t st = netan_csv_reader_next(en->reader, error);
  if (st == NETAN_CSV_ERROR)
    return FALSE;
  if (st == NETAN_CSV_EOF) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s: the file is empty", en->path);
    return FALSE;
  }
  if (st == NETAN_CSV_BAD || !load_fields(en)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s:%" G_GINT64_FORMAT ": the first row cannot be read: %s",
                en->path, netan_csv_reader_line(en->reader),
                st == NETAN_CSV_BAD ? netan_csv_reader_reason(en->reader) : en->why);
    return FALSE;
  }
  en->n_columns = (int)en->n_fields;
  return netan_spec_resolve(en->spec, en->fields, (int)en->n_fields, en->path, error);
}

static netan_spec_t *
load_spec(const netan_ingest_options_t *o, GError **error)
{
  if ((o->kind == NULL) == (o->spec_path == NULL)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "ingest: give either a kind (%s) or a spec file", "cdr, transfers, crossings, subscribers, associations, entities, edgelist");
    return NULL;
  }
  if (o->kind) {
    const char *text = netan_spec_builtin(o->kind);
    if (text == NULL) {
      g_autofree char *kinds = g_strjoinv(", ", (char **)netan_spec_builtin_kinds());
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "no built-in spec \"%s\" (there are: %s)", o->kind, kinds);
      return NULL;
    }
    return netan_spec_parse(text, o->kind, error);
  }
  g_autofree char *text = NULL;
  GError *e = NULL;
  if (!g_file_get_contents(o->spec_path, &text, NULL, &e)) {
    g_set_error(error, NETAN_ERROR, e->code == G_FILE_ERROR_NOENT ? NETAN_ERROR_NOT_FOUND : NETAN_ERROR_IO,
                "%s", e->message);
    g_error_free(e);
    return NULL;
  }
  if (!g_utf8_validate(text, -1, NULL)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s: a spec file must be UTF-8", o->spec_path);
    return NULL;
  }
  return netan_spec_parse(text, o->spec_path, error);
}

/*
 * Starts a prefetcher (prefetch.h) for the phone columns of @en's spec when
 * NETAN_INGEST_PREFETCH=1 (a UTF-8 file, a phone entity keyed by a column).
 * Off by default: on the 2-core machine of bench/INGEST.md, busy with
 * other work, the second thread did not make ingest faster (it is there to
 * be measured on machines with a processor to spare).
 */
static void
start_prefetch(engine_t *en)
{
  const char *env = g_getenv("NETAN_INGEST_PREFETCH");
  if (env == NULL || strcmp(env, "1") != 0 || en->spec->encoding != NULL)
    return;
  GArray *cols = g_array_new(FALSE, FALSE, sizeof(netan_prefetch_column_t));
  for (guint k = 0; k < en->spec->entities->len; k++) {
    const netan_spec_entity_t *e = g_ptr_array_index(en->spec->entities, k);
    if (e->normalizer != NETAN_NORMALIZE_PHONE || e->key.index < 0)
      continue;
    gboolean dup = FALSE;
    for (guint i = 0; i < cols->len && !dup; i++) {
      const netan_prefetch_column_t *c = &g_array_index(cols, netan_prefetch_column_t, i);
      dup = c->column == e->key.index && g_strcmp0(c->split, e->split) == 0;
    }
    if (!dup) {
      netan_prefetch_column_t c = { e->key.index, e->split };
      g_array_append_val(cols, c);
    }
  }
  if (cols->len > 0)
    en->prefetch = netan_prefetch_start(en->path, en->spec->delimiter, en->spec->header, en->region,
                                        (const netan_prefetch_column_t *)(gpointer)cols->data, (int)cols->len);
  g_array_unref(cols);
  for (guint k = 0; en->prefetch && k < en->spec->entities->len; k++) {
    const netan_spec_entity_t *e = g_ptr_array_index(en->spec->entities, k);
    if (e->normalizer == NETAN_NORMALIZE_PHONE)
      netan_norm_table_set_runner(en->ents[k].table, netan_prefetch_run, en->prefetch);
  }
}

/* TRUE if every normalizer of @spec can run (netan_norm_i_available). */
static gboolean
normalizers_available(const netan_spec_t *spec, const char *path, GError **error)
{
  for (guint k = 0; k < spec->entities->len; k++) {
    const netan_spec_entity_t *e = g_ptr_array_index(spec->entities, k);
    if (!netan_norm_i_available((netan_normalizer_t)e->normalizer, error)) {
      g_prefix_error(error, "%s: ", path);
      return FALSE;
    }
  }
  return TRUE;
}

/* The source record: the options' fields over the spec's [source]. */
static int64_t
add_source(netan_case_t *c, const char *path, const char *sha, const netan_ingest_options_t *o,
           const netan_spec_t *spec, GError **error)
{
  g_autofree char *base = g_path_get_basename(path);
  netan_source_info_t info = o->source;
  info.version = NETAN_SOURCE_INFO_VERSION;
  if (!info.name) info.name = base;
  if (!info.sha256) info.sha256 = sha;
  if (!info.agency) info.agency = spec->agency;
  if (!info.jurisdiction) info.jurisdiction = spec->jurisdiction;
  if (!info.grading_scheme) info.grading_scheme = spec->grading_scheme;
  if (!info.grading) info.grading = spec->grading;
  if (!info.handling) info.handling = spec->handling;
  if (!info.received) {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();
    static char today[16];
    g_autofree char *t = g_date_time_format(now, "%Y-%m-%d");
    g_strlcpy(today, t, sizeof today);
    info.received = today;
  }
  return netan_case_add_source_info(c, &info, error);
}

netan_ingest_report_t *
netan_ingest_file(netan_case_t *c, const char *path, const netan_ingest_options_t *opts, GError **error)
{
  g_return_val_if_fail(c != NULL && path != NULL, NULL);
  netan_ingest_options_t o;
  netan_ingest_options_init(&o);
  if (opts != NULL) {
    if (opts->version != NETAN_INGEST_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "ingest options: unknown version %u", opts->version);
      return NULL;
    }
    o = *opts;
  }
  netan_spec_t *spec = load_spec(&o, error);
  if (spec == NULL)
    return NULL;
  const char *region = o.region && *o.region ? o.region : spec->region;
  /* a region libphonenumber does not know is an error now, not a reason on
   * every row; so is a normalizer that cannot run (its module is missing) */
  if (!normalizers_available(spec, path, error) || (region && !netan_norm_i_region_check(region, error))) {
    netan_spec_free(spec);
    return NULL;
  }

  engine_t en = { .c = c, .spec = spec, .path = path, .region = region, .iconv = (GIConv)-1 };
  const char **link_types = NULL;
  double *link_weights = NULL;
  en.converted = g_ptr_array_new_with_free_func(g_free);
  netan_ingest_report_t *report = NULL;
  /* the file's SHA-256 is taken while it is read: no second pass */
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  gboolean ok = TRUE;
  if (spec->encoding)
    en.iconv = g_iconv_open("UTF-8", spec->encoding);
  ok = (en.reader = netan_csv_reader_open(path, spec->delimiter, error)) != NULL;
  if (ok) {
    netan_csv_reader_set_checksum(en.reader, sum);
    netan_csv_reader_set_validate_utf8(en.reader, spec->encoding == NULL);
    if (spec->header)
      ok = start_file(&en, error);
  }
  if (ok && !spec->header) {
    /* no header: column numbers are checked against the widest possible row lazily */
    g_autoptr(GPtrArray) none = g_ptr_array_new();
    g_ptr_array_add(none, NULL);
    ok = netan_spec_resolve(spec, (const char *const *)none->pdata, 1 << 16, path, error);
  }
  if (!ok)
    goto out;

  en.cache = netan_norm_cache_new();
  en.ents = g_new0(row_entity_t, spec->entities->len);
  for (guint k = 0; k < spec->entities->len; k++) {
    const netan_spec_entity_t *e = g_ptr_array_index(spec->entities, k);
    row_entity_t *re = &en.ents[k];
    re->entries = g_ptr_array_new();
    re->labels = g_ptr_array_new_with_free_func(g_free);
    re->ids = g_array_new(FALSE, FALSE, sizeof(int64_t));
    /* an entity of the same fixed type and normalizer as an earlier one
     * (caller and callee) shares its table and known entities: one id per
     * key, whichever column the key came from */
    for (guint j = 0; j < k && e->type != NULL; j++) {
      const netan_spec_entity_t *f = g_ptr_array_index(spec->entities, j);
      if (f->type != NULL && strcmp(f->type, e->type) == 0 && f->normalizer == e->normalizer) {
        re->table = en.ents[j].table;
        re->known = en.ents[j].known;
        break;
      }
    }
    if (re->table == NULL) {
      re->table = netan_norm_table_new(en.cache, (netan_normalizer_t)e->normalizer, region);
      re->known = g_hash_table_new(g_direct_hash, g_direct_equal);
      re->owns_known = TRUE;
    }
  }
  link_types = g_new0(const char *, spec->links->len + 1);
  link_weights = g_new0(double, spec->links->len + 1);

  netan_case_mark_t mark = netan_case_i_mark(c);
  en.source_id = add_source(c, path, NULL, &o, spec, error);
  if (en.source_id < 0) {
    ok = FALSE;
    goto out;
  }
  report = netan_report_i_new(path, en.source_id);
  start_prefetch(&en);
  netan_csv_status_t st;
  int64_t rows = 0, records = 0;
  while (ok && (st = netan_csv_reader_next(en.reader, error)) != NETAN_CSV_EOF) {
    if (st == NETAN_CSV_ERROR) {
      ok = FALSE;
      break;
    }
    if (en.prefetch && (++records & 0x3F) == 0)
      netan_prefetch_at(en.prefetch, netan_csv_reader_offset(en.reader));
    int64_t line = netan_csv_reader_line(en.reader);
    row_event_t ev = { 0 };
    en.bad_column = 0;
    en.why[0] = '\0';
    gboolean good;
    if (st == NETAN_CSV_BAD) {
      en.bad_column = netan_csv_reader_column(en.reader);
      g_strlcpy(en.why, netan_csv_reader_reason(en.reader), sizeof en.why);
      good = FALSE;
    } else {
      good = check_row(&en, &ev, link_types, link_weights);
    }
    if (good) {
      if (!commit_row(&en, line, &ev, link_types, link_weights, error)) {
        g_prefix_error(error, "%s:%" G_GINT64_FORMAT ": ", path, line);
        ok = FALSE;
        break;
      }
      netan_report_i_ingested(report);
    } else if (o.strict) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": %s",
                  path, line, en.bad_column, en.why);
      ok = FALSE;
    } else {
      netan_report_i_reject(report, line, en.bad_column, en.why);
    }
    if (o.progress && (++rows & 0xFFFF) == 0) {
      int64_t size = netan_csv_reader_size(en.reader);
      double f = size > 0 ? (double)netan_csv_reader_offset(en.reader) / (double)size : 0;
      if (o.progress(f, o.payload) != 0) {
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_CANCELLED, "%s: ingest cancelled", path);
        ok = FALSE;
      }
    }
  }
  g_clear_pointer(&en.prefetch, netan_prefetch_stop);
  if (ok && o.progress)
    o.progress(1.0, o.payload);
  if (ok) {
    netan_case_i_set_source_rows(c, en.source_id, netan_ingest_report_rows_read(report),
                                 netan_ingest_report_rows_rejected(report));
    netan_csv_reader_finish_checksum(en.reader);
    if (o.source.sha256 == NULL)
      netan_case_i_set_source_sha256(c, en.source_id, g_checksum_get_string(sum));
  }
  if (!ok) {
    netan_case_i_rollback(c, &mark);
    g_clear_pointer(&report, netan_ingest_report_free);
  }

out:
  g_clear_pointer(&en.prefetch, netan_prefetch_stop);
  g_free(link_types);
  g_free(link_weights);
  if (en.ents) {
    for (guint k = 0; k < spec->entities->len; k++) {
      g_ptr_array_unref(en.ents[k].entries);
      g_ptr_array_unref(en.ents[k].labels);
      g_array_unref(en.ents[k].ids);
      if (en.ents[k].owns_known)
        g_hash_table_unref(en.ents[k].known);
    }
    g_free(en.ents);
  }
  if (en.cache)
    netan_norm_cache_free(en.cache);
  if (en.reader)
    netan_csv_reader_close(en.reader);
  if (en.iconv != (GIConv)-1)
    g_iconv_close(en.iconv);
  g_free(en.fields);
  g_ptr_array_unref(en.converted);
  if (sum)
    g_checksum_free(sum);
  netan_spec_free(spec);
  return report;
}
