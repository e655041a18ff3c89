/* The view options every analysis command takes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CLI_VIEW_OPTIONS_H
#define NETAN_CLI_VIEW_OPTIONS_H

#include <netan/netan.h>

typedef struct {
  char *type, *link_type, *from, *to, *weight, *currency;
  char **handling;
  char **sources;
  gboolean directed, unweighted, keep_isolates;
  double min_weight;
  /* filled by netan_cli_view_options() */
  int64_t *source_ids;
} netan_cli_view_t;

/* A GOptionGroup "view" with --type, --link-type, --from, --to, --source,
 * --handling, --min-weight, --weight, --currency, --directed, --unweighted. */
GOptionGroup *netan_cli_view_group(netan_cli_view_t *args);
/* Fills @o from the parsed arguments; FALSE with @error on a bad value. */
gboolean netan_cli_view_options(netan_cli_view_t *args, netan_view_options_t *o, GError **error);
void netan_cli_view_clear(netan_cli_view_t *args);
/* Opens @path (a case file, or an edge list) and builds its view. */
netan_view_t *netan_cli_open_view(const char *path, netan_cli_view_t *args, netan_case_t **kase,
                                  GError **error);
/* An entity of @c named by TYPE:KEY, key, label (unique) or #ID. */
int64_t netan_cli_find_entity(const netan_case_t *c, const char *name, GError **error);

#endif
