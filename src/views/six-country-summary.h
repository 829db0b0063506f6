/* six-country-summary.h — what the list of States needs of every State, in one read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_COUNTRY_SUMMARY (six_country_summary_get_type ())

G_DECLARE_FINAL_TYPE (SixCountrySummary, six_country_summary, SIX, COUNTRY_SUMMARY, GObject)

SixCountrySummary *six_country_summary_build             (SixDb              *db,
                                                          GError            **error);
GPtrArray         *six_country_summary_get_countries     (SixCountrySummary  *self);
GPtrArray         *six_country_summary_get_obligations   (SixCountrySummary  *self,
                                                          const char         *country);
GPtrArray         *six_country_summary_get_extensions    (SixCountrySummary  *self);
GArray            *six_country_summary_get_request_years (SixCountrySummary  *self,
                                                          const char         *country);
GArray            *six_country_summary_get_years         (SixCountrySummary  *self);
gboolean           six_country_summary_in_coalition      (SixCountrySummary  *self,
                                                          const char         *country);

G_END_DECLS
