/* fuzz-exchange.c — libFuzzer target: arbitrary bytes through the exchange reader, and every
 * file it accepts through the planner, an import into a database, and the writer and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A property that does not hold: libFuzzer keeps the input that broke it. */
#define CHECK(condition) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        g_printerr ("%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical from a g_return_if_fail () is a bug the fuzzer must report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

#define CHECKSUM_LINE "\n  \"checksum\": \"sha256:"

/* The input with its checksum line recomputed, or %NULL when it has none: without this, almost
 * every mutation would stop at the checksum and the writer would never be reached. */
static GBytes *
reseal (const uint8_t *data,
        size_t         size)
{
  const char *text = (const char *) data;
  g_autofree char *digest = NULL;
  const char *line = NULL;
  GString *sealed;

  for (const char *p = text; p + strlen (CHECKSUM_LINE) <= text + size; p++)
    if (memcmp (p, CHECKSUM_LINE, strlen (CHECKSUM_LINE)) == 0)
      line = p;

  if (line == NULL)
    return NULL;

  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, line + 1 - text);
  sealed = g_string_new_len (text, line + 1 - text);
  g_string_append_printf (sealed, "  \"checksum\": \"sha256:%s\"\n}\n", digest);

  return g_string_free_to_bytes (sealed);
}

/* Every failure to import is one of ours, a sentence in UTF-8. */
static void
check_import_error (const GError *error)
{
  CHECK (error != NULL);
  CHECK (error->domain == SIX_EXCHANGE_ERROR || error->domain == SIX_STORE_ERROR);
  CHECK (g_utf8_validate (error->message, -1, NULL));
}

static gint64
count_all (SixDb *db)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  gint64 n = 0;

  for (guint i = 0; i < n_kinds; i++)
    n += six_db_count_records (db, &kinds[i], TRUE);

  return n;
}

/* The import planner and the merge through the store: a file the reader accepts is planned,
 * applied in one transaction or refused whole, and then importing it again, or its records
 * under another export id, changes nothing. */
static void
check_import (SixExchangeFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);
  g_autoptr(SixImportResult) dry = NULL;
  g_autoptr(SixImportResult) applied = NULL;
  g_autoptr(SixImportResult) again = NULL;
  g_autoptr(SixImportResult) renamed = NULL;

  CHECK (db != NULL);

  if (!six_import_file (db, file, TRUE, &dry, &error))
    {
      check_import_error (error);
      return;
    }
  CHECK (count_all (db) == 0);

  if (!six_import_file (db, file, FALSE, &applied, &error))
    {
      /* A refused apply writes nothing. */
      check_import_error (error);
      CHECK (count_all (db) == 0);
      return;
    }
  CHECK (applied->counts.n_new == dry->counts.n_new);
  CHECK (applied->counts.n_conflicts == dry->counts.n_conflicts);

  CHECK (six_import_file (db, file, TRUE, &again, &error));
  CHECK (again->already_imported);

  six_exchange_file_set_export_id (file, "00000000-0000-4000-8000-00000000f022");
  CHECK (six_import_file (db, file, TRUE, &renamed, &error));
  CHECK (renamed->counts.n_new == 0 && renamed->counts.n_changed == 0 &&
         renamed->counts.n_conflicts == 0);
}

static void
check (GBytes *bytes)
{
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixExchangeFile) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  file = six_exchange_read_bytes (bytes, "fuzz.a6.json", &error);
  if (file == NULL)
    {
      /* Every refusal is an exchange error with a path and a UTF-8 message. */
      CHECK (error != NULL && error->domain == SIX_EXCHANGE_ERROR);
      CHECK (g_utf8_validate (error->message, -1, NULL));
      CHECK (g_str_has_prefix (error->message, "fuzz.a6.json: "));
      CHECK (six_exchange_error_get_path (error) != NULL);
      return;
    }

  /* The planner takes whatever the reader accepts: against nothing, and against itself, where
   * merging a file with its own records must change nothing. */
  {
    GPtrArray *records = six_exchange_file_get_records (file);
    g_autoptr(GPtrArray) nothing = g_ptr_array_new ();
    g_autoptr(SixMergePlan) fresh = NULL;
    g_autoptr(SixMergePlan) same = NULL;

    g_ptr_array_set_size (nothing, records->len);
    fresh = six_merge_plan (nothing, records, "fuzz");
    CHECK (fresh->counts.n_records == records->len && fresh->counts.n_conflicts == 0);
    same = six_merge_plan (records, records, "fuzz");
    CHECK (same->counts.n_conflicts == 0 && same->counts.n_changed == 0);
  }

  /* What the reader accepts, the writer writes, the reader reads back, and writing that
   * again gives the same bytes. */
  written = six_exchange_write_file (file, &error);
  CHECK (written != NULL && error == NULL);
  again = six_exchange_read_bytes (written, "written.a6.json", &error);
  if (again == NULL)
    g_printerr ("%s\n", error->message);
  CHECK (again != NULL);
  CHECK (six_exchange_file_get_records (again)->len == six_exchange_file_get_records (file)->len);
  rewritten = six_exchange_write_file (again, &error);
  CHECK (rewritten != NULL && g_bytes_equal (written, rewritten));

  check_import (again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) sealed = reseal (data, size);

  check (bytes);
  if (sealed != NULL)
    check (sealed);

  return 0;
}
