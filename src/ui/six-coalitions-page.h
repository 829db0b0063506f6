/* six-coalitions-page.h — Country Coalitions: the list, and each coalition's workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-coalition.h"
#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_COALITIONS_PAGE (six_coalitions_page_get_type ())

G_DECLARE_FINAL_TYPE (SixCoalitionsPage, six_coalitions_page, SIX, COALITIONS_PAGE, GtkWidget)

void              six_coalitions_page_set_repository   (SixCoalitionsPage *self,
                                                        SixRepository     *repository);
void              six_coalitions_page_open_coalition   (SixCoalitionsPage *self,
                                                        const char        *coalition_id);
const char       *six_coalitions_page_get_coalition_id (SixCoalitionsPage *self);
void              six_coalitions_page_start            (SixCoalitionsPage *self,
                                                        const char        *lead);
SixCoalitionView *six_coalitions_page_get_view         (SixCoalitionsPage *self);

G_END_DECLS
