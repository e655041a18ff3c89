/* Building an ingest report (rows read, ingested, rejected with reasons).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_REPORT_PRIVATE_H
#define NETAN_REPORT_PRIVATE_H

#include <netan/netan.h>

netan_ingest_report_t *netan_report_i_new(const char *file, int64_t source_id);
void netan_report_i_ingested(netan_ingest_report_t *r);
void netan_report_i_reject(netan_ingest_report_t *r, int64_t line, int64_t column,
                           const char *reason);

#endif
