/* Placing the page around a laid-out network: banner, legend, title
 * block and footer keep their printed size while the network is scaled to
 * the page; and making SVG output self-contained.
 *
 * SPDX-License-Identifier: MIT
 * Copyright (c) 2026 the netan authors (see cli/netan-render.c for the
 * licence text; this file is part of netan-render, not of libnetan).
 */
#include "cli/render-page.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz's "neato -n" flag (libgvc exports it; no header declares it). */
extern int Nop;

#define GAP 10.0 /* points between the network and the items, on paper */

/* top: full width above everything; right: a column beside the network,
 * from its top; corner: the foot of that column (where drawings keep
 * their title block); row_left, row_right: a row under the network, at
 * its two ends; bottom: under that (full width if it does not fit beside
 * the column); base: full width under everything. */
enum { TOP, RIGHT, CORNER, ROW_LEFT, ROW_RIGHT, BOTTOM, BASE, N_SLOTS };
static const char *const slot_attr[N_SLOTS] = { "page_top", "page_right", "page_corner", "page_row_left",
                                                "page_row_right", "page_bottom", "page_base" };

typedef struct {
  char *label;      /* as given (owned copy), or NULL */
  int html;
  double w, h;      /* printed size in points */
} item_t;

static const char *
graph_attr(Agraph_t *g, const char *name)
{
  const char *v = agget(g, (char *)name);
  return v && *v ? v : NULL;
}

/* A copy of HTML-like label @s with every size in it multiplied by @k:
 * point sizes, paddings, spacings, borders, widths and heights. Graphviz
 * bounds some of them; those stop at the bound. */
static char *
scale_html(const char *s, double k)
{
  static const struct {
    const char *name;
    int integer;
    double max;
  } sizes[] = {
    { "POINT-SIZE", 0, 1e6 }, { "CELLPADDING", 1, 255 }, { "CELLSPACING", 1, 127 },
    { "CELLBORDER", 1, 127 }, { "BORDER", 1, 127 }, { "WIDTH", 1, 65535 }, { "HEIGHT", 1, 65535 },
  };
  size_t len = strlen(s), cap = len * 2 + 64, n = 0;
  char *out = malloc(cap);
  if (!out)
    return NULL;
  for (size_t i = 0; i < len;) {
    size_t which = sizeof sizes / sizeof sizes[0];
    if (i > 0 && isspace((unsigned char)s[i - 1])) {
      for (size_t j = 0; j < sizeof sizes / sizeof sizes[0]; j++) {
        size_t l = strlen(sizes[j].name);
        if (strncasecmp(s + i, sizes[j].name, l) == 0 && strncmp(s + i + l, "=\"", 2) == 0) {
          which = j;
          break;
        }
      }
    }
    if (n + 64 > cap) {
      cap *= 2;
      char *bigger = realloc(out, cap);
      if (!bigger) {
        free(out);
        return NULL;
      }
      out = bigger;
    }
    if (which == sizeof sizes / sizeof sizes[0]) {
      out[n++] = s[i++];
      continue;
    }
    size_t l = strlen(sizes[which].name) + 2;
    memcpy(out + n, s + i, l);
    n += l;
    i += l;
    char *end;
    double v = strtod(s + i, &end);
    if (end == s + i)
      continue;  /* not a number: copied as it is */
    i = (size_t)(end - s);
    v *= k;
    if (v > sizes[which].max)
      v = sizes[which].max;
    if (sizes[which].integer)
      n += (size_t)snprintf(out + n, 32, "%ld", v > 0 && v < 1 ? 1L : lround(v));
    else
      n += (size_t)snprintf(out + n, 32, "%.2f", v);
  }
  out[n] = '\0';
  return out;
}

static void
set_label(Agraph_t *g, Agnode_t *n, const char *label, int html)
{
  char *s = html ? agstrdup_html(g, (char *)label) : agstrdup(g, (char *)label);
  agsafeset(n, (char *)"label", s, (char *)"");
  agstrfree(g, s);
}

static Agnode_t *
item_node(Agraph_t *g, const char *name, double fontsize)
{
  Agnode_t *n = agnode(g, (char *)name, 1);
  char fs[32];
  snprintf(fs, sizeof fs, "%.2f", fontsize);
  agsafeset(n, (char *)"shape", (char *)"plaintext", (char *)"");
  agsafeset(n, (char *)"margin", (char *)"0", (char *)"");
  agsafeset(n, (char *)"style", (char *)"", (char *)"");
  agsafeset(n, (char *)"fontname", (char *)"DejaVu Sans", (char *)"");
  agsafeset(n, (char *)"fontsize", fs, (char *)"");
  return n;
}

/* Printed sizes of the items: laid out alone, at scale 1. */
static int
measure(GVC_t *gvc, item_t *items, const char *imagepath)
{
  Agraph_t *m = agopen((char *)"measure", Agundirected, NULL);
  if (imagepath)
    agattr(m, AGRAPH, (char *)"imagepath", (char *)imagepath);
  Agnode_t *nodes[N_SLOTS] = { 0 };
  for (int i = 0; i < N_SLOTS; i++)
    if (items[i].label) {
      nodes[i] = item_node(m, slot_attr[i], 14);
      set_label(m, nodes[i], items[i].label, items[i].html);
    }
  if (gvLayout(gvc, m, "dot") != 0) {
    agclose(m);
    return -1;
  }
  for (int i = 0; i < N_SLOTS; i++)
    if (nodes[i]) {
      items[i].w = ND_width(nodes[i]) * 72;
      items[i].h = ND_height(nodes[i]) * 72;
    }
  gvFreeLayout(gvc, m);
  agclose(m);
  return 0;
}

static void
place(Agraph_t *g, const char *name, const item_t *it, double k, double x, double y)
{
  Agnode_t *n = item_node(g, name, 14 * k);
  if (it) {
    if (it->html) {
      char *scaled = scale_html(it->label, k);
      set_label(g, n, scaled ? scaled : it->label, 1);
      free(scaled);
    } else {
      set_label(g, n, it->label, 0);
    }
  } else {  /* a page corner: invisible, it only stretches the drawing */
    agsafeset(n, (char *)"shape", (char *)"point", (char *)"");
    agsafeset(n, (char *)"style", (char *)"invis", (char *)"");
    agsafeset(n, (char *)"width", (char *)"0", (char *)"");
    agsafeset(n, (char *)"height", (char *)"0", (char *)"");
    agsafeset(n, (char *)"label", (char *)"", (char *)"");
  }
  char pos[96];
  snprintf(pos, sizeof pos, "%.2f,%.2f!", x, y);
  agsafeset(n, (char *)"pos", pos, (char *)"");
}

/* Where everything goes, in printed points from the bottom left of the
 * printable area. */
typedef struct {
  double s;                 /* network scale: printed points per layout unit */
  double d;                 /* item scale: 1 = the size the items were designed at */
  double avail_w, avail_h;  /* the printable area */
  double net_x, net_y;      /* where the centre of the network goes */
  double x[N_SLOTS], y[N_SLOTS];
} plan_t;

static void
plan_page(const item_t *it, double wn, double hn, int paged, double avail_w, double avail_h, plan_t *p)
{
  double w[N_SLOTS], h[N_SLOTS];
  double d = 1, col_w = 0, right_w = 0, column_w = 0, top_h = 0, base_h = 0, bottom_h = 0;
  double band_lo = 0, band_hi = 0, stack = 0, row_h = 0, row_w = 0;
  int in_column = 0;
  for (int pass = 0; pass < 4; pass++) {
    for (int i = 0; i < N_SLOTS; i++) {
      w[i] = it[i].label ? it[i].w * d : 0;
      h[i] = it[i].label ? it[i].h * d : 0;
    }
    top_h = h[TOP] > 0 ? h[TOP] + GAP : 0;
    base_h = h[BASE] > 0 ? h[BASE] + GAP : 0;
    bottom_h = h[BOTTOM] > 0 ? h[BOTTOM] + GAP : 0;
    col_w = fmax(w[RIGHT], w[CORNER]);
    right_w = col_w > 0 ? col_w + GAP : 0;
    stack = h[RIGHT] + h[CORNER] + (h[RIGHT] > 0 && h[CORNER] > 0 ? GAP : 0);
    row_h = fmax(h[ROW_LEFT], h[ROW_RIGHT]);
    row_h = row_h > 0 ? row_h + GAP : 0;
    row_w = w[ROW_LEFT] + w[ROW_RIGHT] + GAP;
    if (!paged) {
      column_w = fmax(fmax(wn, w[BOTTOM]), row_w);
      in_column = 1;
      avail_w = fmax(column_w + right_w, fmax(w[TOP], w[BASE]));
      column_w = avail_w - right_w;
      avail_h = top_h + fmax(hn + row_h + bottom_h, stack) + base_h;
      break;
    }
    column_w = avail_w - right_w;
    in_column = w[BOTTOM] <= column_w;
    band_lo = base_h + (in_column ? 0 : bottom_h);
    band_hi = avail_h - top_h;
    /* shrink the items until they fit and leave the network most of the page */
    double f = 1;
    if (stack > 0)
      f = fmin(f, (band_hi - band_lo) / stack);
    if (col_w > 0)
      f = fmin(f, 0.45 * avail_w / col_w);
    if (row_h > 0)
      f = fmin(f, (avail_w - right_w) / row_w);
    /* what stands above and below the network leaves it 40% of the height */
    double across = h[TOP] + h[BASE] + h[BOTTOM] + fmax(h[ROW_LEFT], h[ROW_RIGHT]);
    if (across > 0)
      f = fmin(f, 0.6 * avail_h / across);
    const int full_width[] = { TOP, BASE, BOTTOM };
    for (size_t i = 0; i < sizeof full_width / sizeof full_width[0]; i++)
      if (w[full_width[i]] > 0)
        f = fmin(f, avail_w / w[full_width[i]]);
    if (f >= 0.999)
      break;
    d *= fmax(f, 0.05);
  }
  band_lo = base_h + (in_column ? 0 : bottom_h);
  band_hi = avail_h - top_h;
  double net_lo = base_h + bottom_h + row_h;
  p->d = d;
  p->avail_w = avail_w;
  p->avail_h = avail_h;
  p->s = 1;
  if (paged) {
    double sw = wn > 0 ? column_w / wn : 1.5, sh = hn > 0 ? (band_hi - net_lo) / hn : 1.5;
    p->s = fmax(fmin(fmin(sw, sh), 1.5), 0.005);  /* a small network is not blown up past 150% */
  }
  p->net_x = column_w / 2;
  p->net_y = (band_hi + net_lo) / 2;
  p->x[TOP] = p->x[BASE] = avail_w / 2;
  p->y[TOP] = avail_h - h[TOP] / 2;
  p->y[BASE] = h[BASE] / 2;
  p->x[RIGHT] = p->x[CORNER] = avail_w - col_w / 2;
  p->y[RIGHT] = band_hi - h[RIGHT] / 2;
  p->y[CORNER] = band_lo + h[CORNER] / 2;
  p->x[ROW_LEFT] = w[ROW_LEFT] / 2;
  p->x[ROW_RIGHT] = column_w - w[ROW_RIGHT] / 2;
  p->y[ROW_LEFT] = base_h + bottom_h + h[ROW_LEFT] / 2;  /* both stand on the footer */
  p->y[ROW_RIGHT] = base_h + bottom_h + h[ROW_RIGHT] / 2;
  p->x[BOTTOM] = in_column ? column_w / 2 : avail_w / 2;
  p->y[BOTTOM] = base_h + h[BOTTOM] / 2;
}

int
netan_page_layout(GVC_t *gvc, Agraph_t *g, const char *layout, const char *imagepath)
{
  if (imagepath)
    agattr(g, AGRAPH, (char *)"imagepath", (char *)imagepath);
  item_t items[N_SLOTS] = { { 0 } };
  int any = 0;
  for (int i = 0; i < N_SLOTS; i++) {
    const char *v = graph_attr(g, slot_attr[i]);
    if (v) {
      items[i].label = strdup(v);
      items[i].html = aghtmlstr((char *)v);
      any = 1;
    }
  }
  const char *size_attr = graph_attr(g, "page_size"), *margin_attr = graph_attr(g, "page_margin");
  double page_w = 0, page_h = 0, margin = margin_attr ? atof(margin_attr) : 0.4;
  if (size_attr && (sscanf(size_attr, "%lf,%lf", &page_w, &page_h) != 2 || page_w <= 0 || page_h <= 0)) {
    fprintf(stderr, "netan-render: page_size \"%s\" is not \"WIDTH,HEIGHT\" in inches\n", size_attr);
    goto fail;
  }
  /* measured first: a layout sets Graphviz's global attribute handles to
   * the graph it lays out, so the network's layout must come last */
  if (any && measure(gvc, items, imagepath) != 0) {
    fprintf(stderr, "netan-render: Graphviz could not lay out the page items\n");
    goto fail;
  }
  if (gvLayout(gvc, g, layout) != 0) {
    fprintf(stderr, "netan-render: Graphviz could not lay out the graph with '%s'\n", layout);
    goto fail;
  }
  if (!any && !size_attr) {
    for (int i = 0; i < N_SLOTS; i++)
      free(items[i].label);
    return 0;
  }
  /* The network as laid out, in points. attach_attrs() stores the
   * positions and edge routes in the graph's attributes (as writing DOT
   * does), which the second pass (neato -n2: keep them) reads back. */
  boxf bb = GD_bb(g);
  attach_attrs(g);
  gvFreeLayout(gvc, g);

  double wn = bb.UR.x - bb.LL.x, hn = bb.UR.y - bb.LL.y;
  plan_t p;
  double avail_w = size_attr ? (page_w - 2 * margin) * 72 : 0, avail_h = size_attr ? (page_h - 2 * margin) * 72 : 0;
  plan_page(items, wn, hn, size_attr != NULL, avail_w, avail_h, &p);
  avail_w = p.avail_w;
  avail_h = p.avail_h;
  double k = 1 / p.s;  /* layout units per printed point */
  double ox = (bb.LL.x + bb.UR.x) / 2 - p.net_x * k, oy = (bb.LL.y + bb.UR.y) / 2 - p.net_y * k;
#define X(px) (ox + (px) * k)
#define Y(py) (oy + (py) * k)
  static const char *const names[N_SLOTS] = { "netan_page_top", "netan_page_right", "netan_page_corner",
                                                "netan_page_row_left", "netan_page_row_right",
                                                "netan_page_bottom", "netan_page_base" };
  for (int i = 0; i < N_SLOTS; i++)
    if (items[i].label)
      place(g, names[i], &items[i], k * p.d, X(p.x[i]), Y(p.y[i]));
  /* the corners of the page, margins included: the drawing is the page */
  double m = size_attr ? margin * 72 : 8;
  place(g, "netan_page_ll", NULL, k, X(-m), Y(-m));
  place(g, "netan_page_ur", NULL, k, X(avail_w + m), Y(avail_h + m));
#undef X
#undef Y
  char size[64];
  snprintf(size, sizeof size, "%.4f,%.4f!", (avail_w + 2 * m) / 72, (avail_h + 2 * m) / 72);
  agsafeset(g, (char *)"size", size, (char *)"");
  agsafeset(g, (char *)"pad", (char *)"0", (char *)"");
  agsafeset(g, (char *)"margin", (char *)"0", (char *)"");  /* PDF and PS would add half an inch */
  agsafeset(g, (char *)"ratio", (char *)"", (char *)"");
  /* the second pass must not move anything: no overlap removal */
  agsafeset(g, (char *)"overlap", (char *)"true", (char *)"");
  for (int i = 0; i < N_SLOTS; i++)
    free(items[i].label);
  /* What `neato -n2` does: keep every position and edge route. The flag
   * is libgvc's global that the command line sets; the library's "nop2"
   * engine does not behave the same in Graphviz 2.42 (it lays the graph
   * out again from the positions), so the flag is set as neato's main()
   * does, and put back. */
  agsafeset(g, (char *)"layout", (char *)"neato", (char *)"");  /* the graph's own layout would win */
  Nop = 2;
  int rc = gvLayout(gvc, g, "neato");
  Nop = 0;
  if (rc != 0) {
    fprintf(stderr, "netan-render: Graphviz could not place the page items\n");
    return -1;
  }
  return 0;
fail:
  for (int i = 0; i < N_SLOTS; i++)
    free(items[i].label);
  return -1;
}
