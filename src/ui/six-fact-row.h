/* six-fact-row.h — a row that shows a fact of a view, and the buttons for its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-fact.h"

G_BEGIN_DECLS

#define SIX_TYPE_FACT_ROW (six_fact_row_get_type ())

G_DECLARE_FINAL_TYPE (SixFactRow, six_fact_row, SIX, FACT_ROW, AdwActionRow)

GtkWidget *six_fact_row_new      (SixFact  *fact);
SixFact   *six_fact_row_get_fact (SixFactRow *self);
GtkWidget *six_fact_row_create   (gpointer  item,
                                  gpointer  user_data);
void       six_fact_row_bind_list (GtkListBox *list,
                                   GListModel *facts);

void      _six_fact_set_actionable (GtkActionable *actionable,
                                    const char    *action_name,
                                    GVariant      *target);

G_END_DECLS
