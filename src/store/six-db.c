/* six-db.c — the SQLite store: opening, checks, statements, transactions, replicas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (six-store-error-quark, six_store_error)

/* The one place where SQLite result codes become our error codes. */
SixStoreError
_six_store_error_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return SIX_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return SIX_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SIX_STORE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return SIX_STORE_ERROR_CONSTRAINT;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_FULL:
      return SIX_STORE_ERROR_IO;
    default:
      return SIX_STORE_ERROR_FAILED;
    }
}

/* "PATH: MESSAGE"; a locked database says who holds it, not SQLite's "database is locked". */
void
_six_store_set_error (GError     **error,
                      int          rc,
                      const char  *path,
                      const char  *message)
{
  SixStoreError code = _six_store_error_from_sqlite (rc);

  if (code == SIX_STORE_ERROR_BUSY)
    g_set_error (error, SIX_STORE_ERROR, code,
                 _("%s: the database is locked: another Article Six (a window or a command) is "
                   "writing to it. Try again when it has finished."), path);
  else
    g_set_error (error, SIX_STORE_ERROR, code, "%s: %s", path,
                 message != NULL ? message : sqlite3_errstr (rc));
}

gboolean
_six_db_fail (SixDb   *db,
              int      rc,
              GError **error)
{
  _six_store_set_error (error, rc, db->path,
                        db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));

  return FALSE;
}

void
_six_stmt_release (SixStmt *stmt)
{
  /* Cached statements are reset, never finalized, so the next user finds them clean. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

SixStmt *
_six_db_prepare (SixDb       *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Most SQL is a literal or a kind's text, so its address finds it without hashing the text;
   * the text is compared because a freed string's address can be reused. */
  stmt = g_hash_table_lookup (db->statement_at, sql);
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    return stmt;

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _six_db_fail (db, rc, error);
          return NULL;
        }

      g_hash_table_insert (db->statements, g_strdup (sql), stmt);
    }

  g_hash_table_insert (db->statement_at, (gpointer) sql, stmt);

  return stmt;
}

/* Steps a statement that returns no rows (or whose rows are not needed). */
gboolean
_six_db_step_done (SixDb    *db,
                   SixStmt  *stmt,
                   GError  **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  return TRUE;
}

/**
 * six_db_interrupt:
 *
 * From any thread, while the connection is open: the statement running on it stops with an
 * error, and the transaction it was part of is rolled back.
 */
void
six_db_interrupt (SixDb *db)
{
  g_return_if_fail (db != NULL);

  sqlite3_interrupt (db->handle);
}

gboolean
_six_db_exec (SixDb       *db,
              const char  *sql,
              GError     **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  return _six_db_step_done (db, stmt, error);
}

void
_six_db_bind_text (SixStmt    *stmt,
                   int         index,
                   const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

guint
_six_kind_index (const SixKind *kind)
{
  guint n_kinds;
  const SixKind *all = six_kind_all (&n_kinds);

  g_assert (kind >= all && kind < all + n_kinds);

  return (guint) (kind - all);
}

const SixKindSql *
_six_db_kind_sql (SixDb         *db,
                  const SixKind *kind)
{
  return &db->kind_sql[_six_kind_index (kind)];
}

/* Same rules as the clock module: what a version vector may name. */
gboolean
_six_replica_id_is_valid (const char *replica_id)
{
  gsize len;

  if (replica_id == NULL)
    return FALSE;

  len = strlen (replica_id);
  if (len == 0 || len > SIX_REPLICA_ID_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (replica_id[i]) && replica_id[i] != '_' && replica_id[i] != '-')
      return FALSE;

  return TRUE;
}

static char *
build_insert_row (const SixKind *kind,
                  const char    *columns)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES (?1", kind->name, columns);
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, ", ?%u", i + 2);
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

static void
build_kind_sql (SixKindSql    *sql,
                const SixKind *kind)
{
  g_autoptr(GString) columns = g_string_new ("id");
  g_autoptr(GString) searchable = g_string_new (NULL);

  /* Every name is quoted: some field names ("action", "plan", "key") are SQL keywords. */
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (columns, ", \"%s\"", kind->fields[i].name);

  sql->columns = g_strdup (columns->str);
  sql->select_one = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?1",
                                     columns->str, kind->name);
  sql->select_all = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY id",
                                     columns->str, kind->name);
  sql->select_live = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE deleted = 0 ORDER BY id",
                                      columns->str, kind->name);
  sql->count_all = g_strdup_printf ("SELECT count(*) FROM \"%s\"", kind->name);
  sql->count_live = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted = 0",
                                     kind->name);
  sql->exists = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1", kind->name);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SIX_FIELD_FLAGS_SEARCHABLE)
      g_string_append_printf (searchable, ", \"%s\"", kind->fields[i].name);
  sql->select_search = g_strdup_printf ("SELECT deleted%s FROM \"%s\" WHERE id = ?1",
                                        searchable->str, kind->name);
  sql->select_search_live = g_strdup_printf ("SELECT id%s FROM \"%s\" WHERE deleted = 0 "
                                             "ORDER BY id", searchable->str, kind->name);

  sql->select_field = g_new0 (char *, kind->n_fields + 1);
  sql->insert_field = g_new0 (char *, kind->n_fields + 1);
  sql->update_field = g_new0 (char *, kind->n_fields + 1);
  sql->insert_row = build_insert_row (kind, columns->str);
  sql->insert_id = g_strdup_printf ("INSERT INTO \"%s\" (id) VALUES (?1)", kind->name);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *name = kind->fields[i].name;

      sql->select_field[i] = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1",
                                              name, kind->name);
      sql->insert_field[i] = g_strdup_printf ("INSERT INTO \"%s\" (id, \"%s\") VALUES (?1, ?2)",
                                              kind->name, name);
      sql->update_field[i] = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?2 WHERE id = ?1",
                                              kind->name, name);
    }
}

static void
clear_kind_sql (SixKindSql *sql)
{
  g_free (sql->columns);
  g_free (sql->select_one);
  g_free (sql->select_all);
  g_free (sql->select_live);
  g_free (sql->count_all);
  g_free (sql->count_live);
  g_free (sql->exists);
  g_free (sql->select_search);
  g_free (sql->select_search_live);
  g_strfreev (sql->select_field);
  g_strfreev (sql->insert_field);
  g_strfreev (sql->update_field);
  g_free (sql->insert_row);
  g_free (sql->insert_id);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gint64
db_wall_clock (gpointer user_data)
{
  SixDb *db = user_data;

  if (db->wall_func != NULL)
    return db->wall_func (db->wall_data);

  return g_get_real_time () / 1000;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GHashTable *
changed_table_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                (GDestroyNotify) g_hash_table_unref);
}

/* Creates the file with mode 0600 so the database and its -wal/-shm stay private;
 * @created says whether this call made it. */
static gboolean
create_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  int fd;

  *created = FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
                   _("%s: cannot create the folder: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* Another process created it meanwhile: it is theirs to have made private. */
      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
                   _("%s: cannot create the database: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  *created = TRUE;

  return TRUE;
}

static gboolean
query_int (SixDb       *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _six_db_fail (db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);

  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Reads the file header ourselves, so SQLite never touches (or "recovers") a file that
 * is not SQLite, is another program's, or is too new: a zero-page file's stale -wal, for
 * one, would be deleted on close. */
static gboolean
check_header (const char  *path,
              gboolean     created,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guchar header[100];
  gssize n_read = 0;
  guint32 application_id;
  guint32 user_version;
  int latest = _six_schema_get_latest ();
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
                   _("%s: cannot open the database: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  while (n_read < (gssize) sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - (gsize) n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  close (fd);

  /* Only the file we just made is a new database: an emptied one lost its data, and
   * filling it anew would soon rotate the good backups away. */
  if (n_read == 0 && created)
    return TRUE;

  if (n_read == 0)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   _("%s is empty: the database it held is lost. Restore a backup, or delete "
                     "the file to start a new database."), path);
      return FALSE;
    }

  if (n_read < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not an Article Six database"), path);
      return FALSE;
    }

  user_version = read_be32 (header + 60);
  application_id = read_be32 (header + 68);

  if (application_id != SIX_DB_APPLICATION_ID && (application_id != 0 || user_version != 0))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not an Article Six database"), path);
      return FALSE;
    }

  if (user_version > (guint32) latest)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Article Six: its format is version %u"
                   ", and this version reads up to version %d"), path, user_version, latest);
      return FALSE;
    }

  return TRUE;
}

/* Every open connection holds "<db>.lock" shared. One that gets it exclusively is alone, so a
 * -wal beside the database was left by a connection that never closed (a crash, a kill, a
 * power cut): @unclean says so, and the lock stays exclusive until the checks are done. */
static int
take_open_lock (const char  *path,
                gboolean    *unclean,
                GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  GStatBuf wal;
  int fd;

  *unclean = FALSE;
  fd = g_open (lock_path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
                   _("%s: cannot open the database: %s"), lock_path, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    *unclean = g_stat (wal_path, &wal) == 0 && wal.st_size > 0;
  else
    while (flock (fd, LOCK_SH) != 0 && errno == EINTR)
      ;

  return fd;
}

static gboolean
run_check (SixDb       *db,
           const char  *pragma,
           GError     **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, pragma, error);
  const char *result;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _six_db_fail (db, rc, error);

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   _("%s is damaged: %s"), db->path, result != NULL ? result : "no result");
      return FALSE;
    }

  return TRUE;
}

/* When the contents were last checked through and through, in ms since the epoch; 0 if never
 * or unreadable (a damaged page: the full check that follows says what is wrong). */
static gint64
read_checked_at (SixDb *db)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db,
    "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'checked_at'", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* A full check costs a read of every page: 94 % of a report's time at 100 000 records, were it
 * run at every open. It runs after an unclean shutdown (a -wal left behind), when the last
 * one is a day old or more (or stamped ahead of this clock), and on every backup before it is
 * trusted (six_db_backup ()); an open in between reads the header only. */
static gboolean
needs_full_check (SixDb    *db,
                  gboolean  unclean)
{
  gint64 checked_at;
  gint64 now;

  if (unclean)
    return TRUE;

  checked_at = read_checked_at (db);
  now = six_db_now (db);

  return checked_at <= 0 || checked_at > now || now - checked_at >= SIX_DB_CHECK_INTERVAL_MS;
}

static gboolean
record_full_check (SixDb   *db,
                   GError **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  stmt = _six_db_prepare (db,
    "INSERT INTO meta (key, value) VALUES ('checked_at', ?1) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, six_db_now (db));

  return _six_db_step_done (db, stmt, error);
}

/* Checks through SQLite, which also sees pages still in the -wal. Reads only: a file
 * refused here has not been written to (checkpoint on close is off until it passes).
 * @full_check says whether the contents were checked through and through, to be recorded
 * once writing is allowed; see needs_full_check (). */
static gboolean
check_file (SixDb     *db,
            gboolean   unclean,
            gboolean  *full_check,
            GError   **error)
{
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  int latest = _six_schema_get_latest ();

  if (!query_int (db, "PRAGMA application_id", &application_id, error))
    return FALSE;

  if (application_id != 0 && application_id != SIX_DB_APPLICATION_ID)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not an Article Six database"), db->path);
      return FALSE;
    }

  *full_check = FALSE;
  if (!query_int (db, "PRAGMA user_version", &user_version, error))
    return FALSE;

  if (user_version > latest)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Article Six: its format is version %u"
                   ", and this version reads up to version %d"),
                   db->path, (guint) CLAMP (user_version, 0, G_MAXUINT32), latest);
      return FALSE;
    }

  /* Migration 1 sets our id, so a file without it must be empty to be ours. */
  if (application_id == 0)
    {
      if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;

      if (n_objects > 0 || user_version != 0)
        {
          g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE,
                       _("%s is not an Article Six database"), db->path);
          return FALSE;
        }

      /* Empty: nothing to check. */
      return TRUE;
    }

  *full_check = needs_full_check (db, unclean);

  return !*full_check || run_check (db, "PRAGMA integrity_check(1)", error);
}

static gboolean
load_replica (SixDb       *db,
              const char  *requested,
              GError     **error)
{
  g_autofree char *replica_id = NULL;
  g_autofree char *hlc_text = NULL;

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db,
      "SELECT key, value FROM meta WHERE key IN ('replica_id', 'hlc')", error);
    int rc;

    if (stmt == NULL)
      return FALSE;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *key = (const char *) sqlite3_column_text (stmt, 0);
        const char *value = (const char *) sqlite3_column_text (stmt, 1);

        if (g_strcmp0 (key, "replica_id") == 0)
          replica_id = g_strdup (value);
        else
          hlc_text = g_strdup (value);
      }

    if (rc != SQLITE_DONE)
      return _six_db_fail (db, rc, error);
  }

  if (replica_id == NULL)
    {
      g_autoptr(SixStmt) stmt = NULL;

      /* First open: who we are is decided once and kept with the data. */
      replica_id = requested != NULL ? g_strdup (requested) : g_uuid_string_random ();

      if (!six_db_begin (db, error))
        return FALSE;

      stmt = _six_db_prepare (db, "INSERT INTO meta (key, value) VALUES ('replica_id', ?1)", error);
      if (stmt == NULL)
        goto failed;
      _six_db_bind_text (stmt, 1, replica_id);
      if (!_six_db_step_done (db, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, _six_stmt_release);

      stmt = _six_db_prepare (db,
        "INSERT OR IGNORE INTO replica (id, is_self) VALUES (?1, 1)", error);
      if (stmt == NULL)
        goto failed;
      _six_db_bind_text (stmt, 1, replica_id);
      if (!_six_db_step_done (db, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, _six_stmt_release);

      stmt = _six_db_prepare (db,
        "INSERT OR IGNORE INTO replica (id, name, is_self) VALUES (?1, 'Reference pack', 0)",
        error);
      if (stmt == NULL)
        goto failed;
      _six_db_bind_text (stmt, 1, SIX_DB_REFERENCE_REPLICA);
      if (!_six_db_step_done (db, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, _six_stmt_release);

      if (!six_db_commit (db, error))
        return FALSE;
    }

  if (requested != NULL && strcmp (requested, replica_id) != 0)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("%s is replica “%s”, not “%s”"), db->path, replica_id, requested);
      return FALSE;
    }

  if (!_six_replica_id_is_valid (replica_id))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   _("%s: the replica id “%s” is not valid"), db->path, replica_id);
      return FALSE;
    }

  db->replica_id = g_intern_string (replica_id);
  db->clock = six_hlc_clock_new (db->replica_id, db_wall_clock, db);

  /* Our clock never runs behind what we wrote before, even if the wall clock did. */
  if (hlc_text != NULL)
    {
      SixHlc last;

      if (six_hlc_parse (hlc_text, &last, NULL))
        six_hlc_clock_observe (db->clock, &last, NULL);
    }

  return TRUE;

failed:
  six_db_rollback (db);
  return FALSE;
}

/* SQLite checkpoints every 1000 pages by default, which in a bulk write copies the pages back
 * after nearly every commit; less often, a page rewritten by many commits is copied once.
 * After a checkpoint the -wal file is cut back to the same size. */
static gboolean
set_wal_limits (SixDb   *db,
                GError **error)
{
  g_autofree char *checkpoint = g_strdup_printf ("PRAGMA wal_autocheckpoint = %d",
                                                 SIX_DB_WAL_CHECKPOINT_PAGES);
  g_autofree char *size_limit = g_strdup_printf ("PRAGMA journal_size_limit = %d",
                                                 SIX_DB_WAL_CHECKPOINT_PAGES * 4096);

  return _six_db_exec (db, checkpoint, error) && _six_db_exec (db, size_limit, error);
}

/* Reads map the database file instead of copying every page out of the kernel with a
 * system call: a whole-database export reads each page once and spends a sixth of its time
 * on those copies otherwise. The map is read-only (a stray write faults instead of reaching
 * the file), and a file larger than the map is read the usual way past its end. */
static gboolean
set_mmap_size (SixDb   *db,
               GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT,
                                          (gint64) SIX_DB_MMAP_BYTES);

  return _six_db_exec (db, sql, error);
}

/**
 * six_db_open:
 * @path: a file name, or ":memory:"
 *
 * Opens (creating with mode 0600 if needed) and migrates a database. A file that is
 * not ours, damaged, or newer than this program is refused and left untouched.
 */
SixDb *
six_db_open (const char  *path,
             GError     **error)
{
  return six_db_open_full (path, NULL, error);
}

/**
 * six_db_open_full:
 * @replica_id: (nullable): the replica a new database is, such as "reference" for the
 *   pack generator; %NULL for a random one. An existing database must already be it.
 */
SixDb *
six_db_open_full (const char  *path,
                  const char  *replica_id,
                  GError     **error)
{
  g_autoptr(SixDb) db = NULL;
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  gboolean created = FALSE;
  gboolean unclean = FALSE;
  gboolean full_check = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (replica_id == NULL || _six_replica_id_is_valid (replica_id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, ":memory:") != 0 &&
      (!create_private_file (path, &created, error) || !check_header (path, created, error)))
    return NULL;

  db = g_new0 (SixDb, 1);
  db->path = g_strdup (path);
  db->open_lock = -1;
  if (strcmp (path, ":memory:") != 0 &&
      (db->open_lock = take_open_lock (path, &unclean, error)) < 0)
    return NULL;

  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  db->pending = changed_table_new ();
  db->changed = changed_table_new ();
  db->statement_at = g_hash_table_new (g_direct_hash, g_direct_equal);
  db->operations = g_array_new (FALSE, FALSE, sizeof (SixDbOperation));
  db->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  db->kind_sql = g_new0 (SixKindSql, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    build_kind_sql (&db->kind_sql[i], &kinds[i]);

  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, 5000);
  sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (!check_file (db, unclean, &full_check, error))
    return NULL;

  /* Checked: others may open it alongside now. */
  if (db->open_lock >= 0)
    flock (db->open_lock, LOCK_SH);

  sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  /* Only now may we write: the file is empty or ours, sound, and not too new. */
  if (!_six_db_exec (db, "PRAGMA journal_mode = WAL", error) ||
      !_six_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      !_six_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !_six_db_exec (db, "PRAGMA busy_timeout = 5000", error) ||
      !set_wal_limits (db, error) ||
      !set_mmap_size (db, error))
    return NULL;

  if (!_six_schema_migrate (db, error))
    return NULL;

  db->schema_version = _six_schema_get_latest ();

  if (full_check && !record_full_check (db, error))
    return NULL;

  if (!load_replica (db, replica_id, error))
    return NULL;

  return g_steal_pointer (&db);
}

void
six_db_close (SixDb *db)
{
  guint n_kinds;

  if (db == NULL)
    return;

  if (db->depth > 0 && db->handle != NULL)
    {
      db->depth = 1;
      six_db_rollback (db);
    }

  /* Statements first: sqlite3_close () refuses a connection with live statements. */
  g_clear_pointer (&db->statement_at, g_hash_table_unref);
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  if (db->open_lock >= 0)
    close (db->open_lock);

  six_kind_all (&n_kinds);
  if (db->kind_sql != NULL)
    for (guint i = 0; i < n_kinds; i++)
      clear_kind_sql (&db->kind_sql[i]);

  g_free (db->kind_sql);
  g_clear_pointer (&db->clock, six_hlc_clock_free);
  g_clear_pointer (&db->pending, g_hash_table_unref);
  g_clear_pointer (&db->changed, g_hash_table_unref);
  g_clear_pointer (&db->operations, g_array_unref);
  g_clear_pointer (&db->created, g_hash_table_unref);
  g_free (db->path);
  g_free (db);
}

const char *
six_db_get_path (SixDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

const char *
six_db_get_replica_id (SixDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->replica_id;
}

int
six_db_get_schema_version (SixDb *db)
{
  g_return_val_if_fail (db != NULL, 0);

  return db->schema_version;
}

/**
 * six_db_get_data_version:
 * @version: (out): SQLite's data_version for this connection
 *
 * The number changes when another connection, another process's say, commits to the
 * database; this connection's own writes leave it alone.
 */
gboolean
six_db_get_data_version (SixDb    *db,
                         gint64   *version,
                         GError  **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  stmt = _six_db_prepare (db, "PRAGMA data_version", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _six_db_fail (db, rc, error);
  *version = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

int
six_db_get_latest_version (void)
{
  return _six_schema_get_latest ();
}

/* For tests: stamps and backup names then follow @func (ms since the epoch). */
void
six_db_set_wall_clock (SixDb            *db,
                       SixWallClockFunc  func,
                       gpointer          user_data)
{
  g_return_if_fail (db != NULL);

  db->wall_func = func;
  db->wall_data = user_data;
}

gint64
six_db_now (SixDb *db)
{
  g_return_val_if_fail (db != NULL, 0);

  return db_wall_clock (db);
}

SixHlcClock *
six_db_get_clock (SixDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->clock;
}

/**
 * six_db_begin:
 *
 * Starts a write transaction, or a savepoint inside the open one, so a failed inner
 * write rolls back alone and only the outermost six_db_commit () commits.
 */
gboolean
six_db_begin (SixDb   *db,
              GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT six_%u", db->depth);

  if (!_six_db_exec (db, sql, error))
    return FALSE;

  db->depth++;

  return TRUE;
}

static void
merge_changed (GHashTable *into,
               GHashTable *from)
{
  GHashTableIter kinds;
  gpointer kind;
  gpointer ids;

  g_hash_table_iter_init (&kinds, from);
  while (g_hash_table_iter_next (&kinds, &kind, &ids))
    {
      GHashTable *target = g_hash_table_lookup (into, kind);
      GHashTableIter iter;
      gpointer id;
      gpointer flags;

      if (target == NULL)
        {
          g_hash_table_insert (into, kind, g_hash_table_ref (ids));
          continue;
        }

      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, &flags))
        {
          gpointer old = g_hash_table_lookup (target, id);

          g_hash_table_insert (target, g_strdup (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (old) |
                                                 GPOINTER_TO_UINT (flags)));
        }
    }
}

static gboolean
save_hlc (SixDb   *db,
          GError **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autofree char *text = NULL;
  SixHlc now;

  /* A tick is at least every stamp handed out so far; reopening resumes after it. */
  six_hlc_clock_tick (db->clock, &now);
  text = six_hlc_to_string (&now);

  stmt = _six_db_prepare (db,
    "INSERT INTO meta (key, value) VALUES ('hlc', ?1) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, text);

  return _six_db_step_done (db, stmt, error);
}

gboolean
six_db_commit (SixDb   *db,
               GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->depth > 0, FALSE);

  if (db->depth > 1)
    {
      sql = g_strdup_printf ("RELEASE six_%u", db->depth - 1);
      if (!_six_db_exec (db, sql, error))
        {
          six_db_rollback (db);
          return FALSE;
        }
      db->depth--;
      return TRUE;
    }

  /* Derived data is brought up to date inside the same transaction. */
  if (!_six_db_flush_operations (db, error) ||
      (g_hash_table_size (db->pending) > 0 &&
       (!_six_db_refresh_search (db, db->pending, error) || !save_hlc (db, error))))
    {
      six_db_rollback (db);
      return FALSE;
    }

  /* A deferred foreign key that fails here leaves the transaction open: roll it back. */
  if (!_six_db_exec (db, "COMMIT", error))
    {
      six_db_rollback (db);
      return FALSE;
    }

  db->depth = 0;
  g_array_set_size (db->operations, 0);
  g_hash_table_remove_all (db->created);
  merge_changed (db->changed, db->pending);
  g_hash_table_remove_all (db->pending);

  return TRUE;
}

void
six_db_rollback (SixDb *db)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (db != NULL);

  if (db->depth == 0)
    return;

  /* After some errors (disk full, I/O) SQLite has already rolled everything back. */
  if (sqlite3_get_autocommit (db->handle))
    db->depth = 1;

  if (db->depth == 1)
    {
      if (!sqlite3_get_autocommit (db->handle) && !_six_db_exec (db, "ROLLBACK", &error))
        g_debug ("Rollback failed: %s", error->message);

      db->depth = 0;
      g_array_set_size (db->operations, 0);
      g_hash_table_remove_all (db->created);
      g_hash_table_remove_all (db->pending);
      return;
    }
  else
    {
      g_autofree char *rollback = g_strdup_printf ("ROLLBACK TO six_%u", db->depth - 1);
      g_autofree char *release = g_strdup_printf ("RELEASE six_%u", db->depth - 1);

      if (!_six_db_exec (db, rollback, &error) || !_six_db_exec (db, release, &error))
        g_debug ("Rollback to savepoint failed: %s", error->message);

      db->depth--;
    }
}

gboolean
six_db_set_replica_name (SixDb       *db,
                         const char  *replica_id,
                         const char  *name,
                         const char  *organisation,
                         GError     **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!_six_replica_id_is_valid (replica_id))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("“%s” is not a valid replica id"), replica_id != NULL ? replica_id : "");
      return FALSE;
    }

  if (!six_db_begin (db, error))
    return FALSE;

  stmt = _six_db_prepare (db,
    "INSERT INTO replica (id, name, organisation) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation",
    error);
  if (stmt == NULL)
    goto failed;

  _six_db_bind_text (stmt, 1, replica_id);
  _six_db_bind_text (stmt, 2, name);
  _six_db_bind_text (stmt, 3, organisation);
  if (!_six_db_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, _six_stmt_release);

  return six_db_commit (db, error);

failed:
  six_db_rollback (db);
  return FALSE;
}

/* The person's name, else the organisation, else %NULL. */
char *
six_db_dup_replica_name (SixDb      *db,
                         const char *replica_id)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (replica_id != NULL, NULL);

  stmt = _six_db_prepare (db, "SELECT coalesce (name, organisation) FROM replica WHERE id = ?1",
                          &error);
  if (stmt == NULL)
    {
      g_debug ("%s", error->message);
      return NULL;
    }

  _six_db_bind_text (stmt, 1, replica_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  name = (const char *) sqlite3_column_text (stmt, 0);

  return g_strdup (name);
}

GHashTable *
six_db_take_changed (SixDb *db)
{
  GHashTable *result;
  GHashTableIter kinds;
  gpointer kind;
  gpointer ids;

  g_return_val_if_fail (db != NULL, NULL);

  result = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_ptr_array_unref);

  g_hash_table_iter_init (&kinds, db->changed);
  while (g_hash_table_iter_next (&kinds, &kind, &ids))
    {
      GPtrArray *array = g_ptr_array_new_full (g_hash_table_size (ids), g_free);
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_ptr_array_add (array, g_strdup (id));

      /* Sorted, so callers see a stable order. */
      g_ptr_array_sort (array, compare_strings);
      g_hash_table_insert (result, (gpointer) ((const SixKind *) kind)->name, array);
    }

  g_hash_table_remove_all (db->changed);

  return result;
}

void
_six_db_mark_changed (SixDb             *db,
                      const SixKind     *kind,
                      const char        *id,
                      SixDbChangedFlags  flags)
{
  GHashTable *ids = g_hash_table_lookup (db->pending, kind);
  gpointer old;

  if (ids == NULL)
    {
      ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (db->pending, (gpointer) kind, ids);
    }

  old = g_hash_table_lookup (ids, id);
  if (old == NULL)
    g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (flags));
  else
    g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | flags));
}
