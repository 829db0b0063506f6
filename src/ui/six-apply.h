/* six-apply.h — a view's writes and what it tells the user, through the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "six-repository.h"

G_BEGIN_DECLS

/* A view's own repair when a write it asked for is refused. */
typedef void (*SixFailFunc) (gpointer owner);

void six_apply_edits     (GtkWidget     *asker,
                          SixRepository *repository,
                          const char    *label,
                          const char    *title,
                          GPtrArray     *edits,
                          SixFailFunc    failed);
void six_show_toast      (GtkWidget     *widget,
                          const char    *message);
void six_show_undo_toast (GtkWidget     *widget,
                          const char    *title,
                          gint64         operation);

G_END_DECLS
