/* test-profile.c — a State's profile gathered from the store, and its one-page PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-fact.h"
#include "six-import.h"
#include "six-iso-codes.h"
#include "six-labels.h"
#include "six-overview.h"
#include "six-profile-document.h"
#include "six-reference-pack.h"

#include <gio/gio.h>
#include <pango/pangocairo.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>

#define LONG_NAME "The Federated Democratic Republic of the Islands, Atolls and Reefs of the " \
                  "Southern Seas and the Associated Territories of the Outer Archipelago"

static SixDb *shared_db;

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

static SixEdit *
new_record (const char *kind_name,
            char      **id)
{
  g_autofree char *uuid = g_uuid_string_random ();
  SixEdit *edit = six_edit_new (six_kind_lookup (kind_name), uuid);

  if (id != NULL)
    *id = g_steal_pointer (&uuid);

  return edit;
}

/* Lao PDR leads a coalition with Norway as donor; Norway gave once; a contact, a public and
 * a private note; a deleted request that must not show; an area with a very long name. */
static void
add_user_records (SixDb *db)
{
  const char *levels[] = { "public", "coalition", "private" };
  g_autofree char *coalition = NULL;
  g_autofree char *request = NULL;
  SixEdit *edit;

  edit = new_record ("coalition", &coalition);
  six_edit_set_string (edit, "lead", "LAO");
  six_edit_set_string (edit, "title", "Lao PDR Country Coalition");
  six_edit_set_string (edit, "status", "active");
  apply (db, edit);

  edit = new_record ("coalition_member", NULL);
  six_edit_set_string (edit, "coalition", coalition);
  six_edit_set_string (edit, "member", "NOR");
  six_edit_set_string (edit, "role", "donor");
  apply (db, edit);

  edit = new_record ("contribution", NULL);
  six_edit_set_string (edit, "donor", "NOR");
  six_edit_set_string (edit, "recipient", "LAO");
  six_edit_set_string (edit, "category", "survey_clearance");
  six_edit_set_string (edit, "kind", "financial");
  six_edit_set_string (edit, "amount", "1250000");
  six_edit_set_string (edit, "currency", "EUR");
  six_edit_set_int (edit, "year", 2025);
  six_edit_set_string (edit, "status", "disbursed");
  six_edit_set_string (edit, "coalition", coalition);
  apply (db, edit);

  edit = new_record ("contact", NULL);
  six_edit_set_string (edit, "name", "Khamphao Sisouk");
  six_edit_set_string (edit, "affiliation", "LAO");
  six_edit_set_string (edit, "email", "khamphao@example.org");
  apply (db, edit);

  edit = new_record ("note", NULL);
  six_edit_set_string (edit, "target", "LAO");
  six_edit_set_string (edit, "text", "Private: ask about the 2026 survey budget.");
  apply (db, edit);

  edit = new_record ("note", NULL);
  six_edit_set_string (edit, "target", "LAO");
  six_edit_set_string (edit, "visibility", "public");
  six_edit_set_string (edit, "text", "Side event at the 13MSP on national capacity.");
  apply (db, edit);

  edit = new_record ("assistance_request", &request);
  six_edit_set_string (edit, "country", "LAO");
  six_edit_set_int (edit, "year", 2024);
  six_edit_set_string (edit, "category", "risk_education");
  six_edit_set_string (edit, "description", "Withdrawn request");
  apply (db, edit);
  edit = six_edit_new (six_kind_lookup ("assistance_request"), request);
  six_edit_delete (edit);
  apply (db, edit);

  /* A State with a request at each sharing level, for what the page may show. */
  edit = six_edit_new (six_kind_lookup ("country"), "XAB");
  six_edit_set_string (edit, "name", "Levelland");
  six_edit_set_string (edit, "status", "party");
  apply (db, edit);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *description = g_strdup_printf ("Request shared at level %s", levels[i]);

      edit = new_record ("assistance_request", NULL);
      six_edit_set_string (edit, "visibility", levels[i]);
      six_edit_set_string (edit, "country", "XAB");
      six_edit_set_int (edit, "year", 2024);
      six_edit_set_string (edit, "category", "victim_assistance");
      six_edit_set_string (edit, "description", description);
      apply (db, edit);
    }

  edit = six_edit_new (six_kind_lookup ("country"), "XAA");
  six_edit_set_string (edit, "name", LONG_NAME);
  six_edit_set_string (edit, "status", "signatory");
  six_edit_set_string (edit, "signed_on", "2010-01-15");
  apply (db, edit);
}

static SixDb *
get_db (void)
{
  g_autoptr(GError) error = NULL;

  if (shared_db != NULL)
    return shared_db;

  shared_db = six_db_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (shared_db, &error));
  g_assert_no_error (error);
  add_user_records (shared_db);

  return shared_db;
}

static SixProfile *
load (const char *country)
{
  g_autoptr(GError) error = NULL;
  SixProfile *profile = six_profile_load (get_db (), country, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);

  return profile;
}

static void
test_gather_reference (void)
{
  g_autoptr(SixProfile) profile = load ("LAO");
  g_autofree char *name = six_profile_dup_name (profile);
  GPtrArray *obligations = six_profile_get_obligations (profile);
  SixRecord *nearest = six_obligation_pick_nearest (six_profile_get_obligations (profile));

  g_assert_cmpstr (name, ==, "Lao People's Democratic Republic");
  g_assert_cmpstr (six_record_get_string (six_profile_get_country (profile), "status"), ==, "party");
  g_assert_cmpuint (obligations->len, ==, 2);
  g_assert_cmpstr (six_record_get_id (obligations->pdata[0]), ==, "LAO:art4");
  g_assert_cmpstr (six_record_get_id (obligations->pdata[1]), ==, "LAO:art5");
  g_assert_nonnull (nearest);
  g_assert_cmpstr (six_record_get_string (nearest, "current_deadline"), ==, "2025-08-01");
  g_assert_cmpuint (six_profile_get_extensions (profile, "LAO:art4")->len, >=, 1);
  g_assert_cmpuint (six_profile_get_extensions (profile, "LAO:art5")->len, ==, 0);
}

static void
test_gather_user_records (void)
{
  g_autofree char *partners = NULL;
  g_autofree char *amount = NULL;
  g_autoptr(SixProfile) profile = load ("LAO");
  g_autoptr(SixProfile) norway = load ("NOR");
  GPtrArray *requests = six_profile_get_requests (profile);
  GPtrArray *coalitions = six_profile_get_coalitions (profile);
  GPtrArray *members;
  g_autofree char *donor = NULL;

  /* The deleted request is left out; the pack's requests remain, newest year first. */
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpstr (six_record_get_string (requests->pdata[i], "description"), !=,
                     "Withdrawn request");
  g_assert_cmpuint (requests->len, >=, 2);
  for (guint i = 1; i < requests->len; i++)
    g_assert_cmpint (six_record_get_int (requests->pdata[i - 1], "year", 0), >=,
                     six_record_get_int (requests->pdata[i], "year", 0));

  g_assert_cmpuint (six_profile_get_received (profile)->len, ==, 1);
  g_assert_cmpuint (six_profile_get_provided (profile)->len, ==, 0);
  donor = six_profile_dup_party_name (profile, six_record_get_string (six_profile_get_received (profile)->pdata[0], "donor"));
  g_assert_cmpstr (donor, ==, "Norway");

  g_assert_cmpuint (coalitions->len, ==, 1);
  members = six_profile_get_members (profile, six_record_get_id (coalitions->pdata[0]));
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (six_record_get_string (members->pdata[0], "member"), ==, "NOR");
  partners = six_profile_dup_partners (profile, coalitions->pdata[0]);
  g_assert_cmpstr (partners, ==, "Norway (Donor)");
  /* Amounts read as the user writes numbers: grouped in thousands. */
  amount = six_record_dup_amount (six_profile_get_received (profile)->pdata[0]);
  g_assert_cmpstr (amount, ==, "1,250,000 EUR");
  g_assert_cmpuint (six_profile_get_contacts (profile)->len, ==, 1);
  g_assert_cmpuint (six_profile_get_notes (profile)->len, ==, 2);

  /* The same records seen from the donor's side. */
  g_assert_cmpuint (six_profile_get_provided (norway)->len, ==, 1);
  g_assert_cmpuint (six_profile_get_coalitions (norway)->len, ==, 1);
  g_assert_cmpuint (six_profile_get_contacts (norway)->len, ==, 0);
  /* A State is not its own partner. */
  g_clear_pointer (&partners, g_free);
  partners = six_profile_dup_partners (norway, six_profile_get_coalitions (norway)->pdata[0]);
  g_assert_cmpstr (partners, ==, "");
}

/* The store's targeted read: only live records naming the id, each with its stamps. */
static void
test_list_referring (void)
{
  const SixKind *obligation = six_kind_lookup ("obligation");
  const SixKind *request = six_kind_lookup ("assistance_request");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = six_db_list_referring (get_db (), obligation, "country",
                                                            "LAO", &error);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) itself = NULL;
  const SixFieldStamp *stamp;

  g_assert_no_error (error);
  g_assert_cmpuint (obligations->len, ==, 2);
  g_assert_cmpstr (six_record_get_id (obligations->pdata[0]), ==, "LAO:art4");
  stamp = six_record_get_nth_stamp (obligations->pdata[0],
                                    six_kind_field_index (obligation, "current_deadline"));
  g_assert_cmpstr (stamp->hlc.replica, ==, "reference");
  g_assert_nonnull (stamp->source);

  requests = six_db_list_referring (get_db (), request, "country", "LAO", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, >=, 2);
  for (guint i = 0; i < requests->len; i++)
    g_assert_false (six_record_is_deleted (requests->pdata[i]));

  itself = six_db_list_referring (get_db (), obligation, "id", "LAO:art5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (itself->len, ==, 1);
}

static void
test_unknown_country (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixProfile) profile = six_profile_load (get_db (), "ZZZ", &error);

  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ZZZ"));
}

/* A record of @kind_name from field/value pairs, NULL-terminated. */
static SixRecord *
new_snapshot (const char *kind_name,
            const char *id,
            ...)
{
  const SixKind *kind = six_kind_lookup (kind_name);
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  const char *field;
  va_list args;

  va_start (args, id);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        values[six_kind_field_index (kind, field)] = g_variant_new_string (value);
    }
  va_end (args);

  return six_record_new (kind, id, values, stamps);
}

typedef struct
{
  const char       *deadline;
  const char       *status;
  const char       *completed_on;
  const char       *confidence;
  const char       *decision;         /* of an extension request, if any */
  const char       *requested_until;
  SixDeadlineState  state;
  const char       *expected;
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "2028-11-01", "in_progress", NULL, "high", NULL, NULL, SIX_DEADLINE_STATE_IN_TIME,
    "1 year 11 months left" },
  { "2026-12-01", "in_progress", NULL, NULL, NULL, NULL, SIX_DEADLINE_STATE_IN_TIME,
    "8 days left" },
  { "2026-11-23", "in_progress", NULL, NULL, NULL, NULL, SIX_DEADLINE_STATE_IN_TIME,
    "Due today" },
  /* Passed with a request awaiting a decision: pending, never overdue. */
  { "2025-08-01", "in_progress", NULL, "high", "requested", "2030-03-01",
    SIX_DEADLINE_STATE_EXTENSION_PENDING,
    "Extension requested until 2030-03-01 — decision not recorded" },
  { "2025-08-01", "in_progress", NULL, NULL, "requested", NULL,
    SIX_DEADLINE_STATE_EXTENSION_PENDING, "Extension requested — decision not recorded" },
  { "2025-08-01", "in_progress", NULL, "medium", "granted", "2025-08-01",
    SIX_DEADLINE_STATE_PASSED, "Passed on 2025-08-01 — no extension recorded" },
  { "2025-08-01", "in_progress", NULL, "low", NULL, NULL, SIX_DEADLINE_STATE_PASSED,
    "Passed on 2025-08-01 — no extension recorded · Low confidence" },
  /* The data is silent: unknown, not overdue. */
  { "2026-11-22", NULL, NULL, NULL, NULL, NULL, SIX_DEADLINE_STATE_UNKNOWN, "Status unknown" },
  { "2020-11-01", "unknown", NULL, "low", NULL, NULL, SIX_DEADLINE_STATE_UNKNOWN,
    "Status unknown · Low confidence" },
  { NULL, "in_progress", NULL, "medium", NULL, NULL, SIX_DEADLINE_STATE_UNKNOWN,
    "Deadline unknown" },
  { "2019-03-01", "completed", NULL, "high", NULL, NULL, SIX_DEADLINE_STATE_COMPLETED,
    "Completed" },
  { "2024-04-01", "completed", "2023-12-15", "high", "requested", NULL,
    SIX_DEADLINE_STATE_COMPLETED, "Completed on 2023-12-15" },
};

static void
test_deadline_state (void)
{
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      const DeadlineCase *c = &deadline_cases[i];
      g_autoptr(GPtrArray) extensions = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(SixRecord) obligation = new_snapshot ("obligation", "LAO:art4",
                                                    "country", "LAO", "article", "art4",
                                                    "current_deadline", c->deadline,
                                                    "status", c->status,
                                                    "completed_on", c->completed_on,
                                                    "confidence", c->confidence, NULL);
      g_autofree char *text = NULL;

      if (c->decision != NULL)
        g_ptr_array_add (extensions,
                         new_snapshot ("extension_request", "LAO:art4:1", "obligation", "LAO:art4",
                                     "decision", c->decision, "requested_until",
                                     c->requested_until, "granted_until",
                                     g_strcmp0 (c->decision, "granted") == 0
                                     ? c->requested_until : NULL, NULL));

      g_test_message ("case %u", i);
      text = six_deadline_describe (obligation, extensions, &today);
      g_assert_cmpstr (text, ==, c->expected);
      g_assert_cmpint (six_deadline_assess (obligation, extensions, &today), ==, c->state);
      g_ptr_array_add (obligations, g_steal_pointer (&obligation));
    }

  /* The nearest open deadline: the passed one, not the completed or the undated. */
  g_assert_cmpstr (six_record_get_string (six_obligation_pick_nearest (obligations),
                                          "current_deadline"), ==, "2020-11-01");
}

/* Runs a poppler tool and returns its standard output. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

/* Writes the PDF, checks it is one page, keeps a PNG of it for review, returns its text. */
static char *
write_pdf (const char        *country,
           SixProfileInclude  include,
           const char        *tag)
{
  g_autoptr(SixProfile) profile = load (country);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots", NULL);
  g_autofree char *base = g_strdup_printf ("profile-%s%s", country, tag);
  g_autofree char *pdf = g_build_filename (dir, base, NULL);
  g_autofree char *pdf_file = g_strconcat (pdf, ".pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *png = NULL;
  const char *info_argv[] = { "pdfinfo", pdf_file, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", pdf_file, "-", NULL };
  const char *png_argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf_file, pdf, NULL };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  g_assert_true (six_profile_document_write_pdf (profile, pdf_file, include, &today, &error));
  g_assert_no_error (error);

  info = run_tool (info_argv);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_free (run_tool (png_argv));
  png = g_strconcat (pdf, ".png", NULL);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  return run_tool (text_argv);
}

/* pdftotext keeps words but may break lines anywhere: compare with whitespace squeezed. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_has (const char *text,
            const char *expected)
{
  g_autofree char *flat = squeeze (text);

  if (strstr (flat, expected) == NULL)
    g_error ("“%s” not in the PDF's text:\n%s", expected, text);
}

static void
assert_lacks (const char *text,
              const char *unexpected)
{
  g_autofree char *flat = squeeze (text);

  if (strstr (flat, unexpected) != NULL)
    g_error ("“%s” should not be in the PDF's text:\n%s", unexpected, text);
}

static void
test_pdf_lao (void)
{
  g_autofree char *text = write_pdf ("LAO", SIX_PROFILE_INCLUDE_NONE, "");
  g_autofree char *with_private = write_pdf ("LAO", SIX_PROFILE_INCLUDE_CONTACTS |
                                             SIX_PROFILE_INCLUDE_PRIVATE_NOTES, "-private");
  g_autofree char *coalition = write_pdf ("LAO", SIX_PROFILE_INCLUDE_COALITION, "-coalition");

  assert_has (text, "Lao People's Democratic Republic");
  assert_has (text, "State Party · Asia · LAO");
  assert_has (text, "2009-03-18");
  assert_has (text, "Article 4 — Clearance");
  assert_has (text, "2025-08-01");
  assert_has (text, "Extension requested —");
  assert_has (text, "decision not recorded");
  assert_has (text, "No deadline");
  assert_lacks (text, "Overdue");
  assert_has (text, "Survey and clearance");
  assert_has (text, "Side event at the 13MSP");
  assert_has (text, "Country profile as of 2026-11-23");
  assert_has (text, "Sources:");
  assert_lacks (text, "Withdrawn request");

  /* Coalitions and contributions are shared with coalitions by default: on the page only
   * when that level is asked for, as in a file export. */
  assert_lacks (text, "1,250,000 EUR");
  assert_lacks (text, "Lao PDR Country Coalition");
  assert_lacks (text, "Norway (Donor)");
  assert_has (coalition, "Norway");
  assert_has (coalition, "1,250,000 EUR");
  assert_has (coalition, "Lao PDR Country Coalition");
  assert_has (coalition, "Norway (Donor)");
  assert_lacks (coalition, "Khamphao");

  /* Private things leave only when asked for. */
  assert_lacks (text, "Khamphao");
  assert_lacks (text, "ask about the 2026 survey budget");
  assert_has (with_private, "Khamphao Sisouk");
  assert_has (with_private, "khamphao@example.org");
  assert_has (with_private, "ask about the 2026 survey budget");
}

/* The page obeys the sharing level like a file export: public unless more is ticked in. */
static void
test_pdf_levels (void)
{
  g_autofree char *public = write_pdf ("XAB", SIX_PROFILE_INCLUDE_NONE, "-public");
  g_autofree char *contacts = write_pdf ("XAB", SIX_PROFILE_INCLUDE_CONTACTS, "-contacts");
  g_autofree char *coalition = write_pdf ("XAB", SIX_PROFILE_INCLUDE_COALITION, "-coalition");
  g_autofree char *private = write_pdf ("XAB", SIX_PROFILE_INCLUDE_COALITION |
                                        SIX_PROFILE_INCLUDE_PRIVATE, "-all");

  assert_has (public, "Request shared at level public");
  assert_lacks (public, "level coalition");
  assert_lacks (public, "level private");
  assert_lacks (contacts, "level coalition");
  assert_lacks (contacts, "level private");
  assert_has (coalition, "Request shared at level coalition");
  assert_lacks (coalition, "level private");
  assert_has (private, "Request shared at level coalition");
  assert_has (private, "Request shared at level private");
}

static void
test_pdf_varied_states (void)
{
  g_autofree char *germany = write_pdf ("DEU", SIX_PROFILE_INCLUDE_NONE, "");
  g_autofree char *lebanon = write_pdf ("LBN", SIX_PROFILE_INCLUDE_NONE, "");
  g_autofree char *new_zealand = write_pdf ("NZL", SIX_PROFILE_INCLUDE_NONE, "");
  g_autofree char *long_name = write_pdf ("XAA", SIX_PROFILE_INCLUDE_NONE, "");

  assert_has (germany, "Article 3 — Stockpile destruction");
  assert_has (germany, "Completed");
  assert_has (germany, "2030-08-01");
  assert_has (lebanon, "Lebanon");
  assert_has (lebanon, "2026-05-01");
  assert_has (new_zealand, "New Zealand");
  assert_has (new_zealand, "No obligation under Article 3, 4 or 5 is recorded.");
  assert_has (long_name, "The Federated Democratic Republic of the Islands");
  assert_has (long_name, "Signatory");
  assert_has (long_name, "2010-01-15");
}

/* Lebanon's footer cites the documents behind Lebanon's facts, whole, within the page; its
 * chart does not draw requests against nothing. */
static void
test_pdf_footer (void)
{
  g_autofree char *text = write_pdf ("LBN", SIX_PROFILE_INCLUDE_NONE, "");
  const char *footer = strstr (text, "Article Six · Country profile");

  g_assert_nonnull (footer);
  assert_has (footer, "Sources:");
  assert_has (footer, "Mine Action Review, Lebanon page");
  assert_has (footer, "ISU 13MSP page");
  /* Nothing about other States, and nothing cut off. */
  assert_lacks (footer, "Vanuatu");
  assert_lacks (footer, "Afghanistan");
  assert_lacks (footer, "Lao PDR");
  assert_lacks (footer, "…");

  /* Nothing received: said in words, not as bars beside "1 / 0". */
  assert_has (text, "3 requests; no contribution received is recorded.");
  assert_lacks (text, "1 / 0");
}

/* Forty more requests still make one page: the list shows eight and ends "… and N more". */
static void
test_pdf_overflow (void)
{
  SixDb *db = get_db ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < 40; i++)
    {
      SixEdit *edit = new_record ("assistance_request", NULL);
      g_autofree char *description = g_strdup_printf ("Request number %u, for a long list of "
                                                      "needs that wraps over a line", i);

      six_edit_set_string (edit, "country", "TCD");
      six_edit_set_int (edit, "year", 2000 + i);
      six_edit_set_string (edit, "category", six_categories[i % 7]);
      six_edit_set_string (edit, "description", description);
      apply (db, edit);
    }

  text = write_pdf ("TCD", SIX_PROFILE_INCLUDE_NONE, "");
  assert_has (text, "Chad");
  assert_has (text, "Request number 39");
  {
    g_autoptr(SixProfile) chad = load ("TCD");
    g_autofree char *more = g_strdup_printf ("… and %u more",
                                             six_profile_get_requests (chad)->len - 8);

    g_assert_cmpuint (six_profile_get_requests (chad)->len, >=, 40);
    assert_has (text, more);
  }
  assert_has (text, "Country profile as of 2026-11-23");
}

/* Names in the Convention's three languages, whatever the user's. */
static void
test_names_in (void)
{
  g_assert_cmpstr (six_iso_codes_get_name_in ("DEU", "en"), ==, "Germany");
  g_assert_cmpstr (six_iso_codes_get_name_in ("DEU", "fr"), ==, "Allemagne");
  g_assert_cmpstr (six_iso_codes_get_name_in ("DEU", "es"), ==, "Alemania");
  g_assert_cmpstr (six_iso_codes_get_name_in ("LAO", "fr"), ==,
                   "République démocratique populaire lao");
  g_assert_cmpstr (six_iso_codes_get_name_in ("LAO", "es"), ==,
                   "República Democrática Popular Lao");
  g_assert_cmpstr (six_iso_codes_get_name_in ("NZL", "xx"), ==, "New Zealand");
  g_assert_null (six_iso_codes_get_name_in ("ZZZ", "fr"));
}

static SixFact *
nth_fact (GListModel *facts,
          guint       n)
{
  SixFact *fact = g_list_model_get_item (facts, n);

  g_object_unref (fact);  /* the model holds it */

  return fact;
}

/* The profile worded line by line: what each section of its page shows and acts on. */
static void
test_facts (void)
{
  g_autoptr(SixProfile) lao = load ("LAO");
  g_autoptr(SixProfile) norway = load ("NOR");
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(GListModel) obligations = NULL;
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(GListModel) coalitions = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) none = NULL;
  SixFact *fact;
  const char *kind_name, *id;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);

  /* Status and dates: the fields in words, who set them on hover; nothing to remove. */
  dates = six_profile_dup_facts (lao, SIX_PROFILE_DATES, &today);
  g_assert_cmpuint (g_list_model_get_n_items (dates), ==, 4);
  fact = nth_fact (dates, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Status");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "State Party");
  g_assert_true (g_str_has_prefix (six_fact_get_tooltip (fact),
                                   "Changed by the reference pack on "));
  g_assert_null (six_fact_get_target (fact));

  /* An obligation folds out its dates and extensions, and can be edited but not removed. */
  obligations = six_profile_dup_facts (lao, SIX_PROFILE_OBLIGATIONS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (obligations), ==, 2);
  fact = nth_fact (obligations, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Article 4 — Clearance");
  g_variant_get (six_fact_get_target (fact), "(&s&s)", &kind_name, &id);
  g_assert_cmpstr (kind_name, ==, "obligation");
  g_assert_cmpstr (id, ==, "LAO:art4");
  g_assert_false (six_fact_get_removable (fact));
  /* Its five dates and fields, then the pack's two extension requests. */
  g_assert_cmpuint (g_list_model_get_n_items (six_fact_get_details (fact)), ==, 7);
  g_assert_cmpstr (six_fact_get_title (nth_fact (six_fact_get_details (fact), 5)), ==,
                   "Extension request");
  g_assert_cmpstr (six_fact_get_title (nth_fact (six_fact_get_details (fact), 1)), ==,
                   "Current Deadline");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (six_fact_get_details (fact), 1)), ==,
                   "2025-08-01");

  /* A contribution from its donor, with the user's edit said to be theirs. */
  contributions = six_profile_dup_facts (lao, SIX_PROFILE_CONTRIBUTIONS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 1);
  fact = nth_fact (contributions, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "From Norway · Survey and clearance");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==,
                   "1,250,000 EUR · Financial · Disbursed · 2025");
  g_assert_true (g_str_has_prefix (six_fact_get_tooltip (fact), "Changed by you on "));
  g_assert_true (six_fact_get_removable (fact));
  g_assert_null (six_fact_get_action_name (fact));

  /* A coalition opens in its workspace. */
  coalitions = six_profile_dup_facts (lao, SIX_PROFILE_COALITIONS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (coalitions), ==, 1);
  fact = nth_fact (coalitions, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Lao PDR Country Coalition");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "Norway (Donor)");
  g_assert_cmpstr (six_fact_get_action_name (fact), ==, "win.open-record");
  g_variant_get (six_fact_get_action_target (fact), "(&s&s)", &kind_name, &id);
  g_assert_cmpstr (kind_name, ==, "coalition");

  /* Requests and contacts are the user's records, to edit and remove. */
  requests = six_profile_dup_facts (lao, SIX_PROFILE_REQUESTS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==,
                    six_profile_get_requests (lao)->len);
  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_assert_nonnull (six_fact_get_target (nth_fact (requests, i)));
      g_assert_true (six_fact_get_removable (nth_fact (requests, i)));
    }
  contacts = six_profile_dup_facts (lao, SIX_PROFILE_CONTACTS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  fact = nth_fact (contacts, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Khamphao Sisouk");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "khamphao@example.org");
  g_assert_cmpstr (six_fact_get_remove_action (fact), ==, "record.remove");

  /* Notes say who may see them. */
  notes = six_profile_dup_facts (lao, SIX_PROFILE_NOTES, &today);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (notes, 0)), ==, "Private");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (notes, 1)), ==, "Public");

  /* An empty section says so, in a line that acts on nothing. */
  none = six_profile_dup_facts (norway, SIX_PROFILE_REPORTS, &today);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 1);
  g_assert_true (six_fact_get_placeholder (nth_fact (none, 0)));
  g_assert_cmpstr (six_fact_get_title (nth_fact (none, 0)), ==, "No Article 7 report is recorded.");
  g_assert_null (six_fact_get_target (nth_fact (none, 0)));
}

/* Who changed a value is named as the sender named themselves, never by a bare id. */
static void
test_facts_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good", "lbn-public.a6.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixProfile) lebanon = NULL;
  g_autoptr(GListModel) requests = NULL;
  const char *tooltip = NULL;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (db, &error));
  exchange = six_exchange_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (six_import_file (db, exchange, FALSE, &result, &error));
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  lebanon = six_profile_load (db, "LBN", &error);
  g_assert_no_error (error);
  requests = six_profile_dup_facts (lebanon, SIX_PROFILE_REQUESTS, &today);
  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      SixFact *fact = nth_fact (requests, i);
      const char *id;

      g_variant_get (six_fact_get_target (fact), "(s&s)", NULL, &id);
      if (g_strcmp0 (id, "00000000-0000-4000-8000-000000000004") == 0)
        tooltip = six_fact_get_tooltip (fact);
    }
  g_assert_cmpstr (tooltip, ==,
                   "Changed by Nadia Haddad on 2025-11-23 · Source: Art. 7 report 2018, Form I");
  g_assert_cmpstr (six_profile_get_writer (lebanon, "5605f20f-67f3-483a-ac10-8ad0fa472de9"), ==,
                   "Nadia Haddad");
}

/* Sharing a profile: the State and what hangs on it, at the level chosen, and nothing else. */
static void
test_share (void)
{
  SixExportOptions options = { 0 };
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;
  gboolean country = FALSE, obligation = FALSE, public_note = FALSE;

  options.scope = SIX_SCOPE_COUNTRY;
  options.scope_id = "LAO";
  options.level = SIX_VISIBILITY_PUBLIC;
  exchange = six_exchange_collect (get_db (), &options, &error);
  g_assert_no_error (error);
  records = six_exchange_file_get_records (exchange);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const char *id = six_record_get_id (record);
      gboolean is_note = g_strcmp0 (six_record_get_kind_name (record), "note") == 0;
      const char *text = is_note ? six_record_get_string (record, "text") : NULL;

      country |= g_strcmp0 (id, "LAO") == 0;
      obligation |= g_strcmp0 (id, "LAO:art4") == 0;
      public_note |= g_strcmp0 (text, "Side event at the 13MSP on national capacity.") == 0;
      g_assert_cmpint (six_record_get_visibility (record), ==, SIX_VISIBILITY_PUBLIC);
      g_assert_cmpstr (id, !=, "LBN:art4");
      g_assert_cmpstr (six_record_get_kind_name (record), !=, "contact");
    }
  g_assert_true (country);
  g_assert_true (obligation);
  g_assert_true (public_note);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/gather/reference", test_gather_reference);
  g_test_add_func ("/profile/gather/user-records", test_gather_user_records);
  g_test_add_func ("/profile/gather/unknown-country", test_unknown_country);
  g_test_add_func ("/profile/gather/list-referring", test_list_referring);
  g_test_add_func ("/profile/deadline-state", test_deadline_state);
  g_test_add_func ("/profile/names-in", test_names_in);
  g_test_add_func ("/profile/share", test_share);
  g_test_add_func ("/profile/facts", test_facts);
  g_test_add_func ("/profile/facts/writer", test_facts_writer);
  g_test_add_func ("/profile/pdf/lao", test_pdf_lao);
  g_test_add_func ("/profile/pdf/levels", test_pdf_levels);
  g_test_add_func ("/profile/pdf/varied-states", test_pdf_varied_states);
  g_test_add_func ("/profile/pdf/footer", test_pdf_footer);
  g_test_add_func ("/profile/pdf/overflow", test_pdf_overflow);

  status = g_test_run ();
  g_clear_pointer (&shared_db, six_db_close);

  /* Let valgrind see only what is ours: Pango's and cairo's font caches go too. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return status;
}
