/* six-exchange-reader.h — reading and validating an exchange file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-exchange-file.h"

G_BEGIN_DECLS

/* Called now and then with the share of the file read so far, 0.0 to 1.0, on the reading
 * thread. */
typedef void     (*SixExchangeProgressFunc) (double         fraction,
                                             gpointer       user_data);

/* Whether the reader already holds a record, so a file may refer to it without carrying it. */
typedef gboolean (*SixExchangeLookupFunc)   (const SixKind *kind,
                                             const char    *id,
                                             gpointer       user_data);

/* Zero-initialise; every member is optional. */
typedef struct
{
  gsize                    max_size;       /* 0: SIX_EXCHANGE_MAX_SIZE */
  GCancellable            *cancellable;
  SixExchangeProgressFunc  progress;
  gpointer                 progress_data;
  /* FALSE: references must resolve in the file. TRUE: the others are kept in the file
   * (six_exchange_file_get_outside_refs ()) for six_exchange_resolve_outside (). */
  gboolean                 defer_references;
} SixExchangeReadOptions;

SixExchangeFile *six_exchange_read_bytes       (GBytes                       *bytes,
                                                const char                   *display_name,
                                                GError                      **error);
SixExchangeFile *six_exchange_read_bytes_full  (GBytes                       *bytes,
                                                const char                   *display_name,
                                                const SixExchangeReadOptions *options,
                                                GError                      **error);
SixExchangeFile *six_exchange_read_file        (GFile                        *file,
                                                GCancellable                 *cancellable,
                                                GError                      **error);
SixExchangeFile *six_exchange_read_file_full   (GFile                        *file,
                                                const SixExchangeReadOptions *options,
                                                GError                      **error);
gboolean         six_exchange_resolve_outside  (SixExchangeFile              *file,
                                                SixExchangeLookupFunc         lookup,
                                                gpointer                      lookup_data,
                                                GError                      **error);
const char      *six_exchange_error_get_path   (const GError                 *error);

G_END_DECLS
