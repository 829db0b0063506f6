/* six-level-dialog.h — which records a file may hold, with what each level adds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-exchange-writer.h"

G_BEGIN_DECLS

#define SIX_TYPE_LEVEL_DIALOG (six_level_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SixLevelDialog, six_level_dialog, SIX, LEVEL_DIALOG, AdwMessageDialog)

SixLevelDialog *six_level_dialog_new        (GtkWindow            *parent,
                                             SixScopeType          scope);
void            six_level_dialog_set_counts (SixLevelDialog       *self,
                                             const SixLevelCounts *counts);
SixVisibility   six_level_dialog_get_level  (SixLevelDialog       *self);

G_END_DECLS
