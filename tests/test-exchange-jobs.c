/* test-exchange-jobs.c — tests for the window's import: the file read on a thread of its own,
 * then resolved, planned and applied on the repository's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-exchange-jobs.h"
#include "six-exchange-reader.h"
#include "six-repository-run.h"
#include "test-gate.h"

#include <gio/gio.h>

/* A safety net for a test that would otherwise hang: no test waits for time to pass. */
#define WAIT_TIMEOUT_S 120

/* held-references.a6.json refers to two States and a request that all-private.a6.json holds. */
#define HELD_FILE "held-references.a6.json"
#define HOLDINGS_FILE "good/all-private.a6.json"

static GThread *main_thread;

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);

  return g_file_new_for_path (path);
}

static SixRepository *
open_repository (void)
{
  g_autoptr(GError) error = NULL;
  SixRepository *repository = six_repository_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (repository);

  return repository;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("still waiting after %d seconds", WAIT_TIMEOUT_S);

  return G_SOURCE_REMOVE;
}

static void
spin_until (const gboolean *done)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timeout_cb, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* --- an import, run to its end ------------------------------------------------------------ */

typedef struct
{
  SixImportOutcome *outcome;
  GError           *error;
  gboolean          done;
  guint             n_reports;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->outcome, six_import_outcome_free);
  g_clear_error (&run->error);
  run->done = FALSE;
  run->n_reports = 0;
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Run *run = user_data;

  /* On the caller's context, and never once the import has called back. */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_false (run->done);
  run->n_reports++;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->outcome = six_import_run_finish (SIX_REPOSITORY (object), result, &run->error);
  run->done = TRUE;
}

static void
start_import (SixRepository   *repository,
              GFile           *file,
              SixExchangeFile *exchange,
              gboolean         dry_run,
              GCancellable    *cancellable,
              Run             *run)
{
  run_clear (run);
  six_import_run_async (repository, file, exchange, dry_run, on_progress, run, cancellable,
                        imported_cb, run);
}

static void
run_import (SixRepository   *repository,
            GFile           *file,
            SixExchangeFile *exchange,
            gboolean         dry_run,
            Run             *run)
{
  start_import (repository, file, exchange, dry_run, NULL, run);
  spin_until (&run->done);

  /* Reports still queued when it called back are dropped, not delivered late. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* --- a query on the repository's thread --------------------------------------------------- */

typedef struct
{
  const char *kind;
  GThread    *thread;     /* the repository's worker, which ran it */
  gint64      n_records;  /* of the kind, tombstones included */
  gboolean    done;
} Query;

static gpointer
count_records (SixDb         *db,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  Query *query = user_data;

  query->thread = g_thread_self ();
  query->n_records = six_db_count_records (db, six_kind_lookup (query->kind), TRUE);

  return g_strdup ("counted");
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Query *query = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (answer, ==, "counted");
  query->done = TRUE;
}

static void
run_query (SixRepository *repository,
           Query         *query)
{
  query->done = FALSE;
  six_repository_run_async (repository, count_records, query, NULL, g_free, NULL, counted_cb,
                            query);
  spin_until (&query->done);
}

/* --- a file whose reading waits at a gate the test opens ---------------------------------- */

#define TEST_TYPE_GATED_FILE (test_gated_file_get_type ())

G_DECLARE_FINAL_TYPE (TestGatedFile, test_gated_file, TEST, GATED_FILE, GObject)

/* A GFile that reads another, once its gate opens. */
struct _TestGatedFile
{
  GObject  parent_instance;

  GFile   *inner;
  TestGate *gate;
};

static void test_gated_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestGatedFile, test_gated_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, test_gated_file_iface_init))

static GFile *gated_file_new (GFile    *inner,
                              TestGate *gate);

static GFile *
gated_file_dup (GFile *file)
{
  TestGatedFile *self = TEST_GATED_FILE (file);

  return gated_file_new (self->inner, self->gate);
}

static guint
gated_file_hash (GFile *file)
{
  return g_file_hash (TEST_GATED_FILE (file)->inner);
}

static gboolean
gated_file_equal (GFile *file,
                  GFile *other)
{
  return g_file_equal (TEST_GATED_FILE (file)->inner, TEST_GATED_FILE (other)->inner);
}

static gboolean
gated_file_is_native (GFile *file)
{
  return TRUE;
}

static char *
gated_file_get_basename (GFile *file)
{
  return g_file_get_basename (TEST_GATED_FILE (file)->inner);
}

static char *
gated_file_get_path (GFile *file)
{
  return g_file_get_path (TEST_GATED_FILE (file)->inner);
}

static char *
gated_file_get_uri (GFile *file)
{
  return g_file_get_uri (TEST_GATED_FILE (file)->inner);
}

static char *
gated_file_get_parse_name (GFile *file)
{
  return g_file_get_parse_name (TEST_GATED_FILE (file)->inner);
}

static GFileInfo *
gated_file_query_info (GFile                *file,
                       const char           *attributes,
                       GFileQueryInfoFlags   flags,
                       GCancellable         *cancellable,
                       GError              **error)
{
  return g_file_query_info (TEST_GATED_FILE (file)->inner, attributes, flags, cancellable,
                            error);
}

/* Waits, on the reading thread, until the test opens the gate. */
static GFileInputStream *
gated_file_read (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  TestGatedFile *self = TEST_GATED_FILE (file);

  test_gate_pass (self->gate);

  return g_file_read (self->inner, cancellable, error);
}

static void
test_gated_file_iface_init (GFileIface *iface)
{
  iface->dup = gated_file_dup;
  iface->hash = gated_file_hash;
  iface->equal = gated_file_equal;
  iface->is_native = gated_file_is_native;
  iface->get_basename = gated_file_get_basename;
  iface->get_path = gated_file_get_path;
  iface->get_uri = gated_file_get_uri;
  iface->get_parse_name = gated_file_get_parse_name;
  iface->query_info = gated_file_query_info;
  iface->read_fn = gated_file_read;
}

static void
test_gated_file_finalize (GObject *object)
{
  g_clear_object (&TEST_GATED_FILE (object)->inner);

  G_OBJECT_CLASS (test_gated_file_parent_class)->finalize (object);
}

static void
test_gated_file_class_init (TestGatedFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_gated_file_finalize;
}

static void
test_gated_file_init (TestGatedFile *self)
{
}

static GFile *
gated_file_new (GFile    *inner,
                TestGate *gate)
{
  TestGatedFile *self = g_object_new (TEST_TYPE_GATED_FILE, NULL);

  self->inner = g_object_ref (inner);
  self->gate = gate;

  return G_FILE (self);
}

/* --- tests -------------------------------------------------------------------------------- */

/* The window's import takes a file that refers to States and a request held here without
 * carrying them: the dry run plans it and the apply writes the very file the plan read. */
static void
test_import_held (void)
{
  g_autoptr(SixRepository) repository = open_repository ();
  g_autoptr(GFile) holdings = data_file (HOLDINGS_FILE);
  g_autoptr(GFile) held = data_file (HELD_FILE);
  g_autoptr(GFile) gone = g_file_new_for_path ("/nonexistent/" HELD_FILE);
  g_autoptr(SixExchangeFile) planned = NULL;
  Run run = { 0 };

  run_import (repository, holdings, NULL, FALSE, &run);
  g_assert_no_error (run.error);

  run_import (repository, held, NULL, TRUE, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.outcome->preview);
  g_assert_cmpuint (run.outcome->result->counts.n_new, ==, 1);
  g_assert_cmpuint (six_exchange_file_get_outside_refs (run.outcome->exchange)->len, ==, 3);
  g_assert_cmpuint (run.n_reports, >, 0);
  planned = g_object_ref (run.outcome->exchange);

  /* Applied from the plan's file: the path is not read again (it no longer exists). */
  run_import (repository, gone, planned, FALSE, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.outcome->exchange == planned);
  g_assert_cmpuint (run.outcome->result->counts.n_new, ==, 1);
  g_assert_cmpint (run.outcome->result->operation, >, 0);

  run_clear (&run);
}

/* A reference held nowhere refuses the file with the words and path a read that asked the
 * store gave, and the store is left as it was. */
static void
test_import_not_held (void)
{
  g_autoptr(SixRepository) repository = open_repository ();
  g_autoptr(GFile) held = data_file (HELD_FILE);
  Run run = { 0 };
  Query query = { "contribution" };

  run_import (repository, held, NULL, TRUE, &run);
  g_assert_error (run.error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
  g_assert_null (run.outcome);
  g_assert_cmpstr (six_exchange_error_get_path (run.error), ==, "records[0].values.donor");
  g_assert_cmpstr (run.error->message, ==, HELD_FILE ": records[0].values.donor: “FRA” is "
                   "neither in this file nor held here as a record of kind country or "
                   "organisation");

  run_import (repository, held, NULL, FALSE, &run);
  g_assert_error (run.error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
  run_query (repository, &query);
  g_assert_cmpint (query.n_records, ==, 0);

  run_clear (&run);
}

/* The file is read on a thread that is neither the caller's nor the repository's, which
 * stays free meanwhile: a query queued while the reading waits at a gate completes. */
static void
test_import_read_off_database_thread (void)
{
  g_autoptr(SixRepository) repository = open_repository ();
  g_autoptr(GFile) holdings = data_file (HOLDINGS_FILE);
  g_autoptr(GFile) gated = NULL;
  GThread *reader;
  TestGate gate;
  Run run = { 0 };
  Query before = { "country" };
  Query during = { "country" };

  test_gate_init (&gate);
  gated = gated_file_new (holdings, &gate);
  run_query (repository, &before);

  start_import (repository, gated, NULL, TRUE, NULL, &run);
  reader = test_gate_wait_reached (&gate);
  g_assert_true (reader != before.thread);
  g_assert_true (reader != main_thread);

  run_query (repository, &during);
  g_assert_true (during.thread == before.thread);
  g_assert_false (run.done);

  test_gate_open (&gate);
  spin_until (&run.done);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.outcome->result->counts.n_new, >, 0);

  run_clear (&run);
  test_gate_clear (&gate);
}

/* Signals, on the repository's thread, that every job queued before it has run. */
static gpointer
reach_gate (SixDb         *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  test_gate_reach (user_data);

  return g_strdup ("counted");
}

/* Progress is queued to the caller's context even while the caller's thread is busy and does
 * not hold that context: it is never run on the repository's thread (on_progress checks). */
static void
test_import_progress_queued (void)
{
  g_autoptr(SixRepository) repository = open_repository ();
  g_autoptr(GFile) holdings = data_file (HOLDINGS_FILE);
  g_autoptr(SixExchangeFile) planned = NULL;
  TestGate gate;
  Run run = { 0 };
  Query query = { "country" };

  run_import (repository, holdings, NULL, TRUE, &run);
  g_assert_no_error (run.error);
  planned = g_object_ref (run.outcome->exchange);

  /* Applied from the plan, so nothing waits on this thread before the repository merges; the
   * thread then blocks, without iterating, until the merge has run. */
  test_gate_init (&gate);
  start_import (repository, holdings, planned, FALSE, NULL, &run);
  query.done = FALSE;
  six_repository_run_async (repository, reach_gate, &gate, NULL, g_free, NULL, counted_cb,
                            &query);
  test_gate_wait_reached (&gate);
  g_assert_cmpuint (run.n_reports, ==, 0);

  spin_until (&run.done);
  spin_until (&query.done);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.n_reports, >, 0);
  g_assert_cmpuint (run.outcome->result->counts.n_new, >, 0);

  run_clear (&run);
  test_gate_clear (&gate);
}

/* An import cancelled while its file is read stops there and writes nothing. */
static void
test_import_cancelled_while_reading (void)
{
  g_autoptr(SixRepository) repository = open_repository ();
  g_autoptr(GFile) holdings = data_file (HOLDINGS_FILE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) gated = NULL;
  TestGate gate;
  Run run = { 0 };
  Query query = { "country" };

  test_gate_init (&gate);
  gated = gated_file_new (holdings, &gate);

  start_import (repository, gated, NULL, FALSE, cancellable, &run);
  test_gate_wait_reached (&gate);
  g_cancellable_cancel (cancellable);
  test_gate_open (&gate);
  spin_until (&run.done);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.outcome);
  run_query (repository, &query);
  g_assert_cmpint (query.n_records, ==, 0);

  run_clear (&run);
  test_gate_clear (&gate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  main_thread = g_thread_self ();

  g_test_add_func ("/views/exchange-jobs/import/held", test_import_held);
  g_test_add_func ("/views/exchange-jobs/import/not-held", test_import_not_held);
  g_test_add_func ("/views/exchange-jobs/import/read-off-database-thread",
                   test_import_read_off_database_thread);
  g_test_add_func ("/views/exchange-jobs/import/progress-queued",
                   test_import_progress_queued);
  g_test_add_func ("/views/exchange-jobs/import/cancelled-while-reading",
                   test_import_cancelled_while_reading);

  return g_test_run ();
}
