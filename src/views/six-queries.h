/* six-queries.h — the live views pages read: each knows what it reads and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-live-query.h"
#include "six-repository.h"

G_BEGIN_DECLS

/* Snapshots: SixOverview, for a span of reporting years (0, 0: the latest with data). */
SixLiveQuery *six_overview_query_new         (SixRepository *repository);
void          six_overview_query_set_span    (SixLiveQuery  *query,
                                              int            first_year,
                                              int            last_year);

/* Snapshots: SixCountrySummary, every State. */
SixLiveQuery *six_country_summary_query_new  (SixRepository *repository);

/* Snapshots: SixProfile, one State; inactive while no State is set. */
SixLiveQuery *six_profile_query_new          (SixRepository *repository);
void          six_profile_query_set_country  (SixLiveQuery  *query,
                                              const char    *country_id);

/* Snapshots: SixCoalitionView, every coalition, and the workspace of the one set (if any). */
SixLiveQuery *six_coalition_query_new            (SixRepository *repository);
void          six_coalition_query_set_coalition  (SixLiveQuery  *query,
                                                  const char    *coalition_id);

/* Snapshots: SixExchangeLog, the conflicts still to review and the newest @n_files files
 * received and exported. A file logged writes no record: six_live_query_reload () then. */
SixLiveQuery *six_exchange_log_query_new         (SixRepository *repository,
                                                  guint          n_files);

G_END_DECLS
