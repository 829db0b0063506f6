/* six-reference-pack.c — the pack of reference facts compiled into the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-reference-pack"

#include "config.h"

#include "six-reference-pack.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-pack-resources.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The pack is an exchange file written by the fixed replica "reference" (see
 * resources/pack/six-make-pack.c) and merged like any import, so a user's corrections
 * dominate it and a newer pack updates only the fields it changed. The exchange log
 * remembers which pack a database has merged: a pack is identified, like any file, by its
 * export id and checksum, which the writer puts on fixed lines at the head and the tail of
 * the file, so checking needs no parse of the whole pack.
 */

#define PACK_DISPLAY_NAME "reference-pack.a6.json"

/* How far from each end the writer's fixed header and checksum lines lie. */
#define HEAD_SIZE 4096
#define TAIL_SIZE 256

GBytes *
six_reference_pack_get_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* The generated getter, called directly, keeps the resource in the static library. */
  bytes = g_resource_lookup_data (six_pack_get_resource (), SIX_REFERENCE_PACK_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The compiled reference pack is missing: %s", error->message);

  return bytes;
}

/* The string value of a header line `  "name": "value",` within data[from, to). */
static char *
find_member (GBytes     *bytes,
             gsize       from,
             gsize       to,
             const char *name)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *needle = g_strdup_printf ("\n  \"%s\": \"", name);
  g_autofree char *window = NULL;
  const char *start;
  const char *end;

  to = MIN (to, size);
  if (from >= to)
    return NULL;

  window = g_strndup (data + from, to - from);
  start = strstr (window, needle);
  if (start == NULL)
    return NULL;

  start += strlen (needle);
  end = strchr (start, '"');
  if (end == NULL)
    return NULL;

  return g_strndup (start, end - start);
}

/**
 * six_reference_pack_get_version:
 *
 * Returns: the date the compiled pack's facts are as of ("2026-11-23"), shown in About
 */
const char *
six_reference_pack_get_version (void)
{
  static char *version = NULL;

  if (g_once_init_enter (&version))
    {
      g_autoptr(GBytes) bytes = six_reference_pack_get_bytes ();
      g_autofree char *created_at = find_member (bytes, 0, HEAD_SIZE, "created_at");
      char *date = created_at != NULL ? g_strndup (created_at, 10) : NULL;

      if (!six_date_is_valid (date))
        g_error ("The compiled reference pack has no creation date");

      g_once_init_leave (&version, date);
    }

  return version;
}

/**
 * six_reference_pack_is_merged:
 * @merged: (out): whether the exchange log holds the compiled pack
 */
gboolean
six_reference_pack_is_merged (SixDb     *db,
                              gboolean  *merged,
                              GError   **error)
{
  g_autoptr(GBytes) bytes = six_reference_pack_get_bytes ();
  g_autoptr(SixExchangeLogEntry) entry = NULL;
  g_autofree char *export_id = NULL;
  g_autofree char *checksum = NULL;
  gsize size = g_bytes_get_size (bytes);

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (merged != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export_id = find_member (bytes, 0, HEAD_SIZE, "export_id");
  checksum = find_member (bytes, size > TAIL_SIZE ? size - TAIL_SIZE : 0, size, "checksum");
  if (export_id == NULL || checksum == NULL)
    g_error ("The compiled reference pack has no export id or checksum");

  if (!six_db_find_import (db, export_id, checksum, &entry, error))
    return FALSE;

  *merged = entry != NULL;

  return TRUE;
}

/**
 * six_reference_pack_merge:
 * @force: merge again even if the exchange log says this pack was merged
 * @result: (out) (optional): what the merge did
 *
 * Merges the compiled pack exactly like an import: fields a user changed keep the user's
 * value, and a field the pack changed concurrently is reported in the conflict log.
 */
gboolean
six_reference_pack_merge (SixDb             *db,
                          gboolean           force,
                          SixImportResult  **result,
                          GError           **error)
{
  g_autoptr(GBytes) bytes = six_reference_pack_get_bytes ();
  g_autoptr(SixExchangeFile) file = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = six_exchange_read_bytes (bytes, PACK_DISPLAY_NAME, error);
  if (file == NULL)
    return FALSE;
  six_exchange_file_set_shipped (file, TRUE);

  /* A forced merge is a new delivery of the same records: the log would otherwise skip it. */
  if (force)
    {
      g_autofree char *export_id = g_uuid_string_random ();

      six_exchange_file_set_export_id (file, export_id);
    }

  return six_import_file (db, file, FALSE, result, error);
}

/**
 * six_reference_pack_ensure:
 *
 * At start-up: merges the compiled pack into a database that has not merged this very pack
 * yet (a new database, or a new version of the program with a newer pack).
 */
gboolean
six_reference_pack_ensure (SixDb   *db,
                           GError **error)
{
  g_autoptr(SixImportResult) result = NULL;
  gboolean merged = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!six_reference_pack_is_merged (db, &merged, error))
    return FALSE;

  if (merged)
    return TRUE;

  if (!six_reference_pack_merge (db, FALSE, &result, error))
    {
      g_prefix_error (error, _("Reference pack %s: "), six_reference_pack_get_version ());
      return FALSE;
    }

  g_debug ("Reference pack %s merged: %u new, %u changed, %u conflicts",
           six_reference_pack_get_version (), result->counts.n_new, result->counts.n_changed,
           result->counts.n_conflicts);

  return TRUE;
}
