/* six-locate.h — where a record is shown: its own page, or the page of what it belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-db.h"

G_BEGIN_DECLS

gboolean six_record_locate (SixDb       *db,
                            const char  *kind_name,
                            const char  *id,
                            char       **home_kind,
                            char       **home_id,
                            GError     **error);

G_END_DECLS
