/* six-part-file.c — a file written beside its destination under a hidden name, then renamed
 *
 * An export and a backup are each written to a part file in the folder they go to, private
 * (0600) from its first byte, and renamed into place only once whole. A process killed half
 * way leaves its part file, with every record it held: the next writer in that folder removes
 * the part files of processes that are gone.
 *
 * A part file is named ".<stem>.a6-part-<pid>-<random>"; SQLite may add "-journal" to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-part-file"

#include "config.h"

#include "six-part-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PART_MARK ".a6-part-"
/* GIO's own temporary files live only while a write runs; an hour-old one was abandoned. */
#define STALE_GIO_SECONDS (60 * 60)

/**
 * six_part_file_create:
 * @dir: the folder of the destination
 * @stem: what the file will be: the destination's name, or what it is for
 *
 * Creates an empty part file in @dir, readable and writable by its owner only.
 *
 * Returns: (transfer full) (nullable): its path; %NULL with errno set when it cannot be made
 */
char *
six_part_file_create (const char *dir,
                      const char *stem)
{
  g_return_val_if_fail (dir != NULL && stem != NULL, NULL);

  /* What mkstemp () does, with a name the sweep can read the process from. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      /* Short enough for any file system's name limit, whatever the stem. */
      g_autofree char *name = g_strdup_printf (".%.100s" PART_MARK "%d-%08x", stem,
                                               (int) getpid (), g_random_int ());
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&path);
        }
      if (errno != EEXIST)
        return NULL;
    }

  errno = EEXIST;
  return NULL;
}

static gboolean
process_is_gone (const char *digits)
{
  gint64 pid = g_ascii_strtoll (digits, NULL, 10);

  return pid > 0 && pid <= G_MAXINT && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static gboolean
is_stale (const char     *name,
          const GStatBuf *info)
{
  const char *mark = strstr (name, PART_MARK);

  if (g_str_has_prefix (name, ".goutputstream-"))
    return (gint64) info->st_mtime < g_get_real_time () / G_USEC_PER_SEC - STALE_GIO_SECONDS;

  return name[0] == '.' && mark != NULL && process_is_gone (mark + strlen (PART_MARK));
}

/**
 * six_part_files_sweep:
 * @dir: a folder files are written to
 *
 * Removes the part files in @dir whose process is gone (and their journals), and GIO's
 * temporary files of writes abandoned an hour ago or more: only regular files of this user.
 */
void
six_part_files_sweep (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_return_if_fail (dir != NULL);

  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (name[0] != '.')
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) && info.st_uid == getuid () &&
          is_stale (name, &info))
        g_unlink (path);
    }
}
