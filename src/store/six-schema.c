/* six-schema.c — the numbered, append-only migrations of the database schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-schema"

#include "config.h"

#include "six-db-private.h"

#include <glib/gi18n.h>

/* Column shapes of migration 1. A shipped step is never edited: later steps get their own.
 * Dates go through a modifier because date () alone accepts "2023-02-30". */
#define V1_ID "id TEXT PRIMARY KEY NOT NULL"
#define V1_COMMON(vis) \
  V1_ID ",\n" \
  "  visibility TEXT NOT NULL DEFAULT '" vis "'" \
  " CHECK (visibility = 'public' OR visibility = 'coalition' OR visibility = 'private'),\n" \
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
#define V1_TEXT(c) "  " c " TEXT"
#define V1_INT(c) "  " c " INTEGER"
#define V1_BOOL(c) "  " c " INTEGER CHECK (" c " IN (0, 1))"
/* Enums are OR chains, not IN lists: SQLite builds a temporary index for every IN list
 * of three or more values, on every INSERT, which slows bulk writes several times. */
#define V1_IS(c, v) c " = '" v "'"
#define V1_ENUM2(c, a, b) "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) ")"
#define V1_ENUM3(c, a, b, d) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) ")"
#define V1_ENUM4(c, a, b, d, e) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) \
  " OR " V1_IS (c, e) ")"
#define V1_ENUM5(c, a, b, d, e, f) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) \
  " OR " V1_IS (c, e) " OR " V1_IS (c, f) ")"
#define V1_ENUM6(c, a, b, d, e, f, g) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) \
  " OR " V1_IS (c, e) " OR " V1_IS (c, f) " OR " V1_IS (c, g) ")"
#define V1_ENUM7(c, a, b, d, e, f, g, h) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) \
  " OR " V1_IS (c, e) " OR " V1_IS (c, f) " OR " V1_IS (c, g) " OR " V1_IS (c, h) ")"
#define V1_ENUM8(c, a, b, d, e, f, g, h, i) \
  "  " c " TEXT CHECK (" V1_IS (c, a) " OR " V1_IS (c, b) " OR " V1_IS (c, d) \
  " OR " V1_IS (c, e) " OR " V1_IS (c, f) " OR " V1_IS (c, g) " OR " V1_IS (c, h) \
  " OR " V1_IS (c, i) ")"
#define V1_DATE(c) \
  "  " c " TEXT CHECK (" c " IS NULL OR (" c \
  " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date (" c ", '+0 days') IS " c "))"
#define V1_DECIMAL(c) \
  "  " c " TEXT CHECK (" c " GLOB '[0-9]*' AND " c " NOT GLOB '*[^0-9.]*')"
#define V1_CURRENCY(c) "  " c " TEXT CHECK (" c " GLOB '[A-Z][A-Z][A-Z]')"
#define V1_SET(c) \
  "  " c " TEXT CHECK (" c " IS NULL OR (json_valid (" c ") AND json_type (" c ") = 'array'))"
/* Merges insert in any order inside one transaction, so references are checked at commit. */
#define V1_REF(c, target) \
  "  " c " TEXT REFERENCES \"" target "\" (id) DEFERRABLE INITIALLY DEFERRED"
/* A polymorphic reference: no foreign key; the store checks local edits. */
#define V1_ANY_REF(c) "  " c " TEXT"
#define V1_FACT \
  V1_ENUM4 ("confidence", "high", "medium", "low", "unknown") ",\n" \
  V1_BOOL ("verified")
#define V1_CATEGORIES(c) \
  V1_ENUM7 (c, "stockpile_destruction", "survey_clearance", "risk_education", \
            "victim_assistance", "national_implementation", "transparency_reporting", "other")

static const char migration_1[] =
  "PRAGMA application_id = 1094075458;\n"  /* SIX_DB_APPLICATION_ID, "A6DB" */

  "-- An action plan of the Convention (Dubrovnik, Lausanne).\n"
  "CREATE TABLE plan (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_TEXT ("title") ",\n"
  V1_TEXT ("short_title") ",\n"
  V1_INT ("first_year") ",\n"
  V1_INT ("last_year") ",\n"
  V1_TEXT ("adopted_at") ",\n"
  V1_DATE ("adopted_on") ",\n"
  V1_TEXT ("symbol") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"

  "-- A thematic area of a plan.\n"
  "CREATE TABLE plan_section (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("plan", "plan") ",\n"
  V1_INT ("position") ",\n"
  V1_TEXT ("title") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX plan_section_plan ON plan_section (plan);\n"

  "-- One action of a plan (lap:38, dap:5.1).\n"
  "CREATE TABLE action (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("plan", "plan") ",\n"
  V1_REF ("section", "plan_section") ",\n"
  V1_TEXT ("number") ",\n"
  V1_INT ("position") ",\n"
  V1_TEXT ("title") ",\n"
  V1_TEXT ("summary") ",\n"
  V1_TEXT ("indicators") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX action_plan ON action (plan);\n"
  "CREATE INDEX action_section ON action (section);\n"

  "-- The coordinator's own follow-up of one action.\n"
  "CREATE TABLE action_tracking (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_REF ("action", "action") ",\n"
  V1_ENUM4 ("status", "not_started", "in_progress", "done", "not_applicable") ",\n"
  V1_TEXT ("notes") "\n"
  ") STRICT;\n"
  "CREATE INDEX action_tracking_action ON action_tracking (action);\n"

  "-- A State or other area, keyed by ISO 3166-1 alpha-3.\n"
  "CREATE TABLE country (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_TEXT ("alpha2") ",\n"
  V1_TEXT ("name") ",\n"
  V1_ENUM6 ("region", "africa", "americas", "asia", "europe", "middle_east", "pacific") ",\n"
  V1_ENUM4 ("status", "party", "signatory", "not_party", "withdrawn") ",\n"
  V1_DATE ("signed_on") ",\n"
  V1_ENUM3 ("instrument", "ratification", "accession", "succession") ",\n"
  V1_DATE ("instrument_on") ",\n"
  V1_DATE ("entry_into_force") ",\n"
  V1_DATE ("withdrawn_on") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"

  "-- An Art. 3, 4 or 5 obligation of one State (LBN:art4).\n"
  "CREATE TABLE obligation (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("country", "country") ",\n"
  V1_ENUM3 ("article", "art3", "art4", "art5") ",\n"
  V1_DATE ("original_deadline") ",\n"
  V1_DATE ("current_deadline") ",\n"
  V1_ENUM3 ("status", "in_progress", "completed", "unknown") ",\n"
  V1_DATE ("completed_on") ",\n"
  V1_TEXT ("notes") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX obligation_country ON obligation (country);\n"

  "-- A request to extend the deadline of an obligation.\n"
  "CREATE TABLE extension_request (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("obligation", "obligation") ",\n"
  V1_DATE ("submitted_on") ",\n"
  V1_DATE ("requested_until") ",\n"
  V1_TEXT ("decided_at") ",\n"
  V1_ENUM5 ("decision", "requested", "granted", "granted_presumed", "refused", "withdrawn") ",\n"
  V1_DATE ("granted_until") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX extension_request_obligation ON extension_request (obligation);\n"

  "-- One Article 7 transparency report of a State for a year.\n"
  "CREATE TABLE article7_report (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("country", "country") ",\n"
  V1_INT ("year") ",\n"
  V1_DATE ("submitted_on") ",\n"
  V1_BOOL ("requested_assistance") ",\n"
  V1_SET ("categories") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX article7_report_country ON article7_report (country);\n"

  "-- A UN body, ICRC, NGO, operator, the ISU, a regional body or a government agency.\n"
  "CREATE TABLE organisation (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_TEXT ("name") ",\n"
  V1_TEXT ("acronym") ",\n"
  V1_ENUM8 ("kind", "un", "icrc", "ngo", "operator", "isu", "regional", "government", "other") ",\n"
  V1_REF ("country", "country") "\n"
  ") STRICT;\n"
  "CREATE INDEX organisation_country ON organisation (country);\n"

  "-- A Country Coalition led by an affected State.\n"
  "CREATE TABLE coalition (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_REF ("lead", "country") ",\n"
  V1_TEXT ("title") ",\n"
  V1_ENUM3 ("status", "proposed", "active", "closed") ",\n"
  V1_DATE ("established_on") ",\n"
  V1_SET ("articles") ",\n"
  V1_TEXT ("description") "\n"
  ") STRICT;\n"
  "CREATE INDEX coalition_lead ON coalition (lead);\n"

  "-- A need for assistance that a State expressed.\n"
  "CREATE TABLE assistance_request (\n"
  "  " V1_COMMON ("public") ",\n"
  V1_REF ("country", "country") ",\n"
  V1_INT ("year") ",\n"
  V1_CATEGORIES ("category") ",\n"
  V1_TEXT ("description") ",\n"
  V1_DECIMAL ("amount") ",\n"
  V1_CURRENCY ("currency") ",\n"
  V1_ENUM4 ("status", "open", "partly_met", "met", "withdrawn") ",\n"
  V1_FACT "\n"
  ") STRICT;\n"
  "CREATE INDEX assistance_request_country ON assistance_request (country);\n"

  "-- Assistance pledged or delivered by a country or organisation to a State.\n"
  "CREATE TABLE contribution (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_ANY_REF ("donor") ",\n"
  V1_REF ("recipient", "country") ",\n"
  V1_CATEGORIES ("category") ",\n"
  V1_ENUM3 ("kind", "financial", "technical", "material") ",\n"
  V1_DECIMAL ("amount") ",\n"
  V1_CURRENCY ("currency") ",\n"
  V1_INT ("year") ",\n"
  V1_ENUM4 ("status", "pledged", "committed", "disbursed", "delivered") ",\n"
  V1_REF ("request", "assistance_request") ",\n"
  V1_REF ("coalition", "coalition") ",\n"
  V1_TEXT ("description") "\n"
  ") STRICT;\n"
  "CREATE INDEX contribution_donor ON contribution (donor);\n"
  "CREATE INDEX contribution_recipient ON contribution (recipient);\n"
  "CREATE INDEX contribution_request ON contribution (request);\n"
  "CREATE INDEX contribution_coalition ON contribution (coalition);\n"

  "-- A person (personal data: private by default).\n"
  "CREATE TABLE contact (\n"
  "  " V1_COMMON ("private") ",\n"
  V1_TEXT ("name") ",\n"
  V1_ANY_REF ("affiliation") ",\n"
  V1_TEXT ("role") ",\n"
  V1_TEXT ("email") ",\n"
  V1_TEXT ("phone") "\n"
  ") STRICT;\n"
  "CREATE INDEX contact_affiliation ON contact (affiliation);\n"

  "-- A country or organisation taking part in a coalition, with its role.\n"
  "CREATE TABLE coalition_member (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_REF ("coalition", "coalition") ",\n"
  V1_ANY_REF ("member") ",\n"
  V1_ENUM7 ("role", "lead", "donor", "operator", "ngo", "isu", "expert", "peer") "\n"
  ") STRICT;\n"
  "CREATE INDEX coalition_member_coalition ON coalition_member (coalition);\n"
  "CREATE INDEX coalition_member_member ON coalition_member (member);\n"

  "-- A follow-up or work-plan item with an owner and a due date.\n"
  "CREATE TABLE activity (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_TEXT ("title") ",\n"
  V1_TEXT ("description") ",\n"
  V1_DATE ("due_on") ",\n"
  V1_ENUM4 ("status", "planned", "in_progress", "done", "cancelled") ",\n"
  V1_ANY_REF ("owner") ",\n"
  V1_REF ("coalition", "coalition") ",\n"
  V1_REF ("country", "country") ",\n"
  V1_SET ("actions") "\n"
  ") STRICT;\n"
  "CREATE INDEX activity_owner ON activity (owner);\n"
  "CREATE INDEX activity_coalition ON activity (coalition);\n"
  "CREATE INDEX activity_country ON activity (country);\n"

  "-- A coalition meeting, side event, MSP, workshop or bilateral meeting.\n"
  "CREATE TABLE meeting (\n"
  "  " V1_COMMON ("coalition") ",\n"
  V1_TEXT ("title") ",\n"
  V1_ENUM8 ("kind", "coalition_meeting", "side_event", "msp", "review_conference",
            "intersessional", "workshop", "bilateral", "other") ",\n"
  V1_DATE ("held_on") ",\n"
  V1_TEXT ("place") ",\n"
  V1_TEXT ("participants") ",\n"
  V1_TEXT ("outcomes") ",\n"
  V1_REF ("coalition", "coalition") ",\n"
  V1_REF ("country", "country") "\n"
  ") STRICT;\n"
  "CREATE INDEX meeting_coalition ON meeting (coalition);\n"
  "CREATE INDEX meeting_country ON meeting (country);\n"

  "-- Free text attached to any record (private by default).\n"
  "CREATE TABLE note (\n"
  "  " V1_COMMON ("private") ",\n"
  V1_ANY_REF ("target") ",\n"
  V1_TEXT ("text") "\n"
  ") STRICT;\n"
  "CREATE INDEX note_target ON note (target);\n"

  "-- One setting of this database (replica_id, the last clock stamp).\n"
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ") STRICT;\n"

  "-- A replica we know of: ourselves, the reference pack, the origin of every file.\n"
  "CREATE TABLE replica (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT,\n"
  "  organisation TEXT,\n"
  "  is_self INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1))\n"
  ") STRICT;\n"

  "-- The merge clock of one field of one record: one row per field ever written.\n"
  "CREATE TABLE clock (\n"
  "  kind TEXT NOT NULL,\n"
  "  id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  vv TEXT NOT NULL,\n"
  "  hlc_wall INTEGER NOT NULL,\n"
  "  hlc_counter INTEGER NOT NULL,\n"
  "  hlc_replica TEXT NOT NULL,\n"
  "  source TEXT,\n"
  "  PRIMARY KEY (kind, id, field)\n"
  ") STRICT, WITHOUT ROWID;\n"

  "-- One undoable operation: an edit, a delete, an import, an undo (the last 100 kept).\n"
  "CREATE TABLE operation (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  label TEXT NOT NULL,\n"
  "  created_at INTEGER NOT NULL,\n"
  "  n_changes INTEGER NOT NULL DEFAULT 0,\n"
  "  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),\n"
  "  undo_of INTEGER\n"
  ") STRICT;\n"

  "-- One field write of an operation, with the values before and after (GVariant text).\n"
  "-- Pruned with its operation.\n"
  "CREATE TABLE journal (\n"
  "  seq INTEGER PRIMARY KEY,\n"
  "  operation INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  before TEXT,\n"
  "  after TEXT,\n"
  "  existed_before INTEGER NOT NULL CHECK (existed_before IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE INDEX journal_operation ON journal (operation, seq);\n"

  "-- A value that lost a concurrent merge, kept for review and restore.\n"
  "CREATE TABLE conflict (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  lost_value TEXT,\n"
  "  lost_vv TEXT,\n"
  "  lost_hlc_wall INTEGER,\n"
  "  lost_hlc_counter INTEGER,\n"
  "  lost_hlc_replica TEXT,\n"
  "  lost_source TEXT,\n"
  "  won_value TEXT,\n"
  "  won_vv TEXT,\n"
  "  won_hlc_wall INTEGER,\n"
  "  won_hlc_counter INTEGER,\n"
  "  won_hlc_replica TEXT,\n"
  "  won_source TEXT,\n"
  "  operation INTEGER,\n"
  "  created_at INTEGER NOT NULL,\n"
  "  restored INTEGER NOT NULL DEFAULT 0 CHECK (restored IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE INDEX conflict_record ON conflict (kind, record_id);\n"

  "-- One exchange file imported or exported.\n"
  "CREATE TABLE exchange_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  direction TEXT NOT NULL CHECK (direction IN ('import', 'export')),\n"
  "  export_id TEXT,\n"
  "  checksum TEXT,\n"
  "  origin TEXT,\n"
  "  origin_name TEXT,\n"
  "  file_name TEXT,\n"
  "  at INTEGER NOT NULL,\n"
  "  counts TEXT,\n"
  "  operation INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX exchange_log_file ON exchange_log (direction, export_id, checksum);\n"

  "-- The full-text index of one record: derived, rebuilt by six_db_rebuild_search ().\n"
  "CREATE VIRTUAL TABLE search USING fts5 (\n"
  "  kind UNINDEXED, record UNINDEXED, title, body,\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"
  ");\n"
  /* A match in the title counts more than one in the body. */
  "INSERT INTO search (search, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 1.0)');\n"

  "-- Which search row holds which record, so one record's row is found without a scan.\n"
  "CREATE TABLE search_doc (\n"
  "  doc INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  record TEXT NOT NULL,\n"
  "  UNIQUE (kind, record)\n"
  ") STRICT;\n";

/* Format 1.1: the plans' crosswalk, and the records a coordinator links to an action. */
static const char migration_2[] =
  "ALTER TABLE action ADD COLUMN " V1_SET ("related") ";\n"
  "ALTER TABLE action_tracking ADD COLUMN " V1_SET ("links") ";\n";

/* Unknown fields of the same major version (format §4), kept to be merged and passed on. */
static const char migration_3[] =
  "-- A field of a newer minor version with no column here: its value as the file gave it (JSON\n"
  "-- text, NULL when cleared). Its clock is the clock row of the same kind, id and field.\n"
  "CREATE TABLE extra_field (\n"
  "  kind TEXT NOT NULL,\n"
  "  id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  json TEXT,\n"
  "  PRIMARY KEY (kind, id, field)\n"
  ") STRICT, WITHOUT ROWID;\n";

/* Which operation restored a conflict's value, so that undoing it puts the conflict back. */
static const char migration_4[] =
  "-- The operation that wrote a conflict's lost value back (restored = 1); while that\n"
  "-- operation is undone, the conflict is not restored. NULL for restores before this step.\n"
  "ALTER TABLE conflict ADD COLUMN restored_by INTEGER;\n";

/* Format 1.3: a member's dates and contact person, a meeting's agenda and attendees, and the
 * meeting a follow-up came from and the request it serves. */
static const char migration_5[] =
  "ALTER TABLE coalition_member ADD COLUMN " V1_DATE ("since") ";\n"
  "ALTER TABLE coalition_member ADD COLUMN " V1_DATE ("until") ";\n"
  "ALTER TABLE coalition_member ADD COLUMN " V1_REF ("contact", "contact") ";\n"
  "ALTER TABLE meeting ADD COLUMN " V1_TEXT ("agenda") ";\n"
  "ALTER TABLE meeting ADD COLUMN " V1_SET ("attendees") ";\n"
  "ALTER TABLE activity ADD COLUMN " V1_REF ("meeting", "meeting") ";\n"
  "ALTER TABLE activity ADD COLUMN " V1_REF ("request", "assistance_request") ";\n";

/* What the Overview reads (six_db_select_records (), six_db_tally_records ()): one span of years
 * of the large tables, and counts the indexes answer alone. The follow-ups' index starts with
 * the coalition, so it also does the work of the one it replaces. */
static const char migration_6[] =
  "CREATE INDEX assistance_request_year ON assistance_request (year, deleted, status, country);\n"
  "CREATE INDEX contribution_year ON contribution (year, deleted);\n"
  "DROP INDEX activity_coalition;\n"
  "CREATE INDEX activity_coalition ON activity (coalition, deleted, status, due_on);\n";

/* Append-only: step N moves user_version from N - 1 to N. Never edit a shipped step. */
static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

int
_six_schema_get_latest (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

static gboolean
exec_script (SixDb       *db,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      _six_store_set_error (error, rc, db->path, message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_user_version (SixDb   *db,
                   int     *version,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Not cached: the schema changes under it. */
  rc = sqlite3_prepare_v2 (db->handle, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _six_db_fail (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
migrate_step (SixDb   *db,
              int      target,
              GError **error)
{
  g_autofree char *set_version = NULL;
  int version;

  if (!exec_script (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  if (!read_user_version (db, &version, error))
    goto failed;

  if (version >= target)
    return exec_script (db, "COMMIT", error);

  set_version = g_strdup_printf ("PRAGMA user_version = %d", target);

  if (!exec_script (db, migrations[target - 1], error) ||
      !exec_script (db, set_version, error) ||
      !exec_script (db, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  if (!sqlite3_get_autocommit (db->handle))
    exec_script (db, "ROLLBACK", NULL);
  g_prefix_error (error, _("Updating the database to version %d: "), target);
  return FALSE;
}

gboolean
_six_schema_migrate (SixDb   *db,
                     GError **error)
{
  int version;

  if (!read_user_version (db, &version, error))
    return FALSE;

  for (int target = version + 1; target <= _six_schema_get_latest (); target++)
    if (!migrate_step (db, target, error))
      return FALSE;

  return TRUE;
}
