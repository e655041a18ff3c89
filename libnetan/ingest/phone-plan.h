/* Phone numbers: the numbering plans of libphonenumber's metadata, for the
 * C++ shim (normalize-phone.cc). C callers use normalize-private.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_PHONE_PLAN_H
#define NETAN_PHONE_PLAN_H

#include "ingest/i18n-module.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

/* libphonenumber's compiled-in metadata, parsed once; NULL if it cannot be
 * read. Owned by the process. */
const i18n::phonenumbers::PhoneMetadataCollection *netan_phone_metadata(void);

/* util->IsValidNumber(number), the same answer for every number; much
 * faster for calling codes with one region (phone-plan.cc says why it is
 * the same). May throw std::bad_alloc. */
bool netan_phone_valid(const i18n::phonenumbers::PhoneNumberUtil *util,
                       const i18n::phonenumbers::PhoneNumber &number);

#endif
