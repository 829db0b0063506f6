/* six-countries-page.h — every State and area: searched, filtered, sorted, and profiled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-country-profile.h"
#include "six-repository.h"

G_BEGIN_DECLS

#define SIX_TYPE_COUNTRIES_PAGE (six_countries_page_get_type ())

G_DECLARE_FINAL_TYPE (SixCountriesPage, six_countries_page, SIX, COUNTRIES_PAGE, GtkWidget)

void               six_countries_page_set_repository (SixCountriesPage *self,
                                                      SixRepository    *repository);
void               six_countries_page_set_query      (SixCountriesPage *self,
                                                      const char       *query);
void               six_countries_page_show_only      (SixCountriesPage   *self,
                                                      const char         *title,
                                                      const char * const *ids);
void               six_countries_page_open_country   (SixCountriesPage *self,
                                                      const char       *id);
GListModel        *six_countries_page_get_shown      (SixCountriesPage *self);
SixCountryProfile *six_countries_page_get_profile    (SixCountriesPage *self);
gboolean           six_countries_page_is_updating    (SixCountriesPage *self);

G_END_DECLS
