/* Making cairo's PDF output the same bytes for the same chart.
 *
 * SPDX-License-Identifier: MIT
 * Copyright (c) 2026 the netan authors (see cli/netan-render.c for the
 * licence text; this file is part of netan-render, not of libnetan).
 *
 * Cairo 1.16 writes text positions with six decimals, and the last digit
 * of a position that falls exactly on a half (pango places glyphs on a
 * 1/1024 pt grid) comes out differently from run to run (it does so for
 * Graphviz's own `dot -Tpdf` too). This file rewrites the PDF: every
 * number in the page content streams is snapped to that 1/1024 grid (at
 * most 0.0005 pt, far below what a printer shows), the streams are
 * compressed again, and the cross-reference table is rebuilt. Font files
 * are left as they are. Anything unexpected leaves the PDF untouched.
 */
#include "cli/pdf-stable.h"
#include "cli/render-buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char *
find(const char *hay, size_t len, const char *needle, size_t from)
{
  size_t n = strlen(needle);
  for (size_t i = from; i + n <= len; i++)
    if (memcmp(hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

/* Snaps every decimal number of a content stream to the 1/1024 grid. */
static int
snap_numbers(const char *in, size_t len, render_buf_t *out)
{
  size_t i = 0;
  while (i < len) {
    char c = in[i];
    int starts_number = (c == '-' || c == '.' || (c >= '0' && c <= '9')) &&
                        (i == 0 || strchr(" \n\r\t[]", in[i - 1]) != NULL);
    if (!starts_number) {
      if (!render_buf_put(out, &c, 1))
        return 0;
      i++;
      continue;
    }
    size_t j = i + 1;
    int has_dot = c == '.';
    while (j < len && ((in[j] >= '0' && in[j] <= '9') || in[j] == '.')) {
      has_dot |= in[j] == '.';
      j++;
    }
    char token[64];
    if (!has_dot || j - i >= sizeof token) {
      if (!render_buf_put(out, in + i, j - i))
        return 0;
      i = j;
      continue;
    }
    memcpy(token, in + i, j - i);
    token[j - i] = '\0';
    double v = round(strtod(token, NULL) * 1024.0) / 1024.0;
    snprintf(token, sizeof token, "%.6f", v == 0 ? 0.0 : v);
    if (!render_buf_puts(out, token))
      return 0;
    i = j;
  }
  return 1;
}

static int
inflate_all(const char *in, size_t len, render_buf_t *out)
{
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK)
    return 0;
  z.next_in = (Bytef *)in;
  z.avail_in = (uInt)len;
  char chunk[65536];
  int rc;
  do {
    z.next_out = (Bytef *)chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      return 0;
    }
    if (!render_buf_put(out, chunk, sizeof chunk - z.avail_out)) {
      inflateEnd(&z);
      return 0;
    }
  } while (rc != Z_STREAM_END);
  inflateEnd(&z);
  return 1;
}

static int
deflate_all(const char *in, size_t len, render_buf_t *out)
{
  uLongf n = compressBound((uLong)len);
  out->data = malloc(n + 1);
  if (out->data == NULL)
    return 0;
  out->cap = n + 1;
  if (compress2((Bytef *)out->data, &n, (const Bytef *)in, (uLong)len, 6) != Z_OK)
    return 0;
  out->len = n;
  return 1;
}

typedef struct {
  long num;
  size_t start, end;  /* of "N 0 obj" ... "endobj" */
} object_t;

int
netan_pdf_stabilise(const char *pdf, size_t len, char **out_data, size_t *out_len)
{
  *out_data = NULL;
  *out_len = 0;
  const char *xref = find(pdf, len, "\nxref\n", 0);
  const char *trailer = xref ? find(pdf, len, "trailer", (size_t)(xref - pdf)) : NULL;
  const char *startxref = trailer ? find(pdf, len, "startxref", (size_t)(trailer - pdf)) : NULL;
  if (!xref || !trailer || !startxref)
    return 0;

  /* the objects, in file order */
  object_t objs[512];
  int n_objs = 0;
  size_t pos = 0;
  while (n_objs < 512) {
    const char *o = find(pdf, (size_t)(xref - pdf), " 0 obj", pos);
    if (o == NULL)
      break;
    const char *line = o;
    while (line > pdf && line[-1] != '\n')
      line--;
    const char *end = find(pdf, (size_t)(xref - pdf), "endobj", (size_t)(o - pdf));
    if (end == NULL)
      return 0;
    objs[n_objs].num = strtol(line, NULL, 10);
    objs[n_objs].start = (size_t)(line - pdf);
    objs[n_objs].end = (size_t)(end - pdf) + strlen("endobj");
    pos = objs[n_objs].end;
    n_objs++;
  }
  if (n_objs == 0 || n_objs == 512)
    return 0;

  /* new bodies: content streams rewritten; their /Length objects updated */
  long new_length_obj[512];
  size_t new_length_val[512];
  int n_lengths = 0;
  render_buf_t bodies[512];
  memset(bodies, 0, sizeof bodies);
  int ok = 1;
  for (int i = 0; i < n_objs && ok; i++) {
    const char *s = pdf + objs[i].start;
    size_t slen = objs[i].end - objs[i].start;
    const char *dict_end = find(s, slen, ">>", 0);
    const char *stream = find(s, slen, "stream\n", 0);
    if (!stream || !dict_end || stream < dict_end || find(s, (size_t)(dict_end - s), "/FlateDecode", 0) == NULL ||
        find(s, (size_t)(dict_end - s), "/Length1", 0) != NULL || find(s, (size_t)(dict_end - s), "/Subtype", 0) != NULL)
      continue;  /* not a page content stream: kept as is */
    const char *len_ref = find(s, (size_t)(dict_end - s), "/Length ", 0);
    const char *data = stream + strlen("stream\n");
    const char *data_end = find(s, slen, "endstream", (size_t)(data - s));
    if (!len_ref || !data_end)
      continue;
    long ref = strtol(len_ref + strlen("/Length "), NULL, 10);
    if (strstr(len_ref, " 0 R") == NULL || ref <= 0)
      continue;
    size_t raw_len = (size_t)(data_end - data);
    while (raw_len > 0 && (data[raw_len - 1] == '\n' || data[raw_len - 1] == '\r'))
      raw_len--;
    render_buf_t plain = { 0 }, snapped = { 0 }, packed = { 0 };
    ok = inflate_all(data, raw_len, &plain) && snap_numbers(plain.data, plain.len, &snapped) &&
         deflate_all(snapped.data, snapped.len, &packed);
    if (ok) {
      ok = render_buf_put(&bodies[i], s, (size_t)(data - s)) && render_buf_put(&bodies[i], packed.data, packed.len) &&
           render_buf_puts(&bodies[i], "\nendstream\nendobj");
      new_length_obj[n_lengths] = ref;
      new_length_val[n_lengths++] = packed.len;
    }
    free(plain.data);
    free(snapped.data);
    free(packed.data);
  }
  for (int i = 0; i < n_objs && ok; i++) {
    for (int k = 0; k < n_lengths; k++) {
      if (objs[i].num == new_length_obj[k]) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%ld 0 obj\n   %zu\nendobj", objs[i].num, new_length_val[k]);
        free(bodies[i].data);
        memset(&bodies[i], 0, sizeof bodies[i]);
        ok = render_buf_puts(&bodies[i], tmp);
      }
    }
  }

  /* the file again: header, objects (new offsets), xref, trailer */
  render_buf_t out = { 0 };
  long offsets[4096];
  long max_num = 0;
  memset(offsets, 0, sizeof offsets);
  ok = ok && render_buf_put(&out, pdf, objs[0].start);
  for (int i = 0; i < n_objs && ok; i++) {
    if (objs[i].num <= 0 || objs[i].num >= 4096) {
      ok = 0;
      break;
    }
    offsets[objs[i].num] = (long)out.len;
    max_num = objs[i].num > max_num ? objs[i].num : max_num;
    ok = bodies[i].data ? render_buf_put(&out, bodies[i].data, bodies[i].len)
                        : render_buf_put(&out, pdf + objs[i].start, objs[i].end - objs[i].start);
    ok = ok && render_buf_puts(&out, "\n");
  }
  long xref_at = (long)out.len;
  char line[64];
  ok = ok && render_buf_puts(&out, "xref\n");
  snprintf(line, sizeof line, "0 %ld\n", max_num + 1);
  ok = ok && render_buf_puts(&out, line) && render_buf_puts(&out, "0000000000 65535 f \n");
  for (long k = 1; k <= max_num && ok; k++) {
    snprintf(line, sizeof line, offsets[k] ? "%010ld 00000 n \n" : "%010ld 00000 f \n", offsets[k]);
    ok = render_buf_puts(&out, line);
  }
  ok = ok && render_buf_put(&out, trailer, (size_t)(startxref - trailer));
  snprintf(line, sizeof line, "startxref\n%ld\n%%%%EOF\n", xref_at);
  ok = ok && render_buf_puts(&out, line);
  for (int i = 0; i < n_objs; i++)
    free(bodies[i].data);
  if (!ok) {
    free(out.data);
    return 0;
  }
  *out_data = out.data;
  *out_len = out.len;
  return 1;
}
