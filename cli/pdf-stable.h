/* SPDX-License-Identifier: MIT (part of netan-render) */
#ifndef NETAN_PDF_STABLE_H
#define NETAN_PDF_STABLE_H

#include <stddef.h>

/* A copy of @pdf (cairo's output) whose bytes do not depend on the run;
 * returns 0 and leaves *out_data NULL if the PDF is not as expected (the
 * caller then keeps the original). Free *out_data with free(). */
int netan_pdf_stabilise(const char *pdf, size_t len, char **out_data, size_t *out_len);

#endif
