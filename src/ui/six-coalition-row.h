/* six-coalition-row.h — one coalition in the Coalitions page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "six-coalition-item.h"

G_BEGIN_DECLS

#define SIX_TYPE_COALITION_ROW (six_coalition_row_get_type ())

G_DECLARE_FINAL_TYPE (SixCoalitionRow, six_coalition_row, SIX, COALITION_ROW, GtkBox)

SixCoalitionItem *six_coalition_row_get_coalition (SixCoalitionRow  *self);
void              six_coalition_row_set_coalition (SixCoalitionRow  *self,
                                                   SixCoalitionItem *coalition);

G_END_DECLS
