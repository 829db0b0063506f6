/* six-action-detail.h — one action: its text, the coordinator's follow-up, and its links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_ACTION_DETAIL (six_action_detail_get_type ())

G_DECLARE_FINAL_TYPE (SixActionDetail, six_action_detail, SIX, ACTION_DETAIL, GtkWidget)

void        six_action_detail_set_repository (SixActionDetail *self,
                                              SixRepository   *repository);
const char *six_action_detail_get_action_id  (SixActionDetail *self);
void        six_action_detail_set_action_id  (SixActionDetail *self,
                                              const char      *action_id);
const char *six_action_detail_get_state      (SixActionDetail *self);

G_END_DECLS
