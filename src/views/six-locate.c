/* six-locate.c — where a record is shown: its own page, or the page of what it belongs to
 *
 * An action, a State and a coalition have pages of their own. A member, a meeting or a
 * follow-up is shown in its coalition's workspace; a request, a report, an obligation and its
 * extensions, a contribution or a contact in the profile of their State; a note wherever what
 * it is written on is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-locate"

#include "config.h"

#include "six-locate.h"
#include "six-repository-run.h"


/* The fields that lead from a record to its home, tried in order. */
typedef struct
{
  const char *kind;
  const char *fields[3];
} Path;

static const Path paths[] = {
  { "coalition_member", { "coalition", NULL } },
  { "meeting", { "coalition", "country", NULL } },
  { "activity", { "coalition", "country", NULL } },
  { "assistance_request", { "country", NULL } },
  { "article7_report", { "country", NULL } },
  { "obligation", { "country", NULL } },
  { "extension_request", { "obligation", NULL } },
  { "contribution", { "recipient", "coalition", NULL } },
  { "contact", { "affiliation", NULL } },
  { "organisation", { "country", NULL } },
  { "note", { "target", NULL } },
};

static gboolean
has_page (const char *kind_name)
{
  return g_strcmp0 (kind_name, "action") == 0 || g_strcmp0 (kind_name, "action_tracking") == 0 ||
         g_strcmp0 (kind_name, "country") == 0 || g_strcmp0 (kind_name, "coalition") == 0;
}

/**
 * six_record_locate:
 * @home_kind: (out): the kind of the record whose page shows @id
 * @home_id: (out): that record's id
 *
 * Follows a record's references (a few steps at most) to the record whose page shows it.
 *
 * Returns: %TRUE with @home_kind and @home_id set; %FALSE with @error set when no page shows
 *   it (%G_IO_ERROR_NOT_SUPPORTED) or it is not held (%G_IO_ERROR_NOT_FOUND)
 */
gboolean
six_record_locate (SixDb       *db,
                   const char  *kind_name,
                   const char  *id,
                   char       **home_kind,
                   char       **home_id,
                   GError     **error)
{
  g_autofree char *kind = g_strdup (kind_name);
  g_autofree char *current = g_strdup (id);

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (kind_name != NULL && id != NULL, FALSE);
  g_return_val_if_fail (home_kind != NULL && home_id != NULL, FALSE);

  /* A note on a request on a… each step moves up; four are more than any chain needs. */
  for (guint step = 0; step < 4; step++)
    {
      g_autoptr(SixRecord) record = NULL;
      const SixKind *target;
      const Path *path = NULL;
      const char *next = NULL;

      if (has_page (kind))
        {
          *home_kind = g_steal_pointer (&kind);
          *home_id = g_steal_pointer (&current);
          return TRUE;
        }

      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        if (g_strcmp0 (paths[i].kind, kind) == 0)
          path = &paths[i];
      if (path == NULL || six_kind_lookup (kind) == NULL)
        break;

      record = six_db_get_record (db, six_kind_lookup (kind), current, FALSE, error);
      if (record == NULL)
        return FALSE;

      for (guint f = 0; path->fields[f] != NULL && next == NULL; f++)
        next = six_record_get_string (record, path->fields[f]);
      if (next == NULL || (target = six_db_find_kind_of_id (db, next, NULL)) == NULL)
        break;

      g_free (kind);
      kind = g_strdup (target->name);
      g_free (current);
      current = g_strdup (next);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "No page shows %s %s", kind_name, id);
  return FALSE;
}

/* On the repository's thread: "KIND\nID" in, "KIND\nID" of the record whose page shows it out. */
static gpointer
locate_joined (SixDb         *db,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (user_data, "\n", 2);
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;

  if (!six_record_locate (db, parts[0], parts[1], &kind, &id, error))
    return NULL;

  return g_strjoin ("\n", kind, id, NULL);
}

/**
 * six_record_locate_async:
 *
 * Finds, on the repository's thread, the record whose page shows this one: see
 * six_record_locate ().
 */
void
six_record_locate_async (SixRepository       *repository,
                         const char          *kind_name,
                         const char          *id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (kind_name != NULL && id != NULL);

  six_repository_read_async (repository, locate_joined, g_strjoin ("\n", kind_name, id, NULL),
                             g_free, g_free, cancellable, callback, user_data);
}

gboolean
six_record_locate_finish (SixRepository  *repository,
                          GAsyncResult   *result,
                          char          **home_kind,
                          char          **home_id,
                          GError        **error)
{
  g_autofree char *home = six_repository_run_finish (repository, result, error);
  g_auto(GStrv) parts = NULL;

  if (home == NULL)
    return FALSE;

  parts = g_strsplit (home, "\n", 2);
  *home_kind = g_strdup (parts[0]);
  *home_id = g_strdup (parts[1]);

  return TRUE;
}
