/* six-overview-page-private.h — what the file chooser decides, for the tests to decide too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-overview-page.h"

G_BEGIN_DECLS

/* 0: the progress report as PDF, 1: the tables as CSV, 2: the deadlines as iCalendar. */
void _six_overview_page_save (SixOverviewPage *self,
                              int              kind,
                              const char      *path);

G_END_DECLS
