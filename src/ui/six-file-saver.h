/* six-file-saver.h — a file the user asked for, written on a worker, with a toast when done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs on a worker: @data is the caller's immutable snapshot, never a widget. */
typedef gboolean (*SixFileWriteFunc) (gpointer     data,
                                      const char  *path,
                                      GError     **error);

void six_file_save            (GtkWidget        *widget,
                               const char       *path,
                               SixFileWriteFunc  write,
                               gpointer          data,
                               GDestroyNotify    data_free);
void six_file_choose_and_save (GtkWidget        *widget,
                               const char       *title,
                               const char       *suggested_name,
                               SixFileWriteFunc  write,
                               gpointer          data,
                               GDestroyNotify    data_free);

G_END_DECLS
