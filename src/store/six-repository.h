/* six-repository.h — the asynchronous face of the store, and its live lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-edit.h"
#include "six-record-list.h"
#include "six-store-types.h"

G_BEGIN_DECLS

#define SIX_TYPE_REPOSITORY (six_repository_get_type ())

G_DECLARE_FINAL_TYPE (SixRepository, six_repository, SIX, REPOSITORY, GObject)

/* One worker thread owns the connection and runs the jobs in order. Results, the
 * ::changed signal and list updates arrive on the thread-default main context the repository
 * was opened in. Cancelling stops a job that has not begun (G_IO_ERROR_CANCELLED, nothing
 * written); a job already running reports its own outcome. */

void           six_repository_open_async            (const char           *path,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
SixRepository *six_repository_open_finish           (GAsyncResult         *result,
                                                     GError              **error);
SixRepository *six_repository_open                  (const char           *path,
                                                     GError              **error);
const char    *six_repository_get_path              (SixRepository        *self);
const char    *six_repository_get_replica_id        (SixRepository        *self);
void           six_repository_close                 (SixRepository        *self);

GListModel    *six_repository_list                  (SixRepository        *self,
                                                     const SixKind        *kind);
SixRecord     *six_repository_lookup                (SixRepository        *self,
                                                     const SixKind        *kind,
                                                     const char           *id);
void           six_repository_connect_lists         (SixRepository        *self,
                                                     const char * const   *kind_names,
                                                     GCallback             callback,
                                                     gpointer              gobject);

void           six_repository_connect_changed       (SixRepository        *self,
                                                     const char * const   *kind_names,
                                                     GCallback             callback,
                                                     gpointer              gobject);
void           six_repository_get_record_async      (SixRepository        *self,
                                                     const SixKind        *kind,
                                                     const char           *id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
SixRecord     *six_repository_get_record_finish     (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_apply_async           (SixRepository        *self,
                                                     const char           *label,
                                                     GPtrArray            *edits,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gint64         six_repository_apply_finish          (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_undo_async            (SixRepository        *self,
                                                     gint64                operation,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gint64         six_repository_undo_finish           (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void           six_repository_check_async           (SixRepository        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean       six_repository_check_finish          (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void           six_repository_redo_async            (SixRepository        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gint64         six_repository_redo_finish           (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_search_async          (SixRepository        *self,
                                                     const char           *query,
                                                     const char * const   *kinds,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *six_repository_search_finish         (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_list_operations_async (SixRepository        *self,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *six_repository_list_operations_finish (SixRepository       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_list_conflicts_async  (SixRepository        *self,
                                                     gboolean              include_restored,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *six_repository_list_conflicts_finish (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void           six_repository_restore_conflict_async  (SixRepository      *self,
                                                       gint64              conflict,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gint64         six_repository_restore_conflict_finish (SixRepository      *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

G_END_DECLS
