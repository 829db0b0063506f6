/* six-actions-page.h — the Dubrovnik and Lausanne Action Plans, browsed and followed up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-action-detail.h"
#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_ACTIONS_PAGE (six_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (SixActionsPage, six_actions_page, SIX, ACTIONS_PAGE, GtkWidget)

void             six_actions_page_set_repository (SixActionsPage *self,
                                                  SixRepository  *repository);
void             six_actions_page_set_query      (SixActionsPage *self,
                                                  const char     *query);
void             six_actions_page_open_action    (SixActionsPage *self,
                                                  const char     *action_id);
GListModel      *six_actions_page_get_entries    (SixActionsPage *self);
SixActionDetail *six_actions_page_get_detail     (SixActionsPage *self);
gboolean         six_actions_page_is_updating    (SixActionsPage *self);

G_END_DECLS
