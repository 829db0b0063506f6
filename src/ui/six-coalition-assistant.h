/* six-coalition-assistant.h — start a Country Coalition: lead State, title, focus, members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_COALITION_ASSISTANT (six_coalition_assistant_get_type ())

G_DECLARE_FINAL_TYPE (SixCoalitionAssistant, six_coalition_assistant, SIX, COALITION_ASSISTANT,
                      AdwWindow)

SixCoalitionAssistant *six_coalition_assistant_new        (SixRepository         *repository,
                                                           const char            *lead);
const char            *six_coalition_assistant_get_lead   (SixCoalitionAssistant *self);
void                   six_coalition_assistant_add_member (SixCoalitionAssistant *self,
                                                           const char            *party,
                                                           const char            *role);
gboolean               six_coalition_assistant_start      (SixCoalitionAssistant *self);

G_END_DECLS
