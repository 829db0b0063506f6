/* six-exchange-writer.h — writing an exchange file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-exchange-file.h"

G_BEGIN_DECLS

/* One record of a selection. */
typedef struct
{
  const char *kind;
  const char *id;
} SixExportItem;

/* What to export. Zero-initialised, it is the whole database at the public level. */
typedef struct
{
  SixScopeType         scope;
  const char          *scope_id;             /* COUNTRY: its id; COALITION: its UUID */
  const SixExportItem *selection;            /* SELECTION: the records to send */
  guint                n_selection;
  SixVisibility        level;                /* the most private visibility shared */
  const char          *origin_name;          /* NULL: the name the store holds */
  const char          *origin_organisation;
  const char          *app_version;          /* NULL: this program's version */
  const char          *export_id;            /* NULL: a random UUID; fixed only by tests */
  const char          *created_at;           /* NULL: now; fixed only by tests */
} SixExportOptions;

/* What a file of each sharing level holds, indexed by SixVisibility; tombstones left out. */
typedef struct
{
  guint n_records[3];
  guint n_contacts[3];
  guint n_notes[3];
} SixLevelCounts;

SixExchangeFile *six_exchange_collect    (SixDb                  *db,
                                          const SixExportOptions *options,
                                          GError                **error);
GBytes          *six_exchange_write      (SixDb                  *db,
                                          const SixExportOptions *options,
                                          GError                **error);
GBytes          *six_exchange_write_file (SixExchangeFile        *file,
                                          GError                **error);
gboolean         six_exchange_write_file_to_stream
                                         (SixExchangeFile        *file,
                                          GOutputStream          *stream,
                                          GCancellable           *cancellable,
                                          GError                **error);
gboolean         six_exchange_write_file_to_stream_full
                                         (SixExchangeFile        *file,
                                          GOutputStream          *stream,
                                          guint64                 max_size,
                                          GCancellable           *cancellable,
                                          GError                **error);
SixExchangeFile *six_exchange_export     (SixDb                  *db,
                                          const SixExportOptions *options,
                                          GFile                  *destination,
                                          GCancellable           *cancellable,
                                          GError                **error);
gboolean         six_exchange_save_file  (SixExchangeFile        *file,
                                          GFile                  *destination,
                                          GCancellable           *cancellable,
                                          GError                **error);
gboolean         six_exchange_count_levels (SixDb                *db,
                                          const SixExportOptions *options,
                                          SixLevelCounts         *counts,
                                          GError                **error);

G_END_DECLS
