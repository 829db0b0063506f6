/* six-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-exchange-file.h"
#include "six-window.h"

G_BEGIN_DECLS

void _six_window_import_file   (SixWindow *self,
                                GFile     *file);
void _six_window_import_queued (SixWindow *self);
void _six_window_setup_drop    (SixWindow *self);
void _six_window_watch_database (SixWindow *self);
void _six_window_choose_import (SixWindow *self);
GCancellable *_six_window_begin_import  (SixWindow  *self);
void          _six_window_report_import (SixWindow  *self,
                                         const char *text,
                                         double      fraction);
void          _six_window_end_import    (SixWindow  *self);
void _six_window_choose_export (SixWindow    *self,
                                SixScopeType  scope,
                                const char   *scope_id);
void _six_window_choose_send   (SixWindow    *self,
                                SixScopeType  scope,
                                const char   *scope_id);
void _six_window_send_to_members (SixWindow  *self,
                                  const char *coalition_id);
/* A file was imported or exported: the Exchange page lists it. */
void _six_window_exchange_logged (SixWindow   *self);
void _six_window_export_file   (SixWindow     *self,
                                SixScopeType   scope,
                                const char    *scope_id,
                                SixVisibility  level,
                                GFile         *file);

G_END_DECLS
