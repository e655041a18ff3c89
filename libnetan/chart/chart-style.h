/* How entity types, link types and colours look on a chart.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CHART_STYLE_H
#define NETAN_CHART_STYLE_H

#include <glib.h>

/* What an entity type looks like: shape and icon carry the type, so they
 * survive black-and-white printing; colour is left to the community. */
typedef struct {
  const char *icon;     /* base name of the icon (icons/NAME.png, .svg) */
  const char *shape;    /* Graphviz node shape */
  const char *style;    /* extra node style ("rounded") or "" */
  const char *shape_name; /* how the legend names the shape */
} netan_chart_type_look_t;

const netan_chart_type_look_t *netan_chart_type_look(const char *entity_type);

/* What a link type looks like: its line style. */
typedef struct {
  const char *name;     /* the style's name: solid, dashed, dotted, double, bold */
  const char *sample;   /* a few characters that draw the style in the legend */
} netan_chart_line_look_t;

const netan_chart_line_look_t *netan_chart_line_look(const char *link_type);
/* DOT attributes for a line of @look with colour @colour, appended to @out. */
void netan_chart_line_attrs(GString *out, const netan_chart_line_look_t *look, const char *colour);

/* The fill colour for class @i of a categorical key (communities, types,
 * jurisdictions), or NULL past the palette's end (then: OTHER). */
const char *netan_chart_palette(int64_t i);
#define NETAN_CHART_OTHER_FILL "#E8E8E8"
#define NETAN_CHART_LINE_COLOUR "#3C3C3C"

#endif
