/* six-accessible.h — names screen readers read, where GTK 4.8 gets them wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void six_accessible_init                 (void);
void six_accessible_name_shortcuts_window (GtkApplicationWindow *window);
void six_accessible_name_button          (GtkButton            *button,
                                          const char           *label);

G_END_DECLS
