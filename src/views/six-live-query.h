/* six-live-query.h — a query read again on the repository's thread whenever what it reads changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_LIVE_QUERY (six_live_query_get_type ())

G_DECLARE_FINAL_TYPE (SixLiveQuery, six_live_query, SIX, LIVE_QUERY, GObject)

void          six_live_query_set_args     (SixLiveQuery       *self,
                                           GVariant           *args);
void          six_live_query_set_active   (SixLiveQuery       *self,
                                           gboolean            active);
void          six_live_query_reload       (SixLiveQuery       *self);
gpointer      six_live_query_get_snapshot (SixLiveQuery       *self);
const GError *six_live_query_get_error    (SixLiveQuery       *self);
gboolean      six_live_query_is_loading   (SixLiveQuery       *self);

G_END_DECLS
