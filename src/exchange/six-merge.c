/* six-merge.c — the merge planner: exchange format §4, field by field, with no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-merge"

#include "config.h"

#include "six-merge.h"

#include "six-reference-pack.h"

#include <string.h>

/* One side of a field merge; everything borrowed. */
typedef struct
{
  guint                field;
  const char          *name;
  GVariant            *value;
  const SixFieldStamp *stamp;  /* %NULL, or a %NULL vector: never written */
} Side;

/* An incoming write that now holds a field, kept to look for edits a deletion had not seen. */
typedef struct
{
  const char    *name;
  SixFieldStamp  stamp;
} Win;

static void
change_clear (gpointer data)
{
  SixMergeChange *change = data;

  g_clear_pointer (&change->value, g_variant_unref);
  six_field_stamp_clear (&change->stamp);
}

static void
win_clear (gpointer data)
{
  Win *win = data;

  six_field_stamp_clear (&win->stamp);
}

static void
merge_record_free (gpointer data)
{
  SixMergeRecord *record = data;

  g_clear_object (&record->incoming);
  g_clear_object (&record->local);
  g_clear_pointer (&record->changes, g_array_unref);
  g_free (record);
}

static void
merge_conflict_free (gpointer data)
{
  SixMergeConflict *conflict = data;

  g_clear_pointer (&conflict->lost_value, g_variant_unref);
  g_clear_pointer (&conflict->won_value, g_variant_unref);
  six_field_stamp_clear (&conflict->lost_stamp);
  six_field_stamp_clear (&conflict->won_stamp);
  g_free (conflict);
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

static GVariant *
ref_value (GVariant *value)
{
  return value != NULL ? g_variant_ref_sink (value) : NULL;
}

static gboolean
written_by_reference_pack (const SixFieldStamp *stamp)
{
  return g_strcmp0 (stamp->hlc.replica, SIX_REFERENCE_PACK_REPLICA) == 0;
}

/* Rule 5's order: a person's write beats the reference pack's (a user's correction survives
 * any newer pack, DESIGN §6), then the stamp decides; the rest only makes every replica pick
 * the same winner from data no correct writer produces (equal stamps on concurrent vectors).
 * Positive: @a wins. */
static int
compare_writes (GVariant            *a_value,
                const SixFieldStamp *a,
                GVariant            *b_value,
                const SixFieldStamp *b)
{
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  int cmp;

  cmp = (int) written_by_reference_pack (b) - (int) written_by_reference_pack (a);
  if (cmp != 0)
    return cmp;

  cmp = six_hlc_compare (&a->hlc, &b->hlc);
  if (cmp != 0)
    return cmp;

  a_text = six_version_vector_to_string (a->vv);
  b_text = six_version_vector_to_string (b->vv);
  cmp = strcmp (a_text, b_text);
  if (cmp != 0)
    return cmp;

  g_clear_pointer (&a_text, g_free);
  g_clear_pointer (&b_text, g_free);
  a_text = a_value != NULL ? g_variant_print (a_value, TRUE) : NULL;
  b_text = b_value != NULL ? g_variant_print (b_value, TRUE) : NULL;
  cmp = g_strcmp0 (a_text, b_text);
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (a->source, b->source);
}

/* Whether a state with vector @knower has seen the write that produced @state's value. A write
 * that had seen it would have won (higher vector, hence higher stamp), so the writer's entry in
 * the field's joined vector is still that write's own counter. */
static gboolean
has_seen_write (const SixVersionVector *knower,
                const SixFieldStamp    *state)
{
  guint64 counter = 0;

  if (state->hlc.replica != NULL)
    counter = six_version_vector_get (state->vv, state->hlc.replica);

  /* A stamp whose writer is missing from its vector: fall back to the vectors alone. */
  if (counter == 0)
    {
      SixClockOrder order = six_version_vector_compare (state->vv, knower);

      return order == SIX_CLOCK_BEFORE || order == SIX_CLOCK_EQUAL;
    }

  return six_version_vector_get (knower, state->hlc.replica) >= counter;
}

/* Neither write had seen the other. */
static gboolean
writes_concurrent (const SixFieldStamp *a,
                   const SixFieldStamp *b)
{
  return !has_seen_write (a->vv, b) && !has_seen_write (b->vv, a);
}

static SixMergeConflict *
add_conflict (SixMergePlan         *self,
              SixMergeRecord       *record,
              SixMergeConflictType  type,
              guint                 field,
              const char           *field_name)
{
  SixMergeConflict *conflict = g_new0 (SixMergeConflict, 1);

  conflict->type = type;
  conflict->kind = six_record_get_kind (record->incoming);
  conflict->record_id = six_record_get_id (record->incoming);
  conflict->field = field;
  conflict->field_name = field_name;
  g_ptr_array_add (self->conflicts, conflict);

  return conflict;
}

/* Rules 2 to 5 for one field the incoming record carries. Appends the write it needs, if any.
 * @accepted receives the incoming stamp, as written: a file with stamps too far ahead was
 * refused before planning (rule 6). Returns whether the incoming write now holds the field;
 * @reported says whether a conflict was recorded. */
static gboolean
merge_field (SixMergePlan   *self,
             SixMergeRecord *record,
             const Side     *in,
             const Side     *lo,
             SixFieldStamp  *accepted,
             gboolean       *reported)
{
  SixMergeChange change = { 0 };
  SixMergeRule rule;

  *reported = FALSE;
  six_field_stamp_copy (accepted, in->stamp);

  if (lo->stamp == NULL || lo->stamp->vv == NULL)
    rule = SIX_MERGE_RULE_NEW;
  else
    {
      switch (six_version_vector_compare (accepted->vv, lo->stamp->vv))
        {
        case SIX_CLOCK_AFTER:
          rule = SIX_MERGE_RULE_INCOMING_NEWER;
          break;

        case SIX_CLOCK_EQUAL:
        case SIX_CLOCK_BEFORE:
          /* Rule 4: an old or repeated write; its stamp is not used, so not reported. */
          return FALSE;

        case SIX_CLOCK_CONCURRENT:
        default:
          rule = compare_writes (in->value, accepted, lo->value, lo->stamp) > 0
                 ? SIX_MERGE_RULE_CONCURRENT_INCOMING
                 : SIX_MERGE_RULE_CONCURRENT_LOCAL;
          break;
        }
    }

  change.field = in->field;
  change.name = in->name;
  change.rule = rule;

  if (rule == SIX_MERGE_RULE_CONCURRENT_LOCAL)
    {
      change.value = ref_value (lo->value);
      six_field_stamp_copy (&change.stamp, lo->stamp);
    }
  else
    {
      change.value = ref_value (in->value);
      six_field_stamp_copy (&change.stamp, accepted);
    }

  if (rule == SIX_MERGE_RULE_CONCURRENT_INCOMING || rule == SIX_MERGE_RULE_CONCURRENT_LOCAL)
    {
      gboolean incoming_won = rule == SIX_MERGE_RULE_CONCURRENT_INCOMING;
      const SixFieldStamp *winner = incoming_won ? accepted : lo->stamp;
      const SixFieldStamp *loser = incoming_won ? lo->stamp : accepted;
      SixVersionVector *joined = six_version_vector_join (accepted->vv, lo->stamp->vv);

      six_version_vector_unref (change.stamp.vv);
      change.stamp.vv = joined;

      /* A value whose write the winner had seen is overwritten sequentially: the vectors
       * differ only by an older conflict, reported where it was resolved. */
      if (!values_equal (in->value, lo->value) && !has_seen_write (winner->vv, loser))
        {
          SixMergeConflict *conflict;

          conflict = add_conflict (self, record, SIX_MERGE_CONFLICT_CONCURRENT, in->field,
                                   in->name);
          conflict->lost_value = ref_value (incoming_won ? lo->value : in->value);
          six_field_stamp_copy (&conflict->lost_stamp, loser);
          conflict->won_value = ref_value (incoming_won ? in->value : lo->value);
          six_field_stamp_copy (&conflict->won_stamp, winner);
          conflict->local_lost = incoming_won;
          *reported = TRUE;
        }
    }

  change.value_changed = !values_equal (lo->value, change.value);
  g_array_append_val (record->changes, change);

  return rule != SIX_MERGE_RULE_CONCURRENT_LOCAL;
}

static const SixExtraField *
find_extra (SixRecord  *record,
            const char *name)
{
  GPtrArray *extras = record != NULL ? six_record_get_extras (record) : NULL;

  if (extras == NULL)
    return NULL;

  for (guint i = 0; i < extras->len; i++)
    {
      const SixExtraField *extra = extras->pdata[i];

      if (strcmp (extra->name, name) == 0)
        return extra;
    }

  return NULL;
}

static GVariant *
extra_value (const SixExtraField *extra)
{
  if (extra == NULL || extra->json == NULL)
    return NULL;

  return g_variant_ref_sink (g_variant_new_string (extra->json));
}

static const SixMergeChange *
find_change (SixMergeRecord *record,
             guint           field)
{
  for (guint i = 0; i < record->changes->len; i++)
    {
      const SixMergeChange *change = &g_array_index (record->changes, SixMergeChange, i);

      if (change->field == field)
        return change;
    }

  return NULL;
}

static gboolean
is_true (GVariant *value)
{
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
         g_variant_get_boolean (value);
}

/* Keeps the candidate edit with the highest stamp, so the choice does not depend on order. */
static void
consider_edit (const SixFieldStamp  *edit,
               const char           *name,
               const SixFieldStamp **best,
               const char          **best_name)
{
  if (*best == NULL || six_hlc_compare (&edit->hlc, &(*best)->hlc) > 0)
    {
      *best = edit;
      *best_name = name;
    }
}

/* §4: a deletion concurrent with an edit of another field is reported, so the user can undelete.
 * Either the deletion arrives and this replica held an edit it had not seen (@deletion is the
 * incoming write), or the record was deleted here and such an edit arrives (@wins). */
static void
check_edit_delete (SixMergePlan        *self,
                   SixMergeRecord      *record,
                   const SixFieldStamp *deletion,
                   GArray              *wins,
                   gboolean             arriving)
{
  const SixKind *kind = six_record_get_kind (record->incoming);
  const SixFieldStamp *best = NULL;
  const char *best_name = NULL;
  SixMergeConflict *conflict;

  if (deletion == NULL || deletion->vv == NULL)
    return;

  if (arriving)
    {
      GPtrArray *extras = six_record_get_extras (record->local);

      for (guint i = 0; i < kind->n_fields; i++)
        {
          const SixFieldStamp *stamp = six_record_get_nth_stamp (record->local, i);

          if (i != SIX_FIELD_DELETED && stamp != NULL && stamp->vv != NULL &&
              writes_concurrent (stamp, deletion))
            consider_edit (stamp, kind->fields[i].name, &best, &best_name);
        }

      for (guint i = 0; extras != NULL && i < extras->len; i++)
        {
          const SixExtraField *extra = extras->pdata[i];

          if (extra->stamp.vv != NULL && writes_concurrent (&extra->stamp, deletion))
            consider_edit (&extra->stamp, extra->name, &best, &best_name);
        }
    }
  else
    {
      for (guint i = 0; i < wins->len; i++)
        {
          const Win *win = &g_array_index (wins, Win, i);

          if (writes_concurrent (&win->stamp, deletion))
            consider_edit (&win->stamp, win->name, &best, &best_name);
        }
    }

  if (best == NULL)
    return;

  conflict = add_conflict (self, record, SIX_MERGE_CONFLICT_EDIT_DELETE, SIX_FIELD_DELETED,
                           kind->fields[SIX_FIELD_DELETED].name);
  conflict->edited_field = best_name;
  conflict->lost_value = g_variant_ref_sink (g_variant_new_boolean (FALSE));
  six_field_stamp_copy (&conflict->lost_stamp, best);
  conflict->won_value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
  six_field_stamp_copy (&conflict->won_stamp, deletion);
  conflict->local_lost = arriving;
}

static void
classify_record (SixMergePlan   *self,
                 SixMergeRecord *record)
{
  gboolean value_changed = FALSE;

  for (guint i = 0; i < record->changes->len; i++)
    if (g_array_index (record->changes, SixMergeChange, i).value_changed)
      value_changed = TRUE;

  if (record->local == NULL)
    {
      const SixMergeChange *deleted = find_change (record, SIX_FIELD_DELETED);

      /* A tombstone we never had changes nothing the user can see. */
      record->status = deleted != NULL && is_true (deleted->value)
                       ? SIX_MERGE_RECORD_UNCHANGED : SIX_MERGE_RECORD_NEW;
    }
  else
    record->status = value_changed ? SIX_MERGE_RECORD_CHANGED : SIX_MERGE_RECORD_UNCHANGED;

  switch (record->status)
    {
    case SIX_MERGE_RECORD_NEW:
      g_ptr_array_add (self->new_records, record);
      self->counts.n_new++;
      break;

    case SIX_MERGE_RECORD_CHANGED:
      g_ptr_array_add (self->changed_records, record);
      self->counts.n_changed++;
      break;

    case SIX_MERGE_RECORD_UNCHANGED:
    default:
      g_ptr_array_add (self->unchanged_records, record);
      self->counts.n_unchanged++;
      break;
    }

  if (record->deleting)
    {
      g_ptr_array_add (self->deletions, record);
      self->counts.n_deleted++;
    }

  self->counts.n_records++;
  self->counts.n_writes += record->changes->len;
}

static void
six_merge_plan_clear (gpointer data)
{
  SixMergePlan *self = data;

  g_free (self->local_replica);
  g_clear_pointer (&self->new_records, g_ptr_array_unref);
  g_clear_pointer (&self->changed_records, g_ptr_array_unref);
  g_clear_pointer (&self->unchanged_records, g_ptr_array_unref);
  g_clear_pointer (&self->deletions, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
}

/**
 * six_merge_plan_new:
 * @local_replica: the replica merging, kept in the plan
 *
 * An empty plan, to fill record by record with six_merge_plan_add ().
 */
SixMergePlan *
six_merge_plan_new (const char *local_replica)
{
  SixMergePlan *self;

  g_return_val_if_fail (local_replica != NULL, NULL);

  self = g_atomic_rc_box_new0 (SixMergePlan);
  self->local_replica = g_strdup (local_replica);
  self->records = g_ptr_array_new_with_free_func (merge_record_free);
  self->new_records = g_ptr_array_new ();
  self->changed_records = g_ptr_array_new ();
  self->unchanged_records = g_ptr_array_new ();
  self->deletions = g_ptr_array_new ();
  self->conflicts = g_ptr_array_new_with_free_func (merge_conflict_free);

  return self;
}

/**
 * six_merge_plan_add:
 * @local: (nullable): the record held here, read with its stamps, or %NULL
 * @incoming: a record of the file, every present field stamped
 *
 * Plans one record. The result depends only on the two records and the plan's clock.
 */
void
six_merge_plan_add (SixMergePlan *self,
                    SixRecord    *local,
                    SixRecord    *incoming)
{
  const SixKind *kind;
  SixMergeRecord *record;
  g_autoptr(GArray) wins = NULL;
  GPtrArray *extras;
  SixFieldStamp deletion = { NULL };
  gboolean deletion_arrived = FALSE;
  gboolean deleted_reported = FALSE;
  gboolean local_deleted;
  gboolean final_deleted;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SIX_IS_RECORD (incoming));
  g_return_if_fail (local == NULL || SIX_IS_RECORD (local));

  kind = six_record_get_kind (incoming);
  g_return_if_fail (local == NULL ||
                    (six_record_get_kind (local) == kind &&
                     strcmp (six_record_get_id (local), six_record_get_id (incoming)) == 0));

  record = g_new0 (SixMergeRecord, 1);
  record->incoming = g_object_ref (incoming);
  record->local = local != NULL ? g_object_ref (local) : NULL;
  record->changes = g_array_new (FALSE, TRUE, sizeof (SixMergeChange));
  g_array_set_clear_func (record->changes, change_clear);
  /* Planned one record at a time: its conflicts come together. */
  record->first_conflict = self->conflicts->len;
  g_ptr_array_add (self->records, record);

  wins = g_array_new (FALSE, TRUE, sizeof (Win));
  g_array_set_clear_func (wins, win_clear);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      Side in = { i, kind->fields[i].name, NULL, NULL };
      Side lo = { i, kind->fields[i].name, NULL, NULL };
      Win win = { kind->fields[i].name, { NULL } };
      gboolean reported;

      /* Rule 1: a field the file does not carry. */
      if (!six_record_has_field (incoming, i))
        continue;

      in.value = six_record_get_nth_value (incoming, i);
      in.stamp = six_record_get_nth_stamp (incoming, i);
      if (in.stamp == NULL || in.stamp->vv == NULL || in.stamp->hlc.replica == NULL)
        {
          g_critical ("%s %s: %s has a value but no clock", kind->name,
                      six_record_get_id (incoming), kind->fields[i].name);
          continue;
        }

      if (local != NULL)
        {
          lo.value = six_record_get_nth_value (local, i);
          lo.stamp = six_record_get_nth_stamp (local, i);
        }

      if (merge_field (self, record, &in, &lo, &win.stamp, &reported))
        {
          if (i == SIX_FIELD_DELETED)
            {
              six_field_stamp_copy (&deletion, &win.stamp);
              deletion_arrived = TRUE;
            }
          else
            {
              g_array_append_val (wins, win);
              continue;
            }
        }

      if (i == SIX_FIELD_DELETED)
        deleted_reported = reported;
      six_field_stamp_clear (&win.stamp);
    }

  extras = six_record_get_extras (incoming);
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      const SixExtraField *extra = extras->pdata[i];
      const SixExtraField *local_extra = find_extra (local, extra->name);
      g_autoptr(GVariant) in_value = extra_value (extra);
      g_autoptr(GVariant) lo_value = extra_value (local_extra);
      Side in = { SIX_MERGE_EXTRA_FIELD, extra->name, in_value, &extra->stamp };
      Side lo = { SIX_MERGE_EXTRA_FIELD, extra->name, lo_value, NULL };
      Win win = { extra->name, { NULL } };
      gboolean reported;

      if (extra->stamp.vv == NULL || extra->stamp.hlc.replica == NULL)
        {
          g_critical ("%s %s: %s has a value but no clock", kind->name,
                      six_record_get_id (incoming), extra->name);
          continue;
        }

      if (local_extra != NULL)
        lo.stamp = &local_extra->stamp;

      if (merge_field (self, record, &in, &lo, &win.stamp, &reported))
        g_array_append_val (wins, win);
      else
        six_field_stamp_clear (&win.stamp);
    }

  local_deleted = local != NULL && six_record_is_deleted (local);
  if (deletion_arrived)
    final_deleted = is_true (find_change (record, SIX_FIELD_DELETED)->value);
  else
    final_deleted = local_deleted;

  record->deleting = local != NULL && !local_deleted && final_deleted;

  /* A conflict on `deleted` itself already offers the undelete. */
  if (local != NULL && final_deleted && !deleted_reported)
    {
      if (!local_deleted)
        check_edit_delete (self, record, &deletion, NULL, TRUE);
      else
        {
          const SixMergeChange *change = find_change (record, SIX_FIELD_DELETED);
          const SixFieldStamp *stamp = change != NULL
                                       ? &change->stamp
                                       : six_record_get_nth_stamp (local, SIX_FIELD_DELETED);

          check_edit_delete (self, record, stamp, wins, FALSE);
        }
    }

  six_field_stamp_clear (&deletion);

  record->n_conflicts = self->conflicts->len - record->first_conflict;
  classify_record (self, record);
  self->counts.n_conflicts = self->conflicts->len;
}

/**
 * six_merge_plan:
 * @local: (element-type SixRecord) (nullable): parallel to @incoming: the record held here
 *   with its stamps, or %NULL where there is none
 * @incoming: (element-type SixRecord): the records of a file
 * @local_replica: the replica merging
 *
 * Plans a merge without touching anything: a pure function of its arguments.
 */
SixMergePlan *
six_merge_plan (GPtrArray  *local,
                GPtrArray  *incoming,
                const char *local_replica)
{
  SixMergePlan *self;

  g_return_val_if_fail (incoming != NULL, NULL);
  g_return_val_if_fail (local == NULL || local->len == incoming->len, NULL);
  g_return_val_if_fail (local_replica != NULL, NULL);

  self = six_merge_plan_new (local_replica);

  for (guint i = 0; i < incoming->len; i++)
    six_merge_plan_add (self, local != NULL ? local->pdata[i] : NULL, incoming->pdata[i]);

  return self;
}

SixMergePlan *
six_merge_plan_ref (SixMergePlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
six_merge_plan_unref (SixMergePlan *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, six_merge_plan_clear);
}

/* Whether applying the plan would write nothing at all. */
gboolean
six_merge_plan_is_empty (SixMergePlan *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->counts.n_writes == 0 && self->conflicts->len == 0;
}

const char *
six_merge_rule_to_string (SixMergeRule rule)
{
  switch (rule)
    {
    case SIX_MERGE_RULE_NEW:
      return "new";
    case SIX_MERGE_RULE_INCOMING_NEWER:
      return "incoming-newer";
    case SIX_MERGE_RULE_CONCURRENT_INCOMING:
      return "concurrent-incoming";
    case SIX_MERGE_RULE_CONCURRENT_LOCAL:
      return "concurrent-local";
    default:
      return "invalid";
    }
}
