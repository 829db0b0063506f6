/* six-coalitions-page-private.h — what the tests reach past the file chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-coalitions-page.h"

G_BEGIN_DECLS

void _six_coalitions_page_save_brief (SixCoalitionsPage *self,
                                      const char        *path);

G_END_DECLS
