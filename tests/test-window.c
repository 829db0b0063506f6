/* test-window.c — the window, its pages, preferences, about, search and screenshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "six-countries-page.h"
#include "six-country-profile.h"
#include "six-entry-row.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-overview-page.h"
#include "six-page-slot.h"
#include "six-preferences-window.h"
#include "six-record-list.h"
#include "six-search-page.h"
#include "six-action-row.h"
#include "six-actions-page.h"
#include "six-apply.h"
#include "six-window-private.h"
#include "ui-fixture.h"
#include "six-db.h"


static void
pages_body (Fixture *fixture)
{
  const char *pages[] = { "action-plans", "countries", "coalitions", "exchange", "overview" };

  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "overview");
  g_assert_nonnull (six_window_get_repository (fixture->window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-page", "s", pages[i]));
      g_assert_cmpstr (six_window_get_page (fixture->window), ==, pages[i]);
    }
}

static gboolean
profile_of_lao_shown (gpointer page)
{
  SixProfile *profile = six_country_profile_get_profile (six_countries_page_get_profile (page));

  return profile != NULL &&
         g_strcmp0 (six_record_get_id (six_profile_get_country (profile)), "LAO") == 0;
}

/* Opening a State from elsewhere (search, --open): the Countries page, with its profile. */
static void
open_country_body (Fixture *fixture)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, "countries");

  g_assert_true (six_window_open_record (fixture->window, "country", "LAO"));
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "countries");
  wait_until (profile_of_lao_shown, page);
}

static gboolean
is_back_button (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *action = GTK_IS_ACTIONABLE (widget)
                       ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  return gtk_widget_get_mapped (widget) &&
         (g_strcmp0 (action, "win.show-sidebar") == 0 ||
          g_strcmp0 (action, "countries.show-list") == 0);
}

static guint
count_back_buttons (GtkWidget *widget)
{
  guint n = is_back_button (widget, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_back_buttons (child);
  return n;
}

static gboolean
one_back_button (gpointer window)
{
  return count_back_buttons (window) == 1;
}

static gboolean
only_back_to_sidebar (gpointer window)
{
  GtkWidget *back = find_matching (window, is_back_button, NULL);

  return one_back_button (window) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (back)),
                    "win.show-sidebar") == 0;
}

/* Narrow, a profile has one way back (to its list), and the list one (to the sidebar). */
static void
narrow_body (Fixture *fixture)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, "countries");
  GtkWidget *back;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 800);
  g_assert_true (six_window_open_record (fixture->window, "country", "LAO"));
  wait_until (profile_of_lao_shown, page);
  wait_until (one_back_button, fixture->window);
  back = find_matching (GTK_WIDGET (fixture->window), is_back_button, NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (back)), ==,
                   "countries.show-list");

  gtk_widget_activate (back);
  wait_until (only_back_to_sidebar, fixture->window);
}

static gboolean
is_bolivia_cell (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "Bolivia");
}

static gboolean
bolivia_listed (gpointer page)
{
  return find_matching (page, is_bolivia_cell, NULL) != NULL;
}

/* A name cut at its column's edge can still be read whole, in its tooltip. */
static void
full_names_body (Fixture *fixture)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, "countries");
  GtkWidget *cell;

  six_window_show_page (fixture->window, "countries");
  wait_until (bolivia_listed, page);
  cell = find_matching (page, is_bolivia_cell, NULL);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (cell)), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, gtk_label_get_label (GTK_LABEL (cell)));
}

static gboolean
is_summary (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "caption") &&
         gtk_label_get_wrap (GTK_LABEL (widget)) &&
         gtk_widget_get_ancestor (widget, SIX_TYPE_ACTION_ROW) != NULL &&
         gtk_widget_get_visible (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0';
}

static gboolean
summary_listed (gpointer page)
{
  return find_matching (page, is_summary, NULL) != NULL;
}

/* An action's summary shows two lines at most, and its tooltip the whole of it. */
static void
full_summaries_body (Fixture *fixture)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, "action-plans");
  GtkWidget *summary;

  six_window_show_page (fixture->window, "action-plans");
  wait_until (summary_listed, page);
  summary = find_matching (page, is_summary, NULL);
  g_assert_cmpint (gtk_label_get_lines (GTK_LABEL (summary)), ==, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (summary), ==,
                   gtk_label_get_label (GTK_LABEL (summary)));
}

/* Ctrl+P with no State open says what it needs instead of doing nothing. */
static void
print_nothing_body (Fixture *fixture)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, "countries");

  six_window_show_page (fixture->window, "countries");
  g_assert_true (gtk_widget_activate_action (page, "countries.print", NULL));
  wait_until (window_shows, (gpointer) "Choose a State first");
}

/* A window opens on the page the last one closed on. */
static void
last_page_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *saved = NULL;
  SixWindow *window;

  six_window_show_page (fixture->window, "coalitions");
  gtk_window_close (GTK_WINDOW (fixture->window));
  saved = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (saved, ==, "coalitions");

  window = six_window_new (GTK_APPLICATION (fixture->app));
  g_assert_cmpstr (six_window_get_page (window), ==, "coalitions");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "last-page");
}

static void
preferences_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *name = NULL;
  SixEntryRow *name_row = NULL;
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_PREFERENCES_WINDOW));
  preferences = find_toplevel (SIX_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));

  /* The name row writes the replica's display name to GSettings. */
  name_row = SIX_ENTRY_ROW (find_descendant (GTK_WIDGET (preferences), SIX_TYPE_ENTRY_ROW));
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Amina Diallo");
  name = g_settings_get_string (settings, "replica-name");
  g_assert_cmpstr (name, ==, "Amina Diallo");
  g_settings_reset (settings, "replica-name");
}

static void
about_body (Fixture *fixture)
{
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW));
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Article Six");
}

/* F1 opens the user guide; the main menu and the shortcuts window say so. */
static void
help_body (Fixture *fixture)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                "app.help");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
}

typedef struct
{
  SixSearchPage *page;
  const char    *state;
} SearchWait;

static gboolean
search_state_is (gpointer data)
{
  SearchWait *wait = data;

  return g_strcmp0 (six_search_page_get_state (wait->page), wait->state) == 0;
}

static gboolean
showing_search (gpointer window)
{
  return g_strcmp0 (six_window_get_page (window), "search") == 0;
}

static void
search_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  GtkWidget *page = six_window_get_page_widget (fixture->window, "search");
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  SearchWait wait = { SIX_SEARCH_PAGE (page), NULL };
  gint64 operation = 0;
  SixEdit *edit;

  g_assert_nonnull (page);
  g_assert_nonnull (entry);

  edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
  six_edit_set_string (edit, "name", "Zyxwv Démineurs Solidaires");
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (repository, "Add an operator", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_get_focus_child (entry) != NULL);

  /* The entry reports a change after a pause in typing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "demineurs");
  wait_until (showing_search, fixture->window);
  wait.state = "results";
  wait_until (search_state_is, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (six_search_page_get_results (wait.page)), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz-nothing");
  wait.state = "no-results";
  wait_until (search_state_is, &wait);

  /* Closing the search returns to the page we came from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "overview");
}

static void
operations_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **operations = user_data;
  g_autoptr(GError) error = NULL;

  *operations = six_repository_list_operations_finish (SIX_REPOSITORY (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
nonnull (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The newest operation in the journal, as the user would see it in the undo toast. */
static SixOperation *
newest_operation (SixRepository *repository,
                  GPtrArray    **operations)
{
  g_clear_pointer (operations, g_ptr_array_unref);
  six_repository_list_operations_async (repository, 1, NULL, operations_cb, operations);
  wait_until (nonnull, operations);
  g_assert_cmpuint ((*operations)->len, ==, 1);

  return g_ptr_array_index (*operations, 0);
}

typedef struct
{
  SixRepository *repository;
  const char    *prefix;
} LabelWait;

static gboolean
newest_label_starts_with (gpointer data)
{
  LabelWait *wait = data;
  g_autoptr(GPtrArray) operations = NULL;

  return g_str_has_prefix (newest_operation (wait->repository, &operations)->label, wait->prefix);
}

static void
import_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/good/lbn-public.a6.json");
  g_autoptr(GPtrArray) operations = NULL;
  LabelWait wait = { repository, "Import lbn-public.a6.json" };
  AdwMessageDialog *preview;
  gint64 import;

  /* The plan is shown before anything is written. */
  _six_window_import_file (fixture->window, file);
  wait_until (has_message_dialog, NULL);
  preview = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (preview), "lbn-public.a6.json"));
  g_assert_false (newest_label_starts_with (&wait));

  adw_message_dialog_response (preview, "import");
  wait_until (newest_label_starts_with, &wait);
  import = newest_operation (repository, &operations)->id;

  /* The toast's Undo undoes the import as one operation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation",
                                             "x", import));
  wait.prefix = "Undo";
  wait_until (newest_label_starts_with, &wait);
}

/* An exchange file of @n organisations: enough records for the import to report progress. */
static GFile *
write_organisations (const char *dir,
                     guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autofree char *path = g_build_filename (dir, "organisations.a6.json", NULL);
  GFile *file = g_file_new_for_path (path);
  SixExportOptions options = { .level = SIX_VISIBILITY_PRIVATE };

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      SixEdit *edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
      g_autofree char *name = g_strdup_printf ("Demining Organisation %u", i);

      six_edit_set_string (edit, "name", name);
      g_ptr_array_add (edits, edit);
    }
  g_assert_cmpint (six_db_apply_edits (db, "test", edits, &error), >, 0);
  exchange = six_exchange_collect (db, &options, &error);
  g_assert_no_error (error);
  g_assert_true (six_exchange_save_file (exchange, file, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static void
on_fraction_cb (GtkProgressBar *bar,
                GParamSpec     *pspec,
                double         *highest)
{
  *highest = MAX (*highest, gtk_progress_bar_get_fraction (bar));
}

static gboolean
bar_hidden (gpointer revealer)
{
  return !gtk_revealer_get_reveal_child (revealer);
}

static gboolean
list_loaded (gpointer list)
{
  return !six_record_list_is_loading (SIX_RECORD_LIST (list));
}

/* A large file: read and planned with a progress bar; Cancel stops it with nothing written. */
static void
import_progress_body (Fixture *fixture)
{
  g_autoptr(GFile) file = write_organisations (fixture->dir, 3000);
  GtkWidget *revealer = find_by_id (GTK_WIDGET (fixture->window), "import_revealer");
  GtkWidget *bar = find_by_id (GTK_WIDGET (fixture->window), "import_progress");
  GListModel *organisations = six_repository_list (six_window_get_repository (fixture->window),
                                                   six_kind_lookup ("organisation"));
  guint before;
  double highest = 0;

  /* The reference pack's organisations are counted before, once they are read. */
  wait_until (list_loaded, organisations);
  before = g_list_model_get_n_items (organisations);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_cb), &highest);

  _six_window_import_file (fixture->window, file);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-import",
                                             NULL));
  wait_until (bar_hidden, revealer);
  wait_until (window_shows, (gpointer) "Import cancelled; nothing changed");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, before);

  _six_window_import_file (fixture->window, file);
  wait_until (has_message_dialog, NULL);
  g_assert_cmpfloat (highest, >, 0.0);
  g_assert_true (bar_hidden (revealer));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "cancel");
  g_signal_handlers_disconnect_by_func (bar, on_fraction_cb, &highest);
}

static void
on_failed (gpointer owner)
{
  g_object_set_data (owner, "failed", GINT_TO_POINTER (TRUE));
}

static gboolean
owner_told (gpointer owner)
{
  return g_object_get_data (owner, "failed") != NULL;
}

/* A view's write: one operation with Undo; a refused one tells the view and writes nothing.
 * The view reaches the window only through its actions. */
static void
apply_edits_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  GtkWidget *owner = gtk_window_get_child (GTK_WINDOW (fixture->window));
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GPtrArray) operations = NULL;
  SixEdit *edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
  SixEdit *dangling = six_edit_new (six_kind_lookup ("organisation"), NULL);
  LabelWait wait = { repository, "Add organisation" };

  six_edit_set_string (edit, "name", "Norwegian People's Aid");
  g_ptr_array_add (good, edit);
  six_apply_edits (owner, repository, "Add organisation", "Organisation added", good, on_failed);
  wait_until (newest_label_starts_with, &wait);
  wait_until (window_shows, (gpointer) "Organisation added");
  g_assert_false (owner_told (owner));

  six_edit_set_string (dangling, "name", "Nowhere Demining");
  six_edit_set_string (dangling, "country", "ZZZ");
  g_ptr_array_add (bad, dangling);
  six_apply_edits (owner, repository, "Add dangling", "Never shown", bad, on_failed);
  wait_until (owner_told, owner);
  g_assert_false (window_shows ((gpointer) "Never shown"));
  g_assert_cmpstr (newest_operation (repository, &operations)->label, ==, "Add organisation");
}

/* A window closed while its write is under way: the write holds the view that asked until it
 * answers; the write lands and nothing shows in the main window. */
static void
closed_window_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixWindow *window = six_window_new (GTK_APPLICATION (fixture->app));
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixEdit *edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
  gint64 operation = 0;

  six_window_set_repository (window, repository);
  six_edit_set_string (edit, "name", "Written After Closing");
  g_ptr_array_add (edits, edit);
  six_apply_edits (gtk_window_get_child (GTK_WINDOW (window)), repository,
                   "Add organisation", "Organisation added", edits, NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Jobs answer in order: once a later one has, the closed window's has too. */
  edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
  six_edit_set_string (edit, "name", "Written Next");
  g_ptr_array_add (after, edit);
  six_repository_apply_async (repository, "Add another", after, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
  g_assert_false (window_shows ((gpointer) "Organisation added"));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The window's export, as the file chooser starts it: the file written whole, a toast with
 * its count; a folder that is not there refused in a dialog naming the file, nothing written. */
static void
export_body (Fixture *fixture)
{
  g_autofree char *dir = g_dir_make_tmp ("six-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "LBN-2026-11-23.a6.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "gone", "x.a6.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  AdwMessageDialog *dialog;
  GPtrArray *records;

  /* The toast drawn in place for review, not sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  _six_window_export_file (fixture->window, SIX_SCOPE_COUNTRY, "LBN", SIX_VISIBILITY_PUBLIC,
                           file);
  wait_until (window_shows, (gpointer) "Exported ");

  exchange = six_exchange_read_file (file, NULL, &error);
  g_assert_no_error (error);
  records = six_exchange_file_get_records (exchange);
  g_assert_cmpuint (records->len, >, 1);
  g_assert_cmpint (six_exchange_file_get_level (exchange), ==, SIX_VISIBILITY_PUBLIC);
  toast = g_strdup_printf ("Exported %u records", records->len);
  g_assert_true (window_shows (toast));

  /* The Exchange page lists what was exported. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));
  wait_until (window_shows, (gpointer) "LBN-2026-11-23.a6.json");
  {
    GtkWidget *name = find_matching (GTK_WIDGET (fixture->window), is_label_reading,
                                     "LBN-2026-11-23.a6.json");
    GtkWidget *said = name != NULL ? gtk_widget_get_next_sibling (name) : NULL;
    g_autofree char *count = g_strdup_printf (" · %u records", records->len);

    /* Under the file's name, when it was exported and how many records it holds. */
    g_assert_true (GTK_IS_LABEL (said));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (said)), "Exported on "));
    g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (said)), count));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "overview"));
  {
    g_autofree char *png = review_path ("window-exported.png");

    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  _six_window_export_file (fixture->window, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE,
                           missing);
  wait_until (has_message_dialog, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "x.a6.json"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, export_body);
}

/* The spinner in place of the pages, until the crossfade to them is over. */
static gboolean
shows_opening (SixWindow *window)
{
  GtkWidget *spinner = find_by_id (GTK_WIDGET (window), "opening_spinner");

  g_assert_nonnull (spinner);

  return gtk_widget_get_child_visible (spinner);
}

/* Once the crossfade from the spinner to the pages is over. */
static gboolean
opened (gpointer window)
{
  return !shows_opening (window);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A mnemonic button is named by its label alone: "Cancel", not "_Cancel Cancel". */
static void
mnemonic_names_body (Fixture *fixture)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (fixture->window), "Heading", NULL);
  GtkWidget *button;

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  button = find_descendant (dialog, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  wait_until (is_mapped, button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Cancel");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Relabelled while shown, it stays so. */
  gtk_button_set_label (GTK_BUTTON (button), "_Retry");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_search_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Search") == 0;
}

static void
on_notify_repository_cb (SixWindow  *window,
                         GParamSpec *pspec,
                         guint      *n_notified)
{
  (*n_notified)++;
}

/* A window comes before its database: it says the database is opening and offers nothing to
 * search, edit or exchange until it has one. */
static void
opening_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixWindow *window = six_window_new (GTK_APPLICATION (fixture->app));
  GtkWidget *search_button = find_matching (GTK_WIDGET (window), is_search_button, NULL);
  guint n_notified = 0;

  g_signal_connect (window, "notify::repository", G_CALLBACK (on_notify_repository_cb),
                    &n_notified);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);

  g_assert_nonnull (search_button);
  g_assert_true (shows_opening (window));
  g_assert_false (gtk_widget_get_sensitive (search_button));
  g_assert_null (six_window_get_repository (window));
  /* The fixture's window has its database: its spinner fades out. */
  wait_until (opened, fixture->window);

  six_window_set_repository (window, repository);
  g_assert_true (six_window_get_repository (window) == repository);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (gtk_widget_get_sensitive (search_button));
  wait_until (opened, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_loaded (gpointer window)
{
  return !six_window_is_loading (window);
}

static gboolean
page_built (SixWindow  *window,
            const char *name)
{
  GtkWidget *stack = find_by_id (GTK_WIDGET (window), "stack");
  GtkWidget *slot = gtk_stack_get_child_by_name (GTK_STACK (stack), name);

  return six_page_slot_has_page (SIX_PAGE_SLOT (slot));
}

static gboolean
overview_built (gpointer window)
{
  return page_built (window, "overview");
}

/* A window builds the page it shows once its database is open and it has drawn its first
 * frame, which waits for no page; and each other page when it is first shown or needed. A
 * page built late gets the repository. */
static void
lazy_pages_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixWindow *window = six_window_new (GTK_APPLICATION (fixture->app));
  const char * const others[] = { "action-plans", "countries", "coalitions", "exchange",
                                  "search" };

  /* While the database opens, the window shows that, and no page. */
  six_window_show_page (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  g_assert_false (page_built (window, "overview"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (page_built (window, others[i]));

  g_assert_false (six_window_shows_content (window));
  six_window_set_repository (window, repository);
  wait_until (overview_built, window);
  wait_until (window_loaded, window);
  g_assert_true (six_window_shows_content (window));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (page_built (window, others[i]));

  /* Shown: built, and it reads from the window's database. */
  six_window_show_page (window, "countries");
  g_assert_true (page_built (window, "countries"));
  wait_until (window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (six_countries_page_get_shown (
                      SIX_COUNTRIES_PAGE (six_window_get_page_widget (window, "countries")))),
                    >, 150);

  /* Needed to open a record while hidden: built then. */
  g_assert_false (page_built (window, "coalitions"));
  g_assert_nonnull (six_window_get_page_widget (window, "coalitions"));
  g_assert_true (page_built (window, "coalitions"));
  g_assert_null (six_window_get_page_widget (window, "no-such-page"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The database open before the first frame: the Overview is read meanwhile, and its page,
 * built after that frame, shows its figures as soon as it is built. */
static void
early_read_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixWindow *window = six_window_new (GTK_APPLICATION (fixture->app));
  GtkWidget *page;

  six_window_show_page (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  six_window_set_repository (window, repository);
  g_assert_false (page_built (window, "overview"));

  /* The repository runs its jobs in order: what was queued before now is done and reported,
   * the early read among them; a read the page began once built would come after. */
  wait_for_repository (repository);
  page = six_window_get_page_widget (window, "overview");
  g_assert_nonnull (six_overview_page_get_overview (SIX_OVERVIEW_PAGE (page)));
  wait_until (window_loaded, window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (page, "stack"))),
                   ==, "overview");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_loading_stack (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (widget)), "loading") == 0;
}

/* Every page turns a spinner while it reads what it shows, and the window counts as loading
 * until the page shown has it (the screenshot and the start-up benchmark wait for that):
 * then the page shows its content, not its "loading" child. */
static void
loading_body (Fixture *fixture)
{
  const char * const pages[] = { "overview", "action-plans", "countries", "coalitions",
                                  "exchange" };
  SixRepository *repository = six_window_get_repository (fixture->window);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      SixWindow *window = six_window_new (GTK_APPLICATION (fixture->app));
      GtkWidget *page;

      six_window_show_page (window, pages[i]);
      gtk_window_present (GTK_WINDOW (window));
      wait_until (is_mapped, window);
      g_assert_true (six_window_is_loading (window));

      six_window_set_repository (window, repository);
      g_assert_true (six_window_is_loading (window));
      wait_until (window_loaded, window);

      page = find_by_id (GTK_WIDGET (window), "stack");
      page = gtk_stack_get_visible_child (GTK_STACK (page));
      g_test_message ("%s loaded", pages[i]);
      g_assert_null (find_matching (page, is_loading_stack, NULL));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static gboolean
has_repository (gpointer window)
{
  return six_window_get_repository (window) != NULL;
}

/* A damaged database: the window says it is opening, a dialog says why it cannot, and the
 * newest sound backup, once restored, opens in the same window. */
static gboolean
damaged_body_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GList) toplevels = NULL;
  AdwMessageDialog *dialog;
  SixWindow *window;

  wait_until (has_message_dialog, NULL);
  window = SIX_WINDOW (find_toplevel (SIX_TYPE_WINDOW));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Database");
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_null (six_window_get_repository (window));
  g_assert_true (shows_opening (window));

  /* The preferences open while the backup is restored and opened; the main window still gets
   * its database. */
  adw_message_dialog_response (dialog, "restore");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_PREFERENCES_WINDOW));
  wait_until (has_repository, window);
  wait_until (opened, window);
  g_assert_true (find_toplevel (SIX_TYPE_WINDOW) == GTK_WINDOW (window));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (fixture->app));

  return G_SOURCE_REMOVE;
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char garbage[] = "This file was damaged by a bad disk. It is not SQLite any more.";
  SixDb *db = six_db_open (path, &error);

  g_autofree char *broken = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  backup = six_db_backup (db, "test", &error);
  g_assert_no_error (error);
  six_db_close (db);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, &error));

  /* A newer backup cut short, as a kill left them before: never the one offered. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
  broken = g_build_filename (fixture->dir, "backups", "article-six-29991231-000000-import.db",
                             NULL);
  g_assert_true (g_file_set_contents (broken, contents, (gssize) length / 2, &error));

  g_idle_add (damaged_body_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 0, NULL), ==, 0);
}

static void
test_opening (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, opening_body);
}

static void
test_loading (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, loading_body);
}

static void
test_lazy_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, lazy_pages_body);
}

static void
test_early_read (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, early_read_body);
}

static void
test_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-shot-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *db = g_build_filename (dir, "shot.db", NULL);

  g_assert_no_error (error);
  assert_screenshot (db, png, "900x640", NULL);
  remove_dir (dir);
}

static void
test_import_progress (Fixture       *fixture,
                      gconstpointer  data)
{
  run_in_app (fixture, import_progress_body);
}

static void
test_apply_edits (Fixture       *fixture,
                  gconstpointer  data)
{
  run_in_app (fixture, apply_edits_body);
}

static void
test_open_country (Fixture       *fixture,
                   gconstpointer  data)
{
  run_in_app (fixture, open_country_body);
}

static void
test_closed_window (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, closed_window_body);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  run_in_app (fixture, pages_body);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  run_in_app (fixture, preferences_body);
}

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  run_in_app (fixture, about_body);
}

static void
test_mnemonic_names (Fixture       *fixture,
                     gconstpointer  data)
{
  run_in_app (fixture, mnemonic_names_body);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, narrow_body);
}

static void
test_full_names (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, full_names_body);
}

static void
test_full_summaries (Fixture       *fixture,
                     gconstpointer  data)
{
  run_in_app (fixture, full_summaries_body);
}

static void
test_print_nothing (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, print_nothing_body);
}

static void
test_last_page (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, last_page_body);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  run_in_app (fixture, help_body);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, search_body);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, import_body);
}

static gboolean
at_once (gpointer data)
{
  return TRUE;
}

/* The UI tests let through the two criticals of GTK 4.8's tooltip bug, in every test case
 * (GLib resets the fatal handler for each), and nothing else. */
static void
test_tolerated_criticals (void)
{
  if (g_test_subprocess ())
    {
      wait_until (at_once, NULL);
      g_log ("Gdk", G_LOG_LEVEL_CRITICAL,
             "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)' failed");
      g_log ("Gtk", G_LOG_LEVEL_CRITICAL,
             "_gtk_widget_find_at_coords: assertion 'GDK_IS_SURFACE (surface)' failed");
      g_print ("went on\n");
      if (g_strcmp0 (g_getenv ("SIX_TEST_OTHER_CRITICAL"), "1") == 0)
        g_log ("Gtk", G_LOG_LEVEL_CRITICAL,
               "gtk_widget_show: assertion 'GTK_IS_WIDGET (widget)' failed");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*went on*");

  g_setenv ("SIX_TEST_OTHER_CRITICAL", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SIX_TEST_OTHER_CRITICAL");
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*gtk_widget_show: assertion*");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/window/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/ui/window/preferences", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/ui/window/about", Fixture, NULL, fixture_set_up, test_about, fixture_tear_down);
  g_test_add ("/ui/window/mnemonic-names", Fixture, NULL, fixture_set_up, test_mnemonic_names,
              fixture_tear_down);
  g_test_add ("/ui/window/early-read", Fixture, NULL, fixture_set_up, test_early_read,
              fixture_tear_down);
  g_test_add ("/ui/window/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/window/full-names", Fixture, NULL, fixture_set_up, test_full_names,
              fixture_tear_down);
  g_test_add ("/ui/window/full-summaries", Fixture, NULL, fixture_set_up, test_full_summaries,
              fixture_tear_down);
  g_test_add ("/ui/window/print-nothing", Fixture, NULL, fixture_set_up, test_print_nothing,
              fixture_tear_down);
  g_test_add ("/ui/window/last-page", Fixture, NULL, fixture_set_up, test_last_page,
              fixture_tear_down);
  g_test_add ("/ui/window/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);
  g_test_add ("/ui/window/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/window/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/ui/window/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ui/window/opening", Fixture, NULL, fixture_set_up, test_opening,
              fixture_tear_down);
  g_test_add ("/ui/window/loading", Fixture, NULL, fixture_set_up, test_loading,
              fixture_tear_down);
  g_test_add ("/ui/window/lazy-pages", Fixture, NULL, fixture_set_up, test_lazy_pages,
              fixture_tear_down);
  g_test_add ("/ui/window/damaged", Fixture, NULL, fixture_set_up, test_damaged,
              fixture_tear_down);
  g_test_add ("/ui/window/apply-edits", Fixture, NULL, fixture_set_up, test_apply_edits,
              fixture_tear_down);
  g_test_add ("/ui/window/closed-window", Fixture, NULL, fixture_set_up, test_closed_window,
              fixture_tear_down);
  g_test_add ("/ui/window/open-country", Fixture, NULL, fixture_set_up, test_open_country,
              fixture_tear_down);
  g_test_add ("/ui/window/import-progress", Fixture, NULL, fixture_set_up, test_import_progress,
              fixture_tear_down);
  g_test_add_func ("/ui/window/screenshot", test_screenshot);
  g_test_add_func ("/ui/window/tolerated-criticals", test_tolerated_criticals);

  return g_test_run ();
}
