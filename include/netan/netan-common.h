/* netan — link analysis of criminal networks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_COMMON_H
#define NETAN_COMMON_H

#include <glib.h>
#include <stdint.h>

#if defined(NETAN_COMPILATION) && defined(__GNUC__)
#  define NETAN_API __attribute__((visibility("default")))
#else
#  define NETAN_API
#endif

G_BEGIN_DECLS

/**
 * Progress and cancellation callback for long work.
 * @fraction: 0.0 .. 1.0 of the work done.
 * @payload: the caller's pointer, passed back unchanged.
 * Returns: 0 to go on, non-zero to cancel (the call then fails with
 * NETAN_ERROR_CANCELLED).
 */
typedef int (*netan_progress_cb)(double fraction, void *payload);

G_END_DECLS

#endif
