/* Reading typed values out of text fields: times, durations, amounts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_FIELDS_H
#define NETAN_FIELDS_H

#include "ingest/spec.h"

/* Seconds since the epoch (UTC) of @text in the spec's time format and
 * zone. FALSE if it is not such a time. */
gboolean netan_field_time(const netan_spec_t *spec, const char *text, int64_t *out);
/* Seconds: "95", "1:35", "00:01:35". */
gboolean netan_field_duration(const char *text, int64_t *out);
/* An amount: "1500", "1500.50", "1.500,50", "1,500.50", "1500,5", "1 500,50". */
gboolean netan_field_amount(const char *text, double *out);

#endif
