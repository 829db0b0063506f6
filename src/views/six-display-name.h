/* six-display-name.h — how a record is named wherever a person must tell it from others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

const char *six_article_short_label    (const char *article);
char       *six_record_dup_display_name (SixRecord *record);

G_END_DECLS
