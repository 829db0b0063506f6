/* six-coalition-brief.h — one A4 page for a Country Coalition's next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "six-coalition.h"

G_BEGIN_DECLS

/* A4 in points. */
#define SIX_COALITION_BRIEF_WIDTH  595.276
#define SIX_COALITION_BRIEF_HEIGHT 841.89

void     six_coalition_brief_draw      (SixCoalitionView  *view,
                                        cairo_t           *cr,
                                        double             width,
                                        double             height);
gboolean six_coalition_brief_write_pdf (SixCoalitionView  *view,
                                        const char        *path,
                                        GError           **error);

G_END_DECLS
