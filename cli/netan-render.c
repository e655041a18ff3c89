/* netan-render: lays out and renders a DOT graph with Graphviz.
 *
 * SPDX-License-Identifier: MIT
 * Copyright (c) 2026 the netan authors
 *
 * Permission is hereby granted, free of charge, to any person obtaining a
 * copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit
 * persons to whom the Software is furnished to do so, subject to the
 * following conditions: The above copyright notice and this permission
 * notice shall be included in all copies or substantial portions of the
 * Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
 *
 * Why a separate program: libnetan is GPL (it links igraph) and Graphviz is
 * EPL-1.0, which the GPL does not admit in one program. libnetan writes the
 * chart as DOT text and pipes it here; this program links only Graphviz and
 * shares no code with libnetan.
 *
 * Usage: netan-render -T FORMAT [-K LAYOUT] [-I IMAGEPATH] < graph.dot > output
 * Page attributes of the graph (page_top, page_right, page_bottom,
 * page_size, page_margin; see cli/render-page.h) place a page around the
 * network; SVG output gets the icons of IMAGEPATH embedded.
 * Exit status: 0 rendered; 2 bad usage, unknown format or layout;
 * 3 the DOT could not be read or Graphviz failed (its messages on stderr).
 */
#include "cli/pdf-stable.h"
#include "cli/render-page.h"
#include <gvc.h>
#include <graphviz_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __SANITIZE_ADDRESS__
/* Under --enable-sanitizers: Graphviz keeps its plugins and caches until
 * exit; those are not leaks of ours, and a leak report would turn every
 * render into a failure. Memory errors are still caught. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
  return "detect_leaks=0";
}
#endif

static const char *const formats[] = { "svg", "pdf", "png", "dot", "xdot", "json", "plain", NULL };
static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage",
                                       "patchwork", NULL };

static int
in_list(const char *s, const char *const *list)
{
  for (; *list; list++)
    if (strcmp(s, *list) == 0)
      return 1;
  return 0;
}

static int
graphviz_message(char *msg)
{
  fprintf(stderr, "graphviz: %s", msg);
  return 0;
}

/* Cairo stamps PDFs with the time of rendering, so the same chart would
 * differ byte for byte between runs. Replace the stamp, in place and at the
 * same length (the cross-reference offsets stay valid), with
 * $SOURCE_DATE_EPOCH (the reproducible-builds convention) or 1970-01-01. */
static void
fix_pdf_date(char *data, size_t len)
{
  static const char key[] = "/CreationDate (D:";
  const size_t klen = sizeof key - 1, dlen = 14; /* YYYYMMDDHHMMSS, then Z */
  time_t when = 0;
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (*end == '\0' && v >= 0 && v < 253402300800LL)
      when = (time_t)v;
  }
  struct tm tm;
  char stamp[32];
  gmtime_r(&when, &tm);
  strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
  for (size_t i = 0; i + klen + dlen + 1 < len; i++) {
    if (memcmp(data + i, key, klen) == 0 && data[i + klen + dlen] == 'Z') {
      memcpy(data + i + klen, stamp, dlen);
      return;
    }
  }
}

static char *
read_all(FILE *in, size_t *len)
{
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap + 1);
  while (buf && (got = fread(buf + n, 1, cap - n, in)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, 2 * cap + 1);
      if (!bigger) {
        free(buf);
        return NULL;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  if (buf)
    buf[n] = '\0';
  *len = n;
  return buf;
}

/* SVG is streamed: rendered to a temporary file, then copied out with the
 * icons embedded; no copy of a large chart is held in memory. */
static int
render_svg(GVC_t *gvc, Agraph_t *g, const char *imagepath)
{
  FILE *tmp = tmpfile();
  int ok = tmp != NULL && gvRender(gvc, g, "svg", tmp) == 0 && fflush(tmp) == 0 &&
           netan_svg_copy_embedding_icons(tmp, stdout, imagepath) == 0 && fflush(stdout) == 0;
  if (tmp)
    fclose(tmp);
  if (!ok)
    fprintf(stderr, "netan-render: Graphviz could not render 'svg', or the output could not be written\n");
  return ok ? 0 : 3;
}

/* PDF, PNG and DOT: rendered into memory, PDFs made stable, written out. */
static int
render_in_memory(GVC_t *gvc, Agraph_t *g, const char *format)
{
  char *out = NULL;
  unsigned int out_len = 0;
  if (gvRenderData(gvc, g, format, &out, &out_len) != 0) {
    fprintf(stderr, "netan-render: Graphviz could not render '%s'\n", format);
    return 3;
  }
  char *stable = NULL;
  size_t stable_len = 0;
  if (strcmp(format, "pdf") == 0) {
    fix_pdf_date(out, out_len);
    if (netan_pdf_stabilise(out, out_len, &stable, &stable_len)) {
      gvFreeRenderData(out);
      out = stable;  /* freed with free() below */
      out_len = (unsigned int)stable_len;
    }
  }
  int status = 0;
  if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
    fprintf(stderr, "netan-render: cannot write the output\n");
    status = 3;
  }
  if (stable)
    free(stable);
  else
    gvFreeRenderData(out);
  return status;
}

int
main(int argc, char **argv)
{
  const char *format = NULL, *layout = NULL, *imagepath = NULL;
  if (argc == 2 && strcmp(argv[1], "--version") == 0) {
    printf("netan-render (Graphviz %s)\n", PACKAGE_VERSION);
    return 0;
  }
  /* Read the whole input first, whatever the arguments: the writer on the
   * other end of the pipe must never see it closed early (SIGPIPE). */
  size_t len;
  char *text = read_all(stdin, &len);
  int usage = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-T") == 0 && i + 1 < argc) format = argv[++i];
    else if (strcmp(argv[i], "-K") == 0 && i + 1 < argc) layout = argv[++i];
    else if (strcmp(argv[i], "-I") == 0 && i + 1 < argc) imagepath = argv[++i];
    else usage = 1;
  }
  if (usage) {
    fprintf(stderr, "usage: netan-render -T FORMAT [-K LAYOUT] [-I IMAGEPATH] < in.dot > out\n");
    free(text);
    return 2;
  }
  if (format == NULL || !in_list(format, formats)) {
    fprintf(stderr, "netan-render: unknown output format '%s' (svg, pdf, png, dot, xdot, json, plain)\n",
            format ? format : "");
    free(text);
    return 2;
  }
  if (layout != NULL && !in_list(layout, layouts)) {
    fprintf(stderr, "netan-render: unknown layout '%s' (dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)\n",
            layout);
    free(text);
    return 2;
  }
  if (text == NULL) {
    fprintf(stderr, "netan-render: cannot read the DOT input\n");
    return 3;
  }
  agseterrf(graphviz_message);
  GVC_t *gvc = gvContext();
  Agraph_t *g = agmemread(text);
  free(text);
  if (g == NULL) {
    fprintf(stderr, "netan-render: the input is not a DOT graph\n");
    gvFreeContext(gvc);
    return 3;
  }
  if (layout == NULL) {
    const char *own = agget(g, (char *)"layout");
    layout = (own && *own) ? own : "dot";
  }
  int status = 0;
  /* raster output of a page is for reading on screen or printing:
   * Graphviz's 96 dpi would blur a page of small labels */
  if (strcmp(format, "png") == 0 && agget(g, (char *)"page_size") && *agget(g, (char *)"page_size") &&
      !(agget(g, (char *)"dpi") && *agget(g, (char *)"dpi")))
    agattr(g, AGRAPH, (char *)"dpi", (char *)"200");
  if (netan_page_layout(gvc, g, layout, imagepath) != 0) {
    status = 3;
  } else {
    status = strcmp(format, "svg") == 0 ? render_svg(gvc, g, imagepath) : render_in_memory(gvc, g, format);
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  if (gvFreeContext(gvc) != 0 && status == 0)
    status = 3;
  return status;
}
