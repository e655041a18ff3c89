/* A growing byte buffer for netan-render.
 *
 * SPDX-License-Identifier: MIT
 * Copyright (c) 2026 the netan authors (see cli/netan-render.c for the
 * licence text; this file is part of netan-render, not of libnetan).
 */
#include "cli/render-buf.h"

#include <stdlib.h>
#include <string.h>

int
render_buf_put(render_buf_t *b, const void *p, size_t n)
{
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *d = realloc(b->data, cap);
    if (d == NULL)
      return 0;
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 1;
}

int
render_buf_puts(render_buf_t *b, const char *s)
{
  return render_buf_put(b, s, strlen(s));
}
