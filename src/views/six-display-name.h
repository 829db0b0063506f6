/* six-display-name.h — how a record is named wherever a person must tell it from others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

char *six_record_dup_display_name  (SixRecord  *record);
char *six_request_dup_short_name   (SixRecord  *request);
char *six_replica_dup_display_name (const char *name,
                                    const char *replica);

G_END_DECLS
