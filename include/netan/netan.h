/* netan — link analysis of criminal networks.
 * The one header of libnetan's public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_H
#define NETAN_H

#define NETAN_INSIDE
#include <netan/netan-common.h>
#include <netan/netan-error.h>
#include <netan/netan-case.h>
#include <netan/netan-ingest.h>
#include <netan/netan-normalize.h>
#include <netan/netan-resolve.h>
#include <netan/netan-store.h>
#include <netan/netan-view.h>
#include <netan/netan-table.h>
#include <netan/netan-analysis.h>
#include <netan/netan-centrality.h>
#include <netan/netan-edge-measures.h>
#include <netan/netan-communities.h>
#include <netan/netan-paths.h>
#include <netan/netan-chart.h>
#undef NETAN_INSIDE

#endif
