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
 * Charts (DESIGN.md §7). libnetan writes the chart as DOT text; the
 * separate program netan-render (MIT licence, links Graphviz cgraph + gvc)
 * lays it out and renders it, talking over a pipe. netan-render is looked
 * up in $NETAN_RENDER, then in the installed libexec directory.
 * Same view and options => byte-identical DOT and SVG.
 */

#define NETAN_CHART_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  const char *title;              /* NULL = no title */
  const char *layout;             /* dot, neato, fdp, sfdp, circo, twopi; NULL = neato up to 1000 vertices, sfdp above */
  const netan_table_t *size_by;   /* a table with an "entity" column, or NULL */
  const char *size_column;        /* default "value" */
  const netan_table_t *color_by;  /* e.g. a community table, or NULL */
  const char *color_column;       /* default "community" */
  gboolean show_keys;             /* add the key under the label when they differ */
} netan_chart_options_t;
#define NETAN_CHART_OPTIONS_INIT { NETAN_CHART_OPTIONS_VERSION, NULL, NULL, NULL, "value", NULL, "community", FALSE }
NETAN_API void netan_chart_options_init(netan_chart_options_t *opts);

/** The chart of @v as DOT text (g_free()). Labels are escaped: no label can inject DOT or markup. */
NETAN_API char *netan_chart_dot(const netan_view_t *v, const netan_chart_options_t *opts,
                                GError **error);

/**
 * Lays out and renders DOT text with netan-render. @format: "svg", "pdf",
 * "png" or "dot" (the laid-out DOT); @layout: NULL keeps the graph's own
 * "layout" attribute or dot. Returns the rendered bytes, or NULL with
 * NETAN_ERROR_NOT_FOUND (no netan-render), NETAN_ERROR_INVALID_ARGUMENT
 * (unknown format or layout) or NETAN_ERROR_BACKEND (Graphviz's message).
 */
NETAN_API GBytes *netan_chart_render_dot(const char *dot, const char *layout,
                                         const char *format, GError **error);

/**
 * Builds the chart of @v and renders it to @path. @format NULL takes it
 * from the file name's extension (.svg, .pdf, .png, .dot; .dot writes the
 * DOT netan built, before layout). Nothing is left at @path on failure.
 */
NETAN_API gboolean netan_chart_render(const netan_view_t *v, const netan_chart_options_t *opts,
                                      const char *path, const char *format, GError **error);

G_END_DECLS

#endif
