/* netan info: what a case holds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Counts of @n items by name, sorted by name, as "name": count pairs. */
static GTree *
count_by(int64_t n, const char *(*name_of)(const netan_case_t *, int64_t), const netan_case_t *c)
{
  GTree *t = g_tree_new_full((GCompareDataFunc)(void (*)(void))strcmp, NULL, NULL, g_free);
  for (int64_t i = 0; i < n; i++) {
    const char *name = name_of(c, i);
    int64_t *count = g_tree_lookup(t, name);
    if (count == NULL) {
      count = g_new0(int64_t, 1);
      g_tree_insert(t, (gpointer)name, count);
    }
    (*count)++;
  }
  return t;
}

static const char *
entity_type(const netan_case_t *c, int64_t i)
{
  return netan_case_entity_type(c, i);
}

static const char *
event_type(const netan_case_t *c, int64_t i)
{
  netan_event_t ev;
  netan_case_get_event(c, i, &ev);
  return ev.type;
}

static const char *
link_type(const netan_case_t *c, int64_t i)
{
  const char *t = NULL;
  netan_case_get_link(c, i, NULL, NULL, &t, NULL, NULL);
  return t;
}

typedef struct {
  GString *out;
  gboolean json;
  gboolean first;
} emit_t;

static gboolean
emit_count(gpointer key, gpointer value, gpointer data)
{
  emit_t *e = data;
  if (e->json)
    g_string_append_printf(e->out, "%s\"%s\": %" G_GINT64_FORMAT, e->first ? "" : ", ", (char *)key, *(int64_t *)value);
  else
    g_string_append_printf(e->out, "    %-16s %10" G_GINT64_FORMAT "\n", (char *)key, *(int64_t *)value);
  e->first = FALSE;
  return FALSE;
}

static void
section(GString *out, gboolean json, const char *title, GTree *t, gboolean last)
{
  emit_t e = { out, json, TRUE };
  if (json) {
    g_string_append_printf(out, "  \"%s\": {", title);
    g_tree_foreach(t, emit_count, &e);
    g_string_append_printf(out, "}%s\n", last ? "" : ",");
  } else {
    g_string_append_printf(out, "  %s:\n", title);
    g_tree_foreach(t, emit_count, &e);
  }
}

static void
json_string(GString *out, const char *s)
{
  if (s == NULL) {
    g_string_append(out, "null");
    return;
  }
  g_string_append_c(out, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') g_string_append_printf(out, "\\%c", *p);
    else if (*p < 0x20) g_string_append_printf(out, "\\u%04x", *p);
    else g_string_append_c(out, (char)*p);
  }
  g_string_append_c(out, '"');
}

int
netan_cmd_info(int argc, char **argv)
{
  char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table or json (default table)", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan");
  g_option_context_set_summary(ctx, "Shows what a case holds: entities, events and links by type, the sources\n"
                                    "with their grading and row counts (read = ingested + rejected), merges,\n"
                                    "and how many merges are suggested (netan resolve --suggest lists them).");
  g_option_context_set_description(ctx, "Example:\n  netan info case.netan --format json\n\n"
                                        "Exit status: 0 success, 1 failure, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *e = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("info: %s", e->message);
    g_error_free(e);
    return NETAN_EXIT_USAGE;
  }
  g_autofree char *fmt = format;
  if (argc != 2 || (fmt && strcmp(fmt, "table") != 0 && strcmp(fmt, "json") != 0)) {
    netan_cli_error("info: give one case file; --format table or json");
    return NETAN_EXIT_USAGE;
  }
  g_autoptr(netan_case_t) c = netan_case_open(argv[1], &e);
  if (c == NULL) {
    netan_cli_error("%s", e->message);
    g_error_free(e);
    return NETAN_EXIT_FAILURE;
  }
  gboolean json = fmt && strcmp(fmt, "json") == 0;
  GString *out = g_string_new(NULL);
  GTree *ents = count_by(netan_case_n_entities(c), entity_type, c);
  GTree *evs = count_by(netan_case_n_events(c), event_type, c);
  GTree *links = count_by(netan_case_n_links(c), link_type, c);
  int64_t active = 0;
  for (int64_t i = 0; i < netan_case_n_merges(c); i++) {
    gboolean on;
    netan_case_get_merge(c, i, NULL, NULL, NULL, NULL, NULL, &on);
    active += on;
  }
  g_autoptr(netan_table_t) sugg = netan_case_suggest_merges(c, NULL, NULL);
  int64_t pending = sugg ? netan_table_n_rows(sugg) : 0;

  if (json) {
    g_string_append(out, "{\n  \"case\": ");
    json_string(out, argv[1]);
    g_string_append_printf(out, ",\n  \"counts\": {\"entities\": %" G_GINT64_FORMAT ", \"events\": %" G_GINT64_FORMAT
                           ", \"links\": %" G_GINT64_FORMAT ", \"attributes\": %" G_GINT64_FORMAT
                           ", \"sources\": %" G_GINT64_FORMAT ", \"merges\": %" G_GINT64_FORMAT
                           ", \"merges_active\": %" G_GINT64_FORMAT ", \"suggested_merges\": %" G_GINT64_FORMAT "},\n",
                           netan_case_n_entities(c), netan_case_n_events(c), netan_case_n_links(c),
                           netan_case_n_attributes(c), netan_case_n_sources(c), netan_case_n_merges(c), active, pending);
    section(out, TRUE, "entities", ents, FALSE);
    section(out, TRUE, "events", evs, FALSE);
    section(out, TRUE, "links", links, FALSE);
    g_string_append(out, "  \"sources\": [");
  } else {
    g_string_append_printf(out, "%s\n  %" G_GINT64_FORMAT " entities, %" G_GINT64_FORMAT " events, %" G_GINT64_FORMAT
                           " links, %" G_GINT64_FORMAT " attributes\n", argv[1], netan_case_n_entities(c),
                           netan_case_n_events(c), netan_case_n_links(c), netan_case_n_attributes(c));
    section(out, FALSE, "entities", ents, FALSE);
    section(out, FALSE, "events", evs, FALSE);
    section(out, FALSE, "links", links, FALSE);
    g_string_append(out, "  sources:\n");
  }
  for (int64_t i = 0; i < netan_case_n_sources(c); i++) {
    netan_source_info_t s;
    netan_case_get_source_info(c, i, &s);
    int64_t read = -1, ingested = -1, rejected = -1;
    gboolean counted = netan_case_source_rows(c, i, &read, &ingested, &rejected);
    if (json) {
      g_string_append_printf(out, "%s\n    {\"id\": %" G_GINT64_FORMAT ", \"name\": ", i ? "," : "", i);
      json_string(out, s.name);
      const char *keys[] = { "agency", "jurisdiction", "received", "sha256", "grading_scheme", "grading", "handling" };
      const char *vals[] = { s.agency, s.jurisdiction, s.received, s.sha256, s.grading_scheme, s.grading, s.handling };
      for (gsize k = 0; k < G_N_ELEMENTS(keys); k++) {
        g_string_append_printf(out, ", \"%s\": ", keys[k]);
        json_string(out, vals[k]);
      }
      if (counted)
        g_string_append_printf(out, ", \"rows_read\": %" G_GINT64_FORMAT ", \"rows_ingested\": %" G_GINT64_FORMAT
                               ", \"rows_rejected\": %" G_GINT64_FORMAT "}", read, ingested, rejected);
      else
        g_string_append(out, ", \"rows_read\": null, \"rows_ingested\": null, \"rows_rejected\": null}");
    } else {
      g_string_append_printf(out, "    %" G_GINT64_FORMAT "  %s", i, s.name);
      if (s.agency) g_string_append_printf(out, "  (%s)", s.agency);
      if (s.jurisdiction) g_string_append_printf(out, "  %s", s.jurisdiction);
      if (s.grading) g_string_append_printf(out, "  graded %s/%s", s.grading_scheme, s.grading);
      if (s.handling) g_string_append_printf(out, "  handling %s", s.handling);
      if (s.sha256) g_string_append_printf(out, "  sha256 %.12s", s.sha256);
      if (counted)
        g_string_append_printf(out, "\n       %" G_GINT64_FORMAT " rows read = %" G_GINT64_FORMAT " ingested + %"
                               G_GINT64_FORMAT " rejected", read, ingested, rejected);
      g_string_append_c(out, '\n');
    }
  }
  if (json)
    g_string_append_printf(out, "\n  ]\n}\n");
  else
    g_string_append_printf(out, "  merges: %" G_GINT64_FORMAT " active (%" G_GINT64_FORMAT " recorded); %"
                           G_GINT64_FORMAT " suggested (netan resolve --suggest)\n",
                           active, netan_case_n_merges(c), pending);
  fputs(out->str, stdout);
  g_string_free(out, TRUE);
  g_tree_unref(ents);
  g_tree_unref(evs);
  g_tree_unref(links);
  return NETAN_EXIT_OK;
}
