/* six-window.h — the main window: sidebar, pages, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_WINDOW (six_window_get_type ())

G_DECLARE_FINAL_TYPE (SixWindow, six_window, SIX, WINDOW, AdwApplicationWindow)

SixWindow     *six_window_new            (GtkApplication *application);
SixRepository *six_window_get_repository (SixWindow      *self);
void           six_window_set_repository (SixWindow      *self,
                                          SixRepository  *repository);
gboolean       six_window_is_loading     (SixWindow      *self);
gboolean       six_window_shows_content  (SixWindow      *self);
const char    *six_window_get_page       (SixWindow      *self);
GtkWidget     *six_window_get_page_widget (SixWindow     *self,
                                           const char    *name);
void           six_window_show_page      (SixWindow      *self,
                                          const char     *page);
gboolean       six_window_open_record    (SixWindow      *self,
                                          const char     *kind_name,
                                          const char     *id);
void           six_window_add_undo_toast (SixWindow      *self,
                                          const char     *title,
                                          gint64          operation);
void           six_window_add_toast      (SixWindow      *self,
                                          AdwToast       *toast);

G_END_DECLS
