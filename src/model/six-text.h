/* six-text.h — text from files made safe to show in a message or a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *six_text_escape_controls (const char *text,
                                gboolean    keep_newlines);

G_END_DECLS
