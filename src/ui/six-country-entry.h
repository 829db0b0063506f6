/* six-country-entry.h — one line of the list of States: a country and what the filters ask
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

/* What the list is narrowed to; NULL, 0 or FALSE leaves a criterion out. */
typedef struct
{
  const char *query;             /* words matched against names in three languages and codes */
  const char *status;            /* a CCM status */
  const char *region;
  const char *article;           /* "art3", "art4" or "art5": has that obligation */
  int         requested_in;      /* -1: any; 0: ever requested assistance; a year: in that year */
  gboolean    in_coalition;
  guint       deadline_months;   /* an open deadline within this many months (or overdue) */
  const GDate *today;
} SixCountryFilter;

#define SIX_TYPE_COUNTRY_ENTRY (six_country_entry_get_type ())

G_DECLARE_FINAL_TYPE (SixCountryEntry, six_country_entry, SIX, COUNTRY_ENTRY, GObject)

SixCountryEntry *six_country_entry_new        (const char             *id);
const char      *six_country_entry_get_id     (SixCountryEntry        *self);
const char      *six_country_entry_get_deadline (SixCountryEntry      *self);
void             six_country_entry_update     (SixCountryEntry        *self,
                                               SixRecord              *country,
                                               GPtrArray              *obligations,
                                               GPtrArray              *extensions,
                                               GArray                 *request_years,
                                               gboolean                in_coalition,
                                               const GDate            *today);
gboolean         six_country_entry_matches    (SixCountryEntry        *self,
                                               const SixCountryFilter *filter);

G_END_DECLS
