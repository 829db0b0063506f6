/* test-exchange-export.c — what leaves the laptop: the first export asks who sends it, then
 * which records, with what each level adds; public is chosen, focused and the default
 *
 * On its own because the file chooser it opens leaks in libraries that ASan can name only
 * with full stacks, which are slow (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "six-exchange-reader.h"
#include "six-import.h"
#include "six-level-dialog.h"
#include "six-window-private.h"
#include "ui-fixture.h"

static gboolean
counted (gpointer row)
{
  return g_strcmp0 (adw_action_row_get_subtitle (row), "Counting…") != 0;
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static void
on_level_response_cb (SixLevelDialog *dialog,
                      const char     *response,
                      SixVisibility  *level)
{
  if (g_strcmp0 (response, "export") == 0)
    *level = six_level_dialog_get_level (dialog);
}

/* Ctrl+E: public is chosen, focused and the default, so Enter sends public records only;
 * each level says what it adds. */
static void
export_levels_body (Fixture *fixture)
{
  SixLevelDialog *dialog;
  GtkWidget *focus;
  GtkWidget *public_row, *coalition_row, *private_row;
  SixVisibility level = SIX_VISIBILITY_PRIVATE;
  GRegex *records;

  import_quietly (fixture, TEST_DATA_DIR "/good/all-private.a6.json");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-file",
                                             NULL));
  answer_identity ("Nadia Haddad", "Lebanon Mine Action Centre");
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_LEVEL_DIALOG));
  dialog = SIX_LEVEL_DIALOG (find_toplevel (SIX_TYPE_LEVEL_DIALOG));
  g_signal_connect (dialog, "response", G_CALLBACK (on_level_response_cb), &level);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Export Which Records?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "export");

  public_row = find_row_titled (GTK_WIDGET (dialog), "_Public Only");
  coalition_row = find_row_titled (GTK_WIDGET (dialog), "Public and _Coalition");
  private_row = find_row_titled (GTK_WIDGET (dialog), "_Everything");
  g_assert_nonnull (public_row);
  wait_until (counted, private_row);

  records = g_regex_new ("^[1-9][0-9]* records$", 0, 0, NULL);
  g_assert_true (g_regex_match (records, adw_action_row_get_subtitle (ADW_ACTION_ROW (public_row)),
                                0, NULL));
  g_regex_unref (records);
  /* The coalition, its meetings, a contribution, a follow-up, and the member it now keeps. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (coalition_row)), ==,
                   "+6 records");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (private_row)), ==,
                   "+1 contact, +2 private notes");

  /* The chosen level has the focus; Enter there answers the dialog (the list's shortcut
   * activates the default response). */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_true (gtk_widget_is_ancestor (focus, public_row));
  {
    g_autofree char *png = review_path ("export-levels.png");

    save_widget_png (GTK_WIDGET (dialog), png);
  }
  g_assert_true (gtk_widget_activate_action (focus, "default.activate", NULL));

  /* Then where: cancelled here, the file itself is checked end to end (test_export.py). */
  wait_until (has_file_chooser, NULL);
  g_assert_cmpint (level, ==, SIX_VISIBILITY_PUBLIC);
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)),
                       GTK_RESPONSE_CANCEL);
}

static void
test_export_levels (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, export_levels_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/exchange/export-levels", Fixture, NULL, fixture_set_up, test_export_levels,
              fixture_tear_down);

  return g_test_run ();
}
