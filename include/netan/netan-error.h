/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_ERROR_H
#define NETAN_ERROR_H

#include <netan/netan-common.h>

G_BEGIN_DECLS

/** The GError domain of every error libnetan reports. */
#define NETAN_ERROR (netan_error_quark())

/**
 * netan_error_code_t:
 * The codes of the NETAN_ERROR domain. Bindings map them to exceptions;
 * new codes are only ever appended.
 */
typedef enum {
  NETAN_ERROR_FAILED = 0,       /* none of the below */
  NETAN_ERROR_INVALID_ARGUMENT, /* a parameter is out of range or inconsistent */
  NETAN_ERROR_NOT_FOUND,        /* an entity, file or program does not exist */
  NETAN_ERROR_PARSE,            /* input is malformed; message has file:line:column */
  NETAN_ERROR_IO,               /* reading or writing a file or pipe failed */
  NETAN_ERROR_BACKEND,          /* igraph or Graphviz reported an error; message is theirs */
  NETAN_ERROR_CANCELLED,        /* a progress callback asked to stop */
  NETAN_ERROR_STALE             /* a view is used after its case changed */
} netan_error_code_t;

NETAN_API GQuark netan_error_quark(void);

/** The library's version, e.g. "0.1.0". Never NULL; owned by the library. */
NETAN_API const char *netan_version(void);

G_END_DECLS

#endif
