/* test-preview.c — what an import would change, for people and for programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-preview.h"
#include "six-reference-pack.h"

static SixDb *
new_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (db, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

static void
rename_country (SixDb      *db,
                const char *id,
                const char *name)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  SixEdit *edit = six_edit_new (six_kind_lookup ("country"), id);

  six_edit_set_string (edit, "name", name);
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "Rename", edits, &error), >, 0);
  g_assert_no_error (error);
}

/* Their Lebanon profile, read back as a file from them would be. */
static SixExchangeFile *
their_profile (SixDb *theirs)
{
  SixExportOptions options = { .scope = SIX_SCOPE_COUNTRY, .scope_id = "LBN",
                               .origin_name = "Nadia Haddad",
                               .origin_organisation = "Lebanon Mine Action Centre",
                               .created_at = "2026-11-20T10:00:00Z" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = six_exchange_write (theirs, &options, &error);
  SixExchangeFile *file;

  g_assert_no_error (error);
  file = six_exchange_read_bytes (bytes, "their-lebanon.a6.json", &error);
  g_assert_no_error (error);

  return file;
}

static SixPreview *
preview (SixDb           *ours,
         SixExchangeFile *file)
{
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (six_import_file (ours, file, TRUE, &result, &error));
  g_assert_no_error (error);

  return six_preview_new (ours, file, result);
}

static SixPreviewGroup *
find_group (SixPreview *preview,
            const char *state)
{
  for (guint i = 0; i < preview->groups->len; i++)
    {
      SixPreviewGroup *group = preview->groups->pdata[i];

      if (g_strcmp0 (group->state, state) == 0)
        return group;
    }

  return NULL;
}

static SixPreviewItem *
find_item (SixPreviewGroup *group,
           const char      *kind,
           const char      *id)
{
  for (guint i = 0; group != NULL && i < group->items->len; i++)
    {
      SixPreviewItem *item = group->items->pdata[i];

      if (strcmp (item->kind->name, kind) == 0 && strcmp (item->id, id) == 0)
        return item;
    }

  return NULL;
}

static SixPreviewField *
find_field (SixPreviewItem *item,
            const char     *name)
{
  for (guint i = 0; item != NULL && i < item->fields->len; i++)
    {
      SixPreviewField *field = item->fields->pdata[i];

      if (strcmp (field->name, name) == 0)
        return field;
    }

  return NULL;
}

/* A sequential edit: the field's old and new value, under the sender and its State. */
static void
test_preview_changed (void)
{
  g_autoptr(SixDb) ours = new_db ();
  g_autoptr(SixDb) theirs = new_db ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixPreview) shown = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  SixPreviewItem *lebanon;
  SixPreviewField *name;

  rename_country (theirs, "LBN", "Lebanese Republic");
  file = their_profile (theirs);
  shown = preview (ours, file);

  sender = six_preview_dup_sender (shown);
  g_assert_cmpstr (sender, ==, "Nadia Haddad, Lebanon Mine Action Centre");
  description = six_preview_dup_description (shown);
  g_assert_cmpstr (description, ==, "Written on 2026-11-20 at 10:00 UTC · Lebanon · public records");
  g_assert_cmpuint (shown->counts.n_changed, ==, 1);

  lebanon = find_item (find_group (shown, "LBN"), "country", "LBN");
  g_assert_nonnull (lebanon);
  g_assert_cmpint (lebanon->action, ==, SIX_PREVIEW_CHANGED);
  g_assert_cmpuint (lebanon->fields->len, ==, 1);
  name = find_field (lebanon, "name");
  g_assert_nonnull (name);
  g_assert_false (name->conflict);
  g_assert_cmpstr (name->old_text, ==, "Lebanon");
  g_assert_cmpstr (name->new_text, ==, "Lebanese Republic");
  line = six_preview_field_describe (name);
  g_assert_cmpstr (line, ==, "Name: “Lebanon” → “Lebanese Republic”");

  /* Lebanon's obligations came too, already seen, under Lebanon. */
  g_assert_cmpuint (find_group (shown, "LBN")->n_items[SIX_PREVIEW_SKIPPED], >, 0);
  g_assert_nonnull (find_item (find_group (shown, "LBN"), "obligation", "LBN:art4"));

  text = six_preview_to_text (shown);
  g_assert_nonnull (strstr (text, "  From Nadia Haddad, Lebanon Mine Action Centre\n"));
  g_assert_nonnull (strstr (text, "\nLebanon\n  Changed\n    Country: Lebanese Republic\n"
                                  "      Name: “Lebanon” → “Lebanese Republic”\n"));
  g_assert_nonnull (strstr (text, "Would import 0 new, 1 changed, 0 deleted, "));
}

/* Concurrent edits: both values, and which one the merge keeps. */
static void
test_preview_conflict (void)
{
  g_autoptr(SixDb) ours = new_db ();
  g_autoptr(SixDb) theirs = new_db ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixPreview) shown = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *line = NULL;
  SixPreviewItem *lebanon;
  SixPreviewField *name;
  JsonObject *root, *state = NULL, *conflict, *field;
  JsonArray *states;

  rename_country (theirs, "LBN", "Lebanese Republic");
  file = their_profile (theirs);
  /* Ours, written later: the higher stamp, so ours is kept. */
  g_usleep (5 * 1000);
  rename_country (ours, "LBN", "Liban");
  shown = preview (ours, file);

  g_assert_cmpuint (shown->counts.n_conflicts, ==, 1);
  lebanon = find_item (find_group (shown, "LBN"), "country", "LBN");
  g_assert_nonnull (lebanon);
  g_assert_cmpint (lebanon->action, ==, SIX_PREVIEW_CONFLICT);
  name = find_field (lebanon, "name");
  g_assert_true (name->conflict);
  g_assert_false (name->file_wins);
  g_assert_cmpstr (name->old_text, ==, "Liban");
  g_assert_cmpstr (name->new_text, ==, "Lebanese Republic");
  line = six_preview_field_describe (name);
  g_assert_cmpstr (line, ==, "Name: here “Liban”, in the file “Lebanese Republic”; yours is "
                             "kept, the file’s goes to the conflict log");

  json = six_preview_to_json (shown);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "sender"),
                                                  "name"), ==, "Nadia Haddad");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "scope"),
                                                  "id"), ==, "LBN");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"),
                                               "conflicts"), ==, 1);
  states = json_object_get_array_member (root, "states");
  for (guint i = 0; i < json_array_get_length (states); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (states, i),
                                                  "id"), "LBN") == 0)
      state = json_array_get_object_element (states, i);
  g_assert_nonnull (state);
  conflict = json_array_get_object_element (json_object_get_array_member (state, "conflicts"), 0);
  g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "country");
  field = json_array_get_object_element (json_object_get_array_member (conflict, "fields"), 0);
  g_assert_cmpstr (json_object_get_string_member (field, "field"), ==, "name");
  g_assert_cmpstr (json_object_get_string_member (field, "local"), ==, "Liban");
  g_assert_cmpstr (json_object_get_string_member (field, "incoming"), ==, "Lebanese Republic");
  g_assert_cmpstr (json_object_get_string_member (field, "kept"), ==, "local");
}

/* A file imported already: the preview says so and lists nothing. */
static void
test_preview_already_imported (void)
{
  g_autoptr(SixDb) ours = new_db ();
  g_autoptr(SixDb) theirs = new_db ();
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixPreview) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  rename_country (theirs, "LBN", "Lebanese Republic");
  file = their_profile (theirs);
  g_assert_true (six_import_file (ours, file, FALSE, &result, &error));
  g_assert_no_error (error);

  shown = preview (ours, file);
  g_assert_true (shown->already_imported);
  g_assert_cmpuint (shown->groups->len, ==, 0);
  text = six_preview_to_text (shown);
  g_assert_nonnull (strstr (text, "Already imported"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/preview/changed", test_preview_changed);
  g_test_add_func ("/exchange/preview/conflict", test_preview_conflict);
  g_test_add_func ("/exchange/preview/already-imported", test_preview_already_imported);

  return g_test_run ();
}
