/* netan chart: a court-ready link chart of a case, or of a focus in it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "cli/view-options.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  char **outputs, **connect;
  char *layout, *size_by, *color_by, *method, *focus, *path, *title, *case_ref, *author, *date,
       *banner, *page, *edge_labels;
  gint64 seed, hops, community, max_labels;
  gboolean collapse, landscape, show_keys, no_legend, has_community;
  int wrap;
} chart_args_t;

static gboolean
parse_community(const char *name, const char *value, gpointer data, GError **error)
{
  chart_args_t *a = data;
  (void)name;
  char *end = NULL;
  a->community = g_ascii_strtoll(value, &end, 10);
  if (end == value || *end || a->community < 0) {
    g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                "--community needs a community number (0 is the largest), not \"%s\"", value);
    return FALSE;
  }
  a->has_community = TRUE;
  return TRUE;
}

/* One entity per name; a value that is not one entity is split at commas. */
static gboolean
find_entities(const netan_case_t *c, char **values, GArray *ids, GError **error)
{
  for (char **v = values; v && *v; v++) {
    GError *whole = NULL;
    int64_t id = netan_cli_find_entity(c, *v, &whole);
    if (id >= 0 || !strchr(*v, ',')) {
      if (id < 0) {
        g_propagate_error(error, whole);
        return FALSE;
      }
      g_array_append_val(ids, id);
      continue;
    }
    g_clear_error(&whole);
    g_auto(GStrv) parts = g_strsplit(*v, ",", -1);
    for (char **p = parts; *p; p++) {
      g_strstrip(*p);
      if ((id = netan_cli_find_entity(c, *p, error)) < 0)
        return FALSE;
      g_array_append_val(ids, id);
    }
  }
  return TRUE;
}

static gboolean
parse_edge_labels(const char *text, unsigned *out, GError **error)
{
  *out = 0;
  if (text == NULL)
    return TRUE;
  g_auto(GStrv) parts = g_strsplit(text, ",", -1);
  for (char **p = parts; *p; p++) {
    if (strcmp(*p, "count") == 0) *out |= NETAN_CHART_EDGE_LABEL_COUNT;
    else if (strcmp(*p, "dates") == 0) *out |= NETAN_CHART_EDGE_LABEL_DATES;
    else if (strcmp(*p, "amount") == 0) *out |= NETAN_CHART_EDGE_LABEL_AMOUNT;
    else if (strcmp(*p, "none") != 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "--edge-labels: \"%s\" is not count, dates, amount or none", *p);
      return FALSE;
    }
  }
  return TRUE;
}

/* The command as typed, for the footer, without the output files: the
 * same chart written under two names is the same chart. */
static char *
command_line(int argc, char **argv)
{
  GString *s = g_string_new("netan");
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
      i++;
      continue;
    }
    if (g_str_has_prefix(argv[i], "--output=") || (g_str_has_prefix(argv[i], "-o") && argv[i][2]))
      continue;
    g_autofree char *q = g_shell_quote(argv[i]);
    g_string_append_printf(s, " %s", strpbrk(argv[i], " \t\n'\"\\$`*?[]{}()<>|&;#~") ? q : argv[i]);
  }
  return g_string_free(s, FALSE);
}

static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
static const char *const colour_keys[] = { "communities", "community", "type", "jurisdiction", "none", NULL };

/* Values the command line got wrong are usage errors (exit 2), found
 * before any file is read. */
static gboolean
check_values(const chart_args_t *a)
{
  GError *e = NULL;
  unsigned bits;
  if (a->page && g_ascii_strcasecmp(a->page, "A4") != 0 && g_ascii_strcasecmp(a->page, "A3") != 0)
    netan_cli_error("chart: --page must be A4 or A3, not \"%s\"", a->page);
  else if (a->layout && !g_strv_contains(layouts, a->layout))
    netan_cli_error("chart: --layout must be dot, neato, fdp, sfdp, circo or twopi, not \"%s\"", a->layout);
  else if (a->color_by && !g_strv_contains(colour_keys, a->color_by))
    netan_cli_error("chart: --color-by must be communities, type, jurisdiction or none, not \"%s\"", a->color_by);
  else if (!parse_edge_labels(a->edge_labels, &bits, &e)) {
    netan_cli_error("chart: %s", e->message);
    g_error_free(e);
  } else if (a->path && !strchr(a->path, ','))
    netan_cli_error("chart: --path needs two entities, FROM,TO");
  else if (a->hops < 0)
    netan_cli_error("chart: --hops must be 0 or more");
  else if (a->wrap < 0)
    netan_cli_error("chart: --wrap must be 0 or more");
  else
    return TRUE;
  return FALSE;
}

static int
focus_count(const chart_args_t *a)
{
  return (a->focus != NULL) + (a->has_community) + (a->connect != NULL) + (a->path != NULL) + a->collapse;
}

static int
draw(chart_args_t *a, netan_cli_view_t *view_args, const char *source, const char *command)
{
  GError *e = NULL;
  netan_case_t *kase = NULL;
  netan_table_t *size = NULL, *partition = NULL;
  netan_chart_t *chart = NULL;
  g_autoptr(GArray) seeds = g_array_new(FALSE, FALSE, sizeof(int64_t));
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  netan_view_t *view = netan_cli_open_view(source, view_args, &kase, &e);
  if (view == NULL)
    goto fail;
  if (!parse_edge_labels(a->edge_labels, &o.edge_labels, &e))
    goto fail;
  if (a->color_by == NULL || strcmp(a->color_by, "communities") == 0 || strcmp(a->color_by, "community") == 0)
    o.color_by = NETAN_CHART_COLOR_COMMUNITY;
  else if (strcmp(a->color_by, "type") == 0)
    o.color_by = NETAN_CHART_COLOR_TYPE;
  else if (strcmp(a->color_by, "jurisdiction") == 0)
    o.color_by = NETAN_CHART_COLOR_JURISDICTION;
  else if (strcmp(a->color_by, "none") == 0)
    o.color_by = NETAN_CHART_COLOR_NONE;
  else {
    g_set_error(&e, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "--color-by: \"%s\" is not communities, type, jurisdiction or none", a->color_by);
    goto fail;
  }
  if (a->focus) {
    char *one[] = { a->focus, NULL };
    o.focus = NETAN_CHART_FOCUS_EGO;
    if (!find_entities(kase, one, seeds, &e))
      goto fail;
  } else if (a->connect) {
    o.focus = NETAN_CHART_FOCUS_CONNECT;
    if (!find_entities(kase, a->connect, seeds, &e))
      goto fail;
  } else if (a->path) {
    char *one[] = { a->path, NULL };
    o.focus = NETAN_CHART_FOCUS_PATH;
    if (!find_entities(kase, one, seeds, &e))
      goto fail;
  } else if (a->has_community) {
    o.focus = NETAN_CHART_FOCUS_COMMUNITY;
    o.community = a->community;
  } else if (a->collapse) {
    o.focus = NETAN_CHART_FOCUS_COLLAPSE;
  }
  o.seeds = (const int64_t *)(void *)seeds->data;
  o.n_seeds = seeds->len;
  o.hops = a->hops;
  if (o.color_by == NETAN_CHART_COLOR_COMMUNITY || o.focus == NETAN_CHART_FOCUS_COMMUNITY ||
      o.focus == NETAN_CHART_FOCUS_COLLAPSE) {
    netan_communities_options_t co = NETAN_COMMUNITIES_OPTIONS_INIT;
    co.seed = (uint64_t)a->seed;
    if ((partition = netan_communities(view, a->method ? a->method : "louvain", &co, &e)) == NULL)
      goto fail;
    o.communities = partition;
  }
  if (a->size_by == NULL || strcmp(a->size_by, "none") != 0) {
    if ((size = netan_centrality(view, a->size_by ? a->size_by : "betweenness", NULL, &e)) == NULL)
      goto fail;
    o.size_by = size;
  }
  o.title = a->title;
  o.case_ref = a->case_ref;
  o.author = a->author;
  o.date = a->date;
  o.banner = a->banner;
  o.page = a->page;
  o.landscape = a->landscape;
  o.layout = a->layout;
  o.show_keys = a->show_keys;
  o.decorations = !a->no_legend;
  o.wrap = a->wrap;
  o.max_labels = a->max_labels;
  o.command = command;
  if ((chart = netan_chart_new(view, &o, &e)) == NULL)
    goto fail;
  for (char **out = a->outputs; *out; out++) {
    if (!netan_chart_render_file(chart, *out, NULL, &e))
      goto fail;
    fprintf(stderr, "chart written to %s (%" G_GINT64_FORMAT " nodes, %" G_GINT64_FORMAT " lines)\n", *out,
            netan_chart_n_nodes(chart), netan_chart_n_edges(chart));
  }
  netan_chart_free(chart);
  netan_table_free(size);
  netan_table_free(partition);
  netan_view_free(view);
  netan_case_free(kase);
  return NETAN_EXIT_OK;
fail:
  netan_cli_error("%s", e->message);
  g_error_free(e);
  netan_chart_free(chart);
  netan_table_free(size);
  netan_table_free(partition);
  netan_view_free(view);
  netan_case_free(kase);
  return NETAN_EXIT_FAILURE;
}

int
netan_cmd_chart(int argc, char **argv)
{
  chart_args_t a = { .seed = 42, .hops = 1, .wrap = 20, .max_labels = -1 };
  g_autofree char *command = command_line(argc, argv);
  netan_cli_view_t view_args = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.outputs, "Write the chart to FILE: .svg, .pdf, .png or .dot (repeat for several)", "FILE" },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &a.layout, "dot, neato, fdp, sfdp, circo, twopi (default: by size)", "L" },
    { "size-by", 0, 0, G_OPTION_ARG_STRING, &a.size_by, "Node size by this centrality measure (default betweenness; none)", "M" },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &a.color_by, "communities (default), type, jurisdiction or none", "C" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &a.method, "Community method (default louvain; see netan communities)", "M" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &a.seed, "Community seed (default 42)", "S" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &a.focus, "Ego chart of ENTITY (TYPE:KEY, key, label or #ID)", "ENTITY" },
    { "hops", 'k', 0, G_OPTION_ARG_INT64, &a.hops, "With --focus: steps from the entity (default 1)", "K" },
    { "community", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer)parse_community, "Chart of community N only", "N" },
    { "connect", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.connect, "Connecting network of E1,E2,... (or repeat)", "E1,E2,..." },
    { "path", 0, 0, G_OPTION_ARG_STRING, &a.path, "Shortest path from A to B", "A,B" },
    { "collapse", 0, 0, G_OPTION_ARG_NONE, &a.collapse, "One node per community, links aggregated", NULL },
    { "title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Title (default \"Link chart\")", "T" },
    { "case-ref", 0, 0, G_OPTION_ARG_STRING, &a.case_ref, "Case reference for the title block", "R" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &a.author, "Author or unit for the title block", "A" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a.date, "Date for the title block (default today, or $SOURCE_DATE_EPOCH)", "D" },
    { "banner", 0, 0, G_OPTION_ARG_STRING, &a.banner, "Classification banner, top and bottom", "TEXT" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &a.page, "A4 or A3 (default: the size the chart needs)", "P" },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &a.landscape, "Landscape page", NULL },
    { "show-keys", 0, 0, G_OPTION_ARG_NONE, &a.show_keys, "Print each entity's key under its label", NULL },
    { "edge-labels", 0, 0, G_OPTION_ARG_STRING, &a.edge_labels, "Label lines with count, dates, amount (comma-separated)", "L" },
    { "wrap", 0, 0, G_OPTION_ARG_INT, &a.wrap, "Wrap labels at N characters (default 20; 0 never)", "N" },
    { "max-labels", 0, 0, G_OPTION_ARG_INT64, &a.max_labels, "Label only the N most prominent nodes (default: all up to 500 nodes, else 150; 0 all)", "N" },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &a.no_legend, "The network alone: no legend, title block or footer", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan | EDGES.csv");
  g_option_context_set_summary(ctx,
      "Draws a link chart: shape and icon per entity type, colour by community,\n"
      "size by a centrality, line style by link type, with legend, title block,\n"
      "classification banner and a footer naming the sources (doc/charts.md).\n"
      "Large networks: chart one part with --focus, --community, --connect,\n"
      "--path, or --collapse the communities.");
  g_option_context_set_description(ctx,
      "Examples:\n"
      "  netan chart case.netan -o chart.pdf --page A3 --landscape --title \"Operation X\"\n"
      "  netan chart case.netan -o ego.svg --focus phone:+355692123456 --hops 2\n"
      "  netan chart case.netan -o groups.svg --collapse\n\n"
      "Exit status: 0 success, 1 failure, 2 usage error.");
  /* the main group carries the arguments: --community's callback fills them */
  GOptionGroup *main_group = g_option_group_new(NULL, NULL, NULL, &a, NULL);
  g_option_group_add_entries(main_group, entries);
  g_option_context_set_main_group(ctx, main_group);
  g_option_context_add_group(ctx, netan_cli_view_group(&view_args));
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("chart: %s", e->message);
    g_clear_error(&e);
    goto out;
  }
  if (argc != 2) {
    netan_cli_error("chart: give one case file or edge list (see netan chart --help)");
    goto out;
  }
  if (a.outputs == NULL) {
    netan_cli_error("chart: say where to write the chart with -o FILE.svg|pdf|png|dot");
    goto out;
  }
  if (!check_values(&a))
    goto out;
  if (focus_count(&a) > 1) {
    netan_cli_error("chart: choose one of --focus, --community, --connect, --path, --collapse");
    goto out;
  }
  status = draw(&a, &view_args, argv[1], command);
out:
  netan_cli_view_clear(&view_args);
  g_strfreev(a.outputs);
  g_strfreev(a.connect);
  g_free(a.layout), g_free(a.size_by), g_free(a.color_by), g_free(a.method), g_free(a.focus), g_free(a.path);
  g_free(a.title), g_free(a.case_ref), g_free(a.author), g_free(a.date), g_free(a.banner), g_free(a.page);
  g_free(a.edge_labels);
  return status;
}
