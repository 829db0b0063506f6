/* test-convergence.c — property test: five replicas edit and exchange files at random, in any
 * order, with duplicates, stale and partial files, and converge with every conflict reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-import.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-db.h"

#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
#if __has_include (<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#define N_REPLICAS 5

/* The default run; SIX_PROPERTY_ITERATIONS overrides it, valgrind scales it down. */
#define DEFAULT_STEPS 2000
#define VALGRIND_STEPS 150

/* Fixed so a failure can be replayed; SIX_SEED overrides it. */
#define DEFAULT_SEED 0x5EEDC0DEu

/* 2025-11-23, ms since the epoch. */
#define NOW G_GINT64_CONSTANT (1763900000000)

/* Old files kept for stale and duplicate deliveries. */
#define MAX_CAPTURES 40

static const char * const kind_names[] = { "organisation", "contact", "meeting" };

static const char * const text_pool[] = {
  "Alpha", "Bravo", "Charlie", "Delta", "Écho", "Foxtrot", NULL
};
static const char * const date_pool[] = { "2023-01-01", "2024-02-29", "2025-06-30", NULL };

/* --- a small bit set: which writes of one record a state knows -------------------------- */

typedef struct
{
  guint    n_words;
  guint64 *words;
} Bits;

static Bits *
bits_new (void)
{
  return g_new0 (Bits, 1);
}

static void
bits_free (Bits *bits)
{
  if (bits == NULL)
    return;

  g_free (bits->words);
  g_free (bits);
}

static void
bits_grow (Bits  *bits,
           guint  n_words)
{
  if (n_words <= bits->n_words)
    return;

  bits->words = g_renew (guint64, bits->words, n_words);
  memset (bits->words + bits->n_words, 0, (n_words - bits->n_words) * sizeof (guint64));
  bits->n_words = n_words;
}

static Bits *
bits_copy (const Bits *bits)
{
  Bits *copy = bits_new ();

  bits_grow (copy, bits->n_words);
  if (bits->n_words > 0)
    memcpy (copy->words, bits->words, bits->n_words * sizeof (guint64));

  return copy;
}

static void
bits_set (Bits  *bits,
          guint  index)
{
  bits_grow (bits, index / 64 + 1);
  bits->words[index / 64] |= G_GUINT64_CONSTANT (1) << (index % 64);
}

static gboolean
bits_test (const Bits *bits,
           guint       index)
{
  if (index / 64 >= bits->n_words)
    return FALSE;

  return (bits->words[index / 64] >> (index % 64)) & 1;
}

static void
bits_union (Bits       *bits,
            const Bits *other)
{
  bits_grow (bits, other->n_words);
  for (guint i = 0; i < other->n_words; i++)
    bits->words[i] |= other->words[i];
}

/* --- the ground truth ------------------------------------------------------------------ */

/* One write of one field, identified by its stamp (unique: the writer's clock never repeats). */
typedef struct
{
  guint  index;    /* among the writes of its record */
  guint  replica;
  guint  field;
  char  *hlc;
} Write;

/* Every write ever made to one record. */
typedef struct
{
  const SixKind *kind;
  char          *id;
  GPtrArray     *writes;
  GHashTable    *by_hlc;
} Truth;

/* What one replica holds of one record: for each field, the write whose value it shows and
 * the writes that field's state knows of; and everything it knows of the record. */
typedef struct
{
  Bits  *seen;
  int   *current;    /* write index, -1: never written here */
  Bits **knowledge;
  guint  n_fields;
} Held;

/* A field as a captured file carries it: the write and what its state knew. */
typedef struct
{
  int   write;
  Bits *knowledge;
} FileField;

typedef struct
{
  SixExchangeFile *file;
  guint            from;
  gboolean         partial_fields;
  GHashTable      *fields;  /* "kind/id/field" → FileField */
} Capture;

typedef struct
{
  gint64 now;
} FakeWall;

typedef struct
{
  SixDb      *db;
  FakeWall    wall;
  GHashTable *held;      /* "kind/id" → Held */
  GHashTable *imported;  /* export ids imported here */
} Replica;

typedef struct
{
  guint32     seed;
  guint       step;
  GRand      *rand;
  Replica     replicas[N_REPLICAS];
  GHashTable *truths;    /* "kind/id" → Truth */
  GPtrArray  *captures;  /* Capture */
  guint       n_exports;

  /* What the run did, so a run that exercised nothing fails. */
  guint       n_imports;
  guint       n_already;
  guint       n_partial;
  guint       n_stale;
  guint       n_json;
  guint       n_conflicts;
  guint       n_edit_delete;
  guint       n_restored;
  guint       n_sequential;
} Sim;

static gint64
fake_wall_now (gpointer user_data)
{
  FakeWall *wall = user_data;

  return wall->now;
}

static void
write_free (gpointer data)
{
  Write *write = data;

  g_free (write->hlc);
  g_free (write);
}

static void
truth_free (gpointer data)
{
  Truth *truth = data;

  g_free (truth->id);
  g_ptr_array_unref (truth->writes);
  g_hash_table_unref (truth->by_hlc);
  g_free (truth);
}

static void
held_free (gpointer data)
{
  Held *held = data;

  bits_free (held->seen);
  for (guint i = 0; i < held->n_fields; i++)
    bits_free (held->knowledge[i]);
  g_free (held->knowledge);
  g_free (held->current);
  g_free (held);
}

static void
file_field_free (gpointer data)
{
  FileField *field = data;

  bits_free (field->knowledge);
  g_free (field);
}

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_object_unref (capture->file);
  g_hash_table_unref (capture->fields);
  g_free (capture);
}

/* A failed property names the seed and step that replay it. */
static void
property_failed (Sim        *sim,
                 const char *file,
                 int         line,
                 const char *func,
                 const char *format,
                 ...) G_GNUC_PRINTF (5, 6);

static void
property_failed (Sim        *sim,
                 const char *file,
                 int         line,
                 const char *func,
                 const char *format,
                 ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  message = g_strdup_printf ("seed 0x%08X (replay with SIX_SEED=%u), step %u: %s",
                             sim->seed, sim->seed, sim->step, what);
  g_assertion_message (NULL, file, line, func, message);
}

#define check(sim, condition, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      property_failed ((sim), __FILE__, __LINE__, G_STRFUNC, __VA_ARGS__); \
  } G_STMT_END

static char *
record_key (const SixKind *kind,
            const char    *id)
{
  return g_strconcat (kind->name, "/", id, NULL);
}

static char *
field_key (const SixKind *kind,
           const char    *id,
           guint          field)
{
  return g_strconcat (kind->name, "/", id, "/", kind->fields[field].name, NULL);
}

static char *
hlc_text (const SixFieldStamp *stamp)
{
  return six_hlc_to_string (&stamp->hlc);
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

static Truth *
ensure_truth (Sim           *sim,
              const SixKind *kind,
              const char    *id)
{
  g_autofree char *key = record_key (kind, id);
  Truth *truth = g_hash_table_lookup (sim->truths, key);

  if (truth == NULL)
    {
      truth = g_new0 (Truth, 1);
      truth->kind = kind;
      truth->id = g_strdup (id);
      truth->writes = g_ptr_array_new_with_free_func (write_free);
      truth->by_hlc = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (sim->truths, g_steal_pointer (&key), truth);
    }

  return truth;
}

static Held *
ensure_held (Replica       *replica,
             const SixKind *kind,
             const char    *id)
{
  g_autofree char *key = record_key (kind, id);
  Held *held = g_hash_table_lookup (replica->held, key);

  if (held == NULL)
    {
      held = g_new0 (Held, 1);
      held->seen = bits_new ();
      held->n_fields = kind->n_fields;
      held->current = g_new (int, kind->n_fields);
      held->knowledge = g_new0 (Bits *, kind->n_fields);
      for (guint i = 0; i < kind->n_fields; i++)
        {
          held->current[i] = -1;
          held->knowledge[i] = bits_new ();
        }
      g_hash_table_insert (replica->held, g_steal_pointer (&key), held);
    }

  return held;
}

static SixRecord *
read_record (Sim           *sim,
             guint          r,
             const SixKind *kind,
             const char    *id)
{
  g_autoptr(GError) error = NULL;
  SixRecord *record;

  record = six_db_get_record (sim->replicas[r].db, kind, id, TRUE, &error);
  if (g_error_matches (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND))
    return NULL;

  check (sim, error == NULL, "reading %s %s: %s", kind->name, id, error->message);

  return record;
}

static Write *
write_of (Sim                 *sim,
          Truth               *truth,
          const SixFieldStamp *stamp)
{
  g_autofree char *hlc = hlc_text (stamp);
  Write *write = g_hash_table_lookup (truth->by_hlc, hlc);

  check (sim, write != NULL, "%s %s: no write was ever stamped %s", truth->kind->name,
         truth->id, hlc);

  return write;
}

typedef struct
{
  guint  field;
  SixHlc hlc;
} NewWrite;

static int
compare_new_writes (gconstpointer a,
                    gconstpointer b)
{
  return six_hlc_compare (&((const NewWrite *) a)->hlc, &((const NewWrite *) b)->hlc);
}

/* After a local edit at @r: registers the writes it made, in the order it made them. */
static void
note_local_writes (Sim           *sim,
                   guint          r,
                   const SixKind *kind,
                   const char    *id)
{
  g_autoptr(SixRecord) record = read_record (sim, r, kind, id);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (NewWrite));
  Truth *truth = ensure_truth (sim, kind, id);
  Held *held = ensure_held (&sim->replicas[r], kind, id);

  check (sim, record != NULL, "%s %s was not written", kind->name, id);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const SixFieldStamp *stamp = six_record_get_nth_stamp (record, f);
      g_autofree char *hlc = NULL;
      NewWrite fresh_write = { f, stamp->hlc };

      if (stamp->vv == NULL)
        continue;

      hlc = hlc_text (stamp);
      if (held->current[f] >= 0 &&
          strcmp (((Write *) truth->writes->pdata[held->current[f]])->hlc, hlc) == 0)
        continue;

      g_array_append_val (fresh, fresh_write);
    }

  g_array_sort (fresh, compare_new_writes);

  for (guint i = 0; i < fresh->len; i++)
    {
      NewWrite *fresh_write = &g_array_index (fresh, NewWrite, i);
      Write *write = g_new0 (Write, 1);

      write->index = truth->writes->len;
      write->replica = r;
      write->field = fresh_write->field;
      write->hlc = six_hlc_to_string (&fresh_write->hlc);
      check (sim, fresh_write->hlc.replica == g_intern_string (six_db_get_replica_id (
                                                 sim->replicas[r].db)),
             "a local write of %s %s is stamped by %s", kind->name, id, write->hlc);
      check (sim, !g_hash_table_contains (truth->by_hlc, write->hlc),
             "two writes of %s %s share the stamp %s", kind->name, id, write->hlc);
      g_ptr_array_add (truth->writes, write);
      g_hash_table_insert (truth->by_hlc, write->hlc, write);

      /* A local write has seen everything its replica knew of the record. */
      bits_set (held->seen, write->index);
      held->current[write->field] = (int) write->index;
      bits_free (held->knowledge[write->field]);
      held->knowledge[write->field] = bits_copy (held->seen);
    }
}

static const char *
pick (GRand              *rand,
      const char * const *pool)
{
  return pool[g_rand_int_range (rand, 0, (gint32) g_strv_length ((GStrv) pool))];
}

static gboolean
field_is_editable (const SixField *field)
{
  return field->type == SIX_FIELD_TEXT || field->type == SIX_FIELD_ENUM ||
         field->type == SIX_FIELD_DATE;
}

static void
set_random_value (Sim            *sim,
                  SixEdit        *edit,
                  const SixField *field)
{
  /* Optional fields are sometimes cleared, so cleared values travel too. */
  if (!(field->flags & SIX_FIELD_FLAGS_REQUIRED) && g_rand_int_range (sim->rand, 0, 6) == 0)
    {
      six_edit_set (edit, field->name, NULL);
      return;
    }

  switch (field->type)
    {
    case SIX_FIELD_ENUM:
      six_edit_set_string (edit, field->name, pick (sim->rand, field->values));
      break;

    case SIX_FIELD_DATE:
      six_edit_set_string (edit, field->name, pick (sim->rand, date_pool));
      break;

    case SIX_FIELD_TEXT:
    case SIX_FIELD_INTEGER:
    case SIX_FIELD_BOOLEAN:
    case SIX_FIELD_REF:
    case SIX_FIELD_DECIMAL:
    case SIX_FIELD_CURRENCY:
    case SIX_FIELD_SET:
    default:
      six_edit_set_string (edit, field->name, pick (sim->rand, text_pool));
      break;
    }
}

static gint64
apply_edit (Sim        *sim,
            guint       r,
            const char *label,
            SixEdit    *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  gint64 operation;

  g_ptr_array_add (edits, edit);
  operation = six_db_apply_edits (sim->replicas[r].db, label, edits, &error);
  check (sim, error == NULL, "%s: %s", label, error->message);

  return operation;
}

static void
local_create (Sim   *sim,
              guint  r)
{
  const SixKind *kind = six_kind_lookup (kind_names[g_rand_int_range (sim->rand, 0,
                                                                      G_N_ELEMENTS (kind_names))]);
  SixEdit *edit = six_edit_new (kind, NULL);
  g_autofree char *id = g_strdup (six_edit_get_id (edit));

  for (guint f = SIX_FIELD_DELETED + 1; f < kind->n_fields; f++)
    {
      const SixField *field = &kind->fields[f];

      if (!field_is_editable (field))
        continue;
      if ((field->flags & SIX_FIELD_FLAGS_REQUIRED) || g_rand_boolean (sim->rand))
        set_random_value (sim, edit, field);
    }

  if (g_rand_int_range (sim->rand, 0, 3) == 0)
    set_random_value (sim, edit, &kind->fields[SIX_FIELD_VISIBILITY]);

  apply_edit (sim, r, "Create", edit);
  note_local_writes (sim, r, kind, id);
}

/* A record @r holds and shows (not deleted), or %NULL. */
static SixRecord *
pick_live_record (Sim   *sim,
                  guint  r)
{
  GHashTable *held = sim->replicas[r].held;
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  keys = g_hash_table_get_keys_as_array (held, &n_keys);
  if (n_keys == 0)
    return NULL;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      const char *key = keys[g_rand_int_range (sim->rand, 0, (gint32) n_keys)];
      Truth *truth = g_hash_table_lookup (sim->truths, key);
      SixRecord *record = read_record (sim, r, truth->kind, truth->id);

      if (record != NULL && !six_record_is_deleted (record))
        return record;
      g_clear_object (&record);
    }

  return NULL;
}

static void
local_edit (Sim   *sim,
            guint  r)
{
  g_autoptr(SixRecord) record = pick_live_record (sim, r);
  const SixKind *kind;
  SixEdit *edit;
  guint n_changes;

  if (record == NULL)
    return;

  kind = six_record_get_kind (record);
  edit = six_edit_new (kind, six_record_get_id (record));
  n_changes = g_rand_int_range (sim->rand, 1, 4);
  for (guint i = 0; i < n_changes; i++)
    {
      guint f = g_rand_int_range (sim->rand, 0, kind->n_fields);

      if (f != SIX_FIELD_DELETED && field_is_editable (&kind->fields[f]))
        set_random_value (sim, edit, &kind->fields[f]);
    }

  if (six_edit_get_n_changes (edit) == 0)
    {
      six_edit_unref (edit);
      return;
    }

  apply_edit (sim, r, "Edit", edit);
  note_local_writes (sim, r, kind, six_record_get_id (record));
}

static void
local_delete (Sim   *sim,
              guint  r)
{
  g_autoptr(SixRecord) record = pick_live_record (sim, r);
  SixEdit *edit;

  if (record == NULL)
    return;

  edit = six_edit_new (six_record_get_kind (record), six_record_get_id (record));
  six_edit_delete (edit);
  apply_edit (sim, r, "Delete", edit);
  note_local_writes (sim, r, six_record_get_kind (record), six_record_get_id (record));
}

/* The user restores a value that lost a merge: a new local edit. */
static void
local_restore (Sim   *sim,
               guint  r)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  SixConflict *conflict;
  gint64 operation;

  conflicts = six_db_list_conflicts (sim->replicas[r].db, FALSE, &error);
  check (sim, error == NULL, "listing conflicts: %s", error->message);
  if (conflicts->len == 0)
    return;

  conflict = conflicts->pdata[g_rand_int_range (sim->rand, 0, (gint32) conflicts->len)];
  operation = six_db_restore_conflict (sim->replicas[r].db, conflict->id, &error);
  check (sim, error == NULL, "restoring conflict %" G_GINT64_FORMAT ": %s", conflict->id,
         error->message);
  check (sim, operation > 0, "restoring conflict %" G_GINT64_FORMAT " did nothing",
         conflict->id);

  note_local_writes (sim, r, conflict->kind, conflict->record_id);
  sim->n_restored++;
}

/* A record carrying only some of @record's fields: the others are absent from the file. */
static SixRecord *
partial_record (Sim       *sim,
                SixRecord *record)
{
  const SixKind *kind = six_record_get_kind (record);
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  guint n_kept = 0;
  guint n_fields = 0;
  SixRecord *partial;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      /* Only optional fields are ever left out of a file (§5). */
      if (!six_record_has_field (record, f) ||
          (!(kind->fields[f].flags & SIX_FIELD_FLAGS_REQUIRED) && g_rand_boolean (sim->rand)))
        continue;

      values[f] = six_record_get_nth_value (record, f);
      stamps[f] = *six_record_get_nth_stamp (record, f);
      n_kept++;
    }

  for (guint f = 0; f < kind->n_fields; f++)
    n_fields += six_record_has_field (record, f);

  if (n_kept == n_fields)
    return g_object_ref (record);

  /* six_record_new () copies what it keeps; the arrays only borrow. */
  partial = six_record_new (kind, six_record_get_id (record), values, stamps);

  return partial;
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists every replica the file's clocks name, as the format requires, sorted by id. */
static void
add_replicas (SixDb           *db,
              SixExchangeFile *file)
{
  GPtrArray *records = six_exchange_file_get_records (file);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  guint n_ids;

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *kind = six_record_get_kind (record);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const SixFieldStamp *stamp = six_record_get_nth_stamp (record, f);

          if (!six_record_has_field (record, f))
            continue;

          g_hash_table_add (ids, (gpointer) stamp->hlc.replica);
          for (guint e = 0; e < six_version_vector_get_size (stamp->vv); e++)
            g_hash_table_add (ids, (gpointer) six_version_vector_get_nth (stamp->vv, e, NULL));
        }
    }

  sorted = g_hash_table_get_keys_as_array (ids, &n_ids);
  qsort (sorted, n_ids, sizeof (gpointer), compare_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *name = six_db_dup_replica_name (db, sorted[i]);

      six_exchange_file_add_replica (file, six_replica_info_new (sorted[i], name, NULL));
    }
}

/* What replica @from would send: all of it, or some records, some with only some fields. */
static Capture *
capture (Sim      *sim,
         guint     from,
         gboolean  whole)
{
  Replica *replica = &sim->replicas[from];
  Capture *capture = g_new0 (Capture, 1);
  g_autoptr(SixReplicaInfo) origin = NULL;
  g_autofree char *export_id = g_uuid_string_random ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, export_id, -1);
  g_autofree char *checksum = g_strconcat ("sha256:", hash, NULL);
  g_autofree char *name = g_strdup_printf ("replica-%u-%u.a6.json", from, sim->n_exports++);
  gboolean some_records = !whole && g_rand_boolean (sim->rand);
  gboolean some_fields = !whole && g_rand_int_range (sim->rand, 0, 3) == 0;

  capture->from = from;
  capture->file = six_exchange_file_new ();
  capture->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, file_field_free);

  origin = six_replica_info_new (six_db_get_replica_id (replica->db), name, "Property test");
  six_exchange_file_set_display_name (capture->file, name);
  six_exchange_file_set_export_id (capture->file, export_id);
  six_exchange_file_set_checksum (capture->file, checksum);
  six_exchange_file_set_created_at (capture->file, "2025-11-23T00:00:00Z");
  six_exchange_file_set_app_version (capture->file, "property-test");
  six_exchange_file_set_origin (capture->file, origin);
  six_exchange_file_set_scope (capture->file, SIX_SCOPE_ALL, NULL);
  six_exchange_file_set_level (capture->file, SIX_VISIBILITY_PRIVATE);

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      const SixKind *kind = six_kind_lookup (kind_names[k]);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      records = six_db_list_records (replica->db, kind, TRUE, TRUE, &error);
      check (sim, error == NULL, "listing: %s", error->message);

      for (guint i = 0; i < records->len; i++)
        {
          SixRecord *record = records->pdata[i];
          g_autoptr(SixRecord) sent = NULL;
          g_autofree char *key = record_key (kind, six_record_get_id (record));
          Held *held = g_hash_table_lookup (replica->held, key);

          if (some_records && g_rand_int_range (sim->rand, 0, 3) == 0)
            continue;

          if (some_fields && g_rand_boolean (sim->rand))
            {
              sent = partial_record (sim, record);
              capture->partial_fields |= sent != record;
            }
          else
            sent = g_object_ref (record);

          check (sim, held != NULL, "%s is in the database but not in the model", key);
          for (guint f = 0; f < kind->n_fields; f++)
            {
              FileField *field;

              if (!six_record_has_field (sent, f))
                continue;

              check (sim, (int) write_of (sim, g_hash_table_lookup (sim->truths, key),
                                          six_record_get_nth_stamp (sent, f))->index ==
                          held->current[f],
                     "%s: %s: the sender's model and database disagree", key,
                     kind->fields[f].name);

              field = g_new0 (FileField, 1);
              field->write = held->current[f];
              field->knowledge = bits_copy (held->knowledge[f]);
              g_hash_table_insert (capture->fields,
                                   field_key (kind, six_record_get_id (sent), f), field);
            }

          six_exchange_file_add_record (capture->file, sent);
        }
    }

  add_replicas (replica->db, capture->file);

  return capture;
}

/* The same records under a new export id: a file sent twice by two different exports. */
static Capture *
recapture (Sim     *sim,
           Capture *old)
{
  Capture *copy = g_new0 (Capture, 1);
  GPtrArray *records = six_exchange_file_get_records (old->file);
  g_autofree char *export_id = g_uuid_string_random ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  copy->from = old->from;
  copy->partial_fields = old->partial_fields;
  copy->file = six_exchange_file_new ();
  six_exchange_file_set_display_name (copy->file, "resent.a6.json");
  six_exchange_file_set_export_id (copy->file, export_id);
  six_exchange_file_set_created_at (copy->file, "2025-11-23T00:00:00Z");
  six_exchange_file_set_app_version (copy->file, "property-test");
  six_exchange_file_set_origin (copy->file, six_exchange_file_get_origin (old->file));
  six_exchange_file_set_level (copy->file, SIX_VISIBILITY_PRIVATE);
  for (guint i = 0; i < records->len; i++)
    six_exchange_file_add_record (copy->file, records->pdata[i]);
  for (guint i = 0; i < six_exchange_file_get_replicas (old->file)->len; i++)
    {
      const SixReplicaInfo *info = six_exchange_file_get_replicas (old->file)->pdata[i];

      six_exchange_file_add_replica (copy->file, six_replica_info_new (info->id, info->name,
                                                                       info->organisation));
    }

  copy->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, file_field_free);
  g_hash_table_iter_init (&iter, old->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FileField *field = g_new0 (FileField, 1);

      field->write = ((FileField *) value)->write;
      field->knowledge = bits_copy (((FileField *) value)->knowledge);
      g_hash_table_insert (copy->fields, g_strdup (key), field);
    }

  return copy;
}

/* Through the JSON writer and reader, as an email attachment would go. */
static SixExchangeFile *
round_trip (Sim             *sim,
            SixExchangeFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SixExchangeFile *read;

  bytes = six_exchange_write_file (file, &error);
  check (sim, error == NULL, "writing %s: %s", six_exchange_file_get_display_name (file),
         error->message);
  read = six_exchange_read_bytes (bytes, six_exchange_file_get_display_name (file), &error);
  check (sim, error == NULL, "reading back %s: %s", six_exchange_file_get_display_name (file),
         error->message);
  check (sim, six_exchange_file_get_records (read)->len ==
              six_exchange_file_get_records (file)->len,
         "%s: records lost in JSON", six_exchange_file_get_display_name (file));

  return read;
}

/* The state of one field of the file's records at the receiver, before the import. */
typedef struct
{
  Truth     *truth;
  Held      *held;        /* after the import; the snapshot below is from before */
  guint      field;
  int        old_write;
  Bits      *old_knowledge;
  GVariant  *old_value;
  FileField *incoming;
  GVariant  *incoming_value;
  int        new_write;
  GVariant  *new_value;
} FieldCase;

typedef struct
{
  Truth    *truth;
  gboolean  held_before;
  gboolean  deleted_before;
  gboolean  deleted_after;
  GArray   *fields;  /* FieldCase, one per field the record had or receives */
  gboolean  expect_delete_conflict;
  gboolean  got_delete_conflict;
} RecordCase;

static void
field_case_clear (gpointer data)
{
  FieldCase *field = data;

  bits_free (field->old_knowledge);
  g_clear_pointer (&field->old_value, g_variant_unref);
  g_clear_pointer (&field->incoming_value, g_variant_unref);
  g_clear_pointer (&field->new_value, g_variant_unref);
}

static void
record_case_free (gpointer data)
{
  RecordCase *record = data;

  g_array_unref (record->fields);
  g_free (record);
}

static FieldCase *
find_field_case (RecordCase *record,
                 guint       field)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      FieldCase *field_case = &g_array_index (record->fields, FieldCase, i);

      if (field_case->field == field)
        return field_case;
    }

  return NULL;
}

static GVariant *
ref_value (GVariant *value)
{
  return value != NULL ? g_variant_ref (value) : NULL;
}

/* Whether the state (@write, @knowledge) had seen @other. */
static gboolean
knows (const Bits *knowledge,
       int         other)
{
  return other >= 0 && bits_test (knowledge, (guint) other);
}

/* Checks a conflict the import recorded against the ground truth: it must be a real one. */
static void
check_conflict (Sim         *sim,
                SixConflict *conflict,
                RecordCase  *record)
{
  const SixKind *kind = conflict->kind;
  const char *field_name = kind->fields[conflict->field].name;
  Write *lost;
  Write *won;

  check (sim, record != NULL, "a conflict on %s %s, which the file did not carry",
         kind->name, conflict->record_id);

  lost = write_of (sim, record->truth, &conflict->lost_stamp);
  won = write_of (sim, record->truth, &conflict->won_stamp);

  if (lost->field == conflict->field)
    {
      FieldCase *field = find_field_case (record, conflict->field);

      /* Two concurrent writes of one field: neither state had seen the other's write. */
      check (sim, field != NULL && field->incoming != NULL,
             "%s %s: conflict on %s, which the file did not carry", kind->name,
             conflict->record_id, field_name);
      check (sim, !values_equal (conflict->lost_value, conflict->won_value),
             "%s %s: %s: a conflict between equal values", kind->name, conflict->record_id,
             field_name);

      if ((int) won->index == field->incoming->write)
        {
          check (sim, (int) lost->index == field->old_write,
                 "%s %s: %s: the lost value is not the one held before", kind->name,
                 conflict->record_id, field_name);
          check (sim, !knows (field->incoming->knowledge, field->old_write),
                 "%s %s: %s: a sequential update reported as a conflict (the incoming write "
                 "had seen %s)", kind->name, conflict->record_id, field_name, lost->hlc);
          check (sim, values_equal (conflict->lost_value, field->old_value),
                 "%s %s: %s: the lost value is not the one held", kind->name,
                 conflict->record_id, field_name);
        }
      else
        {
          check (sim, (int) won->index == field->old_write &&
                      (int) lost->index == field->incoming->write,
                 "%s %s: %s: the conflict names neither side of the merge", kind->name,
                 conflict->record_id, field_name);
          check (sim, !knows (field->old_knowledge, field->incoming->write),
                 "%s %s: %s: a stale value reported as a conflict (%s had been seen)",
                 kind->name, conflict->record_id, field_name, lost->hlc);
          check (sim, values_equal (conflict->lost_value, field->incoming_value),
                 "%s %s: %s: the lost value is not the incoming one", kind->name,
                 conflict->record_id, field_name);
        }

      sim->n_conflicts++;
      if (conflict->field == SIX_FIELD_DELETED)
        record->got_delete_conflict = TRUE;
      return;
    }

  /* An edit the deletion had not seen, and that had not seen the deletion. */
  check (sim, conflict->field == SIX_FIELD_DELETED && record->deleted_after,
         "%s %s: %s: a conflict on a write of %s", kind->name, conflict->record_id,
         field_name, kind->fields[lost->field].name);
  check (sim, conflict->lost_value != NULL && !g_variant_get_boolean (conflict->lost_value) &&
              conflict->won_value != NULL && g_variant_get_boolean (conflict->won_value),
         "%s %s: an edit-vs-delete conflict must offer to undelete", kind->name,
         conflict->record_id);
  {
    FieldCase *deleted = find_field_case (record, SIX_FIELD_DELETED);
    FieldCase *edited = find_field_case (record, lost->field);
    const Bits *deletion_knowledge;
    const Bits *edit_knowledge;

    check (sim, deleted != NULL && edited != NULL, "%s %s: edit-vs-delete on unknown fields",
           kind->name, conflict->record_id);
    check (sim, (int) won->index == deleted->new_write,
           "%s %s: the deletion in the conflict is not the one held", kind->name,
           conflict->record_id);

    if (!record->deleted_before)
      {
        /* The deletion arrived; the edit was held here. */
        check (sim, deleted->incoming != NULL, "%s %s: a deletion that did not arrive",
               kind->name, conflict->record_id);
        deletion_knowledge = deleted->incoming->knowledge;
        edit_knowledge = edited->old_knowledge;
        check (sim, (int) lost->index == edited->old_write,
               "%s %s: the edit in the conflict was not held here", kind->name,
               conflict->record_id);
      }
    else
      {
        /* The edit arrived at a record deleted here. */
        check (sim, edited->incoming != NULL && (int) lost->index == edited->incoming->write,
               "%s %s: the edit in the conflict did not arrive", kind->name,
               conflict->record_id);
        deletion_knowledge = deleted->held->knowledge[SIX_FIELD_DELETED];
        edit_knowledge = edited->incoming->knowledge;
      }

    check (sim, !knows (deletion_knowledge, (int) lost->index),
           "%s %s: the deletion had seen the edit of %s, yet a conflict was reported",
           kind->name, conflict->record_id, kind->fields[lost->field].name);
    check (sim, !knows (edit_knowledge, (int) won->index),
           "%s %s: the edit of %s had seen the deletion, yet a conflict was reported",
           kind->name, conflict->record_id, kind->fields[lost->field].name);
  }

  sim->n_edit_delete++;
  record->got_delete_conflict = TRUE;
}

static gint64
last_conflict_id (Sim   *sim,
                  guint  r)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  conflicts = six_db_list_conflicts (sim->replicas[r].db, TRUE, &error);
  check (sim, error == NULL, "listing conflicts: %s", error->message);

  return conflicts->len > 0 ? ((SixConflict *) conflicts->pdata[0])->id : 0;
}

/* Imports @capture into replica @r, checking the result against the ground truth. */
static void
deliver (Sim     *sim,
         Capture *capture,
         guint    r,
         gboolean json)
{
  Replica *replica = &sim->replicas[r];
  GPtrArray *records = six_exchange_file_get_records (capture->file);
  g_autoptr(SixExchangeFile) read = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (record_case_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  SixExchangeFile *file = capture->file;
  g_autofree char *file_id = NULL;
  gboolean imported_before;
  gint64 last_conflict = last_conflict_id (sim, r);

  if (json)
    {
      read = round_trip (sim, capture->file);
      file = read;
      sim->n_json++;
    }

  /* A file is the same file when both its export id and its checksum are. */
  file_id = g_strdup_printf ("%s %s", six_exchange_file_get_export_id (file),
                             six_exchange_file_get_checksum (file));
  imported_before = g_hash_table_contains (replica->imported, file_id);

  /* Before: what the receiver holds of every record and field the file touches. */
  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *incoming = records->pdata[i];
      const SixKind *kind = six_record_get_kind (incoming);
      const char *id = six_record_get_id (incoming);
      g_autoptr(SixRecord) local = read_record (sim, r, kind, id);
      g_autofree char *key = record_key (kind, id);
      Held *held = g_hash_table_lookup (replica->held, key);
      RecordCase *record = g_new0 (RecordCase, 1);

      record->truth = g_hash_table_lookup (sim->truths, key);
      record->held_before = local != NULL;
      record->deleted_before = local != NULL && six_record_is_deleted (local);
      record->fields = g_array_new (FALSE, TRUE, sizeof (FieldCase));
      g_array_set_clear_func (record->fields, field_case_clear);
      check (sim, (local != NULL) == (held != NULL), "%s: the model and the database disagree",
             key);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          g_autofree char *fkey = field_key (kind, id, f);
          FileField *incoming_field = g_hash_table_lookup (capture->fields, fkey);
          FieldCase field = { 0 };

          if (incoming_field == NULL && (held == NULL || held->current[f] < 0))
            continue;

          field.truth = record->truth;
          field.field = f;
          field.old_write = held != NULL ? held->current[f] : -1;
          field.old_knowledge = held != NULL ? bits_copy (held->knowledge[f]) : bits_new ();
          field.old_value = local != NULL ? ref_value (six_record_get_nth_value (local, f))
                                          : NULL;
          field.incoming = incoming_field;
          field.incoming_value = incoming_field != NULL
                                 ? ref_value (six_record_get_nth_value (incoming, f)) : NULL;

          if (held != NULL && held->current[f] >= 0)
            {
              Write *write = write_of (sim, record->truth,
                                       six_record_get_nth_stamp (local, f));

              check (sim, (int) write->index == held->current[f],
                     "%s: %s: the database shows %s, the model another write", key,
                     kind->fields[f].name, write->hlc);
            }

          g_array_append_val (record->fields, field);
        }

      g_hash_table_insert (by_key, (gpointer) six_record_get_id (incoming), record);
      g_ptr_array_add (cases, record);
    }

  if (!six_import_file (replica->db, file, FALSE, &result, &error))
    check (sim, FALSE, "importing %s into replica %u: %s",
           six_exchange_file_get_display_name (file), r, error->message);

  sim->n_imports++;
  check (sim, result->already_imported == imported_before,
         "%s into replica %u: already imported is %d, expected %d",
         six_exchange_file_get_display_name (file), r, result->already_imported,
         imported_before);
  if (result->already_imported)
    {
      check (sim, last_conflict_id (sim, r) == last_conflict,
             "a file imported again reported conflicts");
      sim->n_already++;
      return;
    }
  g_hash_table_add (replica->imported, g_steal_pointer (&file_id));

  /* After: every field's new write, and the model follows the merge. */
  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *incoming = records->pdata[i];
      const SixKind *kind = six_record_get_kind (incoming);
      const char *id = six_record_get_id (incoming);
      g_autoptr(SixRecord) local = read_record (sim, r, kind, id);
      RecordCase *record = cases->pdata[i];
      Truth *truth = record->truth;
      Held *held = ensure_held (replica, kind, id);

      check (sim, local != NULL, "%s %s was not imported", kind->name, id);
      record->deleted_after = six_record_is_deleted (local);

      for (guint j = 0; j < record->fields->len; j++)
        {
          FieldCase *field = &g_array_index (record->fields, FieldCase, j);
          const char *name = kind->fields[field->field].name;
          Write *write = write_of (sim, truth, six_record_get_nth_stamp (local, field->field));

          field->held = held;
          field->new_write = (int) write->index;
          field->new_value = ref_value (six_record_get_nth_value (local, field->field));

          if (field->incoming == NULL)
            {
              check (sim, field->new_write == field->old_write,
                     "%s %s: %s changed though the file did not carry it", kind->name, id,
                     name);
              continue;
            }

          check (sim, field->new_write == field->old_write ||
                      field->new_write == field->incoming->write,
                 "%s %s: %s holds a write that is neither the old nor the incoming one",
                 kind->name, id, name);
          if (field->old_write < 0 || (knows (field->incoming->knowledge, field->old_write) &&
                                       field->old_write != field->incoming->write))
            {
              check (sim, field->new_write == field->incoming->write,
                     "%s %s: %s: a sequential update was not taken", kind->name, id, name);
              if (field->old_write >= 0)
                sim->n_sequential++;
            }
          if (knows (field->old_knowledge, field->incoming->write))
            check (sim, field->new_write == field->old_write,
                   "%s %s: %s: a stale value replaced a newer one", kind->name, id, name);

          /* The model: the field's state now knows what both knew. */
          bits_union (held->knowledge[field->field], field->incoming->knowledge);
          bits_union (held->seen, field->incoming->knowledge);
          held->current[field->field] = field->new_write;
        }
    }

  /* Every conflict this import recorded is a real one. */
  conflicts = six_db_list_conflicts (replica->db, TRUE, &error);
  check (sim, error == NULL, "listing conflicts: %s", error->message);
  for (guint i = 0; i < conflicts->len; i++)
    {
      SixConflict *conflict = conflicts->pdata[i];

      if (conflict->id <= last_conflict)
        break;

      check (sim, conflict->operation == result->operation,
             "conflict %" G_GINT64_FORMAT " does not name the import", conflict->id);
      check_conflict (sim, conflict, g_hash_table_lookup (by_key, conflict->record_id));
    }

  /* And every concurrent overwrite, and every edit a deletion had not seen, is recorded. */
  for (guint i = 0; i < cases->len; i++)
    {
      RecordCase *record = cases->pdata[i];
      FieldCase *deleted = find_field_case (record, SIX_FIELD_DELETED);

      for (guint j = 0; j < record->fields->len; j++)
        {
          FieldCase *field = &g_array_index (record->fields, FieldCase, j);
          const char *name = record->truth->kind->fields[field->field].name;
          gboolean found = FALSE;
          Write *old;

          if (field->incoming == NULL || field->old_write < 0 ||
              field->new_write == field->old_write ||
              knows (field->incoming->knowledge, field->old_write) ||
              values_equal (field->old_value, field->new_value))
            continue;

          old = record->truth->writes->pdata[field->old_write];
          for (guint c = 0; c < conflicts->len && !found; c++)
            {
              SixConflict *conflict = conflicts->pdata[c];
              g_autofree char *lost = hlc_text (&conflict->lost_stamp);

              if (conflict->id <= last_conflict)
                break;
              found = conflict->field == field->field &&
                      strcmp (conflict->record_id, record->truth->id) == 0 &&
                      strcmp (lost, old->hlc) == 0;
            }

          check (sim, found, "%s %s: %s: a concurrent overwrite of %s was not reported",
                 record->truth->kind->name, record->truth->id, name, old->hlc);
        }

      if (deleted == NULL || !record->deleted_after || !record->held_before)
        continue;

      for (guint j = 0; j < record->fields->len; j++)
        {
          FieldCase *field = &g_array_index (record->fields, FieldCase, j);
          int edit;
          const Bits *edit_knowledge;
          const Bits *deletion_knowledge;
          int deletion;

          if (field->field == SIX_FIELD_DELETED)
            continue;

          if (!record->deleted_before)
            {
              /* The deletion arrived: edits held here that it had not seen. */
              if (deleted->incoming == NULL || field->old_write < 0)
                continue;
              edit = field->old_write;
              edit_knowledge = field->old_knowledge;
              deletion = deleted->incoming->write;
              deletion_knowledge = deleted->incoming->knowledge;
            }
          else
            {
              /* Deleted here: edits that arrive, unseen by the deletion. */
              if (field->incoming == NULL || field->new_write == field->old_write)
                continue;
              edit = field->new_write;
              edit_knowledge = field->incoming->knowledge;
              deletion = deleted->new_write;
              deletion_knowledge = deleted->held->knowledge[SIX_FIELD_DELETED];
            }

          if (!knows (deletion_knowledge, edit) && !knows (edit_knowledge, deletion))
            record->expect_delete_conflict = TRUE;
        }

      if (record->expect_delete_conflict)
        check (sim, record->got_delete_conflict,
               "%s %s: deleted concurrently with an edit, and not reported",
               record->truth->kind->name, record->truth->id);
    }

  if (capture->partial_fields)
    sim->n_partial++;
}

/* Every record of every kind at @r, values and stamps, one line each. */
static char *
dump_records (Sim   *sim,
              guint  r)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      const SixKind *kind = six_kind_lookup (kind_names[k]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      records = six_db_list_records (sim->replicas[r].db, kind, TRUE, TRUE, &error);
      check (sim, error == NULL, "listing: %s", error->message);

      for (guint i = 0; i < records->len; i++)
        {
          SixRecord *record = records->pdata[i];

          g_string_append_printf (out, "%s %s", kind->name, six_record_get_id (record));
          for (guint f = 0; f < kind->n_fields; f++)
            {
              const SixFieldStamp *stamp = six_record_get_nth_stamp (record, f);
              GVariant *value = six_record_get_nth_value (record, f);
              g_autofree char *text = value != NULL ? g_variant_print (value, TRUE) : NULL;
              g_autofree char *vv = NULL;
              g_autofree char *hlc = NULL;

              if (stamp->vv == NULL)
                continue;

              vv = six_version_vector_to_string (stamp->vv);
              hlc = hlc_text (stamp);
              g_string_append_printf (out, " %s=%s[%s %s]", kind->fields[f].name,
                                      text != NULL ? text : "NULL", vv, hlc);
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* The `records` member of @r's export, which must not depend on who writes it. */
static char *
export_records (Sim   *sim,
                guint  r)
{
  SixExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  const char *start;
  const char *end;

  options.level = SIX_VISIBILITY_PRIVATE;
  options.export_id = "5eed0000-0000-4000-8000-000000000000";
  options.created_at = "2025-11-23T00:00:00Z";
  bytes = six_exchange_write (sim->replicas[r].db, &options, &error);
  check (sim, error == NULL, "exporting replica %u: %s", r, error->message);

  text = g_bytes_get_data (bytes, NULL);
  start = strstr (text, "\"records\"");
  end = strstr (text, "\"checksum\"");
  check (sim, start != NULL && end != NULL && start < end, "replica %u: no records in export",
         r);

  return g_strndup (start, end - start);
}

static guint
steps_to_run (void)
{
  const char *env = g_getenv ("SIX_PROPERTY_ITERATIONS");

  if (env != NULL)
    return (guint) g_ascii_strtoull (env, NULL, 10);

  if (RUNNING_ON_VALGRIND)
    return VALGRIND_STEPS;

  return DEFAULT_STEPS;
}

static guint32
seed_to_use (void)
{
  const char *env = g_getenv ("SIX_SEED");

  if (env != NULL)
    return (guint32) g_ascii_strtoull (env, NULL, 0);

  return DEFAULT_SEED;
}

static void
step_once (Sim *sim)
{
  guint r = g_rand_int_range (sim->rand, 0, N_REPLICAS);
  guint roll = g_rand_int_range (sim->rand, 0, 100);

  /* Clocks drift and jump, sometimes backwards, never a day ahead of each other. */
  sim->replicas[r].wall.now += g_rand_int_range (sim->rand, 0, 8) == 0
                               ? -g_rand_int_range (sim->rand, 0, 5000)
                               : g_rand_int_range (sim->rand, 0, 120000);

  /* Few records and many edits, so that replicas often edit the same field concurrently. */
  if (roll < 5)
    local_create (sim, r);
  else if (roll < 45)
    local_edit (sim, r);
  else if (roll < 49)
    local_delete (sim, r);
  else if (roll < 52)
    local_restore (sim, r);
  else if (roll < 85)
    {
      guint from = g_rand_int_range (sim->rand, 0, N_REPLICAS);
      Capture *fresh = capture (sim, from, g_rand_int_range (sim->rand, 0, 3) == 0);
      gboolean json = !fresh->partial_fields && g_rand_int_range (sim->rand, 0, 4) == 0;

      g_ptr_array_add (sim->captures, fresh);
      if (from != r || g_rand_int_range (sim->rand, 0, 4) == 0)
        deliver (sim, fresh, r, json);

      /* A file sometimes reaches a second replica at once. */
      if (g_rand_boolean (sim->rand))
        deliver (sim, fresh, g_rand_int_range (sim->rand, 0, N_REPLICAS), FALSE);
    }
  else if (sim->captures->len > 0)
    {
      /* An old file, late, in any order: delivered again, or resent under a new export. */
      Capture *old = sim->captures->pdata[g_rand_int_range (sim->rand, 0,
                                                            (gint32) sim->captures->len)];

      sim->n_stale++;
      if (g_rand_boolean (sim->rand))
        deliver (sim, old, r, FALSE);
      else
        {
          Capture *copy = recapture (sim, old);

          g_ptr_array_add (sim->captures, copy);
          deliver (sim, copy, r, FALSE);
        }
    }

  while (sim->captures->len > MAX_CAPTURES)
    g_ptr_array_remove_index_fast (sim->captures,
                                   g_rand_int_range (sim->rand, 0, (gint32) sim->captures->len));
}

static void
test_convergence_random (void)
{
  Sim sim = { 0 };
  guint n_steps = steps_to_run ();
  g_autofree char *reference = NULL;
  g_autofree char *reference_export = NULL;

  sim.seed = seed_to_use ();
  sim.rand = g_rand_new_with_seed (sim.seed);
  sim.truths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, truth_free);
  sim.captures = g_ptr_array_new_with_free_func (capture_free);

  g_test_message ("seed 0x%08X (set SIX_SEED to replay), %u steps (SIX_PROPERTY_ITERATIONS)",
                  sim.seed, n_steps);

  for (guint r = 0; r < N_REPLICAS; r++)
    {
      Replica *replica = &sim.replicas[r];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Replica %u", r);

      replica->db = six_db_open (":memory:", &error);
      g_assert_no_error (error);
      replica->wall.now = NOW + g_rand_int_range (sim.rand, -2 * 3600 * 1000, 2 * 3600 * 1000);
      six_db_set_wall_clock (replica->db, fake_wall_now, &replica->wall);
      six_db_set_replica_name (replica->db, six_db_get_replica_id (replica->db), name,
                               "Property test", &error);
      g_assert_no_error (error);
      replica->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, held_free);
      replica->imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  for (sim.step = 0; sim.step < n_steps; sim.step++)
    step_once (&sim);

  /* The final exchange: everyone imports everyone's full export, twice over. */
  for (guint round = 0; round < 2; round++)
    for (guint r = 0; r < N_REPLICAS; r++)
      for (guint from = 0; from < N_REPLICAS; from++)
        {
          Capture *full;

          if (from == r)
            continue;

          full = capture (&sim, from, TRUE);
          g_ptr_array_add (sim.captures, full);
          deliver (&sim, full, r, round == 1 && from == (r + 1) % N_REPLICAS);
          sim.step++;
        }

  /* All replicas hold the same records, values and stamps, and export the same bytes. */
  reference = dump_records (&sim, 0);
  reference_export = export_records (&sim, 0);
  for (guint r = 1; r < N_REPLICAS; r++)
    {
      g_autofree char *dump = dump_records (&sim, r);
      g_autofree char *exported = export_records (&sim, r);

      check (&sim, strcmp (dump, reference) == 0, "replica %u differs from replica 0", r);
      check (&sim, strcmp (exported, reference_export) == 0,
             "replica %u exports other records than replica 0", r);
    }

  g_test_message ("%u records, %u imports (%u already imported, %u partial, %u stale, "
                  "%u through JSON), %u sequential updates, %u conflicts, "
                  "%u edit-vs-delete, %u restored",
                  g_hash_table_size (sim.truths), sim.n_imports, sim.n_already, sim.n_partial,
                  sim.n_stale, sim.n_json, sim.n_sequential, sim.n_conflicts,
                  sim.n_edit_delete, sim.n_restored);

  /* A default run must have exercised what it claims to check. */
  if (n_steps >= DEFAULT_STEPS)
    {
      check (&sim, sim.n_conflicts > 10, "too few conflicts: %u", sim.n_conflicts);
      check (&sim, sim.n_edit_delete > 0, "no edit-vs-delete conflict");
      check (&sim, sim.n_restored > 0, "no conflict restored");
      check (&sim, sim.n_partial > 10, "too few partial files: %u", sim.n_partial);
      check (&sim, sim.n_already > 0, "no file imported twice");
      check (&sim, sim.n_json > 10, "too few JSON round trips: %u", sim.n_json);
    }

  for (guint r = 0; r < N_REPLICAS; r++)
    {
      six_db_close (sim.replicas[r].db);
      g_hash_table_unref (sim.replicas[r].held);
      g_hash_table_unref (sim.replicas[r].imported);
    }
  g_ptr_array_unref (sim.captures);
  g_hash_table_unref (sim.truths);
  g_rand_free (sim.rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/convergence/random", test_convergence_random);

  return g_test_run ();
}
