/* six-deadline.h — an obligation's deadline, and the time left to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

const char *six_obligation_get_deadline (SixRecord   *obligation);
gboolean    six_obligation_is_open      (SixRecord   *obligation);
SixRecord  *six_obligation_pick_nearest (GPtrArray   *obligations);
char       *six_describe_time_left      (SixRecord   *obligation,
                                         const GDate *today);
SixRecord  *six_extension_find_pending  (GPtrArray   *extensions,
                                         const char  *obligation_id);
void        six_date_get_today          (GDate       *today);

G_END_DECLS
