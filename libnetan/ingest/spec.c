/* Parsing mapping specs (GKeyFile) into netan_spec_t.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/spec.h"
#include <netan/netan-normalize.h>

#include <stdlib.h>
#include <string.h>

#define PARSE_ERROR(error, origin, ...)                                              \
  do {                                                                               \
    g_autofree char *msg_ = g_strdup_printf(__VA_ARGS__);                            \
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s: %s", origin, msg_);      \
  } while (0)

static void
spec_entity_free(gpointer p)
{
  netan_spec_entity_t *e = p;
  g_free(e->name);
  g_free(e->type);
  g_free(e->key.name);
  g_free(e->type_column.name);
  for (guint i = 0; e->label && i < e->label->len; i++)
    g_free(g_array_index(e->label, netan_column_ref_t, i).name);
  if (e->label)
    g_array_unref(e->label);
  g_free(e->split);
  g_free(e);
}

static void
spec_link_free(gpointer p)
{
  netan_spec_link_t *l = p;
  g_free(l->name);
  g_free(l->type);
  g_free(l->type_column.name);
  if (l->type_map)
    g_hash_table_unref(l->type_map);
  g_free(l->weight.name);
  g_free(l);
}

static void
spec_attribute_free(gpointer p)
{
  netan_spec_attribute_t *a = p;
  g_free(a->name);
  g_free(a->column.name);
  g_free(a);
}

void
netan_spec_free(netan_spec_t *s)
{
  if (s == NULL)
    return;
  g_free(s->kind);
  g_free(s->encoding);
  g_free(s->region);
  g_free(s->time_format);
  g_free(s->timezone_name);
  if (s->timezone)
    g_time_zone_unref(s->timezone);
  g_ptr_array_unref(s->entities);
  if (s->event) {
    g_free(s->event->type);
    g_free(s->event->type_column.name);
    if (s->event->type_map)
      g_hash_table_unref(s->event->type_map);
    g_free(s->event->time.name);
    g_free(s->event->duration.name);
    g_free(s->event->amount.name);
    g_free(s->event->currency_column.name);
    g_free(s->event->currency);
    g_free(s->event);
  }
  g_ptr_array_unref(s->links);
  g_ptr_array_unref(s->attributes);
  g_free(s->agency);
  g_free(s->jurisdiction);
  g_free(s->grading_scheme);
  g_free(s->grading);
  g_free(s->handling);
  g_free(s);
}

/* The value of @key in @group, trimmed; NULL if absent or empty. */
static char *
get(GKeyFile *kf, const char *group, const char *key)
{
  char *v = g_key_file_get_string(kf, group, key, NULL);
  if (v == NULL)
    return NULL;
  g_strstrip(v);
  if (*v == '\0') {
    g_free(v);
    return NULL;
  }
  return v;
}

static netan_column_ref_t
column(GKeyFile *kf, const char *group, const char *key)
{
  netan_column_ref_t c = { get(kf, group, key), -1 };
  return c;
}

/* Refuses keys the section does not know: a typo must not be ignored. */
static gboolean
check_keys(GKeyFile *kf, const char *group, const char *const *known, const char *origin, GError **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys(kf, group, NULL, NULL);
  for (char **k = keys; k && *k; k++) {
    if (!g_strv_contains(known, *k)) {
      g_autofree char *list = g_strjoinv(", ", (char **)known);
      PARSE_ERROR(error, origin, "[%s]: unknown key \"%s\" (known: %s)", group, *k, list);
      return FALSE;
    }
  }
  return TRUE;
}

/* "A:call;B:sms" -> { A: call, B: sms } */
static GHashTable *
parse_map(const char *text, const char *group, const char *origin, GError **error)
{
  GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) items = g_strsplit(text, ";", -1);
  for (char **it = items; *it; it++) {
    char *item = g_strstrip(*it);
    if (*item == '\0')
      continue;
    char *colon = strrchr(item, ':');
    if (colon == NULL || colon == item || colon[1] == '\0') {
      PARSE_ERROR(error, origin, "[%s] type-map: \"%s\" is not VALUE:TYPE", group, item);
      g_hash_table_unref(map);
      return NULL;
    }
    *colon = '\0';
    g_hash_table_replace(map, g_strdup(g_strstrip(item)), g_strdup(g_strstrip(colon + 1)));
  }
  return map;
}

static int
entity_index(const netan_spec_t *s, const char *name)
{
  for (guint i = 0; name && i < s->entities->len; i++)
    if (strcmp(((netan_spec_entity_t *)g_ptr_array_index(s->entities, i))->name, name) == 0)
      return (int)i;
  return -1;
}

static gboolean
parse_file_section(GKeyFile *kf, netan_spec_t *s, const char *origin, GError **error)
{
  static const char *const known[] = { "kind", "delimiter", "encoding", "header", "region",
                                       "time-format", "timezone", NULL };
  if (!g_key_file_has_group(kf, "file"))
    return TRUE;
  if (!check_keys(kf, "file", known, origin, error))
    return FALSE;
  g_autofree char *kind = get(kf, "file", "kind");
  if (kind) {
    g_free(s->kind);
    s->kind = g_steal_pointer(&kind);
  }
  g_autofree char *delim = g_key_file_get_string(kf, "file", "delimiter", NULL);
  if (delim) {
    if (strcmp(delim, "tab") == 0 || strcmp(delim, "\\t") == 0 || strcmp(delim, "\t") == 0)
      s->delimiter = '\t';
    else if (strlen(delim) == 1 && strchr(",;|:", delim[0]))
      s->delimiter = delim[0];
    else {
      PARSE_ERROR(error, origin, "[file] delimiter \"%s\": use , ; | : or tab", delim);
      return FALSE;
    }
  }
  g_autofree char *enc = get(kf, "file", "encoding");
  if (enc && g_ascii_strcasecmp(enc, "UTF-8") != 0 && g_ascii_strcasecmp(enc, "UTF8") != 0) {
    g_autofree char *upper = g_ascii_strup(enc, -1);
    if (g_str_has_prefix(upper, "UTF-16") || g_str_has_prefix(upper, "UTF-32") ||
        g_str_has_prefix(upper, "UCS")) {
      PARSE_ERROR(error, origin, "[file] encoding %s: only encodings that keep ASCII as ASCII are read "
                                 "(UTF-8, windows-125x, ISO-8859-x, ...); convert the file to UTF-8 first", enc);
      return FALSE;
    }
    GIConv cd = g_iconv_open("UTF-8", enc);
    if (cd == (GIConv)-1) {
      PARSE_ERROR(error, origin, "[file] encoding \"%s\" is not known to this system", enc);
      return FALSE;
    }
    g_iconv_close(cd);
    s->encoding = g_steal_pointer(&enc);
  }
  if (g_key_file_has_key(kf, "file", "header", NULL)) {
    GError *e = NULL;
    s->header = g_key_file_get_boolean(kf, "file", "header", &e);
    if (e) {
      g_error_free(e);
      PARSE_ERROR(error, origin, "[file] header must be true or false");
      return FALSE;
    }
  }
  s->region = get(kf, "file", "region");
  if (s->region && !(strlen(s->region) == 2 && g_ascii_isupper(s->region[0]) && g_ascii_isupper(s->region[1]))) {
    PARSE_ERROR(error, origin, "[file] region \"%s\" is not an ISO 3166 alpha-2 code such as RS", s->region);
    return FALSE;
  }
  g_autofree char *tf = get(kf, "file", "time-format");
  if (tf == NULL || strcmp(tf, "iso8601") == 0) {
    s->time_kind = NETAN_TIME_ISO8601;
  } else if (strcmp(tf, "epoch") == 0) {
    s->time_kind = NETAN_TIME_EPOCH;
  } else {
    /* only the conversions we can turn into a date and time */
    for (const char *p = tf; *p; p++) {
      if (*p == '%' && !(p[1] && strchr("YmdHMSybe%", p[1]))) {
        PARSE_ERROR(error, origin, "[file] time-format \"%s\": %%%c is not supported (use %%Y %%m %%d %%H %%M %%S %%y %%b %%e)",
                    tf, p[1] ? p[1] : ' ');
        return FALSE;
      }
      if (*p == '%' && p[1])
        p++;
    }
    if (strstr(tf, "%d") == NULL && strstr(tf, "%e") == NULL) {
      PARSE_ERROR(error, origin, "[file] time-format \"%s\" has no day (%%d)", tf);
      return FALSE;
    }
    s->time_kind = NETAN_TIME_FORMAT;
    s->time_format = g_steal_pointer(&tf);
  }
  g_autofree char *tz = get(kf, "file", "timezone");
  if (tz) {
    GTimeZone *zone = g_time_zone_new_identifier(tz);
    if (zone == NULL) {
      PARSE_ERROR(error, origin, "[file] timezone \"%s\" is not a time zone name such as Europe/Belgrade", tz);
      return FALSE;
    }
    g_time_zone_unref(s->timezone);
    s->timezone = zone;
    g_free(s->timezone_name);
    s->timezone_name = g_steal_pointer(&tz);
  }
  return TRUE;
}

static gboolean
parse_entity(GKeyFile *kf, const char *group, netan_spec_t *s, const char *origin, GError **error)
{
  static const char *const known[] = { "type", "type-column", "key", "normalize", "label", "optional", "split", NULL };
  if (!check_keys(kf, group, known, origin, error))
    return FALSE;
  const char *name = group + strlen("entity:");
  if (*name == '\0' || entity_index(s, name) >= 0) {
    PARSE_ERROR(error, origin, "[%s]: entity sections need distinct names", group);
    return FALSE;
  }
  netan_spec_entity_t *e = g_new0(netan_spec_entity_t, 1);
  g_ptr_array_add(s->entities, e);
  e->name = g_strdup(name);
  e->type = get(kf, group, "type");
  e->type_column = column(kf, group, "type-column");
  e->key = column(kf, group, "key");
  e->label = g_array_new(FALSE, FALSE, sizeof(netan_column_ref_t));
  g_autofree char *labels = get(kf, group, "label");
  if (labels) {
    g_auto(GStrv) parts = g_strsplit_set(labels, " \t", -1);
    for (char **p = parts; *p; p++) {
      if (**p == '\0')
        continue;
      netan_column_ref_t c = { g_strdup(*p), -1 };
      g_array_append_val(e->label, c);
    }
  }
  if ((e->type == NULL) == (e->type_column.name == NULL)) {
    PARSE_ERROR(error, origin, "[%s]: give either type or type-column", group);
    return FALSE;
  }
  g_autofree char *norm = get(kf, group, "normalize");
  netan_normalizer_t n = NETAN_NORMALIZE_TEXT;
  if (norm && !netan_normalizer_from_name(norm, &n)) {
    PARSE_ERROR(error, origin, "[%s]: unknown normalizer \"%s\" (phone, plate, iban, imei, email, name, text, none)",
                group, norm);
    return FALSE;
  }
  e->normalizer = n;
  if (e->key.name == NULL && (n != NETAN_NORMALIZE_NAME || e->label->len == 0)) {
    PARSE_ERROR(error, origin, "[%s]: no key column (only a name entity may build its key from its label)", group);
    return FALSE;
  }
  if (g_key_file_has_key(kf, group, "optional", NULL)) {
    GError *err = NULL;
    e->optional = g_key_file_get_boolean(kf, group, "optional", &err);
    if (err) {
      g_error_free(err);
      PARSE_ERROR(error, origin, "[%s] optional must be true or false", group);
      return FALSE;
    }
  }
  e->split = g_key_file_get_string(kf, group, "split", NULL);
  if (e->split && *e->split == '\0')
    g_clear_pointer(&e->split, g_free);
  return TRUE;
}

/* Reads from/to of an event or link and checks they name entities. */
static gboolean
endpoints(GKeyFile *kf, const char *group, netan_spec_t *s, gboolean to_optional, int *from, int *to,
          const char *origin, GError **error)
{
  g_autofree char *f = get(kf, group, "from"), *t = get(kf, group, "to");
  *from = entity_index(s, f);
  *to = entity_index(s, t);
  if (*from < 0 || (t ? *to < 0 : !to_optional)) {
    PARSE_ERROR(error, origin, "[%s]: from and to must name [entity:...] sections (got %s, %s)", group,
                f ? f : "nothing", t ? t : "nothing");
    return FALSE;
  }
  if (((netan_spec_entity_t *)g_ptr_array_index(s->entities, *from))->split) {
    PARSE_ERROR(error, origin, "[%s]: from cannot be a split entity; put it on the to side", group);
    return FALSE;
  }
  return TRUE;
}

static gboolean
parse_type(GKeyFile *kf, const char *group, char **type, netan_column_ref_t *col, GHashTable **map,
           const char *origin, GError **error)
{
  *type = get(kf, group, "type");
  *col = column(kf, group, "type-column");
  g_autofree char *m = get(kf, group, "type-map");
  if ((*type == NULL) == (col->name == NULL)) {
    PARSE_ERROR(error, origin, "[%s]: give either type or type-column", group);
    return FALSE;
  }
  if (m && col->name == NULL) {
    PARSE_ERROR(error, origin, "[%s]: type-map needs type-column", group);
    return FALSE;
  }
  if (m && (*map = parse_map(m, group, origin, error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
parse_event(GKeyFile *kf, netan_spec_t *s, const char *origin, GError **error)
{
  static const char *const known[] = { "type", "type-column", "type-map", "from", "to", "time",
                                       "duration", "amount", "currency", "currency-column", NULL };
  if (!check_keys(kf, "event", known, origin, error))
    return FALSE;
  netan_spec_event_t *ev = s->event = g_new0(netan_spec_event_t, 1);
  if (!parse_type(kf, "event", &ev->type, &ev->type_column, &ev->type_map, origin, error) ||
      !endpoints(kf, "event", s, TRUE, &ev->from, &ev->to, origin, error))
    return FALSE;
  if (ev->to >= 0 && ((netan_spec_entity_t *)g_ptr_array_index(s->entities, ev->to))->split) {
    PARSE_ERROR(error, origin, "[event]: an event joins two single entities; to cannot be a split entity");
    return FALSE;
  }
  ev->time = column(kf, "event", "time");
  ev->duration = column(kf, "event", "duration");
  ev->amount = column(kf, "event", "amount");
  ev->currency_column = column(kf, "event", "currency-column");
  /* "currency" names a column, or fixes a code (resolved against the header) */
  ev->currency = get(kf, "event", "currency");
  if (ev->currency && ev->currency_column.name) {
    PARSE_ERROR(error, origin, "[event]: give currency or currency-column, not both");
    return FALSE;
  }
  if (ev->time.name == NULL) {
    PARSE_ERROR(error, origin, "[event]: no time column (events are timed; use a [link:...] for timeless facts)");
    return FALSE;
  }

  return TRUE;
}

static gboolean
parse_link(GKeyFile *kf, const char *group, netan_spec_t *s, const char *origin, GError **error)
{
  static const char *const known[] = { "type", "type-column", "type-map", "from", "to", "weight", NULL };
  if (!check_keys(kf, group, known, origin, error))
    return FALSE;
  netan_spec_link_t *l = g_new0(netan_spec_link_t, 1);
  g_ptr_array_add(s->links, l);
  l->name = g_strdup(group + strlen("link:"));
  if (g_key_file_has_key(kf, group, "type", NULL) || g_key_file_has_key(kf, group, "type-column", NULL)) {
    if (!parse_type(kf, group, &l->type, &l->type_column, &l->type_map, origin, error))
      return FALSE;
  } else {
    l->type = g_strdup(l->name);  /* [link:uses] is a "uses" link */
  }
  l->weight = column(kf, group, "weight");
  return endpoints(kf, group, s, FALSE, &l->from, &l->to, origin, error);
}

static gboolean
parse_attributes(GKeyFile *kf, const char *group, netan_spec_t *s, const char *origin, GError **error)
{
  int entity = entity_index(s, group + strlen("attribute:"));
  if (entity < 0) {
    PARSE_ERROR(error, origin, "[%s]: no [entity:%s] section", group, group + strlen("attribute:"));
    return FALSE;
  }
  g_auto(GStrv) keys = g_key_file_get_keys(kf, group, NULL, NULL);
  for (char **k = keys; k && *k; k++) {
    netan_spec_attribute_t *a = g_new0(netan_spec_attribute_t, 1);
    a->entity = entity;
    a->name = g_strdup(*k);
    a->column = column(kf, group, *k);
    g_ptr_array_add(s->attributes, a);
    if (a->column.name == NULL) {
      PARSE_ERROR(error, origin, "[%s] %s: no column", group, *k);
      return FALSE;
    }
  }
  return TRUE;
}

static gboolean
parse_source(GKeyFile *kf, netan_spec_t *s, const char *origin, GError **error)
{
  static const char *const known[] = { "agency", "jurisdiction", "grading-scheme", "grading", "handling", NULL };
  if (!g_key_file_has_group(kf, "source"))
    return TRUE;
  if (!check_keys(kf, "source", known, origin, error))
    return FALSE;
  s->agency = get(kf, "source", "agency");
  s->jurisdiction = get(kf, "source", "jurisdiction");
  s->grading_scheme = get(kf, "source", "grading-scheme");
  s->grading = get(kf, "source", "grading");
  s->handling = get(kf, "source", "handling");
  GError *e = NULL;
  if (s->grading_scheme && !netan_grading_check(s->grading_scheme, s->grading, s->handling, &e)) {
    PARSE_ERROR(error, origin, "[source]: %s", e->message);
    g_error_free(e);
    return FALSE;
  }
  return TRUE;
}

netan_spec_t *
netan_spec_parse(const char *text, const char *origin, GError **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new();
  GError *e = NULL;
  if (!g_key_file_load_from_data(kf, text, (gsize)-1, G_KEY_FILE_NONE, &e)) {
    PARSE_ERROR(error, origin, "not a valid spec file: %s", e->message);
    g_error_free(e);
    return NULL;
  }
  netan_spec_t *s = g_new0(netan_spec_t, 1);
  g_autofree char *base = g_path_get_basename(origin);
  char *dot = strrchr(base, '.');
  if (dot) *dot = '\0';
  s->kind = g_strdup(base);
  s->delimiter = ',';
  s->header = TRUE;
  s->timezone = g_time_zone_new_utc();
  s->timezone_name = g_strdup("UTC");
  s->entities = g_ptr_array_new_with_free_func(spec_entity_free);
  s->links = g_ptr_array_new_with_free_func(spec_link_free);
  s->attributes = g_ptr_array_new_with_free_func(spec_attribute_free);

  g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
  gboolean ok = parse_file_section(kf, s, origin, error) && parse_source(kf, s, origin, error);
  /* entities first: events, links and attributes refer to them */
  for (char **g = groups; ok && *g; g++)
    if (g_str_has_prefix(*g, "entity:"))
      ok = parse_entity(kf, *g, s, origin, error);
  for (char **g = groups; ok && *g; g++) {
    if (g_str_has_prefix(*g, "entity:") || strcmp(*g, "file") == 0 || strcmp(*g, "source") == 0)
      continue;
    if (strcmp(*g, "event") == 0)
      ok = parse_event(kf, s, origin, error);
    else if (g_str_has_prefix(*g, "link:"))
      ok = parse_link(kf, *g, s, origin, error);
    else if (g_str_has_prefix(*g, "attribute:"))
      ok = parse_attributes(kf, *g, s, origin, error);
    else {
      PARSE_ERROR(error, origin, "unknown section [%s] (file, source, entity:NAME, event, link:NAME, attribute:ENTITY)", *g);
      ok = FALSE;
    }
  }
  if (ok && s->entities->len == 0) {
    PARSE_ERROR(error, origin, "no [entity:...] section: a spec must say which entities a row yields");
    ok = FALSE;
  }
  if (!ok) {
    netan_spec_free(s);
    return NULL;
  }
  return s;
}

/* ---- resolving columns against the file ---- */

static gboolean
is_number(const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isdigit(*s))
      return FALSE;
  return TRUE;
}

/* A column is named by its header text, or by its 1-based number; a name
 * ending in '?' is optional: a file without it simply lacks that field. */
static gboolean
resolve(netan_column_ref_t *c, const char *what, const char *const *header, int n, gboolean by_name,
        const char *path, GError **error)
{
  if (c->name == NULL)
    return TRUE;
  gsize len = strlen(c->name);
  if (len > 1 && c->name[len - 1] == '?') {
    g_autofree char *bare = g_strndup(c->name, len - 1);
    netan_column_ref_t probe = { bare, -1 };
    if (resolve(&probe, what, header, n, by_name, path, NULL))
      c->index = probe.index;
    else
      c->index = -1;  /* absent: the field is not used */
    return TRUE;
  }
  if (!by_name || (is_number(c->name) && !g_strv_contains(header, c->name))) {
    char *end;
    long i = strtol(c->name, &end, 10);
    if (*end != '\0' || i < 1 || i > n) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                  "%s: %s refers to column %s, but the file has no header and %d columns", path, what, c->name, n);
      return FALSE;
    }
    c->index = (int)i - 1;
    return TRUE;
  }
  for (int i = 0; i < n; i++) {
    if (g_ascii_strcasecmp(header[i], c->name) == 0) {
      c->index = i;
      return TRUE;
    }
  }
  g_autofree char *have = g_strjoinv(", ", (char **)header);
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
              "%s: %s names column \"%s\", which the header does not have (it has: %s)", path, what, c->name, have);
  return FALSE;
}

gboolean
netan_spec_resolve(netan_spec_t *s, const char *const *header, int n, const char *path, GError **error)
{
  gboolean by_name = s->header;
  for (guint i = 0; i < s->entities->len; i++) {
    netan_spec_entity_t *e = g_ptr_array_index(s->entities, i);
    g_autofree char *what = g_strdup_printf("[entity:%s]", e->name);
    if (!resolve(&e->key, what, header, n, by_name, path, error) ||
        !resolve(&e->type_column, what, header, n, by_name, path, error))
      return FALSE;
    for (guint j = 0; j < e->label->len; j++)
      if (!resolve(&g_array_index(e->label, netan_column_ref_t, j), what, header, n, by_name, path, error))
        return FALSE;
  }
  if (s->event && s->event->currency) {
    /* a column of that name, else a fixed ISO 4217 code */
    netan_spec_event_t *ev = s->event;
    netan_column_ref_t probe = { ev->currency, -1 };
    gboolean is_code = strlen(ev->currency) == 3 && g_ascii_isupper(ev->currency[0]) &&
                       g_ascii_isupper(ev->currency[1]) && g_ascii_isupper(ev->currency[2]);
    if (resolve(&probe, "[event] currency", header, n, by_name, path, is_code ? NULL : error)) {
      ev->currency_column.name = g_steal_pointer(&ev->currency);
      ev->currency_column.index = probe.index;
    } else if (!is_code) {
      g_prefix_error(error, "currency is neither a column nor an ISO 4217 code such as EUR: ");
      return FALSE;
    }
  }
  if (s->event) {
    netan_spec_event_t *ev = s->event;
    if (!resolve(&ev->type_column, "[event] type-column", header, n, by_name, path, error) ||
        !resolve(&ev->time, "[event] time", header, n, by_name, path, error) ||
        !resolve(&ev->duration, "[event] duration", header, n, by_name, path, error) ||
        !resolve(&ev->amount, "[event] amount", header, n, by_name, path, error) ||
        !resolve(&ev->currency_column, "[event] currency-column", header, n, by_name, path, error))
      return FALSE;
  }
  for (guint i = 0; i < s->links->len; i++) {
    netan_spec_link_t *l = g_ptr_array_index(s->links, i);
    g_autofree char *what = g_strdup_printf("[link:%s]", l->name);
    if (!resolve(&l->type_column, what, header, n, by_name, path, error) ||
        !resolve(&l->weight, what, header, n, by_name, path, error))
      return FALSE;
  }
  for (guint i = 0; i < s->attributes->len; i++) {
    netan_spec_attribute_t *a = g_ptr_array_index(s->attributes, i);
    g_autofree char *what = g_strdup_printf("attribute %s", a->name);
    if (!resolve(&a->column, what, header, n, by_name, path, error))
      return FALSE;
  }
  return TRUE;
}
