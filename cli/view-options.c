/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/view-options.h"

#include <stdlib.h>
#include <string.h>

GOptionGroup *
netan_cli_view_group(netan_cli_view_t *a)
{
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &a->type, "Only entities of this type (person, phone, ...)", "TYPE" },
    { "link-type", 0, 0, G_OPTION_ARG_STRING, &a->link_type, "Only links and events of this type (call, ...)", "TYPE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &a->from, "Only events at or after this time (ISO 8601, e.g. 2024-03-01)", "TIME" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a->to, "Only events before this time", "TIME" },
    { "source", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->sources, "Only facts from this source id (repeatable)", "ID" },
    { "handling", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->handling, "Only facts from sources with this handling code (repeatable)", "CODE" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &a->min_weight, "Leave out edges weaker than this", "W" },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &a->weight, "Events add up by count (default), duration or amount", "MODE" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &a->currency, "With --weight amount: the currency (ISO 4217)", "CUR" },
    { "directed", 0, 0, G_OPTION_ARG_NONE, &a->directed, "Links and events keep their direction", NULL },
    { "unweighted", 0, 0, G_OPTION_ARG_NONE, &a->unweighted, "Path measures ignore weights (default: length = 1/strength)", NULL },
    { "keep-isolates", 0, 0, G_OPTION_ARG_NONE, &a->keep_isolates, "Keep entities with no edge in the view", NULL },
    { NULL }
  };
  GOptionGroup *g = g_option_group_new("view", "What the analysis looks at:", "Show view options", NULL, NULL);
  g_option_group_add_entries(g, entries);
  return g;
}

/* Seconds since 1970 UTC of an ISO 8601 date or date and time (UTC unless an offset is given). */
static gboolean
parse_time(const char *text, int64_t *out, GError **error)
{
  g_autofree char *iso = strlen(text) == 10 ? g_strconcat(text, "T00:00:00", NULL) : g_strdup(text);
  if (strlen(iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(iso, utc);
  if (dt == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "'%s' is not an ISO 8601 date or time such as 2024-03-01 or 2024-03-01T10:00:00+01:00", text);
    return FALSE;
  }
  *out = g_date_time_to_unix(dt);
  return TRUE;
}

gboolean
netan_cli_view_options(netan_cli_view_t *a, netan_view_options_t *o, GError **error)
{
  netan_view_options_init(o);
  o->entity_type = a->type;
  o->link_type = a->link_type;
  o->directed = a->directed;
  o->length = a->unweighted ? NETAN_LENGTH_UNWEIGHTED : NETAN_LENGTH_INVERSE_STRENGTH;
  /* an analysis of a type or link type is about those that take part */
  o->drop_isolates = !a->keep_isolates && (a->type || a->link_type || a->from || a->to || a->sources ||
                                          a->handling || a->min_weight > 0);
  o->min_weight = a->min_weight;
  o->currency = a->currency;
  if (a->from && !parse_time(a->from, &o->time_from, error))
    return FALSE;
  if (a->to && !parse_time(a->to, &o->time_to, error))
    return FALSE;
  if (a->weight == NULL || strcmp(a->weight, "count") == 0) o->weight = NETAN_WEIGHT_COUNT;
  else if (strcmp(a->weight, "duration") == 0) o->weight = NETAN_WEIGHT_DURATION;
  else if (strcmp(a->weight, "amount") == 0) o->weight = NETAN_WEIGHT_AMOUNT;
  else {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "--weight must be count, duration or amount, not '%s'", a->weight);
    return FALSE;
  }
  if (a->sources) {
    guint n = g_strv_length(a->sources);
    a->source_ids = g_new(int64_t, n + 1);
    for (guint i = 0; i < n; i++) {
      char *end;
      a->source_ids[i] = g_ascii_strtoll(a->sources[i], &end, 10);
      if (*end != '\0' || end == a->sources[i]) {
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                    "--source takes a source id (see netan info), not '%s'", a->sources[i]);
        return FALSE;
      }
    }
    o->sources = a->source_ids;
    o->n_sources = n;
  }
  o->handling = (const char *const *)a->handling;
  return TRUE;
}

void
netan_cli_view_clear(netan_cli_view_t *a)
{
  g_free(a->type);
  g_free(a->link_type);
  g_free(a->from);
  g_free(a->to);
  g_free(a->weight);
  g_free(a->currency);
  g_strfreev(a->handling);
  g_strfreev(a->sources);
  g_free(a->source_ids);
}

netan_view_t *
netan_cli_open_view(const char *path, netan_cli_view_t *a, netan_case_t **kase, GError **error)
{
  netan_view_options_t o;
  if (!netan_cli_view_options(a, &o, error))
    return NULL;
  if (g_str_has_suffix(path, ".netan")) {
    *kase = netan_case_open(path, error);
  } else {
    *kase = netan_case_new();
    netan_ingest_report_t *r = netan_ingest_edgelist(*kase, path, NULL, error);
    if (r == NULL)
      g_clear_pointer(kase, netan_case_free);
    else if (netan_ingest_report_rows_rejected(r) > 0)
      g_printerr("%s: %" G_GINT64_FORMAT " rows rejected (netan analyze --rejects lists them)\n", path,
                 netan_ingest_report_rows_rejected(r));
    netan_ingest_report_free(r);
  }
  if (*kase == NULL)
    return NULL;
  return netan_view_build(*kase, &o, error);
}

int64_t
netan_cli_find_entity(const netan_case_t *c, const char *name, GError **error)
{
  /* What analysts see comes first: TYPE:KEY, a key, a label; then "#ID",
   * or a bare number that is no key or label, as the entity id. */
  const char *colon = strchr(name, ':');
  if (colon) {
    g_autofree char *type = g_strndup(name, (gsize)(colon - name));
    int64_t found = netan_case_find_entity(c, type, colon + 1);
    if (found >= 0)
      return found;
    /* a name as people write it: "person:Ilir Hoxha" is the key "hoxha ilir" */
    g_autofree char *key = netan_normalize(NETAN_NORMALIZE_NAME, colon + 1, NULL, NULL);
    if (key && (found = netan_case_find_entity(c, type, key)) >= 0)
      return found;
  }
  int64_t match = -1, n = 0;
  for (int pass = 0; pass < 2 && n == 0; pass++) {  /* keys first, then labels */
    for (int64_t i = 0; i < netan_case_n_entities(c); i++) {
      const char *s = pass == 0 ? netan_case_entity_key(c, i) : netan_case_entity_label(c, i);
      if (strcmp(s, name) == 0) {
        match = i;
        n++;
      }
    }
  }
  if (n == 1)
    return match;
  if (n > 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "'%s' names %" G_GINT64_FORMAT " entities; give TYPE:KEY or #ID", name, n);
    return -1;
  }
  const char *digits = name[0] == '#' ? name + 1 : name;
  char *end;
  long long id = strtoll(digits, &end, 10);
  if (*digits && *end == '\0' && id >= 0 && id < netan_case_n_entities(c))
    return id;
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
              "no entity '%s' (give TYPE:KEY, a key, a label or #ID)", name);
  return -1;
}
