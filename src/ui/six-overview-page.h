/* six-overview-page.h — who asked for what, what was given, and what falls due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-live-query.h"
#include "six-overview.h"

G_BEGIN_DECLS

#define SIX_TYPE_OVERVIEW_PAGE (six_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (SixOverviewPage, six_overview_page, SIX, OVERVIEW_PAGE, GtkWidget)

void         six_overview_page_set_query      (SixOverviewPage *self,
                                               SixLiveQuery    *query);
SixOverview *six_overview_page_get_overview   (SixOverviewPage *self);

G_END_DECLS
