/* six-action-entry.h — one line of the action plans list: an action, or a section heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_ACTION_ENTRY (six_action_entry_get_type ())

G_DECLARE_FINAL_TYPE (SixActionEntry, six_action_entry, SIX, ACTION_ENTRY, GObject)

SixActionEntry *six_action_entry_new_action  (const char     *id);
SixActionEntry *six_action_entry_new_heading (const char     *id);
const char     *six_action_entry_get_id      (SixActionEntry *self);
gboolean        six_action_entry_is_action   (SixActionEntry *self);
void            six_action_entry_update      (SixActionEntry *self,
                                              SixRecord      *action,
                                              SixRecord      *tracking);
void            six_action_entry_update_heading (SixActionEntry *self,
                                                 const char     *title,
                                                 const char     *plan_label);

G_END_DECLS
