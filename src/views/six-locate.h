/* six-locate.h — where a record is shown: its own page, or the page of what it belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-repository.h"
#include "six-store-types.h"

G_BEGIN_DECLS

gboolean six_record_locate (SixDb       *db,
                            const char  *kind_name,
                            const char  *id,
                            char       **home_kind,
                            char       **home_id,
                            GError     **error);
void     six_record_locate_async  (SixRepository        *repository,
                                   const char           *kind_name,
                                   const char           *id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean six_record_locate_finish (SixRepository        *repository,
                                   GAsyncResult         *result,
                                   char                **home_kind,
                                   char                **home_id,
                                   GError              **error);

G_END_DECLS
