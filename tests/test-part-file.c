/* test-part-file.c — part files: private from the first byte, swept once their process is gone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-part-file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <utime.h>

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-part-file-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static char *
touch (const char *dir,
       const char *name,
       gint64      age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "records", -1, NULL));
  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age_seconds);
  g_assert_cmpint (utime (path, &times), ==, 0);

  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Hidden beside the destination, named for the process, 0600 whatever the umask. */
static void
test_create (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = g_strdup_printf (".all.a6.json.a6-part-%d-", (int) getpid ());
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  mode_t old_mask = umask (0);
  GStatBuf info;

  first = six_part_file_create (dir, "all.a6.json");
  second = six_part_file_create (dir, "all.a6.json");
  umask (old_mask);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);
  base = g_path_get_basename (first);
  g_assert_true (g_str_has_prefix (base, prefix));
  g_assert_cmpint (g_stat (first, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (info.st_size, ==, 0);

  /* A folder that is not there: no file, and errno says why. */
  errno = 0;
  g_assert_null (six_part_file_create (missing, "all.a6.json"));
  g_assert_cmpint (errno, ==, ENOENT);

  remove_dir (dir);
}

/* Only what a gone process left, and GIO's abandoned temporary files, are removed. */
static void
test_sweep (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *live_name = g_strdup_printf (".all.a6.json.a6-part-%d-0000abcd",
                                                (int) getpid ());
  g_autofree char *dead = touch (dir, ".all.a6.json.a6-part-999999999-0000abcd", 0);
  g_autofree char *dead_journal = touch (dir,
                                         ".article-six-backup.a6-part-999999999-12ab-journal", 0);
  g_autofree char *live = touch (dir, live_name, 0);
  g_autofree char *shown = touch (dir, "all.a6.json.a6-part-999999999-0000abcd", 0);
  g_autofree char *old_gio = touch (dir, ".goutputstream-OLD123", 2 * 60 * 60);
  g_autofree char *new_gio = touch (dir, ".goutputstream-NEW123", 60);
  g_autofree char *folder = g_build_filename (dir, ".x.a6-part-999999999-0000abcd", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  six_part_files_sweep (dir);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_gio, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shown, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_gio, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* A folder that is not there is nothing to sweep. */
  six_part_files_sweep (missing);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/part-file/create", test_create);
  g_test_add_func ("/model/part-file/sweep", test_sweep);

  return g_test_run ();
}
