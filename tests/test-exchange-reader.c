/* test-exchange-reader.c — tests for reading exchange files: the bad-file corpus, limits,
 * forward compatibility
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-exchange-reader.h"
#include "six-exchange-writer.h"

#include <string.h>

#define CHECKSUM_LINE "  \"checksum\": \"sha256:"

/* The order of SixExchangeError, as expected.txt spells the codes. */
static const char * const code_names[] = {
  "EMPTY", "TOO_LARGE", "TOO_DEEP", "NOT_UTF8", "NOT_JSON", "NOT_EXCHANGE", "VERSION",
  "INVALID_HEADER", "UNKNOWN_KIND", "INVALID_ID", "DUPLICATE_ID", "INVALID_FIELD",
  "MISSING_FIELD", "INVALID_CLOCK", "DANGLING_REFERENCE", "CHECKSUM", "FAILED",
};

G_STATIC_ASSERT (G_N_ELEMENTS (code_names) == SIX_EXCHANGE_ERROR_FAILED + 1);

static char *
data_path (const char *folder,
           const char *name)
{
  return g_build_filename (TEST_DATA_DIR, folder, name, NULL);
}

static GBytes *
load (const char *folder,
      const char *name)
{
  g_autofree char *path = data_path (folder, name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static char *
load_text (const char *folder,
           const char *name)
{
  g_autoptr(GBytes) bytes = load (folder, name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Replaces the one occurrence of @old in @text. */
static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *found = strstr (text, old);
  GString *result;

  g_assert_nonnull (found);
  g_assert_null (strstr (found + 1, old));

  result = g_string_new_len (text, found - text);
  g_string_append (result, new);
  g_string_append (result, found + strlen (old));

  return g_string_free (result, FALSE);
}

/* Recomputes the checksum line of an edited file (format §6). */
static GBytes *
reseal (const char *text)
{
  const char *line = g_strrstr (text, CHECKSUM_LINE);
  g_autofree char *checksum = NULL;
  GString *result;

  g_assert_nonnull (line);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, line - text);
  result = g_string_new_len (text, line - text);
  g_string_append_printf (result, CHECKSUM_LINE "%s\"\n}\n", checksum);

  return g_string_free_to_bytes (result);
}

static SixExchangeFile *
read_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SixExchangeFile *file = six_exchange_read_bytes (bytes, "test.a6.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static void
assert_refused (GBytes     *bytes,
                const char *name,
                int         code,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (bytes, name, &error);
  g_autofree char *prefix = g_strdup_printf ("%s: %s: ", name, path);

  if (error != NULL && (error->domain != SIX_EXCHANGE_ERROR || error->code != code))
    g_error ("%s: expected %s, got: %s", name, code_names[code], error->message);
  g_assert_error (error, SIX_EXCHANGE_ERROR, code);
  g_assert_null (file);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, path);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static SixRecord *
find_record (SixExchangeFile *file,
             const char      *kind_name,
             const char      *id)
{
  GPtrArray *records = six_exchange_file_get_records (file);

  for (guint i = 0; i < records->len; i++)
    if (strcmp (six_record_get_kind_name (records->pdata[i]), kind_name) == 0 &&
        strcmp (six_record_get_id (records->pdata[i]), id) == 0)
      return records->pdata[i];

  return NULL;
}

/* Every file of tests/data/bad is refused with the code and path expected.txt gives, both
 * through six_exchange_read_file () and six_exchange_read_bytes (); and every file there is
 * listed, so none is forgotten. */
static void
test_bad_files (void)
{
  g_autofree char *listing = load_text ("bad", "expected.txt");
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir_path = data_path ("bad", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *entry;
  guint n_files = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) gfile = NULL;
      g_autoptr(SixExchangeFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      int code = -1;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      {
        /* Columns are aligned with runs of spaces. */
        guint n = 0;

        for (guint j = 0; fields[j] != NULL; j++)
          if (fields[j][0] != '\0')
            fields[n++] = fields[j];
          else
            g_free (fields[j]);
        fields[n] = NULL;
        g_assert_cmpuint (n, ==, 3);
      }

      for (guint c = 0; c < G_N_ELEMENTS (code_names); c++)
        if (strcmp (code_names[c], fields[1]) == 0)
          code = (int) c;
      if (code < 0)
        g_error ("expected.txt: unknown error code %s", fields[1]);

      g_test_message ("%s: %s at %s", fields[0], fields[1], fields[2]);
      g_assert_true (g_hash_table_add (listed, g_strdup (fields[0])));

      path = data_path ("bad", fields[0]);
      gfile = g_file_new_for_path (path);
      file = six_exchange_read_file (gfile, NULL, &error);
      g_assert_null (file);
      g_assert_nonnull (error);
      if (error->domain != SIX_EXCHANGE_ERROR || error->code != code ||
          g_strcmp0 (six_exchange_error_get_path (error), fields[2]) != 0)
        g_error ("%s: expected %s at %s, got: %s", fields[0], fields[1], fields[2],
                 error->message);
      g_clear_error (&error);

      bytes = load ("bad", fields[0]);
      assert_refused (bytes, fields[0], code, fields[2]);
      n_files++;
    }

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".a6.json") && !g_hash_table_contains (listed, entry))
      g_error ("%s is not listed in expected.txt", entry);

  g_assert_cmpuint (n_files, >=, 50);
}

static void
test_good_files (void)
{
  static const char * const names[] = {
    "all-private.a6.json", "lbn-public.a6.json", "empty.a6.json", "future-minor.a6.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path ("good", names[i]);
      g_autoptr(GFile) gfile = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SixExchangeFile) file = six_exchange_read_file (gfile, NULL, &error);
      const char *scope_id = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (file);
      g_assert_cmpstr (six_exchange_file_get_display_name (file), ==, names[i]);
      g_assert_cmpstr (six_exchange_file_get_export_id (file), ==,
                       "6a1f0a4e-8d3c-4b7a-9e21-5c0d3f4b2a19");
      g_assert_cmpstr (six_exchange_file_get_created_at (file), ==, "2025-11-23T10:00:00Z");
      g_assert_nonnull (six_exchange_file_get_origin (file));
      g_assert_true (g_str_has_prefix (six_exchange_file_get_checksum (file), "sha256:"));
      if (strcmp (names[i], "all-private.a6.json") != 0)
        {
          g_assert_cmpint (six_exchange_file_get_scope (file, &scope_id), ==, SIX_SCOPE_COUNTRY);
          g_assert_cmpstr (scope_id, ==, "LBN");
        }
    }
}

/* The writer's layout is exact: a file it wrote, read and written again, is the same bytes. */
static void
test_rewrite_identical (void)
{
  static const char * const names[] = {
    "all-private.a6.json", "lbn-public.a6.json", "empty.a6.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = load ("good", names[i]);
      g_autoptr(SixExchangeFile) file = read_ok (bytes);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) rewritten = six_exchange_write_file (file, &error);

      g_assert_no_error (error);
      if (!g_bytes_equal (bytes, rewritten))
        g_error ("%s changed when written again", names[i]);
    }
}

/* A file of a newer minor version: unknown members are ignored, unknown fields are kept with
 * their clocks and written out again. */
static void
test_future_minor (void)
{
  g_autoptr(GBytes) bytes = load ("good", "future-minor.a6.json");
  g_autoptr(SixExchangeFile) file = read_ok (bytes);
  g_autoptr(SixExchangeFile) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *own_version = NULL;
  SixRecord *lbn = find_record (file, "country", "LBN");
  GPtrArray *extras;
  const SixExtraField *seat;
  const SixExtraField *cleared;
  static const char seat_json[] =
    "{\"since\":2021,\"roles\":[\"chair\",\"rapporteur\"],\"share\":0.25,"
    "\"note\":\"co-chair \\\"VA\\\"\",\"ok\":true,\"none\":null}";

  g_assert_cmpuint (six_exchange_file_get_minor_version (file), ==, 9);
  g_assert_nonnull (lbn);
  g_assert_cmpstr (six_record_get_string (lbn, "name"), ==, "Lebanon");

  extras = six_record_get_extras (lbn);
  g_assert_nonnull (extras);
  g_assert_cmpuint (extras->len, ==, 2);
  seat = extras->pdata[0];
  cleared = extras->pdata[1];
  g_assert_cmpstr (seat->name, ==, "treaty_body_seat");
  g_assert_cmpstr (seat->json, ==, seat_json);
  g_assert_cmpint (seat->stamp.hlc.wall, ==, G_GINT64_CONSTANT (1763900000900));
  g_assert_cmpuint (six_version_vector_get (seat->stamp.vv, seat->stamp.hlc.replica), ==, 9);
  g_assert_cmpstr (cleared->name, ==, "zz_cleared");
  g_assert_null (cleared->json);
  g_assert_nonnull (cleared->stamp.vv);

  /* Written again by this version: its own format version, the fields kept, last. */
  rewritten = six_exchange_write_file (file, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (rewritten, NULL), g_bytes_get_size (rewritten));
  own_version = g_strdup_printf ("\"format_version\": \"%d.%d\"",
                                 SIX_EXCHANGE_VERSION_MAJOR, SIX_EXCHANGE_VERSION_MINOR);
  g_assert_nonnull (strstr (text, own_version));
  g_assert_null (strstr (text, "signature"));
  g_assert_nonnull (strstr (text, "        \"entry_into_force\": \"2011-11-01\",\n"
                                  "        \"treaty_body_seat\": "));
  g_assert_nonnull (strstr (text, seat_json));
  g_assert_nonnull (strstr (text, "        \"zz_cleared\": null\n      },\n"));

  again = read_ok (rewritten);
  extras = six_record_get_extras (find_record (again, "country", "LBN"));
  g_assert_nonnull (extras);
  g_assert_cmpuint (extras->len, ==, 2);
  g_assert_cmpstr (((SixExtraField *) extras->pdata[0])->json, ==, seat_json);
  g_assert_true (six_version_vector_equal (((SixExtraField *) extras->pdata[0])->stamp.vv,
                                           seat->stamp.vv));
}

static void
test_future_major (void)
{
  g_autoptr(GBytes) bytes = load ("bad", "future-major.a6.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (bytes, "new.a6.json", &error);

  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_VERSION);
  g_assert_null (file);
  /* Which format the file needs, and which this version reads. */
  g_assert_nonnull (strstr (error->message, "format 2.0"));
  g_assert_nonnull (strstr (error->message, "reads format 2.x"));
  g_assert_nonnull (strstr (error->message, "Article Six " PACKAGE_VERSION));
  g_assert_nonnull (strstr (error->message, "reads format 1.x"));
}

static void
test_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) arrays = g_string_sized_new (2 * depth);
  g_autoptr(GString) objects = g_string_sized_new (6 * depth);
  g_autoptr(GString) expected_path = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  /* Generated here rather than committed: 200 kB of brackets. */
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');
  for (guint i = 0; i < SIX_EXCHANGE_MAX_DEPTH; i++)
    g_string_append (expected_path, "[0]");

  bytes = g_bytes_new (arrays->str, arrays->len);
  assert_refused (bytes, "deep.a6.json", SIX_EXCHANGE_ERROR_TOO_DEEP, expected_path->str);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Unclosed: the depth is refused before the missing end is noticed. */
  bytes = g_bytes_new (arrays->str, depth);
  assert_refused (bytes, "deep.a6.json", SIX_EXCHANGE_ERROR_TOO_DEEP, expected_path->str);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_string_truncate (expected_path, 0);
  for (gsize i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (objects, '}');
  for (guint i = 0; i < SIX_EXCHANGE_MAX_DEPTH; i++)
    g_string_append (expected_path, i == 0 ? "a" : ".a");
  bytes = g_bytes_new (objects->str, objects->len);
  assert_refused (bytes, "deep.a6.json", SIX_EXCHANGE_ERROR_TOO_DEEP, expected_path->str);
}

static void
test_size_limit (void)
{
  g_autoptr(GBytes) bytes = load ("good", "lbn-public.a6.json");
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SixExchangeReadOptions options = { 0 };

  options.max_size = g_bytes_get_size (bytes) - 1;
  file = six_exchange_read_bytes_full (bytes, "big.a6.json", &options, &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, "(root)");
  g_assert_null (file);
  g_clear_error (&error);

  options.max_size = g_bytes_get_size (bytes);
  file = six_exchange_read_bytes_full (bytes, "big.a6.json", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

/* A text field of exactly SIX_TEXT_MAX bytes is accepted, one more byte is not, counting the
 * bytes a string decodes to, not the escapes that spell it. */
static void
test_text_limit (void)
{
  g_autofree char *text = load_text ("good", "lbn-public.a6.json");
  static const char old[] = "\"description\": \"Survey of the";
  struct { gsize plain; guint escaped; int code; } cases[] = {
    { SIX_TEXT_MAX, 0, -1 },
    { SIX_TEXT_MAX - 2, 1, -1 },              /* \u00e9 decodes to two bytes */
    { SIX_TEXT_MAX - 1, 1, SIX_EXCHANGE_ERROR_TOO_LARGE },
    { SIX_TEXT_MAX + 1, 0, SIX_EXCHANGE_ERROR_TOO_LARGE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) value = g_string_new ("\"description\": \"");
      g_autofree char *edited = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *start = strstr (text, old);
      /* The current text has escaped quotes; it ends at the quote before ",\n". */
      const char *end = strstr (start + strlen (old), "\",\n");
      GString *whole = g_string_new_len (text, start - text);

      for (gsize j = 0; j < cases[i].plain; j++)
        g_string_append_c (value, 'x');
      for (guint j = 0; j < cases[i].escaped; j++)
        g_string_append (value, "\\u00e9");
      g_string_append_c (value, '"');
      g_string_append (whole, value->str);
      g_string_append (whole, end + 1);
      edited = g_string_free (whole, FALSE);
      bytes = reseal (edited);

      if (cases[i].code < 0)
        {
          g_autoptr(SixExchangeFile) file = read_ok (bytes);
          SixRecord *request = find_record (file, "assistance_request",
                                            "00000000-0000-4000-8000-000000000004");

          g_assert_cmpuint (strlen (six_record_get_string (request, "description")), ==,
                            SIX_TEXT_MAX);
        }
      else
        assert_refused (bytes, "test.a6.json", cases[i].code, "records[9].values.description");
    }
}

static void
test_byte_order_mark (void)
{
  g_autofree char *text = load_text ("good", "lbn-public.a6.json");
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (with_bom, strlen (with_bom));
  g_autoptr(SixExchangeFile) file = read_ok (bytes);

  g_assert_cmpuint (six_exchange_file_get_records (file)->len, ==, 13);
}

static void
test_utf8_offset (void)
{
  g_autofree char *text = load_text ("good", "lbn-public.a6.json");
  g_autofree char *bad = replace_once (text, "\"Lebanon\"", "\"Leb\xc3\x28non\"");
  g_autoptr(GBytes) bytes = g_bytes_new (bad, strlen (bad));
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (bytes, "x.a6.json", &error);
  g_autofree char *offset = g_strdup_printf ("at byte offset %" G_GSIZE_FORMAT,
                                             (gsize) (strstr (bad, "\xc3\x28") - bad));

  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_NOT_UTF8);
  g_assert_null (file);
  g_assert_nonnull (strstr (error->message, offset));
}

/* Escapes and numbers json-glib must decode as the scan let them through. */
/* A value quoting terminal controls ("\u001b]2;…\u0007" retitles a terminal window) is
 * refused with the controls escaped, so the message is safe to print. */
static void
test_controls_escaped (void)
{
  g_autoptr(GBytes) original = load ("good", "lbn-public.a6.json");
  g_autofree char *text = g_strndup (g_bytes_get_data (original, NULL),
                                     g_bytes_get_size (original));
  g_autofree char *edited = replace_once (text, "\"original_deadline\": \"2021-11-01\"",
                                          "\"original_deadline\": \"\\u001b]2;owned\\u0007\"");
  g_autoptr(GBytes) bytes = reseal (edited);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (bytes, "esc\x1b[2J.a6.json",
                                                             &error);

  g_assert_null (file);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_INVALID_FIELD);
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_null (strchr (error->message, '\x07'));
  g_assert_true (g_str_has_prefix (error->message, "esc\\u001b[2J.a6.json: "));
  g_assert_nonnull (strstr (error->message, "\\u001b]2;owned\\u0007"));
}

static void
test_valid_json_forms (void)
{
  g_autofree char *text = load_text ("good", "lbn-public.a6.json");
  g_autofree char *edited = replace_once (text, "\"name\": \"Lebanon\"",
                                          "\"name\" :\t\"L\\u00e9b\\/\\ud83d\\ude00\\n\"");
  g_autoptr(GBytes) bytes = reseal (edited);
  g_autoptr(SixExchangeFile) file = read_ok (bytes);

  g_assert_cmpstr (six_record_get_string (find_record (file, "country", "LBN"), "name"), ==,
                   "L\xc3\xa9" "b/\xf0\x9f\x98\x80\n");
}

/* Member names are compared once a hash table holds them, too. */
static void
test_duplicate_member_many (void)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (json, "\"k%u\": %u, ", i, i);
  g_string_append (json, "\"k\\u0033\": 0}");
  bytes = g_bytes_new (json->str, json->len);

  assert_refused (bytes, "many.a6.json", SIX_EXCHANGE_ERROR_NOT_JSON, "[\"k\\u0033\"]");
}

typedef struct
{
  double last;
  guint  calls;
  GCancellable *cancel_after_first;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
  if (progress->cancel_after_first != NULL)
    g_cancellable_cancel (progress->cancel_after_first);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GBytes) bytes = load ("good", "all-private.a6.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SixExchangeReadOptions options = { 0 };
  Progress progress = { 0 };

  options.progress = on_progress;
  options.progress_data = &progress;
  file = six_exchange_read_bytes_full (bytes, "p.a6.json", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_clear_object (&file);

  options.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  file = six_exchange_read_bytes_full (bytes, "p.a6.json", &options, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (file);
  g_assert_null (six_exchange_error_get_path (error));
}

static gboolean
lookup_xyz (const SixKind *kind,
            const char    *id,
            gpointer       user_data)
{
  guint *calls = user_data;

  (*calls)++;

  return strcmp (kind->name, "country") == 0 && strcmp (id, "XYZ") == 0;
}

static SixExchangeFile *
read_deferred (GBytes     *bytes,
               const char *name)
{
  SixExchangeReadOptions options = { .defer_references = TRUE };
  g_autoptr(GError) error = NULL;
  SixExchangeFile *file = six_exchange_read_bytes_full (bytes, name, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static const SixOutsideReference *
only_outside_ref (SixExchangeFile *file)
{
  GPtrArray *refs = six_exchange_file_get_outside_refs (file);

  g_assert_cmpuint (refs->len, ==, 1);

  return refs->pdata[0];
}

static gboolean
lookup_nothing (const SixKind *kind,
                const char    *id,
                gpointer       user_data)
{
  g_assert_not_reached ();

  return FALSE;
}

/* A reference to a record the reader may hold need not travel in the file: a deferred read
 * keeps it with its path, and resolving it asks the store's lookup, not the reading. */
static void
test_deferred_held (void)
{
  g_autoptr(GBytes) bytes = load ("bad", "dangling-reference.a6.json");
  g_autoptr(GBytes) good = load ("good", "all-private.a6.json");
  g_autoptr(SixExchangeFile) file = read_deferred (bytes, "d.a6.json");
  g_autoptr(SixExchangeFile) complete = read_deferred (good, "p.a6.json");
  const SixOutsideReference *ref = only_outside_ref (file);
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_cmpstr (ref->field->name, ==, "country");
  g_assert_cmpstr (ref->id, ==, "XYZ");
  g_assert_cmpstr (ref->path, ==, "records[5].values.country");

  g_assert_true (six_exchange_resolve_outside (file, lookup_xyz, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);

  /* A file that carries what it refers to leaves nothing to ask. */
  g_assert_cmpuint (six_exchange_file_get_outside_refs (complete)->len, ==, 0);
  g_assert_true (six_exchange_resolve_outside (complete, lookup_nothing, NULL, &error));
  g_assert_no_error (error);
}

/* A reference held nowhere is refused when it is resolved, with the code, path and words a
 * read that asked the store gave: "neither in this file nor held here". */
static void
test_deferred_not_held (void)
{
  g_autoptr(GBytes) bytes = load ("bad", "wrong-target-kind.a6.json");
  g_autoptr(GBytes) set_bytes = load ("bad", "dangling-set-item.a6.json");
  g_autoptr(SixExchangeFile) file = read_deferred (bytes, "d.a6.json");
  g_autoptr(SixExchangeFile) set_file = read_deferred (set_bytes, "s.a6.json");
  const SixOutsideReference *set_ref = only_outside_ref (set_file);
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_cmpstr (only_outside_ref (file)->id, ==, "dap");
  g_assert_false (six_exchange_resolve_outside (file, lookup_xyz, &calls, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, "records[5].values.country");
  g_assert_cmpstr (error->message, ==, "d.a6.json: records[5].values.country: “dap” is neither "
                   "in this file nor held here as a record of kind country");
  g_clear_error (&error);

  /* An item of a set of references is named by its index. */
  g_assert_cmpstr (set_ref->id, ==, "dap:9.9");
  g_assert_cmpstr (set_ref->path, ==, "records[12].values.actions[1]");
  g_assert_false (six_exchange_resolve_outside (set_file, lookup_xyz, &calls, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, "records[12].values.actions[1]");
  g_assert_cmpstr (error->message, ==, "s.a6.json: records[12].values.actions[1]: “dap:9.9” is "
                   "neither in this file nor held here as a record of kind action");
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) gfile = g_file_new_for_path ("/nonexistent/nothing.a6.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_file (gfile, NULL, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (file);
  g_assert_null (six_exchange_error_get_path (error));
}

/* Every refusal, whatever the byte, is an error and never a crash or a warning: each prefix
 * of a valid file is refused as truncated (or blank), never accepted. */
static void
test_every_prefix (void)
{
  g_autoptr(GBytes) whole = load ("good", "empty.a6.json");
  gsize len = g_bytes_get_size (whole);
  const char *data = g_bytes_get_data (whole, NULL);

  for (gsize i = 0; i < len; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (bytes, "p.a6.json", &error);

      g_assert_null (file);
      g_assert_nonnull (error);
      g_assert_true (error->code == SIX_EXCHANGE_ERROR_NOT_JSON ||
                     error->code == SIX_EXCHANGE_ERROR_EMPTY ||
                     (i == len - 1 && error->code == SIX_EXCHANGE_ERROR_CHECKSUM));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/reader/bad-files", test_bad_files);
  g_test_add_func ("/exchange/reader/controls-escaped", test_controls_escaped);
  g_test_add_func ("/exchange/reader/good-files", test_good_files);
  g_test_add_func ("/exchange/reader/rewrite-identical", test_rewrite_identical);
  g_test_add_func ("/exchange/reader/future-minor", test_future_minor);
  g_test_add_func ("/exchange/reader/future-major", test_future_major);
  g_test_add_func ("/exchange/reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/exchange/reader/size-limit", test_size_limit);
  g_test_add_func ("/exchange/reader/text-limit", test_text_limit);
  g_test_add_func ("/exchange/reader/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/exchange/reader/utf8-offset", test_utf8_offset);
  g_test_add_func ("/exchange/reader/valid-json-forms", test_valid_json_forms);
  g_test_add_func ("/exchange/reader/duplicate-member-many", test_duplicate_member_many);
  g_test_add_func ("/exchange/reader/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/exchange/reader/deferred/held", test_deferred_held);
  g_test_add_func ("/exchange/reader/deferred/not-held", test_deferred_not_held);
  g_test_add_func ("/exchange/reader/missing-file", test_missing_file);
  g_test_add_func ("/exchange/reader/every-prefix", test_every_prefix);

  return g_test_run ();
}
