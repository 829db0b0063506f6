/* six-overview-facts.c — the Overview, line by line as its page shows it
 *
 * Each group of the Overview page is a list of #SixFact, worded here from one overview
 * snapshot: a figure, the bar that draws it, and what activating it opens (the Countries
 * list narrowed to the States behind the figure, a State's profile, a year, a coalition).
 * The page binds its rows to them and adds no words of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-overview-facts"

#include "config.h"

#include <glib/gi18n.h>

#include "six-deadline.h"
#include "six-fact.h"
#include "six-labels.h"
#include "six-overview.h"

/* A long list shows this many lines, then one that opens all of them where they live: at
 * 100 000 records the Overview would otherwise lay out a thousand rows before showing. */
#define LINES_SHOWN 10

/* --- lines ---------------------------------------------------------------------------------- */

static SixFact *
add_fact (GListStore *facts,
          const char *title,
          const char *subtitle)
{
  g_autoptr(SixFact) fact = six_fact_new (title, subtitle);

  g_list_store_append (facts, fact);

  return fact;
}

/* A line that opens the Countries list narrowed to @ids, titled @filter_title. A figure of
 * none opens nothing. */
static SixFact *
add_countries_fact (GListStore         *facts,
                    const char         *title,
                    const char         *subtitle,
                    const char         *filter_title,
                    const char * const *ids)
{
  SixFact *fact = add_fact (facts, title, subtitle);

  if (ids != NULL && ids[0] != NULL)
    six_fact_set_action (fact, "win.show-countries", g_variant_new ("(s^as)", filter_title, ids));

  return fact;
}

/* The span shown: "2018", "2018–2020". */
char *
six_overview_describe_span (SixOverview *self)
{
  int first = six_overview_get_first_year (self), last = six_overview_get_last_year (self);

  if (first == last)
    return g_strdup_printf ("%d", first);

  /* Translators: a span of reporting years, "2018–2020" */
  return g_strdup_printf (C_("years", "%d–%d"), first, last);
}

static char *
describe_coverage (const guint *coverage)
{
  /* Translators: requests by coverage, "2 answered, 1 partly, 6 unanswered" */
  return g_strdup_printf (_("%u answered, %u partly, %u unanswered"),
                          coverage[SIX_COVERAGE_ANSWERED], coverage[SIX_COVERAGE_PARTLY],
                          coverage[SIX_COVERAGE_UNANSWERED]);
}

static SixChartValues
coverage_values (const guint *coverage)
{
  SixChartValues values = {
    .kinds = { SIX_CHART_SEGMENT_ANSWERED, SIX_CHART_SEGMENT_PARTLY,
               SIX_CHART_SEGMENT_UNANSWERED },
    .values = { coverage[SIX_COVERAGE_ANSWERED], coverage[SIX_COVERAGE_PARTLY],
                coverage[SIX_COVERAGE_UNANSWERED] },
    .n_segments = 3,
  };

  return values;
}

static void
set_one_bar (SixFact         *fact,
             SixChartSegment  kind,
             guint            value,
             guint            max)
{
  SixChartValues values = { .kinds = { kind }, .values = { value }, .n_segments = 1 };

  six_fact_set_bar (fact, &values, MAX (max, 1));
}

/* --- sections ------------------------------------------------------------------------------- */

static void
add_seeking (GListStore  *facts,
             SixOverview *overview)
{
  g_autofree char *span = six_overview_describe_span (overview);
  guint n = six_overview_get_states (overview)->len;
  guint n_reporting = six_overview_get_n_reporting (overview);
  g_auto(GStrv) ids = six_overview_dup_seeking_states (overview);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *filter = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u State sought assistance in %s",
                                        "%u States sought assistance in %s", n), n, span);
  if (n_reporting == 0)
    /* Translators: "No Article 7 report recorded for 2026" */
    subtitle = g_strdup_printf (_("No Article 7 report recorded for %s"), span);
  else
    /* Translators: "150 States with an Article 7 report for 2026" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u State with an Article 7 report for %s",
                                             "%u States with an Article 7 report for %s",
                                             n_reporting), n_reporting, span);
  filter = g_strdup_printf (_("States that sought assistance in %s"), span);
  add_countries_fact (facts, title, subtitle, filter, (const char * const *) ids);
}

/* A line per category: the States that asked for it, coloured by how far they were answered. */
static void
add_categories (GListStore  *facts,
                SixOverview *overview)
{
  g_autofree char *span = six_overview_describe_span (overview);
  guint max = 1;

  for (guint c = 0; six_categories[c] != NULL; c++)
    {
      guint n_states = six_overview_count_category (overview, c, NULL);

      max = MAX (max, n_states);
    }

  for (guint c = 0; six_categories[c] != NULL; c++)
    {
      const char *label = six_value_label ("assistance_request", "category", six_categories[c]);
      guint coverage[SIX_N_COVERAGES];
      guint n_states = six_overview_count_category (overview, c, coverage);
      g_auto(GStrv) ids = six_overview_dup_category_states (overview, c);
      g_autofree char *counts = describe_coverage (coverage);
      g_autofree char *figures = NULL;
      g_autofree char *filter = NULL;
      SixChartValues values = coverage_values (coverage);
      SixFact *fact;

      /* Translators: "3 States · 2 answered, 1 partly, 0 unanswered" */
      figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u State · %s", "%u States · %s",
                                              n_states), n_states, counts);
      /* Translators: "States that sought Victim assistance in 2018" */
      filter = g_strdup_printf (_("States that sought %s in %s"), label, span);
      fact = add_countries_fact (facts, label, figures, filter, (const char * const *) ids);
      six_fact_set_bar (fact, &values, max);
    }
}

static char *
describe_categories (guint categories)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; six_categories[c] != NULL; c++)
    if (categories & (1u << c))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              six_value_label ("assistance_request", "category",
                                               six_categories[c]));

  return g_string_free (text, FALSE);
}

static void
add_states (GListStore  *facts,
            SixOverview *overview)
{
  GPtrArray *states = six_overview_get_states (overview);

  if (states->len == 0)
    add_fact (facts, _("No State sought assistance in these years"), NULL);

  for (guint i = 0; i < MIN (states->len, LINES_SHOWN); i++)
    {
      SixOverviewState *state = states->pdata[i];
      g_autofree char *categories = describe_categories (state->categories);
      g_autofree char *counts = describe_coverage (state->coverage);
      /* Translators: what a State asked for, then its requests' coverage */
      g_autofree char *subtitle = g_strdup_printf (C_("state", "%s · %s"), categories, counts);

      six_fact_set_opens_record (add_fact (facts, state->name, subtitle), "country",
                                 state->country);
    }

  if (states->len > LINES_SHOWN)
    {
      g_auto(GStrv) ids = six_overview_dup_seeking_states (overview);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Show all %u State",
                                                             "Show all %u States",
                                                             states->len), states->len);
      g_autofree char *span = six_overview_describe_span (overview);
      g_autofree char *filter = g_strdup_printf (_("States that sought assistance in %s"), span);

      add_countries_fact (facts, title, NULL, filter, (const char * const *) ids);
    }
}

/* The span's requests by how far they are answered. */
static void
add_coverage (GListStore  *facts,
              SixOverview *overview)
{
  static const struct { SixCoverage coverage; SixChartSegment segment; } kinds[] = {
    { SIX_COVERAGE_ANSWERED, SIX_CHART_SEGMENT_ANSWERED },
    { SIX_COVERAGE_PARTLY, SIX_CHART_SEGMENT_PARTLY },
    { SIX_COVERAGE_UNANSWERED, SIX_CHART_SEGMENT_UNANSWERED },
  };
  g_autofree char *span = six_overview_describe_span (overview);
  GPtrArray *requests = six_overview_get_requests (overview);
  guint counts[SIX_N_COVERAGES] = { 0 };

  for (guint i = 0; i < requests->len; i++)
    counts[((SixOverviewRequest *) requests->pdata[i])->coverage]++;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *label = six_coverage_label (kinds[k].coverage);
      guint n = counts[kinds[k].coverage];
      g_auto(GStrv) ids = six_overview_dup_coverage_states (overview, kinds[k].coverage);
      g_autofree char *figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request",
                                                               "%u requests", n), n);
      /* Translators: "States with requests of 2018: Partly answered" */
      g_autofree char *filter = g_strdup_printf (_("States with requests of %s: %s"), span,
                                                 label);

      set_one_bar (add_countries_fact (facts, label, figures, filter, (const char * const *) ids),
                   kinds[k].segment, n, requests->len);
    }
}

static const char *
status_label (const char *status)
{
  return status != NULL ? six_value_label ("contribution", "status", status)
                        : _("Status not recorded");
}

static char *
describe_total (SixOverviewTotal *total)
{
  if (total->overflow)
    return g_strdup (_("Too large to add up"));
  if (total->currency == NULL)
    return g_strdup (_("No amount recorded"));

  return six_amount_format (total->total, total->currency);
}

/* One line per status: its sum in each currency, never two currencies added together, and
 * the States its contributions went to. "Pledged: 600 EUR", or the status with its sums
 * under it when there are several. */
static void
add_status_total (GListStore        *facts,
                  SixOverviewTotal **totals,
                  guint              n_totals)
{
  const char *status = status_label (totals[0]->status);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) recipients = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) ids = NULL;
  g_autofree char *sums = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  g_autofree char *filter = NULL;
  guint n_contributions = 0;

  for (guint i = 0; i < n_totals; i++)
    {
      g_ptr_array_add (amounts, describe_total (totals[i]));
      n_contributions += totals[i]->n_contributions;
      for (guint r = 0; totals[i]->recipients != NULL && totals[i]->recipients[r] != NULL; r++)
        if (g_hash_table_add (seen, totals[i]->recipients[r]))
          g_strv_builder_add (recipients, totals[i]->recipients[r]);
    }
  g_ptr_array_add (amounts, NULL);
  ids = g_strv_builder_end (recipients);
  /* Translators: sums in different currencies, one after the other: "600 EUR · 900.25 USD" */
  sums = g_strjoinv (C_("amounts", " · "), (char **) amounts->pdata);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contribution", "%u contributions",
                                        n_contributions), n_contributions);
  if (n_totals == 1)
    {
      /* Translators: a contributions' status and their sum, "Pledged: 1,250,000 EUR" */
      title = g_strdup_printf (_("%s: %s"), status, sums);
      subtitle = g_steal_pointer (&count);
    }
  else
    {
      /* In several currencies: the sums under the status, where they can wrap. */
      title = g_strdup (status);
      subtitle = six_join_lines (sums, count);
    }
  /* Translators: "States that received contributions: Pledged" */
  filter = g_strdup_printf (_("States that received contributions: %s"), status);
  add_countries_fact (facts, title, subtitle, filter, (const char * const *) ids);
}

/* The span's contributions by status. */
static void
add_totals (GListStore  *facts,
            SixOverview *overview)
{
  GPtrArray *totals = six_overview_get_totals (overview);
  guint first = 0;

  if (totals->len == 0)
    add_fact (facts, _("No contribution recorded for these years"), NULL);

  /* The totals come by status, then currency. */
  for (guint i = 1; i <= totals->len; i++)
    if (i == totals->len ||
        g_strcmp0 (((SixOverviewTotal *) totals->pdata[i])->status,
                   ((SixOverviewTotal *) totals->pdata[first])->status) != 0)
      {
        add_status_total (facts, (SixOverviewTotal **) totals->pdata + first, i - first);
        first = i;
      }
}

static void
add_unanswered (GListStore  *facts,
                SixOverview *overview)
{
  GPtrArray *requests = six_overview_get_requests (overview);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      SixOverviewRequest *request = requests->pdata[i];
      SixFact *fact;
      g_autofree char *title = NULL;

      if (request->coverage != SIX_COVERAGE_UNANSWERED || n++ >= LINES_SHOWN)
        continue;
      /* Translators: a request told apart from the others, "Lebanon · 2018 · Victim assistance" */
      title = g_strdup_printf (_("%s · %d · %s"), request->country_name,
                               (int) six_record_get_int (request->request, "year", 0),
                               six_record_value_label (request->request, "category"));
      fact = add_fact (facts, title, six_record_get_string (request->request, "description"));
      six_fact_set_opens_record (fact, "country",
                                 six_record_get_string (request->request, "country"));
      /* A request's description is free text: two lines, and the whole in its tooltip. */
      six_fact_set_subtitle_lines (fact, 2);
    }

  if (n == 0)
    add_fact (facts, _("Every request of these years has an answer"), NULL);

  if (n > LINES_SHOWN)
    {
      g_auto(GStrv) ids = six_overview_dup_coverage_states (overview, SIX_COVERAGE_UNANSWERED);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Show all %u unanswered request",
                                                             "Show all %u unanswered requests",
                                                             n), n);
      g_autofree char *span = six_overview_describe_span (overview);
      /* Translators: "States with an unanswered request of 2018" */
      g_autofree char *filter = g_strdup_printf (_("States with an unanswered request of %s"),
                                                 span);

      add_countries_fact (facts, title, NULL, filter, (const char * const *) ids);
    }
}

/* Every year holding data, the latest first; each opens that year alone. */
static void
add_trend (GListStore  *facts,
           SixOverview *overview)
{
  GArray *years = six_overview_get_years (overview);
  guint max = 1;

  for (guint i = 0; i < years->len; i++)
    max = MAX (max, g_array_index (years, SixOverviewYear, i).n_seeking);

  for (guint i = years->len; i > 0; i--)
    {
      const SixOverviewYear *year = &g_array_index (years, SixOverviewYear, i - 1);
      g_autofree char *title = g_strdup_printf ("%d", year->year);
      g_autofree char *seeking = NULL;
      g_autofree char *given = NULL;
      g_autofree char *subtitle = NULL;
      SixFact *fact;

      seeking = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u State sought assistance",
                                              "%u States sought assistance", year->n_seeking),
                                 year->n_seeking);
      given = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contribution",
                                            "%u contributions", year->n_contributions),
                               year->n_contributions);
      subtitle = g_strdup_printf (C_("state", "%s · %s"), seeking, given);
      fact = add_fact (facts, title, subtitle);
      six_fact_set_action (fact, "overview.show-year", g_variant_new_int32 (year->year));
      set_one_bar (fact, SIX_CHART_SEGMENT_TOTAL, year->n_seeking, max);
    }

  if (years->len == 0)
    add_fact (facts, _("No year holds requests, contributions or reports yet"), NULL);
}

/* "2 years 3 months left", or the extension asked for where one waits for a decision. */
static char *
describe_deadline (SixOverview         *overview,
                   SixOverviewDeadline *deadline)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  GDate today;

  if (deadline->pending_extension != NULL)
    g_ptr_array_add (pending, deadline->pending_extension);
  six_overview_get_today (overview, &today);

  return six_deadline_describe (deadline->obligation, pending, &today);
}

/* After the nearest deadlines: the Countries list narrowed to every State with one. */
static void
add_all_deadlines (GListStore *facts,
                   GPtrArray  *deadlines)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const char *country = six_record_get_string (
        ((SixOverviewDeadline *) deadlines->pdata[i])->obligation, "country");

      if (country != NULL && g_hash_table_add (seen, (gpointer) country))
        g_strv_builder_add (builder, country);
    }
  ids = g_strv_builder_end (builder);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show all %u deadline",
                                        "Show all %u deadlines", deadlines->len), deadlines->len);
  add_countries_fact (facts, title, NULL, _("States with an open deadline"),
                      (const char * const *) ids);
}

/* The States Parties with no Article 7 report recorded for this year. */
static void
add_missing_reports (GListStore  *facts,
                     SixOverview *overview)
{
  GPtrArray *missing = six_overview_get_missing_reports (overview);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *title = NULL;
  g_autofree char *filter = NULL;
  int year = six_overview_get_report_year (overview);

  for (guint i = 0; i < missing->len; i++)
    g_strv_builder_add (builder, ((SixOverviewName *) missing->pdata[i])->country);
  ids = g_strv_builder_end (builder);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u State Party has no Article 7 report recorded for %d",
                                        "%u States Parties have no Article 7 report recorded for %d",
                                        missing->len), missing->len, year);
  filter = g_strdup_printf (_("States Parties without an Article 7 report recorded for %d"), year);
  add_countries_fact (facts, title, NULL, filter, (const char * const *) ids);
}

/* The open deadlines by how near they are, the nearest of them, and the missing reports. */
static void
add_deadlines (GListStore  *facts,
               SixOverview *overview)
{
  static const struct {
    SixDeadlineBucket bucket;
    SixChartSegment   segment;
    const char       *label;
  } buckets[] = {
    { SIX_DEADLINE_PASSED, SIX_CHART_SEGMENT_PASSED, N_("Deadline passed") },
    { SIX_DEADLINE_EXTENSION_REQUESTED, SIX_CHART_SEGMENT_PARTLY, N_("Extension requested") },
    { SIX_DEADLINE_STATUS_UNKNOWN, SIX_CHART_SEGMENT_TOTAL, N_("Status unknown") },
    { SIX_DEADLINE_WITHIN_12_MONTHS, SIX_CHART_SEGMENT_SOON, N_("Within 12 months") },
    { SIX_DEADLINE_WITHIN_36_MONTHS, SIX_CHART_SEGMENT_LATER, N_("Within 36 months") },
    { SIX_DEADLINE_LATER, SIX_CHART_SEGMENT_LATER, N_("Later") },
  };
  GPtrArray *deadlines = six_overview_get_deadlines (overview);
  guint counts[SIX_N_DEADLINE_BUCKETS] = { 0 };

  for (guint i = 0; i < deadlines->len; i++)
    counts[((SixOverviewDeadline *) deadlines->pdata[i])->bucket]++;

  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    {
      guint n = counts[buckets[b].bucket];
      g_auto(GStrv) ids = six_overview_dup_bucket_states (overview, buckets[b].bucket);
      g_autofree char *figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline",
                                                               "%u deadlines", n), n);
      /* Translators: "States with a deadline: Within 12 months" */
      g_autofree char *filter = g_strdup_printf (_("States with a deadline: %s"),
                                                 _(buckets[b].label));

      set_one_bar (add_countries_fact (facts, _(buckets[b].label), figures, filter,
                                       (const char * const *) ids),
                   buckets[b].segment, n, deadlines->len);
    }

  for (guint i = 0; i < MIN (deadlines->len, LINES_SHOWN); i++)
    {
      SixOverviewDeadline *deadline = deadlines->pdata[i];
      g_autofree char *subtitle = describe_deadline (overview, deadline);
      /* Translators: "Lebanon · Art. 4 · 2026-05-01" */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), deadline->country_name,
                                                six_record_value_label (deadline->obligation,
                                                                        "article"),
                                                deadline->deadline);

      six_fact_set_opens_record (add_fact (facts, title, subtitle), "country",
                                 six_record_get_string (deadline->obligation, "country"));
    }

  if (deadlines->len > LINES_SHOWN)
    add_all_deadlines (facts, deadlines);

  add_missing_reports (facts, overview);
}

static void
add_coalitions (GListStore  *facts,
                SixOverview *overview)
{
  GPtrArray *coalitions = six_overview_get_coalitions (overview);

  if (coalitions->len == 0)
    add_fact (facts, _("No coalition yet"),
              _("An affected State can lead a Country Coalition of donors, operators and NGOs."));

  for (guint i = 0; i < MIN (coalitions->len, LINES_SHOWN); i++)
    {
      SixOverviewCoalition *coalition = coalitions->pdata[i];
      const char *next = coalition->next_meeting != NULL
        ? six_record_get_string (coalition->next_meeting, "held_on") : NULL;
      const char *title = six_record_get_string (coalition->coalition, "title");
      g_autofree char *follow_ups = NULL;
      g_autofree char *subtitle = NULL;

      follow_ups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u open follow-up, %u overdue",
                                                 "%u open follow-ups, %u overdue",
                                                 coalition->n_open),
                                    coalition->n_open, coalition->n_overdue);
      /* Translators: a coalition's lead State, its open follow-ups, its next meeting */
      subtitle = next != NULL
        ? g_strdup_printf (_("Led by %s · %s · next meeting %s"), coalition->lead_name,
                           follow_ups, next)
        : g_strdup_printf (_("Led by %s · %s · no meeting planned"), coalition->lead_name,
                           follow_ups);
      six_fact_set_opens_record (add_fact (facts, title != NULL ? title : coalition->lead_name,
                                           subtitle),
                                 "coalition", six_record_get_id (coalition->coalition));
    }

  if (coalitions->len > LINES_SHOWN)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Show all %u coalition",
                                                             "Show all %u coalitions",
                                                             coalitions->len), coalitions->len);

      six_fact_set_action (add_fact (facts, title, NULL), "win.show-page",
                           g_variant_new_string ("coalitions"));
    }
}

static void (* const sections[SIX_OVERVIEW_N_SECTIONS]) (GListStore *, SixOverview *) = {
  [SIX_OVERVIEW_SECTION_SEEKING] = add_seeking,
  [SIX_OVERVIEW_SECTION_CATEGORIES] = add_categories,
  [SIX_OVERVIEW_SECTION_STATES] = add_states,
  [SIX_OVERVIEW_SECTION_COVERAGE] = add_coverage,
  [SIX_OVERVIEW_SECTION_TOTALS] = add_totals,
  [SIX_OVERVIEW_SECTION_UNANSWERED] = add_unanswered,
  [SIX_OVERVIEW_SECTION_TREND] = add_trend,
  [SIX_OVERVIEW_SECTION_DEADLINES] = add_deadlines,
  [SIX_OVERVIEW_SECTION_COALITIONS] = add_coalitions,
};

/**
 * six_overview_dup_facts:
 * @section: a group of the Overview page
 *
 * Returns: (transfer full): the #SixFact lines of @section, worded in the user's language
 */
GListModel *
six_overview_dup_facts (SixOverview        *self,
                        SixOverviewSection  section)
{
  GListStore *facts;

  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (section < SIX_OVERVIEW_N_SECTIONS, NULL);

  facts = g_list_store_new (SIX_TYPE_FACT);
  sections[section] (facts, self);

  return G_LIST_MODEL (facts);
}

/**
 * six_overview_dup_converted_facts:
 * @currency: the currency the user asked totals in
 * @rates: currency → rate, in ten-thousandths of @currency, as the user entered them
 *
 * The span's totals by status in @currency at the user's rates, each marked as an estimate
 * and naming what could not be converted: "converted" lines.
 *
 * Returns: (transfer full): the #SixFact lines; none when @currency is no currency
 */
GListModel *
six_overview_dup_converted_facts (SixOverview *self,
                                  const char  *currency,
                                  GHashTable  *rates)
{
  GListStore *facts;
  g_autoptr(GPtrArray) converted = NULL;

  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (rates != NULL, NULL);

  facts = g_list_store_new (SIX_TYPE_FACT);
  if (currency == NULL || !six_currency_is_valid (currency))
    return G_LIST_MODEL (facts);

  converted = six_overview_convert_totals (self, currency, rates);
  for (guint i = 0; i < converted->len; i++)
    {
      SixOverviewConverted *total = converted->pdata[i];
      const char *status = status_label (total->status);
      g_autofree char *amount = six_amount_format (total->total, currency);
      g_autofree char *left_out = g_strjoinv (", ", total->left_out);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a total converted at rates the user entered: "Pledged: ≈ 1,410 EUR" */
      title = total->overflow ? g_strdup_printf (_("%s: too large to convert"), status)
                              : g_strdup_printf (_("%s: ≈ %s"), status, amount);
      subtitle = total->left_out[0] != NULL
        /* Translators: %s lists currencies, "USD, CHF" */
        ? g_strdup_printf (_("At your rates; not converted for want of a rate: %s"), left_out)
        : g_strdup (_("At your rates, not recorded amounts"));
      six_fact_set_style (add_fact (facts, title, subtitle), "converted");
    }

  return G_LIST_MODEL (facts);
}
