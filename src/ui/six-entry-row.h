/* six-entry-row.h — a titled row holding a text entry that screen readers follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIX_TYPE_ENTRY_ROW (six_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (SixEntryRow, six_entry_row, SIX, ENTRY_ROW, AdwActionRow)

GtkWidget *six_entry_row_new                   (void);
gboolean   six_entry_row_get_show_apply_button (SixEntryRow *self);
void       six_entry_row_set_show_apply_button (SixEntryRow *self,
                                                gboolean     show_apply_button);

G_END_DECLS
