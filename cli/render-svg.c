/* Making netan-render's SVG output stand alone: the icons it points to
 * are embedded once each.
 *
 * SPDX-License-Identifier: MIT
 * Copyright (c) 2026 the netan authors (see cli/netan-render.c for the
 * licence text; this file is part of netan-render, not of libnetan).
 */
#include "cli/render-page.h"
#include "cli/render-buf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
read_file(const char *file, size_t *len)
{
  FILE *f = fopen(file, "rb");
  if (!f)
    return NULL;
  render_buf_t b = { 0 };
  char chunk[8192];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (!render_buf_put(&b, chunk, got))
      break;
  fclose(f);
  *len = b.len;
  return b.data;
}

/* The value of attribute @name in the tag [tag, end), or NULL (malloc'd). */
static char *
attr_value(const char *tag, const char *end, const char *name)
{
  size_t l = strlen(name);
  for (const char *p = tag; p + l + 2 < end; p++) {
    if ((p == tag || isspace((unsigned char)p[-1])) && strncmp(p, name, l) == 0 && p[l] == '=' && p[l + 1] == '"') {
      const char *v = p + l + 2, *q = memchr(v, '"', (size_t)(end - v));
      if (!q)
        return NULL;
      return strndup(v, (size_t)(q - v));
    }
  }
  return NULL;
}

/* The symbol for icon file @svg_path: its <svg> element's contents under
 * its viewBox. */
static int
add_symbol(render_buf_t *defs, const char *id, const char *svg_path)
{
  size_t len;
  char *icon = read_file(svg_path, &len);
  if (!icon)
    return -1;
  char *root = strstr(icon, "<svg"), *open_end = root ? strchr(root, '>') : NULL;
  char *close = open_end ? strstr(open_end, "</svg>") : NULL;
  if (!close) {
    free(icon);
    return -1;
  }
  char *viewbox = attr_value(root, open_end, "viewBox");
  char head[512];
  int n = snprintf(head, sizeof head, "<symbol id=\"%s\" viewBox=\"%s\">", id, viewbox ? viewbox : "0 0 48 48");
  free(viewbox);
  int ok = render_buf_put(defs, head, (size_t)n) &&
           render_buf_put(defs, open_end + 1, (size_t)(close - open_end - 1)) &&
           render_buf_puts(defs, "</symbol>\n");
  free(icon);
  return ok ? 0 : -1;
}

/* The icon an <image> line points to, if it is one of @imagepath's: its
 * base name without extension (in @name), else 0. */
static int
icon_name(const char *line, size_t len, const char *imagepath, char *name, size_t size)
{
  const char *img = strstr(line, "<image ");
  if (!img)
    return 0;
  char *href = attr_value(img, line + len, "xlink:href");
  size_t dir_len = strlen(imagepath);
  const char *base = href && strncmp(href, imagepath, dir_len) == 0 && href[dir_len] == '/' ? href + dir_len + 1
                     : href && !strchr(href, '/') ? href : NULL;
  const char *dot = base ? strrchr(base, '.') : NULL;
  int ok = dot && (size_t)(dot - base) + 1 < size && !memchr(base, '"', (size_t)(dot - base));
  if (ok)
    snprintf(name, size, "%.*s", (int)(dot - base), base);
  free(href);
  return ok;
}

#define MAX_ICONS 64

int
netan_svg_copy_embedding_icons(FILE *in, FILE *out, const char *imagepath)
{
  char *names[MAX_ICONS];
  int n_names = 0, status = 0;
  render_buf_t defs = { 0 };
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  char name[128], id[160], file[4096];
  /* first pass: the icons used, each made a <symbol> once */
  rewind(in);
  while (imagepath && (len = getline(&line, &cap, in)) > 0) {
    if (!icon_name(line, (size_t)len, imagepath, name, sizeof name))
      continue;
    int known = 0;
    for (int i = 0; i < n_names; i++)
      known |= strcmp(names[i], name) == 0;
    snprintf(id, sizeof id, "netan-icon-%s", name);
    snprintf(file, sizeof file, "%s/%s.svg", imagepath, name);
    if (!known && n_names < MAX_ICONS && add_symbol(&defs, id, file) == 0)
      names[n_names++] = strdup(name);
  }
  rewind(in);
  /* second pass: the SVG, with <defs> after the root tag and each icon's
   * <image> a <use> of its symbol */
  int in_root = 0, defs_written = defs.len == 0;
  while ((len = getline(&line, &cap, in)) > 0) {
    int used = 0;
    if (n_names > 0 && icon_name(line, (size_t)len, imagepath, name, sizeof name)) {
      int known = 0;
      for (int i = 0; i < n_names; i++)
        known |= strcmp(names[i], name) == 0;
      const char *img = strstr(line, "<image "), *end = line + len;
      char *x = attr_value(img, end, "x"), *y = attr_value(img, end, "y");
      char *w = attr_value(img, end, "width"), *h = attr_value(img, end, "height");
      if (known && x && y && w && h) {
        fprintf(out, "%.*s<use xlink:href=\"#netan-icon-%s\" x=\"%s\" y=\"%s\" width=\"%.*s\" height=\"%.*s\"/>\n",
                (int)(img - line), line, name, x, y, (int)strcspn(w, "p"), w, (int)strcspn(h, "p"), h);
        used = 1;
      }
      free(x), free(y), free(w), free(h);
    }
    if (!used)
      fwrite(line, 1, (size_t)len, out);
    if (!defs_written) {
      if (strncmp(line, "<svg", 4) == 0)
        in_root = 1;
      if (in_root && memchr(line, '>', (size_t)len)) {
        fprintf(out, "<defs>\n%s</defs>\n", defs.data);
        defs_written = 1;
      }
    }
  }
  if (ferror(in) || ferror(out))
    status = -1;
  free(line);
  free(defs.data);
  for (int i = 0; i < n_names; i++)
    free(names[i]);
  return status;
}
