/* six-overview.c — who asked for what, what was given, what falls due: one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-overview"

#include "config.h"

#include "six-overview.h"

#include "six-coalition.h"
#include "six-db.h"
#include "six-deadline.h"
#include "six-iso-codes.h"

#include <glib/gi18n.h>
#include <string.h>

struct _SixOverview
{
  GObject    parent_instance;

  GDate      today;            /* the day deadlines and meetings were measured from */
  int        first_year;
  int        last_year;
  int        report_year;
  guint      n_reporting;
  GArray    *years;            /* SixOverviewYear, oldest first */
  GPtrArray *states;           /* SixOverviewState, by name */
  GPtrArray *requests;         /* SixOverviewRequest, oldest first */
  GPtrArray *totals;           /* SixOverviewTotal, by status then currency */
  GPtrArray *deadlines;        /* SixOverviewDeadline, soonest first */
  GPtrArray *missing_reports;  /* SixOverviewName, by name */
  GPtrArray *coalitions;       /* SixOverviewCoalition, by lead name */
  gboolean   complete;         /* FALSE: six_overview_build_needs ()'s, the needs alone */
};

G_DEFINE_FINAL_TYPE (SixOverview, six_overview, G_TYPE_OBJECT)

/* What the overview reads on the repository's thread: whole tables where they are small,
 * the span's rows of the large ones, and the store's counts for the rest. */
typedef struct
{
  GHashTable *countries;       /* id → SixRecord */
  GHashTable *organisations;   /* id → SixRecord */
  GPtrArray  *reports;
  GPtrArray  *obligations;
  GPtrArray  *extensions;
  GPtrArray  *coalitions;
  GPtrArray  *request_years;   /* SixTally: requests, by year */
  GPtrArray  *contribution_years;  /* SixTally: contributions, by year */
  GPtrArray  *needs_by_year;   /* SixTally: needs, by year and State */
  GHashTable *agendas;         /* coalition id → SixCoalitionAgenda */
  GPtrArray  *requests;        /* the span's needs */
  GPtrArray  *contributions;   /* the contributions of the span's years */
  GPtrArray  *responses;       /* the contributions answering the span's needs */
  GPtrArray  *all;             /* owns every list above */
  GVariant   *bounds[2];       /* the span's first and last years, as the matches hold them */
  SixMatch    span[2];         /* year ≥ first, year ≤ last */
} Tables;

static void
tables_clear (Tables *tables)
{
  g_clear_pointer (&tables->countries, g_hash_table_unref);
  g_clear_pointer (&tables->organisations, g_hash_table_unref);
  g_clear_pointer (&tables->agendas, g_hash_table_unref);
  g_clear_pointer (&tables->all, g_ptr_array_unref);
  g_clear_pointer (&tables->bounds[0], g_variant_unref);
  g_clear_pointer (&tables->bounds[1], g_variant_unref);
}

/* The span the tables read: what read_needs (), read_span () and the reports select by. */
static void
tables_set_span (Tables *tables,
                 int     first,
                 int     last)
{
  tables->bounds[0] = g_variant_ref_sink (g_variant_new_int64 (first));
  tables->bounds[1] = g_variant_ref_sink (g_variant_new_int64 (last));
  tables->span[0] = (SixMatch) { .field = "year", .op = SIX_MATCH_AT_LEAST,
                                 .bound = tables->bounds[0] };
  tables->span[1] = (SixMatch) { .field = "year", .op = SIX_MATCH_AT_MOST,
                                 .bound = tables->bounds[1] };
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tables, tables_clear)

/* A need: an assistance request not withdrawn. */
static const char * const withdrawn[] = { "withdrawn", NULL };

static GPtrArray *
hold (Tables    *tables,
      GPtrArray *list)
{
  if (list != NULL)
    g_ptr_array_add (tables->all, list);

  return list;
}

static GPtrArray *
list_kind (SixDb       *db,
           Tables      *tables,
           const char  *kind_name,
           GError     **error)
{
  return hold (tables, six_db_list_records (db, six_kind_lookup (kind_name), FALSE, FALSE,
                                            error));
}

static GPtrArray *
select_kind (SixDb          *db,
             Tables         *tables,
             const char     *kind_name,
             const SixMatch *matches,
             guint           n_matches,
             GError        **error)
{
  return hold (tables, six_db_select_records (db, six_kind_lookup (kind_name), matches,
                                              n_matches, error));
}

static GPtrArray *
tally_kind (SixDb               *db,
            Tables              *tables,
            const char          *kind_name,
            const char * const  *by,
            const SixMatch      *matches,
            guint                n_matches,
            GError             **error)
{
  return hold (tables, six_db_tally_records (db, six_kind_lookup (kind_name), by, matches,
                                             n_matches, error));
}

static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (index, (gpointer) six_record_get_id (records->pdata[i]),
                         records->pdata[i]);

  return index;
}

/* The year counts of the trend: the store adds up the large tables. */
static gboolean
read_years (SixDb   *db,
            Tables  *tables,
            GError **error)
{
  static const char * const by_year[] = { "year", NULL };
  static const char * const by_year_and_state[] = { "year", "country", NULL };
  static const SixMatch dated[] = { { .field = "year", .op = SIX_MATCH_SET } };
  static const SixMatch dated_needs[] = {
    { .field = "year", .op = SIX_MATCH_SET },
    { .field = "status", .op = SIX_MATCH_NONE_OF, .values = withdrawn },
  };

  return (tables->request_years = tally_kind (db, tables, "assistance_request", by_year, dated,
                                              G_N_ELEMENTS (dated), error)) != NULL &&
         (tables->contribution_years = tally_kind (db, tables, "contribution", by_year, dated,
                                                   G_N_ELEMENTS (dated), error)) != NULL &&
         (tables->needs_by_year = tally_kind (db, tables, "assistance_request",
                                              by_year_and_state, dated_needs,
                                              G_N_ELEMENTS (dated_needs), error)) != NULL;
}

/* Everything but the span's rows, which wait for the span to be known. */
static gboolean
read_tables (SixDb       *db,
             Tables      *tables,
             const char  *today,
             GError     **error)
{
  GPtrArray *countries, *organisations;

  tables->all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if ((countries = list_kind (db, tables, "country", error)) == NULL ||
      (organisations = list_kind (db, tables, "organisation", error)) == NULL ||
      (tables->reports = list_kind (db, tables, "article7_report", error)) == NULL ||
      (tables->obligations = list_kind (db, tables, "obligation", error)) == NULL ||
      (tables->extensions = list_kind (db, tables, "extension_request", error)) == NULL ||
      (tables->coalitions = list_kind (db, tables, "coalition", error)) == NULL ||
      !read_years (db, tables, error) ||
      (tables->agendas = six_coalition_agendas_read (db, today, error)) == NULL)
    return FALSE;

  tables->countries = index_by_id (countries);
  tables->organisations = index_by_id (organisations);

  return TRUE;
}

/* The span's needs and the contributions answering them. */
static gboolean
read_needs (SixDb   *db,
            Tables  *tables,
            GError **error)
{
  const SixMatch needs[] = {
    tables->span[0], tables->span[1],
    { .field = "status", .op = SIX_MATCH_NONE_OF, .values = withdrawn },
  };
  const SixMatch answering[] = {
    { .field = "request", .op = SIX_MATCH_REFERS_TO,
      .target = six_kind_lookup ("assistance_request"),
      .target_matches = needs, .n_target_matches = G_N_ELEMENTS (needs) },
  };

  return (tables->requests = select_kind (db, tables, "assistance_request", needs,
                                          G_N_ELEMENTS (needs), error)) != NULL &&
         (tables->responses = select_kind (db, tables, "contribution", answering,
                                           G_N_ELEMENTS (answering), error)) != NULL;
}

/* The span's needs, the contributions answering them and those of its years. */
static gboolean
read_span (SixDb   *db,
           Tables  *tables,
           GError **error)
{
  return read_needs (db, tables, error) &&
         (tables->contributions = select_kind (db, tables, "contribution", tables->span,
                                               G_N_ELEMENTS (tables->span), error)) != NULL;
}

static char *
dup_country_name (Tables     *tables,
                  const char *id)
{
  SixRecord *country = id != NULL ? g_hash_table_lookup (tables->countries, id) : NULL;

  if (country != NULL)
    return six_iso_codes_dup_country_name (country);

  return g_strdup (id != NULL ? id : "");
}

static char *
dup_party_name (Tables     *tables,
                const char *id)
{
  SixRecord *organisation = id != NULL ? g_hash_table_lookup (tables->organisations, id) : NULL;

  if (organisation != NULL)
    return g_strdup (six_record_get_string (organisation, "name"));

  return dup_country_name (tables, id);
}

static guint
category_index (const char *category)
{
  guint i;

  for (i = 0; six_categories[i] != NULL; i++)
    if (g_strcmp0 (six_categories[i], category) == 0)
      return i;

  return i - 1;  /* an unknown category counts as "other" */
}

/* --- amounts ----------------------------------------------------------------------------- */

/**
 * six_amount_parse:
 * @text: a decimal as the model stores it, "150000" or "1250.5"
 *
 * Returns: whether @text was read into ten-thousandths of its unit
 */
gboolean
six_amount_parse (const char *text,
                  gint64     *ten_thousandths)
{
  guint64 units = 0;
  gint64 fraction = 0;
  guint digits = 0;
  const char *p = text;

  g_return_val_if_fail (ten_thousandths != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (*p))
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    if (!g_uint64_checked_mul (&units, units, 10) ||
        !g_uint64_checked_add (&units, units, (guint64) (*p - '0')) ||
        units > G_MAXINT64 / 10000)
      return FALSE;

  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
      fraction = fraction * 10 + (*p - '0');

  if (*p != '\0')
    return FALSE;

  for (; digits < 4; digits++)
    fraction *= 10;

  *ten_thousandths = (gint64) units * 10000 + fraction;

  return TRUE;
}

/**
 * six_amount_format:
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: (transfer full): "1,250,000.50 EUR", grouped with the user's thousands separator
 */
char *
six_amount_format (gint64      ten_thousandths,
                   const char *currency)
{
  /* Translators: the separator of thousands in amounts, "1,250,000" (a space in French) */
  const char *separator = C_("amount", ",");
  /* Translators: the decimal mark in amounts, "1,250.50" */
  const char *mark = C_("amount", ".");
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ten_thousandths / 10000);
  gint64 fraction = ten_thousandths % 10000;
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  if (fraction != 0)
    {
      g_string_append (out, mark);
      if (fraction % 100 == 0)
        g_string_append_printf (out, "%02d", (int) (fraction / 100));
      else
        g_string_append_printf (out, "%04d", (int) fraction);
    }

  if (currency != NULL)
    g_string_append_printf (out, " %s", currency);

  return g_string_free (out, FALSE);
}

/**
 * six_record_dup_amount:
 *
 * Returns: (transfer full) (nullable): the record's amount and currency as the user reads
 *   numbers, "1,250,000 EUR", or %NULL when it states none
 */
char *
six_record_dup_amount (SixRecord *record)
{
  const char *amount = six_record_get_string (record, "amount");
  gint64 ten_thousandths;

  if (amount == NULL)
    return NULL;
  if (!six_amount_parse (amount, &ten_thousandths))
    return g_strdup (amount);

  return six_amount_format (ten_thousandths, six_record_get_string (record, "currency"));
}

static void
amount_sum_free (SixAmountSum *sum)
{
  g_free (sum->currency);
  g_free (sum);
}

static int
compare_amount_sums (gconstpointer a,
                     gconstpointer b)
{
  const SixAmountSum *sa = *(SixAmountSum * const *) a;
  const SixAmountSum *sb = *(SixAmountSum * const *) b;

  if ((sa->currency == NULL) != (sb->currency == NULL))
    return sa->currency == NULL ? 1 : -1;

  return g_strcmp0 (sa->currency, sb->currency);
}

/**
 * six_amount_sum_by_currency:
 * @records: (element-type SixRecord): records with an `amount` and a `currency`
 *
 * Records without an amount count for nothing; an amount without a currency is summed apart.
 *
 * Returns: (transfer container) (element-type SixAmountSum): one sum per currency, by code,
 *   the amounts without a currency last
 */
GPtrArray *
six_amount_sum_by_currency (GPtrArray *records)
{
  GPtrArray *sums = g_ptr_array_new_with_free_func ((GDestroyNotify) amount_sum_free);

  g_return_val_if_fail (records != NULL, sums);

  for (guint i = 0; i < records->len; i++)
    {
      const char *currency = six_record_get_string (records->pdata[i], "currency");
      SixAmountSum *sum = NULL;
      gint64 amount;

      if (!six_amount_parse (six_record_get_string (records->pdata[i], "amount"), &amount))
        continue;
      for (guint s = 0; s < sums->len && sum == NULL; s++)
        if (g_strcmp0 (((SixAmountSum *) sums->pdata[s])->currency, currency) == 0)
          sum = sums->pdata[s];
      if (sum == NULL)
        {
          sum = g_new0 (SixAmountSum, 1);
          sum->currency = g_strdup (currency);
          g_ptr_array_add (sums, sum);
        }
      if (__builtin_add_overflow (sum->total, amount, &sum->total))
        sum->overflow = TRUE;
    }
  g_ptr_array_sort (sums, compare_amount_sums);

  return sums;
}

/* --- the span and its years ----------------------------------------------------------------- */

static gboolean
has_year (SixRecord *record,
          int       *year)
{
  GVariant *value = six_record_get_value (record, "year");

  if (value == NULL)
    return FALSE;

  *year = (int) g_variant_get_int64 (value);

  return TRUE;
}

static int
tally_year (SixTally *tally)
{
  return (int) g_variant_get_int64 (tally->values[0]);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int ia = *(const int *) a, ib = *(const int *) b;

  return (ia > ib) - (ia < ib);
}

/* Every year any request, contribution or report names, oldest first. */
static GArray *
collect_years (Tables *tables)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key;
  int year;

  for (guint i = 0; i < tables->request_years->len; i++)
    g_hash_table_add (set, GINT_TO_POINTER (tally_year (tables->request_years->pdata[i])));
  for (guint i = 0; i < tables->contribution_years->len; i++)
    g_hash_table_add (set, GINT_TO_POINTER (tally_year (tables->contribution_years->pdata[i])));
  for (guint i = 0; i < tables->reports->len; i++)
    if (has_year (tables->reports->pdata[i], &year))
      g_hash_table_add (set, GINT_TO_POINTER (year));

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      year = GPOINTER_TO_INT (key);
      g_array_append_val (years, year);
    }
  g_array_sort (years, compare_ints);

  return years;
}

/* The States that sought assistance in [first, last], id → categories asked for (bits). */
static GHashTable *
collect_seeking (Tables *tables,
                 int     first,
                 int     last)
{
  GHashTable *seeking = g_hash_table_new (g_str_hash, g_str_equal);
  int year;

  for (guint i = 0; i < tables->requests->len; i++)
    {
      SixRecord *request = tables->requests->pdata[i];
      const char *country = six_record_get_string (request, "country");
      guint bits;

      if (country == NULL)
        continue;
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (seeking, country));
      bits |= 1u << category_index (six_record_get_string (request, "category"));
      g_hash_table_insert (seeking, (gpointer) country, GUINT_TO_POINTER (bits));
    }

  /* A report that asks for help counts even where no request was entered from it. */
  for (guint i = 0; i < tables->reports->len; i++)
    {
      SixRecord *report = tables->reports->pdata[i];
      const char *country = six_record_get_string (report, "country");
      GVariant *categories = six_record_get_value (report, "categories");
      guint bits;

      if (country == NULL || !has_year (report, &year) || year < first || year > last ||
          !six_record_get_boolean (report, "requested_assistance"))
        continue;
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (seeking, country));
      if (categories != NULL)
        {
          g_autofree const char **items = g_variant_get_strv (categories, NULL);

          for (guint c = 0; items[c] != NULL; c++)
            bits |= 1u << category_index (items[c]);
        }
      g_hash_table_insert (seeking, (gpointer) country, GUINT_TO_POINTER (bits));
    }

  return seeking;
}

static guint
count_reporting (Tables *tables,
                 int     first,
                 int     last)
{
  g_autoptr(GHashTable) reporting = g_hash_table_new (g_str_hash, g_str_equal);
  int year;

  for (guint i = 0; i < tables->reports->len; i++)
    {
      const char *country = six_record_get_string (tables->reports->pdata[i], "country");

      if (country != NULL && has_year (tables->reports->pdata[i], &year) && year >= first &&
          year <= last)
        g_hash_table_add (reporting, (gpointer) country);
    }

  return g_hash_table_size (reporting);
}

typedef struct
{
  GHashTable *seeking;    /* country ids */
  GHashTable *reporting;  /* country ids */
  guint       n_contributions;
} YearTally;

static void
year_tally_clear (YearTally *tally)
{
  g_hash_table_unref (tally->seeking);
  g_hash_table_unref (tally->reporting);
}

/* Year by year, by the rules of collect_seeking () and count_reporting (), from the store's
 * counts of the large tables and one pass over the reports. */
static GArray *
build_trend (Tables *tables,
             GArray *years)
{
  GArray *trend = g_array_new (FALSE, TRUE, sizeof (SixOverviewYear));
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (YearTally), years->len);
  g_autoptr(GHashTable) tallies = g_hash_table_new (NULL, NULL);
  YearTally *tally;
  int year;

  g_array_set_clear_func (rows, (GDestroyNotify) year_tally_clear);
  g_array_set_size (rows, years->len);
  for (guint i = 0; i < years->len; i++)
    {
      tally = &g_array_index (rows, YearTally, i);
      tally->seeking = g_hash_table_new (g_str_hash, g_str_equal);
      tally->reporting = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (tallies, GINT_TO_POINTER (g_array_index (years, int, i)), tally);
    }

  for (guint i = 0; i < tables->needs_by_year->len; i++)
    {
      SixTally *needs = tables->needs_by_year->pdata[i];

      if (needs->values[1] != NULL &&
          (tally = g_hash_table_lookup (tallies, GINT_TO_POINTER (tally_year (needs)))) != NULL)
        g_hash_table_add (tally->seeking, (gpointer) g_variant_get_string (needs->values[1], NULL));
    }

  for (guint i = 0; i < tables->reports->len; i++)
    {
      SixRecord *report = tables->reports->pdata[i];
      const char *country = six_record_get_string (report, "country");

      if (country == NULL || !has_year (report, &year) ||
          (tally = g_hash_table_lookup (tallies, GINT_TO_POINTER (year))) == NULL)
        continue;
      g_hash_table_add (tally->reporting, (gpointer) country);
      if (six_record_get_boolean (report, "requested_assistance"))
        g_hash_table_add (tally->seeking, (gpointer) country);
    }

  for (guint i = 0; i < tables->contribution_years->len; i++)
    {
      SixTally *contributions = tables->contribution_years->pdata[i];

      tally = g_hash_table_lookup (tallies, GINT_TO_POINTER (tally_year (contributions)));
      if (tally != NULL)
        tally->n_contributions += (guint) contributions->count;
    }

  for (guint i = 0; i < years->len; i++)
    {
      SixOverviewYear row = {
        .year = g_array_index (years, int, i),
        .n_seeking = g_hash_table_size (g_array_index (rows, YearTally, i).seeking),
        .n_reporting = g_hash_table_size (g_array_index (rows, YearTally, i).reporting),
        .n_contributions = g_array_index (rows, YearTally, i).n_contributions,
      };

      g_array_append_val (trend, row);
    }

  return trend;
}

/* --- needs and responses ------------------------------------------------------------------ */

static void
request_free (SixOverviewRequest *request)
{
  g_clear_object (&request->request);
  g_free (request->country_name);
  g_clear_pointer (&request->responses, g_ptr_array_unref);
  g_free (request);
}

/**
 * six_coverage_assess:
 * @request: an `assistance_request`
 * @responses: (element-type SixRecord): the contributions that answer it
 *
 * The one coverage rule: the overview, the reports and a coalition's needs all apply it.
 *
 * Returns: how far @responses go towards @request
 */
SixCoverage
six_coverage_assess (SixRecord *request,
                     GPtrArray *responses)
{
  const char *status = six_record_get_string (request, "status");
  const char *currency = six_record_get_string (request, "currency");
  gint64 asked, given = 0, amount;

  g_return_val_if_fail (SIX_IS_RECORD (request), SIX_COVERAGE_UNANSWERED);
  g_return_val_if_fail (responses != NULL, SIX_COVERAGE_UNANSWERED);

  if (g_strcmp0 (status, "met") == 0)
    return SIX_COVERAGE_ANSWERED;
  if (responses->len == 0)
    return g_strcmp0 (status, "partly_met") == 0 ? SIX_COVERAGE_PARTLY : SIX_COVERAGE_UNANSWERED;

  /* Given in full only when the amounts can be compared: the same currency. */
  if (currency != NULL && six_amount_parse (six_record_get_string (request, "amount"), &asked))
    {
      for (guint i = 0; i < responses->len; i++)
        if (g_strcmp0 (six_record_get_string (responses->pdata[i], "currency"), currency) == 0 &&
            six_amount_parse (six_record_get_string (responses->pdata[i], "amount"), &amount))
          given += amount;
      if (asked > 0 && given >= asked)
        return SIX_COVERAGE_ANSWERED;
    }

  return SIX_COVERAGE_PARTLY;
}

/* How far a request is answered, in words: "Partly answered". */
const char *
six_coverage_label (SixCoverage coverage)
{
  switch (coverage)
    {
    case SIX_COVERAGE_ANSWERED:
      return _("Answered");
    case SIX_COVERAGE_PARTLY:
      return _("Partly answered");
    case SIX_COVERAGE_UNANSWERED:
    default:
      return _("Unanswered");
    }
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b)
{
  const SixOverviewRequest *ra = *(SixOverviewRequest * const *) a;
  const SixOverviewRequest *rb = *(SixOverviewRequest * const *) b;
  gint64 ya = six_record_get_int (ra->request, "year", 0);
  gint64 yb = six_record_get_int (rb->request, "year", 0);
  guint ca = category_index (six_record_get_string (ra->request, "category"));
  guint cb = category_index (six_record_get_string (rb->request, "category"));
  int order;

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if ((order = g_utf8_collate (ra->country_name, rb->country_name)) != 0)
    return order;
  if (ca != cb)
    return ca < cb ? -1 : 1;

  return strcmp (six_record_get_id (ra->request), six_record_get_id (rb->request));
}

/* request id → GPtrArray of the contributions that answer it. */
static GHashTable *
group_responses (Tables *tables)
{
  GHashTable *responses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < tables->responses->len; i++)
    {
      SixRecord *contribution = tables->responses->pdata[i];
      const char *request = six_record_get_string (contribution, "request");
      GPtrArray *list;

      if (request == NULL)
        continue;
      if ((list = g_hash_table_lookup (responses, request)) == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (responses, (gpointer) request, list);
        }
      g_ptr_array_add (list, g_object_ref (contribution));
    }

  return responses;
}

static GPtrArray *
build_requests (Tables *tables)
{
  g_autoptr(GHashTable) responses = group_responses (tables);
  GPtrArray *requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);

  for (guint i = 0; i < tables->requests->len; i++)
    {
      SixRecord *record = tables->requests->pdata[i];
      GPtrArray *answers = g_hash_table_lookup (responses, six_record_get_id (record));
      SixOverviewRequest *request;

      request = g_new0 (SixOverviewRequest, 1);
      request->request = g_object_ref (record);
      request->country_name = dup_country_name (tables, six_record_get_string (record, "country"));
      request->responses = answers != NULL ? g_ptr_array_ref (answers)
                                           : g_ptr_array_new_with_free_func (g_object_unref);
      request->coverage = six_coverage_assess (record, request->responses);
      g_ptr_array_add (requests, request);
    }
  g_ptr_array_sort (requests, compare_requests);

  return requests;
}

static void
state_free (SixOverviewState *state)
{
  g_free (state->country);
  g_free (state->name);
  g_free (state);
}

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  /* SixOverviewState and SixOverviewName both begin with the id and the name. */
  const SixOverviewName *na = *(SixOverviewName * const *) a;
  const SixOverviewName *nb = *(SixOverviewName * const *) b;
  int order = g_utf8_collate (na->name, nb->name);

  return order != 0 ? order : strcmp (na->country, nb->country);
}

static GPtrArray *
build_states (Tables    *tables,
              GPtrArray *requests,
              int        first,
              int        last)
{
  g_autoptr(GHashTable) seeking = collect_seeking (tables, first, last);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *states = g_ptr_array_new_with_free_func ((GDestroyNotify) state_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, seeking);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SixOverviewState *state = g_new0 (SixOverviewState, 1);

      state->country = g_strdup (key);
      state->name = dup_country_name (tables, key);
      state->categories = GPOINTER_TO_UINT (value);
      g_hash_table_insert (by_id, state->country, state);
      g_ptr_array_add (states, state);
    }

  for (guint i = 0; i < requests->len; i++)
    {
      SixOverviewRequest *request = requests->pdata[i];
      SixOverviewState *state =
        g_hash_table_lookup (by_id, six_record_get_string (request->request, "country"));

      if (state != NULL)
        state->coverage[request->coverage]++;
    }
  g_ptr_array_sort (states, compare_named);

  return states;
}

static void
total_free (SixOverviewTotal *total)
{
  g_free (total->status);
  g_free (total->currency);
  g_strfreev (total->recipients);
  g_free (total);
}

static void
add_recipient (SixOverviewTotal *total,
               const char       *country)
{
  guint n = total->recipients != NULL ? g_strv_length (total->recipients) : 0;

  if (country == NULL ||
      (total->recipients != NULL && g_strv_contains ((const char * const *) total->recipients,
                                                     country)))
    return;

  total->recipients = g_renew (char *, total->recipients, n + 2);
  total->recipients[n] = g_strdup (country);
  total->recipients[n + 1] = NULL;
}

static guint
status_index (const char *status)
{
  static const char * const order[] = { "pledged", "committed", "disbursed", "delivered", NULL };
  guint i;

  for (i = 0; order[i] != NULL; i++)
    if (g_strcmp0 (order[i], status) == 0)
      return i;

  return i;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const SixOverviewTotal *ta = *(SixOverviewTotal * const *) a;
  const SixOverviewTotal *tb = *(SixOverviewTotal * const *) b;
  guint sa = status_index (ta->status), sb = status_index (tb->status);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if ((ta->currency == NULL) != (tb->currency == NULL))
    return ta->currency == NULL ? 1 : -1;

  return g_strcmp0 (ta->currency, tb->currency);
}

static void
add_to_totals (GHashTable *by_key,
               GPtrArray  *totals,
               SixRecord  *contribution)
{
  const char *status = six_record_get_string (contribution, "status");
  const char *currency = six_record_get_string (contribution, "currency");
  g_autofree char *key = NULL;
  SixOverviewTotal *total;
  gint64 amount;

  if (!six_amount_parse (six_record_get_string (contribution, "amount"), &amount))
    currency = NULL, amount = 0;

  key = g_strdup_printf ("%s\x1f%s", status ?: "", currency ?: "");
  if ((total = g_hash_table_lookup (by_key, key)) == NULL)
    {
      total = g_new0 (SixOverviewTotal, 1);
      total->status = g_strdup (status);
      total->currency = g_strdup (currency);
      g_hash_table_insert (by_key, g_steal_pointer (&key), total);
      g_ptr_array_add (totals, total);
    }
  total->n_contributions++;
  add_recipient (total, six_record_get_string (contribution, "recipient"));
  if (__builtin_add_overflow (total->total, amount, &total->total))
    total->overflow = TRUE;
}

/* A contribution belongs to the span by its year, or, without one, by the year of the need
 * it answers. */
static GPtrArray *
build_totals (Tables *tables)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);

  for (guint i = 0; i < tables->contributions->len; i++)
    add_to_totals (by_key, totals, tables->contributions->pdata[i]);
  for (guint i = 0; i < tables->responses->len; i++)
    if (six_record_get_value (tables->responses->pdata[i], "year") == NULL)
      add_to_totals (by_key, totals, tables->responses->pdata[i]);
  g_ptr_array_sort (totals, compare_totals);

  return totals;
}

/* --- deadlines, reports and coalitions ----------------------------------------------------- */

void
six_overview_deadline_free (SixOverviewDeadline *deadline)
{
  g_clear_object (&deadline->obligation);
  g_free (deadline->country_name);
  g_clear_object (&deadline->pending_extension);
  g_free (deadline);
}

/* Soonest first, then by State and obligation: for g_ptr_array_sort (). */
int
six_overview_compare_deadlines (gconstpointer a,
                                gconstpointer b)
{
  const SixOverviewDeadline *da = *(SixOverviewDeadline * const *) a;
  const SixOverviewDeadline *db = *(SixOverviewDeadline * const *) b;
  int order = strcmp (da->deadline, db->deadline);

  if (order != 0)
    return order;
  if ((order = g_utf8_collate (da->country_name, db->country_name)) != 0)
    return order;

  return strcmp (six_record_get_id (da->obligation), six_record_get_id (db->obligation));
}

static SixDeadlineBucket
bucket_of (const GDate      *today,
           const GDate      *due,
           SixDeadlineState  state)
{
  GDate in_12 = *today, in_36 = *today;

  g_date_add_months (&in_12, 12);
  g_date_add_months (&in_36, 36);
  if (g_date_compare (due, today) < 0)
    return state == SIX_DEADLINE_STATE_EXTENSION_PENDING ? SIX_DEADLINE_EXTENSION_REQUESTED
           : state == SIX_DEADLINE_STATE_UNKNOWN ? SIX_DEADLINE_STATUS_UNKNOWN
           : SIX_DEADLINE_PASSED;
  if (g_date_compare (due, &in_12) <= 0)
    return SIX_DEADLINE_WITHIN_12_MONTHS;
  if (g_date_compare (due, &in_36) <= 0)
    return SIX_DEADLINE_WITHIN_36_MONTHS;

  return SIX_DEADLINE_LATER;
}

/**
 * six_overview_deadline_new:
 * @obligation: an `obligation`
 * @country_name: its State's name, as shown
 * @extensions: (element-type SixRecord): extension requests, of this obligation or others
 * @today: the day the time left is counted from
 *
 * Returns: (transfer full) (nullable): the obligation's open Art. 3 or Art. 4 deadline with
 *   its time left and any extension awaiting a decision, or %NULL when it has none (Art. 5,
 *   completed, or no deadline recorded)
 */
SixOverviewDeadline *
six_overview_deadline_new (SixRecord   *obligation,
                           const char  *country_name,
                           GPtrArray   *extensions,
                           const GDate *today)
{
  const char *article = six_record_get_string (obligation, "article");
  SixOverviewDeadline *deadline;
  SixRecord *pending;
  GDate due;

  g_return_val_if_fail (SIX_IS_RECORD (obligation), NULL);
  g_return_val_if_fail (extensions != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* Art. 5 has no deadline; a completed obligation is off the radar. */
  if (g_strcmp0 (article, "art5") == 0 || !six_obligation_is_open (obligation) ||
      !six_date_parse (six_obligation_get_deadline (obligation), &due))
    return NULL;

  deadline = g_new0 (SixOverviewDeadline, 1);
  deadline->obligation = g_object_ref (obligation);
  deadline->country_name = g_strdup (country_name != NULL ? country_name : "");
  deadline->deadline = six_obligation_get_deadline (obligation);
  deadline->days_left = g_date_days_between (today, &due);
  deadline->bucket = bucket_of (today, &due,
                                six_deadline_assess (obligation, extensions, today));
  pending = six_extension_find_pending (extensions, six_record_get_id (obligation));
  deadline->pending_extension = pending != NULL ? g_object_ref (pending) : NULL;

  return deadline;
}

static GPtrArray *
build_deadlines (Tables      *tables,
                 const GDate *today)
{
  GPtrArray *deadlines;

  deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) six_overview_deadline_free);

  for (guint i = 0; i < tables->obligations->len; i++)
    {
      SixRecord *obligation = tables->obligations->pdata[i];
      g_autofree char *name = dup_country_name (tables,
                                                six_record_get_string (obligation, "country"));
      SixOverviewDeadline *deadline = six_overview_deadline_new (obligation, name,
                                                                 tables->extensions, today);

      if (deadline != NULL)
        g_ptr_array_add (deadlines, deadline);
    }
  g_ptr_array_sort (deadlines, six_overview_compare_deadlines);

  return deadlines;
}

static void
name_free (SixOverviewName *name)
{
  g_free (name->country);
  g_free (name->name);
  g_free (name);
}

/* States Parties with no Article 7 report recorded for @year. */
static GPtrArray *
build_missing_reports (Tables *tables,
                       int     year)
{
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *missing = g_ptr_array_new_with_free_func ((GDestroyNotify) name_free);
  GHashTableIter iter;
  gpointer key, value;
  int y;

  for (guint i = 0; i < tables->reports->len; i++)
    if (has_year (tables->reports->pdata[i], &y) && y == year)
      g_hash_table_add (reported,
                        (gpointer) six_record_get_string (tables->reports->pdata[i], "country"));

  g_hash_table_iter_init (&iter, tables->countries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SixOverviewName *name;

      if (g_strcmp0 (six_record_get_string (value, "status"), "party") != 0 ||
          g_hash_table_contains (reported, key))
        continue;

      name = g_new0 (SixOverviewName, 1);
      name->country = g_strdup (key);
      name->name = six_iso_codes_dup_country_name (value);
      g_ptr_array_add (missing, name);
    }
  g_ptr_array_sort (missing, compare_named);

  return missing;
}

static void
coalition_free (SixOverviewCoalition *coalition)
{
  g_clear_object (&coalition->coalition);
  g_free (coalition->lead_name);
  g_clear_object (&coalition->next_meeting);
  g_free (coalition);
}

static int
compare_coalitions (gconstpointer a,
                    gconstpointer b)
{
  const SixOverviewCoalition *ca = *(SixOverviewCoalition * const *) a;
  const SixOverviewCoalition *cb = *(SixOverviewCoalition * const *) b;
  int order = g_utf8_collate (ca->lead_name, cb->lead_name);

  return order != 0 ? order : strcmp (six_record_get_id (ca->coalition),
                                      six_record_get_id (cb->coalition));
}

static GPtrArray *
build_coalitions (Tables *tables)
{
  GPtrArray *coalitions = g_ptr_array_new_with_free_func ((GDestroyNotify) coalition_free);

  for (guint i = 0; i < tables->coalitions->len; i++)
    {
      SixRecord *record = tables->coalitions->pdata[i];
      const char *id = six_record_get_id (record);
      const SixCoalitionAgenda *agenda;
      SixOverviewCoalition *coalition;

      if (g_strcmp0 (six_record_get_string (record, "status"), "closed") == 0)
        continue;

      agenda = six_coalition_agenda_lookup (tables->agendas, id);
      coalition = g_new0 (SixOverviewCoalition, 1);
      coalition->coalition = g_object_ref (record);
      coalition->lead_name = dup_party_name (tables, six_record_get_string (record, "lead"));
      coalition->next_meeting = agenda->next_meeting != NULL
                                ? g_object_ref (agenda->next_meeting) : NULL;
      coalition->n_open = agenda->n_open;
      coalition->n_overdue = agenda->n_overdue;
      g_ptr_array_add (coalitions, coalition);
    }
  g_ptr_array_sort (coalitions, compare_coalitions);

  return coalitions;
}

/* --- the object ---------------------------------------------------------------------------- */

static void
six_overview_finalize (GObject *object)
{
  SixOverview *self = (SixOverview *) object;

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_pointer (&self->missing_reports, g_ptr_array_unref);
  g_clear_pointer (&self->coalitions, g_ptr_array_unref);

  G_OBJECT_CLASS (six_overview_parent_class)->finalize (object);
}

static void
six_overview_class_init (SixOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = six_overview_finalize;
}

static void
six_overview_init (SixOverview *self)
{
}

/**
 * six_overview_build:
 * @first_year: the span's first reporting year, or 0 for the latest year holding data
 * @last_year: its last, or 0 for the same as @first_year
 * @today: the day deadlines and meetings are measured from
 *
 * Reads on the store's connection (the repository's thread).
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
SixOverview *
six_overview_build (SixDb        *db,
                    int           first_year,
                    int           last_year,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(SixOverview) self = NULL;
  g_auto(Tables) tables = { 0 };
  g_autoptr(GArray) years = NULL;
  char today_text[16];

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_snprintf (today_text, sizeof today_text, "%04d-%02d-%02d", g_date_get_year (today),
              g_date_get_month (today), g_date_get_day (today));
  if (!read_tables (db, &tables, today_text, error))
    return NULL;

  years = collect_years (&tables);
  if (first_year == 0)
    first_year = years->len > 0 ? g_array_index (years, int, years->len - 1)
                                : (int) g_date_get_year (today);
  if (last_year < first_year)
    last_year = first_year;
  tables_set_span (&tables, first_year, last_year);
  if (!read_span (db, &tables, error))
    return NULL;

  self = g_object_new (SIX_TYPE_OVERVIEW, NULL);
  self->today = *today;
  self->first_year = first_year;
  self->last_year = last_year;
  self->report_year = g_date_get_year (today);

  self->years = build_trend (&tables, years);
  self->n_reporting = count_reporting (&tables, first_year, last_year);
  self->requests = build_requests (&tables);
  self->states = build_states (&tables, self->requests, first_year, last_year);
  self->totals = build_totals (&tables);
  self->deadlines = build_deadlines (&tables, today);
  self->missing_reports = build_missing_reports (&tables, self->report_year);
  self->coalitions = build_coalitions (&tables);
  self->complete = TRUE;

  return g_steal_pointer (&self);
}

/* The latest year holding requests, contributions or reports, as collect_years () would find
 * it, from the requests' and contributions' year indexes and the reports (a small table);
 * @none if no year holds any. */
static int
read_latest_year (SixDb   *db,
                  int      none,
                  GError **error)
{
  static const char * const dated[] = { "assistance_request", "contribution", "article7_report" };
  gint64 latest = G_MININT64;

  for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 year = six_db_max_int (db, six_kind_lookup (dated[i]), "year", G_MININT64,
                                    &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return none;
        }
      latest = MAX (latest, year);
    }

  return latest != G_MININT64 ? (int) latest : none;
}

/**
 * six_overview_build_needs:
 *
 * What the Overview shows first, read in a fraction of six_overview_build ()'s time: the span,
 * who sought assistance in it and how far each need is answered, and how many States
 * reported. Its years, totals, deadlines and coalitions are empty, and it is not complete
 * (six_overview_is_complete ()): a page shows its first groups from it while the whole reads.
 *
 * Returns: (transfer full): the overview of the needs, or %NULL with @error set
 */
SixOverview *
six_overview_build_needs (SixDb        *db,
                          int           first_year,
                          int           last_year,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(SixOverview) self = NULL;
  g_auto(Tables) tables = { 0 };
  GPtrArray *countries;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (first_year == 0)
    {
      g_autoptr(GError) local_error = NULL;

      first_year = read_latest_year (db, g_date_get_year (today), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (last_year < first_year)
    last_year = first_year;

  tables.all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  tables_set_span (&tables, first_year, last_year);
  if ((countries = list_kind (db, &tables, "country", error)) == NULL ||
      (tables.reports = select_kind (db, &tables, "article7_report", tables.span,
                                     G_N_ELEMENTS (tables.span), error)) == NULL ||
      !read_needs (db, &tables, error))
    return NULL;
  tables.countries = index_by_id (countries);

  self = g_object_new (SIX_TYPE_OVERVIEW, NULL);
  self->today = *today;
  self->first_year = first_year;
  self->last_year = last_year;
  self->report_year = g_date_get_year (today);
  self->years = g_array_new (FALSE, FALSE, sizeof (SixOverviewYear));
  self->n_reporting = count_reporting (&tables, first_year, last_year);
  self->requests = build_requests (&tables);
  self->states = build_states (&tables, self->requests, first_year, last_year);
  self->totals = g_ptr_array_new ();
  self->deadlines = g_ptr_array_new ();
  self->missing_reports = g_ptr_array_new ();
  self->coalitions = g_ptr_array_new ();

  return g_steal_pointer (&self);
}

/* Whether it holds everything (six_overview_build ()), or the needs alone. */
gboolean
six_overview_is_complete (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), FALSE);

  return self->complete;
}

/* The day the overview was measured from: deadlines' time left, the next meeting. */
void
six_overview_get_today (SixOverview *self,
                        GDate       *today)
{
  g_return_if_fail (SIX_IS_OVERVIEW (self));
  g_return_if_fail (today != NULL);

  *today = self->today;
}

int
six_overview_get_first_year (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), 0);

  return self->first_year;
}

int
six_overview_get_last_year (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), 0);

  return self->last_year;
}

/**
 * six_overview_get_years:
 *
 * Returns: (transfer none) (element-type SixOverviewYear): every year holding requests,
 *   contributions or reports, oldest first, with its figures — the trend
 */
GArray *
six_overview_get_years (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->years;
}

/* The States with an Article 7 report recorded for a year of the span: the denominator. */
guint
six_overview_get_n_reporting (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), 0);

  return self->n_reporting;
}

/**
 * six_overview_get_states:
 *
 * Returns: (transfer none) (element-type SixOverviewState): the States that sought
 *   assistance in the span (a request, or a report asking for it), by name
 */
GPtrArray *
six_overview_get_states (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->states;
}

/**
 * six_overview_get_requests:
 *
 * Returns: (transfer none) (element-type SixOverviewRequest): the span's requests (withdrawn
 *   ones left out), oldest first, then by State
 */
GPtrArray *
six_overview_get_requests (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->requests;
}

/**
 * six_overview_count_category:
 * @category: an index into six_categories
 * @coverage: (out caller-allocates) (array fixed-size=3) (optional): the category's requests
 *   by coverage
 *
 * Returns: the number of States that sought assistance in @category
 */
guint
six_overview_count_category (SixOverview *self,
                             guint        category,
                             guint       *coverage)
{
  guint n = 0;

  g_return_val_if_fail (SIX_IS_OVERVIEW (self), 0);
  g_return_val_if_fail (category < g_strv_length ((char **) six_categories), 0);

  for (guint i = 0; i < self->states->len; i++)
    if (((SixOverviewState *) self->states->pdata[i])->categories & (1u << category))
      n++;

  if (coverage != NULL)
    {
      memset (coverage, 0, sizeof (guint) * SIX_N_COVERAGES);
      for (guint i = 0; i < self->requests->len; i++)
        {
          SixOverviewRequest *request = self->requests->pdata[i];

          if (category_index (six_record_get_string (request->request, "category")) == category)
            coverage[request->coverage]++;
        }
    }

  return n;
}

static GStrv
collect_ids (GPtrArray *named,
             gboolean (*keep) (gconstpointer item, gconstpointer data),
             gconstpointer data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < named->len; i++)
    if (keep == NULL || keep (named->pdata[i], data))
      g_strv_builder_add (builder, ((SixOverviewName *) named->pdata[i])->country);

  return g_strv_builder_end (builder);
}

static gboolean
asked_for (gconstpointer item,
           gconstpointer data)
{
  return (((const SixOverviewState *) item)->categories & (1u << GPOINTER_TO_UINT (data))) != 0;
}

static gboolean
has_coverage (gconstpointer item,
              gconstpointer data)
{
  return ((const SixOverviewState *) item)->coverage[GPOINTER_TO_UINT (data)] > 0;
}

/* Returns: (transfer full): the ids of the States that sought assistance in @category */
GStrv
six_overview_dup_category_states (SixOverview *self,
                                  guint        category)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return collect_ids (self->states, asked_for, GUINT_TO_POINTER (category));
}

/* Returns: (transfer full): the ids of the States with a request of @coverage */
GStrv
six_overview_dup_coverage_states (SixOverview *self,
                                  SixCoverage  coverage)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return collect_ids (self->states, has_coverage, GUINT_TO_POINTER (coverage));
}

/* Returns: (transfer full): the ids of every State that sought assistance in the span */
GStrv
six_overview_dup_seeking_states (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return collect_ids (self->states, NULL, NULL);
}

/**
 * six_overview_get_totals:
 *
 * Returns: (transfer none) (element-type SixOverviewTotal): the span's contributions summed
 *   by status (pledged → delivered) and currency
 */
GPtrArray *
six_overview_get_totals (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->totals;
}

/**
 * six_overview_get_deadlines:
 *
 * Returns: (transfer none) (element-type SixOverviewDeadline): every open Art. 3 and Art. 4
 *   deadline, soonest first
 */
GPtrArray *
six_overview_get_deadlines (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->deadlines;
}

/* Returns: (transfer full): the ids of the States with a deadline in @bucket */
GStrv
six_overview_dup_bucket_states (SixOverview       *self,
                                SixDeadlineBucket  bucket)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      SixOverviewDeadline *deadline = self->deadlines->pdata[i];
      const char *country = six_record_get_string (deadline->obligation, "country");

      if (deadline->bucket == bucket && g_hash_table_add (seen, (gpointer) country))
        g_strv_builder_add (builder, country);
    }

  return g_strv_builder_end (builder);
}

/* The year whose Article 7 reports the overview looks for: today's. */
int
six_overview_get_report_year (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), 0);

  return self->report_year;
}

/**
 * six_overview_get_missing_reports:
 *
 * Returns: (transfer none) (element-type SixOverviewName): the States Parties with no
 *   Article 7 report recorded for six_overview_get_report_year (), by name
 */
GPtrArray *
six_overview_get_missing_reports (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->missing_reports;
}

/**
 * six_overview_get_coalitions:
 *
 * Returns: (transfer none) (element-type SixOverviewCoalition): the coalitions not closed,
 *   by lead State
 */
GPtrArray *
six_overview_get_coalitions (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), NULL);

  return self->coalitions;
}

static void
converted_free (SixOverviewConverted *converted)
{
  g_free (converted->status);
  g_strfreev (converted->left_out);
  g_free (converted);
}

/* @amount × @rate, both in ten-thousandths: FALSE when it does not fit. */
static gboolean
convert (gint64  amount,
         gint64  rate,
         gint64 *result)
{
  __int128 product = (__int128) amount * rate / 10000;

  if (product > G_MAXINT64 || product < G_MININT64)
    return FALSE;

  *result = (gint64) product;

  return TRUE;
}

/**
 * six_overview_convert_totals:
 * @currency: the currency to show totals in
 * @rates: (element-type utf8 gint64): currency → how many ten-thousandths of @currency one unit
 *   of it is worth, as the user entered them
 *
 * Returns: (transfer container) (element-type SixOverviewConverted): the totals by status,
 *   each converted at the user's rates; amounts in a currency without a rate are left out and
 *   named, never guessed
 */
GPtrArray *
six_overview_convert_totals (SixOverview *self,
                             const char  *currency,
                             GHashTable  *rates)
{
  GPtrArray *converted = g_ptr_array_new_with_free_func ((GDestroyNotify) converted_free);
  SixOverviewConverted *current = NULL;

  g_return_val_if_fail (SIX_IS_OVERVIEW (self), converted);
  g_return_val_if_fail (currency != NULL, converted);

  /* The totals come by status, then currency: one converted row per status. */
  for (guint i = 0; i < self->totals->len; i++)
    {
      SixOverviewTotal *total = self->totals->pdata[i];
      gpointer rate = NULL;
      gint64 amount = 0;

      if (current == NULL || g_strcmp0 (current->status, total->status) != 0)
        {
          current = g_new0 (SixOverviewConverted, 1);
          current->status = g_strdup (total->status);
          current->left_out = g_new0 (char *, 1);
          g_ptr_array_add (converted, current);
        }
      if (total->currency == NULL)
        continue;

      if (g_strcmp0 (total->currency, currency) == 0)
        amount = total->total;
      else if (g_hash_table_lookup_extended (rates, total->currency, NULL, &rate))
        {
          if (!convert (total->total, *(gint64 *) rate, &amount))
            current->overflow = TRUE;
        }
      else
        {
          guint n = g_strv_length (current->left_out);

          current->left_out = g_renew (char *, current->left_out, n + 2);
          current->left_out[n] = g_strdup (total->currency);
          current->left_out[n + 1] = NULL;
          continue;
        }

      if (total->overflow || __builtin_add_overflow (current->total, amount, &current->total))
        current->overflow = TRUE;
    }

  return converted;
}

/* Nothing sought, given or recorded in any year: a database without requests yet. */
gboolean
six_overview_is_empty (SixOverview *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (self), TRUE);

  return self->years->len == 0;
}

/**
 * six_amount_sums_describe:
 * @sums: (element-type SixAmountSum): sums per currency
 *
 * Returns: (transfer full): "1,000 EUR; 900.25 USD": one figure per currency, never one total
 */
char *
six_amount_sums_describe (GPtrArray *sums)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sums->len; i++)
    {
      SixAmountSum *sum = sums->pdata[i];
      g_autofree char *amount = sum->overflow ? g_strdup (_("Too large to add up"))
                                              : six_amount_format (sum->total, sum->currency);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", amount);
    }

  return g_string_free (out, FALSE);
}
