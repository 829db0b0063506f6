/* six-figure-row.h — a row of the Overview: a title, the figures under it, what it opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-fact.h"

G_BEGIN_DECLS

#define SIX_TYPE_FIGURE_ROW (six_figure_row_get_type ())

G_DECLARE_FINAL_TYPE (SixFigureRow, six_figure_row, SIX, FIGURE_ROW, AdwPreferencesRow)

GtkWidget  *six_figure_row_new           (SixFact      *fact);
const char *six_figure_row_get_subtitle  (SixFigureRow *self);
void        six_figure_row_bind_list     (GtkListBox   *list,
                                          GListModel   *facts);

G_END_DECLS
