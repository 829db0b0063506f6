/* six-action-row.h — how one entry of the action plans list is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "six-action-entry.h"

G_BEGIN_DECLS

#define SIX_TYPE_ACTION_ROW (six_action_row_get_type ())

G_DECLARE_FINAL_TYPE (SixActionRow, six_action_row, SIX, ACTION_ROW, GtkWidget)

GtkWidget *six_action_row_new       (void);
void       six_action_row_set_entry (SixActionRow   *self,
                                     SixActionEntry *entry);

G_END_DECLS
