/* six-profile.h — everything known about one State, gathered for reading and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-deadline.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_PROFILE (six_profile_get_type ())

G_DECLARE_FINAL_TYPE (SixProfile, six_profile, SIX, PROFILE, GObject)

/* The sections of a profile page, top to bottom. */
typedef enum
{
  SIX_PROFILE_DATES,
  SIX_PROFILE_OBLIGATIONS,
  SIX_PROFILE_REPORTS,
  SIX_PROFILE_REQUESTS,
  SIX_PROFILE_CONTRIBUTIONS,
  SIX_PROFILE_COALITIONS,
  SIX_PROFILE_CONTACTS,
  SIX_PROFILE_NOTES,
  SIX_PROFILE_N_SECTIONS
} SixProfileSection;

SixProfile *six_profile_load                 (SixDb               *db,
                                              const char          *country_id,
                                              GError             **error);
SixProfile *six_profile_share                (SixProfile          *self,
                                              SixVisibility        level);
SixRecord  *six_profile_get_country          (SixProfile          *self);
char       *six_profile_dup_name             (SixProfile          *self);
GPtrArray  *six_profile_get_obligations      (SixProfile          *self);
GPtrArray  *six_profile_get_extensions       (SixProfile          *self,
                                              const char          *obligation_id);
GPtrArray  *six_profile_get_reports          (SixProfile          *self);
GPtrArray  *six_profile_get_requests         (SixProfile          *self);
GPtrArray  *six_profile_get_received         (SixProfile          *self);
GPtrArray  *six_profile_get_provided         (SixProfile          *self);
GPtrArray  *six_profile_get_coalitions       (SixProfile          *self);
GPtrArray  *six_profile_get_members          (SixProfile          *self,
                                              const char          *coalition_id);
GPtrArray  *six_profile_get_contacts         (SixProfile          *self);
GPtrArray  *six_profile_get_notes            (SixProfile          *self);
char       *six_profile_dup_party_name       (SixProfile          *self,
                                              const char          *party_id);
const char *six_profile_get_writer           (SixProfile          *self,
                                              const char          *replica);
char       *six_profile_dup_partners         (SixProfile          *self,
                                              SixRecord           *coalition);
SixRecord  *six_profile_find                 (SixProfile          *self,
                                              const char          *kind_name,
                                              const char          *id);
char       *six_party_dup_name               (SixRecord           *party);

/* six-profile-facts.c: the profile as its page shows it */
GListModel *six_profile_dup_facts            (SixProfile          *self,
                                              SixProfileSection    section,
                                              const GDate         *today);

G_END_DECLS
