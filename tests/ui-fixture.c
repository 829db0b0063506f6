/* ui-fixture.c — what the UI tests share: the application around a test body, waiting,
 * and finding widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-fixture.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Spin the main loop until @condition holds, failing after five seconds. */
void
wait_until_at (gboolean  (*condition) (gpointer),
               gpointer    data,
               const char *where)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("%s: still waiting after five seconds", where);
  g_source_remove (id);
}

static gboolean
window_ready (gpointer data)
{
  Fixture *fixture = data;

  fixture->window = SIX_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));

  return fixture->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SixLaunch *launch = g_new0 (SixLaunch, 1);

  fixture->dir = g_dir_make_tmp ("six-window-XXXXXX", &error);
  g_assert_no_error (error);

  launch->database = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->app = six_application_new (launch);
}

static gboolean
run_body_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GList) toplevels = NULL;

  wait_until (window_ready, fixture);
  fixture->body (fixture);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (fixture->app));

  return G_SOURCE_REMOVE;
}

/* Runs @body inside the application's main loop, once its window is up, then quits. */
void
run_in_app (Fixture  *fixture,
            TestBody  body)
{
  g_autoptr(GError) error = NULL;

  fixture->body = body;
  g_idle_add (run_body_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 0, NULL), ==, 0);
}

void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->app);

  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The first widget of @type under @root, depth first. */
GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

gboolean
has_toplevel (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gint64 *operation = user_data;
  g_autoptr(GError) error = NULL;

  *operation = six_repository_apply_finish (SIX_REPOSITORY (object), result, &error);
  g_assert_no_error (error);
}

gboolean
nonzero (gpointer data)
{
  return *(gint64 *) data != 0;
}
