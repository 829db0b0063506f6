/* test-views.c — the views layer: the overview's figures and the exchange log on small
 * fixtures, computed by hand, and live queries that read again only when a kind they read
 * changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "six-conflict-item.h"
#include "six-db.h"
#include "six-exchange-file-item.h"
#include "six-exchange-log.h"
#include "six-fact.h"
#include "six-live-query-private.h"
#include "six-overview.h"
#include "six-repository.h"

#define WAIT_TIMEOUT_S 120

/* --- the overview on a database made here ------------------------------------------------ */

static void
put (SixDb       *db,
     const char  *kind_name,
     const char  *id,
     const char  *first_field,
     ...)
{
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup (kind_name), id);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  for (; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (g_strcmp0 (field, "year") == 0)
        six_edit_set_int (edit, field, g_ascii_strtoll (value, NULL, 10));
      else if (g_strcmp0 (field, "requested_assistance") == 0)
        six_edit_set_boolean (edit, field, TRUE);
      else
        six_edit_set_string (edit, field, value);
    }
  va_end (args);

  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_db_apply_edits (db, "test", edits, &error);
  g_assert_no_error (error);
}

static SixDb *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  SixDb *db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  put (db, "country", "LBN", "name", "Lebanon", "status", "party", NULL);
  put (db, "country", "LAO", "name", "Lao People\'s Democratic Republic", "status", "party", NULL);
  put (db, "country", "NOR", "name", "Norway", "status", "party", NULL);
  put (db, "country", "PER", "name", "Peru", "status", "party", NULL);

  /* 2018: Lebanon asks for victim assistance and clearance, Lao PDR for clearance. */
  put (db, "article7_report", "LBN:2018", "country", "LBN", "year", "2018",
       "requested_assistance", "true", NULL);
  put (db, "article7_report", "LAO:2018", "country", "LAO", "year", "2018", NULL);
  put (db, "article7_report", "NOR:2018", "country", "NOR", "year", "2018", NULL);
  put (db, "assistance_request", "r-lbn-va", "country", "LBN", "year", "2018",
       "category", "victim_assistance", "amount", "1000", "currency", "EUR", NULL);
  put (db, "assistance_request", "r-lbn-sc", "country", "LBN", "year", "2018",
       "category", "survey_clearance", NULL);
  put (db, "assistance_request", "r-lao-sc", "country", "LAO", "year", "2018",
       "category", "survey_clearance", "status", "met", NULL);
  put (db, "assistance_request", "r-per-withdrawn", "country", "PER", "year", "2018",
       "category", "stockpile_destruction", "status", "withdrawn", NULL);
  /* 2020: Peru asks for stockpile destruction. */
  put (db, "assistance_request", "r-per-sd", "country", "PER", "year", "2020",
       "category", "stockpile_destruction", NULL);

  /* Norway gives 600 EUR and 900 USD against Lebanon's victim assistance request. */
  put (db, "contribution", "c-eur", "donor", "NOR", "recipient", "LBN",
       "category", "victim_assistance", "amount", "600", "currency", "EUR", "year", "2018",
       "status", "pledged", "request", "r-lbn-va", NULL);
  /* A contribution with neither year nor request belongs to no span. */
  put (db, "contribution", "c-loose", "donor", "NOR", "recipient", "LAO",
       "category", "other", "status", "delivered", NULL);
  put (db, "contribution", "c-usd", "donor", "NOR", "recipient", "LBN",
       "category", "victim_assistance", "amount", "900.25", "currency", "USD", "year", "2018",
       "status", "pledged", "request", "r-lbn-va", NULL);

  return db;
}

static SixOverview *
build (SixDb *db,
       int    first,
       int    last)
{
  g_autoptr(GError) error = NULL;
  SixOverview *overview;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  overview = six_overview_build (db, first, last, &today, &error);
  g_assert_no_error (error);

  return overview;
}

static SixOverviewRequest *
find_request (SixOverview *overview,
              const char  *id)
{
  GPtrArray *requests = six_overview_get_requests (overview);

  for (guint i = 0; i < requests->len; i++)
    if (g_strcmp0 (six_record_get_id (((SixOverviewRequest *) requests->pdata[i])->request), id) == 0)
      return requests->pdata[i];

  return NULL;
}

static SixOverviewTotal *
find_total (SixOverview *overview,
            const char  *status,
            const char  *currency)
{
  GPtrArray *totals = six_overview_get_totals (overview);

  for (guint i = 0; i < totals->len; i++)
    {
      SixOverviewTotal *total = totals->pdata[i];

      if (g_strcmp0 (total->status, status) == 0 && g_strcmp0 (total->currency, currency) == 0)
        return total;
    }

  return NULL;
}

static guint
category (const char *name)
{
  for (guint i = 0; six_categories[i] != NULL; i++)
    if (g_strcmp0 (six_categories[i], name) == 0)
      return i;

  g_assert_not_reached ();
}

static void
test_overview_year (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) overview = build (db, 0, 0);
  guint coverage[SIX_N_COVERAGES];
  g_auto(GStrv) seeking = NULL;
  GArray *years;

  /* No span asked: the latest year holding data. */
  g_assert_cmpint (six_overview_get_first_year (overview), ==, 2020);
  g_clear_object (&overview);
  overview = build (db, 2018, 2018);

  /* Lebanon (requests) and Lao PDR (a request marked met): a withdrawn one is no need. */
  g_assert_cmpuint (six_overview_get_states (overview)->len, ==, 2);
  g_assert_cmpuint (six_overview_get_n_reporting (overview), ==, 3);
  seeking = six_overview_dup_seeking_states (overview);
  g_assert_cmpstrv (seeking, ((const char *[]) { "LAO", "LBN", NULL }));
  g_assert_cmpuint (six_overview_get_requests (overview)->len, ==, 3);

  /* Answered: marked met; partly: 600 EUR of 1000 EUR (the USD cannot count towards EUR);
   * unanswered: nothing against it. */
  g_assert_cmpint (find_request (overview, "r-lao-sc")->coverage, ==, SIX_COVERAGE_ANSWERED);
  g_assert_cmpint (find_request (overview, "r-lbn-va")->coverage, ==, SIX_COVERAGE_PARTLY);
  g_assert_cmpint (find_request (overview, "r-lbn-sc")->coverage, ==, SIX_COVERAGE_UNANSWERED);
  g_assert_cmpuint (find_request (overview, "r-lbn-va")->responses->len, ==, 2);

  g_assert_cmpuint (six_overview_count_category (overview, category ("survey_clearance"),
                                                 coverage), ==, 2);
  g_assert_cmpuint (coverage[SIX_COVERAGE_ANSWERED], ==, 1);
  g_assert_cmpuint (coverage[SIX_COVERAGE_PARTLY], ==, 0);
  g_assert_cmpuint (coverage[SIX_COVERAGE_UNANSWERED], ==, 1);
  g_assert_cmpuint (six_overview_count_category (overview, category ("victim_assistance"),
                                                 coverage), ==, 1);
  g_assert_cmpuint (coverage[SIX_COVERAGE_PARTLY], ==, 1);
  g_assert_cmpuint (six_overview_count_category (overview, category ("stockpile_destruction"),
                                                 NULL), ==, 0);

  /* Two currencies, two totals: never added together. */
  g_assert_cmpuint (six_overview_get_totals (overview)->len, ==, 2);
  g_assert_cmpint (find_total (overview, "pledged", "EUR")->total, ==, 600 * 10000);
  g_assert_cmpint (find_total (overview, "pledged", "USD")->total, ==, 9002500);
  g_assert_null (find_total (overview, "delivered", NULL));
  g_assert_cmpstrv (find_total (overview, "pledged", "USD")->recipients,
                    ((const char *[]) { "LBN", NULL }));

  /* The trend: every year with data, each with its own figures. */
  years = six_overview_get_years (overview);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, SixOverviewYear, 0).year, ==, 2018);
  g_assert_cmpuint (g_array_index (years, SixOverviewYear, 0).n_seeking, ==, 2);
  g_assert_cmpuint (g_array_index (years, SixOverviewYear, 0).n_contributions, ==, 2);
  g_assert_cmpint (g_array_index (years, SixOverviewYear, 1).year, ==, 2020);
  g_assert_cmpuint (g_array_index (years, SixOverviewYear, 1).n_seeking, ==, 1);

  /* Every State Party lacks a 2026 report here. */
  g_assert_cmpint (six_overview_get_report_year (overview), ==, 2026);
  g_assert_cmpuint (six_overview_get_missing_reports (overview)->len, ==, 4);
}

/* --- the overview's lines, as its page shows them ------------------------------------------- */

static SixFact *
nth_fact (GListModel *facts,
          guint       n)
{
  g_autoptr(SixFact) fact = g_list_model_get_item (facts, n);

  g_assert_nonnull (fact);

  return fact;  /* the list keeps it */
}

/* @fact opens the Countries list titled @title, narrowed to @ids. */
static void
assert_opens_countries (SixFact            *fact,
                        const char         *title,
                        const char * const *ids)
{
  GVariant *target = six_fact_get_action_target (fact);
  const char *filter;
  g_autofree const char **countries = NULL;

  g_assert_cmpstr (six_fact_get_action_name (fact), ==, "win.show-countries");
  g_variant_get (target, "(&s^a&s)", &filter, &countries);
  g_assert_cmpstr (filter, ==, title);
  g_assert_cmpstrv (countries, ids);
}

/* @expected: floating, taken */
static void
assert_target (SixFact  *fact,
               GVariant *expected)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (expected);

  g_assert_cmpvariant (six_fact_get_action_target (fact), owned);
}

static void
assert_bar (SixFact         *fact,
            const double    *values,
            guint            n_values,
            double           max)
{
  double bar_max = 0;
  const SixChartValues *bar = six_fact_get_bar (fact, &bar_max);

  g_assert_nonnull (bar);
  g_assert_cmpuint (bar->n_segments, ==, n_values);
  for (guint i = 0; i < n_values; i++)
    g_assert_cmpfloat (bar->values[i], ==, values[i]);
  g_assert_cmpfloat (bar_max, ==, max);
}

static GListModel *
facts_of (SixOverview        *overview,
          SixOverviewSection  section)
{
  return six_overview_dup_facts (overview, section);
}

static void
test_overview_facts (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) overview = build (db, 2018, 2018);
  g_autoptr(GListModel) seeking = facts_of (overview, SIX_OVERVIEW_SECTION_SEEKING);
  g_autoptr(GListModel) categories = facts_of (overview, SIX_OVERVIEW_SECTION_CATEGORIES);
  g_autoptr(GListModel) states = facts_of (overview, SIX_OVERVIEW_SECTION_STATES);
  g_autoptr(GListModel) coverage = facts_of (overview, SIX_OVERVIEW_SECTION_COVERAGE);
  g_autoptr(GListModel) unanswered = facts_of (overview, SIX_OVERVIEW_SECTION_UNANSWERED);
  g_autoptr(GListModel) trend = facts_of (overview, SIX_OVERVIEW_SECTION_TREND);
  g_autoptr(GListModel) deadlines = facts_of (overview, SIX_OVERVIEW_SECTION_DEADLINES);
  g_autoptr(GListModel) coalitions = facts_of (overview, SIX_OVERVIEW_SECTION_COALITIONS);
  static const char * const seekers[] = { "LAO", "LBN", NULL };
  SixFact *fact;

  /* Lao PDR and Lebanon sought assistance; three States reported for 2018. */
  g_assert_cmpuint (g_list_model_get_n_items (seeking), ==, 1);
  fact = nth_fact (seeking, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "2 States sought assistance in 2018");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==,
                   "3 States with an Article 7 report for 2018");
  assert_opens_countries (fact, "States that sought assistance in 2018", seekers);

  /* A line per category; survey and clearance: Lao PDR answered, Lebanon not. */
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, g_strv_length ((char **) six_categories));
  fact = nth_fact (categories, category ("survey_clearance"));
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Survey and clearance");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "2 States · 1 answered, 0 partly, 1 unanswered");
  assert_bar (fact, (double []) { 1, 0, 1 }, 3, 2);
  assert_opens_countries (fact, "States that sought Survey and clearance in 2018", seekers);
  /* The withdrawn stockpile request is no need: a figure of none opens nothing. */
  fact = nth_fact (categories, category ("stockpile_destruction"));
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "0 States · 0 answered, 0 partly, 0 unanswered");
  g_assert_null (six_fact_get_action_name (fact));

  /* Each State opens its profile. */
  g_assert_cmpuint (g_list_model_get_n_items (states), ==, 2);
  fact = nth_fact (states, 1);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Lebanon");
  g_assert_true (g_str_has_suffix (six_fact_get_subtitle (fact),
                                   " · 0 answered, 1 partly, 1 unanswered"));
  g_assert_cmpstr (six_fact_get_action_name (fact), ==, "win.open-record");
  assert_target (fact, g_variant_new ("(ss)", "country", "LBN"));

  /* Three requests: one of each coverage, each bar out of three. */
  g_assert_cmpuint (g_list_model_get_n_items (coverage), ==, 3);
  fact = nth_fact (coverage, 1);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Partly answered");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "1 request");
  assert_bar (fact, (double []) { 1 }, 1, 3);
  assert_opens_countries (fact, "States with requests of 2018: Partly answered",
                          (const char * const []) { "LBN", NULL });

  /* The unanswered request, told apart by State, year and category. */
  g_assert_cmpuint (g_list_model_get_n_items (unanswered), ==, 1);
  fact = nth_fact (unanswered, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Lebanon · 2018 · Survey and clearance");
  g_assert_cmpint (six_fact_get_subtitle_lines (fact), ==, 2);
  assert_target (fact, g_variant_new ("(ss)", "country", "LBN"));

  /* Years with data, the latest first, each showing that year alone. */
  g_assert_cmpuint (g_list_model_get_n_items (trend), ==, 2);
  fact = nth_fact (trend, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "2020");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "1 State sought assistance · 0 contributions");
  g_assert_cmpstr (six_fact_get_action_name (fact), ==, "overview.show-year");
  assert_target (fact, g_variant_new_int32 (2020));
  assert_bar (fact, (double []) { 1 }, 1, 2);

  /* No obligation: six empty buckets that open nothing, then the four missing reports. */
  g_assert_cmpuint (g_list_model_get_n_items (deadlines), ==, 7);
  fact = nth_fact (deadlines, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Deadline passed");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "0 deadlines");
  g_assert_null (six_fact_get_action_name (fact));
  fact = nth_fact (deadlines, 6);
  g_assert_cmpstr (six_fact_get_title (fact), ==,
                   "4 States Parties have no Article 7 report recorded for 2026");
  assert_opens_countries (fact, "States Parties without an Article 7 report recorded for 2026",
                          (const char * const []) { "LAO", "LBN", "NOR", "PER", NULL });

  g_assert_cmpuint (g_list_model_get_n_items (coalitions), ==, 1);
  g_assert_cmpstr (six_fact_get_title (nth_fact (coalitions, 0)), ==, "No coalition yet");
  g_assert_null (six_fact_get_action_name (nth_fact (coalitions, 0)));
}

/* Totals by status and currency, and converted at the user's rates as estimates. */
static void
test_overview_facts_totals (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) overview = build (db, 2018, 2018);
  g_autoptr(GListModel) totals = facts_of (overview, SIX_OVERVIEW_SECTION_TOTALS);
  g_autoptr(GHashTable) rates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GListModel) without = six_overview_dup_converted_facts (overview, "EUR", rates);
  g_autoptr(GListModel) with = NULL;
  g_autoptr(GListModel) nowhere = six_overview_dup_converted_facts (overview, "", rates);
  gint64 rate = 9000;

  /* One line per status: each currency summed on its own, the States named once. */
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 1);
  g_assert_cmpstr (six_fact_get_title (nth_fact (totals, 0)), ==, "Pledged");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (totals, 0)), ==,
                   "600 EUR · 900.25 USD\n2 contributions");
  assert_opens_countries (nth_fact (totals, 0), "States that received contributions: Pledged",
                          (const char * const []) { "LBN", NULL });

  /* No currency asked: nothing converted. No rate for USD: named as left out. */
  g_assert_cmpuint (g_list_model_get_n_items (nowhere), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (without), ==, 1);
  g_assert_cmpstr (six_fact_get_title (nth_fact (without, 0)), ==, "Pledged: ≈ 600 EUR");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (without, 0)), ==,
                   "At your rates; not converted for want of a rate: USD");
  g_assert_cmpstr (six_fact_get_style (nth_fact (without, 0)), ==, "converted");

  g_hash_table_insert (rates, (gpointer) "USD", g_memdup2 (&rate, sizeof rate));
  with = six_overview_dup_converted_facts (overview, "EUR", rates);
  g_assert_cmpstr (six_fact_get_title (nth_fact (with, 0)), ==, "Pledged: ≈ 1,410.2250 EUR");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (with, 0)), ==,
                   "At your rates, not recorded amounts");

  /* The euros disbursed: a line of their own, after the pledges. */
  put (db, "contribution", "c-eur", "status", "disbursed", NULL);
  g_clear_object (&overview);
  g_clear_object (&totals);
  overview = build (db, 2018, 2018);
  totals = facts_of (overview, SIX_OVERVIEW_SECTION_TOTALS);
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 2);
  g_assert_cmpstr (six_fact_get_title (nth_fact (totals, 0)), ==, "Pledged: 900.25 USD");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (totals, 0)), ==, "1 contribution");
  g_assert_cmpstr (six_fact_get_title (nth_fact (totals, 1)), ==, "Disbursed: 600 EUR");
}

/* The needs alone read what the whole does of them: the same span, States, needs and coverage. */
static void
assert_needs_as_whole (SixDb *db,
                       int    first,
                       int    last)
{
  g_autoptr(SixOverview) whole = build (db, first, last);
  g_autoptr(SixOverview) needs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seeking = NULL;
  g_auto(GStrv) seeking_whole = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  needs = six_overview_build_needs (db, first, last, &today, &error);
  g_assert_no_error (error);

  g_assert_true (six_overview_is_complete (whole));
  g_assert_false (six_overview_is_complete (needs));
  g_assert_cmpint (six_overview_get_first_year (needs), ==, six_overview_get_first_year (whole));
  g_assert_cmpint (six_overview_get_last_year (needs), ==, six_overview_get_last_year (whole));
  g_assert_cmpuint (six_overview_get_n_reporting (needs), ==,
                    six_overview_get_n_reporting (whole));
  seeking = six_overview_dup_seeking_states (needs);
  seeking_whole = six_overview_dup_seeking_states (whole);
  g_assert_cmpstrv (seeking, seeking_whole);
  g_assert_cmpuint (six_overview_get_requests (needs)->len, ==,
                    six_overview_get_requests (whole)->len);
  for (guint c = 0; six_categories[c] != NULL; c++)
    {
      guint coverage[SIX_N_COVERAGES], coverage_whole[SIX_N_COVERAGES];

      g_assert_cmpuint (six_overview_count_category (needs, c, coverage), ==,
                        six_overview_count_category (whole, c, coverage_whole));
      for (guint k = 0; k < SIX_N_COVERAGES; k++)
        g_assert_cmpuint (coverage[k], ==, coverage_whole[k]);
    }

  /* What it does not read, it holds none of. */
  g_assert_cmpuint (six_overview_get_totals (needs)->len, ==, 0);
  g_assert_cmpuint (six_overview_get_years (needs)->len, ==, 0);
  g_assert_cmpuint (six_overview_get_deadlines (needs)->len, ==, 0);
  g_assert_cmpuint (six_overview_get_coalitions (needs)->len, ==, 0);
}

static void
test_overview_needs (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixDb) empty = NULL;
  g_autoptr(SixOverview) none = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  /* The latest year holding data by default (2020), as the whole finds it; a span; a year
   * holding nothing. */
  assert_needs_as_whole (db, 0, 0);
  assert_needs_as_whole (db, 2018, 2018);
  assert_needs_as_whole (db, 2018, 2020);
  assert_needs_as_whole (db, 2019, 2019);
  put (db, "article7_report", "LAO:2024", "country", "LAO", "year", "2024",
       "requested_assistance", "true", NULL);
  assert_needs_as_whole (db, 0, 0);

  /* Nothing dated: this year. */
  empty = six_db_open (":memory:", &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  none = six_overview_build_needs (empty, 0, 0, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (six_overview_get_first_year (none), ==, 2026);
}

static void
test_overview_convert (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) overview = build (db, 2018, 2018);
  g_autoptr(GHashTable) rates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) with = NULL;
  SixOverviewConverted *pledged;
  gint64 *rate = g_new (gint64, 1);

  /* No rate for USD: the EUR alone, and USD named as left out. */
  without = six_overview_convert_totals (overview, "EUR", rates);
  g_assert_cmpuint (without->len, ==, 1);
  pledged = without->pdata[0];
  g_assert_cmpstr (pledged->status, ==, "pledged");
  g_assert_cmpint (pledged->total, ==, 600 * 10000);
  g_assert_cmpstrv (pledged->left_out, ((const char *[]) { "USD", NULL }));

  /* 1 USD = 0.9 EUR: 600 + 900.25 × 0.9 = 1410.225 EUR. */
  *rate = 9000;
  g_hash_table_insert (rates, (gpointer) "USD", rate);
  with = six_overview_convert_totals (overview, "EUR", rates);
  pledged = with->pdata[0];
  g_assert_cmpint (pledged->total, ==, 14102250);
  g_assert_cmpstrv (pledged->left_out, ((const char *[]) { NULL }));
}

static void
test_overview_moves (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) before = build (db, 2018, 2018);
  g_autoptr(SixOverview) after = NULL;

  /* Pledged → disbursed moves the sum from one status to the other. */
  g_assert_nonnull (find_total (before, "pledged", "EUR"));
  put (db, "contribution", "c-eur", "status", "disbursed", NULL);
  after = build (db, 2018, 2018);
  g_assert_null (find_total (after, "pledged", "EUR"));
  g_assert_cmpint (find_total (after, "disbursed", "EUR")->total, ==, 600 * 10000);
  g_clear_object (&after);

  /* 400 EUR more covers the 1000 EUR asked: answered. */
  put (db, "contribution", "c-eur-2", "donor", "NOR", "recipient", "LBN",
       "category", "victim_assistance", "amount", "400", "currency", "EUR", "year", "2018",
       "status", "committed", "request", "r-lbn-va", NULL);
  after = build (db, 2018, 2018);
  g_assert_cmpint (find_request (after, "r-lbn-va")->coverage, ==, SIX_COVERAGE_ANSWERED);
}

static void
test_overview_span (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) span = build (db, 2018, 2020);
  g_autoptr(SixOverview) empty = build (db, 2019, 2019);

  g_assert_cmpuint (six_overview_get_states (span)->len, ==, 3);
  g_assert_cmpuint (six_overview_count_category (span, category ("stockpile_destruction"), NULL),
                    ==, 1);

  /* A year holding nothing invents nothing. */
  g_assert_cmpuint (six_overview_get_states (empty)->len, ==, 0);
  g_assert_cmpuint (six_overview_get_n_reporting (empty), ==, 0);
  g_assert_cmpuint (six_overview_get_requests (empty)->len, ==, 0);
  g_assert_cmpuint (six_overview_get_totals (empty)->len, ==, 0);
  g_assert_false (six_overview_is_empty (empty));
}

static void
test_overview_deadlines (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixOverview) overview = NULL;
  GPtrArray *deadlines;
  g_auto(GStrv) passed = NULL;
  g_auto(GStrv) requested = NULL;

  put (db, "obligation", "LBN:art4", "country", "LBN", "article", "art4",
       "current_deadline", "2026-05-01", NULL);
  put (db, "extension_request", "LBN:art4:2025", "obligation", "LBN:art4",
       "submitted_on", "2025-03-01", "requested_until", "2031-05-01", "decision", "requested",
       NULL);
  put (db, "obligation", "LAO:art4", "country", "LAO", "article", "art4",
       "current_deadline", "2027-08-01", NULL);
  put (db, "obligation", "PER:art3", "country", "PER", "article", "art3",
       "current_deadline", "2024-04-01", "status", "completed", NULL);
  put (db, "obligation", "NOR:art5", "country", "NOR", "article", "art5", NULL);
  overview = build (db, 2018, 2018);

  /* Completed and Art. 5 obligations are off the radar; soonest first. */
  deadlines = six_overview_get_deadlines (overview);
  g_assert_cmpuint (deadlines->len, ==, 2);
  g_assert_cmpstr (((SixOverviewDeadline *) deadlines->pdata[0])->deadline, ==, "2026-05-01");
  /* Passed, but an extension awaits a decision: not counted as passed. */
  g_assert_cmpint (((SixOverviewDeadline *) deadlines->pdata[0])->bucket, ==,
                   SIX_DEADLINE_EXTENSION_REQUESTED);
  g_assert_nonnull (((SixOverviewDeadline *) deadlines->pdata[0])->pending_extension);
  g_assert_cmpint (((SixOverviewDeadline *) deadlines->pdata[1])->bucket, ==,
                   SIX_DEADLINE_WITHIN_12_MONTHS);
  g_assert_null (((SixOverviewDeadline *) deadlines->pdata[1])->pending_extension);
  passed = six_overview_dup_bucket_states (overview, SIX_DEADLINE_PASSED);
  g_assert_cmpstrv (passed, ((const char *[]) { NULL }));
  requested = six_overview_dup_bucket_states (overview, SIX_DEADLINE_EXTENSION_REQUESTED);
  g_assert_cmpstrv (requested, ((const char *[]) { "LBN", NULL }));
}

static void
test_amounts (void)
{
  gint64 value = 0;
  g_autofree char *grouped = NULL;
  g_autofree char *fraction = NULL;
  g_autofree char *small = NULL;

  g_assert_true (six_amount_parse ("1250000.5", &value));
  g_assert_cmpint (value, ==, 12500005000);
  g_assert_true (six_amount_parse ("0.0001", &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (six_amount_parse ("", &value));
  g_assert_false (six_amount_parse ("12a", &value));
  g_assert_false (six_amount_parse ("-5", &value));
  g_assert_false (six_amount_parse ("99999999999999999999", &value));

  grouped = six_amount_format (12500005000, "EUR");
  g_assert_cmpstr (grouped, ==, "1,250,000.50 EUR");
  fraction = six_amount_format (12345, NULL);
  g_assert_cmpstr (fraction, ==, "1.2345");
  small = six_amount_format (9990000, "USD");
  g_assert_cmpstr (small, ==, "999 USD");
}

/* --- the exchange log on a database made here -------------------------------------------- */

/* 2026-11-20 and 2026-11-19, at noon UTC (the test runs in UTC). */
#define NOV_20_NOON G_GINT64_CONSTANT (1795176000000)
#define NOV_19_NOON (NOV_20_NOON - G_GINT64_CONSTANT (86400000))

#define NADIA "0f8e3b1c-5d2a-4e7b-9c61-2a3b4c5d6e7f"
#define UNNAMED "abcdef01-2345-4678-9abc-def012345678"

static gint64
wall_at (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* Keeps a value @replica wrote at @wall as what a merge replaced in Lebanon's @field, against
 * the value written here. */
static void
add_conflict (SixDb      *db,
              gint64      operation,
              const char *field,
              const char *lost,
              const char *replica,
              gint64      wall)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) record = six_db_get_record (db, six_kind_lookup ("country"), "LBN", TRUE,
                                                   &error);
  g_autoptr(SixVersionVector) lost_vv = six_version_vector_new ();
  g_autoptr(GVariant) lost_value = g_variant_ref_sink (g_variant_new_string (lost));
  SixConflict conflict = { 0 };

  g_assert_no_error (error);
  conflict.kind = six_kind_lookup ("country");
  conflict.record_id = (char *) "LBN";
  conflict.field = six_kind_field_index (conflict.kind, field);
  conflict.lost_value = lost_value;
  conflict.lost_stamp.vv = lost_vv;
  conflict.lost_stamp.hlc = (SixHlc) { wall, 0, replica };
  conflict.won_value = six_record_get_value (record, field);
  conflict.won_stamp = *six_record_get_nth_stamp (record, conflict.field);
  conflict.operation = operation;
  g_assert_true (six_db_add_conflict (db, &conflict, &error));
  g_assert_no_error (error);
}

static void
log_file (SixDb                *db,
          SixExchangeDirection  direction,
          const char           *file_name,
          const char           *origin,
          const char           *origin_name,
          const char           *counts)
{
  g_autoptr(GError) error = NULL;
  SixExchangeLogEntry entry = {
    .direction = direction,
    .export_id = (char *) file_name,
    .origin = (char *) origin,
    .origin_name = (char *) origin_name,
    .file_name = (char *) file_name,
    .at = NOV_20_NOON,
    .counts = (char *) counts,
  };

  g_assert_cmpint (six_db_log_exchange (db, &entry, &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_conflict (GListModel *conflicts,
                 guint       position,
                 const char *title,
                 const char *kept,
                 const char *replaced)
{
  g_autoptr(SixConflictItem) item = g_list_model_get_item (conflicts, position);

  g_assert_nonnull (item);
  g_assert_cmpint (six_conflict_item_get_id (item), >, 0);
  g_assert_cmpstr (six_conflict_item_get_title (item), ==, title);
  g_assert_cmpstr (six_conflict_item_get_kept (item), ==, kept);
  g_assert_cmpstr (six_conflict_item_get_replaced (item), ==, replaced);
}

static void
assert_file (GListModel *files,
             guint       position,
             const char *name,
             const char *description,
             gboolean    exported)
{
  g_autoptr(SixExchangeFileItem) item = g_list_model_get_item (files, position);

  g_assert_nonnull (item);
  g_assert_cmpstr (six_exchange_file_item_get_name (item), ==, name);
  g_assert_cmpstr (six_exchange_file_item_get_description (item), ==, description);
  g_assert_cmpint (six_exchange_file_item_get_exported (item), ==, exported);
}

/* Two values of Lebanon replaced by merges, one sent by Nadia Haddad, one by someone who gave
 * no name; a file received and one exported: each item says what the page shows. */
static void
test_exchange_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);
  g_autoptr(SixExchangeLog) log = NULL;
  g_autoptr(SixExchangeLog) newest = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(SixConflictItem) first = NULL;
  gint64 wall = NOV_20_NOON;
  GListModel *conflicts;
  GListModel *files;
  SixEdit *edit;
  gint64 operation;

  g_assert_no_error (error);
  six_db_set_wall_clock (db, wall_at, &wall);
  g_assert_true (six_db_set_replica_name (db, NADIA, "Nadia Haddad", NULL, &error));
  g_assert_no_error (error);

  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "status", "party");
  six_edit_set_string (edit, "confidence", "low");
  g_ptr_array_add (edits, edit);
  operation = six_db_apply_edits (db, "Lebanon", edits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (operation, >, 0);

  add_conflict (db, operation, "confidence", "high", NADIA, NOV_19_NOON);
  add_conflict (db, operation, "name", "Lebanese Republic", NADIA, NOV_19_NOON);
  add_conflict (db, operation, "status", "signatory", UNNAMED, NOV_19_NOON);
  log_file (db, SIX_EXCHANGE_DIRECTION_IMPORT, "nadia.a6.json", NADIA, "Nadia Haddad",
            "{\"new\": 1, \"changed\": 2, \"deleted\": 0, \"unchanged\": 4, "
            "\"conflicts\": 2}");
  log_file (db, SIX_EXCHANGE_DIRECTION_EXPORT, "ours.a6.json", six_db_get_replica_id (db), NULL,
            "{\"records\": 3}");

  log = six_exchange_log_build (db, 50, &error);
  g_assert_no_error (error);
  g_assert_false (six_exchange_log_is_empty (log));

  /* Newest first: the status, then the name. */
  conflicts = six_exchange_log_get_conflicts (log);
  g_assert_true (g_list_model_get_item_type (conflicts) == SIX_TYPE_CONFLICT_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 3);
  assert_conflict (conflicts, 0, "Lebanon · Status",
                   "“State Party”, by you on 2026-11-20",
                   "“Signatory”, by someone who gave no name (abcdef01…) on 2026-11-19");
  assert_conflict (conflicts, 1, "Lebanon · Name",
                   "“Lebanon”, by you on 2026-11-20",
                   "“Lebanese Republic”, by Nadia Haddad on 2026-11-19");
  /* Every field and enumerated value in words, never its code. */
  assert_conflict (conflicts, 2, "Lebanon · Confidence",
                   "“Low confidence”, by you on 2026-11-20",
                   "“High confidence”, by Nadia Haddad on 2026-11-19");

  /* Received and exported in one list, newest first: a page tells them apart. */
  files = six_exchange_log_get_files (log);
  g_assert_true (g_list_model_get_item_type (files) == SIX_TYPE_EXCHANGE_FILE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 2);
  assert_file (files, 0, "ours.a6.json", "Exported on 2026-11-20 · 3 records", TRUE);
  assert_file (files, 1, "nadia.a6.json",
               "From Nadia Haddad, imported on 2026-11-20 · "
               "1 new, 2 changed, 0 deleted, 4 unchanged; 2 conflicts", FALSE);

  /* A restored value leaves the log; only the newest files are read. */
  first = g_list_model_get_item (conflicts, 0);
  g_assert_cmpint (six_db_restore_conflict (db, six_conflict_item_get_id (first), &error), >, 0);
  g_assert_no_error (error);
  newest = six_exchange_log_build (db, 1, &error);
  g_assert_no_error (error);
  conflicts = six_exchange_log_get_conflicts (newest);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 2);
  assert_conflict (conflicts, 0, "Lebanon · Name",
                   "“Lebanon”, by you on 2026-11-20",
                   "“Lebanese Republic”, by Nadia Haddad on 2026-11-19");
  files = six_exchange_log_get_files (newest);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 1);
  assert_file (files, 0, "ours.a6.json", "Exported on 2026-11-20 · 3 records", TRUE);
}

/* An empty database: nothing to review, nothing exchanged. */
static void
test_exchange_log_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);
  g_autoptr(SixExchangeLog) log = NULL;

  g_assert_no_error (error);
  log = six_exchange_log_build (db, 50, &error);
  g_assert_no_error (error);
  g_assert_true (six_exchange_log_is_empty (log));
  g_assert_cmpuint (g_list_model_get_n_items (six_exchange_log_get_conflicts (log)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (six_exchange_log_get_files (log)), ==, 0);
}

/* --- live queries ------------------------------------------------------------------------- */

typedef struct
{
  guint n_reads;
} Counter;

static gpointer
count_read (SixDb         *db,
            gpointer       args,
            GCancellable  *cancellable,
            GError       **error)
{
  /* The snapshot is any object: what matters here is when a read happens. */
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static void
on_snapshot_cb (GObject    *query,
                GParamSpec *pspec,
                Counter    *counter)
{
  counter->n_reads++;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("still waiting after %d seconds", WAIT_TIMEOUT_S);

  return G_SOURCE_REMOVE;
}

static void
spin_until (guint *value,
            guint  expected)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, NULL);

  while (*value < expected)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint *done = user_data;

  six_repository_apply_finish (SIX_REPOSITORY (object), result, &error);
  g_assert_no_error (error);
  (*done)++;
}

static void
apply_note (SixRepository *repository,
            const char    *kind_name,
            const char    *id,
            const char    *field,
            const char    *value)
{
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup (kind_name), id);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  guint done = 0;

  six_edit_set_string (edit, field, value);
  if (six_edit_is_new (edit) || g_strcmp0 (kind_name, "country") == 0)
    six_edit_set_string (edit, "name", id);
  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_repository_apply_async (repository, "test", edits, NULL, applied_cb, &done);
  spin_until (&done, 1);

  /* Let the idle that coalesces changes run, and any read it starts come back. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

static void
test_live_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-views-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "views.db", NULL);
  g_autoptr(SixRepository) repository = NULL;
  g_autoptr(SixLiveQuery) countries = NULL;
  g_autoptr(SixLiveQuery) requests = NULL;
  Counter on_countries = { 0 }, on_requests = { 0 };

  g_assert_no_error (error);
  repository = six_repository_open (path, &error);
  g_assert_no_error (error);

  countries = six_live_query_new (repository, (const char *[]) { "country", NULL }, count_read);
  requests = six_live_query_new (repository,
                                 (const char *[]) { "assistance_request", "contribution", NULL },
                                 count_read);
  g_signal_connect (countries, "notify::snapshot", G_CALLBACK (on_snapshot_cb), &on_countries);
  g_signal_connect (requests, "notify::snapshot", G_CALLBACK (on_snapshot_cb), &on_requests);

  /* Nothing is read until a view is shown. */
  apply_note (repository, "country", "LBN", "status", "party");
  g_assert_cmpuint (on_countries.n_reads, ==, 0);
  six_live_query_set_active (countries, TRUE);
  six_live_query_set_active (requests, TRUE);
  spin_until (&on_countries.n_reads, 1);
  spin_until (&on_requests.n_reads, 1);
  g_assert_nonnull (six_live_query_get_snapshot (countries));
  g_assert_false (six_live_query_is_loading (countries));

  /* A change to a country reads the countries again, not the requests. */
  apply_note (repository, "country", "LBN", "status", "signatory");
  spin_until (&on_countries.n_reads, 2);
  g_assert_cmpuint (on_requests.n_reads, ==, 1);

  /* An inactive view notes the change and reads once it is shown again. */
  six_live_query_set_active (countries, FALSE);
  apply_note (repository, "country", "LBN", "status", "party");
  g_assert_cmpuint (on_countries.n_reads, ==, 2);
  six_live_query_set_active (countries, TRUE);
  spin_until (&on_countries.n_reads, 3);

  /* New arguments read again; a read they supersede is never published. */
  six_live_query_set_args (requests, g_variant_new ("(ii)", 2018, 2018));
  six_live_query_set_args (requests, g_variant_new ("(ii)", 2019, 2019));
  spin_until (&on_requests.n_reads, 2);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  g_assert_cmpuint (on_requests.n_reads, ==, 2);
  g_assert_cmpuint (on_countries.n_reads, ==, 3);

  /* A reload reads again though no kind it reads was written; inactive, once shown again. */
  six_live_query_reload (countries);
  spin_until (&on_countries.n_reads, 4);
  six_live_query_set_active (countries, FALSE);
  six_live_query_reload (countries);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  g_assert_cmpuint (on_countries.n_reads, ==, 4);
  six_live_query_set_active (countries, TRUE);
  spin_until (&on_countries.n_reads, 5);
  g_assert_cmpuint (on_requests.n_reads, ==, 2);

  g_clear_object (&countries);
  g_clear_object (&requests);
  six_repository_close (repository);
  g_clear_object (&repository);
  g_unlink (path);
  g_rmdir (dir);
}

/* What a snapshot says it is: a part read first, or the whole. */
static gpointer
read_part (SixDb         *db,
           gpointer       args,
           GCancellable  *cancellable,
           GError       **error)
{
  GObject *snapshot = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (snapshot, "read", (gpointer) "part");

  return snapshot;
}

static gpointer
read_whole (SixDb         *db,
            gpointer       args,
            GCancellable  *cancellable,
            GError       **error)
{
  GObject *snapshot = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (snapshot, "read", (gpointer) "whole");

  return snapshot;
}

typedef struct
{
  GPtrArray *seen;      /* what each snapshot was, in turn */
  GPtrArray *loading;   /* whether the query was loading at each */
} Published;

static void
on_published_cb (SixLiveQuery *query,
                 GParamSpec   *pspec,
                 Published    *published)
{
  g_ptr_array_add (published->seen,
                   g_object_get_data (six_live_query_get_snapshot (query), "read"));
  g_ptr_array_add (published->loading, GINT_TO_POINTER (six_live_query_is_loading (query)));
}

static void
spin_until_seen (Published *published,
                 guint      n)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, NULL);

  while (published->seen->len < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* A query with a quicker first read shows its part first, loading still, then the whole; a
 * change reads the whole alone, new arguments the part first again. */
static void
test_live_query_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-views-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "views.db", NULL);
  g_autoptr(SixRepository) repository = NULL;
  g_autoptr(SixLiveQuery) query = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GPtrArray) loading = g_ptr_array_new ();
  Published published = { seen, loading };

  g_assert_no_error (error);
  repository = six_repository_open (path, &error);
  g_assert_no_error (error);
  query = six_live_query_new (repository, (const char *[]) { "country", NULL }, read_whole);
  six_live_query_set_first_func (query, read_part);
  g_signal_connect (query, "notify::snapshot", G_CALLBACK (on_published_cb), &published);

  six_live_query_set_active (query, TRUE);
  spin_until_seen (&published, 2);
  g_assert_cmpstr (seen->pdata[0], ==, "part");
  g_assert_true (GPOINTER_TO_INT (loading->pdata[0]));
  g_assert_cmpstr (seen->pdata[1], ==, "whole");
  g_assert_false (GPOINTER_TO_INT (loading->pdata[1]));

  apply_note (repository, "country", "LBN", "status", "party");
  spin_until_seen (&published, 3);
  g_assert_cmpstr (seen->pdata[2], ==, "whole");

  six_live_query_set_args (query, g_variant_new ("(ii)", 2018, 2018));
  spin_until_seen (&published, 5);
  g_assert_cmpstr (seen->pdata[3], ==, "part");
  g_assert_cmpstr (seen->pdata[4], ==, "whole");

  g_clear_object (&query);
  six_repository_close (repository);
  g_clear_object (&repository);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are written in local time: the hand-computed ones are UTC's. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/overview/year", test_overview_year);
  g_test_add_func ("/views/overview/moves", test_overview_moves);
  g_test_add_func ("/views/overview/convert", test_overview_convert);
  g_test_add_func ("/views/overview/facts", test_overview_facts);
  g_test_add_func ("/views/overview/needs", test_overview_needs);
  g_test_add_func ("/views/overview/facts/totals", test_overview_facts_totals);
  g_test_add_func ("/views/overview/span", test_overview_span);
  g_test_add_func ("/views/overview/deadlines", test_overview_deadlines);
  g_test_add_func ("/views/amounts", test_amounts);
  g_test_add_func ("/views/exchange-log/items", test_exchange_log);
  g_test_add_func ("/views/exchange-log/empty", test_exchange_log_empty);
  g_test_add_func ("/views/live-query", test_live_query);
  g_test_add_func ("/views/live-query/first", test_live_query_first);

  return g_test_run ();
}
