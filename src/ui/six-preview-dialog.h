/* six-preview-dialog.h — before an import writes anything: who sent the file, what it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-preview.h"

G_BEGIN_DECLS

#define SIX_TYPE_PREVIEW_DIALOG (six_preview_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SixPreviewDialog, six_preview_dialog, SIX, PREVIEW_DIALOG, AdwMessageDialog)

SixPreviewDialog *six_preview_dialog_new         (GtkWindow        *parent,
                                                  SixPreview       *preview);

G_END_DECLS
