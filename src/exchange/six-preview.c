/* six-preview.c — what importing a file would do, for people: who sent it, what it changes
 *
 * Built from the merge plan on the store's thread (titles and States are read there), then
 * shown by the window's preview, printed by `import --dry-run`, or written as JSON. Records
 * are grouped by the State they belong to: a country, or what a record refers to on its way
 * to one (a contribution's recipient, a coalition's lead, a note's target).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "six-preview.h"

#include "six-db.h"
#include "six-labels.h"

/* How many references a record may be followed through to find its State. */
#define MAX_STATE_DEPTH 4

/* The fields, in order, that lead from a record towards its State. */
static const char * const state_fields[] = {
  "country", "recipient", "lead", "obligation", "coalition", "affiliation", "target", NULL
};

typedef struct
{
  SixDb      *db;
  GHashTable *incoming;  /* "kind/id" → SixRecord of the file, borrowed */
  GHashTable *held;      /* "kind/id" → SixRecord read from the store, or a NULL value */
} Context;

static void
field_free (gpointer data)
{
  SixPreviewField *field = data;

  g_free (field->name);
  g_free (field->label);
  g_clear_pointer (&field->old_value, g_variant_unref);
  g_clear_pointer (&field->new_value, g_variant_unref);
  g_free (field->old_text);
  g_free (field->new_text);
  g_free (field);
}

static void
item_free (gpointer data)
{
  SixPreviewItem *item = data;

  g_free (item->id);
  g_free (item->title);
  g_clear_pointer (&item->fields, g_ptr_array_unref);
  g_free (item);
}

static void
group_free (gpointer data)
{
  SixPreviewGroup *group = data;

  g_free (group->state);
  g_free (group->name);
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

void
six_preview_free (SixPreview *self)
{
  if (self == NULL)
    return;

  g_free (self->file_name);
  g_free (self->sender_replica);
  g_free (self->sender_name);
  g_free (self->sender_organisation);
  g_free (self->created_at);
  g_free (self->scope_id);
  g_free (self->scope_label);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static char *
record_key (const char *kind,
            const char *id)
{
  return g_strconcat (kind, "/", id, NULL);
}

/* A record of @kind_name with @id: the file's if it carries one, else the one held here. */
static SixRecord *
lookup (Context    *ctx,
        const char *kind_name,
        const char *id)
{
  g_autofree char *key = record_key (kind_name, id);
  const SixKind *kind;
  SixRecord *record;
  gpointer held;

  if ((record = g_hash_table_lookup (ctx->incoming, key)) != NULL)
    return record;
  if (g_hash_table_lookup_extended (ctx->held, key, NULL, &held))
    return held;

  kind = six_kind_lookup (kind_name);
  record = kind != NULL ? six_db_get_record (ctx->db, kind, id, FALSE, NULL) : NULL;
  g_hash_table_insert (ctx->held, g_steal_pointer (&key), record);

  return record;
}

/* The name this database knows a record by, for headings: the file's for one not held. */
static char *
known_title (Context    *ctx,
             const char *kind_name,
             const char *id)
{
  const SixKind *kind = six_kind_lookup (kind_name);
  g_autoptr(SixRecord) held = kind != NULL ? six_db_get_record (ctx->db, kind, id, FALSE, NULL)
                                           : NULL;
  SixRecord *record = held != NULL ? held : lookup (ctx, kind_name, id);

  return record != NULL ? six_record_dup_title (record) : NULL;
}

static SixRecord *
resolve (Context        *ctx,
         const SixField *field,
         const char     *id)
{
  for (guint i = 0; field->targets != NULL && field->targets[i] != NULL; i++)
    {
      SixRecord *target = lookup (ctx, field->targets[i], id);

      if (target != NULL)
        return target;
    }

  return NULL;
}

/* The State @record belongs to, following its references, or %NULL. */
static const char *
state_of (Context   *ctx,
          SixRecord *record,
          guint      depth)
{
  const SixKind *kind = six_record_get_kind (record);

  if (strcmp (kind->name, "country") == 0)
    return six_record_get_id (record);
  if (depth >= MAX_STATE_DEPTH)
    return NULL;

  for (guint i = 0; state_fields[i] != NULL; i++)
    {
      const SixField *field = six_kind_get_field (kind, state_fields[i]);
      const char *id = field != NULL && field->type == SIX_FIELD_REF
                       ? six_record_get_string (record, state_fields[i]) : NULL;
      SixRecord *target = id != NULL ? resolve (ctx, field, id) : NULL;

      if (target != NULL)
        return state_of (ctx, target, depth + 1);
    }

  return NULL;
}

static char *
title_of (Context        *ctx,
          const SixField *field,
          const char     *id)
{
  SixRecord *target = resolve (ctx, field, id);

  return target != NULL ? six_record_dup_title (target) : g_strdup (id);
}

/* A value for people: enum values and booleans in words, references by their titles. */
static char *
value_text (Context       *ctx,
            const SixKind *kind,
            const char    *name,
            GVariant      *value)
{
  const SixField *field = six_kind_get_field (kind, name);

  if (value == NULL)
    return NULL;

  if (field != NULL && field->type == SIX_FIELD_REF)
    return title_of (ctx, field, g_variant_get_string (value, NULL));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autofree const char **items = g_variant_get_strv (value, NULL);

      for (guint i = 0; items[i] != NULL; i++)
        g_ptr_array_add (texts, field != NULL && field->targets != NULL
                                ? title_of (ctx, field, items[i])
                                : g_strdup (six_value_label (kind->name, name, items[i])));
      g_ptr_array_add (texts, NULL);

      /* Translators: the separator between the items of a list of values */
      return g_strjoinv (_(", "), (char **) texts->pdata);
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (six_value_label (kind->name, name, g_variant_get_string (value, NULL)));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? _("Yes") : _("No"));

  return g_variant_print (value, FALSE);
}

/* A field's name for people; one without a label yet is at least written as words. */
static char *
field_label (const char *name)
{
  const char *label = six_field_label (name);
  g_autofree char *words = NULL;

  if (g_strcmp0 (label, name) != 0)
    return g_strdup (label);

  words = g_strdelimit (g_strdup (name), "_", ' ');
  words[0] = g_ascii_toupper (words[0]);

  return g_steal_pointer (&words);
}

/* One line of at most @max characters: what a list can show of a long text. */
static char *
one_line (const char *text,
          guint       max)
{
  g_autofree char *line = NULL;
  char *end;

  if (text == NULL)
    return NULL;

  line = g_strdelimit (g_strdup (text), "\n\r\t", ' ');
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);

  end = g_utf8_offset_to_pointer (line, max - 1);
  *end = '\0';

  return g_strconcat (line, "…", NULL);
}

/* What names a record: its title, or for one titled by its id alone (a contribution, a
 * request), what it refers to and what it is: "France · Iraq · Victim assistance". */
static char *
record_title (Context   *ctx,
              SixRecord *record)
{
  const SixKind *kind = six_record_get_kind (record);
  g_autofree char *title = six_record_dup_title (record);
  g_autoptr(GPtrArray) parts = NULL;

  if (g_strcmp0 (title, six_record_get_id (record)) != 0)
    return one_line (title, 80);

  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = SIX_FIELD_DELETED + 1; i < kind->n_fields && parts->len < 3; i++)
    {
      const SixField *field = &kind->fields[i];
      GVariant *value = six_record_has_field (record, i) ? six_record_get_nth_value (record, i)
                                                          : NULL;

      if (value != NULL && (field->type == SIX_FIELD_REF || field->type == SIX_FIELD_ENUM ||
                            field->type == SIX_FIELD_INTEGER))
        g_ptr_array_add (parts, value_text (ctx, kind, field->name, value));
    }
  if (parts->len == 0)
    return g_steal_pointer (&title);
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the parts that name a record: France · Iraq */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static SixPreviewField *
field_new (Context       *ctx,
           const SixKind *kind,
           const char    *name,
           GVariant      *old_value,
           GVariant      *new_value)
{
  SixPreviewField *field = g_new0 (SixPreviewField, 1);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  field->name = g_strdup (name);
  field->label = field_label (name);
  field->old_value = old_value != NULL ? g_variant_ref (old_value) : NULL;
  field->new_value = new_value != NULL ? g_variant_ref (new_value) : NULL;
  old_text = value_text (ctx, kind, name, old_value);
  new_text = value_text (ctx, kind, name, new_value);
  field->old_text = one_line (old_text, 120);
  field->new_text = one_line (new_text, 120);

  return field;
}

/* The value a record holds for a known field or one of a newer version (as JSON text). */
static GVariant *
held_value (SixRecord  *record,
            guint       field,
            const char *name)
{
  GPtrArray *extras;

  if (record == NULL)
    return NULL;
  if (field != SIX_MERGE_EXTRA_FIELD)
    return six_record_has_field (record, field)
           ? six_record_get_nth_value (record, field) : NULL;

  extras = six_record_get_extras (record);
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      SixExtraField *extra = extras->pdata[i];

      if (strcmp (extra->name, name) == 0 && extra->json != NULL)
        return g_variant_new_string (extra->json);
    }

  return NULL;
}

static SixPreviewItem *
item_new (Context        *ctx,
          SixMergePlan   *plan,
          SixMergeRecord *record)
{
  const SixKind *kind = six_record_get_kind (record->incoming);
  SixPreviewItem *item = g_new0 (SixPreviewItem, 1);
  g_autoptr(GHashTable) conflicted = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean title_in_file = six_record_get_value (record->incoming, kind->title_field) != NULL;

  item->kind = kind;
  item->id = g_strdup (six_record_get_id (record->incoming));
  item->title = record_title (ctx, title_in_file || record->local == NULL
                                   ? record->incoming : record->local);
  item->fields = g_ptr_array_new_with_free_func (field_free);

  if (record->n_conflicts > 0)
    item->action = SIX_PREVIEW_CONFLICT;
  else if (record->deleting)
    item->action = SIX_PREVIEW_DELETED;
  else if (record->status == SIX_MERGE_RECORD_NEW)
    item->action = SIX_PREVIEW_NEW;
  else if (record->status == SIX_MERGE_RECORD_CHANGED)
    item->action = SIX_PREVIEW_CHANGED;
  else
    item->action = SIX_PREVIEW_SKIPPED;

  if (item->action == SIX_PREVIEW_SKIPPED)
    return item;

  /* Both values of each concurrent edit: the one held here and the file's. */
  for (guint i = 0; i < record->n_conflicts; i++)
    {
      const SixMergeConflict *conflict = plan->conflicts->pdata[record->first_conflict + i];
      GVariant *ours = conflict->local_lost ? conflict->lost_value : conflict->won_value;
      GVariant *theirs = conflict->local_lost ? conflict->won_value : conflict->lost_value;
      SixPreviewField *field = field_new (ctx, kind, conflict->field_name, ours, theirs);

      field->conflict = TRUE;
      field->file_wins = conflict->local_lost;
      g_hash_table_add (conflicted, (gpointer) conflict->field_name);
      g_ptr_array_add (item->fields, field);
    }

  for (guint i = 0; i < record->changes->len; i++)
    {
      const SixMergeChange *change = &g_array_index (record->changes, SixMergeChange, i);
      g_autoptr(GVariant) old_value = NULL;

      if (!change->value_changed || g_hash_table_contains (conflicted, change->name))
        continue;
      /* A new record's liveness and a deletion say themselves in the action. */
      if (change->field == SIX_FIELD_DELETED)
        continue;

      old_value = held_value (record->local, change->field, change->name);
      if (old_value != NULL)
        g_variant_ref_sink (old_value);
      g_ptr_array_add (item->fields, field_new (ctx, kind, change->name, old_value,
                                                change->value));
    }

  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SixPreviewItem *x = *(SixPreviewItem **) a;
  const SixPreviewItem *y = *(SixPreviewItem **) b;

  if (x->action != y->action)
    return x->action < y->action ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;

  return g_utf8_collate (x->title, y->title);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const SixPreviewGroup *x = *(SixPreviewGroup **) a;
  const SixPreviewGroup *y = *(SixPreviewGroup **) b;

  /* Records tied to no State come last. */
  if ((x->state == NULL) != (y->state == NULL))
    return x->state == NULL ? 1 : -1;

  return g_utf8_collate (x->name, y->name);
}

static char *
scope_label (Context         *ctx,
             SixScopeType     scope,
             const char      *scope_id)
{
  char *title = NULL;

  if (scope == SIX_SCOPE_COUNTRY && scope_id != NULL)
    title = known_title (ctx, "country", scope_id);
  else if (scope == SIX_SCOPE_COALITION && scope_id != NULL)
    title = known_title (ctx, "coalition", scope_id);

  if (title != NULL)
    return title;

  switch (scope)
    {
    case SIX_SCOPE_ALL:
      return g_strdup (_("the whole database"));
    case SIX_SCOPE_SELECTION:
      return g_strdup (_("a selection of records"));
    case SIX_SCOPE_COUNTRY:
    case SIX_SCOPE_COALITION:
    default:
      return g_strdup (scope_id);
    }
}

/* The items of a redo: each record its writes touch, restored (new) or changed. */
static GPtrArray *
redo_items (Context   *ctx,
            GPtrArray *writes)
{
  g_autoptr(GHashTable) by_record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < writes->len; i++)
    {
      SixPendingWrite *write = writes->pdata[i];
      g_autofree char *key = record_key (write->kind->name, write->record_id);
      SixPreviewItem *item = g_hash_table_lookup (by_record, key);
      SixRecord *record = lookup (ctx, write->kind->name, write->record_id);

      if (item == NULL)
        {
          item = g_new0 (SixPreviewItem, 1);
          item->kind = write->kind;
          item->id = g_strdup (write->record_id);
          item->title = record != NULL ? record_title (ctx, record) : g_strdup (write->record_id);
          item->action = SIX_PREVIEW_CHANGED;
          item->fields = g_ptr_array_new_with_free_func (field_free);
          g_hash_table_insert (by_record, g_steal_pointer (&key), item);
          g_ptr_array_add (items, item);
        }

      /* Brought back from its tombstone: its values come back with it. */
      if (strcmp (write->field, "deleted") == 0)
        {
          if (write->value != NULL && !g_variant_get_boolean (write->value))
            item->action = SIX_PREVIEW_NEW;
          if (write->value != NULL && g_variant_get_boolean (write->value))
            item->action = SIX_PREVIEW_DELETED;
          for (guint f = SIX_FIELD_DELETED + 1;
               item->action == SIX_PREVIEW_NEW && record != NULL && f < write->kind->n_fields; f++)
            if (six_record_has_field (record, f) && six_record_get_nth_value (record, f) != NULL)
              g_ptr_array_add (item->fields,
                               field_new (ctx, write->kind, write->kind->fields[f].name, NULL,
                                          six_record_get_nth_value (record, f)));
          continue;
        }

      g_ptr_array_add (item->fields, field_new (ctx, write->kind, write->field, write->current,
                                                write->value));
    }

  return items;
}

/* Adds @item to the group of its State, made on first use. */
static void
add_item (Context         *ctx,
          SixPreview      *self,
          GHashTable      *groups,
          SixPreviewGroup **stateless,
          const char      *state,
          SixPreviewItem  *item)
{
  SixPreviewGroup *group = state != NULL ? g_hash_table_lookup (groups, state) : *stateless;

  if (group == NULL)
    {
      group = g_new0 (SixPreviewGroup, 1);
      group->state = g_strdup (state);
      group->name = state != NULL ? known_title (ctx, "country", state)
                                  : g_strdup (_("Not tied to a State"));
      if (group->name == NULL)
        group->name = g_strdup (state);
      group->items = g_ptr_array_new_with_free_func (item_free);
      g_ptr_array_add (self->groups, group);
      if (state != NULL)
        g_hash_table_insert (groups, group->state, group);
      else
        *stateless = group;
    }

  group->n_items[item->action]++;
  g_ptr_array_add (group->items, item);
}

/**
 * six_preview_new:
 * @db: the store, on its own thread: titles and States are read from it
 * @file: the file as read
 * @result: a dry run of its import
 *
 * Returns: (transfer full): who sent @file and what importing it would change, by State
 */
SixPreview *
six_preview_new (SixDb                 *db,
                 SixExchangeFile       *file,
                 const SixImportResult *result)
{
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  SixPreviewGroup *stateless = NULL;
  Context ctx = { db, NULL, NULL };
  GPtrArray *records = six_exchange_file_get_records (file);
  SixPreview *self;
  const char *scope_id;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  ctx.incoming = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (ctx.incoming,
                         record_key (six_record_get_kind_name (records->pdata[i]),
                                     six_record_get_id (records->pdata[i])),
                         records->pdata[i]);

  self = g_new0 (SixPreview, 1);
  self->file_name = g_strdup (six_exchange_file_get_display_name (file));
  if (origin != NULL)
    {
      self->sender_replica = g_strdup (origin->id);
      self->sender_name = g_strdup (origin->name);
      self->sender_organisation = g_strdup (origin->organisation);
    }
  self->created_at = g_strdup (six_exchange_file_get_created_at (file));
  self->scope = six_exchange_file_get_scope (file, &scope_id);
  self->scope_id = g_strdup (scope_id);
  self->scope_label = scope_label (&ctx, self->scope, scope_id);
  self->level = six_exchange_file_get_level (file);
  self->counts = result->counts;
  self->already_imported = result->already_imported;
  self->imported_at = result->imported_at;
  self->groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; result->plan != NULL && i < result->plan->records->len; i++)
    {
      SixMergeRecord *record = result->plan->records->pdata[i];
      const char *state = state_of (&ctx, record->incoming, 0);

      /* A file may leave out the reference that leads to the State (§5); ours may have it. */
      if (state == NULL && record->local != NULL)
        state = state_of (&ctx, record->local, 0);
      add_item (&ctx, self, groups, &stateless, state, item_new (&ctx, result->plan, record));
    }

  if (result->redone > 0 && result->redo_writes != NULL)
    {
      g_autoptr(GPtrArray) items = redo_items (&ctx, result->redo_writes);

      self->redo = TRUE;
      for (guint i = 0; i < items->len; i++)
        {
          SixPreviewItem *item = items->pdata[i];
          SixRecord *record = lookup (&ctx, item->kind->name, item->id);

          add_item (&ctx, self, groups, &stateless,
                    record != NULL ? state_of (&ctx, record, 0) : NULL, item);
        }
    }

  for (guint i = 0; i < self->groups->len; i++)
    g_ptr_array_sort (((SixPreviewGroup *) self->groups->pdata[i])->items, compare_items);
  g_ptr_array_sort (self->groups, compare_groups);

  g_hash_table_unref (ctx.incoming);
  g_hash_table_unref (ctx.held);

  return self;
}

/* "Nadia Haddad, Mines Action Canada"; a sender who gave no name by the start of its id. */
char *
six_preview_dup_sender (SixPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->sender_name != NULL && self->sender_organisation != NULL)
    /* Translators: a person, then the organisation they work for */
    return g_strdup_printf (_("%s, %s"), self->sender_name, self->sender_organisation);
  if (self->sender_name != NULL)
    return g_strdup (self->sender_name);
  if (self->sender_organisation != NULL)
    return g_strdup (self->sender_organisation);

  /* Translators: a sender who did not give a name; %.8s is the start of their id */
  return g_strdup_printf (_("someone who gave no name (%.8s…)"),
                          self->sender_replica != NULL ? self->sender_replica : "");
}

static const char *
level_label (SixVisibility level)
{
  switch (level)
    {
    case SIX_VISIBILITY_COALITION:
      return _("public and coalition records");
    case SIX_VISIBILITY_PRIVATE:
      return _("everything, private records too");
    case SIX_VISIBILITY_PUBLIC:
    default:
      return _("public records");
    }
}

/* "Written on 2026-11-20 at 10:00 UTC · Lebanon · public records" */
char *
six_preview_dup_description (SixPreview *self)
{
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  created = self->created_at != NULL ? g_date_time_new_from_iso8601 (self->created_at, NULL)
                                     : NULL;
  /* Translators: the date and time a file was written, in UTC */
  when = created != NULL ? g_date_time_format (created, _("%Y-%m-%d at %H:%M UTC"))
                         : g_strdup (self->created_at != NULL ? self->created_at : "");

  /* Translators: when a file was written, what it covers (a State, a coalition, the whole
   * database) and what it may hold: "Written on 2026-11-20 at 10:00 UTC · Lebanon · public
   * records" */
  return g_strdup_printf (_("Written on %s · %s · %s"), when, self->scope_label,
                          level_label (self->level));
}

/* For a file imported, undone, and imported again: what importing it does now. */
char *
six_preview_dup_redo_note (SixPreview *self)
{
  g_autoptr(GDateTime) imported = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->redo)
    return NULL;

  imported = g_date_time_new_from_unix_local (self->imported_at / 1000);
  date = imported != NULL ? g_date_time_format (imported, "%Y-%m-%d") : g_strdup ("");

  /* Translators: %s is the day a file was first imported */
  return g_strdup_printf (_("Imported on %s, then undone: importing it again brings back what "
                            "it changed."), date);
}

/* The heading of a preview's section. */
const char *
six_preview_action_label (SixPreviewAction action)
{
  switch (action)
    {
    case SIX_PREVIEW_NEW:
      return _("New");
    case SIX_PREVIEW_CHANGED:
      return _("Changed");
    case SIX_PREVIEW_CONFLICT:
      return _("Edited on Both Sides");
    case SIX_PREVIEW_DELETED:
      return _("Deleted");
    case SIX_PREVIEW_SKIPPED:
    default:
      return _("Already Seen");
    }
}

/* One field for people: "Name: “Liban” → “Lebanese Republic”", or a conflict's two values. */
char *
six_preview_field_describe (const SixPreviewField *field)
{
  const char *none = _("nothing");
  g_autofree char *old_text = field->old_text != NULL
                              ? g_strdup_printf (_("“%s”"), field->old_text) : g_strdup (none);
  g_autofree char *new_text = field->new_text != NULL
                              ? g_strdup_printf (_("“%s”"), field->new_text) : g_strdup (none);

  g_return_val_if_fail (field != NULL, NULL);

  if (field->conflict)
    return g_strdup_printf (field->file_wins
                            /* Translators: a field edited here and in the file at once; the
                             * file's later edit is kept, ours goes to the conflict log */
                            ? _("%s: here %s, in the file %s; the file’s is kept, yours goes "
                                "to the conflict log")
                            /* Translators: a field edited here and in the file at once; our
                             * later edit is kept, the file's goes to the conflict log */
                            : _("%s: here %s, in the file %s; yours is kept, the file’s goes "
                                "to the conflict log"),
                            field->label, old_text, new_text);

  if (field->old_text == NULL)
    /* Translators: a field of a new record and its value: Name: “Lebanon” */
    return g_strdup_printf (_("%s: %s"), field->label, new_text);

  /* Translators: a field, its value here, then the file's: Name: “Liban” → “Lebanon” */
  return g_strdup_printf (_("%s: %s → %s"), field->label, old_text, new_text);
}

/* The titles of up to @limit records a group lists under @action, and how many more. */
static char *
skipped_titles (SixPreviewGroup *group,
                guint            limit)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = group->n_items[SIX_PREVIEW_SKIPPED];
  g_autofree char *joined = NULL;

  for (guint i = 0; i < group->items->len && titles->len < limit; i++)
    {
      SixPreviewItem *item = group->items->pdata[i];

      if (item->action == SIX_PREVIEW_SKIPPED)
        g_ptr_array_add (titles, item->title);
    }
  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv (_(", "), (char **) titles->pdata);

  if (n <= limit)
    return g_steal_pointer (&joined);

  /* Translators: a list of records, then how many more there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                       n - limit),
                          joined, n - limit);
}

/**
 * six_preview_to_text:
 *
 * The preview as `import --dry-run` prints it, in the user's language.
 */
char *
six_preview_to_text (SixPreview *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sender = NULL;
  g_autofree char *description = NULL;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  sender = six_preview_dup_sender (self);
  description = six_preview_dup_description (self);
  counts = six_merge_counts_describe (&self->counts);

  g_string_append_printf (out, "%s\n", self->file_name != NULL ? self->file_name : "");
  /* Translators: who sent a file */
  g_string_append_printf (out, _("  From %s\n"), sender);
  g_string_append_printf (out, "  %s\n", description);

  if (self->already_imported)
    {
      g_string_append_printf (out, "  %s\n", _("Already imported; importing it again changes "
                                               "nothing."));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (self->redo)
    {
      g_autofree char *note = six_preview_dup_redo_note (self);

      g_string_append_printf (out, "  %s\n", note);
    }
  /* Translators: what importing a file would do: "1 new, 2 changed, …" */
  g_string_append_printf (out, _("  Would import %s; nothing was written.\n"), counts);

  for (guint i = 0; i < self->groups->len; i++)
    {
      SixPreviewGroup *group = self->groups->pdata[i];
      SixPreviewAction shown = SIX_PREVIEW_N_ACTIONS;

      g_string_append_printf (out, "\n%s\n", group->name);
      for (guint j = 0; j < group->items->len; j++)
        {
          SixPreviewItem *item = group->items->pdata[j];

          if (item->action == SIX_PREVIEW_SKIPPED)
            break;
          if (item->action != shown)
            {
              shown = item->action;
              g_string_append_printf (out, "  %s\n", six_preview_action_label (shown));
            }
          /* Translators: a kind of record and its title: Contribution: France 2024 */
          g_string_append_printf (out, _("    %s: %s\n"), six_kind_label (item->kind->name),
                                  item->title);
          for (guint k = 0; k < item->fields->len; k++)
            {
              g_autofree char *field = six_preview_field_describe (item->fields->pdata[k]);

              g_string_append_printf (out, "      %s\n", field);
            }
        }

      if (group->n_items[SIX_PREVIEW_SKIPPED] > 0)
        {
          g_autofree char *titles = skipped_titles (group, 5);

          /* Translators: records the file holds that this database has already seen */
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                    "  Already seen, %u record: %s\n",
                                                    "  Already seen, %u records: %s\n",
                                                    group->n_items[SIX_PREVIEW_SKIPPED]),
                                  group->n_items[SIX_PREVIEW_SKIPPED], titles);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_value (JsonBuilder *builder,
           const char  *name,
           GVariant    *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, json_gvariant_serialize (value));
}

static const char * const action_names[] = {
  "new", "changed", "conflicts", "deleted", "skipped",
};

/**
 * six_preview_to_json:
 *
 * The preview for programs: names and codes as the exchange format spells them, values as
 * JSON, the people's words beside them.
 */
char *
six_preview_to_json (SixPreview *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const scopes[] = { "all", "country", "coalition", "selection" };

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "file", self->file_name);
  json_builder_set_member_name (builder, "sender");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "replica", self->sender_replica);
  add_nullable_string (builder, "name", self->sender_name);
  add_nullable_string (builder, "organisation", self->sender_organisation);
  json_builder_end_object (builder);
  add_nullable_string (builder, "created_at", self->created_at);
  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "type", scopes[self->scope]);
  add_nullable_string (builder, "id", self->scope_id);
  add_nullable_string (builder, "label", self->scope_label);
  json_builder_end_object (builder);
  add_nullable_string (builder, "level", six_visibility_to_string (self->level));
  json_builder_set_member_name (builder, "already_imported");
  json_builder_add_boolean_value (builder, self->already_imported);
  json_builder_set_member_name (builder, "redo");
  json_builder_add_boolean_value (builder, self->redo);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, self->counts.n_records);
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, self->counts.n_new);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, self->counts.n_changed);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_int_value (builder, self->counts.n_deleted);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, self->counts.n_unchanged);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, self->counts.n_conflicts);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "states");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->groups->len; i++)
    {
      SixPreviewGroup *group = self->groups->pdata[i];

      json_builder_begin_object (builder);
      add_nullable_string (builder, "id", group->state);
      add_nullable_string (builder, "name", group->name);

      for (SixPreviewAction action = 0; action < SIX_PREVIEW_N_ACTIONS; action++)
        {
          json_builder_set_member_name (builder, action_names[action]);
          json_builder_begin_array (builder);
          for (guint j = 0; j < group->items->len; j++)
            {
              SixPreviewItem *item = group->items->pdata[j];

              if (item->action != action)
                continue;

              json_builder_begin_object (builder);
              add_nullable_string (builder, "kind", item->kind->name);
              add_nullable_string (builder, "id", item->id);
              add_nullable_string (builder, "title", item->title);
              if (action != SIX_PREVIEW_SKIPPED)
                {
                  json_builder_set_member_name (builder, "fields");
                  json_builder_begin_array (builder);
                  for (guint k = 0; k < item->fields->len; k++)
                    {
                      SixPreviewField *field = item->fields->pdata[k];

                      json_builder_begin_object (builder);
                      add_nullable_string (builder, "field", field->name);
                      add_value (builder, field->conflict ? "local" : "old", field->old_value);
                      add_value (builder, field->conflict ? "incoming" : "new",
                                 field->new_value);
                      if (field->conflict)
                        add_nullable_string (builder, "kept",
                                             field->file_wins ? "incoming" : "local");
                      json_builder_end_object (builder);
                    }
                  json_builder_end_array (builder);
                }
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
