/* SPDX-License-Identifier: MIT (part of netan-render) */
#ifndef NETAN_RENDER_BUF_H
#define NETAN_RENDER_BUF_H

#include <stddef.h>

/* A growing byte buffer, always NUL-terminated. Free data with free(). */
typedef struct {
  char *data;
  size_t len, cap;
} render_buf_t;

/* Appends @n bytes; 1 on success, 0 when out of memory. */
int render_buf_put(render_buf_t *b, const void *p, size_t n);
/* Appends a string; 1 on success, 0 when out of memory. */
int render_buf_puts(render_buf_t *b, const char *s);

#endif
