/* A netan-i18n module of another interface version, which libnetan must
 * refuse (test-i18n-module.c). It is built as other-version/netan-i18n.so.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/i18n-module.h"

#include <gmodule.h>

static const netan_i18n_t table = {
  .version = NETAN_I18N_VERSION + 1,
  .size = sizeof(netan_i18n_t),
  .netan_version = PACKAGE_VERSION,
};

G_MODULE_EXPORT const netan_i18n_t *netan_i18n_module_entry(void);

const netan_i18n_t *
netan_i18n_module_entry(void)
{
  return &table;
}
