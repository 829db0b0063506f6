/* six-page-slot.h — where a page of the window goes, built when first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIX_TYPE_PAGE_SLOT (six_page_slot_get_type ())

G_DECLARE_FINAL_TYPE (SixPageSlot, six_page_slot, SIX, PAGE_SLOT, AdwBin)

GtkWidget *six_page_slot_get_page      (SixPageSlot *self);
gboolean   six_page_slot_has_page      (SixPageSlot *self);
GType      six_page_slot_get_page_type (SixPageSlot *self);

G_END_DECLS
