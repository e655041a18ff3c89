/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_CHART_H
#define NETAN_CHART_H

#include <netan/netan-view.h>
#include <netan/netan-table.h>

G_BEGIN_DECLS

/*
 * Charts (DESIGN.md §7; doc/charts.md is the user guide). libnetan writes
 * the chart as DOT text: the network (shape and icon per entity type,
 * colour, size by a measure, edge width by weight and style by link type)
 * and, as graph attributes, the page around it (legend, title block,
 * classification banner, provenance footer, page size). The separate
 * program netan-render (MIT licence, links Graphviz cgraph + gvc) lays the
 * network out, places the page around it and renders, talking over a pipe.
 * netan-render is looked up in $NETAN_RENDER, beside the running program,
 * then in the installed libexec directory; the icons in $NETAN_ICON_DIR,
 * then the installed data directory.
 * Same view, tables and options => byte-identical DOT, SVG and PDF.
 */

/* What node colour says. Shape and icon always say the entity type, so a
 * chart printed in black and white loses nothing but the colour key. */
typedef enum {
  NETAN_CHART_COLOR_COMMUNITY = 0,  /* options.communities; entities outside it are grey */
  NETAN_CHART_COLOR_TYPE = 1,
  NETAN_CHART_COLOR_JURISDICTION = 2, /* of the first source that reported the entity */
  NETAN_CHART_COLOR_NONE = 3
} netan_chart_color_t;

/* Which part of the view is drawn. */
typedef enum {
  NETAN_CHART_FOCUS_ALL = 0,
  NETAN_CHART_FOCUS_EGO = 1,        /* seeds[0] and everything within options.hops */
  NETAN_CHART_FOCUS_COMMUNITY = 2,  /* the members of options.community in options.communities */
  NETAN_CHART_FOCUS_CONNECT = 3,    /* the connecting network of the seeds (netan_paths_connect) */
  NETAN_CHART_FOCUS_PATH = 4,       /* the shortest path from seeds[0] to seeds[1] */
  NETAN_CHART_FOCUS_COLLAPSE = 5    /* one node per community of options.communities */
} netan_chart_focus_t;

/* Edge labels (bits of options.edge_labels). */
enum {
  NETAN_CHART_EDGE_LABEL_COUNT = 1 << 0,   /* number of links and events behind the line */
  NETAN_CHART_EDGE_LABEL_DATES = 1 << 1,   /* first and last event date */
  NETAN_CHART_EDGE_LABEL_AMOUNT = 1 << 2   /* total amount per currency */
};

#define NETAN_CHART_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;           /* NETAN_CHART_OPTIONS_VERSION */
  /* title block, banner and page */
  const char *title;              /* NULL = "Link chart" */
  const char *case_ref;           /* case reference; NULL = none */
  const char *author;             /* author or unit; NULL = none */
  const char *date;               /* NULL = today (UTC), or $SOURCE_DATE_EPOCH's day if set */
  const char *banner;             /* classification, printed top and bottom; NULL = none */
  const char *page;               /* "A4", "A3", or NULL = the size the layout needs */
  gboolean landscape;
  gboolean decorations;           /* legend, title block and footer; default TRUE */
  const char *layout;             /* dot, neato, fdp, sfdp, circo, twopi; NULL = by size (doc/charts.md) */
  /* nodes and edges */
  const netan_table_t *size_by;   /* a table with an "entity" column (e.g. a centrality), or NULL */
  const char *size_column;        /* default "value" */
  netan_chart_color_t color_by;   /* default NETAN_CHART_COLOR_COMMUNITY */
  const netan_table_t *communities; /* netan_communities() table, or NULL */
  const char *community_column;   /* default "community" */
  gboolean show_keys;             /* add the key under the label when they differ */
  int wrap;                       /* wrap labels at this many characters; default 20; 0 = never */
  int64_t max_labels;             /* label only this many nodes, the largest by size_by (else degree)
                                   * first; the others show their icon, their key as a tooltip.
                                   * -1 (default): all up to 500 nodes, 150 above; 0: all */
  unsigned int edge_labels;       /* NETAN_CHART_EDGE_LABEL_* bits; default 0 */
  /* focus */
  netan_chart_focus_t focus;
  const int64_t *seeds;           /* entity ids: EGO 1, PATH 2, CONNECT 2 or more */
  size_t n_seeds;
  int64_t hops;                   /* EGO; default 1 */
  int64_t community;              /* COMMUNITY */
  const char *command;            /* how the chart was asked for, for the footer; NULL = none */
} netan_chart_options_t;
#define NETAN_CHART_OPTIONS_INIT { NETAN_CHART_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, \
                                   TRUE, NULL, NULL, "value", NETAN_CHART_COLOR_COMMUNITY, NULL, \
                                   "community", FALSE, 20, -1, 0, NETAN_CHART_FOCUS_ALL, NULL, 0, 1, 0, NULL }
NETAN_API void netan_chart_options_init(netan_chart_options_t *opts);

/** A chart: the DOT of a view under options, ready to render. */
typedef struct netan_chart netan_chart_t;

/**
 * Builds the chart of @v. @opts may be NULL. The tables in @opts are read
 * now and not kept. Errors: INVALID_ARGUMENT (bad options, a table without
 * the columns it needs, a focus without its seeds or communities),
 * NOT_FOUND (a seed not in the view, an empty community), STALE.
 */
NETAN_API netan_chart_t *netan_chart_new(const netan_view_t *v, const netan_chart_options_t *opts,
                                         GError **error);
NETAN_API void netan_chart_free(netan_chart_t *chart);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_chart_t, netan_chart_free)
/** The DOT text netan-render reads (owned by @chart). */
NETAN_API const char *netan_chart_get_dot(const netan_chart_t *chart);
/** Number of nodes and lines drawn (a collapsed chart: communities and their links). */
NETAN_API int64_t netan_chart_n_nodes(const netan_chart_t *chart);
NETAN_API int64_t netan_chart_n_edges(const netan_chart_t *chart);
/**
 * Renders @chart to memory. @format: "svg", "pdf", "png" or "dot" (the DOT
 * netan built, before layout). Errors as netan_chart_render_dot().
 */
NETAN_API GBytes *netan_chart_render_bytes(const netan_chart_t *chart, const char *format,
                                           GError **error);
/**
 * Renders @chart to @path. @format NULL takes it from the file name's
 * extension (.svg, .pdf, .png, .dot). Nothing is left at @path on failure.
 */
NETAN_API gboolean netan_chart_render_file(const netan_chart_t *chart, const char *path,
                                           const char *format, GError **error);

/** Shorthand: the DOT of the chart of @v (g_free()). */
NETAN_API char *netan_chart_dot(const netan_view_t *v, const netan_chart_options_t *opts,
                                GError **error);
/** Shorthand: builds the chart of @v and renders it to @path (see netan_chart_render_file()). */
NETAN_API gboolean netan_chart_render(const netan_view_t *v, const netan_chart_options_t *opts,
                                      const char *path, const char *format, GError **error);

/**
 * Lays out and renders DOT text with netan-render. @format: "svg", "pdf",
 * "png" or "dot" (the laid-out DOT); @layout: NULL keeps the graph's own
 * "layout" attribute or dot. Returns the rendered bytes, or NULL with
 * NETAN_ERROR_NOT_FOUND (no netan-render), NETAN_ERROR_INVALID_ARGUMENT
 * (unknown format or layout) or NETAN_ERROR_BACKEND (Graphviz's message).
 */
NETAN_API GBytes *netan_chart_render_dot(const char *dot, const char *layout,
                                         const char *format, GError **error);

G_END_DECLS

#endif
