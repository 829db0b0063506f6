/* test-repository.c — tests for the repository: its worker thread, signals and live lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-repository.h"
#include "six-repository-run.h"
#include "test-gate.h"

#include <glib/gstdio.h>
#include <string.h>

/* Generous, for valgrind; a wait that runs out fails the test instead of hanging it. */
#define WAIT_TIMEOUT_S 120

/* More than the repository's reload threshold, so a write this large is diffed. */
#define BULK_SIZE 2100

typedef struct
{
  char  *kind;
  GStrv  ids;
} Emission;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Splice;

typedef struct
{
  char          *dir;
  char          *path;
  SixRepository *repository;
  GPtrArray     *emissions;   /* Emission, from ::changed */
  guint          n_detailed;  /* ::changed::country */
  int            n_threads;   /* before the repository was opened, or -1 */
} Fixture;

/* Mirrors a list model from its items-changed signals alone. */
typedef struct
{
  GListModel *model;
  GPtrArray  *shadow;  /* SixRecord */
  GArray     *splices; /* Splice */
  gulong      handler;
} ListWatch;

typedef gboolean (*WaitFunc) (gpointer data);

static GThread *main_thread;

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_free (emission->kind);
  g_strfreev (emission->ids);
  g_free (emission);
}

/* Repository worker threads alive now: GLib starts threads of its own (gmain, gdbus, task
 * pools) at times of its choosing, so only threads named for the repository are counted. */
static int
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *task;
  int n = 0;

  if (dir == NULL)
    return -1;

  while ((task = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", task, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_has_prefix (comm, "six-repository"))
        n++;
    }

  return n;
}

/* A joined thread can stay listed in /proc for a moment after g_thread_join () returns (the
 * kernel releases it just after it wakes the joiner): the count is given two seconds to settle,
 * and a thread that stays still fails. */
static void
assert_threads (Fixture *f,
                int      extra)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  if (f->n_threads < 0)
    return;

  while (count_threads () != f->n_threads + extra && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  g_assert_cmpint (count_threads (), ==, f->n_threads + extra);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
wait_until (WaitFunc done,
            gpointer data)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, &timed_out);
  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_false (timed_out);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
list_is_loaded (gpointer data)
{
  return !six_record_list_is_loading (SIX_RECORD_LIST (data));
}

static void
wait_result (GAsyncResult **result)
{
  wait_until (result_arrived, result);
}

static void
assert_main_thread (void)
{
  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  assert_main_thread ();
  g_assert_null (*out);
  *out = g_object_ref (result);
}

static void
on_repository_changed_cb (SixRepository *repository,
                          const char    *kind,
                          GStrv          ids,
                          gpointer       user_data)
{
  Fixture *f = user_data;
  Emission *emission;

  assert_main_thread ();
  g_assert_nonnull (ids);
  g_assert_nonnull (ids[0]);

  emission = g_new0 (Emission, 1);
  emission->kind = g_strdup (kind);
  emission->ids = g_strdupv (ids);
  g_ptr_array_add (f->emissions, emission);
}

static void
on_repository_changed_country_cb (SixRepository *repository,
                                  const char    *kind,
                                  GStrv          ids,
                                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_assert_cmpstr (kind, ==, "country");
  f->n_detailed++;
}

static void
watch_repository (Fixture *f)
{
  g_signal_connect (f->repository, "changed", G_CALLBACK (on_repository_changed_cb), f);
  g_signal_connect (f->repository, "changed::country",
                    G_CALLBACK (on_repository_changed_country_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-repository-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "article-six.db", NULL);
  f->emissions = g_ptr_array_new_with_free_func (emission_free);
  f->n_threads = count_threads ();

  f->repository = six_repository_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (SIX_IS_REPOSITORY (f->repository));
  assert_threads (f, 1);

  watch_repository (f);
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  drain_main_context ();

  /* The repository and its lists go, and so does the worker thread. */
  if (f->repository != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->repository));
  assert_threads (f, 0);

  drain_main_context ();
  g_ptr_array_unref (f->emissions);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GPtrArray *
edits_new (SixEdit *first,
           ...)
{
  GPtrArray *edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  va_list args;

  va_start (args, first);
  for (SixEdit *edit = first; edit != NULL; edit = va_arg (args, SixEdit *))
    g_ptr_array_add (edits, edit);
  va_end (args);

  return edits;
}

/* A country is a reference record: new, with its natural key. */
static SixEdit *
country_new (const char *id,
             const char *name)
{
  SixEdit *edit = six_edit_new (six_kind_lookup ("country"), NULL);

  six_edit_set_id (edit, id);
  six_edit_set_string (edit, "name", name);
  six_edit_set_string (edit, "status", "party");

  return edit;
}

static SixEdit *
country_rename (const char *id,
                const char *name)
{
  SixEdit *edit = six_edit_new (six_kind_lookup ("country"), id);

  six_edit_set_string (edit, "name", name);

  return edit;
}

static SixEdit *
organisation_new (const char *name)
{
  SixEdit *edit = six_edit_new (six_kind_lookup ("organisation"), NULL);

  six_edit_set_string (edit, "name", name);

  return edit;
}

/* Starts an apply and drops the caller's array: the repository keeps its own copy. */
static void
apply_start (Fixture             *f,
             const char          *label,
             GPtrArray           *edits,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GPtrArray) owned = edits;

  six_repository_apply_async (f->repository, label, owned, cancellable, callback, user_data);
}

static gint64
apply (Fixture    *f,
       const char *label,
       GPtrArray  *edits,
       GError    **error)
{
  g_autoptr(GPtrArray) owned = edits;
  g_autoptr(GAsyncResult) result = NULL;

  six_repository_apply_async (f->repository, label, owned, NULL, store_result_cb, &result);
  wait_result (&result);

  return six_repository_apply_finish (f->repository, result, error);
}

static gint64
apply_ok (Fixture    *f,
          const char *label,
          GPtrArray  *edits)
{
  g_autoptr(GError) error = NULL;
  gint64 operation;

  operation = apply (f, label, edits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (operation, >, 0);

  return operation;
}

static SixRecord *
get_record (Fixture     *f,
            const char  *kind,
            const char  *id,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  six_repository_get_record_async (f->repository, six_kind_lookup (kind), id, NULL,
                                   store_result_cb, &result);
  wait_result (&result);

  return six_repository_get_record_finish (f->repository, result, error);
}

static gpointer
return_one (SixDb         *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  return GINT_TO_POINTER (1);
}

/* Jobs and their completions run in order: once this returns, everything queued before it,
 * and every list refresh those jobs triggered, has been applied. */
static void
barrier (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  six_repository_run_async (f->repository, return_one, NULL, NULL, NULL, NULL,
                            store_result_cb, &result);
  wait_result (&result);
  g_assert_true (six_repository_run_finish (f->repository, result, &error) ==
                 GINT_TO_POINTER (1));
  g_assert_no_error (error);
}

static void
assert_emission (Fixture    *f,
                 guint       nth,
                 const char *kind,
                 const char *first_id,
                 ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  Emission *emission;
  va_list args;

  g_assert_cmpuint (nth, <, f->emissions->len);
  emission = g_ptr_array_index (f->emissions, nth);

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);
  expected = g_strv_builder_end (builder);

  g_assert_cmpstr (emission->kind, ==, kind);
  g_assert_cmpstrv (emission->ids, expected);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ListWatch *watch = user_data;
  Splice splice = { position, removed, added };

  assert_main_thread ();
  g_array_append_val (watch->splices, splice);

  g_assert_cmpuint (position + removed, <=, watch->shadow->len);
  g_ptr_array_remove_range (watch->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->shadow, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (watch->shadow->len, ==, g_list_model_get_n_items (model));
}

static void
list_watch_init (ListWatch  *watch,
                 GListModel *model)
{
  watch->model = model;
  watch->shadow = g_ptr_array_new_with_free_func (g_object_unref);
  watch->splices = g_array_new (FALSE, FALSE, sizeof (Splice));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watch->shadow, g_list_model_get_item (model, i));

  watch->handler = g_signal_connect (model, "items-changed",
                                     G_CALLBACK (on_items_changed_cb), watch);
}

static void
list_watch_clear (ListWatch *watch)
{
  g_clear_signal_handler (&watch->handler, watch->model);
  g_clear_pointer (&watch->shadow, g_ptr_array_unref);
  g_clear_pointer (&watch->splices, g_array_unref);
}

/* The signals described the model exactly, and the model is sorted and holds no tombstone. */
static void
list_watch_check (ListWatch *watch)
{
  g_assert_cmpuint (watch->shadow->len, ==, g_list_model_get_n_items (watch->model));

  for (guint i = 0; i < watch->shadow->len; i++)
    {
      g_autoptr(SixRecord) record = g_list_model_get_item (watch->model, i);

      g_assert_true (record == g_ptr_array_index (watch->shadow, i));
      g_assert_false (six_record_is_deleted (record));

      if (i > 0)
        {
          SixRecord *previous = g_ptr_array_index (watch->shadow, i - 1);

          g_assert_cmpint (strcmp (six_record_get_id (previous), six_record_get_id (record)),
                           <, 0);
        }
    }
}

static void
assert_one_splice (ListWatch *watch,
                   guint      position,
                   guint      removed,
                   guint      added)
{
  Splice *splice;

  g_assert_cmpuint (watch->splices->len, ==, 1);
  splice = &g_array_index (watch->splices, Splice, 0);
  g_assert_cmpuint (splice->position, ==, position);
  g_assert_cmpuint (splice->removed, ==, removed);
  g_assert_cmpuint (splice->added, ==, added);
  list_watch_check (watch);
  g_array_set_size (watch->splices, 0);
}

static SixRecord *
list_item (GListModel *model,
           guint       position)
{
  SixRecord *record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  /* The list holds its own reference: a borrowed pointer is enough for the test. */
  g_object_unref (record);

  return record;
}

static void
assert_list_ids (GListModel *model,
                 const char *first_id,
                 ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *), n++)
    {
      g_assert_cmpuint (n, <, g_list_model_get_n_items (model));
      g_assert_cmpstr (six_record_get_id (list_item (model, n)), ==, id);
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static GListModel *
load_list (Fixture    *f,
           const char *kind)
{
  GListModel *model = six_repository_list (f->repository, six_kind_lookup (kind));

  wait_until (list_is_loaded, model);
  g_assert_null (six_record_list_get_error (SIX_RECORD_LIST (model)));

  return model;
}

static void
test_open_sync (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *replica_id = NULL;
  SixRepository *repository;

  g_assert_cmpstr (six_repository_get_path (f->repository), ==, f->path);
  g_assert_nonnull (six_repository_get_replica_id (f->repository));
  g_assert_cmpstr (six_repository_get_replica_id (f->repository), !=, "");
  g_object_get (f->repository, "path", &path, "replica-id", &replica_id, NULL);
  g_assert_cmpstr (path, ==, f->path);
  g_assert_cmpstr (replica_id, ==, six_repository_get_replica_id (f->repository));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  /* A file that is not a database: refused, and its worker stops with it. */
  g_assert_true (g_file_set_contents (garbage, "this is not an SQLite database, not at all",
                                      -1, NULL));
  repository = six_repository_open (garbage, &error);
  g_assert_null (repository);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE);
  assert_threads (f, 1);

  /* Closing joins the worker; the repository stays a valid object. */
  six_repository_close (f->repository);
  assert_threads (f, 0);
  six_repository_close (f->repository);
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SixRepository) repository = NULL;
  g_autoptr(SixRepository) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *replica_id = g_strdup (six_repository_get_replica_id (f->repository));
  g_autofree char *second = g_build_filename (f->dir, "second.db", NULL);

  g_clear_object (&f->repository);
  assert_threads (f, 0);

  six_repository_open_async (f->path, NULL, store_result_cb, &result);
  /* Nothing is delivered before the main loop runs. */
  g_assert_null (result);
  wait_result (&result);
  repository = six_repository_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (SIX_IS_REPOSITORY (repository));
  assert_threads (f, 1);

  /* The same file: the replica id persists. */
  g_assert_cmpstr (six_repository_get_replica_id (repository), ==, replica_id);
  g_assert_cmpstr (six_repository_get_path (repository), ==, f->path);

  g_assert_true (g_file_set_contents (garbage, "not a database either, and long enough",
                                      -1, NULL));
  six_repository_open_async (garbage, NULL, store_result_cb, &bad_result);
  wait_result (&bad_result);
  g_assert_null (six_repository_open_finish (bad_result, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  six_repository_open_async (second, cancellable, store_result_cb, &cancelled_result);
  wait_result (&cancelled_result);
  g_assert_null (six_repository_open_finish (cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&cancelled_result);
  g_clear_object (&bad_result);
  drain_main_context ();
  assert_threads (f, 1);

  /* The result holds the repository until it goes. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&repository));
  assert_threads (f, 0);

  /* A second database opened the same way gets a replica id of its own. */
  six_repository_open_async (second, NULL, store_result_cb, &cancelled_result);
  wait_result (&cancelled_result);
  reopened = six_repository_open_finish (cancelled_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_repository_get_replica_id (reopened), !=, replica_id);
  g_clear_object (&cancelled_result);
  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&reopened));
}

typedef struct
{
  Fixture      *f;
  GAsyncResult *result;
  guint         n_emissions;  /* when the callback ran */
} ApplyProbe;

static void
apply_probe_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ApplyProbe *probe = user_data;

  assert_main_thread ();
  probe->result = g_object_ref (result);
  probe->n_emissions = probe->f->emissions->len;
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SixEdit) organisation = organisation_new ("Mines Advisory Group");
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  ApplyProbe probe = { f, NULL, 0 };
  gint64 operation;
  gint64 second;

  six_edit_set_string (organisation, "country", "LBN");
  apply_start (f, "Add Lebanon",
               edits_new (country_new ("LBN", "Lebanon"),
                          six_edit_ref (organisation), NULL),
               NULL, apply_probe_cb, &probe);
  g_assert_cmpuint (f->emissions->len, ==, 0);
  wait_result (&probe.result);

  operation = six_repository_apply_finish (f->repository, probe.result, &error);
  g_clear_object (&probe.result);
  g_assert_no_error (error);
  g_assert_cmpint (operation, >, 0);

  /* One signal per kind, in kind order, before the caller hears of the result. */
  g_assert_cmpuint (probe.n_emissions, ==, 2);
  g_assert_cmpuint (f->emissions->len, ==, 2);
  assert_emission (f, 0, "country", "LBN", NULL);
  assert_emission (f, 1, "organisation", six_edit_get_id (organisation), NULL);
  g_assert_cmpuint (f->n_detailed, ==, 1);

  record = get_record (f, "country", "LBN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_record_get_id (record), ==, "LBN");
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Lebanon");
  /* A single record comes with the stamps of its fields. */
  g_assert_nonnull (six_record_get_nth_stamp (record, six_kind_field_index (
                      six_kind_lookup ("country"), "name")));
  g_clear_object (&record);

  second = apply_ok (f, "Rename", edits_new (country_rename ("LBN", "Liban"), NULL));
  g_assert_cmpint (second, >, operation);
  g_assert_cmpuint (f->emissions->len, ==, 3);
  assert_emission (f, 2, "country", "LBN", NULL);
  g_assert_cmpuint (f->n_detailed, ==, 2);

  record = get_record (f, "country", "LBN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Liban");
}

typedef struct
{
  GListModel *model;
  guint       n_items;
  guint       n_notifies;
} LoadingProbe;

static void
on_loading_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  LoadingProbe *probe = user_data;

  assert_main_thread ();
  probe->n_notifies++;
  probe->n_items = g_list_model_get_n_items (probe->model);
}

static void
count_call (GObject *counter)
{
  guint *n = g_object_get_data (counter, "n");

  (*n)++;
}

/* Watching kinds without loading their lists: called once per job that wrote one of them. */
static void
test_connect_changed (Fixture       *f,
                      gconstpointer  data)
{
  const char * const kinds[] = { "country", NULL };
  g_autoptr(GObject) counter = g_object_new (G_TYPE_OBJECT, NULL);
  guint n = 0;

  g_object_set_data (counter, "n", &n);
  six_repository_connect_changed (f->repository, kinds, G_CALLBACK (count_call), counter);

  apply_ok (f, "Add", edits_new (organisation_new ("HALO Trust"), NULL));
  g_assert_cmpuint (n, ==, 0);
  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"),
                                 country_new ("IRQ", "Iraq"), NULL));
  g_assert_cmpuint (n, ==, 1);

  /* The connection goes with the object. */
  g_clear_object (&counter);
  apply_ok (f, "Add", edits_new (country_new ("AFG", "Afghanistan"), NULL));
  g_assert_cmpuint (n, ==, 1);
}

static void
test_list_load (Fixture       *f,
                gconstpointer  data)
{
  LoadingProbe probe = { NULL, 0, 0 };
  GListModel *model;
  ListWatch watch = { 0 };
  guint position = 0;
  g_autofree char *kind_name = NULL;

  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"),
                                 country_new ("AFG", "Afghanistan"),
                                 country_new ("IRQ", "Iraq"), NULL));

  model = six_repository_list (f->repository, six_kind_lookup ("country"));
  g_assert_true (SIX_IS_RECORD_LIST (model));
  g_assert_true (g_list_model_get_item_type (model) == SIX_TYPE_RECORD);
  g_assert_true (six_record_list_get_kind (SIX_RECORD_LIST (model)) ==
                 six_kind_lookup ("country"));
  g_object_get (model, "kind-name", &kind_name, NULL);
  g_assert_cmpstr (kind_name, ==, "country");

  /* Empty and loading at first; one list per kind. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (six_record_list_is_loading (SIX_RECORD_LIST (model)));
  g_assert_true (six_repository_list (f->repository, six_kind_lookup ("country")) == model);
  g_assert_true (six_repository_list (f->repository, six_kind_lookup ("organisation")) !=
                 model);

  probe.model = model;
  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading_notify_cb), &probe);
  list_watch_init (&watch, model);

  wait_until (list_is_loaded, model);

  /* The records arrive in one splice, before loading turns off. */
  assert_one_splice (&watch, 0, 0, 3);
  g_assert_cmpuint (probe.n_notifies, ==, 1);
  g_assert_cmpuint (probe.n_items, ==, 3);
  assert_list_ids (model, "AFG", "IRQ", "LBN", NULL);
  g_assert_cmpstr (six_record_get_string (list_item (model, 2), "name"), ==, "Lebanon");

  g_assert_true (six_record_list_find (SIX_RECORD_LIST (model), "IRQ", &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (six_record_list_find (SIX_RECORD_LIST (model), "BBB", NULL));

  /* Looked up by id: the list's own snapshot, or nothing. */
  {
    g_autoptr(SixRecord) iraq = six_repository_lookup (f->repository,
                                                       six_kind_lookup ("country"), "IRQ");
    g_autoptr(SixRecord) none = six_repository_lookup (f->repository,
                                                       six_kind_lookup ("country"), "BBB");
    g_autoptr(SixRecord) listed = g_list_model_get_item (model, 1);

    g_assert_true (iraq == listed);
    g_assert_null (none);
    g_assert_null (six_record_list_lookup (SIX_RECORD_LIST (model), NULL));
  }

  /* Another kind's list is empty but loads too. */
  model = load_list (f, "organisation");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  list_watch_clear (&watch);
}

static void
test_list_splice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SixRecord) old = NULL;
  g_autoptr(SixEdit) delete = NULL;
  SixRecord *replaced;
  GListModel *model;
  ListWatch watch = { 0 };

  apply_ok (f, "Add", edits_new (country_new ("BBB", "Bravo"),
                                 country_new ("DDD", "Delta"),
                                 country_new ("FFF", "Foxtrot"), NULL));
  model = load_list (f, "country");
  assert_list_ids (model, "BBB", "DDD", "FFF", NULL);
  list_watch_init (&watch, model);

  /* An edit replaces its record in place, with a new snapshot. */
  old = g_object_ref (list_item (model, 1));
  apply_ok (f, "Rename", edits_new (country_rename ("DDD", "Delta Prime"), NULL));
  barrier (f);
  assert_one_splice (&watch, 1, 1, 1);
  replaced = list_item (model, 1);
  g_assert_true (replaced != old);
  g_assert_cmpstr (six_record_get_string (replaced, "name"), ==, "Delta Prime");
  g_assert_cmpstr (six_record_get_string (old, "name"), ==, "Delta");

  /* A creation goes in at its sorted place. */
  apply_ok (f, "Add", edits_new (country_new ("EEE", "Echo"), NULL));
  barrier (f);
  assert_one_splice (&watch, 2, 0, 1);
  apply_ok (f, "Add", edits_new (country_new ("AAA", "Alpha"), NULL));
  barrier (f);
  assert_one_splice (&watch, 0, 0, 1);
  assert_list_ids (model, "AAA", "BBB", "DDD", "EEE", "FFF", NULL);

  /* A tombstone leaves the list. */
  delete = six_edit_new (six_kind_lookup ("country"), "BBB");
  six_edit_delete (delete);
  apply_ok (f, "Delete", edits_new (six_edit_ref (delete), NULL));
  barrier (f);
  assert_one_splice (&watch, 1, 1, 0);
  assert_list_ids (model, "AAA", "DDD", "EEE", "FFF", NULL);

  /* Two records in one write: one splice each, the others untouched. */
  g_set_object (&old, list_item (model, 0));
  apply_ok (f, "Rename two", edits_new (country_rename ("DDD", "Delta Again"),
                                        country_rename ("FFF", "Foxtrot Again"), NULL));
  barrier (f);
  g_assert_cmpuint (watch.splices->len, ==, 2);
  list_watch_check (&watch);
  g_assert_true (list_item (model, 0) == old);
  g_assert_cmpstr (six_record_get_string (list_item (model, 3), "name"), ==, "Foxtrot Again");

  list_watch_clear (&watch);
}

/* Writes queued just before and just after the first load all end up in the list once. */
static void
test_list_changes_while_loading (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) before = NULL;
  g_autoptr(GAsyncResult) after = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  ListWatch watch = { 0 };

  apply_start (f, "Before",
               edits_new (country_new ("AAA", "Alpha"), NULL),
               NULL, store_result_cb, &before);
  model = six_repository_list (f->repository, six_kind_lookup ("country"));
  list_watch_init (&watch, model);
  apply_start (f, "After",
               edits_new (country_new ("BBB", "Bravo"), NULL),
               NULL, store_result_cb, &after);
  g_assert_true (six_record_list_is_loading (SIX_RECORD_LIST (model)));

  wait_result (&before);
  wait_result (&after);
  g_assert_cmpint (six_repository_apply_finish (f->repository, before, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (six_repository_apply_finish (f->repository, after, &error), >, 0);
  g_assert_no_error (error);
  barrier (f);

  g_assert_false (six_record_list_is_loading (SIX_RECORD_LIST (model)));
  assert_list_ids (model, "AAA", "BBB", NULL);
  list_watch_check (&watch);
  /* The load, then the later write. */
  g_assert_cmpuint (watch.splices->len, ==, 2);

  list_watch_clear (&watch);
}

static void
test_list_bulk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SixEdit) keep = organisation_new ("Keep");
  g_autoptr(SixEdit) rename = organisation_new ("Rename");
  g_autoptr(SixEdit) delete = organisation_new ("Delete");
  g_autoptr(SixEdit) renamed = NULL;
  g_autoptr(SixEdit) deleted = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  SixRecord *kept;
  GListModel *model;
  ListWatch watch = { 0 };
  guint n_before;
  guint position;
  Emission *emission;

  apply_ok (f, "Add", edits_new (six_edit_ref (keep), six_edit_ref (rename),
                                 six_edit_ref (delete), NULL));
  model = load_list (f, "organisation");
  n_before = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_before, ==, 3);
  g_assert_true (six_record_list_find (SIX_RECORD_LIST (model), six_edit_get_id (keep),
                                       &position));
  kept = list_item (model, position);
  list_watch_init (&watch, model);

  /* One import-sized write: more records than the list refreshes one by one. */
  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  for (guint i = 0; i < BULK_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %u", i);

      g_ptr_array_add (edits, organisation_new (name));
    }
  renamed = six_edit_new (six_kind_lookup ("organisation"), six_edit_get_id (rename));
  six_edit_set_string (renamed, "name", "Renamed");
  g_ptr_array_add (edits, six_edit_ref (renamed));
  deleted = six_edit_new (six_kind_lookup ("organisation"), six_edit_get_id (delete));
  six_edit_delete (deleted);
  g_ptr_array_add (edits, six_edit_ref (deleted));

  apply_ok (f, "Import", g_steal_pointer (&edits));
  barrier (f);

  g_assert_cmpuint (f->emissions->len, ==, 2);
  emission = g_ptr_array_index (f->emissions, 1);
  g_assert_cmpstr (emission->kind, ==, "organisation");
  g_assert_cmpuint (g_strv_length (emission->ids), ==, BULK_SIZE + 2);

  list_watch_check (&watch);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + BULK_SIZE - 1);

  /* Diffed in a few runs, never cleared and refilled, nor spliced record by record. */
  g_assert_cmpuint (watch.splices->len, >, 0);
  g_assert_cmpuint (watch.splices->len, <=, 2 * n_before + 1);
  for (guint i = 0; i < watch.splices->len; i++)
    g_assert_cmpuint (g_array_index (watch.splices, Splice, i).removed, <, n_before);

  /* The untouched record is the same object; the renamed one is new; the deleted gone. */
  g_assert_true (six_record_list_find (SIX_RECORD_LIST (model), six_edit_get_id (keep),
                                       &position));
  g_assert_true (list_item (model, position) == kept);
  g_assert_true (six_record_list_find (SIX_RECORD_LIST (model), six_edit_get_id (rename),
                                       &position));
  g_assert_cmpstr (six_record_get_string (list_item (model, position), "name"), ==, "Renamed");
  g_assert_false (six_record_list_find (SIX_RECORD_LIST (model), six_edit_get_id (delete),
                                        NULL));

  list_watch_clear (&watch);
}

static GPtrArray *
search (Fixture            *f,
        const char         *query,
        const char * const *kinds,
        guint               limit)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  six_repository_search_async (f->repository, query, kinds, limit, NULL,
                               store_result_cb, &result);
  wait_result (&result);
  hits = six_repository_search_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char * const organisations[] = { "organisation", NULL };
  g_autoptr(GPtrArray) hits = NULL;

  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"),
                                 country_new ("COD", "République Démocratique du Congo"),
                                 organisation_new ("Lebanon Mine Action Centre"), NULL));

  hits = search (f, "democratique", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (g_ptr_array_index (hits, 0)), ==, "COD");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (f, "lebanon", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (f, "lebanon", organisations, 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (six_record_get_kind_name (g_ptr_array_index (hits, 0)), ==, "organisation");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (f, "lebanon", NULL, 1);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* User text, not query syntax. */
  hits = search (f, "\"NEAR( *", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) record = NULL;
  GListModel *model;
  ListWatch watch = { 0 };
  gint64 created;
  gint64 renamed;
  gint64 undo;
  gboolean found = FALSE;

  created = apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"), NULL));
  renamed = apply_ok (f, "Rename", edits_new (country_rename ("LBN", "Liban"), NULL));
  model = load_list (f, "country");
  list_watch_init (&watch, model);
  g_ptr_array_set_size (f->emissions, 0);

  six_repository_undo_async (f->repository, renamed, NULL, store_result_cb, &result);
  wait_result (&result);
  undo = six_repository_undo_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo, >, renamed);
  g_clear_object (&result);
  barrier (f);

  /* Undo is a write like any other: announced, and spliced into the list. */
  g_assert_cmpuint (f->emissions->len, ==, 1);
  assert_emission (f, 0, "country", "LBN", NULL);
  assert_one_splice (&watch, 0, 1, 1);
  g_assert_cmpstr (six_record_get_string (list_item (model, 0), "name"), ==, "Lebanon");

  record = get_record (f, "country", "LBN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Lebanon");

  six_repository_list_operations_async (f->repository, 10, NULL, store_result_cb, &result);
  wait_result (&result);
  operations = six_repository_list_operations_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (operations->len, >=, 3);
  for (guint i = 0; i < operations->len; i++)
    {
      SixOperation *operation = g_ptr_array_index (operations, i);

      if (operation->id == renamed)
        {
          found = TRUE;
          g_assert_cmpstr (operation->label, ==, "Rename");
          g_assert_true (operation->undone);
        }
      else if (operation->id == created)
        {
          g_assert_false (operation->undone);
        }
    }
  g_assert_true (found);

  /* An operation that does not exist. */
  six_repository_undo_async (f->repository, 999999, NULL, store_result_cb, &result);
  wait_result (&result);
  g_assert_cmpint (six_repository_undo_finish (f->repository, result, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SIX_STORE_ERROR);

  list_watch_clear (&watch);
}

static void
count_any_change (SixRepository *repository,
                  const char    *kind,
                  GStrv          ids,
                  guint         *n_kinds)
{
  /* Another process's writes name no records: any may have changed. */
  g_assert_nonnull (ids);
  g_assert_null (ids[0]);
  (*n_kinds)++;
}

static gboolean
check_now (Fixture  *f,
           GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  six_repository_check_async (f->repository, NULL, store_result_cb, &result);
  wait_result (&result);

  return six_repository_check_finish (f->repository, result, error);
}

static gboolean
named_lubnan (gpointer model)
{
  return g_list_model_get_n_items (model) == 1 &&
         g_strcmp0 (six_record_get_string (list_item (model, 0), "name"), "Lubnan") == 0;
}

/* Another process writes to the database: the next look sees it, the lists read again, and
 * every kind is announced; its own writes, and no writes, are not taken for one. */
static void
test_other_process (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) other = NULL;
  g_autoptr(GPtrArray) rename = NULL;
  GListModel *model;
  guint n_kinds = 0;
  guint n_all;

  six_kind_all (&n_all);
  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"), NULL));
  model = load_list (f, "country");
  g_assert_false (check_now (f, &error));
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_func (f->repository, on_repository_changed_cb, f);
  g_signal_connect (f->repository, "changed", G_CALLBACK (count_any_change), &n_kinds);

  other = six_db_open (f->path, &error);
  g_assert_no_error (error);
  rename = edits_new (country_rename ("LBN", "Lubnan"), NULL);
  g_assert_cmpint (six_db_apply_edits (other, "Rename", rename, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (check_now (f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_kinds, ==, n_all);
  wait_until (named_lubnan, model);

  /* Seen once: the next look finds nothing new. */
  g_assert_false (check_now (f, &error));
  g_assert_cmpuint (n_kinds, ==, n_all);
  g_signal_handlers_disconnect_by_func (f->repository, count_any_change, &n_kinds);
}

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  six_repository_list_conflicts_async (f->repository, TRUE, NULL, store_result_cb, &result);
  wait_result (&result);
  conflicts = six_repository_list_conflicts_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_object (&result);

  six_repository_restore_conflict_async (f->repository, 42, NULL, store_result_cb, &result);
  wait_result (&result);
  g_assert_cmpint (six_repository_restore_conflict_finish (f->repository, result, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->emissions->len, ==, 0);
}

typedef struct
{
  GThread *thread;
  guint    n_freed;
  gboolean freed_on_main;
} RunProbe;

static void
run_probe_release (gpointer data)
{
  RunProbe *probe = data;

  probe->n_freed++;
  probe->freed_on_main = g_thread_self () == main_thread;
}

static void
free_boxed_int (gpointer data)
{
  g_free (data);
}

static gpointer
count_countries (SixDb         *db,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RunProbe *probe = user_data;
  gint64 *count = g_new (gint64, 1);

  probe->thread = g_thread_self ();
  *count = six_db_count_records (db, six_kind_lookup ("country"), FALSE);

  return count;
}

static gpointer
write_country (SixDb         *db,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) edits = edits_new (country_new (user_data, "Written"), NULL);
  gint64 operation;

  operation = six_db_apply_edits (db, "From a job", edits, error);
  if (operation == 0)
    return NULL;

  return g_strdup (user_data);
}

static gpointer
fail_job (SixDb         *db,
          gpointer       user_data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "Not today");

  return NULL;
}

static guint n_results_freed;

static void
count_result_free (gpointer data)
{
  n_results_freed++;
  g_free (data);
}

static void
test_run (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;
  g_autofree char *written = NULL;
  RunProbe probe = { NULL, 0, FALSE };
  RunProbe second = { NULL, 0, FALSE };

  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"),
                                 country_new ("IRQ", "Iraq"), NULL));

  six_repository_run_async (f->repository, count_countries, &probe, run_probe_release,
                            free_boxed_int, NULL, store_result_cb, &result);
  wait_result (&result);
  count = six_repository_run_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (count);
  g_assert_cmpint (*count, ==, 2);
  g_clear_object (&result);

  /* On the worker thread, the same one each time; the data released on the main thread. */
  g_assert_nonnull (probe.thread);
  g_assert_true (probe.thread != main_thread);
  g_assert_cmpuint (probe.n_freed, ==, 1);
  g_assert_true (probe.freed_on_main);
  six_repository_run_async (f->repository, count_countries, &second, run_probe_release,
                            free_boxed_int, NULL, store_result_cb, &result);
  wait_result (&result);
  g_clear_object (&result);
  g_assert_true (second.thread == probe.thread);

  /* A result nobody claims is freed with the task. */
  n_results_freed = 0;
  six_repository_run_async (f->repository, count_countries, &second, NULL,
                            count_result_free, NULL, store_result_cb, &result);
  wait_result (&result);
  g_clear_object (&result);
  drain_main_context ();
  g_assert_cmpuint (n_results_freed, ==, 1);

  /* What a job writes is announced like an edit. */
  g_ptr_array_set_size (f->emissions, 0);
  six_repository_run_async (f->repository, write_country, (gpointer) "AFG", NULL,
                            g_free, NULL, store_result_cb, &result);
  wait_result (&result);
  written = six_repository_run_finish (f->repository, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, "AFG");
  g_clear_object (&result);
  g_assert_cmpuint (f->emissions->len, ==, 1);
  assert_emission (f, 0, "country", "AFG", NULL);

  six_repository_run_async (f->repository, fail_job, NULL, NULL, NULL, NULL,
                            store_result_cb, &result);
  wait_result (&result);
  g_assert_null (six_repository_run_finish (f->repository, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpuint (f->emissions->len, ==, 1);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SixEdit) missing = six_edit_new (six_kind_lookup ("country"), NULL);
  g_autoptr(SixEdit) bad_value = country_new ("IRQ", "Iraq");
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  ListWatch watch = { 0 };

  model = load_list (f, "country");
  list_watch_init (&watch, model);

  /* A new country without its required status. */
  six_edit_set_id (missing, "LBN");
  six_edit_set_string (missing, "name", "Lebanon");
  g_assert_cmpint (apply (f, "Add", edits_new (six_edit_ref (missing), NULL), &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true ((error->domain == SIX_STORE_ERROR && error->code == SIX_STORE_ERROR_INVALID) ||
                 error->domain == SIX_MODEL_ERROR);
  g_clear_error (&error);

  /* A valid record and an invalid one: the whole write is refused. */
  six_edit_set_string (bad_value, "status", "not-a-status");
  g_assert_cmpint (apply (f, "Add two",
                          edits_new (country_new ("AFG", "Afghanistan"),
                                     six_edit_ref (bad_value), NULL), &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true ((error->domain == SIX_STORE_ERROR && error->code == SIX_STORE_ERROR_INVALID) ||
                 error->domain == SIX_MODEL_ERROR);
  g_clear_error (&error);

  record = get_record (f, "country", "AFG", &error);
  g_assert_null (record);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  barrier (f);
  g_assert_cmpuint (f->emissions->len, ==, 0);
  g_assert_cmpuint (watch.splices->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  list_watch_clear (&watch);
}

/* The worker held at a gate, and what it saw of its job's cancellable once let through. */
typedef struct
{
  TestGate gate;
  gboolean saw_cancel;
} Gate;

/* Holds the worker until the test opens the gate. */
static gpointer
wait_at_gate (SixDb         *db,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Gate *gate = user_data;

  test_gate_pass (&gate->gate);
  gate->saw_cancel = g_cancellable_is_cancelled (cancellable);

  return g_strdup ("passed");
}

/* A search whose query is replaced after it ran, before its answer is read: the answer comes
 * as cancelled, so its asker drops it by the error alone (a search cancelled while queued
 * is answered so by test_cancel's path). */
static void
test_search_superseded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) gate_result = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  Gate gate = { 0 };

  test_gate_init (&gate.gate);
  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"), NULL));

  /* The worker reaching the gate has run the search, whose answer waits in the main loop. */
  six_repository_search_async (f->repository, "lebanon", NULL, 10, cancellable,
                               store_result_cb, &result);
  six_repository_run_async (f->repository, wait_at_gate, &gate, NULL, g_free, NULL,
                            store_result_cb, &gate_result);
  test_gate_wait_reached (&gate.gate);
  g_cancellable_cancel (cancellable);
  wait_result (&result);
  hits = six_repository_search_finish (f->repository, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hits);

  test_gate_open (&gate.gate);
  wait_result (&gate_result);
  test_gate_clear (&gate.gate);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) running = g_cancellable_new ();
  g_autoptr(GAsyncResult) gate_result = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) record = NULL;
  g_autofree char *passed = NULL;
  Gate gate = { 0 };

  test_gate_init (&gate.gate);

  /* Already cancelled: refused without a trip to the worker. */
  g_cancellable_cancel (cancellable);
  apply_start (f, "Add",
               edits_new (country_new ("LBN", "Lebanon"), NULL),
               cancellable, store_result_cb, &result);
  wait_result (&result);
  g_assert_cmpint (six_repository_apply_finish (f->repository, result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_cancellable_reset (cancellable);

  /* Queued behind a busy worker: answered at once, and never run. */
  six_repository_run_async (f->repository, wait_at_gate, &gate, NULL, g_free, running,
                            store_result_cb, &gate_result);
  test_gate_wait_reached (&gate.gate);
  apply_start (f, "Add",
               edits_new (country_new ("LBN", "Lebanon"), NULL),
               cancellable, store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  wait_result (&result);
  g_assert_null (gate_result);
  g_assert_cmpint (six_repository_apply_finish (f->repository, result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelling a job that has begun: it ends, and its own outcome is reported. */
  g_cancellable_cancel (running);
  test_gate_open (&gate.gate);
  wait_result (&gate_result);
  passed = six_repository_run_finish (f->repository, gate_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (passed, ==, "passed");
  g_assert_true (gate.saw_cancel);

  barrier (f);
  g_assert_cmpuint (f->emissions->len, ==, 0);
  record = get_record (f, "country", "LBN", &error);
  g_assert_null (record);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);

  test_gate_clear (&gate.gate);
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) queued = NULL;
  g_autoptr(GAsyncResult) late = NULL;
  g_autoptr(SixRepository) reopened = NULL;
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  /* Jobs queued before closing still run: closing loses no write. */
  apply_start (f, "Add",
               edits_new (country_new ("LBN", "Lebanon"), NULL),
               NULL, store_result_cb, &queued);
  six_repository_close (f->repository);
  assert_threads (f, 0);
  wait_result (&queued);
  g_assert_cmpint (six_repository_apply_finish (f->repository, queued, &error), >, 0);
  g_assert_no_error (error);

  apply_start (f, "Add",
               edits_new (country_new ("IRQ", "Iraq"), NULL),
               NULL, store_result_cb, &late);
  wait_result (&late);
  g_assert_cmpint (six_repository_apply_finish (f->repository, late, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);

  model = six_repository_list (f->repository, six_kind_lookup ("country"));
  wait_until (list_is_loaded, model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_error ((GError *) six_record_list_get_error (SIX_RECORD_LIST (model)),
                  G_IO_ERROR, G_IO_ERROR_CLOSED);

  /* The results hold the repository as their source object. */
  g_clear_object (&queued);
  g_clear_object (&late);
  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&f->repository));

  reopened = six_repository_open (f->path, &error);
  g_assert_no_error (error);
  f->repository = g_steal_pointer (&reopened);
  record = get_record (f, "country", "LBN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Lebanon");
}

/* A read that runs until the repository closes, once past the gate, and fails then. */
static gpointer
read_until_closed (SixDb         *db,
                   gpointer       user_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Gate *gate = user_data;

  test_gate_reach (&gate->gate);
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (1000);
  gate->saw_cancel = TRUE;
  /* As an interrupted statement fails: with the store's own error. */
  g_set_error_literal (error, SIX_STORE_ERROR, SIX_STORE_ERROR_FAILED, "interrupted");

  return NULL;
}

static gpointer
read_and_note (SixDb         *db,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  gboolean *ran = user_data;

  *ran = TRUE;

  return g_strdup ("read");
}

/* Closing waits for no read: the one running is told to stop and fails as cancelled, those
 * queued are called off, and the writes queued among them still run. */
static void
test_close_reads (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) running = NULL;
  g_autoptr(GAsyncResult) queued = NULL;
  g_autoptr(GAsyncResult) write = NULL;
  g_autoptr(GAsyncResult) later = NULL;
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  gboolean ran = FALSE;
  Gate gate = { 0 };

  test_gate_init (&gate.gate);
  six_repository_read_async (f->repository, read_until_closed, &gate, NULL, g_free, NULL,
                             store_result_cb, &running);
  test_gate_wait_reached (&gate.gate);
  six_repository_read_async (f->repository, read_and_note, &ran, NULL, g_free, NULL,
                             store_result_cb, &queued);
  apply_start (f, "Add", edits_new (country_new ("LBN", "Lebanon"), NULL), NULL,
               store_result_cb, &write);
  six_repository_read_async (f->repository, read_and_note, &ran, NULL, g_free, NULL,
                             store_result_cb, &later);

  six_repository_close (f->repository);
  assert_threads (f, 0);
  g_assert_true (gate.saw_cancel);

  wait_result (&running);
  result = six_repository_run_finish (f->repository, running, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_clear_error (&error);
  wait_result (&queued);
  result = six_repository_run_finish (f->repository, queued, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  wait_result (&later);
  result = six_repository_run_finish (f->repository, later, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (ran);

  wait_result (&write);
  g_assert_cmpint (six_repository_apply_finish (f->repository, write, &error), >, 0);
  g_assert_no_error (error);
  test_gate_clear (&gate.gate);

  g_clear_object (&f->repository);
  f->repository = six_repository_open (f->path, &error);
  g_assert_no_error (error);
  record = get_record (f, "country", "LBN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Lebanon");
}

/* Dropping the repository while a list loads: both go at once, the late result is dropped. */
static void
test_dispose_pending (Fixture       *f,
                      gconstpointer  data)
{
  SixRepository *repository;
  GListModel *model;

  apply_ok (f, "Add", edits_new (country_new ("LBN", "Lebanon"), NULL));
  model = six_repository_list (f->repository, six_kind_lookup ("country"));
  g_assert_true (six_record_list_is_loading (SIX_RECORD_LIST (model)));
  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &model);

  repository = g_steal_pointer (&f->repository);
  g_object_add_weak_pointer (G_OBJECT (repository), (gpointer *) &repository);
  g_object_unref (repository);

  g_assert_null (repository);
  g_assert_null (model);
  assert_threads (f, 0);

  drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  main_thread = g_thread_self ();
  /* GTask starts its thread pool once, on first use; count threads after that. */
  g_type_ensure (G_TYPE_TASK);

#define ADD(path, func) \
  g_test_add ("/store/repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open/sync", test_open_sync);
  ADD ("open/async", test_open_async);
  ADD ("apply", test_apply);
  ADD ("list/load", test_list_load);
  ADD ("connect-changed", test_connect_changed);
  ADD ("list/splice", test_list_splice);
  ADD ("list/changes-while-loading", test_list_changes_while_loading);
  ADD ("list/bulk", test_list_bulk);
  ADD ("search", test_search);
  ADD ("search/superseded", test_search_superseded);
  ADD ("undo", test_undo);
  ADD ("conflicts", test_conflicts);
  ADD ("other-process", test_other_process);
  ADD ("run", test_run);
  ADD ("errors", test_errors);
  ADD ("cancel", test_cancel);
  ADD ("close", test_close);
  ADD ("close/reads", test_close_reads);
  ADD ("dispose-pending", test_dispose_pending);

#undef ADD

  return g_test_run ();
}
