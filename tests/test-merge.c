/* test-merge.c — table-driven cases for the merge planner, and the algebra of the merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-merge.h"

#include <string.h>

/* The merging replica's wall clock in every case: 2025-11-23, ms since the epoch. */
#define NOW G_GINT64_CONSTANT (1763900000000)

#define ORG_ID "0d0c5f0e-6f6b-4a8e-9d55-3c1f8a3b9a10"

/* Fixed so a failing random case can be replayed; printed with g_test_message (). */
#define RANDOM_SEED 0x5EED4D52u

typedef struct
{
  const char *field;
  const char *value;   /* GVariant text; NULL: cleared */
  const char *vv;
  const char *hlc;
  const char *source;
} FieldSpec;

typedef struct
{
  const char   *field;
  const char   *value;
  const char   *vv;
  const char   *hlc;
  SixMergeRule  rule;
} WriteSpec;

typedef struct
{
  const char           *field;
  SixMergeConflictType  type;
  const char           *lost_value;
  const char           *won_value;
  const char           *lost_hlc;
  const char           *won_hlc;
  gboolean              local_lost;
  const char           *edited_field;
} ConflictSpec;

typedef struct
{
  const char           *name;
  const char           *kind;
  const char           *id;
  const FieldSpec      *local;      /* NULL: not held here */
  const FieldSpec      *incoming;
  const WriteSpec      *writes;     /* every field the plan writes, in field order */
  const ConflictSpec   *conflicts;
  SixMergeRecordStatus  status;
  gboolean              deleting;
} MergeCase;

/* Alice creates the organisation; every write's vector joins the record's and increments. */
#define VIS_A { "visibility", "'public'", "alice=1", "1000.0@alice", NULL }
#define DEL_A { "deleted", "false", "alice=2", "1000.1@alice", NULL }
#define NAME_A { "name", "'Halo Trust'", "alice=3", "1000.2@alice", NULL }
/* Alice then edits the acronym; Bob, having seen only the creation, deletes. */
#define ACRONYM_A { "acronym", "'HT'", "alice=4", "3000.0@alice", NULL }
#define DELETED_B { "deleted", "true", "alice=3,bob=1", "3500.0@bob", NULL }

/* The reference pack for Lebanon, version 1, and the user's correction of its region. */
#define PACK_V1_BASE \
  { "visibility", "'public'", "reference=1", "1700000000000.0@reference", NULL }, \
  { "deleted", "false", "reference=2", "1700000000000.1@reference", NULL }, \
  { "name", "'Lebanon'", "reference=3", "1700000000000.2@reference", NULL }
#define PACK_V1_STATUS \
  { "status", "'signatory'", "reference=4", "1700000000000.3@reference", NULL }
#define PACK_V1_REGION \
  { "region", "'asia'", "reference=5", "1700000000000.4@reference", NULL }
#define USER_REGION(value) \
  { "region", value, "alice=1,reference=5", "1763000000000.0@alice", NULL }

#define END { NULL }

static const MergeCase merge_cases[] = {
  {
    .name = "new-record",
    .kind = "organisation", .id = ORG_ID,
    .incoming = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END },
    .writes = (const WriteSpec[]) {
      { "visibility", "'public'", "alice=1", "1000.0@alice", SIX_MERGE_RULE_NEW },
      { "deleted", "false", "alice=2", "1000.1@alice", SIX_MERGE_RULE_NEW },
      { "name", "'Halo Trust'", "alice=3", "1000.2@alice", SIX_MERGE_RULE_NEW },
      END },
    .status = SIX_MERGE_RECORD_NEW,
  },
  {
    .name = "sequential-edit",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'HALO Trust'", "alice=3,bob=1", "2000.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'HALO Trust'", "alice=3,bob=1", "2000.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "sequential-edit-keeps-source",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'HALO Trust'", "alice=3,bob=1", "2000.0@bob", "Annual report 2024" }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'HALO Trust'", "alice=3,bob=1", "2000.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "concurrent-edit/incoming-wins",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo A'", "alice=4", "3000.0@alice", NULL }, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo B'", "alice=3,bob=1", "3500.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo B'", "alice=4,bob=1", "3500.0@bob", SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "name", SIX_MERGE_CONFLICT_CONCURRENT, "'Halo A'", "'Halo B'", "3000.0@alice",
        "3500.0@bob", TRUE, NULL },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "concurrent-edit/local-wins",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo B'", "alice=3,bob=1", "3500.0@bob", NULL }, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo A'", "alice=4", "3000.0@alice", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo B'", "alice=4,bob=1", "3500.0@bob", SIX_MERGE_RULE_CONCURRENT_LOCAL },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "name", SIX_MERGE_CONFLICT_CONCURRENT, "'Halo A'", "'Halo B'", "3000.0@alice",
        "3500.0@bob", FALSE, NULL },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "concurrent-edit/same-stamp-wall",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { { "name", "'Halo A'", "alice=4", "3000.0@alice", NULL }, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo B'", "alice=3,bob=1", "3000.0@bob", NULL }, END },
    /* Same wall and counter: the replica id decides, in byte order. */
    .writes = (const WriteSpec[]) {
      { "name", "'Halo B'", "alice=4,bob=1", "3000.0@bob", SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "name", SIX_MERGE_CONFLICT_CONCURRENT, "'Halo A'", "'Halo B'", "3000.0@alice",
        "3000.0@bob", TRUE, NULL },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "concurrent-edit/equal-values",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo'", "alice=4", "3000.0@alice", NULL }, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo'", "alice=3,bob=1", "3500.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo'", "alice=4,bob=1", "3500.0@bob", SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    /* Carol resolved Alice against Bob; Dave saw Bob's value and overwrote it knowingly. */
    .name = "concurrent-edit/already-resolved",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      { "name", "'Halo B'", "alice=4,bob=1", "3500.0@bob", NULL }, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo D'", "alice=3,bob=1,dave=1", "4000.0@dave", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo D'", "alice=4,bob=1,dave=1", "4000.0@dave",
        SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "concurrent-edit/already-resolved-reversed",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      { "name", "'Halo D'", "alice=3,bob=1,dave=1", "4000.0@dave", NULL }, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo B'", "alice=4,bob=1", "3500.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo D'", "alice=4,bob=1,dave=1", "4000.0@dave",
        SIX_MERGE_RULE_CONCURRENT_LOCAL },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "edit-vs-delete/delete-arrives",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .incoming = (const FieldSpec[]) { VIS_A, DELETED_B, NAME_A, END },
    .writes = (const WriteSpec[]) {
      { "deleted", "true", "alice=3,bob=1", "3500.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "deleted", SIX_MERGE_CONFLICT_EDIT_DELETE, "false", "true", "3000.0@alice",
        "3500.0@bob", TRUE, "acronym" },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
    .deleting = TRUE,
  },
  {
    .name = "edit-vs-delete/edit-arrives",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DELETED_B, NAME_A, END },
    .incoming = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .writes = (const WriteSpec[]) {
      { "acronym", "'HT'", "alice=4", "3000.0@alice", SIX_MERGE_RULE_NEW },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "deleted", SIX_MERGE_CONFLICT_EDIT_DELETE, "false", "true", "3000.0@alice",
        "3500.0@bob", FALSE, "acronym" },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "edit-vs-delete/delete-saw-edit",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, { "deleted", "true", "alice=4,bob=1", "3500.0@bob", NULL }, NAME_A, ACRONYM_A,
      END },
    .writes = (const WriteSpec[]) {
      { "deleted", "true", "alice=4,bob=1", "3500.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
    .deleting = TRUE,
  },
  {
    .name = "edit-vs-delete/edit-saw-delete",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DELETED_B, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      { "acronym", "'HT'", "alice=3,bob=2", "4000.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "acronym", "'HT'", "alice=3,bob=2", "4000.0@bob", SIX_MERGE_RULE_NEW },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "edit-vs-delete/concurrent-deletes",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DELETED_B, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, { "deleted", "true", "alice=3,carol=1", "3600.0@carol", NULL }, NAME_A, END },
    .writes = (const WriteSpec[]) {
      { "deleted", "true", "alice=3,bob=1,carol=1", "3600.0@carol",
        SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "undelete-arrives",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DELETED_B, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      { "deleted", "false", "alice=3,bob=2", "4000.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "deleted", "false", "alice=3,bob=2", "4000.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "concurrent-undelete-and-delete",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, { "deleted", "false", "alice=5", "4000.0@alice", NULL }, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      VIS_A, { "deleted", "true", "alice=3,bob=1", "4500.0@bob", NULL }, NAME_A, END },
    .writes = (const WriteSpec[]) {
      { "deleted", "true", "alice=5,bob=1", "4500.0@bob", SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "deleted", SIX_MERGE_CONFLICT_CONCURRENT, "false", "true", "4000.0@alice",
        "4500.0@bob", TRUE, NULL },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
    .deleting = TRUE,
  },
  {
    .name = "stale-file",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'HALO Trust'", "alice=3,bob=1", "2000.0@bob", NULL }, END },
    .incoming = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END },
    .writes = (const WriteSpec[]) { END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "duplicate-file",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .incoming = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .writes = (const WriteSpec[]) { END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "new-tombstone",
    .kind = "organisation", .id = ORG_ID,
    .incoming = (const FieldSpec[]) {
      VIS_A, { "deleted", "true", "alice=4", "2000.0@alice", NULL }, NAME_A, END },
    .writes = (const WriteSpec[]) {
      { "visibility", "'public'", "alice=1", "1000.0@alice", SIX_MERGE_RULE_NEW },
      { "deleted", "true", "alice=4", "2000.0@alice", SIX_MERGE_RULE_NEW },
      { "name", "'Halo Trust'", "alice=3", "1000.2@alice", SIX_MERGE_RULE_NEW },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "partial-file/cleared-field",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, ACRONYM_A, END },
    .incoming = (const FieldSpec[]) {
      { "acronym", NULL, "alice=4,bob=1", "3500.0@bob", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "acronym", NULL, "alice=4,bob=1", "3500.0@bob", SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    /* The planner keeps stamps as written, whatever the clock: a file too far ahead is
     * refused by import before planning (rule 6), so every reader plans alike. */
    .name = "future-clock/kept",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      VIS_A, DEL_A, { "name", "'Halo A'", "alice=4", "1763899990000.0@alice", NULL }, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo M'", "alice=3,mallory=1", "1766492000000.7@mallory", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo M'", "alice=4,mallory=1", "1766492000000.7@mallory",
        SIX_MERGE_RULE_CONCURRENT_INCOMING },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "name", SIX_MERGE_CONFLICT_CONCURRENT, "'Halo A'", "'Halo M'",
        "1763899990000.0@alice", "1766492000000.7@mallory", TRUE, NULL },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    .name = "future-clock/within-a-day",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo M'", "alice=3,mallory=1", "1763986000000.0@mallory", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "name", "'Halo M'", "alice=3,mallory=1", "1763986000000.0@mallory",
        SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    /* A write already held, sent again: nothing to report. */
    .name = "future-clock/repeated",
    .kind = "organisation", .id = ORG_ID,
    .local = (const FieldSpec[]) {
      { "name", "'Halo M'", "alice=4,mallory=1", "1763900000000.0@mallory", NULL }, END },
    .incoming = (const FieldSpec[]) {
      { "name", "'Halo M'", "alice=3,mallory=1", "1766492000000.7@mallory", NULL }, END },
    .writes = (const WriteSpec[]) { END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    /* The user corrected the region; pack 2 changes only the status. */
    .name = "reference/user-edit-survives",
    .kind = "country", .id = "LBN",
    .local = (const FieldSpec[]) {
      PACK_V1_BASE, PACK_V1_STATUS, USER_REGION ("'middle_east'"), END },
    .incoming = (const FieldSpec[]) {
      PACK_V1_BASE,
      { "status", "'party'", "reference=6", "1763500000000.0@reference", "Treaty database" },
      PACK_V1_REGION, END },
    .writes = (const WriteSpec[]) {
      { "status", "'party'", "reference=6", "1763500000000.0@reference",
        SIX_MERGE_RULE_INCOMING_NEWER },
      END },
    .status = SIX_MERGE_RECORD_CHANGED,
  },
  {
    /* Pack 2 changed the field the user corrected, later: the user's value stays. */
    .name = "reference/both-changed",
    .kind = "country", .id = "LBN",
    .local = (const FieldSpec[]) {
      PACK_V1_BASE, PACK_V1_STATUS, USER_REGION ("'europe'"), END },
    .incoming = (const FieldSpec[]) {
      PACK_V1_BASE, PACK_V1_STATUS,
      { "region", "'middle_east'", "reference=6", "1763500000000.0@reference", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "region", "'europe'", "alice=1,reference=6", "1763000000000.0@alice",
        SIX_MERGE_RULE_CONCURRENT_LOCAL },
      END },
    .conflicts = (const ConflictSpec[]) {
      { "region", SIX_MERGE_CONFLICT_CONCURRENT, "'middle_east'", "'europe'",
        "1763500000000.0@reference", "1763000000000.0@alice", FALSE, NULL },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
  {
    .name = "reference/both-changed-alike",
    .kind = "country", .id = "LBN",
    .local = (const FieldSpec[]) {
      PACK_V1_BASE, PACK_V1_STATUS, USER_REGION ("'middle_east'"), END },
    .incoming = (const FieldSpec[]) {
      PACK_V1_BASE, PACK_V1_STATUS,
      { "region", "'middle_east'", "reference=6", "1763500000000.0@reference", NULL }, END },
    .writes = (const WriteSpec[]) {
      { "region", "'middle_east'", "alice=1,reference=6", "1763000000000.0@alice",
        SIX_MERGE_RULE_CONCURRENT_LOCAL },
      END },
    .status = SIX_MERGE_RECORD_UNCHANGED,
  },
};

static SixVersionVector *
parse_vv (const char *text)
{
  g_autoptr(GError) error = NULL;
  SixVersionVector *vv = six_version_vector_parse (text, &error);

  g_assert_no_error (error);

  return vv;
}

static SixHlc
parse_hlc (const char *text)
{
  g_autoptr(GError) error = NULL;
  SixHlc hlc = { 0 };

  g_assert_true (six_hlc_parse (text, &hlc, &error));
  g_assert_no_error (error);

  return hlc;
}

static GVariant *
parse_value (const SixField *field,
             const char     *text)
{
  g_autoptr(GError) error = NULL;
  GVariant *value;

  if (text == NULL)
    return NULL;

  /* Already a full reference, never floating. */
  value = g_variant_parse (six_field_type_variant_type (field->type), text, NULL, NULL, &error);
  g_assert_no_error (error);

  return value;
}

static int
field_index (const SixKind *kind,
             const char    *name)
{
  int index = six_kind_field_index (kind, name);

  g_assert_cmpint (index, >=, 0);

  return index;
}

static SixRecord *
record_from_spec (const SixKind   *kind,
                  const char      *id,
                  const FieldSpec *specs)
{
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  SixRecord *record;

  for (guint i = 0; specs[i].field != NULL; i++)
    {
      int index = field_index (kind, specs[i].field);

      values[index] = parse_value (&kind->fields[index], specs[i].value);
      stamps[index].vv = parse_vv (specs[i].vv);
      stamps[index].hlc = parse_hlc (specs[i].hlc);
      stamps[index].source = g_strdup (specs[i].source);
    }

  record = six_record_new (kind, id, values, stamps);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_clear_pointer (&values[i], g_variant_unref);
      six_field_stamp_clear (&stamps[i]);
    }

  return record;
}

static void
assert_vv (const SixVersionVector *vv,
           const char             *expected)
{
  g_autofree char *text = six_version_vector_to_string (vv);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_hlc (const SixHlc *hlc,
            const char   *expected)
{
  g_autofree char *text = six_hlc_to_string (hlc);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_value (GVariant   *value,
              const char *expected)
{
  g_autofree char *text = value != NULL ? g_variant_print (value, TRUE) : NULL;

  if (expected == NULL)
    {
      g_assert_null (value);
      return;
    }

  g_assert_nonnull (value);
  g_assert_cmpstr (text, ==, expected);
}

static gboolean
stamps_equal (const SixFieldStamp *a,
              const SixFieldStamp *b)
{
  if ((a->vv == NULL) != (b->vv == NULL))
    return FALSE;
  if (a->vv == NULL)
    return TRUE;

  return six_version_vector_equal (a->vv, b->vv) && six_hlc_compare (&a->hlc, &b->hlc) == 0 &&
         a->hlc.replica == b->hlc.replica && g_strcmp0 (a->source, b->source) == 0;
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

static const SixExtraField *
find_extra (SixRecord  *record,
            const char *name)
{
  GPtrArray *extras = six_record_get_extras (record);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    if (strcmp (((SixExtraField *) extras->pdata[i])->name, name) == 0)
      return extras->pdata[i];

  return NULL;
}

static void
assert_records_equal (SixRecord *a,
                      SixRecord *b)
{
  const SixKind *kind = six_record_get_kind (a);
  GPtrArray *a_extras = six_record_get_extras (a);
  GPtrArray *b_extras = six_record_get_extras (b);

  g_assert_true (six_record_get_kind (b) == kind);
  g_assert_cmpstr (six_record_get_id (a), ==, six_record_get_id (b));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      gboolean equal = six_record_has_field (a, i) == six_record_has_field (b, i) &&
                       values_equal (six_record_get_nth_value (a, i),
                                     six_record_get_nth_value (b, i)) &&
                       stamps_equal (six_record_get_nth_stamp (a, i),
                                     six_record_get_nth_stamp (b, i));

      if (!equal)
        g_test_message ("field %s differs", kind->fields[i].name);
      g_assert_true (equal);
    }

  g_assert_cmpuint (a_extras != NULL ? a_extras->len : 0, ==,
                    b_extras != NULL ? b_extras->len : 0);
  for (guint i = 0; a_extras != NULL && i < a_extras->len; i++)
    {
      const SixExtraField *x = a_extras->pdata[i];
      const SixExtraField *y = find_extra (b, x->name);

      g_assert_nonnull (y);
      g_assert_cmpstr (x->json, ==, y->json);
      g_assert_true (stamps_equal (&x->stamp, &y->stamp));
    }
}

static GPtrArray *
extras_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
}

static int
compare_extras (gconstpointer a,
                gconstpointer b)
{
  const SixExtraField *x = *(const SixExtraField * const *) a;
  const SixExtraField *y = *(const SixExtraField * const *) b;

  return strcmp (x->name, y->name);
}

/* The record a replica holds after applying one planned record, built in memory. */
static SixRecord *
apply_in_memory (SixRecord      *local,
                 SixMergeRecord *planned)
{
  const SixKind *kind = six_record_get_kind (planned->incoming);
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  g_autoptr(GPtrArray) extras = extras_new ();
  GPtrArray *local_extras = local != NULL ? six_record_get_extras (local) : NULL;
  SixRecord *record;

  for (guint i = 0; local != NULL && i < kind->n_fields; i++)
    {
      GVariant *value = six_record_get_nth_value (local, i);

      values[i] = value != NULL ? g_variant_ref (value) : NULL;
      six_field_stamp_copy (&stamps[i], six_record_get_nth_stamp (local, i));
    }

  for (guint i = 0; local_extras != NULL && i < local_extras->len; i++)
    {
      const SixExtraField *extra = local_extras->pdata[i];

      g_ptr_array_add (extras, six_extra_field_new (extra->name, extra->json, &extra->stamp));
    }

  for (guint i = 0; i < planned->changes->len; i++)
    {
      const SixMergeChange *change = &g_array_index (planned->changes, SixMergeChange, i);

      if (change->field == SIX_MERGE_EXTRA_FIELD)
        {
          const char *json = change->value != NULL ? g_variant_get_string (change->value, NULL)
                                                   : NULL;

          for (guint j = 0; j < extras->len; j++)
            if (strcmp (((SixExtraField *) extras->pdata[j])->name, change->name) == 0)
              g_ptr_array_remove_index (extras, j);
          g_ptr_array_add (extras, six_extra_field_new (change->name, json, &change->stamp));
          continue;
        }

      g_clear_pointer (&values[change->field], g_variant_unref);
      values[change->field] = change->value != NULL ? g_variant_ref (change->value) : NULL;
      six_field_stamp_clear (&stamps[change->field]);
      six_field_stamp_copy (&stamps[change->field], &change->stamp);
    }

  g_ptr_array_sort (extras, compare_extras);
  record = six_record_new_full (kind, six_record_get_id (planned->incoming), values, stamps,
                                extras);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_clear_pointer (&values[i], g_variant_unref);
      six_field_stamp_clear (&stamps[i]);
    }

  return record;
}

/* @a's state after receiving @b, and the plan that took it there. */
static SixRecord *
merge (SixRecord     *a,
       SixRecord     *b,
       SixMergePlan **plan_out)
{
  g_autoptr(SixMergePlan) plan = six_merge_plan_new ("local");
  SixRecord *merged;

  six_merge_plan_add (plan, a, b);
  merged = apply_in_memory (a, plan->records->pdata[0]);

  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);

  return merged;
}

static void
assert_write (const SixKind        *kind,
              const SixMergeChange *change,
              const WriteSpec      *spec)
{
  g_test_message ("write of %s", spec->field);
  g_assert_cmpuint (change->field, ==, field_index (kind, spec->field));
  g_assert_cmpstr (change->name, ==, spec->field);
  assert_value (change->value, spec->value);
  assert_vv (change->stamp.vv, spec->vv);
  assert_hlc (&change->stamp.hlc, spec->hlc);
  g_assert_cmpstr (six_merge_rule_to_string (change->rule), ==,
                   six_merge_rule_to_string (spec->rule));
}

static void
assert_conflict (const SixMergeConflict *conflict,
                 const ConflictSpec     *spec)
{
  g_assert_cmpstr (conflict->field_name, ==, spec->field);
  g_assert_cmpstr (conflict->kind->fields[conflict->field].name, ==, spec->field);
  g_assert_cmpint (conflict->type, ==, spec->type);
  assert_value (conflict->lost_value, spec->lost_value);
  assert_value (conflict->won_value, spec->won_value);
  assert_hlc (&conflict->lost_stamp.hlc, spec->lost_hlc);
  assert_hlc (&conflict->won_stamp.hlc, spec->won_hlc);
  g_assert_cmpint (conflict->local_lost, ==, spec->local_lost);
  g_assert_cmpstr (conflict->edited_field, ==, spec->edited_field);
}

static guint
count_specs (const FieldSpec *specs)
{
  guint n = 0;

  while (specs != NULL && specs[n].field != NULL)
    n++;

  return n;
}

static void
test_merge_case (gconstpointer data)
{
  const MergeCase *test = data;
  const SixKind *kind = six_kind_lookup (test->kind);
  g_autoptr(SixRecord) local = NULL;
  g_autoptr(SixRecord) incoming = NULL;
  g_autoptr(SixRecord) merged = NULL;
  g_autoptr(SixMergePlan) plan = NULL;
  SixMergeRecord *planned;
  guint n_writes = 0;
  guint n_conflicts = 0;

  g_assert_nonnull (kind);

  if (test->local != NULL)
    local = record_from_spec (kind, test->id, test->local);
  incoming = record_from_spec (kind, test->id, test->incoming);

  merged = merge (local, incoming, &plan);
  g_assert_cmpuint (plan->records->len, ==, 1);
  planned = plan->records->pdata[0];

  while (test->writes[n_writes].field != NULL)
    n_writes++;
  g_assert_cmpuint (planned->changes->len, ==, n_writes);
  for (guint i = 0; i < n_writes; i++)
    assert_write (kind, &g_array_index (planned->changes, SixMergeChange, i), &test->writes[i]);

  while (test->conflicts != NULL && test->conflicts[n_conflicts].field != NULL)
    n_conflicts++;
  g_assert_cmpuint (plan->conflicts->len, ==, n_conflicts);
  for (guint i = 0; i < n_conflicts; i++)
    assert_conflict (plan->conflicts->pdata[i], &test->conflicts[i]);

  g_assert_cmpint (planned->status, ==, test->status);
  g_assert_cmpint (planned->deleting, ==, test->deleting);
  g_assert_cmpuint (plan->counts.n_records, ==, 1);
  g_assert_cmpuint (plan->counts.n_writes, ==, n_writes);
  g_assert_cmpuint (plan->counts.n_conflicts, ==, n_conflicts);
  g_assert_cmpuint (plan->counts.n_deleted, ==, test->deleting ? 1 : 0);
  g_assert_cmpuint (plan->counts.n_new, ==, test->status == SIX_MERGE_RECORD_NEW);
  g_assert_cmpuint (plan->counts.n_changed, ==, test->status == SIX_MERGE_RECORD_CHANGED);
  g_assert_cmpuint (plan->counts.n_unchanged, ==, test->status == SIX_MERGE_RECORD_UNCHANGED);
  g_assert_cmpint (six_merge_plan_is_empty (plan), ==, n_writes == 0 && n_conflicts == 0);

  /* Idempotent: the same file again changes and reports nothing. */
  {
    g_autoptr(SixMergePlan) again = NULL;
    g_autoptr(SixRecord) twice = merge (merged, incoming, &again);

    g_assert_true (six_merge_plan_is_empty (again));
    assert_records_equal (twice, merged);
  }

  /* Commutative. */
  if (local != NULL)
    {
      g_autoptr(SixMergePlan) reversed = NULL;
      g_autoptr(SixRecord) other = merge (incoming, local, &reversed);

      assert_records_equal (other, merged);
    }

  /* Rule 1: the fields the file lacks keep exactly what they were. */
  if (local != NULL)
    {
      for (guint i = 0; i < kind->n_fields; i++)
        {
          if (six_record_has_field (incoming, i))
            continue;

          g_assert_true (values_equal (six_record_get_nth_value (merged, i),
                                       six_record_get_nth_value (local, i)));
          g_assert_true (stamps_equal (six_record_get_nth_stamp (merged, i),
                                       six_record_get_nth_stamp (local, i)));
        }
    }

  g_assert_cmpuint (count_specs (test->incoming), >, 0);
}

/* A partial file (some fields absent) followed by the full one. */
static void
test_merge_partial_then_full (void)
{
  const SixKind *kind = six_kind_lookup ("organisation");
  g_autoptr(SixRecord) local = NULL;
  g_autoptr(SixRecord) partial = NULL;
  g_autoptr(SixRecord) full = NULL;
  g_autoptr(SixRecord) after_partial = NULL;
  g_autoptr(SixRecord) after_full = NULL;
  g_autoptr(SixMergePlan) plan = NULL;
  g_autoptr(SixMergePlan) plan2 = NULL;
  SixMergeRecord *planned;

  local = record_from_spec (kind, ORG_ID, (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, ACRONYM_A, END });

  /* Bob shared only the name: the acronym is absent, not cleared. */
  partial = record_from_spec (kind, ORG_ID, (const FieldSpec[]) {
    { "name", "'HALO Trust'", "alice=4,bob=1", "4000.0@bob", NULL }, END });
  full = record_from_spec (kind, ORG_ID, (const FieldSpec[]) {
    VIS_A, DEL_A,
    { "name", "'HALO Trust'", "alice=4,bob=1", "4000.0@bob", NULL },
    { "acronym", "'HALO'", "alice=4,bob=2", "4000.1@bob", NULL },
    { "kind", "'ngo'", "alice=4,bob=3", "4000.2@bob", NULL },
    END });

  after_partial = merge (local, partial, &plan);
  planned = plan->records->pdata[0];
  g_assert_cmpuint (planned->changes->len, ==, 1);
  g_assert_cmpstr (g_array_index (planned->changes, SixMergeChange, 0).name, ==, "name");
  g_assert_cmpstr (six_record_get_string (after_partial, "acronym"), ==, "HT");
  g_assert_cmpstr (six_record_get_string (after_partial, "name"), ==, "HALO Trust");
  g_assert_false (six_record_has_field (after_partial, field_index (kind, "kind")));
  g_assert_cmpuint (plan->conflicts->len, ==, 0);

  after_full = merge (after_partial, full, &plan2);
  planned = plan2->records->pdata[0];
  /* The name is already there; the acronym follows Bob, who had seen Alice's. */
  g_assert_cmpuint (planned->changes->len, ==, 2);
  g_assert_cmpstr (g_array_index (planned->changes, SixMergeChange, 0).name, ==, "acronym");
  g_assert_cmpint (g_array_index (planned->changes, SixMergeChange, 0).rule, ==,
                   SIX_MERGE_RULE_INCOMING_NEWER);
  g_assert_cmpstr (g_array_index (planned->changes, SixMergeChange, 1).name, ==, "kind");
  g_assert_cmpint (g_array_index (planned->changes, SixMergeChange, 1).rule, ==,
                   SIX_MERGE_RULE_NEW);
  g_assert_cmpuint (plan2->conflicts->len, ==, 0);
  g_assert_cmpstr (six_record_get_string (after_full, "acronym"), ==, "HALO");
  g_assert_cmpstr (six_record_get_string (after_full, "kind"), ==, "ngo");

  /* The full file first, then the partial one: the same end. */
  {
    g_autoptr(SixRecord) first = merge (local, full, NULL);
    g_autoptr(SixRecord) second = merge (first, partial, NULL);

    assert_records_equal (second, after_full);
  }
}

/* Fields of a newer minor version merge like the others. */
static void
test_merge_extra_fields (void)
{
  const SixKind *kind = six_kind_lookup ("organisation");
  g_autoptr(GPtrArray) local_extras = extras_new ();
  g_autoptr(GPtrArray) incoming_extras = extras_new ();
  g_autoptr(SixRecord) base = NULL;
  g_autoptr(SixRecord) local = NULL;
  g_autoptr(SixRecord) incoming = NULL;
  g_autoptr(SixRecord) merged = NULL;
  g_autoptr(SixRecord) other = NULL;
  g_autoptr(SixMergePlan) plan = NULL;
  g_autoptr(SixMergePlan) reversed = NULL;
  const SixMergeChange *change;
  const SixMergeConflict *conflict;
  SixFieldStamp stamp = { NULL };

  base = record_from_spec (kind, ORG_ID, (const FieldSpec[]) { VIS_A, DEL_A, NAME_A, END });

  stamp.vv = parse_vv ("alice=4");
  stamp.hlc = parse_hlc ("3000.0@alice");
  g_ptr_array_add (local_extras, six_extra_field_new ("priority", "\"high\"", &stamp));
  six_field_stamp_clear (&stamp);

  stamp.vv = parse_vv ("alice=3,bob=1");
  stamp.hlc = parse_hlc ("3500.0@bob");
  g_ptr_array_add (incoming_extras, six_extra_field_new ("priority", "\"low\"", &stamp));
  six_field_stamp_clear (&stamp);
  stamp.vv = parse_vv ("alice=3,bob=2");
  stamp.hlc = parse_hlc ("3500.1@bob");
  g_ptr_array_add (incoming_extras, six_extra_field_new ("sector", "[\"south\"]", &stamp));
  six_field_stamp_clear (&stamp);

  local = six_record_new_full (kind, ORG_ID, NULL, NULL, local_extras);
  {
    g_autoptr(SixMergePlan) unused = NULL;
    g_autoptr(SixRecord) with_base = merge (base, local, &unused);

    g_clear_object (&local);
    local = g_object_ref (with_base);
  }
  incoming = six_record_new_full (kind, ORG_ID, NULL, NULL, incoming_extras);
  {
    g_autoptr(SixMergePlan) unused = NULL;
    g_autoptr(SixRecord) with_base = merge (base, incoming, &unused);

    g_clear_object (&incoming);
    incoming = g_object_ref (with_base);
  }

  merged = merge (local, incoming, &plan);
  g_assert_cmpuint (plan->records->len, ==, 1);
  /* priority: concurrent, Bob's stamp is higher; sector: new. */
  g_assert_cmpuint (((SixMergeRecord *) plan->records->pdata[0])->changes->len, ==, 2);
  change = &g_array_index (((SixMergeRecord *) plan->records->pdata[0])->changes,
                           SixMergeChange, 0);
  g_assert_cmpuint (change->field, ==, SIX_MERGE_EXTRA_FIELD);
  g_assert_cmpstr (change->name, ==, "priority");
  g_assert_cmpstr (g_variant_get_string (change->value, NULL), ==, "\"low\"");
  assert_vv (change->stamp.vv, "alice=4,bob=1");
  g_assert_cmpuint (plan->conflicts->len, ==, 1);
  conflict = plan->conflicts->pdata[0];
  g_assert_cmpuint (conflict->field, ==, SIX_MERGE_EXTRA_FIELD);
  g_assert_cmpstr (conflict->field_name, ==, "priority");
  g_assert_cmpstr (g_variant_get_string (conflict->lost_value, NULL), ==, "\"high\"");
  g_assert_true (conflict->local_lost);
  g_assert_cmpstr (find_extra (merged, "sector")->json, ==, "[\"south\"]");

  other = merge (incoming, local, &reversed);
  assert_records_equal (other, merged);
  g_assert_cmpuint (reversed->conflicts->len, ==, 1);
}

static void
object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Counts and lists of a plan over several records, built from parallel arrays. */
static void
test_merge_plan_lists (void)
{
  const SixKind *kind = six_kind_lookup ("organisation");
  g_autoptr(GPtrArray) local = g_ptr_array_new_with_free_func (object_unref0);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SixMergePlan) plan = NULL;
  g_autoptr(SixRecord) placeholder = NULL;
  const char *ids[] = {
    "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
    "00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004",
  };

  /* New. */
  g_ptr_array_add (local, NULL);
  g_ptr_array_add (incoming, record_from_spec (kind, ids[0], (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, END }));
  /* Changed. */
  g_ptr_array_add (local, record_from_spec (kind, ids[1], (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, END }));
  g_ptr_array_add (incoming, record_from_spec (kind, ids[1], (const FieldSpec[]) {
    { "name", "'HALO'", "alice=3,bob=1", "2000.0@bob", NULL }, END }));
  /* Unchanged. */
  g_ptr_array_add (local, record_from_spec (kind, ids[2], (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, END }));
  g_ptr_array_add (incoming, record_from_spec (kind, ids[2], (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, END }));
  /* Deleted, with an edit the deletion had not seen. */
  g_ptr_array_add (local, record_from_spec (kind, ids[3], (const FieldSpec[]) {
    VIS_A, DEL_A, NAME_A, ACRONYM_A, END }));
  g_ptr_array_add (incoming, record_from_spec (kind, ids[3], (const FieldSpec[]) {
    DELETED_B, END }));

  plan = six_merge_plan (local, incoming, "carol");
  g_assert_cmpstr (plan->local_replica, ==, "carol");
  g_assert_cmpuint (plan->records->len, ==, 4);
  g_assert_cmpuint (plan->counts.n_records, ==, 4);
  g_assert_cmpuint (plan->counts.n_new, ==, 1);
  g_assert_cmpuint (plan->counts.n_changed, ==, 2);
  g_assert_cmpuint (plan->counts.n_unchanged, ==, 1);
  g_assert_cmpuint (plan->counts.n_deleted, ==, 1);
  g_assert_cmpuint (plan->counts.n_conflicts, ==, 1);
  g_assert_cmpuint (plan->counts.n_writes, ==, 5);
  g_assert_cmpuint (plan->new_records->len, ==, 1);
  g_assert_cmpuint (plan->changed_records->len, ==, 2);
  g_assert_cmpuint (plan->unchanged_records->len, ==, 1);
  g_assert_cmpuint (plan->deletions->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (((SixMergeRecord *) plan->new_records->pdata[0])->incoming),
                   ==, ids[0]);
  g_assert_cmpstr (six_record_get_id (((SixMergeRecord *) plan->deletions->pdata[0])->incoming),
                   ==, ids[3]);
  g_assert_cmpstr (((SixMergeConflict *) plan->conflicts->pdata[0])->record_id, ==, ids[3]);
  g_assert_false (six_merge_plan_is_empty (plan));

  /* The plan keeps what it lists alive on its own. */
  placeholder = g_object_ref (((SixMergeRecord *) plan->records->pdata[1])->incoming);
  g_ptr_array_set_size (incoming, 0);
  g_ptr_array_set_size (local, 0);
  g_assert_cmpstr (six_record_get_id (((SixMergeRecord *) plan->records->pdata[1])->incoming),
                   ==, ids[1]);
}

/* The planner is handed checked files; a field without a clock is a programming error. */
static void
test_merge_missing_clock (void)
{
  const SixKind *kind = six_kind_lookup ("organisation");
  g_autoptr(SixMergePlan) plan = six_merge_plan_new ("local");
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autoptr(SixRecord) record = NULL;

  values[field_index (kind, "name")] = g_variant_new_string ("No clock");
  record = six_record_new (kind, ORG_ID, values, NULL);

  g_test_expect_message ("six-merge", G_LOG_LEVEL_CRITICAL, "*name has a value but no clock*");
  six_merge_plan_add (plan, NULL, record);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (plan->counts.n_writes, ==, 0);
  g_assert_true (six_merge_plan_is_empty (plan));
}

/* A replica simulated in memory: local writes follow the store's rule (the record's joined
 * vector, incremented), merges follow the planner. */
typedef struct
{
  const char  *name;
  gint64       wall;
  SixHlcClock *clock;
  SixRecord   *state;
} SimReplica;

static gint64
sim_wall (gpointer user_data)
{
  SimReplica *replica = user_data;

  return replica->wall;
}

static void
sim_write (SimReplica *replica,
           guint       field,
           GVariant   *value)
{
  const SixKind *kind = six_kind_lookup ("organisation");
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  g_autoptr(SixVersionVector) joined = six_version_vector_new ();
  SixRecord *record;

  for (guint i = 0; replica->state != NULL && i < kind->n_fields; i++)
    {
      const SixFieldStamp *stamp = six_record_get_nth_stamp (replica->state, i);
      GVariant *old = six_record_get_nth_value (replica->state, i);

      values[i] = old != NULL ? g_variant_ref (old) : NULL;
      six_field_stamp_copy (&stamps[i], stamp);
      if (stamp->vv != NULL)
        {
          SixVersionVector *next = six_version_vector_join (joined, stamp->vv);

          six_version_vector_unref (joined);
          joined = next;
        }
    }

  g_clear_pointer (&values[field], g_variant_unref);
  values[field] = value != NULL ? g_variant_ref_sink (value) : NULL;
  six_field_stamp_clear (&stamps[field]);
  stamps[field].vv = six_version_vector_increment (joined, replica->name, NULL);
  six_hlc_clock_tick (replica->clock, &stamps[field].hlc);

  record = six_record_new (kind, ORG_ID, values, stamps);
  g_clear_object (&replica->state);
  replica->state = record;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_clear_pointer (&values[i], g_variant_unref);
      six_field_stamp_clear (&stamps[i]);
    }
}

static void
sim_receive (SimReplica *replica,
             SixRecord  *incoming)
{
  const SixKind *kind = six_record_get_kind (incoming);
  SixRecord *merged;

  for (guint i = 0; i < kind->n_fields; i++)
    if (six_record_has_field (incoming, i))
      six_hlc_clock_observe (replica->clock, &six_record_get_nth_stamp (incoming, i)->hlc, NULL);

  merged = merge (replica->state, incoming, NULL);
  g_clear_object (&replica->state);
  replica->state = merged;
}

static GVariant *
random_value (GRand *rand,
              guint  field)
{
  static const char * const names[] = { "Halo Trust", "HALO", "Mines Advisory Group", NULL };
  static const char * const visibilities[] = { "public", "coalition", "private", NULL };
  static const char * const kinds[] = { "ngo", "operator", "un", NULL };

  /* Now and then a cleared field, so NULL takes part in the merge too. */
  if (field > SIX_FIELD_DELETED && g_rand_int_range (rand, 0, 6) == 0)
    return NULL;

  switch (field)
    {
    case SIX_FIELD_VISIBILITY:
      return g_variant_new_string (visibilities[g_rand_int_range (rand, 0, 3)]);
    case SIX_FIELD_DELETED:
      return g_variant_new_boolean (g_rand_boolean (rand));
    case 2:
    case 3:
      return g_variant_new_string (names[g_rand_int_range (rand, 0, 3)]);
    default:
      return g_variant_new_string (kinds[g_rand_int_range (rand, 0, 3)]);
    }
}

/* Merge is idempotent, commutative and associative over states replicas really reach. */
static void
test_merge_algebra (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const names[] = { "alice", "bob", "carol", "reference" };
  SimReplica replicas[G_N_ELEMENTS (names)];
  guint n_steps = g_test_thorough () ? 4000 : 800;
  guint n_checks = g_test_thorough () ? 20000 : 3000;

  g_test_message ("random seed: 0x%08X", RANDOM_SEED);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      replicas[i].name = names[i];
      /* Clocks apart by up to an hour, all well within the day rule 6 allows. */
      replicas[i].wall = NOW - g_rand_int_range (rand, 0, 3600 * 1000);
      replicas[i].clock = six_hlc_clock_new (names[i], sim_wall, &replicas[i]);
      replicas[i].state = NULL;
    }

  /* Everyone starts from Alice's record, as a file would bring it. */
  sim_write (&replicas[0], SIX_FIELD_VISIBILITY, g_variant_new_string ("public"));
  sim_write (&replicas[0], SIX_FIELD_DELETED, g_variant_new_boolean (FALSE));
  sim_write (&replicas[0], 2, g_variant_new_string ("Halo Trust"));
  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    sim_receive (&replicas[i], replicas[0].state);

  for (guint n = 0; n < n_steps; n++)
    {
      SimReplica *replica = &replicas[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];

      replica->wall += g_rand_int_range (rand, 0, 5) == 0 ? -g_rand_int_range (rand, 0, 50)
                                                          : g_rand_int_range (rand, 0, 1000);

      if (g_rand_boolean (rand))
        {
          guint field = g_rand_int_range (rand, 0, 5);

          sim_write (replica, field, random_value (rand, field));
        }
      else
        {
          SimReplica *from = &replicas[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
          SixRecord *incoming = from->state;

          /* Sometimes a stale state, kept from earlier. */
          if (pool->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
            incoming = pool->pdata[g_rand_int_range (rand, 0, pool->len)];

          sim_receive (replica, incoming);
        }

      g_ptr_array_add (pool, g_object_ref (replica->state));
    }

  for (guint n = 0; n < n_checks; n++)
    {
      SixRecord *a = pool->pdata[g_rand_int_range (rand, 0, pool->len)];
      SixRecord *b = pool->pdata[g_rand_int_range (rand, 0, pool->len)];
      SixRecord *c = pool->pdata[g_rand_int_range (rand, 0, pool->len)];
      g_autoptr(SixMergePlan) again = NULL;
      g_autoptr(SixRecord) aa = merge (a, a, &again);
      g_autoptr(SixRecord) ab = merge (a, b, NULL);
      g_autoptr(SixRecord) ba = merge (b, a, NULL);
      g_autoptr(SixRecord) ab_c = merge (ab, c, NULL);
      g_autoptr(SixRecord) bc = merge (b, c, NULL);
      g_autoptr(SixRecord) a_bc = merge (a, bc, NULL);
      g_autoptr(SixRecord) ab_b = merge (ab, b, NULL);

      g_assert_true (six_merge_plan_is_empty (again));
      assert_records_equal (aa, a);
      assert_records_equal (ab, ba);
      assert_records_equal (ab_c, a_bc);
      assert_records_equal (ab_b, ab);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      six_hlc_clock_free (replicas[i].clock);
      g_clear_object (&replicas[i].state);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/merge/case/%s", merge_cases[i].name);

      g_test_add_data_func (path, &merge_cases[i], test_merge_case);
    }

  g_test_add_func ("/exchange/merge/partial-then-full", test_merge_partial_then_full);
  g_test_add_func ("/exchange/merge/extra-fields", test_merge_extra_fields);
  g_test_add_func ("/exchange/merge/plan-lists", test_merge_plan_lists);
  g_test_add_func ("/exchange/merge/missing-clock", test_merge_missing_clock);
  g_test_add_func ("/exchange/merge/algebra", test_merge_algebra);

  return g_test_run ();
}
