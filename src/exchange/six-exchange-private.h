/* six-exchange-private.h — what the exchange layer's files share: errors that carry a JSON path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-exchange-file.h"

G_BEGIN_DECLS

/* Sets "<display name>: <path>: <what>" and keeps @path for six_exchange_error_get_path (). */
void _six_exchange_set_error (GError          **error,
                              SixExchangeError  code,
                              const char       *display_name,
                              const char       *path,
                              const char       *format,
                              ...) G_GNUC_PRINTF (5, 6);

/* Appends @text as a JSON string (RFC 8259): quotes, backslashes and control characters
 * escaped, everything else, non-ASCII UTF-8 included, kept as is. */
void _six_exchange_append_string (GString          *out,
                                  const char       *text,
                                  gssize            len);

/* Whether @text is a UUID in lowercase, the one spelling files use. */
gboolean _six_exchange_uuid_is_valid (const char *text);

/* Whether @id is a record id as files carry it: a lowercase UUID for the kinds keyed by
 * UUID, a natural key for the others. */
gboolean _six_exchange_id_is_valid (const SixKind    *kind,
                                    const char       *id);

/* Whether @id is 1 to SIX_REPLICA_ID_MAX characters of A–Z a–z 0–9 _ - (format §4). */
gboolean _six_exchange_replica_id_is_valid (const char *id);

G_END_DECLS
