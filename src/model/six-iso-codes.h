/* six-iso-codes.h — country codes and names from Debian's iso-codes, with UN-style names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

/* Where Debian's iso-codes keeps ISO 3166-1 (a run and build dependency). */
#ifndef SIX_ISO_CODES_3166_1_JSON
#define SIX_ISO_CODES_3166_1_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
#endif

/* The gettext domain of the iso-codes translations. */
#define SIX_ISO_CODES_DOMAIN "iso_3166-1"

gboolean     six_iso_codes_load               (const char  *path,
                                               GError     **error);
guint        six_iso_codes_get_n_countries    (void);
const char  *six_iso_codes_get_nth_alpha3     (guint        nth);
const char  *six_iso_codes_alpha2_to_alpha3   (const char  *alpha2);
const char  *six_iso_codes_get_alpha2         (const char  *alpha3);
const char  *six_iso_codes_get_english_name   (const char  *alpha3);
const char  *six_iso_codes_get_name           (const char  *alpha3);
const char  *six_iso_codes_get_name_in        (const char  *alpha3,
                                               const char  *language);
gboolean     six_iso_codes_has_un_name        (const char  *alpha3);
char        *six_iso_codes_dup_country_name   (SixRecord   *country);

G_END_DECLS
