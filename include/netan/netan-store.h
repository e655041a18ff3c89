/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_STORE_H
#define NETAN_STORE_H

#include <netan/netan-common.h>
#include <netan/netan-case.h>

G_BEGIN_DECLS

/**
 * Case files (`.netan`): a case kept in one SQLite file, the embedded
 * default (DESIGN.md §3). The schema is documented in doc/case-file.md;
 * analysts may read the file with any SQLite client.
 *
 * A case file is always in its last committed state: a save is one
 * transaction (SQLite's rollback journal, `CASE.netan-journal`, exists only
 * while a save runs), so a process killed in the middle of a save leaves
 * the file as it was before that save; the next open rolls the interrupted
 * save back. Copy a case file only when no save is running.
 */

/**
 * netan_case_open:
 * @path: the case file (UTF-8 or the file system's encoding).
 * @error: (nullable): return location for an error.
 *
 * Reads a whole case file into a new in-memory case, exactly as it was
 * saved: the same ids, types, keys, labels, provenance, attributes, the
 * sources each entity was seen in, and the merges (undone ones included,
 * with their rule, score and time). The file is not kept open; the case
 * remembers which file it came from, so that netan_case_save() to that file
 * appends only what is new.
 *
 * Errors (NETAN_ERROR domain):
 * - NETAN_ERROR_NOT_FOUND: @path does not exist;
 * - NETAN_ERROR_PARSE: @path is not a netan case file (not SQLite, or a
 *   SQLite database of another program), or it is damaged or inconsistent;
 * - NETAN_ERROR_INVALID_ARGUMENT: the file was written by a newer netan
 *   (a schema version this one does not know);
 * - NETAN_ERROR_IO: the file cannot be read (permissions, locks, I/O).
 * Messages name the file and carry SQLite's own message.
 *
 * Time and memory: linear in the size of the case.
 *
 * Returns: (transfer full): the case, to free with netan_case_free(), or
 * NULL with @error set.
 */
NETAN_API netan_case_t *netan_case_open(const char *path, GError **error);

/**
 * netan_case_save:
 * @c: the case.
 * @path: the case file to write.
 * @error: (nullable): return location for an error.
 *
 * Saves @c to @path in one transaction:
 * - if @path does not exist (or is an empty file), it is created with the
 *   whole case;
 * - if @path is the case file @c was opened from or last saved to, only
 *   what is new since then is appended (sources, entities, links, events,
 *   attributes, the sources entities were seen in, merges), and the merges
 *   undone since are marked so. Saving with nothing new leaves the file
 *   untouched.
 * A case saved to a new path ("save as") belongs to that file from then on.
 *
 * Nothing is ever overwritten that is not this case's: saving to an
 * existing file that holds another case, or this case's file after another
 * program saved to it (the two versions have diverged), fails with
 * NETAN_ERROR_INVALID_ARGUMENT and leaves the file unchanged; a file that
 * is not a case file fails with NETAN_ERROR_PARSE; a newer schema with
 * NETAN_ERROR_INVALID_ARGUMENT; a write that fails (read-only directory or
 * file, full disk) with NETAN_ERROR_IO. On any error the file is as it was
 * before the call (a file the call created is removed again).
 *
 * Time: linear in what is new, about a second per million events; the
 * rows already in the file are not read again.
 *
 * Returns: TRUE on success.
 */
NETAN_API gboolean netan_case_save(netan_case_t *c, const char *path, GError **error);

G_END_DECLS

#endif
