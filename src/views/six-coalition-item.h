/* six-coalition-item.h — one line of the list of coalitions, worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIX_TYPE_COALITION_ITEM (six_coalition_item_get_type ())

G_DECLARE_FINAL_TYPE (SixCoalitionItem, six_coalition_item, SIX, COALITION_ITEM, GObject)

SixCoalitionItem *six_coalition_item_new              (const char       *id,
                                                       const char       *title,
                                                       const char       *lead,
                                                       const char       *lead_name,
                                                       const char       *status,
                                                       const char       *status_label,
                                                       const char       *subtitle,
                                                       gboolean          overdue);
const char       *six_coalition_item_get_id           (SixCoalitionItem *self);
const char       *six_coalition_item_get_title        (SixCoalitionItem *self);
const char       *six_coalition_item_get_lead         (SixCoalitionItem *self);
const char       *six_coalition_item_get_lead_name    (SixCoalitionItem *self);
const char       *six_coalition_item_get_status       (SixCoalitionItem *self);
const char       *six_coalition_item_get_status_label (SixCoalitionItem *self);
const char       *six_coalition_item_get_subtitle     (SixCoalitionItem *self);
gboolean          six_coalition_item_get_overdue      (SixCoalitionItem *self);
const char       *six_coalition_item_get_search_key   (SixCoalitionItem *self);
gboolean          six_coalition_item_equal            (SixCoalitionItem *a,
                                                       SixCoalitionItem *b);

char             *six_coalition_item_fold             (const char       *text);

G_END_DECLS
