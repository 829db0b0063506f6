/* six-country-profile-private.h — what the file chooser decides, for the tests to decide too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-country-profile.h"

G_BEGIN_DECLS

void _six_country_profile_save_pdf (SixCountryProfile *self,
                                    SixProfileInclude  include,
                                    const char        *path);

G_END_DECLS
