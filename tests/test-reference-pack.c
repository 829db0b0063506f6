/* test-reference-pack.c — tests for the reference pack: reproducible, complete, merged exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-iso-codes.h"
#include "six-reference-pack.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/* A user's clock: 2026-12-07, after the pack's latest stamp (2026-11-23), which a clock more
 * than a day behind would refuse (format §4, rule 6); ms since the epoch. */
#define USER_NOW G_GINT64_CONSTANT (1796601600000)
#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static gint64
fixed_now (gpointer user_data)
{
  return *(const gint64 *) user_data;
}

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  /* Set by tests/meson.build; without it the test would prove nothing. */
  if (value == NULL)
    g_error ("%s is not set: run this test through meson", name);

  return value;
}

static const SixKind *
kind (const char *name)
{
  const SixKind *result = six_kind_lookup (name);

  g_assert_nonnull (result);

  return result;
}

static SixDb *
open_db (gint64 *now)
{
  g_autoptr(GError) error = NULL;
  SixDb *db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  if (now != NULL)
    six_db_set_wall_clock (db, fixed_now, now);

  return db;
}

static SixImportResult *merge (SixDb   *db,
                               gboolean force);

/* One merged database for the tests that only read (merging is the slow part under ASan). */
static SixDb *shared_db;

static SixDb *
get_shared_db (void)
{
  if (shared_db == NULL)
    {
      g_autoptr(SixImportResult) result = NULL;

      shared_db = open_db (NULL);
      result = merge (shared_db, FALSE);
      g_assert_false (result->already_imported);
      g_assert_cmpuint (result->counts.n_conflicts, ==, 0);
      /* Every record is new but the three tombstones of notes older packs held. */
      g_assert_cmpuint (result->counts.n_new, ==, result->counts.n_records - 3);
    }

  return shared_db;
}

static SixImportResult *
merge (SixDb   *db,
       gboolean force)
{
  g_autoptr(GError) error = NULL;
  SixImportResult *result = NULL;

  g_assert_true (six_reference_pack_merge (db, force, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static SixRecord *
get_record (SixDb      *db,
            const char *kind_name,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  SixRecord *record = six_db_get_record (db, kind (kind_name), id, TRUE, &error);

  g_assert_no_error (error);
  if (record == NULL)
    g_error ("%s %s is not in the database", kind_name, id);

  return record;
}

static GPtrArray *
list (SixDb      *db,
      const char *kind_name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = six_db_list_records (db, kind (kind_name), FALSE, TRUE, &error);

  g_assert_no_error (error);

  return records;
}

static GBytes *
export_all (SixDb *db)
{
  g_autoptr(GError) error = NULL;
  SixExportOptions options = { 0 };
  GBytes *bytes;

  options.level = SIX_VISIBILITY_PRIVATE;
  options.export_id = "0d0c5f0e-6f6b-4a8e-9d55-3c1f8a3b9a10";
  options.created_at = "2025-11-23T00:00:00Z";

  bytes = six_exchange_write (db, &options, &error);
  g_assert_no_error (error);

  return bytes;
}

static JsonNode *
load_fact_file (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (env ("SIX_PACK_FACTS_DIR"), name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_parser_steal_root (parser);
}

static void
apply (SixDb   *db,
       SixEdit *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "test", edits, &error), >, 0);
  g_assert_no_error (error);
}

/* The committed pack is exactly what the generator writes from the committed facts, and
 * the program carries that very pack. */
static void
test_pack_regenerates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("six-pack-XXXXXX", &error);
  g_autofree char *output = NULL;
  g_autofree char *written = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) compiled = six_reference_pack_get_bytes ();
  gsize written_len, committed_len;
  int status;
  const char *argv[] = {
    env ("SIX_MAKE_PACK"),
    "--facts", env ("SIX_PACK_FACTS_DIR"),
    "--iso-codes", env ("SIX_ISO_CODES_JSON"),
    "--previous", env ("SIX_PACK_FILE"),
    "--output", NULL,
    NULL
  };

  g_assert_no_error (error);
  output = g_build_filename (dir, "pack.a6.json", NULL);
  argv[8] = output;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("six-make-pack failed: %s", err);

  g_file_get_contents (output, &written, &written_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (env ("SIX_PACK_FILE"), &committed, &committed_len, &error);
  g_assert_no_error (error);

  g_assert_cmpmem (written, written_len, committed, committed_len);
  g_assert_cmpmem (g_bytes_get_data (compiled, NULL), g_bytes_get_size (compiled),
                   committed, committed_len);

  g_unlink (output);
  g_rmdir (dir);
}

/* A valid exchange file (checksum, references, kinds), written wholly by "reference". */
static void
test_pack_reads (void)
{
  g_autoptr(GBytes) bytes = six_reference_pack_get_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  GPtrArray *records;

  file = six_exchange_read_bytes (bytes, "reference-pack.a6.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  g_assert_cmpstr (six_exchange_file_get_origin (file)->id, ==, SIX_REFERENCE_PACK_REPLICA);
  g_assert_cmpint (six_exchange_file_get_level (file), ==, SIX_VISIBILITY_PUBLIC);
  g_assert_cmpstr (six_reference_pack_get_version (), ==, "2026-12-07");
  g_assert_true (g_str_has_prefix (six_exchange_file_get_created_at (file),
                                   six_reference_pack_get_version ()));

  records = six_exchange_file_get_records (file);
  g_assert_cmpuint (records->len, >, 400);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *record_kind = six_record_get_kind (record);

      /* A record an older pack held and the facts no longer do is a tombstone, cited. */
      if (six_record_is_deleted (record))
        g_assert_cmpstr (six_record_get_nth_stamp (record, SIX_FIELD_DELETED)->source, ==,
                         "No longer in the reference facts");
      g_assert_cmpint (six_record_get_visibility (record), ==, SIX_VISIBILITY_PUBLIC);

      /* Every fact keeps its citation. */
      for (guint f = 0; f < record_kind->n_fields; f++)
        {
          const SixFieldStamp *stamp = six_record_get_nth_stamp (record, f);

          if (!six_record_has_field (record, f))
            continue;

          g_assert_nonnull (stamp);
          g_assert_cmpstr (stamp->hlc.replica, ==, SIX_REFERENCE_PACK_REPLICA);
          g_assert_nonnull (stamp->source);
          g_assert_cmpstr (stamp->source, !=, "");
        }
    }

  /* A tampered pack is refused: the checksum covers every byte. */
  {
    gsize size = 0;
    const char *data = g_bytes_get_data (bytes, &size);
    g_autofree char *copy = g_memdup2 (data, size);
    g_autoptr(GBytes) tampered = NULL;
    g_autoptr(SixExchangeFile) refused = NULL;
    char *hit = g_strstr_len (copy, (gssize) size, "\"Lebanon\"");

    g_assert_nonnull (hit);
    hit[1] = 'l';
    tampered = g_bytes_new_take (g_steal_pointer (&copy), size);
    refused = six_exchange_read_bytes (tampered, "tampered.a6.json", &error);
    g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_CHECKSUM);
    g_assert_null (refused);
  }
}

/* 112 States Parties, 12 signatories, 1 withdrawal; every UN member; a region for all. */
static void
test_pack_counts (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GPtrArray) countries = list (db, "country");
  g_autoptr(JsonNode) members = load_fact_file ("un-members.json");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *codes = json_object_get_array_member (json_node_get_object (members), "members");
  guint parties = 0, signatories = 0, withdrawn = 0, not_party = 0;

  for (guint i = 0; i < countries->len; i++)
    {
      SixRecord *country = countries->pdata[i];
      const char *status = six_record_get_string (country, "status");

      g_hash_table_insert (by_id, (gpointer) six_record_get_id (country), country);
      parties += g_strcmp0 (status, "party") == 0;
      signatories += g_strcmp0 (status, "signatory") == 0;
      withdrawn += g_strcmp0 (status, "withdrawn") == 0;
      not_party += g_strcmp0 (status, "not_party") == 0;

      g_assert_nonnull (six_record_get_string (country, "region"));
      g_assert_cmpstr (six_record_get_string (country, "alpha2"), ==,
                       six_iso_codes_get_alpha2 (six_record_get_id (country)));
    }

  g_assert_cmpuint (parties, ==, 112);
  g_assert_cmpuint (signatories, ==, 12);
  g_assert_cmpuint (withdrawn, ==, 1);
  g_assert_cmpuint (json_array_get_length (codes), ==, 193);

  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      const char *code = json_array_get_string_element (codes, i);

      if (!g_hash_table_contains (by_id, code))
        g_error ("UN member %s is missing", code);
    }

  /* The 193 members and the four non-member States that joined the Convention. */
  g_assert_cmpuint (countries->len, ==, 197);
  g_assert_cmpuint (not_party, ==, 197 - 125);

  {
    g_autoptr(SixRecord) lithuania = get_record (db, "country", "LTU");
    g_autoptr(SixRecord) vanuatu = get_record (db, "country", "VUT");

    g_assert_cmpstr (six_record_get_string (lithuania, "withdrawn_on"), ==, "2025-03-06");
    g_assert_cmpstr (six_record_get_string (vanuatu, "instrument"), ==, "accession");
    g_assert_cmpstr (six_record_get_string (vanuatu, "entry_into_force"), ==, "2026-03-01");
  }
}

typedef struct
{
  const char *obligation;
  const char *entry_into_force;
  const char *original;
  const char *current;
  const char *status;
  const char *completed_on;
  guint       n_extensions;
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "LAO:art4", "2010-08-01", "2020-08-01", "2025-08-01", "in_progress", NULL, 2 },
  { "LBN:art4", "2011-05-01", "2021-05-01", "2026-05-01", "in_progress", NULL, 2 },
  { "AFG:art4", "2012-03-01", "2022-03-01", "2026-03-01", "in_progress", NULL, 2 },
  { "DEU:art4", "2010-08-01", "2020-08-01", "2030-08-01", "in_progress", NULL, 2 },
  { "IRQ:art4", "2013-11-01", "2023-11-01", "2028-11-01", "in_progress", NULL, 1 },
  { "BIH:art4", "2011-03-01", "2021-03-01", "2023-09-01", "completed", NULL, 2 },
  { "TCD:art4", "2013-09-01", "2023-09-01", "2026-10-01", "in_progress", NULL, 2 },
  { "CHL:art4", "2011-06-01", "2021-06-01", "2026-06-01", "in_progress", NULL, 4 },
  { "SOM:art4", "2016-03-01", "2026-03-01", "2026-03-01", "in_progress", NULL, 1 },
  /* Granted to a day in 2026 nobody found: unknown, never the old date. */
  { "MRT:art4", "2012-08-01", "2022-08-01", NULL, "in_progress", NULL, 2 },
  { "MNE:art4", "2010-08-01", "2020-08-01", "2020-08-01", "completed", "2020-07-31", 0 },
  { "PER:art3", "2013-03-01", "2021-03-01", "2024-04-01", "completed", "2023-12-15", 1 },
  { "BGR:art3", "2011-10-01", "2019-10-01", "2023-12-31", "completed", NULL, 3 },
  { "SVK:art3", "2016-01-01", "2024-01-01", "2024-01-01", "completed", "2023-09-01", 0 },
  { "HRV:art4", "2010-08-01", "2020-08-01", "2020-08-01", "completed", "2020-07-10", 0 },
  /* South Africa completed in 2023, day unknown: no date is invented. */
  { "ZAF:art3", "2015-11-01", "2023-11-01", "2023-11-01", "completed", NULL, 0 },
};

/* Original deadlines are computed from entry into force; current ones follow extensions. */
static void
test_pack_deadlines (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GPtrArray) obligations = list (db, "obligation");
  g_autoptr(GPtrArray) extensions = list (db, "extension_request");

  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      const DeadlineCase *c = &deadline_cases[i];
      g_autoptr(SixRecord) obligation = get_record (db, "obligation", c->obligation);
      g_autoptr(SixRecord) country = get_record (db, "country",
                                                 six_record_get_string (obligation, "country"));
      guint n = 0;

      g_test_message ("%s", c->obligation);
      g_assert_cmpstr (six_record_get_string (country, "entry_into_force"), ==,
                       c->entry_into_force);
      g_assert_cmpstr (six_record_get_string (obligation, "original_deadline"), ==, c->original);
      g_assert_cmpstr (six_record_get_string (obligation, "current_deadline"), ==, c->current);
      g_assert_cmpstr (six_record_get_string (obligation, "status"), ==, c->status);
      g_assert_cmpstr (six_record_get_string (obligation, "completed_on"), ==, c->completed_on);

      for (guint j = 0; j < extensions->len; j++)
        n += g_strcmp0 (six_record_get_string (extensions->pdata[j], "obligation"),
                        c->obligation) == 0;
      g_assert_cmpuint (n, ==, c->n_extensions);
    }

  /* And every Art. 3/4 obligation: 8 and 10 years after the State's entry into force. */
  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];
      const char *article = six_record_get_string (obligation, "article");
      g_autoptr(SixRecord) country = get_record (db, "country",
                                                 six_record_get_string (obligation, "country"));
      const char *eif = six_record_get_string (country, "entry_into_force");
      g_autofree char *expected = NULL;

      if (g_strcmp0 (article, "art5") == 0)
        {
          g_assert_null (six_record_get_string (obligation, "original_deadline"));
          g_assert_null (six_record_get_string (obligation, "current_deadline"));
          continue;
        }

      expected = g_strdup_printf ("%04d%s", (int) g_ascii_strtoll (eif, NULL, 10) +
                                  (strcmp (article, "art3") == 0 ? 8 : 10), eif + 4);
      g_assert_cmpstr (six_record_get_string (obligation, "original_deadline"), ==, expected);
    }

  {
    g_autoptr(SixRecord) extension = get_record (db, "extension_request", "AFG:art4:1");

    g_assert_cmpstr (six_record_get_string (extension, "decision"), ==, "granted");
    g_assert_cmpstr (six_record_get_string (extension, "granted_until"), ==, "2026-03-01");
  }
}

/* The starter list of organisations: public names, fixed ids, cited like every fact. */
static void
test_pack_organisations (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GPtrArray) organisations = list (db, "organisation");
  static const char * const names[] = {
    "Norwegian People's Aid", "The HALO Trust", "Mines Advisory Group", "DanChurchAid",
    "Humanity & Inclusion", "Swiss Foundation for Mine Action",
    "United Nations Mine Action Service", "United Nations Development Programme",
    "International Committee of the Red Cross",
    "Geneva International Centre for Humanitarian Demining", "Cluster Munition Coalition",
    "Implementation Support Unit of the Convention on Cluster Munitions",
  };
  g_autoptr(SixRecord) npa = NULL;

  g_assert_cmpuint (organisations->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < organisations->len && !found; j++)
        {
          SixRecord *organisation = organisations->pdata[j];
          guint name = six_kind_field_index (six_record_get_kind (organisation), "name");

          found = g_strcmp0 (six_record_get_string (organisation, "name"), names[i]) == 0;
          if (found)
            {
              g_assert_cmpstr (six_record_get_nth_stamp (organisation, name)->hlc.replica, ==,
                               SIX_REFERENCE_PACK_REPLICA);
              g_assert_nonnull (six_record_get_nth_stamp (organisation, name)->source);
            }
        }
      if (!found)
        g_error ("%s is missing", names[i]);
    }

  /* uuid5 (the pack's namespace, "organisation:NPA"), as Python's uuid module computes it. */
  npa = get_record (db, "organisation", "b66212a0-33f6-5226-ab2e-8ea4a3d81d57");
  (void) npa;
}

/* The Art. 5 list and the 2018 reporting cycle. */
static void
test_pack_victim_assistance_and_reports (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GPtrArray) obligations = list (db, "obligation");
  g_autoptr(GPtrArray) reports = list (db, "article7_report");
  g_autoptr(SixRecord) mozambique = get_record (db, "article7_report", "MOZ:2018");
  g_autoptr(SixRecord) afghanistan = get_record (db, "article7_report", "AFG:2018");
  g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new_strv (
    (const char * const[]) { "risk_education", "survey_clearance", "victim_assistance" }, 3));
  guint n_art5 = 0;

  for (guint i = 0; i < obligations->len; i++)
    n_art5 += g_strcmp0 (six_record_get_string (obligations->pdata[i], "article"), "art5") == 0;

  g_assert_cmpuint (n_art5, ==, 12);
  g_assert_cmpuint (reports->len, ==, 11);
  g_assert_true (six_record_get_boolean (afghanistan, "requested_assistance"));
  g_assert_true (g_variant_equal (six_record_get_value (afghanistan, "categories"), expected));
  {
    g_autofree const char **categories = g_variant_get_strv (
      six_record_get_value (mozambique, "categories"), NULL);

    g_assert_cmpstr (categories[0], ==, "other");
    g_assert_null (categories[1]);
  }
}

/* Nothing unverified is dressed up: unknown titles are "Action N", unknown and unverified. */
static void
test_pack_unverified (void)
{
  SixDb *db = get_shared_db ();
  const char * const placeholders[] = { "dap:1.1", "dap:4.3", "dap:7.1", "lap:1", "lap:9" };
  g_autoptr(GPtrArray) actions = list (db, "action");
  guint n_dap = 0, n_lap = 0;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      g_autoptr(SixRecord) action = get_record (db, "action", placeholders[i]);
      g_autofree char *title = g_strdup_printf ("Action %s",
                                                six_record_get_string (action, "number"));

      g_assert_cmpstr (six_record_get_string (action, "title"), ==, title);
      g_assert_cmpstr (six_record_get_string (action, "confidence"), ==, "unknown");
      g_assert_false (six_record_get_boolean (action, "verified"));
      g_assert_null (six_record_get_string (action, "summary"));
    }

  for (guint i = 0; i < actions->len; i++)
    {
      SixRecord *action = actions->pdata[i];

      if (g_strcmp0 (six_record_get_string (action, "plan"), "dap") == 0)
        n_dap++;
      else
        n_lap++;
    }
  g_assert_cmpuint (n_lap, ==, 50);
  g_assert_cmpuint (n_dap, ==, 23 + 3);

  /* No placeholder note comes up in a search for its words. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = six_db_search (db, "Placeholder title recovered", NULL, 50,
                                               &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  {
    g_autoptr(SixRecord) verified = get_record (db, "action", "dap:5.5");
    g_autoptr(SixRecord) truncated = get_record (db, "action", "dap:4.2");
    g_autoptr(SixRecord) cooperation = get_record (db, "action", "lap:38");
    g_autoptr(SixRecord) section = get_record (db, "plan_section", "lap:s-cooperation");

    g_assert_cmpstr (six_record_get_string (verified, "title"), ==,
                     "Respond constructively to request for assistance");
    g_assert_true (six_record_get_boolean (verified, "verified"));
    g_assert_cmpstr (six_record_get_string (truncated, "title"), ==,
                     "Increase the involvement of victims…");
    g_assert_false (six_record_get_boolean (truncated, "verified"));
    g_assert_cmpstr (six_record_get_string (cooperation, "section"), ==, "lap:s-cooperation");
    g_assert_nonnull (six_record_get_string (cooperation, "summary"));
    g_assert_false (six_record_get_boolean (cooperation, "verified"));
    g_assert_cmpint (six_record_get_int (section, "position", 0), ==, 7);
  }
}

/* The crosswalk pairs DAP section 5 with LAP 38-42 both ways, and no other action. */
static void
test_pack_crosswalk (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GPtrArray) actions = list (db, "action");
  g_autoptr(SixRecord) dap_5_2 = get_record (db, "action", "dap:5.2");
  g_autoptr(SixRecord) lap_38 = get_record (db, "action", "lap:38");
  guint n_related = 0;

  g_assert_true (six_record_set_has (dap_5_2, "related", "lap:38"));
  g_assert_true (six_record_set_has (lap_38, "related", "dap:5.2"));
  g_assert_true (six_record_set_has (lap_38, "related", "dap:5.3"));
  g_assert_cmpstr (six_record_get_nth_stamp (lap_38, six_kind_field_index (
                     six_record_get_kind (lap_38), "related"))->source, !=, NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      SixRecord *action = actions->pdata[i];
      GVariant *related = six_record_get_value (action, "related");
      const char *id = six_record_get_id (action);

      if (related == NULL)
        continue;
      n_related++;
      g_assert_true (g_str_has_prefix (id, "dap:5.") ||
                     (g_strcmp0 (id, "lap:38") >= 0 && g_strcmp0 (id, "lap:42") <= 0));
      for (gsize j = 0; j < g_variant_n_children (related); j++)
        {
          g_autoptr(GVariant) other_id = g_variant_get_child_value (related, j);
          g_autoptr(SixRecord) other = get_record (db, "action",
                                                   g_variant_get_string (other_id, NULL));

          g_assert_true (six_record_set_has (other, "related", id));
          g_assert_cmpstr (six_record_get_string (other, "plan"), !=,
                           six_record_get_string (action, "plan"));
        }
    }
  g_assert_cmpuint (n_related, ==, 6 + 5);
}

/* Merging twice changes nothing: the second is "already imported", a forced one is a no-op. */
static void
test_pack_merge_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = open_db (NULL);
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(SixImportResult) forced = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean merged = TRUE;

  g_assert_true (six_reference_pack_is_merged (db, &merged, &error));
  g_assert_no_error (error);
  g_assert_false (merged);

  g_assert_true (six_reference_pack_ensure (db, &error));
  g_assert_no_error (error);
  g_assert_true (six_reference_pack_is_merged (db, &merged, &error));
  g_assert_true (merged);
  before = export_all (db);

  /* ensure () again: the log says merged, nothing is read. */
  g_assert_true (six_reference_pack_ensure (db, &error));
  g_assert_no_error (error);

  second = merge (db, FALSE);
  g_assert_true (second->already_imported);
  g_assert_cmpint (second->operation, ==, 0);

  forced = merge (db, TRUE);
  g_assert_false (forced->already_imported);
  g_assert_cmpuint (forced->counts.n_new, ==, 0);
  g_assert_cmpuint (forced->counts.n_changed, ==, 0);
  g_assert_cmpuint (forced->counts.n_deleted, ==, 0);
  g_assert_cmpuint (forced->counts.n_conflicts, ==, 0);

  after = export_all (db);
  g_assert_true (g_bytes_equal (before, after));
}

/* A newer pack made the way the generator does: the shipped one, then edits as "reference". */
static GBytes *
write_newer_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open_full (":memory:", SIX_REFERENCE_PACK_REPLICA, &error);
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  static gint64 pack_now = USER_NOW - 10 * DAY_MS;
  SixExportOptions options = { 0 };
  SixEdit *edit;
  GBytes *bytes;

  g_assert_no_error (error);
  six_db_set_wall_clock (db, fixed_now, &pack_now);
  g_assert_true (six_reference_pack_merge (db, FALSE, &result, &error));
  g_assert_no_error (error);

  /* The field the user also edits, … */
  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "current_deadline", "2031-05-01");
  six_edit_set_source (edit, "13MSP decision (test)");
  g_ptr_array_add (edits, edit);

  /* … a field of the same record the user does not touch, … */
  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "confidence", "high");
  g_ptr_array_add (edits, edit);

  /* … and another record altogether. */
  edit = six_edit_new (kind ("action"), "dap:1.1");
  six_edit_set_string (edit, "title", "Universalize the Convention (test)");
  g_ptr_array_add (edits, edit);

  g_assert_cmpint (six_db_apply_edits (db, "newer pack", edits, &error), >, 0);
  g_assert_no_error (error);

  options.level = SIX_VISIBILITY_PUBLIC;
  options.export_id = "5f2b1e86-3ccb-59ea-8cf4-611148f6d5cc";
  options.created_at = "2025-10-19T00:00:00Z";
  bytes = six_exchange_write (db, &options, &error);
  g_assert_no_error (error);

  return bytes;
}

/* Written once per run: both tests below read the same file. */
static GBytes *newer_pack;

static GBytes *
make_newer_pack (void)
{
  if (newer_pack == NULL)
    newer_pack = write_newer_pack ();

  return g_bytes_ref (newer_pack);
}

/* A user's corrections survive a newer pack; a conflict only where the pack changed the
 * same field, and untouched fields update. */
static void
test_pack_user_edit_survives (void)
{
  g_autoptr(GError) error = NULL;
  gint64 now = USER_NOW;
  g_autoptr(SixDb) db = open_db (&now);
  g_autoptr(SixImportResult) first = merge (db, FALSE);
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(GBytes) newer = make_newer_pack ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SixRecord) lebanon = NULL;
  g_autoptr(SixRecord) lao = NULL;
  g_autoptr(SixRecord) action = NULL;
  g_autoptr(SixRecord) afghanistan = NULL;
  SixEdit *edit;

  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "current_deadline", "2027-05-01");
  six_edit_set_string (edit, "notes", "Checked with the national authority");
  apply (db, edit);

  now += DAY_MS;
  edit = six_edit_new (kind ("country"), "AFG");
  six_edit_set_string (edit, "region", "middle_east");
  apply (db, edit);

  now += DAY_MS;
  file = six_exchange_read_bytes (newer, "newer-pack.a6.json", &error);
  g_assert_no_error (error);
  g_assert_true (six_import_file (db, file, FALSE, &second, &error));
  g_assert_no_error (error);

  /* Same field, concurrent: the user's later stamp wins, the pack's value is logged. */
  lebanon = get_record (db, "obligation", "LBN:art4");
  g_assert_cmpstr (six_record_get_string (lebanon, "current_deadline"), ==, "2027-05-01");
  g_assert_cmpstr (six_record_get_string (lebanon, "notes"), ==,
                   "Checked with the national authority");
  /* A field of the same record only the pack changed: a sequential update. */
  g_assert_cmpstr (six_record_get_string (lebanon, "confidence"), ==, "high");

  action = get_record (db, "action", "dap:1.1");
  g_assert_cmpstr (six_record_get_string (action, "title"), ==,
                   "Universalize the Convention (test)");
  lao = get_record (db, "obligation", "LAO:art4");
  g_assert_cmpstr (six_record_get_string (lao, "current_deadline"), ==, "2025-08-01");
  afghanistan = get_record (db, "country", "AFG");
  g_assert_cmpstr (six_record_get_string (afghanistan, "region"), ==, "middle_east");

  g_assert_cmpuint (second->counts.n_conflicts, ==, 1);
  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    const SixConflict *conflict = conflicts->pdata[0];

    g_assert_cmpstr (conflict->record_id, ==, "LBN:art4");
    g_assert_cmpstr (conflict->kind->fields[conflict->field].name, ==, "current_deadline");
    g_assert_cmpstr (g_variant_get_string (conflict->lost_value, NULL), ==, "2031-05-01");
    g_assert_cmpstr (conflict->lost_stamp.hlc.replica, ==, SIX_REFERENCE_PACK_REPLICA);
    g_assert_cmpstr (g_variant_get_string (conflict->won_value, NULL), ==, "2027-05-01");
  }
  (void) first;
}

/* The same newer pack into a database nobody edited: every change lands, no conflict. */
static void
test_pack_newer_updates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = open_db (NULL);
  g_autoptr(SixImportResult) first = merge (db, FALSE);
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(GBytes) newer = make_newer_pack ();
  g_autoptr(SixExchangeFile) file = six_exchange_read_bytes (newer, "newer.a6.json", &error);
  g_autoptr(SixRecord) lebanon = NULL;

  g_assert_no_error (error);
  g_assert_true (six_import_file (db, file, FALSE, &second, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (second->counts.n_conflicts, ==, 0);
  g_assert_cmpuint (second->counts.n_changed, ==, 2);
  lebanon = get_record (db, "obligation", "LBN:art4");
  g_assert_cmpstr (six_record_get_string (lebanon, "current_deadline"), ==, "2031-05-01");
  (void) first;
}

/* The pack before this one, as it shipped. */
static SixExchangeFile *
read_previous_pack (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "reference-pack-2026-11-23.a6.json.gz",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  SixExchangeFile *previous;

  g_assert_no_error (error);
  g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  previous = six_exchange_read_bytes (bytes, "reference-pack-2026-11-23.a6.json", &error);
  g_assert_no_error (error);

  return previous;
}

/* This very update: a user corrected a fact of the 2026-11-23 pack before the 2026-12-07 pack
 * changed the same field; the correction stays (its stamp is older than the pack's), the
 * pack's value waits in the conflict log, and the fields the user left alone update. */
static void
test_pack_correction_survives_update (void)
{
  g_autoptr(GError) error = NULL;
  gint64 now = G_GINT64_CONSTANT (1795996800000); /* 2026-11-30, before the pack's date */
  g_autoptr(SixDb) db = open_db (&now);
  g_autoptr(SixExchangeFile) previous = read_previous_pack ();
  g_autoptr(SixImportResult) first = NULL;
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(SixRecord) mauritania = NULL;
  g_autoptr(SixRecord) chad = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const SixConflict *conflict;
  SixEdit *edit;

  g_assert_true (six_import_file (db, previous, FALSE, &first, &error));
  g_assert_no_error (error);

  edit = six_edit_new (kind ("obligation"), "MRT:art4");
  six_edit_set_string (edit, "current_deadline", "2026-08-01");
  apply (db, edit);

  now += DAY_MS;
  second = merge (db, FALSE);
  g_assert_false (second->already_imported);

  mauritania = get_record (db, "obligation", "MRT:art4");
  g_assert_cmpstr (six_record_get_string (mauritania, "current_deadline"), ==, "2026-08-01");
  g_assert_cmpstr (six_record_get_string (mauritania, "confidence"), ==, "medium");
  chad = get_record (db, "obligation", "TCD:art4");
  g_assert_cmpstr (six_record_get_string (chad, "current_deadline"), ==, "2026-10-01");

  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->record_id, ==, "MRT:art4");
  g_assert_cmpstr (conflict->lost_stamp.hlc.replica, ==, SIX_REFERENCE_PACK_REPLICA);
  g_assert_null (conflict->lost_value);
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* Names from iso-codes, translated; the UN's names where they differ, in three languages. */
static void
test_pack_country_names (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(SixRecord) palestine = get_record (get_shared_db (), "country", "PSE");
  g_autoptr(SixDb) db = open_db (NULL);
  g_autoptr(SixRecord) renamed = NULL;
  SixEdit *edit;

  set_language ("en");
  g_assert_cmpstr (six_iso_codes_get_name ("DEU"), ==, "Germany");
  g_assert_cmpstr (six_iso_codes_get_name ("PSE"), ==, "State of Palestine");
  g_assert_cmpstr (six_iso_codes_get_name ("BOL"), ==, "Bolivia (Plurinational State of)");
  g_assert_cmpstr (six_record_get_string (palestine, "name"), ==, "State of Palestine");

  set_language ("fr");
  g_assert_cmpstr (six_iso_codes_get_name ("DEU"), ==, "Allemagne");
  g_assert_cmpstr (six_iso_codes_get_name ("LAO"), ==, "République démocratique populaire lao");
  g_assert_cmpstr (six_iso_codes_get_name ("PSE"), ==, "État de Palestine");
  {
    g_autofree char *name = six_iso_codes_dup_country_name (palestine);

    g_assert_cmpstr (name, ==, "État de Palestine");
  }

  set_language ("es");
  g_assert_cmpstr (six_iso_codes_get_name ("DEU"), ==, "Alemania");
  g_assert_cmpstr (six_iso_codes_get_name ("LAO"), ==, "República Democrática Popular Lao");
  g_assert_cmpstr (six_iso_codes_get_name ("PSE"), ==, "Estado de Palestina");

  /* A language without UN names here: iso-codes' own translation. */
  set_language ("de");
  g_assert_cmpstr (six_iso_codes_get_name ("DEU"), ==, "Deutschland");

  /* A name the user changed is theirs, in every language. */
  edit = six_edit_new (kind ("country"), "PSE");
  six_edit_set_string (edit, "name", "Palestine (as we write it)");
  six_edit_set_string (edit, "status", "party");
  apply (db, edit);
  renamed = get_record (db, "country", "PSE");
  {
    g_autofree char *name = six_iso_codes_dup_country_name (renamed);

    g_assert_cmpstr (name, ==, "Palestine (as we write it)");
  }

  if (saved != NULL)
    set_language (saved);
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "");
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/pack/regenerates", test_pack_regenerates);
  g_test_add_func ("/exchange/pack/reads", test_pack_reads);
  g_test_add_func ("/exchange/pack/counts", test_pack_counts);
  g_test_add_func ("/exchange/pack/deadlines", test_pack_deadlines);
  g_test_add_func ("/exchange/pack/victim-assistance-and-reports",
                   test_pack_victim_assistance_and_reports);
  g_test_add_func ("/exchange/pack/unverified", test_pack_unverified);
  g_test_add_func ("/exchange/pack/crosswalk", test_pack_crosswalk);
  g_test_add_func ("/exchange/pack/organisations", test_pack_organisations);
  g_test_add_func ("/exchange/pack/merge-twice", test_pack_merge_twice);
  g_test_add_func ("/exchange/pack/user-edit-survives", test_pack_user_edit_survives);
  g_test_add_func ("/exchange/pack/newer-updates", test_pack_newer_updates);
  g_test_add_func ("/exchange/pack/correction-survives-update",
                   test_pack_correction_survives_update);
  g_test_add_func ("/exchange/pack/country-names", test_pack_country_names);

  status = g_test_run ();
  g_clear_pointer (&shared_db, six_db_close);
  g_clear_pointer (&newer_pack, g_bytes_unref);

  return status;
}
