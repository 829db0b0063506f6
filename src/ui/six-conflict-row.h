/* six-conflict-row.h — one conflict of the Exchange page, with its Restore button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "six-conflict-item.h"

G_BEGIN_DECLS

#define SIX_TYPE_CONFLICT_ROW (six_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (SixConflictRow, six_conflict_row, SIX, CONFLICT_ROW, GtkBox)

SixConflictItem *six_conflict_row_get_conflict (SixConflictRow  *self);
void             six_conflict_row_set_conflict (SixConflictRow  *self,
                                                SixConflictItem *conflict);

G_END_DECLS
