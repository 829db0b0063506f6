/* six-overview.h — who asked for what, what was given, what falls due: one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-record.h"

G_BEGIN_DECLS

/* How far the contributions that answer a request go. */
typedef enum
{
  SIX_COVERAGE_ANSWERED,    /* marked met, or given in full in the request's currency */
  SIX_COVERAGE_PARTLY,      /* marked partly met, or some contribution answers it */
  SIX_COVERAGE_UNANSWERED,  /* nothing recorded against it */
} SixCoverage;

#define SIX_N_COVERAGES 3

/* A deadline past today is "passed" only when nothing suggests otherwise (six_deadline_assess). */
typedef enum
{
  SIX_DEADLINE_PASSED,
  SIX_DEADLINE_EXTENSION_REQUESTED,
  SIX_DEADLINE_STATUS_UNKNOWN,
  SIX_DEADLINE_WITHIN_12_MONTHS,
  SIX_DEADLINE_WITHIN_36_MONTHS,
  SIX_DEADLINE_LATER,
} SixDeadlineBucket;

#define SIX_N_DEADLINE_BUCKETS 6

/* A need: an assistance request of the span, with the contributions that answer it. */
typedef struct
{
  SixRecord   *request;
  char        *country_name;
  SixCoverage  coverage;
  GPtrArray   *responses;   /* SixRecord `contribution`, by donor name */
} SixOverviewRequest;

/* A State that sought assistance in the span. */
typedef struct
{
  char  *country;
  char  *name;
  guint  categories;                 /* bit n: six_categories[n] was asked for */
  guint  coverage[SIX_N_COVERAGES];  /* its requests, by coverage */
} SixOverviewState;

/* Contributions of one status in one currency: never two currencies added together. */
typedef struct
{
  char    *status;     /* NULL: no status recorded */
  char    *currency;   /* NULL: no amount or no currency recorded */
  gint64   total;      /* ten-thousandths of the currency's unit */
  gboolean overflow;   /* the sum did not fit: @total is meaningless */
  guint    n_contributions;
  GStrv    recipients;  /* the States they went to, each once */
} SixOverviewTotal;

/* Contributions of one status in one currency, with the rates the user entered: an
 * estimate shown as such, never a recorded amount. */
typedef struct
{
  char     *status;     /* NULL: no status recorded */
  gint64    total;      /* ten-thousandths of the target currency */
  gboolean  overflow;
  GStrv     left_out;   /* currencies with no rate: not in @total */
} SixOverviewConverted;

typedef struct
{
  int   year;
  guint n_seeking;        /* States that sought assistance that year */
  guint n_reporting;      /* States with an Article 7 report recorded for that year */
  guint n_contributions;  /* contributions of that year */
} SixOverviewYear;

/* An open Art. 3 or Art. 4 deadline. */
typedef struct
{
  SixRecord         *obligation;
  char              *country_name;
  const char        *deadline;           /* YYYY-MM-DD */
  int                days_left;          /* negative: passed */
  SixDeadlineBucket  bucket;
  SixRecord         *pending_extension;  /* an extension requested, no decision recorded */
} SixOverviewDeadline;

typedef struct
{
  SixRecord *coalition;
  char      *lead_name;
  SixRecord *next_meeting;   /* the first on or after today, or NULL */
  guint      n_open;         /* follow-ups neither done nor cancelled */
  guint      n_overdue;      /* of those, due before today */
} SixOverviewCoalition;

/* The amounts of some records in one currency: never two currencies added together. */
typedef struct
{
  char     *currency;  /* NULL: amounts recorded without a currency */
  gint64    total;     /* ten-thousandths of the currency's unit */
  gboolean  overflow;  /* the sum did not fit: @total is meaningless */
} SixAmountSum;

/* A State named in the overview (a State Party without this year's report, say). */
typedef struct
{
  char *country;
  char *name;
} SixOverviewName;

/* The groups of the Overview page, top to bottom, each a list of facts. */
typedef enum
{
  SIX_OVERVIEW_SECTION_SEEKING,     /* the States that sought assistance, and who reported */
  SIX_OVERVIEW_SECTION_CATEGORIES,  /* what they asked for */
  SIX_OVERVIEW_SECTION_STATES,      /* the States themselves */
  SIX_OVERVIEW_SECTION_COVERAGE,    /* the requests, by how far they are answered */
  SIX_OVERVIEW_SECTION_TOTALS,      /* the contributions, by status and currency */
  SIX_OVERVIEW_SECTION_UNANSWERED,  /* the requests with no answer */
  SIX_OVERVIEW_SECTION_TREND,       /* year by year */
  SIX_OVERVIEW_SECTION_DEADLINES,   /* what falls due, and the missing reports */
  SIX_OVERVIEW_SECTION_COALITIONS,  /* the coalitions' follow-ups and meetings */
} SixOverviewSection;

#define SIX_OVERVIEW_N_SECTIONS 9

#define SIX_TYPE_OVERVIEW (six_overview_get_type ())

G_DECLARE_FINAL_TYPE (SixOverview, six_overview, SIX, OVERVIEW, GObject)

SixOverview *six_overview_build                (SixDb        *db,
                                                int           first_year,
                                                int           last_year,
                                                const GDate  *today,
                                                GError      **error);
SixOverview *six_overview_build_needs          (SixDb        *db,
                                                int           first_year,
                                                int           last_year,
                                                const GDate  *today,
                                                GError      **error);
gboolean     six_overview_is_complete          (SixOverview  *self);
void         six_overview_get_today            (SixOverview  *self,
                                                GDate        *today);
int          six_overview_get_first_year       (SixOverview  *self);
int          six_overview_get_last_year        (SixOverview  *self);
GArray      *six_overview_get_years            (SixOverview  *self);
guint        six_overview_get_n_reporting      (SixOverview  *self);
GPtrArray   *six_overview_get_states           (SixOverview  *self);
GPtrArray   *six_overview_get_requests         (SixOverview  *self);
guint        six_overview_count_category       (SixOverview  *self,
                                                guint         category,
                                                guint        *coverage);
GStrv        six_overview_dup_category_states  (SixOverview  *self,
                                                guint         category);
GStrv        six_overview_dup_coverage_states  (SixOverview  *self,
                                                SixCoverage   coverage);
GStrv        six_overview_dup_seeking_states   (SixOverview  *self);
GPtrArray   *six_overview_get_totals           (SixOverview  *self);
GPtrArray   *six_overview_get_deadlines        (SixOverview  *self);
GStrv        six_overview_dup_bucket_states    (SixOverview       *self,
                                                SixDeadlineBucket  bucket);
int          six_overview_get_report_year      (SixOverview  *self);
GPtrArray   *six_overview_get_missing_reports  (SixOverview  *self);
GPtrArray   *six_overview_get_coalitions       (SixOverview  *self);
gboolean     six_overview_is_empty             (SixOverview  *self);
char        *six_overview_describe_span        (SixOverview  *self);
GListModel  *six_overview_dup_facts            (SixOverview        *self,
                                                SixOverviewSection  section);
GListModel  *six_overview_dup_converted_facts  (SixOverview  *self,
                                                const char   *currency,
                                                GHashTable   *rates);

SixOverviewDeadline *six_overview_deadline_new (SixRecord   *obligation,
                                                const char  *country_name,
                                                GPtrArray   *extensions,
                                                const GDate *today);
void         six_overview_deadline_free        (SixOverviewDeadline *deadline);
int          six_overview_compare_deadlines    (gconstpointer a,
                                                gconstpointer b);
const char  *six_coverage_label                (SixCoverage   coverage);
SixCoverage  six_coverage_assess               (SixRecord    *request,
                                                GPtrArray    *responses);
GPtrArray   *six_overview_convert_totals       (SixOverview  *self,
                                                const char   *currency,
                                                GHashTable   *rates);
GPtrArray   *six_amount_sum_by_currency        (GPtrArray    *records);
char        *six_amount_sums_describe          (GPtrArray    *sums);
char        *six_amount_format                 (gint64        ten_thousandths,
                                                const char   *currency);
char        *six_record_dup_amount             (SixRecord    *record);
gboolean     six_amount_parse                  (const char   *text,
                                                gint64       *ten_thousandths);

G_END_DECLS
