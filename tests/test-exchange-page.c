/* test-exchange-page.c — the Exchange page: files received, the conflict log and its restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "six-db.h"
#include "six-exchange-page.h"
#include "six-exchange-writer.h"
#include "six-reference-pack.h"
#include "six-window-private.h"
#include "ui-fixture.h"

typedef struct
{
  SixExchangePage *page;
  const char      *state;
} StateWait;

static gboolean
state_is (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (six_exchange_page_get_state (wait->page), wait->state) == 0;
}

/* The rows a list view shows, first to last. */
static GPtrArray *
shown_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      g_ptr_array_add (rows, child);

  return rows;
}

static GtkWidget *
first_row (GtkWidget *list)
{
  g_autoptr(GPtrArray) rows = shown_rows (list);

  g_assert_cmpuint (rows->len, >, 0);

  return rows->pdata[0];
}

static gboolean
is_label_styled (GtkWidget     *widget,
                 gconstpointer  style)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, style);
}

/* What a row reads as its title or its subtitle, drawn as an action row's. */
static const char *
row_text (GtkWidget  *row,
          const char *style)
{
  GtkWidget *label = find_matching (row, is_label_styled, style);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));

  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsWait;

/* The list's group shows when it has rows, and hides when it has none. */
static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;
  g_autoptr(GPtrArray) rows = shown_rows (wait->list);
  GtkWidget *group = gtk_widget_get_ancestor (wait->list, ADW_TYPE_PREFERENCES_GROUP);

  return gtk_widget_get_visible (group) == (wait->n > 0) && rows->len == wait->n;
}

/* Whether Tab, pressed round the window, comes to @target. */
static gboolean
tab_reaches (GtkWidget *window,
             GtkWidget *target)
{
  for (guint i = 0; i < 200; i++)
    {
      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      if (gtk_root_get_focus (GTK_ROOT (window)) == target)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  SixRepository *repository;
  const char    *name;
} NameWait;

static gboolean
lebanon_is_named (gpointer data)
{
  NameWait *wait = data;
  SixRecord *lebanon = stored (wait->repository, "country", "LBN");

  return lebanon != NULL && g_strcmp0 (six_record_get_string (lebanon, "name"), wait->name) == 0;
}

/* Another coordinator's database, from the same reference pack, renames Lebanon and exports
 * its profile. */
static GFile *
write_their_rename (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) theirs = six_db_open (":memory:", &error);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autofree char *path = g_build_filename (dir, "their-lebanon.a6.json", NULL);
  GFile *file = g_file_new_for_path (path);
  SixExportOptions options = { .scope = SIX_SCOPE_COUNTRY, .scope_id = "LBN",
                               .level = SIX_VISIBILITY_PUBLIC, .origin_name = "Nadia Haddad" };
  SixEdit *edit;

  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (theirs, &error));
  g_assert_no_error (error);

  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanese Republic");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (theirs, "Rename", edits, &error), >, 0);

  exchange = six_exchange_collect (theirs, &options, &error);
  g_assert_no_error (error);
  g_assert_true (six_exchange_save_file (exchange, file, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static void
conflict_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixExchangePage *page = SIX_EXCHANGE_PAGE (six_window_get_page_widget (fixture->window, "exchange"));
  GtkWidget *conflicts = find_by_id (GTK_WIDGET (page), "conflicts_view");
  GtkWidget *files = find_by_id (GTK_WIDGET (page), "files_view");
  g_autofree char *dir = g_dir_make_tmp ("six-exchange-page-XXXXXX", NULL);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GFile) file = write_their_rename (dir);
  StateWait state = { page, NULL };
  RowsWait rows = { files, 1 };
  NameWait name = { repository, "Liban" };
  GtkWidget *row;
  GtkWidget *restore;
  gint64 operation = 0;
  SixEdit *edit;

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));

  /* The reference pack, merged at the first start like any file received. */
  wait_until (has_rows, &rows);
  row = first_row (files);
  g_assert_cmpstr (row_text (row, "title"), ==,
                   "reference-pack.a6.json");
  g_assert_true (g_str_has_prefix (row_text (row, "subtitle"),
                                   "From Reference pack, imported on "));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (conflicts,
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  state.state = "content";
  g_assert_true (state_is (&state));

  /* Our own rename, later than theirs: concurrent edits of one field. */
  g_usleep (20 * 1000);
  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Liban");
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (repository, "Rename", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
  wait_until (lebanon_is_named, &name);

  _six_window_import_file (fixture->window, file);
  wait_until (has_message_dialog, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "import");

  /* The file is listed with who sent it; the conflict with both values and their writers. */
  rows.n = 2;
  wait_until (has_rows, &rows);
  rows.n = 1;
  rows.list = conflicts;
  wait_until (has_rows, &rows);
  state.state = "content";
  g_assert_true (state_is (&state));

  row = first_row (files);
  g_assert_cmpstr (row_text (row, "title"), ==,
                   "their-lebanon.a6.json");
  g_assert_true (g_str_has_prefix (row_text (row, "subtitle"),
                                   "From Nadia Haddad, imported on "));
  g_assert_nonnull (strstr (row_text (row, "subtitle"), "; 1 conflict"));
  g_assert_null (strstr (row_text (row, "subtitle"), "1 conflicts"));

  row = first_row (conflicts);
  g_assert_cmpstr (row_text (row, "title"), ==,
                   "Liban · Name");
  g_assert_true (g_str_has_prefix (row_text (row, "subtitle"), "Kept “Liban”, by you on "));
  g_assert_nonnull (strstr (row_text (row, "subtitle"),
                            "\nReplaced “Lebanese Republic”, by Nadia Haddad on "));
  {
    g_autofree char *png = review_path ("exchange-page.png");

    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  /* Restore: their value comes back, a toast offers Undo, and the conflict leaves the log. */
  restore = find_descendant (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (restore);
  /* A screen reader hears which value it brings back; a pointer hovering, what it does. */
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (restore),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Bring back the replaced value of "
                                                     "Liban · Name"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (restore), ==, "Bring back the replaced value");
  g_assert_true (tab_reaches (GTK_WIDGET (fixture->window), restore));
  dismiss_toast (fixture->window);
  g_signal_emit_by_name (restore, "clicked");
  name.name = "Lebanese Republic";
  wait_until (lebanon_is_named, &name);
  wait_until (window_shows, (gpointer) "Replaced value brought back");
  rows.n = 0;
  wait_until (has_rows, &rows);

  /* Undo: ours again, and the conflict back in the log to be restored later. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  name.name = "Liban";
  wait_until (lebanon_is_named, &name);
  rows.n = 1;
  wait_until (has_rows, &rows);

  g_assert_cmpint (g_remove (g_file_peek_path (file)), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_app (fixture, conflict_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/exchange-page/conflict", Fixture, NULL, fixture_set_up, test_conflict,
              fixture_tear_down);

  return g_test_run ();
}
