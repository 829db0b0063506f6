/* six-progress.h — the cooperation and assistance paragraph of a progress report, drafted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-overview.h"

G_BEGIN_DECLS

const char *six_progress_get_language       (const char         *language);
char       *six_progress_dup_text           (SixOverview        *overview,
                                             const char         *language,
                                             const GDate        *as_of);
char       *six_progress_format_date        (const GDate        *date,
                                             const char         *language);
char       *six_progress_format_years       (int                 first_year,
                                             int                 last_year);
char       *six_progress_format_amount      (gint64              ten_thousandths,
                                             const char         *currency,
                                             const char         *language);
char       *six_progress_join               (const char * const *items,
                                             const char         *language);
const char *six_progress_get_category_label (guint               category,
                                             const char         *language);
const char *six_progress_get_state_name     (const char         *country,
                                             const char         *fallback,
                                             const char         *language);

G_END_DECLS
