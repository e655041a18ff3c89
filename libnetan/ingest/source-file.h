/* Facts about a source file recorded with its provenance.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_SOURCE_FILE_H
#define NETAN_SOURCE_FILE_H

#include "model/case-private.h"

/* SHA-256 of the file as lowercase hex (g_free()), streamed; NULL on error. */
char *netan_i_file_sha256(const char *path, GError **error);

#endif
