/* six-conflict-item.h — one value a merge replaced, kept for review, worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIX_TYPE_CONFLICT_ITEM (six_conflict_item_get_type ())

G_DECLARE_FINAL_TYPE (SixConflictItem, six_conflict_item, SIX, CONFLICT_ITEM, GObject)

SixConflictItem *six_conflict_item_new          (gint64           id,
                                                 const char      *title,
                                                 const char      *kept,
                                                 const char      *replaced);
gint64           six_conflict_item_get_id       (SixConflictItem *self);
const char      *six_conflict_item_get_title    (SixConflictItem *self);
const char      *six_conflict_item_get_kept     (SixConflictItem *self);
const char      *six_conflict_item_get_replaced (SixConflictItem *self);

G_END_DECLS
