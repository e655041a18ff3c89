/* netan-i18n: the normalizers that need ICU and libphonenumber, in a
 * module that libnetan opens when a normalizer first needs it. libnetan
 * itself links none of ICU, libphonenumber, protobuf, absl and PCRE2: a
 * process that only analyses a case does not pay the ~3.4 MB of resident
 * memory they cost at start-up.
 *
 * This header is what the two share: the table of the module's functions,
 * which its one exported symbol returns and libnetan checks (version,
 * size, netan's version) before it uses it; the functions themselves,
 * defined in the module; and libnetan's loader (i18n-module.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_I18N_MODULE_H
#define NETAN_I18N_MODULE_H

#include "ingest/normalize-private.h"

G_BEGIN_DECLS

/* Any change to netan_i18n_t bumps it. */
#define NETAN_I18N_VERSION 1u
/* The module's file name, and its one exported symbol: a netan_i18n_entry_t. */
#define NETAN_I18N_FILE "netan-i18n.so"
#define NETAN_I18N_ENTRY "netan_i18n_module_entry"

/* Each function does what normalize-private.h says of the netan_norm_i_
 * (or netan_phone_) function of the same name. */
typedef struct {
  guint32 version;            /* NETAN_I18N_VERSION */
  guint32 size;               /* sizeof(netan_i18n_t) */
  const char *netan_version;  /* PACKAGE_VERSION of the build it came from */
  gboolean (*region_check)(const char *region, GError **error);
  char *(*phone_canon)(const char *value, const char *canon, const char *region, netan_phone_memo_t *memo,
                       GError **error);
  netan_phone_memo_t *(*phone_memo_new)(void);
  void (*phone_memo_free)(netan_phone_memo_t *memo);
  const char *(*phone_idd)(const char *region);
  gboolean (*phone_has_country_code)(const char *digits);
  void (*phone_equal_spellings)(const char *e164, const char *region, char *intl, char *natl);
  int (*phone_valid)(int country_code, guint64 national_number, int leading_zeros, gboolean reference);
  gboolean (*phone_has_plan)(int country_code);
  char *(*name)(const char *value, GError **error);
} netan_i18n_t;

typedef const netan_i18n_t *(*netan_i18n_entry_t)(void);

/* In the module (normalize-phone.cc, phone-plan.cc, normalize-name.c):
 * the functions of the table. */
gboolean netan_i18n_i_region_check(const char *region, GError **error);
char *netan_i18n_i_phone_canon(const char *value, const char *canon, const char *region,
                               netan_phone_memo_t *memo, GError **error);
netan_phone_memo_t *netan_i18n_i_phone_memo_new(void);
void netan_i18n_i_phone_memo_free(netan_phone_memo_t *memo);
const char *netan_i18n_i_phone_idd(const char *region);
gboolean netan_i18n_i_phone_has_country_code(const char *digits);
void netan_i18n_i_phone_equal_spellings(const char *e164, const char *region, char *intl, char *natl);
int netan_i18n_i_phone_valid(int country_code, guint64 national_number, int leading_zeros, gboolean reference);
gboolean netan_i18n_i_phone_has_plan(int country_code);
char *netan_i18n_i_name(const char *value, GError **error);

/*
 * In libnetan (i18n-module.c): the module's table, loaded on the first
 * call, once per process (thread-safe; later calls only read a pointer).
 * It is looked for in $NETAN_MODULE_DIR, then beside the libnetan code
 * that is running and in the netan/ directory there, then in $(pkglibdir).
 * NULL if it cannot be loaded: then @error (NETAN_ERROR_BACKEND) says that
 * @doing ("normalizing phone numbers") needs it, where it was looked for,
 * and why each place failed. @error may be NULL.
 */
const netan_i18n_t *netan_i18n_i_load(const char *doing, GError **error);

/* For tests: forgets the module (it stays mapped) and, from the next
 * netan_i18n_i_load() on, looks only in @dirs (NULL-terminated), or where
 * it normally does if @dirs is NULL. Not thread-safe: nothing may use
 * the normalizers meanwhile. */
void netan_i18n_i_reset(const char *const *dirs);

G_END_DECLS

#endif
