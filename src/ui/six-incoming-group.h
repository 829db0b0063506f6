/* six-incoming-group.h — the files that arrived in the exchange folder, not yet imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_INCOMING_GROUP (six_incoming_group_get_type ())

G_DECLARE_FINAL_TYPE (SixIncomingGroup, six_incoming_group, SIX, INCOMING_GROUP,
                      AdwPreferencesGroup)

void six_incoming_group_set_repository (SixIncomingGroup *self,
                                        SixRepository    *repository);
void six_incoming_group_rescan         (SixIncomingGroup *self);

G_END_DECLS
