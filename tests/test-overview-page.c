/* test-overview-page.c — the Overview on a database holding the reference pack: the 2018
 * requests, a click through to the States behind a figure, contributions seen live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-countries-page.h"
#include "six-chart-bar.h"
#include "six-country-entry.h"
#include "six-figure-row.h"
#include "six-overview-page-private.h"
#include "six-queries.h"
#include "ui-fixture.h"

static SixOverviewPage *
get_page (Fixture *fixture)
{
  return SIX_OVERVIEW_PAGE (six_window_get_page_widget (fixture->window, "overview"));
}

static gboolean
overview_shown (gpointer data)
{
  SixOverviewPage *page = data;
  GtkWidget *stack = find_by_id (GTK_WIDGET (page), "stack");

  return six_overview_page_get_overview (page) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "overview") == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  const char *subtitle;
} RowWait;

static void
collect_groups (GtkWidget *widget,
                GPtrArray *groups)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      g_ptr_array_add (groups, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_groups (child, groups);
}

/* The page's sections fill in from the top: the groups shown are the first ones, the one at
 * the top among them, and none shows below one still hidden. Returns whether all show. */
static gboolean
check_filled_from_top (SixOverviewPage *page)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  gboolean hidden_above = FALSE;

  collect_groups (GTK_WIDGET (page), groups);
  g_assert_cmpuint (groups->len, >, 5);
  g_assert_true (gtk_widget_get_visible (groups->pdata[0]));
  for (guint i = 0; i < groups->len; i++)
    {
      gboolean visible = gtk_widget_get_visible (groups->pdata[i]);

      g_assert_false (visible && hidden_above);
      hidden_above |= !visible;
    }

  return !hidden_above;
}

static gboolean
spinner_turns (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) &&
         gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

static gboolean
filled (gpointer data)
{
  return check_filled_from_top (data) && find_matching (data, spinner_turns, NULL) == NULL;
}

/* A row titled so, with that subtitle (NULL: any). */
static gboolean
row_shows (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *row = find_row_titled (wait->root, wait->title);

  return row != NULL &&
         (wait->subtitle == NULL ||
          g_strcmp0 (six_figure_row_get_subtitle (SIX_FIGURE_ROW (row)), wait->subtitle) == 0);
}

#define wait_row(root, title, subtitle) \
  G_STMT_START { \
    RowWait wait_ = { GTK_WIDGET (root), (title), (subtitle) }; \
    wait_until (row_shows, &wait_); \
  } G_STMT_END

static char *
find_request (SixRepository *repository,
              const char    *country,
              const char    *category)
{
  GListModel *requests = six_repository_list (repository, six_kind_lookup ("assistance_request"));

  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SixRecord) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (six_record_get_string (request, "country"), country) == 0 &&
          g_strcmp0 (six_record_get_string (request, "category"), category) == 0)
        return g_strdup (six_record_get_id (request));
    }

  return NULL;
}

static gboolean
requests_loaded (gpointer data)
{
  GListModel *requests = six_repository_list (data, six_kind_lookup ("assistance_request"));

  return !six_record_list_is_loading (SIX_RECORD_LIST (requests)) &&
         g_list_model_get_n_items (requests) > 0;
}

static void
contribute (SixRepository *repository,
            const char    *request,
            const char    *amount,
            const char    *currency,
            int            year,
            const char    *status)
{
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup ("contribution"), NULL);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  gint64 operation = 0;

  six_edit_set_string (edit, "donor", "NOR");
  six_edit_set_string (edit, "recipient", "LBN");
  six_edit_set_string (edit, "category", "victim_assistance");
  six_edit_set_string (edit, "amount", amount);
  six_edit_set_string (edit, "currency", currency);
  six_edit_set_int (edit, "year", year);
  six_edit_set_string (edit, "status", status);
  six_edit_set_string (edit, "request", request);
  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_repository_apply_async (repository, "test", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
}

static GPtrArray *
shown_countries (SixCountriesPage *page)
{
  GListModel *shown = six_countries_page_get_shown (page);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SixCountryEntry) entry = g_list_model_get_item (shown, i);

      g_ptr_array_add (ids, g_strdup (six_country_entry_get_id (entry)));
    }

  return ids;
}

typedef struct
{
  SixCountriesPage *page;
  guint             n_shown;
} Narrowed;

static gboolean
countries_narrowed_to (gpointer data)
{
  Narrowed *narrowed = data;

  return !six_countries_page_is_updating (narrowed->page) &&
         g_list_model_get_n_items (six_countries_page_get_shown (narrowed->page)) ==
         narrowed->n_shown;
}

static gboolean
countries_narrowed (gpointer data)
{
  Narrowed narrowed = { data, 9 };

  return countries_narrowed_to (&narrowed);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static gboolean
contains (GPtrArray  *ids,
          const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) && window_shows ((gpointer) "Saved");
}

static void
assert_saved (Fixture    *fixture,
              int         kind,
              const char *name,
              const char *start)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  _six_overview_page_save (get_page (fixture), kind, path);
  wait_until (file_written, path);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, start));
  dismiss_toast (fixture->window);
}

/* A file that cannot be written says so, by its name. */
static void
assert_not_saved (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "deadlines.ics",
                                            NULL);

  _six_overview_page_save (get_page (fixture), 2, path);
  wait_until (window_shows, (gpointer) "Could not save “deadlines.ics”: ");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dismiss_toast (fixture->window);
}

static gboolean
offers_rate (gpointer rates)
{
  return find_row_titled (rates, "1 USD =") != NULL;
}

static gboolean
no_converted_rows (gpointer page)
{
  return find_row_titled (page, "Disbursed: ≈ 2,250.45 EUR") == NULL;
}

static gboolean
settled (gpointer data)
{
  GtkWidget *body = find_by_id (data, "body_stack");

  return !gtk_stack_get_transition_running (GTK_STACK (body));
}

static void
pack_body (Fixture *fixture)
{
  SixOverviewPage *page = get_page (fixture);
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixCountriesPage *countries = SIX_COUNTRIES_PAGE (six_window_get_page_widget (fixture->window, "countries"));
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *request = NULL;
  g_autofree char *review = review_path ("overview-pack.png");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *currency_row, *rates, *rate_row;
  GtkWidget *row;

  /* The Overview is what opens, and it shows the latest year holding requests. */
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "overview");
  wait_until (overview_shown, page);
  /* Shown from the top, then the sections below fill in, one a frame, and the spinner
   * under them stops. */
  check_filled_from_top (page);
  wait_until (filled, page);
  wait_row (page, "11 States sought assistance in 2018", "11 States with an Article 7 report for 2018");
  wait_row (page, "Victim assistance", "9 States · 0 answered, 0 partly, 9 unanswered");
  wait_row (page, "Stockpile destruction", "1 State · 0 answered, 0 partly, 1 unanswered");
  wait_row (page, "Lebanon", NULL);
  wait_row (page, "No contribution recorded for these years", NULL);
  wait_until (settled, fixture->window);
  save_widget_png (GTK_WIDGET (fixture->window), review);

  /* A bar is drawing only: the row that holds it is what a screen reader names. */
  row = find_row_titled (GTK_WIDGET (page), "Victim assistance");
  {
    g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "Victim assistance");
    g_autofree char *description =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          "9 States · 0 answered, 0 partly, 9 unanswered");

    /* A screen reader names the row by its title and reads its figures after. */
    g_assert_null (label);
    g_assert_null (description);
  }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (find_descendant (row, SIX_TYPE_CHART_BAR))),
                   ==, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* A figure opens the States behind it. */
  gtk_widget_activate (row);
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "countries");
  wait_until (countries_narrowed, countries);
  ids = shown_countries (countries);
  g_assert_true (contains (ids, "LBN"));
  g_assert_true (contains (ids, "ALB"));
  g_assert_false (contains (ids, "PER"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find_by_id (GTK_WIDGET (countries),
                                                                          "only_revealer"))));
  gtk_widget_activate_action (GTK_WIDGET (countries), "countries.show-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (six_countries_page_get_shown (countries)), >, 150);

  /* A long list shows its first ten, then a row for all of them where they live. */
  six_window_show_page (fixture->window, "overview");
  wait_row (page, "Show all 11 States", NULL);
  g_assert_cmpuint (count_rows (find_by_id (GTK_WIDGET (page), "states_list")), ==, 11);
  gtk_widget_activate (find_row_titled (GTK_WIDGET (page), "Show all 11 States"));
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "countries");
  wait_until (countries_narrowed_to, (&(Narrowed) { countries, 11 }));
  gtk_widget_activate_action (GTK_WIDGET (countries), "countries.show-all", NULL);

  /* A contribution answering Lebanon's request moves the figures, without reopening. */
  six_window_show_page (fixture->window, "overview");
  wait_until (requests_loaded, repository);
  request = find_request (repository, "LBN", "victim_assistance");
  g_assert_nonnull (request);
  contribute (repository, request, "100000", "EUR", 2018, "pledged");
  wait_row (page, "Victim assistance", "9 States · 0 answered, 1 partly, 8 unanswered");
  wait_row (page, "Pledged: 100,000 EUR", "1 contribution");

  /* Another currency is summed apart, never added in. */
  contribute (repository, request, "2500.5", "USD", 2018, "disbursed");
  wait_row (page, "Disbursed: 2,500.50 USD", "1 contribution");
  wait_row (page, "Pledged: 100,000 EUR", "1 contribution");

  /* At rates the user enters in the Convert popover, one currency, marked as an estimate;
   * without a rate, named. What is no currency or no rate is refused where it is typed. */
  currency_row = find_by_id (GTK_WIDGET (page), "currency_row");
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "EURO");
  g_assert_true (gtk_widget_has_css_class (currency_row, "error"));
  {
    g_autofree char *currency = g_settings_get_string (settings, "conversion-currency");

    g_assert_cmpstr (currency, ==, "");
  }
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "eur");
  g_assert_false (gtk_widget_has_css_class (currency_row, "error"));
  wait_row (page, "Disbursed: ≈ 0 EUR", "At your rates; not converted for want of a rate: USD");
  rates = find_by_id (GTK_WIDGET (page), "rates_list");
  wait_until (offers_rate, rates);
  rate_row = find_row_titled (rates, "1 USD =");
  g_assert_null (find_row_titled (rates, "1 EUR ="));
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "-0.9");
  g_assert_true (gtk_widget_has_css_class (rate_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "0.9");
  g_assert_false (gtk_widget_has_css_class (rate_row, "error"));
  wait_row (page, "Disbursed: ≈ 2,250.45 EUR", "At your rates, not recorded amounts");
  {
    g_autoptr(GVariant) stored_rates = g_settings_get_value (settings, "conversion-rates");
    g_autoptr(GVariant) typed = g_variant_ref_sink (g_variant_new_parsed ("{'USD': '0.9'}"));

    g_assert_cmpvariant (stored_rates, typed);
  }
  /* Typing the rate kept its row: it is the one still shown. */
  g_assert_true (find_row_titled (rates, "1 USD =") == rate_row);
  wait_row (page, "Pledged: ≈ 100,000 EUR", NULL);
  wait_row (page, "Disbursed: 2,500.50 USD", "1 contribution");
  g_free (review);
  review = review_path ("overview-contributions.png");
  save_widget_png (GTK_WIDGET (fixture->window), review);

  g_settings_reset (settings, "conversion-currency");
  g_settings_reset (settings, "conversion-rates");
  wait_until (no_converted_rows, page);

  /* A contribution of a later year offers a span: 2019 holds nothing, and says so. */
  contribute (repository, request, "1000", "EUR", 2020, "delivered");
  wait_row (page, "2020", "0 States sought assistance · 1 contribution");
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.show-year", "i", 2019);
  wait_row (page, "0 States sought assistance in 2019", "No Article 7 report recorded for 2019");
  wait_row (page, "No State sought assistance in these years", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (page), "first_dropdown")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (page), "last_dropdown")), 2);
  wait_row (page, "11 States sought assistance in 2018–2020", NULL);
  wait_row (page, "Delivered: 1,000 EUR", "1 contribution");

  /* Pledges in two currencies: one row for the status, each currency summed on its own. */
  contribute (repository, request, "50", "USD", 2018, "pledged");
  wait_row (page, "Pledged", "100,000 EUR · 50 USD\n2 contributions");

  /* The report and its tables leave as files, written off the main thread. */
  assert_saved (fixture, 0, "overview.pdf", "%PDF");
  assert_saved (fixture, 1, "overview.csv", "");
  assert_saved (fixture, 2, "deadlines.ics", "BEGIN:VCALENDAR");
  assert_not_saved (fixture);
}

static void
test_pack (Fixture       *fixture,
           gconstpointer  data)
{
  run_in_app (fixture, pack_body);
}

/* The same figures in the Convention's other languages. */
static void
language_body (Fixture *fixture)
{
  SixOverviewPage *page = get_page (fixture);
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *review = NULL;

  wait_until (overview_shown, page);
  if (g_str_has_prefix (language, "fr"))
    {
      wait_row (page, "11 États ont demandé une assistance en 2018",
                "11 États ayant un rapport au titre de l’article 7 pour 2018");
      wait_row (page, "Assistance aux victimes", NULL);
    }
  else
    {
      wait_row (page, "11 Estados solicitaron asistencia en 2018",
                "11 Estados con un informe del artículo 7 para 2018");
      wait_row (page, "Asistencia a las víctimas", NULL);
    }

  review = review_path (g_str_has_prefix (language, "fr") ? "overview-fr.png" : "overview-es.png");
  wait_until (settled, fixture->window);
  save_widget_png (GTK_WIDGET (fixture->window), review);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_language (fixture, data, language_body);
}

static gboolean
page_empty (gpointer data)
{
  GtkWidget *stack = find_by_id (data, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty") == 0;
}

/* A database holding nothing to summarise says so, and offers the way to fill it. */
static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(SixRepository) repository = NULL;
  g_autoptr(SixLiveQuery) query = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (SIX_TYPE_OVERVIEW_PAGE, NULL);
  GtkWidget *import = NULL;

  g_assert_no_error (error);
  repository = six_repository_open (path, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  query = six_overview_query_new (repository);
  six_overview_page_set_query (SIX_OVERVIEW_PAGE (page), query);
  wait_until (page_empty, page);
  g_assert_nonnull (six_overview_page_get_overview (SIX_OVERVIEW_PAGE (page)));
  g_assert_true (six_overview_is_empty (six_overview_page_get_overview (SIX_OVERVIEW_PAGE (page))));

  import = find_descendant (find_by_id (page, "stack"), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import)), ==, "win.import-file");

  gtk_window_destroy (GTK_WINDOW (window));
  six_repository_close (repository);
  remove_dir (dir);
}

static gboolean
acts (GtkWidget     *widget,
      gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

typedef struct
{
  GtkWidget *page;
  gboolean   saw_needs;
  gboolean   saw_whole;
} NeedsFirst;

static gboolean
group_shown (GtkWidget  *page,
             const char *list_id)
{
  return gtk_widget_get_visible (gtk_widget_get_ancestor (find_by_id (page, list_id),
                                                          ADW_TYPE_PREFERENCES_GROUP));
}

/* Right after the page took each answer: the needs read first show their groups alone, the
 * report waits for the whole. */
static void
on_answer_cb (SixLiveQuery *query,
              GParamSpec   *pspec,
              NeedsFirst   *seen)
{
  SixOverview *overview = six_live_query_get_snapshot (query);
  GtkWidget *stack = find_by_id (seen->page, "stack");
  gboolean complete = six_overview_is_complete (overview);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "overview");
  g_assert_true (group_shown (seen->page, "seeking_list"));
  g_assert_nonnull (find_row_titled (seen->page, "1 State sought assistance in 2018"));
  g_assert_true (gtk_widget_get_visible (find_by_id (seen->page, "filling_spinner")));
  if (complete)
    {
      g_assert_true (gtk_widget_get_sensitive (find_matching (seen->page, acts,
                                                              "overview.save-pdf")));
      seen->saw_whole = TRUE;
      return;
    }

  g_assert_false (seen->saw_whole);
  /* The report and its files are of the whole: their buttons wait for it. */
  g_assert_false (gtk_widget_get_sensitive (find_matching (seen->page, acts,
                                                           "overview.copy-report")));
  g_assert_false (gtk_widget_get_sensitive (find_matching (seen->page, acts,
                                                           "overview.save-pdf")));
  g_assert_false (group_shown (seen->page, "states_list"));
  g_assert_false (group_shown (seen->page, "deadlines_list"));
  seen->saw_needs = TRUE;
}

/* Who sought what shows before the rest is read; the whole then fills the page. */
static void
test_needs_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "needs.db", NULL);
  g_autoptr(SixRepository) repository = NULL;
  g_autoptr(SixLiveQuery) query = NULL;
  g_autoptr(SixEdit) edit = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  GtkWidget *window = gtk_window_new ();
  NeedsFirst seen = { g_object_new (SIX_TYPE_OVERVIEW_PAGE, NULL), FALSE, FALSE };
  gint64 operation = 0;

  g_assert_no_error (error);
  repository = six_repository_open (path, &error);
  g_assert_no_error (error);
  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "status", "party");
  g_ptr_array_add (edits, g_steal_pointer (&edit));
  edit = six_edit_new (six_kind_lookup ("assistance_request"), "r-lbn");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_int (edit, "year", 2018);
  six_edit_set_string (edit, "category", "victim_assistance");
  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_repository_apply_async (repository, "test", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);

  gtk_window_set_child (GTK_WINDOW (window), seen.page);
  gtk_window_present (GTK_WINDOW (window));
  query = six_overview_query_new (repository);
  six_overview_page_set_query (SIX_OVERVIEW_PAGE (seen.page), query);
  g_signal_connect (query, "notify::snapshot", G_CALLBACK (on_answer_cb), &seen);
  wait_until (filled, seen.page);
  g_assert_true (seen.saw_needs);
  g_assert_true (seen.saw_whole);
  g_assert_true (group_shown (seen.page, "deadlines_list"));

  gtk_window_destroy (GTK_WINDOW (window));
  six_repository_close (repository);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  ui_test_use_catalogs ();

  g_test_add_func ("/ui/overview-page/empty", test_empty);
  g_test_add_func ("/ui/overview-page/needs-first", test_needs_first);
  g_test_add ("/ui/overview-page/pack", Fixture, NULL, fixture_set_up, test_pack,
              fixture_tear_down);
  g_test_add ("/ui/overview-page/french", Fixture, "fr", fixture_set_up, test_language,
              fixture_tear_down);
  g_test_add ("/ui/overview-page/spanish", Fixture, "es", fixture_set_up, test_language,
              fixture_tear_down);

  return g_test_run ();
}
