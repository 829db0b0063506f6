/* six-repository.c — the asynchronous face of the store, and its live lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-repository"

#include "config.h"

#include "six-repository.h"

#include "six-record-list.h"
#include "six-repository-run.h"

#include <glib/gi18n.h>
#include <string.h>

/* More changed ids than this in one write (an import) reload the list and diff it. */
#define RELOAD_THRESHOLD 2000

typedef enum
{
  JOB_PENDING,
  JOB_RUNNING,
  JOB_CANCELLED,
} JobState;

/* The worker's half of the repository: the thread reads only these fields. */
typedef struct
{
  GAsyncQueue  *queue;    /* Job, and last the stop sentinel */
  GMainContext *context;  /* the repository's: every job completes there */
  GMutex        mutex;    /* guards Job.finished of synchronous jobs */
  GCond         cond;
  SixDb        *db;       /* opened, used and closed by the worker thread alone */
  GMutex        running_mutex;  /* guards running */
  gpointer      running;  /* the Job the worker runs, or NULL */
  gint64        data_version;  /* the worker's: what other processes had written when read */
  GCancellable *closing;  /* the repository's: cancelled as it closes, reads are called off */
} Worker;

typedef struct _Job Job;

/* Finishes an internal job on the repository's context; may take job->result. */
typedef void (*JobDoneFunc) (SixRepository *self,
                             Job           *job);

struct _Job
{
  /* The work, run on the worker thread */
  SixRepositoryFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
  GCancellable      *cancellable;
  gboolean           opens;     /* opens the connection, so runs without one */
  gboolean           reads;     /* only reads: closing the repository may cut it short */

  /* Delivery: a task, a done function, or a thread waiting on Worker.cond */
  GTask             *task;
  JobDoneFunc        done;
  GWeakRef           repository;
  gboolean           sync;
  gboolean           finished;

  gulong             cancelled_id;
  int                state;     /* JobState, atomic */

  /* Filled in by the worker */
  gpointer           result;
  GError            *error;
  GPtrArray         *changes;   /* Change, in six_kind_all () order */
};

/* The records one job wrote, in one kind. */
typedef struct
{
  const SixKind *kind;
  GStrv          ids;  /* sorted, unique */
} Change;

struct _SixRepository
{
  GObject parent_instance;

  /* Owned */
  char       *path;
  char       *replica_id;
  Worker     *worker;
  GThread    *thread;  /* NULL once closed */
  GCancellable *closing;  /* cancelled by closing: the lists' loads still to run */
  GHashTable *lists;   /* kind name → SixRecordList */
};

G_DEFINE_FINAL_TYPE (SixRepository, six_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_REPLICA_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pushed last by six_repository_close (): the worker closes the connection and exits. */
static int stop_job;

typedef struct
{
  Worker *worker;
  char   *path;
} OpenData;

typedef struct
{
  const SixKind *kind;
  char          *id;
} RecordData;

typedef struct
{
  const SixKind *kind;
  GStrv          ids;
} FetchData;

typedef struct
{
  char      *label;
  GPtrArray *edits;
} ApplyData;

typedef struct
{
  char   *query;
  GStrv   kinds;
  guint   limit;
} SearchData;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_strfreev (change->ids);
  g_free (change);
}

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->path);
  g_free (open);
}

static void
record_data_free (gpointer data)
{
  RecordData *record = data;

  g_free (record->id);
  g_free (record);
}

static void
fetch_data_free (gpointer data)
{
  FetchData *fetch = data;

  g_strfreev (fetch->ids);
  g_free (fetch);
}

static void
apply_data_free (gpointer data)
{
  ApplyData *apply = data;

  g_ptr_array_unref (apply->edits);
  g_free (apply->label);
  g_free (apply);
}

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_strfreev (search->kinds);
  g_free (search->query);
  g_free (search);
}

static gpointer
box_int64 (gint64 value)
{
  gint64 *boxed = g_new (gint64, 1);

  *boxed = value;

  return boxed;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_record_ids (gconstpointer a,
                    gconstpointer b)
{
  SixRecord *record_a = *(SixRecord * const *) a;
  SixRecord *record_b = *(SixRecord * const *) b;

  return strcmp (six_record_get_id (record_a), six_record_get_id (record_b));
}

static gboolean
path_is_file (const char *path)
{
  return path[0] != '\0' &&
         strcmp (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file::memory:");
}

static Worker *
worker_new (GCancellable *closing)
{
  Worker *worker = g_new0 (Worker, 1);

  worker->closing = g_object_ref (closing);
  worker->queue = g_async_queue_new ();
  worker->context = g_main_context_ref_thread_default ();
  g_mutex_init (&worker->mutex);
  g_cond_init (&worker->cond);
  g_mutex_init (&worker->running_mutex);

  return worker;
}

/* Only once the thread has been joined. */
static void
worker_free (Worker *worker)
{
  g_assert (worker->db == NULL);

  g_object_unref (worker->closing);
  g_async_queue_unref (worker->queue);
  g_main_context_unref (worker->context);
  g_mutex_clear (&worker->mutex);
  g_cond_clear (&worker->cond);
  g_mutex_clear (&worker->running_mutex);
  g_free (worker);
}

static Job *
job_new (SixRepository     *self,
         SixRepositoryFunc  func,
         gpointer           data,
         GDestroyNotify     data_free,
         GDestroyNotify     result_free,
         GCancellable      *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->state = JOB_PENDING;
  g_weak_ref_init (&job->repository, self);

  return job;
}

/* On the repository's context (or the thread of a synchronous job), never the worker's. */
static void
job_free (gpointer data)
{
  Job *job = data;

  /* Waits for a handler running in another thread, so @job outlives it. */
  if (job->cancelled_id != 0)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);

  if (job->result != NULL && job->result_free != NULL)
    job->result_free (job->result);
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);

  g_clear_error (&job->error);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_clear_object (&job->task);
  g_clear_object (&job->cancellable);
  g_weak_ref_clear (&job->repository);
  g_free (job);
}

/* Turns the store's map of written records (kind name → ids) into one Change per kind, in
 * kind order and with sorted ids, so signals are emitted in a stable order. */
static GPtrArray *
collect_changes (GHashTable *changed)
{
  g_autoptr(GPtrArray) changes = NULL;
  const SixKind *kinds;
  guint n_kinds;

  if (changed == NULL || g_hash_table_size (changed) == 0)
    return NULL;

  changes = g_ptr_array_new_with_free_func (change_free);
  kinds = six_kind_all (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      GPtrArray *ids = g_hash_table_lookup (changed, kinds[i].name);
      Change *change;
      guint n = 0;

      if (ids == NULL || ids->len == 0)
        continue;

      change = g_new0 (Change, 1);
      change->kind = &kinds[i];
      change->ids = g_new0 (char *, ids->len + 1);

      for (guint j = 0; j < ids->len; j++)
        change->ids[j] = g_strdup (g_ptr_array_index (ids, j));
      qsort (change->ids, ids->len, sizeof (char *), compare_ids);

      for (guint j = 0; j < ids->len; j++)
        {
          if (n > 0 && strcmp (change->ids[n - 1], change->ids[j]) == 0)
            g_free (change->ids[j]);
          else
            change->ids[n++] = change->ids[j];
        }
      change->ids[n] = NULL;

      g_ptr_array_add (changes, change);
    }

  if (changes->len == 0)
    return NULL;

  return g_steal_pointer (&changes);
}

static void refresh_list (SixRepository *self,
                          const SixKind *kind,
                          GStrv          ids);

static void
announce_changes (SixRepository *self,
                  GPtrArray     *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      refresh_list (self, change->kind, change->ids);
      g_signal_emit (self, signals[CHANGED],
                     g_quark_from_static_string (change->kind->name),
                     change->kind->name, change->ids);
    }
}

/* Every job completes here, on the repository's context, in the order the worker ran them:
 * the lists rely on that order (see refresh_list ()). */
static gboolean
job_complete_cb (gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(SixRepository) self = g_weak_ref_get (&job->repository);

  if (self != NULL && job->changes != NULL)
    announce_changes (self, job->changes);

  /* Called off before it started: on_job_cancelled_cb () has answered already. */
  if (g_atomic_int_get (&job->state) == JOB_CANCELLED)
    return G_SOURCE_REMOVE;

  if (self != NULL && job->done != NULL)
    job->done (self, job);

  if (job->task != NULL)
    {
      if (job->error != NULL)
        g_task_return_error (job->task, g_steal_pointer (&job->error));
      else
        g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
    }

  return G_SOURCE_REMOVE;
}

static void
post_job (GMainContext *context,
          Job          *job)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  /* One priority for all, so completions are dispatched in the order they were posted. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, job_complete_cb, job, job_free);
  g_source_set_static_name (source, "[six-repository] job complete");
  g_source_attach (source, context);
}

static void
run_job (Worker *worker,
         Job    *job)
{
  if (g_atomic_int_compare_and_exchange (&job->state, JOB_PENDING, JOB_RUNNING))
    {
      g_mutex_lock (&worker->running_mutex);
      worker->running = job;
      g_mutex_unlock (&worker->running_mutex);

      if (worker->db == NULL && !job->opens)
        g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                             _("The database is not open"));
      /* What was queued to be read is not waited for once the repository closes. */
      else if (job->reads && g_cancellable_is_cancelled (worker->closing))
        g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The database was closed before it was read"));
      /* A read is told when the repository closes, to stop early if it runs long. */
      else
        job->result = job->func (worker->db, job->data,
                                 job->reads ? worker->closing : job->cancellable, &job->error);

      /* A read cut short as the repository closes failed for that alone. */
      if (job->reads && job->error != NULL && g_cancellable_is_cancelled (worker->closing) &&
          !g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&job->error);
          g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The database was closed before it was read"));
        }

      g_mutex_lock (&worker->running_mutex);
      worker->running = NULL;
      g_mutex_unlock (&worker->running_mutex);

      if (job->error != NULL && job->result != NULL)
        {
          g_critical ("A repository job returned both a result and an error");
          if (job->result_free != NULL)
            job->result_free (job->result);
          job->result = NULL;
        }

      if (worker->db != NULL)
        {
          g_autoptr(GHashTable) changed = six_db_take_changed (worker->db);

          /* Opening (migrations, seeding) precedes every list and every listener. */
          if (!job->opens)
            job->changes = collect_changes (changed);
        }
    }

  if (job->sync)
    {
      g_mutex_lock (&worker->mutex);
      job->finished = TRUE;
      g_cond_broadcast (&worker->cond);
      g_mutex_unlock (&worker->mutex);
      return;
    }

  post_job (worker->context, job);
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;
  gpointer job;

  while ((job = g_async_queue_pop (worker->queue)) != &stop_job)
    run_job (worker, job);

  g_clear_pointer (&worker->db, six_db_close);

  return NULL;
}

static void
on_job_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Job *job = user_data;

  /* Only a job the worker has not begun can be called off: a write that ran is reported. */
  if (!g_atomic_int_compare_and_exchange (&job->state, JOB_PENDING, JOB_CANCELLED))
    return;

  if (job->task != NULL)
    g_task_return_error_if_cancelled (job->task);
}

static void
queue_job (SixRepository *self,
           Job           *job)
{
  if (self->thread == NULL)
    {
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           _("The repository is closed"));
      post_job (self->worker->context, job);
      return;
    }

  if (job->cancellable != NULL)
    {
      job->cancelled_id = g_cancellable_connect (job->cancellable,
                                                 G_CALLBACK (on_job_cancelled_cb),
                                                 job, NULL);
      if (g_atomic_int_get (&job->state) == JOB_CANCELLED)
        {
          job_free (job);
          return;
        }
    }

  g_async_queue_push (self->worker->queue, job);
}

static void
queue_task (SixRepository       *self,
            gpointer             source_tag,
            gboolean             reads,
            SixRepositoryFunc    func,
            gpointer             data,
            GDestroyNotify       data_free,
            GDestroyNotify       result_free,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job;

  g_task_set_source_tag (task, source_tag);
  /* A job that has begun runs to the end; its outcome, not the cancellation, is reported. */
  g_task_set_check_cancellable (task, FALSE);

  job = job_new (self, func, data, data_free, result_free, cancellable);
  job->task = g_object_ref (task);
  job->reads = reads;
  queue_job (self, job);
}

static gint64
propagate_int64 (GAsyncResult  *result,
                 GError       **error)
{
  g_autofree gint64 *value = g_task_propagate_pointer (G_TASK (result), error);

  return value != NULL ? *value : 0;
}

static gpointer
open_connection (SixDb         *db,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  OpenData *data = user_data;
  g_autoptr(SixDb) opened = NULL;
  g_autoptr(GError) local_error = NULL;

  opened = six_db_open (data->path, error);
  if (opened == NULL)
    return NULL;

  /* The daily backup's full check is where a damaged index shows: such a database is not
   * written into. Any other failed backup must not lock the user out of a healthy one. */
  if (path_is_file (data->path) && !six_db_backup_daily (opened, &local_error))
    {
      if (g_error_matches (local_error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_warning ("Could not back up %s: %s", data->path, local_error->message);
      g_clear_error (&local_error);
    }

  data->worker->db = g_steal_pointer (&opened);
  /* What other processes wrote before now is read by the lists' first load. */
  if (!six_db_get_data_version (data->worker->db, &data->worker->data_version, &local_error))
    g_warning ("Could not read %s's data version: %s", data->path, local_error->message);

  return g_strdup (six_db_get_replica_id (data->worker->db));
}

static Job *
open_job_new (SixRepository *self,
              GCancellable  *cancellable)
{
  OpenData *data = g_new0 (OpenData, 1);
  Job *job;

  data->worker = self->worker;
  data->path = g_strdup (self->path);

  job = job_new (self, open_connection, data, open_data_free, g_free, cancellable);
  job->opens = TRUE;

  return job;
}

static void
open_done (SixRepository *self,
           Job           *job)
{
  if (job->error != NULL)
    return;

  g_free (self->replica_id);
  self->replica_id = g_steal_pointer (&job->result);

  job->result = g_object_ref (self);
  job->result_free = g_object_unref;
}

static gpointer
load_records (SixDb         *db,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  const SixKind *kind = user_data;
  g_autoptr(GPtrArray) records = NULL;

  records = six_db_list_records (db, kind, FALSE, FALSE, error);
  if (records == NULL)
    return NULL;

  for (guint i = records->len; i > 0; i--)
    {
      if (six_record_is_deleted (g_ptr_array_index (records, i - 1)))
        g_ptr_array_remove_index (records, i - 1);
    }

  /* The splice walks ids in byte order; don't depend on the SQL's collation for it. */
  for (guint i = 1; i < records->len; i++)
    {
      if (compare_record_ids (&records->pdata[i - 1], &records->pdata[i]) > 0)
        {
          g_ptr_array_sort (records, compare_record_ids);
          break;
        }
    }

  return g_steal_pointer (&records);
}

static void
load_records_done (SixRepository *self,
                   Job           *job)
{
  const SixKind *kind = job->data;
  SixRecordList *list;

  list = self->lists != NULL ? g_hash_table_lookup (self->lists, kind->name) : NULL;
  if (list == NULL)
    return;

  _six_record_list_set_error (list, job->error);
  if (job->error != NULL)
    g_debug ("Could not load the %s list: %s", kind->name, job->error->message);
  else
    _six_record_list_replace_all (list, job->result);

  _six_record_list_set_loading (list, FALSE);
}

static void
queue_list_load (SixRepository *self,
                 const SixKind *kind)
{
  Job *job;

  job = job_new (self, load_records, (gpointer) kind, NULL,
                 (GDestroyNotify) g_ptr_array_unref, self->closing);
  job->done = load_records_done;
  job->reads = TRUE;
  queue_job (self, job);
}

/* Returns the records that still exist, in the order of the ids. */
static gpointer
fetch_records (SixDb         *db,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  FetchData *data = user_data;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; data->ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      SixRecord *record;

      record = six_db_get_record (db, data->kind, data->ids[i], FALSE, &local_error);
      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (!g_error_matches (local_error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&records);
}

static void
fetch_records_done (SixRepository *self,
                    Job           *job)
{
  FetchData *data = job->data;
  GPtrArray *records = job->result;
  SixRecordList *list;
  guint next = 0;

  list = self->lists != NULL ? g_hash_table_lookup (self->lists, data->kind->name) : NULL;
  if (list == NULL)
    return;

  _six_record_list_set_error (list, job->error);
  if (job->error != NULL)
    {
      g_debug ("Could not refresh the %s list: %s", data->kind->name, job->error->message);
      return;
    }

  for (guint i = 0; data->ids[i] != NULL; i++)
    {
      SixRecord *record = next < records->len ? g_ptr_array_index (records, next) : NULL;

      if (record != NULL && strcmp (six_record_get_id (record), data->ids[i]) == 0)
        {
          _six_record_list_put (list, record);
          next++;
        }
      else
        {
          _six_record_list_remove (list, data->ids[i]);
        }
    }
}

/* Brings a live list up to date after a write: the changed records alone, or for a large
 * import a reload diffed against what the list holds. */
static void
refresh_list (SixRepository *self,
              const SixKind *kind,
              GStrv          ids)
{
  SixRecordList *list;
  FetchData *data;
  Job *job;

  list = self->lists != NULL ? g_hash_table_lookup (self->lists, kind->name) : NULL;
  if (list == NULL)
    return;

  /* Jobs complete in the order they ran: a write announced before the first load completed
   * ran before that load, which therefore already holds it. */
  if (six_record_list_is_loading (list))
    return;

  if (g_strv_length (ids) > RELOAD_THRESHOLD)
    {
      queue_list_load (self, kind);
      return;
    }

  data = g_new0 (FetchData, 1);
  data->kind = kind;
  data->ids = g_strdupv (ids);

  job = job_new (self, fetch_records, data, fetch_data_free,
                 (GDestroyNotify) g_ptr_array_unref, NULL);
  job->done = fetch_records_done;
  queue_job (self, job);
}

static gpointer
get_record (SixDb         *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  RecordData *data = user_data;

  return six_db_get_record (db, data->kind, data->id, TRUE, error);
}

static gpointer
apply_edits (SixDb         *db,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ApplyData *data = user_data;
  gint64 operation;

  operation = six_db_apply_edits (db, data->label, data->edits, error);
  if (operation == 0)
    return NULL;

  return box_int64 (operation);
}

static gpointer
undo_operation (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  const gint64 *operation = user_data;
  gint64 undo;

  undo = six_db_undo (db, *operation, error);
  if (undo == 0)
    return NULL;

  return box_int64 (undo);
}

/* On the worker: whether another process has written since the last look. */
static gpointer
check_data_version (SixDb         *db,
                    gpointer       user_data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Worker *worker = user_data;
  gint64 version;
  gboolean changed;

  if (!six_db_get_data_version (db, &version, error))
    return NULL;

  changed = version != worker->data_version;
  worker->data_version = version;

  return GINT_TO_POINTER (changed ? 2 : 1);
}

/* Another process wrote: which records is not known, so every list reads again (diffed, so
 * what did not change stays as it is) and every kind is announced, with no ids. */
static void
check_data_version_done (SixRepository *self,
                         Job           *job)
{
  static const char * const no_ids[] = { NULL };
  const SixKind *kinds;
  guint n_kinds;

  if (GPOINTER_TO_INT (job->result) != 2)
    return;

  kinds = six_kind_all (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      SixRecordList *list = self->lists != NULL
                            ? g_hash_table_lookup (self->lists, kinds[i].name) : NULL;

      if (list != NULL && !six_record_list_is_loading (list))
        queue_list_load (self, &kinds[i]);
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (kinds[i].name),
                     kinds[i].name, no_ids);
    }
}

static gpointer
redo_operation (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 redo = six_db_redo (db, error);

  if (redo == 0)
    return NULL;

  return box_int64 (redo);
}

static gpointer
search_records (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  SearchData *data = user_data;

  return six_db_search (db, data->query, (const char * const *) data->kinds,
                        data->limit, error);
}

static gpointer
list_operations (SixDb         *db,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return six_db_list_operations (db, GPOINTER_TO_UINT (user_data), error);
}

static gpointer
list_conflicts (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  return six_db_list_conflicts (db, GPOINTER_TO_INT (user_data), error);
}

static gpointer
restore_conflict (SixDb         *db,
                  gpointer       user_data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const gint64 *conflict = user_data;
  gint64 operation;

  operation = six_db_restore_conflict (db, *conflict, error);
  if (operation == 0)
    return NULL;

  return box_int64 (operation);
}

static SixRepository *
repository_new (const char  *path,
                GError     **error)
{
  g_autoptr(SixRepository) self = NULL;

  self = g_object_new (SIX_TYPE_REPOSITORY, "path", path, NULL);
  self->thread = g_thread_try_new ("six-repository", worker_main, self->worker, error);
  if (self->thread == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
six_repository_dispose (GObject *object)
{
  SixRepository *self = (SixRepository *)object;

  six_repository_close (self);
  g_clear_pointer (&self->lists, g_hash_table_unref);

  G_OBJECT_CLASS (six_repository_parent_class)->dispose (object);
}

static void
six_repository_finalize (GObject *object)
{
  SixRepository *self = (SixRepository *)object;

  g_clear_pointer (&self->worker, worker_free);
  g_clear_object (&self->closing);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->replica_id, g_free);

  G_OBJECT_CLASS (six_repository_parent_class)->finalize (object);
}

static void
six_repository_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SixRepository *self = SIX_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_REPLICA_ID:
      g_value_set_string (value, self->replica_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_repository_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SixRepository *self = SIX_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_repository_class_init (SixRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = six_repository_dispose;
  object_class->finalize = six_repository_finalize;
  object_class->get_property = six_repository_get_property;
  object_class->set_property = six_repository_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REPLICA_ID] =
    g_param_spec_string ("replica-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SixRepository::changed:
   * @self: the repository
   * @kind: the name of the kind written, also the signal's detail
   * @ids: (array zero-terminated=1): the ids of the records written, sorted; none when
   *   another process wrote (see six_repository_check_async ()): any may have changed
   *
   * Emitted on the repository's main context after each job that wrote, once per kind.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  (G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED),
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
six_repository_init (SixRepository *self)
{
  self->closing = g_cancellable_new ();
  self->worker = worker_new (self->closing);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/**
 * six_repository_open_async:
 * @path: a database file, or ":memory:"
 *
 * Starts the worker thread, which opens (creating or migrating) the database, checks it and
 * makes the day's backup. The repository completes its jobs and emits its signals on the
 * thread-default main context of this call.
 */
void
six_repository_open_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(SixRepository) self = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, six_repository_open_async);

  self = repository_new (path, &error);
  if (self == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  job = open_job_new (self, cancellable);
  job->task = g_object_ref (task);
  job->done = open_done;
  queue_job (self, job);
}

SixRepository *
six_repository_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_open_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Blocks until the worker has opened the database: for tests and the command line. */
SixRepository *
six_repository_open (const char  *path,
                     GError     **error)
{
  g_autoptr(SixRepository) self = NULL;
  Job *job;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = repository_new (path, error);
  if (self == NULL)
    return NULL;

  job = open_job_new (self, NULL);
  job->sync = TRUE;
  g_async_queue_push (self->worker->queue, job);

  g_mutex_lock (&self->worker->mutex);
  while (!job->finished)
    g_cond_wait (&self->worker->cond, &self->worker->mutex);
  g_mutex_unlock (&self->worker->mutex);

  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      job_free (job);
      return NULL;
    }

  self->replica_id = g_steal_pointer (&job->result);
  job_free (job);

  return g_steal_pointer (&self);
}

const char *
six_repository_get_path (SixRepository *self)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);

  return self->path;
}

const char *
six_repository_get_replica_id (SixRepository *self)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);

  return self->replica_id;
}

/* Runs the writes already queued, calls off the reads (six_repository_read_async ()),
 * closes the connection and joins the worker. Later calls fail with %G_IO_ERROR_CLOSED.
 * Disposing the repository closes it. */
void
six_repository_close (SixRepository *self)
{
  GThread *thread;
  Job *running;

  g_return_if_fail (SIX_IS_REPOSITORY (self));

  thread = g_steal_pointer (&self->thread);
  if (thread == NULL)
    return;

  /* What would only be read for lists nobody will look at again is not waited for: the
   * loads still queued are called off, and the one running is cut short. Writes run to their
   * end, in order. */
  g_cancellable_cancel (self->closing);
  g_mutex_lock (&self->worker->running_mutex);
  running = self->worker->running;
  if (running != NULL && running->reads && self->worker->db != NULL)
    six_db_interrupt (self->worker->db);
  g_mutex_unlock (&self->worker->running_mutex);

  g_async_queue_push (self->worker->queue, &stop_job);
  g_thread_join (thread);
}

/**
 * six_repository_list:
 * @kind: a kind from six_kind_lookup ()
 *
 * Returns: (transfer none): the repository's live #SixRecordList of the non-deleted records
 *   of @kind, sorted by id. The first call returns it empty with #SixRecordList:loading set,
 *   and loads it; after that, every write splices only the records it changed.
 */
GListModel *
six_repository_list (SixRepository *self,
                     const SixKind *kind)
{
  SixRecordList *list;

  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (six_kind_lookup (kind->name) == kind, NULL);

  list = g_hash_table_lookup (self->lists, kind->name);
  if (list == NULL)
    {
      list = _six_record_list_new (kind);
      g_hash_table_insert (self->lists, (gpointer) kind->name, list);
      _six_record_list_set_loading (list, TRUE);
      queue_list_load (self, kind);
    }

  return G_LIST_MODEL (list);
}

/**
 * six_repository_lookup:
 * @kind: a kind from six_kind_lookup ()
 *
 * Returns: (transfer full) (nullable): the live list's snapshot of the record @id of @kind:
 *   %NULL if it is deleted, unknown, or the list has not loaded yet
 */
SixRecord *
six_repository_lookup (SixRepository *self,
                       const SixKind *kind,
                       const char    *id)
{
  return six_record_list_lookup (SIX_RECORD_LIST (six_repository_list (self, kind)), id);
}

/**
 * six_repository_connect_lists:
 * @kind_names: the kinds whose live lists to follow
 * @callback: called as `callback (gobject)` whenever one of them changes
 * @gobject: the object the handlers live as long as
 *
 * For a view drawn from several lists: one callback, however many lists change.
 */
void
six_repository_connect_lists (SixRepository      *self,
                              const char * const *kind_names,
                              GCallback           callback,
                              gpointer            gobject)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (G_IS_OBJECT (gobject));

  for (guint i = 0; kind_names[i] != NULL; i++)
    g_signal_connect_object (six_repository_list (self, six_kind_lookup (kind_names[i])),
                             "items-changed", callback, gobject, G_CONNECT_SWAPPED);
}

/**
 * six_repository_connect_changed:
 * @kind_names: the kinds to watch
 * @callback: called as `callback (gobject)` after each job that wrote one of the kinds
 * @gobject: the object the connection lives with
 *
 * For views that read on the repository's thread instead of from its lists: unlike
 * six_repository_connect_lists (), no list is loaded to be watched.
 */
void
six_repository_connect_changed (SixRepository      *self,
                                const char * const *kind_names,
                                GCallback           callback,
                                gpointer            gobject)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (G_IS_OBJECT (gobject));

  for (guint i = 0; kind_names[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", kind_names[i], NULL);

      g_signal_connect_object (self, signal, callback, gobject, G_CONNECT_SWAPPED);
    }
}

void
six_repository_get_record_async (SixRepository       *self,
                                 const SixKind       *kind,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RecordData *data;

  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RecordData, 1);
  data->kind = kind;
  data->id = g_strdup (id);

  queue_task (self, six_repository_get_record_async, TRUE,
              get_record, data, record_data_free, g_object_unref,
              cancellable, callback, user_data);
}

/* Returns: (transfer full): the record with its stamps, tombstones included. */
SixRecord *
six_repository_get_record_finish (SixRepository  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_get_record_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
edit_copy (gconstpointer src,
           gpointer      user_data)
{
  return six_edit_ref ((SixEdit *) src);
}

/**
 * six_repository_apply_async:
 * @label: the operation's name in the undo history
 * @edits: (element-type SixEdit): the edits, applied in one transaction; not to be changed
 *   while the job runs
 *
 * A job that has begun is not cancelled: the finish function then reports its outcome.
 */
void
six_repository_apply_async (SixRepository       *self,
                            const char          *label,
                            GPtrArray           *edits,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ApplyData *data;

  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (edits != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ApplyData, 1);
  data->label = g_strdup (label);
  data->edits = g_ptr_array_copy (edits, edit_copy, NULL);
  g_ptr_array_set_free_func (data->edits, (GDestroyNotify) six_edit_unref);

  queue_task (self, six_repository_apply_async, FALSE,
              apply_edits, data, apply_data_free, g_free,
              cancellable, callback, user_data);
}

/* Returns: the operation id, or 0 with @error set. */
gint64
six_repository_apply_finish (SixRepository  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_apply_async), 0);

  return propagate_int64 (result, error);
}

void
six_repository_undo_async (SixRepository       *self,
                           gint64               operation,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_undo_async, FALSE,
              undo_operation, box_int64 (operation), g_free, g_free,
              cancellable, callback, user_data);
}

/* Returns: the id of the undoing operation, or 0 with @error set. */
gint64
six_repository_undo_finish (SixRepository  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_undo_async), 0);

  return propagate_int64 (result, error);
}

/**
 * six_repository_check_async:
 *
 * Looks, on the repository's thread, whether another process (the command line, a second
 * window) has written to the database since the last look; if so the lists read again and
 * #SixRepository::changed is emitted for every kind, with no ids, before @callback runs.
 */
void
six_repository_check_async (SixRepository       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, six_repository_check_async);
  g_task_set_check_cancellable (task, FALSE);
  job = job_new (self, check_data_version, self->worker, NULL, NULL, cancellable);
  job->done = check_data_version_done;
  job->task = g_steal_pointer (&task);
  queue_job (self, job);
}

/* Returns: whether another process had written, or %FALSE with @error set. */
gboolean
six_repository_check_finish (SixRepository  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_check_async), FALSE);

  return GPOINTER_TO_INT (g_task_propagate_pointer (G_TASK (result), error)) == 2;
}

/**
 * six_repository_redo_async:
 *
 * Redoes what the newest undo undid: six_db_redo () on the repository's thread.
 */
void
six_repository_redo_async (SixRepository       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_redo_async, FALSE, redo_operation, NULL, NULL, g_free,
              cancellable, callback, user_data);
}

/* Returns: the id of the redoing operation, or 0 with @error set. */
gint64
six_repository_redo_finish (SixRepository  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_redo_async), 0);

  return propagate_int64 (result, error);
}

void
six_repository_search_async (SixRepository       *self,
                             const char          *query,
                             const char * const  *kinds,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SearchData *data;

  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SearchData, 1);
  data->query = g_strdup (query);
  data->kinds = g_strdupv ((char **) kinds);
  data->limit = limit;

  queue_task (self, six_repository_search_async, TRUE,
              search_records, data, search_data_free, (GDestroyNotify) g_ptr_array_unref,
              cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SixRecord): the hits, best first; %NULL with
 * %G_IO_ERROR_CANCELLED for a search whose query was replaced while it ran, so that its
 * askers drop a superseded answer the usual GIO way. */
GPtrArray *
six_repository_search_finish (SixRepository  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_search_async), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (hits != NULL &&
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (G_TASK (result)), error))
    return NULL;

  return g_steal_pointer (&hits);
}

void
six_repository_list_operations_async (SixRepository       *self,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_list_operations_async, TRUE,
              list_operations, GUINT_TO_POINTER (limit), NULL,
              (GDestroyNotify) g_ptr_array_unref,
              cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SixOperation): the newest first. */
GPtrArray *
six_repository_list_operations_finish (SixRepository  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_list_operations_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
six_repository_list_conflicts_async (SixRepository       *self,
                                     gboolean             include_restored,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_list_conflicts_async, TRUE,
              list_conflicts, GINT_TO_POINTER (!!include_restored), NULL,
              (GDestroyNotify) g_ptr_array_unref,
              cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SixConflict) */
GPtrArray *
six_repository_list_conflicts_finish (SixRepository  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_list_conflicts_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
six_repository_restore_conflict_async (SixRepository       *self,
                                       gint64               conflict,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_restore_conflict_async, FALSE,
              restore_conflict, box_int64 (conflict), g_free, g_free,
              cancellable, callback, user_data);
}

/* Returns: the id of the restoring operation, or 0 with @error set. */
gint64
six_repository_restore_conflict_finish (SixRepository  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_restore_conflict_async),
                        0);

  return propagate_int64 (result, error);
}

/* A job of six_repository_run_async () or six_repository_read_async (): @reads says which. */
static void
queue_run (SixRepository       *self,
           gboolean             reads,
           SixRepositoryFunc    func,
           gpointer             user_data,
           GDestroyNotify       user_data_free,
           GDestroyNotify       result_free,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             callback_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_task (self, six_repository_run_async, reads,
              func, user_data, user_data_free, result_free,
              cancellable, callback, callback_data);
}

/**
 * six_repository_run_async:
 * @func: the work, run on the worker thread with the connection
 * @user_data_free: (nullable): frees @user_data on the repository's context when done
 * @result_free: (nullable): frees a result nobody claimed
 *
 * What @func writes is announced with #SixRepository::changed like any other write. It
 * should honour @cancellable and roll back; a job not yet begun is cancelled here.
 */
void
six_repository_run_async (SixRepository       *self,
                          SixRepositoryFunc    func,
                          gpointer             user_data,
                          GDestroyNotify       user_data_free,
                          GDestroyNotify       result_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             callback_data)
{
  queue_run (self, FALSE, func, user_data, user_data_free, result_free, cancellable, callback,
             callback_data);
}

/**
 * six_repository_read_async:
 *
 * As six_repository_run_async (), for a @func that only reads: closing the repository calls
 * it off if it has not begun; if it has, the statement it runs is interrupted (a statement it
 * begins after that runs: a long read checks the cancellable it gets, the repository's,
 * cancelled as it closes), and it fails with %G_IO_ERROR_CANCELLED. Finish with
 * six_repository_run_finish ().
 */
void
six_repository_read_async (SixRepository       *self,
                           SixRepositoryFunc    func,
                           gpointer             user_data,
                           GDestroyNotify       user_data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             callback_data)
{
  queue_run (self, TRUE, func, user_data, user_data_free, result_free, cancellable, callback,
             callback_data);
}

/* Returns: (transfer full): what the function returned. */
gpointer
six_repository_run_finish (SixRepository  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_repository_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
