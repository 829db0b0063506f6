/* six-preferences-window.h — who you are in the files you share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIX_TYPE_PREFERENCES_WINDOW (six_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SixPreferencesWindow, six_preferences_window, SIX, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *six_preferences_window_new (GtkWindow *parent);

G_END_DECLS
