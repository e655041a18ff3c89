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

char *
netan_svg_embed_icons(const char *svg, size_t len, const char *imagepath, size_t *out_len)
{
  if (!imagepath)
    return NULL;
  render_buf_t body = { 0 }, defs = { 0 };
  char *ids[64];
  int n_ids = 0, ok = 1;
  size_t dir_len = strlen(imagepath);
  const char *p = svg, *end = svg + len;
  while (ok) {
    const char *img = strstr(p, "<image ");
    const char *tag_end = img ? strstr(img, "/>") : NULL;
    if (!tag_end) {
      ok = render_buf_put(&body, p, (size_t)(end - p));
      break;
    }
    ok = render_buf_put(&body, p, (size_t)(img - p));
    char *href = attr_value(img, tag_end, "xlink:href");
    const char *base = href && strncmp(href, imagepath, dir_len) == 0 && href[dir_len] == '/' ? href + dir_len + 1
                       : href && !strchr(href, '/') ? href : NULL;
    const char *dotp = base ? strrchr(base, '.') : NULL;
    int embedded = 0;
    if (ok && dotp && (size_t)(dotp - base) < 100) {
      char name[128], id[160], icon_file[4096];
      snprintf(name, sizeof name, "%.*s", (int)(dotp - base), base);
      snprintf(id, sizeof id, "netan-icon-%s", name);
      snprintf(icon_file, sizeof icon_file, "%s/%s.svg", imagepath, name);
      int known = 0;
      for (int i = 0; i < n_ids; i++)
        known |= strcmp(ids[i], id) == 0;
      if (!known && n_ids < 64 && add_symbol(&defs, id, icon_file) == 0)
        ids[n_ids++] = strdup(id), known = 1;
      if (known) {
        char *x = attr_value(img, tag_end, "x"), *y = attr_value(img, tag_end, "y");
        char *w = attr_value(img, tag_end, "width"), *h = attr_value(img, tag_end, "height");
        if (x && y && w && h) {
          char use[512];
          int n = snprintf(use, sizeof use, "<use xlink:href=\"#%s\" x=\"%s\" y=\"%s\" width=\"%.*s\" height=\"%.*s\"/>",
                           id, x, y, (int)strcspn(w, "p"), w, (int)strcspn(h, "p"), h);
          ok = render_buf_put(&body, use, (size_t)n);
          embedded = 1;
        }
        free(x), free(y), free(w), free(h);
      }
    }
    if (!embedded && ok)
      ok = render_buf_put(&body, img, (size_t)(tag_end + 2 - img));
    free(href);
    p = tag_end + 2;
  }
  for (int i = 0; i < n_ids; i++)
    free(ids[i]);
  char *result = NULL;
  const char *svg_open = ok && body.data ? strstr(body.data, "<svg") : NULL;
  const char *svg_open_end = svg_open ? strchr(svg_open, '>') : NULL;
  if (svg_open_end && defs.len > 0) {
    render_buf_t out = { 0 };
    size_t head = (size_t)(svg_open_end + 1 - body.data);
    if (render_buf_put(&out, body.data, head) && render_buf_puts(&out, "\n<defs>\n") &&
        render_buf_put(&out, defs.data, defs.len) && render_buf_puts(&out, "</defs>") &&
        render_buf_put(&out, body.data + head, body.len - head)) {
      result = out.data;
      *out_len = out.len;
    } else {
      free(out.data);
    }
  } else if (ok && body.data && n_ids == 0) {
    result = NULL;  /* nothing to embed */
  }
  free(body.data);
  free(defs.data);
  return result;
}
