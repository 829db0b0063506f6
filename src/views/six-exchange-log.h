/* six-exchange-log.h — the conflicts kept for review and the files received and exported,
 * worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-repository.h"
#include "six-store-types.h"

G_BEGIN_DECLS

#define SIX_TYPE_EXCHANGE_LOG (six_exchange_log_get_type ())

G_DECLARE_FINAL_TYPE (SixExchangeLog, six_exchange_log, SIX, EXCHANGE_LOG, GObject)

/* Read through six_exchange_log_query_new () (six-queries.h); built on the repository's
 * thread. */
SixExchangeLog *six_exchange_log_build            (SixDb                *db,
                                                   guint                 n_files,
                                                   GError              **error);
GListModel     *six_exchange_log_get_conflicts    (SixExchangeLog       *self);
GListModel     *six_exchange_log_get_files        (SixExchangeLog       *self);
gboolean        six_exchange_log_is_empty         (SixExchangeLog       *self);

/* What tells a file apart, for asking whether this database has it. */
typedef struct
{
  const char *export_id;
  const char *checksum;
  const char *origin;     /* the replica that wrote it */
} SixExchangeFileKey;

void            six_exchange_log_find_seen_async  (SixRepository        *repository,
                                                   GArray               *keys,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GArray         *six_exchange_log_find_seen_finish (SixRepository        *repository,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
