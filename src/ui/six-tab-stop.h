/* six-tab-stop.h — a list Tab stops at once, whose rows the arrows walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIX_TYPE_TAB_STOP (six_tab_stop_get_type ())

G_DECLARE_FINAL_TYPE (SixTabStop, six_tab_stop, SIX, TAB_STOP, AdwBin)

G_END_DECLS
