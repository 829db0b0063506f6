/* six-link-dialog.h — find a record to link to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_LINK_DIALOG (six_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SixLinkDialog, six_link_dialog, SIX, LINK_DIALOG, AdwWindow)

SixLinkDialog *six_link_dialog_new       (SixRepository      *repository,
                                          const char         *title,
                                          const char * const *kinds,
                                          const char * const *exclude);
void           six_link_dialog_set_query (SixLinkDialog      *self,
                                          const char         *query);
GtkListBox    *six_link_dialog_get_results (SixLinkDialog    *self);

G_END_DECLS
