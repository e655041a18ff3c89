/* SPDX-License-Identifier: MIT (part of netan-render) */
#ifndef NETAN_RENDER_PAGE_H
#define NETAN_RENDER_PAGE_H

#include <gvc.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Lays out @g with @layout and, if the graph carries page attributes,
 * places the page items around the network:
 *   page_top, page_right, page_corner, page_row_left, page_row_right,
 *   page_bottom, page_base             labels (HTML-like or plain) drawn
 *                                      above, beside and under the network,
 *                                      and across the foot of the page
 *                                      (render-page.c says where each goes);
 *   page_size="W,H"                    the page in inches: the network is
 *                                      scaled to fill what the items leave,
 *                                      the items keep their printed size;
 *   page_margin="M"                    the margin in inches (default 0.4).
 * On return @g is laid out and ready for gvRender. Returns 0, or -1 with a
 * message on stderr. @imagepath: where IMG and image files are looked up.
 */
int netan_page_layout(GVC_t *gvc, Agraph_t *g, const char *layout, const char *imagepath);

/*
 * (render-svg.c) Copies Graphviz's SVG output from @in to @out with each
 * <image> of an icon in @imagepath replaced by a <use> of one <symbol>
 * holding the icon's own SVG, so that the file stands alone (a court
 * exhibit must not point into the analyst's disk) and each icon is stored
 * once. Streams line by line (Graphviz writes one element per line): two
 * passes over @in, which must be seekable. Returns 0, or -1 on an I/O error.
 */
int netan_svg_copy_embedding_icons(FILE *in, FILE *out, const char *imagepath);

#endif
