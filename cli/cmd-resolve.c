/* netan resolve: suggest, confirm and undo merges.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "cli/view-options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
netan_cmd_resolve(int argc, char **argv)
{
  gboolean suggest = FALSE;
  char **merge = NULL, *format = NULL, *rule = NULL, *type = NULL;
  gint64 unmerge = -1;
  double threshold = 0.85;
  int top = 50;
  GOptionEntry entries[] = {
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest, "List entities that may be the same, best first", NULL },
    { "merge", 0, 0, G_OPTION_ARG_STRING_ARRAY, &merge, "Merge B into A (give --merge A --merge B)", "ENTITY" },
    { "unmerge", 0, 0, G_OPTION_ARG_INT64, &unmerge, "Undo merge ID (see netan info)", "ID" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, "Who decided the merge (default analyst:$USER)", "RULE" },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, "Smallest score suggested (default 0.85)", "X" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, "Entity type compared (default person)", "TYPE" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "Show at most N suggestions (default 50; 0 = all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table, csv or json", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan");
  g_option_context_set_summary(ctx,
      "Exact identifier matches are merged at ingest (same normalised key = same\n"
      "entity). Fuzzy matches are only suggested: names compared after\n"
      "transliteration and folding (Jaro-Winkler), strengthened by identifiers\n"
      "both are linked to. A merge is recorded (who, score, when) and can be undone.");
  g_option_context_set_description(ctx,
      "Examples:\n  netan resolve case.netan --suggest\n"
      "  netan resolve case.netan --merge 'person:dritan hoxha' --merge 'person:dritan hodza'\n"
      "  netan resolve case.netan --unmerge 0\n\nExit status: 0 success, 1 failure, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *e = NULL;
  g_autoptr(netan_case_t) c = NULL;
  int status = NETAN_EXIT_USAGE;
  int actions;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("resolve: %s", e->message);
    g_clear_error(&e);
    goto out;
  }
  actions = suggest + (merge != NULL) + (unmerge >= 0);
  if (argc != 2 || actions != 1) {
    netan_cli_error("resolve: give a case file and one of --suggest, --merge A --merge B, --unmerge ID");
    goto out;
  }
  if (merge && g_strv_length(merge) != 2) {
    netan_cli_error("resolve: --merge takes two entities: --merge A --merge B");
    goto out;
  }
  if (!netan_cli_check_format("resolve", format))
    goto out;
  status = NETAN_EXIT_FAILURE;
  c = netan_case_open(argv[1], &e);
  if (c == NULL)
    goto fail;
  if (suggest) {
    netan_suggest_options_t o = NETAN_SUGGEST_OPTIONS_INIT;
    o.threshold = threshold;
    if (type) o.entity_type = type;
    netan_table_t *t = netan_case_suggest_merges(c, &o, &e);
    if (t == NULL)
      goto fail;
    netan_cli_print_table(t, format, top > 0 ? top : -1);
    netan_table_free(t);
  } else if (merge) {
    int64_t a = netan_cli_find_entity(c, merge[0], &e);
    int64_t b = a < 0 ? -1 : netan_cli_find_entity(c, merge[1], &e);
    if (b < 0)
      goto fail;
    char *who = rule ? g_strdup(rule) : g_strdup_printf("analyst:%s", g_get_user_name());
    int64_t id = netan_case_merge(c, a, b, who, 1.0, &e);
    if (id < 0 || !netan_case_save(c, argv[1], &e)) {
      g_free(who);
      goto fail;
    }
    printf("merge %" G_GINT64_FORMAT ": %s (%s) into %s (%s), by %s\n", id, netan_case_entity_label(c, b),
           netan_case_entity_key(c, b), netan_case_entity_label(c, a), netan_case_entity_key(c, a), who);
    g_free(who);
  } else {
    if (!netan_case_unmerge(c, unmerge, &e) || !netan_case_save(c, argv[1], &e))
      goto fail;
    printf("merge %" G_GINT64_FORMAT " undone\n", (int64_t)unmerge);
  }
  status = NETAN_EXIT_OK;
  goto out;
fail:
  netan_cli_error("%s", e->message);
  g_clear_error(&e);
out:
  g_strfreev(merge);
  g_free(format);
  g_free(rule);
  g_free(type);
  return status;
}
