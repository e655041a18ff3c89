/* The netan-i18n module's entry: its one exported symbol, which gives
 * libnetan the table of the module's functions (i18n-module.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/i18n-module.h"

#include <gmodule.h>

/* The module does not link libnetan: the netan command and the unit tests
 * carry libnetan's code themselves, and a second copy would come with it.
 * The NETAN_ERROR domain is GLib's quark of this name, one per process,
 * whichever copy asks. */
G_DEFINE_QUARK(netan-error-quark, netan_error)

static const netan_i18n_t table = {
  .version = NETAN_I18N_VERSION,
  .size = sizeof(netan_i18n_t),
  .netan_version = PACKAGE_VERSION,
  .region_check = netan_i18n_i_region_check,
  .phone_canon = netan_i18n_i_phone_canon,
  .phone_memo_new = netan_i18n_i_phone_memo_new,
  .phone_memo_free = netan_i18n_i_phone_memo_free,
  .phone_idd = netan_i18n_i_phone_idd,
  .phone_has_country_code = netan_i18n_i_phone_has_country_code,
  .phone_equal_spellings = netan_i18n_i_phone_equal_spellings,
  .phone_valid = netan_i18n_i_phone_valid,
  .phone_has_plan = netan_i18n_i_phone_has_plan,
  .name = netan_i18n_i_name,
};

/* a netan_i18n_entry_t; no one calls it by name */
G_MODULE_EXPORT const netan_i18n_t *netan_i18n_module_entry(void);

const netan_i18n_t *
netan_i18n_module_entry(void)
{
  return &table;
}
