/* test-exchange-writer.c — tests for writing exchange files: layout, scopes, sharing levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#define ORG_LBN         "00000000-0000-4000-8000-000000000001"
#define ORG_FRA         "00000000-0000-4000-8000-000000000002"
#define COALITION       "00000000-0000-4000-8000-000000000003"
#define REQ_LBN         "00000000-0000-4000-8000-000000000004"
#define REQ_LBN_DELETED "00000000-0000-4000-8000-000000000005"
#define REQ_IRQ         "00000000-0000-4000-8000-000000000006"
#define CONTRIB         "00000000-0000-4000-8000-000000000007"
#define CONTRIB_IRQ     "00000000-0000-4000-8000-000000000008"
#define CONTACT_PRIVATE "00000000-0000-4000-8000-000000000009"
#define CONTACT_PUBLIC  "00000000-0000-4000-8000-00000000000a"
#define MEMBER          "00000000-0000-4000-8000-00000000000b"
#define ACTIVITY        "00000000-0000-4000-8000-00000000000c"
#define MEETING         "00000000-0000-4000-8000-00000000000d"
#define MEETING_IRQ     "00000000-0000-4000-8000-00000000000e"
#define NOTE            "00000000-0000-4000-8000-00000000000f"
#define NOTE_IRQ        "00000000-0000-4000-8000-000000000010"

#define EXPORT_ID  "6a1f0a4e-8d3c-4b7a-9e21-5c0d3f4b2a19"
#define CREATED_AT "2025-11-23T10:00:00Z"

/* Text that needs every kind of escape, and a character that needs none. */
#define AWKWARD_TEXT "Survey of the \"south\"\\north\nline two\ttab\r\b\f\x01 é"
#define AWKWARD_JSON "\"Survey of the \\\"south\\\"\\\\north\\nline two\\ttab\\r\\b\\f\\u0001 é\""

typedef struct
{
  gint64 now;
} FakeWall;

static gint64
fake_wall_now (gpointer user_data)
{
  FakeWall *wall = user_data;

  /* Every edit a millisecond later, like a person typing fast. */
  return wall->now++;
}

static FakeWall wall = { G_GINT64_CONSTANT (1763900000000) };

static SixEdit *
edit (GPtrArray  *edits,
      const char *kind_name,
      const char *id)
{
  SixEdit *e = six_edit_new (six_kind_lookup (kind_name), id);

  g_assert_nonnull (six_kind_lookup (kind_name));
  g_ptr_array_add (edits, e);

  return e;
}

static void
set_strv (SixEdit            *e,
          const char         *field,
          const char * const *items)
{
  six_edit_set (e, field, g_variant_new_strv (items, -1));
}

static void
apply (SixDb     *db,
       GPtrArray *edits)
{
  g_autoptr(GError) error = NULL;

  six_db_apply_edits (db, "test", edits, &error);
  g_assert_no_error (error);
}

/* A small database with every kind of record, things attached to Lebanon, things that are
 * not, and the traps of §5: a public record that refers to a private one, and a public
 * record whose required reference is not public. */
static SixDb *
populate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  static const char * const categories[] = { "risk_education", "survey_clearance", NULL };
  static const char * const articles[] = { "art4", NULL };
  static const char * const actions[] = { "dap:5.1", NULL };
  SixDb *db;
  SixEdit *e;

  db = six_db_open (":memory:", &error);
  g_assert_no_error (error);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  six_db_set_replica_name (db, six_db_get_replica_id (db), "Nadia Haddad", "LMAC", &error);
  g_assert_no_error (error);

  e = edit (edits, "plan", "dap");
  six_edit_set_string (e, "title", "Dubrovnik Action Plan");
  six_edit_set_int (e, "first_year", 2021);
  six_edit_set_string (e, "adopted_on", "2021-09-21");
  six_edit_set_string (e, "confidence", "high");
  six_edit_set_boolean (e, "verified", TRUE);
  e = edit (edits, "plan_section", "dap:s5");
  six_edit_set_string (e, "plan", "dap");
  six_edit_set_int (e, "position", 5);
  six_edit_set_string (e, "title", "Clearance");
  e = edit (edits, "action", "dap:5.1");
  six_edit_set_string (e, "plan", "dap");
  six_edit_set_string (e, "section", "dap:s5");
  six_edit_set_string (e, "number", "5.1");
  six_edit_set_int (e, "position", 1);
  six_edit_set_string (e, "title", "Survey");
  e = edit (edits, "action_tracking", "LBN:dap:5.1");
  six_edit_set_string (e, "action", "dap:5.1");
  six_edit_set_string (e, "status", "in_progress");

  e = edit (edits, "country", "LBN");
  six_edit_set_string (e, "name", "Lebanon");
  six_edit_set_string (e, "status", "party");
  six_edit_set_string (e, "region", "middle_east");
  six_edit_set_string (e, "entry_into_force", "2011-11-01");
  e = edit (edits, "country", "FRA");
  six_edit_set_string (e, "name", "France");
  six_edit_set_string (e, "status", "party");
  e = edit (edits, "country", "IRQ");
  six_edit_set_string (e, "name", "Iraq");
  six_edit_set_string (e, "status", "party");

  e = edit (edits, "obligation", "LBN:art4");
  six_edit_set_string (e, "country", "LBN");
  six_edit_set_string (e, "article", "art4");
  six_edit_set_string (e, "original_deadline", "2021-11-01");
  six_edit_set_string (e, "notes", "to be cleared");
  e = edit (edits, "extension_request", "LBN:art4:2020");
  six_edit_set_string (e, "obligation", "LBN:art4");
  six_edit_set_string (e, "decision", "granted");
  six_edit_set_string (e, "granted_until", "2026-05-01");
  e = edit (edits, "article7_report", "LBN:2018");
  six_edit_set_string (e, "country", "LBN");
  six_edit_set_int (e, "year", 2018);
  six_edit_set_boolean (e, "requested_assistance", TRUE);
  set_strv (e, "categories", categories);

  e = edit (edits, "organisation", ORG_LBN);
  six_edit_set_string (e, "name", "Lebanon Mine Action Centre");
  six_edit_set_string (e, "acronym", "LMAC");
  six_edit_set_string (e, "kind", "government");
  six_edit_set_string (e, "country", "LBN");
  e = edit (edits, "organisation", ORG_FRA);
  six_edit_set_string (e, "name", "Handicap International");
  six_edit_set_string (e, "kind", "ngo");
  six_edit_set_string (e, "country", "FRA");

  e = edit (edits, "coalition", COALITION);
  six_edit_set_string (e, "lead", "LBN");
  six_edit_set_string (e, "title", "Clearing the south");
  set_strv (e, "articles", articles);

  e = edit (edits, "assistance_request", REQ_LBN);
  six_edit_set_source (e, "Art. 7 report 2018, Form I");
  six_edit_set_string (e, "country", "LBN");
  six_edit_set_int (e, "year", 2018);
  six_edit_set_string (e, "category", "survey_clearance");
  six_edit_set_string (e, "description", AWKWARD_TEXT);
  six_edit_set_string (e, "amount", "1250000.5");
  six_edit_set_string (e, "currency", "USD");
  e = edit (edits, "assistance_request", REQ_LBN_DELETED);
  six_edit_set_string (e, "country", "LBN");
  six_edit_set_int (e, "year", 2019);
  six_edit_set_string (e, "category", "risk_education");
  e = edit (edits, "assistance_request", REQ_IRQ);
  six_edit_set_string (e, "country", "IRQ");
  six_edit_set_int (e, "year", 2020);
  six_edit_set_string (e, "category", "victim_assistance");

  e = edit (edits, "contribution", CONTRIB);
  six_edit_set_string (e, "visibility", "public");
  six_edit_set_string (e, "donor", "FRA");
  six_edit_set_string (e, "recipient", "LBN");
  six_edit_set_string (e, "category", "survey_clearance");
  six_edit_set_string (e, "request", REQ_LBN);
  six_edit_set_string (e, "coalition", COALITION);
  six_edit_set_string (e, "amount", "200000");
  six_edit_set_string (e, "currency", "EUR");
  e = edit (edits, "contribution", CONTRIB_IRQ);
  six_edit_set_string (e, "donor", "FRA");
  six_edit_set_string (e, "recipient", "IRQ");
  six_edit_set_string (e, "category", "victim_assistance");

  e = edit (edits, "contact", CONTACT_PRIVATE);
  six_edit_set_string (e, "name", "Rania K.");
  six_edit_set_string (e, "affiliation", "LBN");
  six_edit_set_string (e, "email", "rania@example.org");
  e = edit (edits, "contact", CONTACT_PUBLIC);
  six_edit_set_string (e, "visibility", "public");
  six_edit_set_string (e, "name", "Press office");
  six_edit_set_string (e, "affiliation", ORG_FRA);

  e = edit (edits, "coalition_member", MEMBER);
  six_edit_set_string (e, "visibility", "public");
  six_edit_set_string (e, "coalition", COALITION);
  six_edit_set_string (e, "member", "FRA");
  six_edit_set_string (e, "role", "donor");

  e = edit (edits, "activity", ACTIVITY);
  six_edit_set_string (e, "visibility", "public");
  six_edit_set_string (e, "title", "Survey in the south");
  six_edit_set_string (e, "coalition", COALITION);
  six_edit_set_string (e, "country", "LBN");
  six_edit_set_string (e, "owner", CONTACT_PRIVATE);
  set_strv (e, "actions", actions);

  e = edit (edits, "meeting", MEETING);
  six_edit_set_string (e, "title", "Coalition meeting");
  six_edit_set_string (e, "coalition", COALITION);
  six_edit_set_string (e, "held_on", "2024-03-01");
  e = edit (edits, "meeting", MEETING_IRQ);
  six_edit_set_string (e, "title", "Bilateral with Iraq");
  six_edit_set_string (e, "country", "IRQ");

  e = edit (edits, "note", NOTE);
  six_edit_set_string (e, "target", REQ_LBN);
  six_edit_set_string (e, "text", "Follow up after the MSP");
  e = edit (edits, "note", NOTE_IRQ);
  six_edit_set_string (e, "target", REQ_IRQ);
  six_edit_set_string (e, "text", "Ask about the survey");

  apply (db, edits);

  /* Later edits: a cleared value (null with a clock) and a tombstone. */
  g_ptr_array_set_size (edits, 0);
  e = edit (edits, "obligation", "LBN:art4");
  six_edit_set (e, "notes", NULL);
  e = edit (edits, "assistance_request", REQ_LBN_DELETED);
  six_edit_delete (e);
  apply (db, edits);

  return db;
}

static SixExchangeFile *
collect (SixDb        *db,
         SixScopeType  scope,
         const char   *scope_id,
         SixVisibility level)
{
  g_autoptr(GError) error = NULL;
  SixExportOptions options = { 0 };
  SixExchangeFile *file;

  options.scope = scope;
  options.scope_id = scope_id;
  options.level = level;
  options.export_id = EXPORT_ID;
  options.created_at = CREATED_AT;

  file = six_exchange_collect (db, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static GBytes *
write_db (SixDb        *db,
          SixScopeType  scope,
          const char   *scope_id,
          SixVisibility level)
{
  g_autoptr(GError) error = NULL;
  SixExportOptions options = { 0 };
  GBytes *bytes;

  options.scope = scope;
  options.scope_id = scope_id;
  options.level = level;
  options.origin_name = "Nadia Haddad";
  options.origin_organisation = "Lebanon Mine Action Centre";
  options.app_version = "0.1.0";
  options.export_id = EXPORT_ID;
  options.created_at = CREATED_AT;

  bytes = six_exchange_write (db, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static SixExchangeFile *
read_back (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SixExchangeFile *file;

  file = six_exchange_read_bytes (bytes, "written.a6.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static SixRecord *
find_record (SixExchangeFile *file,
             const char      *kind_name,
             const char      *id)
{
  GPtrArray *records = six_exchange_file_get_records (file);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];

      if (strcmp (six_record_get_kind_name (record), kind_name) == 0 &&
          strcmp (six_record_get_id (record), id) == 0)
        return record;
    }

  return NULL;
}

static gboolean
has_field (SixRecord  *record,
           const char *field)
{
  int index = six_kind_field_index (six_record_get_kind (record), field);

  g_assert_cmpint (index, >=, 0);

  return six_record_has_field (record, (guint) index);
}

typedef struct
{
  const char *kind;
  const char *id;
} Expected;

/* @file holds exactly @expected, no more. */
static void
assert_records (SixExchangeFile *file,
                const Expected  *expected,
                guint            n_expected)
{
  GPtrArray *records = six_exchange_file_get_records (file);

  for (guint i = 0; i < n_expected; i++)
    if (find_record (file, expected[i].kind, expected[i].id) == NULL)
      g_error ("%s %s is missing from the export", expected[i].kind, expected[i].id);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      gboolean wanted = FALSE;

      for (guint j = 0; j < n_expected && !wanted; j++)
        wanted = strcmp (six_record_get_kind_name (record), expected[j].kind) == 0 &&
                 strcmp (six_record_get_id (record), expected[j].id) == 0;
      if (!wanted)
        g_error ("%s %s should not be in the export", six_record_get_kind_name (record),
                 six_record_get_id (record));
    }
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static void
test_layout (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(SixExchangeFile) empty = six_exchange_file_new ();
  g_autoptr(GBytes) empty_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_text = NULL;

  /* The MIME magic looks for this within the first 64 bytes. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"article-six\",\n"
                                         "  \"format_version\": \"1.4\",\n"
                                         "  \"export_id\": \"" EXPORT_ID "\",\n"
                                         "  \"created_at\": \"" CREATED_AT "\",\n"
                                         "  \"app_version\": \"0.1.0\",\n"
                                         "  \"origin\": {\"replica\": \""));
  g_assert_nonnull (strstr (text, "\", \"name\": \"Nadia Haddad\", "
                                  "\"organisation\": \"Lebanon Mine Action Centre\"},\n"
                                  "  \"scope\": {\"type\": \"all\"},\n"
                                  "  \"level\": \"private\",\n"
                                  "  \"replicas\": [\n    {\"id\": \""));
  g_assert_nonnull (strstr (text, "\n  ],\n  \"records\": [\n    {\n      \"kind\": \"plan\",\n"
                                  "      \"id\": \"dap\",\n      \"values\": {\n"
                                  "        \"visibility\": \"public\",\n"
                                  "        \"deleted\": false,\n"
                                  "        \"title\": \"Dubrovnik Action Plan\",\n"
                                  "        \"first_year\": 2021,\n"));
  g_assert_nonnull (strstr (text, "      \"clocks\": {\n        \"visibility\": {\"vv\": {\""));
  g_assert_nonnull (strstr (text, "\"source\": \"Art. 7 report 2018, Form I\"}"));
  g_assert_nonnull (strstr (text, "        \"categories\": [\"risk_education\", "
                                  "\"survey_clearance\"]\n"));
  g_assert_nonnull (strstr (text, "        \"description\": " AWKWARD_JSON ",\n"));
  g_assert_nonnull (strstr (text, "        \"notes\": null\n"));
  g_assert_true (g_regex_match_simple ("\n    }\n  \\],\n  \"checksum\": \"sha256:[0-9a-f]{64}\"\n"
                                       "}\n$", text, 0, 0));

  /* No records and no replicas: empty arrays on one line. */
  six_exchange_file_set_export_id (empty, EXPORT_ID);
  six_exchange_file_set_created_at (empty, CREATED_AT);
  six_exchange_file_set_app_version (empty, "0.1.0");
  six_exchange_file_set_origin (empty, &(SixReplicaInfo) { (char *) "r1", NULL, NULL });
  empty_bytes = six_exchange_write_file (empty, &error);
  g_assert_no_error (error);
  empty_text = bytes_to_string (empty_bytes);
  g_assert_nonnull (strstr (empty_text, "\"origin\": {\"replica\": \"r1\", \"name\": null, "
                                        "\"organisation\": null},\n"
                                        "  \"scope\": {\"type\": \"all\"},\n"
                                        "  \"level\": \"public\",\n"
                                        "  \"replicas\": [],\n"
                                        "  \"records\": [],\n"
                                        "  \"checksum\": \"sha256:"));
}

static void
test_deterministic (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) first = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autoptr(GBytes) second = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autoptr(SixExchangeFile) file = read_back (first);
  g_autoptr(SixExchangeFile) shuffled = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records = six_exchange_file_get_records (file);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  g_assert_cmpuint (g_bytes_get_size (first), >, 1000);
  g_assert_true (g_bytes_equal (first, second));

  /* Reading a file and printing it again gives the same bytes. */
  rewritten = six_exchange_write_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, rewritten));
  g_clear_pointer (&rewritten, g_bytes_unref);

  /* So does a file whose records come in any order. */
  shuffled = six_exchange_file_new ();
  six_exchange_file_set_export_id (shuffled, six_exchange_file_get_export_id (file));
  six_exchange_file_set_created_at (shuffled, six_exchange_file_get_created_at (file));
  six_exchange_file_set_app_version (shuffled, six_exchange_file_get_app_version (file));
  six_exchange_file_set_origin (shuffled, six_exchange_file_get_origin (file));
  six_exchange_file_set_level (shuffled, six_exchange_file_get_level (file));
  for (guint i = 0; i < six_exchange_file_get_replicas (file)->len; i++)
    {
      const SixReplicaInfo *replica = six_exchange_file_get_replicas (file)->pdata[i];

      six_exchange_file_add_replica (shuffled, six_replica_info_new (replica->id, replica->name,
                                                                     replica->organisation));
    }
  for (guint i = records->len; i > 0; i--)
    six_exchange_file_add_record (shuffled, records->pdata[(i * 7919) % records->len]);
  rewritten = six_exchange_write_file (shuffled, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, rewritten));

  /* Records in kind order, then id order. */
  for (guint i = 1; i < records->len; i++)
    {
      const SixKind *a = six_record_get_kind (records->pdata[i - 1]);
      const SixKind *b = six_record_get_kind (records->pdata[i]);

      g_assert_true (a >= kinds && b < kinds + n_kinds);
      g_assert_true (a < b || (a == b && strcmp (six_record_get_id (records->pdata[i - 1]),
                                                 six_record_get_id (records->pdata[i])) < 0));
    }
}

static void
test_checksum (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PUBLIC);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *computed = NULL;
  g_autofree char *line = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  const char *checksum_line = strstr (text, "  \"checksum\": ");
  gsize prefix_len;

  g_assert_nonnull (checksum_line);
  prefix_len = checksum_line - text;
  computed = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, prefix_len);
  line = g_strdup_printf ("  \"checksum\": \"sha256:%s\"\n}\n", computed);
  g_assert_cmpstr (checksum_line, ==, line);

  file = read_back (bytes);
  g_assert_cmpstr (six_exchange_file_get_checksum (file) + 7, ==, computed);
}

static void
test_level_public (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PUBLIC);
  g_autoptr(SixExchangeFile) file = read_back (bytes);
  g_autofree char *text = bytes_to_string (bytes);
  SixRecord *activity;
  SixRecord *contribution;
  GPtrArray *records = six_exchange_file_get_records (file);

  g_assert_cmpint (six_exchange_file_get_level (file), ==, SIX_VISIBILITY_PUBLIC);

  /* Private and coalition records stay home. */
  g_assert_null (find_record (file, "contact", CONTACT_PRIVATE));
  g_assert_null (find_record (file, "note", NOTE));
  g_assert_null (find_record (file, "coalition", COALITION));
  g_assert_null (find_record (file, "meeting", MEETING));
  g_assert_null (find_record (file, "action_tracking", "LBN:dap:5.1"));
  g_assert_null (strstr (text, "Rania"));
  g_assert_null (strstr (text, "rania@example.org"));
  g_assert_null (strstr (text, COALITION));
  g_assert_nonnull (find_record (file, "contact", CONTACT_PUBLIC));

  /* A public record's reference to a private record is absent, not null. */
  activity = find_record (file, "activity", ACTIVITY);
  g_assert_nonnull (activity);
  g_assert_false (has_field (activity, "owner"));
  g_assert_false (has_field (activity, "coalition"));
  g_assert_true (has_field (activity, "country"));
  g_assert_true (has_field (activity, "actions"));
  g_assert_null (strstr (text, "\"owner\""));
  contribution = find_record (file, "contribution", CONTRIB);
  g_assert_nonnull (contribution);
  g_assert_false (has_field (contribution, "coalition"));
  g_assert_cmpstr (six_record_get_string (contribution, "request"), ==, REQ_LBN);

  /* A public member of a coalition that is not public cannot exist without it. */
  g_assert_null (find_record (file, "coalition_member", MEMBER));

  for (guint i = 0; i < records->len; i++)
    g_assert_cmpint (six_record_get_visibility (records->pdata[i]), ==, SIX_VISIBILITY_PUBLIC);
}

static void
test_level_coalition (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_COALITION);
  g_autoptr(SixExchangeFile) file = read_back (bytes);
  SixRecord *activity = find_record (file, "activity", ACTIVITY);

  g_assert_nonnull (find_record (file, "coalition", COALITION));
  g_assert_nonnull (find_record (file, "coalition_member", MEMBER));
  g_assert_nonnull (find_record (file, "meeting", MEETING));
  g_assert_null (find_record (file, "contact", CONTACT_PRIVATE));
  g_assert_null (find_record (file, "note", NOTE));
  g_assert_nonnull (activity);
  g_assert_false (has_field (activity, "owner"));
  g_assert_cmpstr (six_record_get_string (activity, "coalition"), ==, COALITION);
}

static void
test_level_private (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  guint total = 0;

  for (guint k = 0; k < n_kinds; k++)
    total += (guint) six_db_count_records (db, &kinds[k], TRUE);

  g_assert_cmpuint (six_exchange_file_get_records (file)->len, ==, total);
  g_assert_cmpstr (six_record_get_string (find_record (file, "activity", ACTIVITY), "owner"),
                   ==, CONTACT_PRIVATE);
}

static void
test_scope_country (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) private_file = NULL;
  g_autoptr(SixExchangeFile) public_file = NULL;
  const char *scope_id = NULL;
  static const Expected private_expected[] = {
    /* The country and what is attached to it… */
    { "country", "LBN" }, { "obligation", "LBN:art4" }, { "extension_request", "LBN:art4:2020" },
    { "article7_report", "LBN:2018" }, { "organisation", ORG_LBN },
    { "assistance_request", REQ_LBN }, { "assistance_request", REQ_LBN_DELETED },
    { "contribution", CONTRIB }, { "contact", CONTACT_PRIVATE }, { "coalition", COALITION },
    { "coalition_member", MEMBER }, { "activity", ACTIVITY }, { "meeting", MEETING },
    { "note", NOTE },
    /* … and what those refer to. */
    { "country", "FRA" }, { "action", "dap:5.1" }, { "plan_section", "dap:s5" },
    { "plan", "dap" },
  };
  static const Expected public_expected[] = {
    { "country", "LBN" }, { "obligation", "LBN:art4" }, { "extension_request", "LBN:art4:2020" },
    { "article7_report", "LBN:2018" }, { "organisation", ORG_LBN },
    { "assistance_request", REQ_LBN }, { "assistance_request", REQ_LBN_DELETED },
    { "contribution", CONTRIB }, { "activity", ACTIVITY },
    { "country", "FRA" }, { "action", "dap:5.1" }, { "plan_section", "dap:s5" },
    { "plan", "dap" },
  };

  private_file = collect (db, SIX_SCOPE_COUNTRY, "LBN", SIX_VISIBILITY_PRIVATE);
  assert_records (private_file, private_expected, G_N_ELEMENTS (private_expected));
  g_assert_cmpint (six_exchange_file_get_scope (private_file, &scope_id), ==, SIX_SCOPE_COUNTRY);
  g_assert_cmpstr (scope_id, ==, "LBN");

  public_file = collect (db, SIX_SCOPE_COUNTRY, "LBN", SIX_VISIBILITY_PUBLIC);
  assert_records (public_file, public_expected, G_N_ELEMENTS (public_expected));
}

static void
test_scope_coalition (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) file = NULL;
  static const Expected expected[] = {
    { "coalition", COALITION }, { "coalition_member", MEMBER }, { "contribution", CONTRIB },
    { "activity", ACTIVITY }, { "meeting", MEETING },
    /* The lead country's profile: its obligations, reports and needs. */
    { "country", "LBN" }, { "obligation", "LBN:art4" }, { "extension_request", "LBN:art4:2020" },
    { "article7_report", "LBN:2018" }, { "organisation", ORG_LBN },
    { "assistance_request", REQ_LBN }, { "assistance_request", REQ_LBN_DELETED },
    /* Referred to. */
    { "country", "FRA" }, { "action", "dap:5.1" },
    { "plan_section", "dap:s5" }, { "plan", "dap" },
  };

  file = collect (db, SIX_SCOPE_COALITION, COALITION, SIX_VISIBILITY_COALITION);
  assert_records (file, expected, G_N_ELEMENTS (expected));

  /* Private notes on included records come along only at the private level. */
  g_clear_object (&file);
  file = collect (db, SIX_SCOPE_COALITION, COALITION, SIX_VISIBILITY_PRIVATE);
  g_assert_nonnull (find_record (file, "note", NOTE));
  g_assert_nonnull (find_record (file, "contact", CONTACT_PRIVATE));
  g_assert_null (find_record (file, "note", NOTE_IRQ));
  g_assert_nonnull (find_record (file, "obligation", "LBN:art4"));
}

static void
test_scope_selection (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SixExportOptions options = { 0 };
  static const SixExportItem items[] = { { "extension_request", "LBN:art4:2020" } };
  static const SixExportItem missing[] = { { "country", "XXX" } };
  static const Expected expected[] = {
    { "extension_request", "LBN:art4:2020" }, { "obligation", "LBN:art4" },
    { "country", "LBN" },
  };

  options.scope = SIX_SCOPE_SELECTION;
  options.selection = items;
  options.n_selection = G_N_ELEMENTS (items);
  options.level = SIX_VISIBILITY_PRIVATE;
  file = six_exchange_collect (db, &options, &error);
  g_assert_no_error (error);
  assert_records (file, expected, G_N_ELEMENTS (expected));
  g_clear_object (&file);

  options.selection = missing;
  file = six_exchange_collect (db, &options, &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_assert_null (file);
  g_clear_error (&error);

  options.scope = SIX_SCOPE_COUNTRY;
  options.scope_id = "XXX";
  file = six_exchange_collect (db, &options, &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_assert_null (file);
}

/* Every scope at every level gives a file the reader accepts: the closure and the filter
 * never leave a dangling reference behind. */
static void
test_valid_matrix (void)
{
  g_autoptr(SixDb) db = populate ();
  struct { SixScopeType scope; const char *id; } scopes[] = {
    { SIX_SCOPE_ALL, NULL }, { SIX_SCOPE_COUNTRY, "LBN" }, { SIX_SCOPE_COUNTRY, "IRQ" },
    { SIX_SCOPE_COUNTRY, "FRA" }, { SIX_SCOPE_COALITION, COALITION },
  };

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      for (SixVisibility level = SIX_VISIBILITY_PUBLIC; level <= SIX_VISIBILITY_PRIVATE; level++)
        {
          g_autoptr(GBytes) bytes = write_db (db, scopes[s].scope, scopes[s].id, level);
          g_autoptr(SixExchangeFile) file = read_back (bytes);

          g_assert_cmpint (six_exchange_file_get_level (file), ==, level);
        }
    }
}

static void
test_tombstones (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_COUNTRY, "LBN", SIX_VISIBILITY_PUBLIC);
  g_autoptr(SixExchangeFile) file = read_back (bytes);
  SixRecord *deleted = find_record (file, "assistance_request", REQ_LBN_DELETED);

  g_assert_nonnull (deleted);
  g_assert_true (six_record_is_deleted (deleted));
  g_assert_cmpint (six_record_get_int (deleted, "year", 0), ==, 2019);
}

static void
assert_stamps_equal (const SixFieldStamp *a,
                     const SixFieldStamp *b)
{
  g_assert_nonnull (a->vv);
  g_assert_nonnull (b->vv);
  g_assert_true (six_version_vector_equal (a->vv, b->vv));
  g_assert_cmpint (six_hlc_compare (&a->hlc, &b->hlc), ==, 0);
  g_assert_cmpstr (a->source, ==, b->source);
}

/* Write → read → every record, field and stamp as the store holds it. */
static void
test_round_trip (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(GBytes) bytes = write_db (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autoptr(SixExchangeFile) file = read_back (bytes);
  GPtrArray *records = six_exchange_file_get_records (file);
  GPtrArray *replicas = six_exchange_file_get_replicas (file);
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  gboolean self_listed = FALSE;

  g_assert_cmpuint (records->len, >, 20);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *read = records->pdata[i];
      const SixKind *kind = six_record_get_kind (read);
      g_autoptr(GError) error = NULL;
      g_autoptr(SixRecord) stored = six_db_get_record (db, kind, six_record_get_id (read),
                                                       TRUE, &error);

      g_assert_no_error (error);
      g_assert_true (six_record_equal_values (read, stored));
      for (guint f = 0; f < kind->n_fields; f++)
        {
          g_assert_cmpint (six_record_has_field (read, f), ==,
                           six_record_has_field (stored, f));
          if (six_record_has_field (read, f))
            assert_stamps_equal (six_record_get_nth_stamp (read, f),
                                 six_record_get_nth_stamp (stored, f));
        }
    }

  g_assert_cmpstr (six_record_get_string (find_record (file, "assistance_request", REQ_LBN),
                                          "description"), ==, AWKWARD_TEXT);

  /* The origin and every replica in the clocks, with their names. */
  g_assert_cmpstr (origin->id, ==, six_db_get_replica_id (db));
  g_assert_cmpstr (origin->name, ==, "Nadia Haddad");
  for (guint i = 0; i < replicas->len; i++)
    {
      const SixReplicaInfo *replica = replicas->pdata[i];

      if (g_strcmp0 (replica->id, origin->id) == 0)
        {
          self_listed = TRUE;
          g_assert_cmpstr (replica->organisation, ==, "Lebanon Mine Action Centre");
        }
    }
  g_assert_true (self_listed);
}

/* A record whose value has lost its clock cannot be written. */
/* A file whose Lebanon has a name but no clock for it. */
static SixExchangeFile *
unwritable_file (void)
{
  SixExchangeFile *file = six_exchange_file_new ();
  g_autoptr(SixRecord) record = NULL;
  const SixKind *kind = six_kind_lookup ("country");
  GVariant *values[32] = { NULL };

  values[six_kind_field_index (kind, "name")] = g_variant_new_string ("Lebanon");
  record = six_record_new (kind, "LBN", values, NULL);

  six_exchange_file_set_export_id (file, EXPORT_ID);
  six_exchange_file_set_created_at (file, CREATED_AT);
  six_exchange_file_set_app_version (file, "0.1.0");
  six_exchange_file_set_origin (file, &(SixReplicaInfo) { (char *) "r1", NULL, NULL });
  six_exchange_file_add_record (file, record);

  return file;
}

/* A record whose value has lost its clock cannot be written. */
static void
test_refuses_unstamped (void)
{
  g_autoptr(SixExchangeFile) file = unwritable_file ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = six_exchange_write_file (file, &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "name has a value but no clock"));
}

/* Clocks print as six_hlc_to_string () and the vector's own numbers, at their extremes too;
 * two records sharing one vector print it the same. */
static void
test_stamp_numbers (void)
{
  g_autoptr(SixExchangeFile) file = six_exchange_file_new ();
  g_autoptr(SixVersionVector) vv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const SixKind *kind = six_kind_lookup ("country");
  int name = six_kind_field_index (kind, "name");
  const SixHlc hlcs[] = {
    { G_MAXINT64, G_MAXUINT32, "r1" },
    { -1, 0, "r-2" },
  };

  vv = six_version_vector_parse ("r-2=10,r1=9223372036854775807", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hlcs); i++)
    {
      g_autoptr(SixRecord) record = NULL;
      g_autofree char *id = g_strdup_printf ("X%02u", i);
      GVariant *values[32] = { NULL };
      SixFieldStamp stamps[32] = { { NULL } };

      values[name] = g_variant_new_string ("Somewhere");
      stamps[name].vv = vv;
      stamps[name].hlc = hlcs[i];
      stamps[name].hlc.replica = g_intern_string (hlcs[i].replica);
      record = six_record_new (kind, id, values, stamps);
      six_exchange_file_add_record (file, record);
    }

  six_exchange_file_set_export_id (file, EXPORT_ID);
  six_exchange_file_set_created_at (file, CREATED_AT);
  six_exchange_file_set_app_version (file, "0.1.0");
  six_exchange_file_set_origin (file, &(SixReplicaInfo) { (char *) "r1", NULL, NULL });
  bytes = six_exchange_write_file (file, &error);
  g_assert_no_error (error);
  text = bytes_to_string (bytes);

  for (guint i = 0; i < G_N_ELEMENTS (hlcs); i++)
    {
      SixHlc hlc = hlcs[i];
      g_autofree char *hlc_text = NULL;
      g_autofree char *expected = NULL;

      hlc.replica = g_intern_string (hlc.replica);
      hlc_text = six_hlc_to_string (&hlc);
      expected = g_strdup_printf ("\"name\": {\"vv\": {\"r-2\": 10, "
                                  "\"r1\": 9223372036854775807}, \"hlc\": \"%s\"}",
                                  hlc_text);
      g_assert_nonnull (strstr (text, expected));
    }
  g_assert_nonnull (strstr (text, "\"hlc\": \"9223372036854775807.4294967295@r1\""));
  g_assert_nonnull (strstr (text, "\"hlc\": \"-1.0@r-2\""));
}

/* `test-exchange-writer --write-samples DIR` writes fresh exports for the schema test. */
/* populate () and @n_notes notes of a kilobyte each: a file of several output chunks. */
static SixDb *
populate_large (guint n_notes)
{
  SixDb *db = populate ();
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autofree char *text = g_strnfill (1000, 'n');

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-1%011x", i);
      SixEdit *e = edit (edits, "note", id);

      six_edit_set_string (e, "target", REQ_LBN);
      six_edit_set_string (e, "text", text);
    }
  apply (db, edits);

  return db;
}

static void
assert_checksum_of_prefix (const char *text,
                           gsize       len)
{
  const char *checksum_line = g_strrstr_len (text, (gssize) len, "  \"checksum\": ");
  g_autofree char *computed = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (checksum_line);
  computed = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                          (gsize) (checksum_line - text));
  line = g_strdup_printf ("  \"checksum\": \"sha256:%s\"\n}\n", computed);
  g_assert_cmpstr (checksum_line, ==, line);
}

/* A file of many chunks, saved to disk: the same bytes as in memory, the checksum of every
 * byte, in order; saved again over itself, still the same. */
static void
test_save (void)
{
  g_autoptr(SixDb) db = populate_large (6000);
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autoptr(SixExchangeFile) again = collect (db, SIX_SCOPE_ALL, NULL,
                                              SIX_VISIBILITY_PRIVATE);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "all.a6.json", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize saved_len;

  bytes = six_exchange_write_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 6 * 1024 * 1024);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (six_exchange_save_file (again, destination, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &saved, &saved_len, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (saved, saved_len, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes));
      assert_checksum_of_prefix (saved, saved_len);
      g_assert_cmpstr (six_exchange_file_get_checksum (again), ==,
                       six_exchange_file_get_checksum (file));
      g_clear_pointer (&saved, g_free);
    }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* An export is written as six_exchange_write_file () prints it, and recorded in the exchange
 * log as an export, which a later import of the same file does not take for an import. */
static void
test_export_logged (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) expected = collect (db, SIX_SCOPE_COUNTRY, "LBN",
                                                 SIX_VISIBILITY_PUBLIC);
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(SixExchangeLogEntry) import = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "LBN-2025-11-23.a6.json", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *counts = NULL;
  SixExportOptions options = { 0 };
  const SixExchangeLogEntry *entry;
  gsize saved_len;

  options.scope = SIX_SCOPE_COUNTRY;
  options.scope_id = "LBN";
  options.level = SIX_VISIBILITY_PUBLIC;
  options.export_id = EXPORT_ID;
  options.created_at = CREATED_AT;
  file = six_exchange_export (db, &options, destination, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  bytes = six_exchange_write_file (expected, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, &saved_len, &error));
  g_assert_cmpmem (saved, saved_len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  log = six_db_list_exchanges (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  entry = log->pdata[0];
  g_assert_cmpint (entry->direction, ==, SIX_EXCHANGE_DIRECTION_EXPORT);
  g_assert_cmpstr (entry->export_id, ==, EXPORT_ID);
  g_assert_cmpstr (entry->checksum, ==, six_exchange_file_get_checksum (file));
  g_assert_cmpstr (entry->file_name, ==, "LBN-2025-11-23.a6.json");
  g_assert_cmpstr (entry->origin, ==, six_db_get_replica_id (db));
  g_assert_cmpint (entry->at, >, 0);
  counts = g_strdup_printf ("{\"records\": %u}", six_exchange_file_get_records (file)->len);
  g_assert_cmpstr (entry->counts, ==, counts);

  g_assert_true (six_db_find_import (db, EXPORT_ID, six_exchange_file_get_checksum (file),
                                     &import, &error));
  g_assert_no_error (error);
  g_assert_null (import);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A file that cannot be written leaves the file that was there as it was, and no new one. */
static void
test_save_refused (void)
{
  g_autoptr(SixExchangeFile) file = unwritable_file ();
  g_autofree char *dir = g_dir_make_tmp ("six-writer-XXXXXX", NULL);
  g_autofree char *kept_path = g_build_filename (dir, "kept.a6.json", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.a6.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "x.a6.json", NULL);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(GFile) created = g_file_new_for_path (new_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (kept_path, "what was there\n", -1, NULL));

  g_assert_false (six_exchange_save_file (file, kept, NULL, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "name has a value but no clock"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "what was there\n");

  g_assert_false (six_exchange_save_file (file, created, NULL, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_null (six_exchange_file_get_checksum (file));

  /* Nowhere to write: GIO's message names the file. */
  g_clear_object (&file);
  {
    g_autoptr(SixDb) db = populate ();

    file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PUBLIC);
  }
  g_assert_false (six_exchange_save_file (file, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.a6.json"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_cmpint (g_remove (kept_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A stream that fills up part-way: the error is the stream's, printing stops, and the file
 * gets no checksum. */
static void
test_stream_full (void)
{
  g_autoptr(SixDb) db = populate_large (6000);
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  gsize size = 2 * 1024 * 1024 + 512 * 1024;
  g_autofree char *buffer = g_malloc (size);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, size, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (six_exchange_write_file_to_stream (file, stream, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_null (six_exchange_file_get_checksum (file));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                    <=, size);
  g_assert_true (g_str_has_prefix (buffer, "{\n  \"format\": \"article-six\""));
}

static GBytes *
write_limited (SixExchangeFile *file,
               guint64          max_size,
               GError         **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!six_exchange_write_file_to_stream_full (file, stream, max_size, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Export and import keep the same limit: a file of exactly the limit is written and read,
 * one byte more is refused by both, and the writer stops before it writes past it. */
static void
test_size_limit_agrees (void)
{
  g_autoptr(SixDb) db = populate_large (2000);
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autoptr(GBytes) whole = write_limited (file, G_MAXUINT64, NULL);
  gsize size = g_bytes_get_size (whole);
  SixExchangeReadOptions options = { .max_size = size };
  SixExchangeReadOptions smaller = { .max_size = size - 1 };
  g_autoptr(GBytes) exact = NULL;
  g_autoptr(GBytes) over = NULL;
  g_autoptr(SixExchangeFile) read = NULL;
  g_autoptr(SixExchangeFile) refused = NULL;
  g_autoptr(GError) error = NULL;

  exact = write_limited (file, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (exact), ==, size);
  read = six_exchange_read_bytes_full (exact, "exact.a6.json", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);

  refused = six_exchange_read_bytes_full (exact, "exact.a6.json", &smaller, &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  over = write_limited (file, size - 1, &error);
  g_assert_null (over);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "one country or one coalition"));
}

/* Cancelled before it starts: nothing written, and the error says so. */
static void
test_save_cancelled (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PUBLIC);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("six-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cancelled.a6.json", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (six_exchange_save_file (file, destination, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A killed export's part file (ours, or GIO's from older versions) holds every record it
 * wrote: the next save in that folder removes it, and leaves no part file of its own. */
static void
test_save_stale_parts (void)
{
  g_autoptr(SixDb) db = populate ();
  g_autoptr(SixExchangeFile) file = collect (db, SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE);
  g_autofree char *dir = g_dir_make_tmp ("six-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "all.a6.json", NULL);
  g_autofree char *ours = g_build_filename (dir, ".all.a6.json.a6-part-999999999-Ab12Cd", NULL);
  g_autofree char *old_gio = g_build_filename (dir, ".goutputstream-OLD123", NULL);
  g_autofree char *running_gio = g_build_filename (dir, ".goutputstream-NEW123", NULL);
  g_autofree char *other = g_build_filename (dir, ".hidden-notes", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct utimbuf two_hours_ago = { time (NULL) - 7200, time (NULL) - 7200 };
  GStatBuf info;

  g_assert_true (g_file_set_contents (ours, "{\"private\"", -1, NULL));
  g_assert_true (g_file_set_contents (old_gio, "{\"private\"", -1, NULL));
  g_assert_true (g_file_set_contents (running_gio, "{", -1, NULL));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  g_assert_cmpint (g_utime (old_gio, &two_hours_ago), ==, 0);

  g_assert_true (six_exchange_save_file (file, destination, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_gio, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running_gio, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 3);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_unlink (path);
  g_unlink (running_gio);
  g_unlink (other);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static int
write_samples (const char *dir)
{
  g_autoptr(SixDb) db = populate ();
  struct
  {
    const char   *name;
    SixScopeType  scope;
    const char   *id;
    SixVisibility level;
  } samples[] = {
    { "all-private.a6.json", SIX_SCOPE_ALL, NULL, SIX_VISIBILITY_PRIVATE },
    { "lbn-public.a6.json", SIX_SCOPE_COUNTRY, "LBN", SIX_VISIBILITY_PUBLIC },
    { "coalition.a6.json", SIX_SCOPE_COALITION, COALITION, SIX_VISIBILITY_COALITION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GBytes) bytes = write_db (db, samples[i].scope, samples[i].id, samples[i].level);
      g_autofree char *path = g_build_filename (dir, samples[i].name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--write-samples") == 0)
    return write_samples (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/writer/layout", test_layout);
  g_test_add_func ("/exchange/writer/deterministic", test_deterministic);
  g_test_add_func ("/exchange/writer/checksum", test_checksum);
  g_test_add_func ("/exchange/writer/level/public", test_level_public);
  g_test_add_func ("/exchange/writer/level/coalition", test_level_coalition);
  g_test_add_func ("/exchange/writer/level/private", test_level_private);
  g_test_add_func ("/exchange/writer/scope/country", test_scope_country);
  g_test_add_func ("/exchange/writer/scope/coalition", test_scope_coalition);
  g_test_add_func ("/exchange/writer/scope/selection", test_scope_selection);
  g_test_add_func ("/exchange/writer/valid-matrix", test_valid_matrix);
  g_test_add_func ("/exchange/writer/tombstones", test_tombstones);
  g_test_add_func ("/exchange/writer/round-trip", test_round_trip);
  g_test_add_func ("/exchange/writer/stamp-numbers", test_stamp_numbers);
  g_test_add_func ("/exchange/writer/refuses-unstamped", test_refuses_unstamped);
  g_test_add_func ("/exchange/writer/save", test_save);
  g_test_add_func ("/exchange/writer/export-logged", test_export_logged);
  g_test_add_func ("/exchange/writer/save/refused", test_save_refused);
  g_test_add_func ("/exchange/writer/save/cancelled", test_save_cancelled);
  g_test_add_func ("/exchange/writer/save/stale-parts", test_save_stale_parts);
  g_test_add_func ("/exchange/writer/stream-full", test_stream_full);
  g_test_add_func ("/exchange/writer/size-limit-agrees", test_size_limit_agrees);

  return g_test_run ();
}
