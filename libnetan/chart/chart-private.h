/* What the parts of a chart share while it is being written.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CHART_PRIVATE_H
#define NETAN_CHART_PRIVATE_H

#include "view/view-private.h"

struct netan_chart {
  char *dot;
  int64_t n_nodes, n_edges;
};

typedef struct {
  const netan_view_t *v;
  const netan_case_t *c;
  netan_chart_options_t o;
  int64_t n;                /* vertices of the view */
  gboolean *shown;          /* per vertex: drawn */
  gboolean *seed;           /* per vertex: a focus seed, drawn emphasised */
  gboolean *labelled;       /* per vertex: its label is drawn (else its icon only) */
  double *pin_x, *pin_y;    /* path charts: where each node is pinned (inches), NAN if free */
  GHashTable *steps;        /* path and connect charts: the vertex pairs the paths step along
                             * (packed, lower vertex first); only those lines are drawn */
  int64_t n_shown, n_labelled;
  double *size;             /* per vertex: the size measure, if has_size */
  gboolean *has_size;
  double max_size;
  char *size_measure;       /* the size table's "measure", or the column name */
  int64_t *community;       /* per vertex: community number, or -1 */
  char *community_method;   /* the communities table's "method", or NULL */
  int64_t *colour_class;    /* per vertex: index into class_names, or -1 (grey) */
  GPtrArray *class_names;   /* colour classes, in legend order */
  int64_t *class_count;     /* per class: nodes drawn */
  int64_t other_count;      /* nodes drawn grey */
  char *focus_text;         /* what the focus selected, for the footer */
  GHashTable *types_shown;  /* entity type (interned) -> nodes drawn */
  GHashTable *lines_shown;  /* link type (interned) -> lines drawn in its style */
  GHashTable *sources_used; /* source ids behind what is drawn */
  double max_strength;
  const char *layout;       /* the layout engine the chart asks for */
  int64_t n_nodes, n_edges;
} netan_chart_ctx_t;

/* chart-focus.c: sets shown, seed and focus_text from o.focus. */
gboolean netan_chart_i_focus(netan_chart_ctx_t *x, GError **error);
/* chart-network.c: the nodes and lines of the drawn vertices. */
void netan_chart_i_network(netan_chart_ctx_t *x, GString *out);
/* chart-collapse.c: one node per community, links aggregated. */
void netan_chart_i_collapsed(netan_chart_ctx_t *x, GString *out);
/* chart-page.c: the page around the network, as graph attributes. */
void netan_chart_i_page(netan_chart_ctx_t *x, GString *out);

/* Numbers in DOT must not depend on the locale's decimal separator. */
void netan_chart_i_num(GString *out, double x);
/* The colour of class @k (communities, types, jurisdictions) or grey. */
const char *netan_chart_i_fill(int64_t k);
/* A date as YYYY-MM-DD (UTC). */
char *netan_chart_i_date(int64_t t);

#endif
