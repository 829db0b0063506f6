/* six-repository-run.h — work on the repository's thread with the store's connection, for
 * src/views, the command line and the tests: the window reads through views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-db.h"
#include "six-repository.h"

G_BEGIN_DECLS

/* Work to run on the repository's thread, with the connection. Return a new reference or
 * allocation for the caller (freed with @result_free if unclaimed), or NULL with @error set. */
typedef gpointer (*SixRepositoryFunc) (SixDb         *db,
                                       gpointer       user_data,
                                       GCancellable  *cancellable,
                                       GError       **error);

void           six_repository_run_async             (SixRepository        *self,
                                                     SixRepositoryFunc     func,
                                                     gpointer              user_data,
                                                     GDestroyNotify        user_data_free,
                                                     GDestroyNotify        result_free,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              callback_data);
void           six_repository_read_async            (SixRepository        *self,
                                                     SixRepositoryFunc     func,
                                                     gpointer              user_data,
                                                     GDestroyNotify        user_data_free,
                                                     GDestroyNotify        result_free,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              callback_data);
gpointer       six_repository_run_finish            (SixRepository        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
