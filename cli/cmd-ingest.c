/* netan ingest: files into a case file, one transaction per file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

typedef struct {
  char *kind, *spec, *region, *source_name, *agency, *jurisdiction, *received;
  char *grading_scheme, *grading, *handling, *rejects, *format;
  gboolean strict, list_kinds;
  char *show_spec;
} ingest_args_t;

/* Appends the rejects of @r to the CSV at @path (the header once). */
static gboolean
append_rejects(const netan_ingest_report_t *r, const char *path, gboolean first, GError **error)
{
  FILE *f = fopen(path, first ? "w" : "a");
  if (f == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s: %s", path, g_strerror(errno));
    return FALSE;
  }
  if (first)
    fputs("file,line,column,reason\n", f);
  for (int64_t i = 0; i < netan_ingest_report_rows_rejected(r); i++) {
    netan_reject_t rj;
    netan_ingest_report_get_reject(r, i, &rj);
    g_autofree char *file = g_strdup(rj.file), *reason = g_strdup(rj.reason);
    GString *q = g_string_new(NULL);
    for (const char *p = reason; *p; p++) {
      if (*p == '"') g_string_append_c(q, '"');
      g_string_append_c(q, *p);
    }
    fprintf(f, "\"%s\",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"%s\"\n", file, rj.line, rj.column, q->str);
    g_string_free(q, TRUE);
  }
  gboolean ok = fclose(f) == 0;
  if (!ok)
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s: %s", path, g_strerror(errno));
  return ok;
}

static int
run(const char *case_path, char **files, int n_files, const ingest_args_t *a)
{
  GError *e = NULL;
  netan_cli_catch_interrupt();
  g_autoptr(netan_case_t) c = netan_cli_open_case(case_path, TRUE, &e);
  if (c == NULL) {
    netan_cli_error("%s", e->message);
    g_error_free(e);
    return NETAN_EXIT_FAILURE;
  }
  gboolean json = a->format && strcmp(a->format, "json") == 0;
  if (json)
    printf("{\"case\": \"%s\", \"sources\": [", case_path);
  int status = NETAN_EXIT_OK;
  for (int i = 0; i < n_files; i++) {
    netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
    o.kind = a->kind;
    o.spec_path = a->spec;
    o.region = a->region;
    o.strict = a->strict;
    o.source.name = a->source_name;
    o.source.agency = a->agency;
    o.source.jurisdiction = a->jurisdiction;
    o.source.received = a->received;
    o.source.grading_scheme = a->grading_scheme;
    o.source.grading = a->grading;
    o.source.handling = a->handling;
    o.progress = netan_cli_progress;  /* a bar on a terminal; Ctrl-C cancels, the case file stays as it was */
    o.payload = files[i];
    g_autoptr(netan_ingest_report_t) r = netan_ingest_file(c, files[i], &o, &e);
    if (r == NULL || !netan_case_save(c, case_path, &e)) {
      netan_cli_error("%s", e->message);
      g_clear_error(&e);
      status = NETAN_EXIT_FAILURE;
      break;
    }
    int64_t bad = netan_ingest_report_rows_rejected(r);
    if (json) {
      printf("%s\n  {\"file\": \"%s\", \"source_id\": %" G_GINT64_FORMAT ", \"rows_read\": %" G_GINT64_FORMAT
             ", \"rows_ingested\": %" G_GINT64_FORMAT ", \"rows_rejected\": %" G_GINT64_FORMAT "}",
             i ? "," : "", files[i], netan_ingest_report_source_id(r), netan_ingest_report_rows_read(r),
             netan_ingest_report_rows_ingested(r), bad);
    } else {
      printf("%s: %" G_GINT64_FORMAT " rows read, %" G_GINT64_FORMAT " ingested, %" G_GINT64_FORMAT " rejected\n",
             files[i], netan_ingest_report_rows_read(r), netan_ingest_report_rows_ingested(r), bad);
    }
    for (int64_t k = 0; k < bad && k < 5; k++) {
      netan_reject_t rj;
      netan_ingest_report_get_reject(r, k, &rj);
      fprintf(stderr, "  %s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": %s\n", rj.file, rj.line, rj.column, rj.reason);
    }
    if (bad > 5)
      fprintf(stderr, "  ... and %" G_GINT64_FORMAT " more%s\n", bad - 5, a->rejects ? "" : " (--rejects FILE writes them all)");
    if (a->rejects && !append_rejects(r, a->rejects, i == 0, &e)) {
      netan_cli_error("%s", e->message);
      g_clear_error(&e);
      status = NETAN_EXIT_FAILURE;
      break;
    }
  }
  if (json)
    printf("\n]}\n");
  if (status == NETAN_EXIT_OK && !json)
    printf("case %s: %" G_GINT64_FORMAT " entities, %" G_GINT64_FORMAT " events, %" G_GINT64_FORMAT
           " links, %" G_GINT64_FORMAT " sources\n", case_path, netan_case_n_entities(c), netan_case_n_events(c),
           netan_case_n_links(c), netan_case_n_sources(c));
  return status;
}

int
netan_cmd_ingest(int argc, char **argv)
{
  ingest_args_t a = { 0 };
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &a.kind, "Built-in spec: cdr transfers crossings subscribers associations entities edgelist", "KIND" },
    { "spec", 's', 0, G_OPTION_ARG_FILENAME, &a.spec, "A mapping spec file (doc/mapping-spec.md)", "SPEC.ini" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &a.region, "Default phone region, e.g. RS", "CC" },
    { "source-name", 0, 0, G_OPTION_ARG_STRING, &a.source_name, "Name of the source (default: the file name)", "NAME" },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &a.agency, "Agency the records came from", "AGENCY" },
    { "jurisdiction", 0, 0, G_OPTION_ARG_STRING, &a.jurisdiction, "ISO 3166 alpha-2 code of the source's country", "CC" },
    { "received", 0, 0, G_OPTION_ARG_STRING, &a.received, "Date the records were received (YYYY-MM-DD)", "DATE" },
    { "grading-scheme", 0, 0, G_OPTION_ARG_STRING, &a.grading_scheme, "admiralty, uk-3x5x2 or europol", "S" },
    { "grading", 0, 0, G_OPTION_ARG_STRING, &a.grading, "Source grading, e.g. B2", "G" },
    { "handling", 0, 0, G_OPTION_ARG_STRING, &a.handling, "Handling code, e.g. H1", "H" },
    { "rejects", 'r', 0, G_OPTION_ARG_FILENAME, &a.rejects, "Write every rejected row to FILE (CSV)", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &a.strict, "Stop at the first bad row; the case file is left as it was", NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format, "Report as table or json", "F" },
    { "list-kinds", 0, 0, G_OPTION_ARG_NONE, &a.list_kinds, "List the built-in specs", NULL },
    { "show-spec", 0, 0, G_OPTION_ARG_STRING, &a.show_spec, "Print a built-in spec (a start for your own)", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan FILE...");
  g_option_context_set_summary(ctx,
      "Adds files to a case file (created if missing). Each file is read through a\n"
      "mapping spec, identifiers are normalised, and each file is saved as one\n"
      "transaction. Rows that cannot be read are reported with file:line:column.");
  g_option_context_set_description(ctx,
      "Example:\n  netan ingest case.netan calls_rs.csv --kind cdr --region RS --jurisdiction RS \\\n"
      "      --grading-scheme europol --grading B2 --handling H1 --rejects rejects.csv\n\n"
      "Exit status: 0 success (rows may have been rejected), 1 failure, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("ingest: %s", e->message);
    g_error_free(e);
  } else if (a.list_kinds) {
    for (const char *const *k = netan_ingest_kinds(); *k; k++)
      printf("%s\n", *k);
    status = NETAN_EXIT_OK;
  } else if (a.show_spec) {
    const char *text = netan_ingest_kind_spec(a.show_spec);
    if (text) {
      fputs(text, stdout);
      status = NETAN_EXIT_OK;
    } else {
      netan_cli_error("ingest: no built-in spec '%s' (see --list-kinds)", a.show_spec);
    }
  } else if (argc < 3) {
    netan_cli_error("ingest: give a case file and at least one input file (see netan ingest --help)");
  } else if ((a.kind == NULL) == (a.spec == NULL)) {
    netan_cli_error("ingest: give either --kind or --spec");
  } else if (a.format && strcmp(a.format, "table") != 0 && strcmp(a.format, "json") != 0) {
    netan_cli_error("ingest: --format must be table or json");
  } else {
    status = run(argv[1], argv + 2, argc - 2, &a);
  }
  g_free(a.kind); g_free(a.spec); g_free(a.region); g_free(a.source_name); g_free(a.agency);
  g_free(a.jurisdiction); g_free(a.received); g_free(a.grading_scheme); g_free(a.grading);
  g_free(a.handling); g_free(a.rejects); g_free(a.format); g_free(a.show_spec);
  return status;
}
