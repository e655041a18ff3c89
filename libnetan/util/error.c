/* The NETAN_ERROR domain and the library version.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include <netan/netan.h>

G_DEFINE_QUARK(netan-error-quark, netan_error)

const char *
netan_version(void)
{
  return PACKAGE_VERSION;
}
