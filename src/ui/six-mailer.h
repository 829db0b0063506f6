/* six-mailer.h — a file to the user's mail client, or failing that to their file manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What became of the file. */
typedef enum
{
  SIX_MAIL_COMPOSED,         /* a new email with the file attached is open */
  SIX_MAIL_SHOWN_IN_FOLDER,  /* no mail client answered: the file is shown where it is */
} SixMailOutcome;

void           six_mail_file_async  (GtkWindow           *parent,
                                     GFile               *file,
                                     const char          *subject,
                                     const char          *body,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
SixMailOutcome six_mail_file_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
