/* test-countries-share.c — sharing a State's profile from the Countries page
 *
 * On its own because the file chooser it opens leaks in libraries that ASan can name only
 * with full stacks, which are slow (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-countries-page.h"
#include "six-country-profile-private.h"
#include "ui-fixture.h"

static gboolean
profile_shown (gpointer profile)
{
  return six_country_profile_get_profile (profile) != NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* The chooser changes folder once it has read the new one. */
static gboolean
chooser_in_folder (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return parent != NULL && folder != NULL && g_file_equal (parent, folder) &&
         g_str_has_prefix (g_file_peek_path (parent), g_get_tmp_dir ());
}

/* Share: the level is asked first, then where, under a name that says which State. */
static void
share_body (Fixture *fixture)
{
  SixCountriesPage *page;
  SixCountryProfile *profile;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  GtkWindow *chooser;

  six_window_show_page (fixture->window, "countries");
  page = SIX_COUNTRIES_PAGE (six_window_get_page_widget (fixture->window, "countries"));
  profile = six_countries_page_get_profile (page);
  six_countries_page_open_country (page, "LAO");
  wait_until (profile_shown, profile);

  /* Who sends it is known already (the first export asks: see test-exchange-flow). */
  g_settings_set_string (settings, "replica-name", "Nadia Haddad");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.share", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "export");
  wait_until (has_file_chooser, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* The file is named after the State and the day. (The exported file itself is checked in
   * test-profile: the file chooser cannot be driven without a portal.) */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  wait_until (chooser_in_folder, chooser);
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  basename = g_file_get_basename (file);
  g_assert_true (g_str_has_prefix (basename, "LAO-"));
  g_assert_true (g_str_has_suffix (basename, ".a6.json"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
}

static void
test_share (Fixture       *fixture,
            gconstpointer  data)
{
  run_in_app (fixture, share_body);
}

static gboolean
pdf_saved (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) && window_shows ((gpointer) "Saved “");
}

/* Save as PDF: the level of detail asked, then where; written off the main thread. */
static void
save_pdf_body (Fixture *fixture)
{
  SixCountriesPage *page;
  SixCountryProfile *profile;
  g_autofree char *path = g_build_filename (fixture->dir, "Lao.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  six_window_show_page (fixture->window, "countries");
  page = SIX_COUNTRIES_PAGE (six_window_get_page_widget (fixture->window, "countries"));
  profile = six_countries_page_get_profile (page);
  six_countries_page_open_country (page, "LAO");
  wait_until (profile_shown, profile);

  /* The print question offers the PDF; the chooser's answer is the path (the chooser cannot
   * be driven to a folder without a portal). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "profile.print", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "pdf");
  wait_until (has_file_chooser, NULL);
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)),
                       GTK_RESPONSE_CANCEL);
  _six_country_profile_save_pdf (profile, SIX_PROFILE_INCLUDE_NONE, path);

  wait_until (pdf_saved, path);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_app (fixture, save_pdf_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/countries/share", Fixture, NULL, fixture_set_up, test_share,
              fixture_tear_down);

  g_test_add ("/ui/countries/save-pdf", Fixture, NULL, fixture_set_up, test_save_pdf,
              fixture_tear_down);

  return g_test_run ();
}
