/* Normalizers inside libnetan: the per-kind functions and the cache that
 * ingest puts in front of them (identifiers repeat millions of times in
 * call records; each distinct one is normalized once).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_NORMALIZE_PRIVATE_H
#define NETAN_NORMALIZE_PRIVATE_H

#include <netan/netan.h>
#include <netan/netan-normalize.h>

G_BEGIN_DECLS

#define NETAN_NORM_N_KINDS (NETAN_NORMALIZE_NAME + 1)

/*
 * A memo of normalization results, successes and failures alike, keyed by
 * (normalizer, region, raw value). Not thread-safe: one cache per ingest
 * (or per thread). Strings it returns live as long as the cache.
 */
typedef struct netan_norm_cache netan_norm_cache_t;

netan_norm_cache_t *netan_norm_cache_new(void);
void netan_norm_cache_free(netan_norm_cache_t *c);

/*
 * The key of @value under @n, borrowed from the cache; or NULL and *@reason
 * (borrowed, may be NULL if the caller does not want it) says why, in the
 * words netan_normalize() would use. @region matters only for
 * NETAN_NORMALIZE_PHONE (NULL = ""). A NULL @value or an unknown @n gives
 * NULL with a reason and is not cached. The same @n, @region and @value
 * give the same pointer every time.
 */
const char *netan_norm_cache_get(netan_norm_cache_t *c, netan_normalizer_t n,
                                 const char *region, const char *value,
                                 const char **reason);

/* Distinct (normalizer, region, value) entries held; for statistics and tests. */
guint netan_norm_cache_size(const netan_norm_cache_t *c);

/*
 * The work behind netan_normalize(): checks the arguments (NULL value,
 * unknown normalizer, invalid UTF-8) and dispatches. Same contract.
 */
char *netan_norm_i_run(netan_normalizer_t n, const char *value, const char *region,
                       GError **error);

/*
 * Checks a default region before any row is read, so that a mapping spec
 * with `region = QQ` is an error up front rather than a reason on every
 * row. NULL and "" are fine (no default region). NETAN_ERROR_INVALID_ARGUMENT
 * otherwise.
 */
gboolean netan_norm_i_region_check(const char *region, GError **error);

/* The per-kind normalizers. @value is non-NULL valid UTF-8; errors are
 * NETAN_ERROR_PARSE unless documented otherwise. */
char *netan_norm_i_text(const char *value, GError **error);
char *netan_norm_i_phone(const char *value, const char *region, GError **error); /* C++ */
char *netan_norm_i_plate(const char *value, GError **error);
char *netan_norm_i_iban(const char *value, GError **error);
char *netan_norm_i_imei(const char *value, GError **error);
char *netan_norm_i_email(const char *value, GError **error);
char *netan_norm_i_name(const char *value, GError **error);

/* A country of the SWIFT IBAN registry: code, IBAN length, and the account
 * part (BBAN) as runs of n digits, a letters, c letters or digits ("8n16c"). */
typedef struct {
  char cc[3];
  unsigned char length;
  const char *bban;
} netan_iban_country_t;

/* The table normalize-ids.c checks IBANs against, sorted by code (for its
 * unit test). */
const netan_iban_country_t *netan_norm_i_iban_countries(size_t *n);

/*
 * @value ready to put in a message: quoted, cut to 40 characters with an
 * ellipsis (a field can be megabytes), control characters escaped (a reason
 * ends up in a one-line rejects report). g_free().
 */
char *netan_norm_i_quote(const char *value);

G_END_DECLS

#endif
