/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/source-file.h"

#include <errno.h>
#include <stdio.h>

char *
netan_i_file_sha256(const char *path, GError **error)
{
  FILE *fp = fopen(path, "rb");
  if (fp == NULL) {
    int e = errno;
    g_set_error(error, NETAN_ERROR, e == ENOENT ? NETAN_ERROR_NOT_FOUND : NETAN_ERROR_IO,
                "%s: %s", path, g_strerror(e));
    return NULL;
  }
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  guchar buf[64 * 1024];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
    g_checksum_update(sum, buf, n);
  gboolean failed = ferror(fp);
  int e = errno;
  fclose(fp);
  if (failed) {
    g_checksum_free(sum);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s: read error: %s", path, g_strerror(e));
    return NULL;
  }
  char *hex = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
  return hex;
}
