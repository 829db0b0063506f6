/* six-rows.h — rows a view adds to its preference groups, and takes out again on redraw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void six_rows_add             (GPtrArray           *rows,
                               AdwPreferencesGroup *group,
                               GtkWidget           *row);
void six_rows_add_placeholder (GPtrArray           *rows,
                               AdwPreferencesGroup *group,
                               const char          *text);
void six_rows_clear           (GPtrArray           *rows);

G_END_DECLS
