/* six-db-backup.c — automatic backups with the SQLite backup API, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-backup"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"
#include "six-part-file.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BACKUP_PREFIX "article-six-"
#define BACKUP_SUFFIX ".db"
#define BACKUPS_KEPT 5

/* "yyyymmdd-hhmmss" */
#define TIMESTAMP_LEN 15

static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *path,
          const char  *what)
{
  g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
               "%s: %s: %s", path, what, g_strerror (saved_errno));

  return FALSE;
}

static char *
backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
format_timestamp (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  if (time == NULL)
    return g_strdup ("00000000-000000");

  return g_date_time_format (time, "%Y%m%d-%H%M%S");
}

/* The time in a backup's name, in ms since the epoch, or -1 if it is not one of ours. */
static gint64
parse_backup_name (const char *name)
{
  g_autoptr(GDateTime) time = NULL;
  const char *stamp;
  guint digits[14];
  guint n = 0;

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return -1;

  stamp = name + strlen (BACKUP_PREFIX);
  if (strlen (stamp) < TIMESTAMP_LEN + strlen (BACKUP_SUFFIX) || stamp[8] != '-')
    return -1;

  for (guint i = 0; i < TIMESTAMP_LEN; i++)
    {
      if (i == 8)
        continue;
      if (!g_ascii_isdigit (stamp[i]))
        return -1;
      digits[n++] = (guint) (stamp[i] - '0');
    }

  time = g_date_time_new_utc ((int) (digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 +
                                     digits[3]),
                              (int) (digits[4] * 10 + digits[5]),
                              (int) (digits[6] * 10 + digits[7]),
                              (int) (digits[8] * 10 + digits[9]),
                              (int) (digits[10] * 10 + digits[11]),
                              digits[12] * 10 + digits[13]);
  if (time == NULL)
    return -1;

  return g_date_time_to_unix (time) * 1000;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Our backups in @dir, oldest first (the names sort by time). */
static GPtrArray *
list_backups (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return g_steal_pointer (&names);

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;

      if (parse_backup_name (name) < 0)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }

  g_ptr_array_sort (names, compare_paths);

  return g_steal_pointer (&names);
}

static guint32
read_be (const guchar *bytes,
         guint         n)
{
  guint32 value = 0;

  for (guint i = 0; i < n; i++)
    value = (value << 8) | bytes[i];

  return value;
}

/* What a kill mid-write leaves is caught by the header alone: ours, of a schema we know, and
 * exactly as long as its page count says. Cheap enough to run on every backup in a listing. */
static gboolean
backup_looks_whole (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  guchar header[100];
  GStatBuf info;
  guint32 page_size;
  guint32 user_version;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  if (fstat (fd, &info) != 0)
    n = -1;
  close (fd);

  if (n != (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0 ||
      read_be (header + 68, 4) != SIX_DB_APPLICATION_ID)
    return FALSE;

  user_version = read_be (header + 60, 4);
  page_size = read_be (header + 16, 2);
  if (page_size == 1)
    page_size = 65536;

  /* The page count is only meaningful when the header says it is current. */
  return user_version >= 1 && user_version <= (guint32) _six_schema_get_latest () &&
         read_be (header + 92, 4) == read_be (header + 24, 4) &&
         (gint64) info.st_size == (gint64) page_size * read_be (header + 28, 4);
}

static gboolean
query_check (sqlite3    *handle,
             const char *sql,
             gint64      min,
             gint64      max,
             const char *expect)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = expect != NULL
         ? g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expect) == 0
         : sqlite3_column_int64 (stmt, 0) >= min && sqlite3_column_int64 (stmt, 0) <= max;

  sqlite3_finalize (stmt);

  return ok;
}

/* Opens @path without writing to it (not even a -wal or -shm) and checks it through and
 * through: ours, of a schema version this program reads, and sound in every index. */
static gboolean
check_backup (const char  *path,
              GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  sqlite3 *handle = NULL;
  gboolean ours = FALSE;
  gboolean sound = FALSE;

  if (sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    {
      ours = query_check (handle, "PRAGMA application_id", SIX_DB_APPLICATION_ID,
                          SIX_DB_APPLICATION_ID, NULL) &&
             query_check (handle, "PRAGMA user_version", 1, _six_schema_get_latest (), NULL);
      sound = ours && query_check (handle, "PRAGMA integrity_check(1)", 0, 0, "ok");
    }
  sqlite3_close (handle);

  if (!ours)
    g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE,
                 _("%s is not an Article Six database this version can read"), path);
  else if (!sound)
    g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT, _("%s is damaged"), path);

  return ours && sound;
}

/**
 * six_db_find_latest_backup:
 *
 * Returns: (transfer full) (nullable): the newest backup of @db_path that passes the full
 *   check (integrity, application id, schema version); damaged ones are skipped.
 */
char *
six_db_find_latest_backup (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = backup_dir (db_path);
  backups = list_backups (dir);
  for (guint i = backups->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;

      if (check_backup (backups->pdata[i - 1], &error))
        return g_strdup (backups->pdata[i - 1]);
      g_debug ("Skipping a backup: %s", error->message);
    }

  return NULL;
}

static char *
sanitize_reason (const char *reason)
{
  GString *safe = g_string_new (NULL);

  /* The reason becomes part of a file name: keep it to harmless characters. */
  for (const char *p = reason != NULL ? reason : ""; *p != '\0' && safe->len < 32; p++)
    g_string_append_c (safe, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '-');

  if (safe->len == 0)
    g_string_append (safe, "manual");

  return g_string_free (safe, FALSE);
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Cannot remove %s: %s", path, g_strerror (errno));
  g_unlink (journal);
}

/* Gives the checked @part its backup name, never replacing another backup. */
static char *
publish_backup (const char  *dir,
                const char  *stamp,
                const char  *reason,
                const char  *part,
                GError     **error)
{
  for (guint n = 1; n <= 100; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (n == 1)
        name = g_strdup_printf (BACKUP_PREFIX "%s-%s" BACKUP_SUFFIX, stamp, reason);
      else
        name = g_strdup_printf (BACKUP_PREFIX "%s-%s-%u" BACKUP_SUFFIX, stamp, reason, n);

      path = g_build_filename (dir, name, NULL);
      if (link (part, path) == 0)
        {
          g_unlink (part);
          return g_steal_pointer (&path);
        }

      if (errno == EEXIST)
        continue;

      /* A file system without hard links: rename, after checking the name is free. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (part, path) == 0)
        return g_steal_pointer (&path);

      io_error (error, errno, path, "cannot name the backup");
      return NULL;
    }

  g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_IO,
               _("%s: too many backups with the same time"), dir);

  return NULL;
}

static gboolean
copy_database (SixDb       *db,
               const char  *path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db->handle, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      _six_store_set_error (error, rc, path, dest != NULL ? sqlite3_errmsg (dest) : NULL);
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIX_STORE_ERROR, _six_store_error_from_sqlite (rc),
                   "%s: %s", path, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Keeps the newest BACKUPS_KEPT whole backups and whatever is newer than the oldest of
 * them; a broken backup never counts, so it never pushes a good one out. */
static void
prune_backups (const char *dir)
{
  g_autoptr(GPtrArray) backups = list_backups (dir);
  guint n_whole = 0;
  guint i;

  for (i = backups->len; i > 0 && n_whole < BACKUPS_KEPT; i--)
    if (backup_looks_whole (backups->pdata[i - 1]))
      n_whole++;

  for (; i > 0; i--)
    remove_with_journal (backups->pdata[i - 1]);
}

/**
 * six_db_backup:
 * @reason: a word for the file name ("import", "daily")
 *
 * Copies the database into `backups/` next to it, with mode 0600: written under a
 * temporary name, checked in full (integrity, application id, schema version), then
 * renamed, so a kill leaves no file that looks like a backup. Keeps the newest five whole
 * backups. A copy that fails the check means the database itself is damaged: the error is
 * %SIX_STORE_ERROR_CORRUPT. Must not be called inside a transaction.
 *
 * Returns: (transfer full): the backup's path
 */
char *
six_db_backup (SixDb       *db,
               const char  *reason,
               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *safe_reason = NULL;
  g_autofree char *part = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) check_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (db->depth == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (db->path, ":memory:") == 0)
    {
      g_set_error_literal (error, SIX_STORE_ERROR, SIX_STORE_ERROR_FAILED,
                           _("An in-memory database cannot be backed up"));
      return NULL;
    }

  dir = backup_dir (db->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      io_error (error, errno, dir, "cannot create the backup folder");
      return NULL;
    }

  /* Written under a hidden name of its own, 0600 before SQLite writes personal data into it;
   * only a checked copy gets a backup's name. */
  six_part_files_sweep (dir);
  part = six_part_file_create (dir, "article-six-backup");
  if (part == NULL)
    {
      io_error (error, errno, dir, "cannot create the backup");
      return NULL;
    }

  /* The copy has every page of the database, so a damaged index shows in the copy too. */
  if (!copy_database (db, part, error) || !check_backup (part, &check_error))
    {
      if (check_error != NULL)
        g_set_error (error, SIX_STORE_ERROR, check_error->code,
                     _("%s is damaged: its copy fails the integrity check"), db->path);
      remove_with_journal (part);
      return NULL;
    }

  stamp = format_timestamp (six_db_now (db));
  safe_reason = sanitize_reason (reason);
  path = publish_backup (dir, stamp, safe_reason, part, error);
  if (path == NULL)
    {
      remove_with_journal (part);
      return NULL;
    }

  prune_backups (dir);

  return g_steal_pointer (&path);
}

static char *
find_latest_whole_backup (const char *db_path)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = backups->len; i > 0; i--)
    if (backup_looks_whole (backups->pdata[i - 1]))
      return g_strdup (backups->pdata[i - 1]);

  return NULL;
}

/* A backup unless the newest whole one is less than a day old; so the database gets its
 * full integrity check once a day. An in-memory database has none. */
gboolean
six_db_backup_daily (SixDb   *db,
                     GError **error)
{
  g_autofree char *latest = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strcmp (db->path, ":memory:") == 0)
    return TRUE;

  latest = find_latest_whole_backup (db->path);
  if (latest != NULL)
    {
      g_autofree char *name = g_path_get_basename (latest);
      gint64 at = parse_backup_name (name);

      if (at >= 0 && six_db_now (db) - at < SIX_DB_CHECK_INTERVAL_MS)
        return TRUE;
    }

  path = six_db_backup (db, "daily", error);

  return path != NULL;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  char buffer[64 * 1024];
  int in;
  int out;
  gssize n;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    return io_error (error, errno, from, "cannot read the backup");

  out = g_open (to, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved_errno = errno;

      close (in);
      return io_error (error, saved_errno, to, "cannot create the file");
    }

  while ((n = read (in, buffer, sizeof buffer)) != 0)
    {
      gssize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;

      while (done < n)
        {
          gssize written = write (out, buffer + done, (gsize) (n - done));

          if (written < 0 && errno == EINTR)
            continue;
          if (written < 0)
            goto failed;
          done += written;
        }
    }

  /* The copy must be on disk before it replaces anything. */
  if (fsync (out) != 0)
    goto failed;

  close (in);
  if (close (out) != 0)
    return io_error (error, errno, to, "cannot write the file");

  return TRUE;

failed:
  {
    int saved_errno = errno;

    close (in);
    close (out);
    g_unlink (to);
    return io_error (error, saved_errno, to, "cannot write the file");
  }
}

/* Renames @path aside as @aside, or to the first free "@aside-N". */
static gboolean
move_aside (const char  *path,
            const char  *aside,
            char       **moved_to,
            GError     **error)
{
  g_autofree char *target = g_strdup (aside);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s-%u", aside, n);
    }

  if (g_rename (path, target) != 0)
    return io_error (error, errno, path, "cannot move the file aside");

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&target);

  return TRUE;
}

/**
 * six_db_restore_backup:
 *
 * Puts @backup_path in place of the (closed) database at @db_path. The current file is
 * moved aside to `<db>.damaged-<time>`, never deleted; a stale -wal goes with it.
 */
gboolean
six_db_restore_backup (const char  *db_path,
                       const char  *backup_path,
                       GError     **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *restoring = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *journal = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Nothing moves unless the backup is sound. */
  if (!check_backup (backup_path, error))
    return FALSE;

  stamp = format_timestamp (g_get_real_time () / 1000);
  aside = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  restoring = g_strdup_printf ("%s.restoring", db_path);
  wal = g_strdup_printf ("%s-wal", db_path);
  shm = g_strdup_printf ("%s-shm", db_path);
  journal = g_strdup_printf ("%s-journal", db_path);

  g_unlink (restoring);
  if (!copy_file (backup_path, restoring, error))
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !move_aside (db_path, aside, &moved, error))
    {
      g_unlink (restoring);
      return FALSE;
    }

  /* A -wal or -journal belongs to the damaged file, never to the restored one. */
  if (moved != NULL)
    {
      g_autofree char *moved_wal = g_strdup_printf ("%s-wal", moved);
      g_autofree char *moved_journal = g_strdup_printf ("%s-journal", moved);

      if (g_file_test (wal, G_FILE_TEST_EXISTS) && !move_aside (wal, moved_wal, NULL, error))
        goto failed;
      if (g_file_test (journal, G_FILE_TEST_EXISTS) &&
          !move_aside (journal, moved_journal, NULL, error))
        goto failed;
    }
  else if (g_unlink (wal) != 0 && errno != ENOENT)
    {
      io_error (error, errno, wal, "cannot remove the stale file");
      goto failed;
    }

  if (g_unlink (shm) != 0 && errno != ENOENT)
    {
      io_error (error, errno, shm, "cannot remove the stale file");
      goto failed;
    }

  if (g_rename (restoring, db_path) != 0)
    {
      io_error (error, errno, db_path, "cannot put the backup in place");
      goto failed;
    }

  return TRUE;

failed:
  g_unlink (restoring);
  /* Put the damaged file back where it was, so a failed restore changes nothing. */
  if (moved != NULL && g_rename (moved, db_path) != 0)
    g_debug ("Cannot move %s back to %s: %s", moved, db_path, g_strerror (errno));
  return FALSE;
}
