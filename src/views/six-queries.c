/* six-queries.c — the live views pages read: each knows what it reads and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-queries"

#include "config.h"

#include "six-queries.h"

#include "six-live-query-private.h"

#include "six-coalition.h"
#include "six-country-summary.h"
#include "six-deadline.h"
#include "six-exchange-log.h"
#include "six-overview.h"
#include "six-profile.h"

/* Each reader runs on the repository's thread; a write to a kind it lists reads it again. */

static const char * const overview_kinds[] = {
  "country", "organisation", "assistance_request", "contribution", "article7_report",
  "obligation", "extension_request", "coalition", "meeting", "activity", NULL
};

typedef SixOverview *(*OverviewBuild) (SixDb        *db,
                                       int           first_year,
                                       int           last_year,
                                       const GDate  *today,
                                       GError      **error);

/* The span of the query's arguments, "(ii)", or the latest year holding data. */
static gpointer
build_overview (OverviewBuild   build,
                SixDb          *db,
                GVariant       *args,
                GError        **error)
{
  int first = 0, last = 0;
  GDate today;

  if (args != NULL)
    g_variant_get (args, "(ii)", &first, &last);
  six_date_get_today (&today);

  return build (db, first, last, &today, error);
}

static gpointer
read_overview (SixDb         *db,
               gpointer       args,
               GCancellable  *cancellable,
               GError       **error)
{
  return build_overview (six_overview_build, db, args, error);
}

/* Who sought what in the span, and how far it is answered: what the Overview shows first. */
static gpointer
read_overview_needs (SixDb         *db,
                     gpointer       args,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return build_overview (six_overview_build_needs, db, args, error);
}

SixLiveQuery *
six_overview_query_new (SixRepository *repository)
{
  SixLiveQuery *query = six_live_query_new (repository, overview_kinds, read_overview);

  six_live_query_set_first_func (query, read_overview_needs);

  return query;
}

void
six_overview_query_set_span (SixLiveQuery *query,
                             int           first_year,
                             int           last_year)
{
  six_live_query_set_args (query, g_variant_new ("(ii)", first_year, MAX (first_year, last_year)));
}

static const char * const country_summary_kinds[] = {
  "country", "obligation", "extension_request", "assistance_request", "article7_report",
  "coalition", "coalition_member", NULL
};

static gpointer
read_country_summary (SixDb         *db,
                      gpointer       args,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return six_country_summary_build (db, error);
}

SixLiveQuery *
six_country_summary_query_new (SixRepository *repository)
{
  return six_live_query_new (repository, country_summary_kinds, read_country_summary);
}

static const char * const profile_kinds[] = {
  "country", "organisation", "obligation", "extension_request", "article7_report",
  "assistance_request", "contribution", "coalition", "coalition_member", "contact", "note", NULL
};

static gpointer
read_profile (SixDb         *db,
              gpointer       args,
              GCancellable  *cancellable,
              GError       **error)
{
  return six_profile_load (db, g_variant_get_string (args, NULL), error);
}

SixLiveQuery *
six_profile_query_new (SixRepository *repository)
{
  return six_live_query_new (repository, profile_kinds, read_profile);
}

/* The State read, or none: the query then stays inactive. */
void
six_profile_query_set_country (SixLiveQuery *query,
                               const char   *country_id)
{
  six_live_query_set_active (query, FALSE);
  if (country_id == NULL)
    return;

  six_live_query_set_args (query, g_variant_new_string (country_id));
  six_live_query_set_active (query, TRUE);
}

static const char * const coalition_kinds[] = {
  "coalition", "coalition_member", "meeting", "activity", "note", "country", "organisation",
  "contact", "obligation", "extension_request", "assistance_request", "contribution", "action",
  NULL
};

/* @args is "(ms)": the coalition whose workspace to read as well, or none. */
static gpointer
read_coalitions (SixDb         *db,
                 gpointer       args,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *id = NULL;
  GDate today;

  if (args != NULL)
    g_variant_get (args, "(m&s)", &id);
  six_date_get_today (&today);

  return six_coalition_view_build (db, id, &today, error);
}

SixLiveQuery *
six_coalition_query_new (SixRepository *repository)
{
  return six_live_query_new (repository, coalition_kinds, read_coalitions);
}

/* The coalition whose workspace is read beside the list, or none: the list alone. */
void
six_coalition_query_set_coalition (SixLiveQuery *query,
                                   const char   *coalition_id)
{
  six_live_query_set_args (query, g_variant_new ("(ms)", coalition_id));
}

/* A conflict may be on a record of any kind, and is titled by that record's name. */
static const char * const *
every_kind (void)
{
  static const char **names;

  if (g_once_init_enter (&names))
    {
      guint n_kinds;
      const SixKind *kinds = six_kind_all (&n_kinds);
      const char **all = g_new0 (const char *, n_kinds + 1);

      for (guint i = 0; i < n_kinds; i++)
        all[i] = kinds[i].name;
      g_once_init_leave (&names, all);
    }

  return names;
}

/* @args is "u": how many of the newest files to read. */
static gpointer
read_exchange_log (SixDb         *db,
                   gpointer       args,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return six_exchange_log_build (db, g_variant_get_uint32 (args), error);
}

SixLiveQuery *
six_exchange_log_query_new (SixRepository *repository,
                            guint          n_files)
{
  SixLiveQuery *query = six_live_query_new (repository, every_kind (), read_exchange_log);

  six_live_query_set_args (query, g_variant_new_uint32 (n_files));

  return query;
}
