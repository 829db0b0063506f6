/* six-exchange-file-item.h — one file received or exported, worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SIX_TYPE_EXCHANGE_FILE_ITEM (six_exchange_file_item_get_type ())

G_DECLARE_FINAL_TYPE (SixExchangeFileItem, six_exchange_file_item, SIX, EXCHANGE_FILE_ITEM,
                      GObject)

SixExchangeFileItem *six_exchange_file_item_new             (const char          *name,
                                                             const char          *description,
                                                             gboolean             exported);
const char          *six_exchange_file_item_get_name        (SixExchangeFileItem *self);
const char          *six_exchange_file_item_get_description (SixExchangeFileItem *self);
gboolean             six_exchange_file_item_get_exported    (SixExchangeFileItem *self);

G_END_DECLS
