/* six-exchange-log.h — the conflicts kept for review and the files received and exported,
 * worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-repository.h"

G_BEGIN_DECLS

/* A value a merge replaced, kept for review. */
typedef struct
{
  gint64  id;
  char   *title;     /* "Lebanon · Status" */
  char   *kept;      /* "“State Party”, by Nadia Haddad on 2026-11-20" */
  char   *replaced;
} SixExchangeConflict;

/* A file received or exported. */
typedef struct
{
  char *title;      /* the file's name */
  char *subtitle;   /* who sent it, when, and what it changed */
} SixExchangeFileItem;

typedef struct
{
  GPtrArray *conflicts;  /* SixExchangeConflict */
  GPtrArray *files;      /* SixExchangeFileItem: received */
  GPtrArray *exports;    /* SixExchangeFileItem */
} SixExchangeLog;

void            six_exchange_log_read_async  (SixRepository        *repository,
                                              guint                 n_files,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
SixExchangeLog *six_exchange_log_read_finish (SixRepository        *repository,
                                              GAsyncResult         *result,
                                              GError              **error);
/* What tells a file apart, for asking whether this database has it. */
typedef struct
{
  const char *export_id;
  const char *checksum;
  const char *origin;     /* the replica that wrote it */
} SixExchangeFileKey;

void            six_exchange_log_find_seen_async  (SixRepository       *repository,
                                                   GArray              *keys,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GArray         *six_exchange_log_find_seen_finish (SixRepository       *repository,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void            six_exchange_log_free        (SixExchangeLog       *log);
void            six_exchange_conflict_free   (SixExchangeConflict  *conflict);
void            six_exchange_file_item_free  (SixExchangeFileItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExchangeLog, six_exchange_log_free)

G_END_DECLS
