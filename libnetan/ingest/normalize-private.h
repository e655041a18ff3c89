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
/* Values actually normalized (the others were answered from what the
 * cache knew); for statistics and tests. */
guint netan_norm_cache_runs(const netan_norm_cache_t *c);

/*
 * The fast path for ingest: a table of one normalizer under one region,
 * owned by the cache (freed with it). Every table is separate, even two of
 * the same normalizer and region, so that each can keep its own ids.
 */
typedef struct netan_norm_table netan_norm_table_t;

/* What a table knows about one raw value. */
typedef struct {
  const char *key;     /* the key (interned in the cache: one key, one pointer), or NULL */
  const char *reason;  /* why not, when key is NULL */
  int64_t id;          /* the caller's: -1 until it sets it (the engine keeps the entity id) */
} netan_norm_entry_t;

netan_norm_table_t *netan_norm_table_new(netan_norm_cache_t *c, netan_normalizer_t n,
                                         const char *region);

/*
 * The entry of @value (@len bytes, NUL-terminated), normalizing it on first
 * sight; never NULL, and the same pointer for the same bytes for the life of
 * the cache. A phone value that differs from another only by spaces,
 * hyphens, dots or parentheses between its digits (see canonical_phone())
 * reuses that one's key without a second parse.
 */
netan_norm_entry_t *netan_norm_table_get(netan_norm_table_t *t, const char *value, gsize len);

/*
 * The same lookup in steps, so that the memory misses of several values
 * overlap instead of following each other (a table of 100,000s of entries
 * is not in cache; each step of a lookup waits for memory): the hash of
 * @value, with its slot requested from memory; then, once every value of a
 * row is hashed, _prefetch() requests the entry behind the slot; then the
 * lookup proper with the hash. Only hints: the result is that of _get().
 */
guint64 netan_norm_table_hash(const netan_norm_table_t *t, const char *value, gsize len);
void netan_norm_table_prefetch(const netan_norm_table_t *t, guint64 hash);
netan_norm_entry_t *netan_norm_table_get_hashed(netan_norm_table_t *t, const char *value, gsize len,
                                                guint64 hash);

/*
 * Replaces the normalizer of a table's misses: @runner must return exactly
 * what netan_norm_i_run() would for the table's normalizer and region (a
 * key, or NULL and the same error). The prefetching ingest uses it to take
 * results that another thread computed.
 */
typedef char *(*netan_norm_runner_t)(gpointer data, const char *value, GError **error);
void netan_norm_table_set_runner(netan_norm_table_t *t, netan_norm_runner_t runner, gpointer data);

/*
 * The work behind netan_normalize(): checks the arguments (NULL value,
 * unknown normalizer, invalid UTF-8) and dispatches. Same contract.
 */
char *netan_norm_i_run(netan_normalizer_t n, const char *value, const char *region,
                       GError **error);

/*
 * The functions below that need libphonenumber or ICU (the region check,
 * the phone functions, names) forward to the netan-i18n module, loaded on
 * first use (normalize-i18n.c, i18n-module.h). If it cannot be loaded,
 * those with a GError fail with NETAN_ERROR_BACKEND saying why; the others
 * answer "none" or "unknown".
 */

/* TRUE if normalizer @n can run: the phone and name normalizers need the
 * netan-i18n module. FALSE if it cannot be loaded, and @error
 * (NETAN_ERROR_BACKEND) says where it was looked for and why it failed. */
gboolean netan_norm_i_available(netan_normalizer_t n, GError **error);

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
char *netan_norm_i_phone(const char *value, const char *region, GError **error);

/*
 * A memo of libphonenumber's validity check and E.164 form by parsed number
 * (normalize-phone.cc says why that is exact), so that the other spellings
 * of a number cost only the parse. Not thread-safe: one per thread. NULL
 * is a valid memo (none); _new() returns NULL if out of memory or if the
 * netan-i18n module cannot be loaded.
 */
typedef struct netan_phone_memo netan_phone_memo_t;
netan_phone_memo_t *netan_phone_memo_new(void);
void netan_phone_memo_free(netan_phone_memo_t *memo);
/* netan_norm_i_phone() with @memo; the same results. */
char *netan_norm_i_phone_memo(const char *value, const char *region, netan_phone_memo_t *memo,
                              GError **error);
/*
 * The international prefix libphonenumber strips for @region when it is a
 * plain string of digits ("00", "011"); "00" without a region (netan reads
 * a leading "00" as "+" then); NULL when it is a pattern or unknown.
 */
const char *netan_norm_i_phone_idd(const char *region);
/* TRUE if @digits (ASCII) start with a country calling code libphonenumber
 * knows (its ExtractCountryCode() would take one). */
gboolean netan_norm_i_phone_has_country_code(const char *digits);
/* Other spellings that libphonenumber's Parse() provably reads as the
 * valid number whose E.164 form is @e164 (which must be a success of the
 * phone normaliser under @region: a valid number): writes "+" and the digits to @intl (32 bytes) if that
 * spelling qualifies, and the national spelling (the region's national
 * prefix, then the national number) to @natl (32 bytes) if it does; an
 * empty string otherwise. Why each is equal: normalize-phone.cc. */
void netan_norm_i_phone_equal_spellings(const char *e164, const char *region, char *intl, char *natl);
/* For tests: whether the number (@country_code, @national_number after
 * @leading_zeros zeros) is valid, by netan's plan check (phone-plan.cc) or,
 * with @reference, by libphonenumber's IsValidNumber(); 1 valid, 0 not,
 * -1 on failure. */
int netan_norm_i_phone_valid(int country_code, guint64 national_number, int leading_zeros, gboolean reference);
/* For tests: TRUE if @country_code's numbers are judged by netan's plan
 * check rather than handed to IsValidNumber(). */
gboolean netan_norm_i_phone_has_plan(int country_code);
/* netan_norm_phone_memo() for an ASCII @value whose canonical spelling
 * (see normalize-cache.c) is @canon, "+" and digits or digits alone: the
 * same result, read without libphonenumber's Parse() where its outcome is
 * certain (normalize-phone.cc says when). @canon may be NULL. */
char *netan_norm_i_phone_canon(const char *value, const char *canon, const char *region,
                               netan_phone_memo_t *memo, GError **error);
/* netan_norm_i_run() for phones with @memo: the same checks, the same results. */
char *netan_norm_i_run_phone(const char *value, const char *region, netan_phone_memo_t *memo,
                             GError **error);
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
