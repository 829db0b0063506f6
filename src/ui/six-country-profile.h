/* six-country-profile.h — one State's profile: read, edited, printed and shared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-profile-document.h"
#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_COUNTRY_PROFILE (six_country_profile_get_type ())

G_DECLARE_FINAL_TYPE (SixCountryProfile, six_country_profile, SIX, COUNTRY_PROFILE, GtkWidget)

void        six_country_profile_set_repository (SixCountryProfile *self,
                                                SixRepository     *repository);
void        six_country_profile_set_country_id (SixCountryProfile *self,
                                                const char        *country_id);
const char *six_country_profile_get_country_id (SixCountryProfile *self);
SixProfile *six_country_profile_get_profile    (SixCountryProfile *self);
gboolean    six_country_profile_print          (SixCountryProfile        *self,
                                                GtkPrintOperationAction   action,
                                                const char               *export_path,
                                                SixProfileInclude         include,
                                                GError                  **error);

G_END_DECLS
