/* six-identity-dialog.h — the name and organisation that go into the files you send
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIX_TYPE_IDENTITY_DIALOG (six_identity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SixIdentityDialog, six_identity_dialog, SIX, IDENTITY_DIALOG,
                      AdwMessageDialog)

SixIdentityDialog *six_identity_dialog_new  (GtkWindow         *parent);
void               six_identity_dialog_save (SixIdentityDialog *self);

G_END_DECLS
