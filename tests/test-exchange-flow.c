/* test-exchange-flow.c — the file loop from the window: the preview, files opened from
 * elsewhere and dropped, undo and redo, another process's writes, sending by email, the
 * exchange folder (the export dialogs, which open the file chooser, are in
 * test-exchange-export.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "six-exchange-reader.h"
#include "six-import.h"
#include "six-identity-dialog.h"
#include "six-incoming-group.h"
#include "six-level-dialog.h"
#include "six-preview-dialog.h"
#include "six-reference-pack.h"
#include "six-window-private.h"
#include "ui-fixture.h"

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
long_wait_over (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* For what another process does (the program started again, the command line, a mock
 * D-Bus service): its start-up takes seconds under the sanitizers. */
static void
wait_long_at (gboolean  (*condition) (gpointer),
              gpointer    data,
              const char *where)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, long_wait_over, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("%s: still waiting after 60 seconds", where);
  g_source_remove (id);
}

#define wait_long(condition, data) wait_long_at ((condition), (data), G_STRLOC)

static gboolean
counted (gpointer row)
{
  return g_strcmp0 (adw_action_row_get_subtitle (row), "Counting…") != 0;
}

/* Their Lebanon profile: they renamed the State, and wrote the Art. 4 obligation's notes. */
static GFile *
write_their_profile (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) theirs = six_db_open (":memory:", &error);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autofree char *path = g_build_filename (dir, "their-lebanon.a6.json", NULL);
  GFile *file = g_file_new_for_path (path);
  SixExportOptions options = { .scope = SIX_SCOPE_COUNTRY, .scope_id = "LBN",
                               .origin_name = "Nadia Haddad",
                               .origin_organisation = "Lebanon Mine Action Centre" };
  SixEdit *edit;

  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (theirs, &error));
  g_assert_no_error (error);

  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanese Republic");
  g_ptr_array_add (edits, edit);
  edit = six_edit_new (six_kind_lookup ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "notes", "Their notes");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (theirs, "Edit", edits, &error), >, 0);

  exchange = six_exchange_collect (theirs, &options, &error);
  g_assert_no_error (error);
  g_assert_true (six_exchange_save_file (exchange, file, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static gboolean
subtitle_has (GtkWidget     *widget,
              gconstpointer  text)
{
  return ADW_IS_ACTION_ROW (widget) &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", text) != NULL;
}

static gboolean
has_preview (gpointer data)
{
  return find_toplevel (SIX_TYPE_PREVIEW_DIALOG) != NULL;
}

/* Before anything is written: who sent the file, the changed field's old and new value, and
 * both values of a field edited on both sides; Apply imports it as one undoable step. */
static void
preview_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(GFile) file = write_their_profile (fixture->dir);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixPreviewDialog *dialog;
  GtkWidget *changed, *conflict;
  gint64 operation = 0;
  SixEdit *edit;

  /* Our own notes, written after theirs: edited on both sides, ours the later. */
  g_usleep (5 * 1000);
  edit = six_edit_new (six_kind_lookup ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "notes", "Our notes");
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (repository, "Notes", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);

  _six_window_import_file (fixture->window, file);
  wait_until (has_preview, NULL);
  dialog = SIX_PREVIEW_DIALOG (find_toplevel (SIX_TYPE_PREVIEW_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Import “their-lebanon.a6.json”?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "From Nadia Haddad, Lebanon Mine Action Centre\n"
                                   "Written on "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            " · Lebanon · public records\n"));

  changed = find_matching (GTK_WIDGET (dialog), subtitle_has,
                           "Name: “Lebanon” → “Lebanese Republic”");
  g_assert_nonnull (changed);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (changed)), ==,
                   "Country: Lebanese Republic");
  conflict = find_matching (GTK_WIDGET (dialog), subtitle_has,
                            "Notes: here “Our notes”, in the file “Their notes”; yours is kept");
  g_assert_nonnull (conflict);
  {
    g_autofree char *png = review_path ("import-preview.png");

    save_widget_png (GTK_WIDGET (dialog), png);
  }

  /* Nothing was written before Apply. */
  g_assert_cmpstr (six_record_get_string (stored (repository, "country", "LBN"), "name"), ==,
                   "Lebanon");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  wait_until (window_shows, (gpointer) "Imported: 0 new, 1 changed, ");
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, preview_body);
}

static gboolean
preview_of (gpointer name)
{
  g_autofree char *heading = g_strdup_printf ("Import “%s”?", (const char *) name);
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIX_IS_PREVIEW_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return TRUE;

  return FALSE;
}

static SixPreviewDialog *
find_preview_of (const char *name)
{
  g_autofree char *heading = g_strdup_printf ("Import “%s”?", name);
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIX_IS_PREVIEW_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;

  return NULL;
}

static guint
count_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIX_IS_WINDOW (l->data))
      n++;

  return n;
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* `article-six --database DB FILE` while a window is open on DB, as the file manager or a
 * mail client runs it: the running window shows the preview; no second window opens. */
static void
open_remote_body (Fixture *fixture)
{
  g_autoptr(GFile) file = write_their_profile (fixture->dir);
  g_autofree char *database = g_build_filename (fixture->dir, "test.db", NULL);
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("ARTICLE_SIX_BINARY"),
                             "--database", database, g_file_peek_path (file), NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (second, NULL, exited_cb, &done);
  wait_long (is_true, &done);

  wait_long (preview_of, (gpointer) "their-lebanon.a6.json");
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (find_preview_of ("their-lebanon.a6.json")))
                 == GTK_WINDOW (fixture->window));
}

static void
test_open_remote (Fixture       *fixture,
                  gconstpointer  data)
{
  run_in_app (fixture, open_remote_body);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Two files dropped on the window: one preview, then, once it is answered, the next. */
static void
drop_two_body (Fixture *fixture)
{
  g_autoptr(GFile) theirs = write_their_profile (fixture->dir);
  g_autoptr(GFile) lebanon = g_file_new_for_path (TEST_DATA_DIR "/good/lbn-public.a6.json");
  g_autoptr(GFile) notes = g_file_new_for_path (TEST_DATA_DIR "/../meson.build");
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->window));
  GFile *files[] = { theirs, lebanon, notes };
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  g_assert_true (taken);

  /* What is not an exchange file is said, and left alone. */
  wait_until (window_shows, (gpointer) "1 file is not an Article Six file");
  wait_until (preview_of, (gpointer) "their-lebanon.a6.json");
  g_assert_null (find_preview_of ("lbn-public.a6.json"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_preview_of ("their-lebanon.a6.json")),
                               "cancel");
  wait_until (preview_of, (gpointer) "lbn-public.a6.json");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_preview_of ("lbn-public.a6.json")),
                               "cancel");
}

static void
test_drop_two (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_app (fixture, drop_two_body);
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

static void
rename_lebanon (SixRepository *repository,
                const char    *name)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixEdit *edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  NameWait wait = { repository, name };
  gint64 operation = 0;

  six_edit_set_string (edit, "name", name);
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (repository, "Rename", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
  wait_until (lebanon_is_named, &wait);
}

static void
step (Fixture    *fixture,
      const char *action,
      const char *name)
{
  NameWait wait = { six_window_get_repository (fixture->window), name };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  wait_until (lebanon_is_named, &wait);
}

/* Ctrl+Z three times goes three steps back, Ctrl+Shift+Z twice two forward again. */
static void
undo_redo_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto(GStrv) undo_accels = gtk_application_get_accels_for_action (app, "win.undo");
  g_auto(GStrv) redo_accels = gtk_application_get_accels_for_action (app, "win.redo");

  g_assert_cmpstr (undo_accels[0], ==, "<Control>z");
  g_assert_cmpstr (redo_accels[0], ==, "<Shift><Control>z");

  rename_lebanon (repository, "One");
  rename_lebanon (repository, "Two");
  rename_lebanon (repository, "Three");

  step (fixture, "win.undo", "Two");
  step (fixture, "win.undo", "One");
  step (fixture, "win.undo", "Lebanon");
  step (fixture, "win.redo", "One");
  step (fixture, "win.redo", "Two");
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, undo_redo_body);
}

/* An import undone with Ctrl+Z can be imported again: the preview says so, and Apply brings
 * the file's changes back. */
static void
reimport_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(GFile) file = write_their_profile (fixture->dir);
  NameWait theirs = { repository, "Lebanese Republic" };
  SixPreviewDialog *dialog;

  _six_window_import_file (fixture->window, file);
  wait_until (has_preview, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (SIX_TYPE_PREVIEW_DIALOG)),
                               "import");
  wait_until (lebanon_is_named, &theirs);
  gtk_window_destroy (find_toplevel (SIX_TYPE_PREVIEW_DIALOG));

  step (fixture, "win.undo", "Lebanon");

  _six_window_import_file (fixture->window, file);
  wait_until (has_preview, NULL);
  dialog = SIX_PREVIEW_DIALOG (find_toplevel (SIX_TYPE_PREVIEW_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            ", then undone: importing it again brings back what it changed."));
  g_assert_nonnull (find_matching (GTK_WIDGET (dialog), subtitle_has,
                                   "Name: “Lebanon” → “Lebanese Republic”"));
  {
    g_autofree char *png = review_path ("import-again.png");

    save_widget_png (GTK_WIDGET (dialog), png);
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  wait_until (lebanon_is_named, &theirs);
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_app (fixture, reimport_body);
}

/* The command line imports into the database the window has open: the window shows it
 * within its two-second look (and the reading after it), with no restart. */
static void
live_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(GFile) file = write_their_profile (fixture->dir);
  g_autofree char *database = g_build_filename (fixture->dir, "test.db", NULL);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  NameWait theirs = { repository, "Lebanese Republic" };
  gboolean done = FALSE;
  gint64 imported_at;

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                          g_getenv ("ARTICLE_SIX_BINARY"), "--database", database, "import",
                          g_file_peek_path (file), NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (cli, NULL, exited_cb, &done);
  wait_long (is_true, &done);
  imported_at = g_get_monotonic_time ();

  /* No focus comes to a window under Xvfb: only the two-second look can see the write. */
  wait_until (lebanon_is_named, &theirs);
  /* By the second look at the latest, on a machine busy with other work; timings mean
   * nothing under the sanitizers, which slow every read. */
  if (g_getenv ("ASAN_OPTIONS") == NULL)
    g_assert_cmpint (g_get_monotonic_time () - imported_at, <, 4 * G_TIME_SPAN_SECOND);

  /* The Exchange page lists the file the command line imported. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));
  wait_until (window_shows, (gpointer) "their-lebanon.a6.json");
}

static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  run_in_app (fixture, live_body);
}

/* A file whose sender gave no name: the files list says so, with the start of their id,
 * never a bare UUID. */
static void
unnamed_sender_body (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) theirs = six_db_open (":memory:", &error);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "unnamed.a6.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SixExportOptions options = { .scope = SIX_SCOPE_ALL };

  g_assert_no_error (error);
  exchange = six_exchange_collect (theirs, &options, &error);
  g_assert_no_error (error);
  g_assert_null (six_exchange_file_get_origin (exchange)->name);
  g_assert_true (six_exchange_save_file (exchange, file, NULL, &error));
  g_assert_no_error (error);
  import_quietly (fixture, path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));
  expected = g_strdup_printf ("From someone who gave no name (%.8s…), imported on ",
                              six_exchange_file_get_origin (exchange)->id);
  wait_until (window_shows, expected);
}

static void
test_unnamed_sender (Fixture       *fixture,
                     gconstpointer  data)
{
  run_in_app (fixture, unnamed_sender_body);
}

/* --- sending by email, with a portal and a file manager of our own on the test's bus --- */

typedef struct
{
  GSubprocess *process;
  char        *log;   /* where the mock writes what it was asked */
} Mock;

static gboolean
name_has_owner (gpointer name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *) name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
name_has_no_owner (gpointer name)
{
  return !name_has_owner (name);
}

/* python3-dbusmock serving @name with one method, whose Python @code runs when called. */
static void
mock_start (Mock       *mock,
            const char *dir,
            const char *name,
            const char *path,
            const char *interface,
            const char *method,
            const char *in_signature,
            const char *out_signature,
            const char *code)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  mock->log = g_build_filename (dir, "mock.json", NULL);
  mock->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                    "/usr/bin/python3", "-m", "dbusmock", "--session",
                                    name, path, interface, NULL);
  g_assert_no_error (error);
  wait_long (name_has_owner, (gpointer) name);

  reply = g_dbus_connection_call_sync (bus, name, path, "org.freedesktop.DBus.Mock", "AddMethod",
                                       g_variant_new ("(sssss)", interface, method, in_signature,
                                                      out_signature, code),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
mock_stop (Mock       *mock,
           const char *name)
{
  g_subprocess_send_signal (mock->process, SIGTERM);
  g_subprocess_wait (mock->process, NULL, NULL);
  wait_long (name_has_no_owner, (gpointer) name);
  g_clear_object (&mock->process);
  g_clear_pointer (&mock->log, g_free);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static JsonObject *
read_log (JsonParser *parser,
          const char *path)
{
  g_autoptr(GError) error = NULL;

  wait_until (file_exists, (gpointer) path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
answer_levels (const char *response_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *private_row;

  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_LEVEL_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (SIX_TYPE_LEVEL_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Send Which Records?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "export"), ==, response_label);
  private_row = find_row_titled (GTK_WIDGET (dialog), "_Everything");
  wait_until (counted, private_row);
  adw_message_dialog_response (dialog, "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The request the portal answers on, from the caller's unique name and the token it chose. */
static char *
portal_code (const char *log)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);

  g_strdelimit (sender, ".", '_');

  return g_strdup_printf (
    "import os, json\n"
    "import dbus.lowlevel\n"
    "from gi.repository import GLib\n"
    "opts = args[1]\n"
    "paths = []\n"
    "for fd in opts.get('attachment_fds', []):\n"
    "    n = fd.take()\n"
    "    paths.append(os.readlink('/proc/self/fd/%%d' %% n))\n"
    "    os.close(n)\n"
    "with open('%s', 'w') as f:\n"
    "    json.dump({'subject': str(opts.get('subject', '')), 'body': str(opts.get('body', '')),\n"
    "               'attachments': paths}, f)\n"
    "path = '/org/freedesktop/portal/desktop/request/%s/' + str(opts['handle_token'])\n"
    "self.AddObject(path, 'org.freedesktop.portal.Request', {}, [])\n"
    /* As a portal does: sent to the caller alone, which adds no match rule for it. */
    "def respond(path=path, connection=self.connection):\n"
    "    message = dbus.lowlevel.SignalMessage(path, 'org.freedesktop.portal.Request',\n"
    "                                          'Response')\n"
    "    message.set_destination('%s')\n"
    "    message.append(dbus.UInt32(0), dbus.Dictionary({}, signature='sv'),\n"
    "                   signature='ua{sv}')\n"
    "    connection.send_message(message)\n"
    "    return False\n"
    "GLib.timeout_add(50, respond)\n"
    "ret = dbus.ObjectPath(path)\n",
    log, sender, g_dbus_connection_get_unique_name (bus));
}

/* An email portal of our own: it writes what it was asked to the mock's log, and answers. */
static void
portal_start (Mock    *portal,
              Fixture *fixture)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  mock_start (portal, fixture->dir, "org.freedesktop.portal.Desktop",
              "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Email", "ComposeEmail",
              "sa{sv}", "o", "ret = dbus.ObjectPath('/')");
  code = portal_code (portal->log);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.DBus.Mock", "AddMethod",
                                       g_variant_new ("(sssss)", "org.freedesktop.portal.Email",
                                                      "ComposeEmail", "sa{sv}", "o", code),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.DBus.Mock", "AddProperty",
                                       g_variant_new ("(ssv)", "org.freedesktop.portal.Email",
                                                      "version", g_variant_new_uint32 (3)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* Send a profile by email: the portal gets the exported file attached, a subject that says
 * what it holds, and the toast says the email is ready. */
static void
send_email_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sent = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Mock portal = { 0 };
  JsonObject *asked;
  JsonArray *attachments;
  g_autofree char *subject = NULL;

  g_settings_set_string (settings, "replica-name", "Nadia Haddad");
  portal_start (&portal, fixture);

  /* From Lebanon's profile, as its Send by Email button does. */
  g_assert_true (six_window_open_record (fixture->window, "country", "LBN"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.send-email",
                                             "(ss)", "country", "LBN"));
  answer_levels ("_Send by Email…");

  sent = g_strdup_printf ("%s/sent/LBN-%s.a6.json", fixture->dir, date);
  toast = g_strdup_printf ("Email ready with “LBN-%s.a6.json” attached", date);
  wait_until (window_shows, toast);

  asked = read_log (parser, portal.log);
  attachments = json_object_get_array_member (asked, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (attachments, 0), ==, sent);
  file = g_file_new_for_path (sent);
  exchange = six_exchange_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (six_exchange_file_get_level (exchange), ==, SIX_VISIBILITY_PUBLIC);
  subject = g_strdup_printf ("Article Six: Lebanon profile, %u records, public records",
                             six_exchange_file_get_records (exchange)->len);
  g_assert_cmpstr (json_object_get_string_member (asked, "subject"), ==, subject);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (asked, "body"),
                                   "Attached: LBN-"));
  g_assert_nonnull (strstr (json_object_get_string_member (asked, "body"), "from Nadia Haddad"));

  mock_stop (&portal, "org.freedesktop.portal.Desktop");
}

static void
test_send_email (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, send_email_body);
}

/* Lebanon's coalition: an operator among its members, and its contact there, kept private. */
static gpointer
seed_coalition (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixEdit *coalition = six_edit_new (six_kind_lookup ("coalition"), NULL);
  SixEdit *operator = six_edit_new (six_kind_lookup ("organisation"), NULL);
  SixEdit *member = six_edit_new (six_kind_lookup ("coalition_member"), NULL);
  SixEdit *contact = six_edit_new (six_kind_lookup ("contact"), NULL);

  six_edit_set_string (coalition, "lead", "LBN");
  six_edit_set_string (coalition, "title", "Country Coalition for Lebanon");
  six_edit_set_string (coalition, "status", "active");
  six_edit_set_string (operator, "name", "Mines Advisory Group");
  six_edit_set_string (operator, "kind", "operator");
  six_edit_set_string (member, "coalition", six_edit_get_id (coalition));
  six_edit_set_string (member, "member", six_edit_get_id (operator));
  six_edit_set_string (member, "role", "operator");
  six_edit_set_string (contact, "name", "Samir Private");
  six_edit_set_string (contact, "affiliation", six_edit_get_id (operator));
  g_ptr_array_add (edits, coalition);
  g_ptr_array_add (edits, operator);
  g_ptr_array_add (edits, member);
  g_ptr_array_add (edits, contact);
  if (six_db_apply_edits (db, "Start a coalition", edits, error) <= 0)
    return NULL;

  return g_strdup (six_edit_get_id (coalition));
}

/* Send to Members: who sends is asked first, then the coalition's records go by email at
 * the coalition's level — no level to choose, the lead State's profile in, nothing private. */
static void
send_members_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *coalition_id = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Mock portal = { 0 };
  JsonObject *asked;

  coalition_id = run_on_repository (six_window_get_repository (fixture->window), seed_coalition,
                                    NULL);
  portal_start (&portal, fixture);
  /* Nobody has sent a file from here yet (the settings outlive a test). */
  g_settings_reset (settings, "replica-name");
  g_settings_reset (settings, "organisation");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.send-coalition",
                                             "s", coalition_id));
  answer_identity ("Nadia Haddad", "Lebanon Mine Action Centre");
  toast = g_strdup_printf ("Email ready with “coalition-%s.a6.json” attached", date);
  wait_until (window_shows, toast);
  g_assert_null (find_toplevel (SIX_TYPE_LEVEL_DIALOG));

  sent = g_strdup_printf ("%s/sent/coalition-%s.a6.json", fixture->dir, date);
  asked = read_log (parser, portal.log);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (asked,
                                                                                "attachments"),
                                                  0), ==, sent);
  file = g_file_new_for_path (sent);
  exchange = six_exchange_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (six_exchange_file_get_level (exchange), ==, SIX_VISIBILITY_COALITION);
  g_assert_cmpstr (six_exchange_file_get_origin (exchange)->name, ==, "Nadia Haddad");
  subject = g_strdup_printf ("Article Six: Country Coalition for Lebanon, %u records, "
                             "public and coalition records",
                             six_exchange_file_get_records (exchange)->len);
  g_assert_cmpstr (json_object_get_string_member (asked, "subject"), ==, subject);

  g_assert_true (g_file_get_contents (sent, &contents, NULL, &error));
  g_assert_no_error (error);
  scope = g_strdup_printf ("\"scope\": {\"type\": \"coalition\", \"id\": \"%s\"}",
                           coalition_id);
  g_assert_nonnull (strstr (contents, scope));
  g_assert_nonnull (strstr (contents, "Mines Advisory Group"));
  g_assert_nonnull (strstr (contents, "\"id\": \"LBN:art4\""));
  g_assert_null (strstr (contents, "Samir Private"));
  g_assert_null (strstr (contents, "\"visibility\": \"private\""));

  mock_stop (&portal, "org.freedesktop.portal.Desktop");
}

static void
test_send_members (Fixture       *fixture,
                   gconstpointer  data)
{
  run_in_app (fixture, send_members_body);
}

static gboolean
crossfade_over (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* No portal answers: the file is saved with the files sent and shown in the file manager,
 * and the toast says so. */
static void
send_fallback_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sent = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *code = NULL;
  Mock manager = { 0 };
  JsonObject *asked;

  g_assert_false (name_has_owner ((gpointer) "org.freedesktop.portal.Desktop"));
  g_settings_set_string (settings, "replica-name", "Nadia Haddad");
  /* The page and the toast drawn in place for review, not sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  code = g_strdup_printf ("import json\n"
                          "with open('%s/mock.json', 'w') as f:\n"
                          "    json.dump({'uris': [str(u) for u in args[0]]}, f)\n",
                          fixture->dir);
  mock_start (&manager, fixture->dir, "org.freedesktop.FileManager1",
              "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1", "ShowItems",
              "ass", "", code);

  /* The Exchange page's Send by Email. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.send-email",
                                             "(ss)", "all", ""));
  answer_levels ("_Send by Email…");

  sent = g_strdup_printf ("%s/sent/article-six-%s.a6.json", fixture->dir, date);
  toast = g_strdup_printf ("No email program answered: “article-six-%s.a6.json” was saved",
                           date);
  wait_until (window_shows, toast);
  g_assert_true (g_file_test (sent, G_FILE_TEST_IS_REGULAR));

  asked = read_log (parser, manager.log);
  uri = g_filename_to_uri (sent, NULL, NULL);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (asked, "uris"), 0),
                   ==, uri);
  /* The file sent is listed with the files exported. */
  wait_until (window_shows, strrchr (sent, '/') + 1);
  wait_until (crossfade_over, find_by_id (GTK_WIDGET (fixture->window), "body_stack"));
  {
    g_autofree char *png = review_path ("send-fallback.png");

    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  mock_stop (&manager, "org.freedesktop.FileManager1");
}

static void
test_send_fallback (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, send_fallback_body);
}

static gboolean
has_row_titled (gpointer title)
{
  GtkWindow *window = find_toplevel (SIX_TYPE_WINDOW);
  GtkWidget *group = window != NULL ? find_descendant (GTK_WIDGET (window),
                                                       SIX_TYPE_INCOMING_GROUP) : NULL;

  return group != NULL && gtk_widget_get_visible (group) &&
         find_row_titled (group, title) != NULL;
}

static gboolean
has_no_row_titled (gpointer title)
{
  return !has_row_titled (title);
}

/* An exchange folder a sync tool shares: a file arriving there is listed as incoming, with
 * who sent it; Preview shows what it changes, and once applied it is no longer incoming.
 * Export to Folder writes there, and our own file is not listed as incoming. */
static void
folder_body (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *shared = g_build_filename (fixture->dir, "shared", NULL);
  g_autofree char *arrived = g_build_filename (shared, "their-lebanon.a6.json", NULL);
  g_autoptr(GFile) theirs = write_their_profile (fixture->dir);
  g_autoptr(GFile) copy = g_file_new_for_path (arrived);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *ours = NULL;
  g_autofree char *ours_name = NULL;
  NameWait theirs_name = { six_window_get_repository (fixture->window), "Lebanese Republic" };
  AdwActionRow *row;
  GtkWidget *preview;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_settings_set_string (settings, "replica-name", "Rania K.");
  g_settings_set_string (settings, "exchange-folder", shared);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "exchange"));

  /* The sync tool delivers their file. */
  g_assert_true (g_file_copy (theirs, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  wait_until (has_row_titled, (gpointer) "their-lebanon.a6.json");
  row = ADW_ACTION_ROW (find_row_titled (find_descendant (GTK_WIDGET (fixture->window),
                                                          SIX_TYPE_INCOMING_GROUP),
                                         "their-lebanon.a6.json"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "From Nadia Haddad · "));
  {
    g_autofree char *png = review_path ("exchange-incoming.png");

    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    wait_until (crossfade_over, find_by_id (GTK_WIDGET (fixture->window), "body_stack"));
    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  preview = find_descendant (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (preview, "clicked");
  wait_until (preview_of, (gpointer) "their-lebanon.a6.json");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_preview_of ("their-lebanon.a6.json")),
                               "import");
  wait_until (lebanon_is_named, &theirs_name);
  wait_until (has_no_row_titled, (gpointer) "their-lebanon.a6.json");

  /* Ours, to the folder: written there, and not "incoming". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-file",
                                             NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_LEVEL_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (SIX_TYPE_LEVEL_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "folder"), ==,
                   "Export to _Folder");
  adw_message_dialog_response (dialog, "folder");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ours_name = g_strdup_printf ("article-six-%s.a6.json", date);
  ours = g_build_filename (shared, ours_name, NULL);
  wait_until (file_exists, ours);
  wait_until (window_shows, (gpointer) "Exported ");
  g_usleep (G_USEC_PER_SEC);
  wait_until (has_no_row_titled, ours_name);
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, folder_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/exchange/preview", Fixture, NULL, fixture_set_up, test_preview,
              fixture_tear_down);
  g_test_add ("/ui/exchange/open-remote", Fixture, NULL, fixture_set_up, test_open_remote,
              fixture_tear_down);
  g_test_add ("/ui/exchange/drop-two", Fixture, NULL, fixture_set_up, test_drop_two,
              fixture_tear_down);
  g_test_add ("/ui/exchange/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo,
              fixture_tear_down);
  g_test_add ("/ui/exchange/reimport", Fixture, NULL, fixture_set_up, test_reimport,
              fixture_tear_down);
  g_test_add ("/ui/exchange/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);
  g_test_add ("/ui/exchange/unnamed-sender", Fixture, NULL, fixture_set_up, test_unnamed_sender,
              fixture_tear_down);
  g_test_add ("/ui/exchange/send-email", Fixture, NULL, fixture_set_up, test_send_email,
              fixture_tear_down);
  g_test_add ("/ui/exchange/send-members", Fixture, NULL, fixture_set_up, test_send_members,
              fixture_tear_down);
  g_test_add ("/ui/exchange/send-fallback", Fixture, NULL, fixture_set_up, test_send_fallback,
              fixture_tear_down);
  g_test_add ("/ui/exchange/folder", Fixture, NULL, fixture_set_up, test_folder,
              fixture_tear_down);

  return g_test_run ();
}
