/* six-record-list.c — a live, id-sorted list of record snapshots of one kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-record-list"

#include "config.h"

#include "six-record-list.h"

#include <string.h>

struct _SixRecordList
{
  GObject parent_instance;

  /* Owned */
  GSequence     *items;  /* SixRecord, sorted by id (byte order, as SQLite sorts) */
  GError        *error;

  /* Borrowed */
  const SixKind *kind;

  gboolean       loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SixRecordList, six_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_KIND_NAME,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SixRecord *
record_at (GSequenceIter *iter)
{
  return g_sequence_get (iter);
}

/* Binary search by id: TRUE and its position, or FALSE and where it would go. */
static gboolean
find_position (SixRecordList *self,
               const char    *id,
               guint         *position)
{
  guint low = 0;
  guint high = (guint) g_sequence_get_length (self->items);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      GSequenceIter *iter = g_sequence_get_iter_at_pos (self->items, (int) middle);
      int cmp = strcmp (id, six_record_get_id (record_at (iter)));

      if (cmp == 0)
        {
          *position = middle;
          return TRUE;
        }

      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }

  *position = low;

  return FALSE;
}

static void
items_changed (SixRecordList *self,
               guint          position,
               guint          removed,
               guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
six_record_list_get_item_type (GListModel *model)
{
  return SIX_TYPE_RECORD;
}

static guint
six_record_list_get_n_items (GListModel *model)
{
  SixRecordList *self = SIX_RECORD_LIST (model);

  return self->items != NULL ? (guint) g_sequence_get_length (self->items) : 0;
}

static gpointer
six_record_list_get_item (GListModel *model,
                          guint       position)
{
  SixRecordList *self = SIX_RECORD_LIST (model);
  GSequenceIter *iter;

  if (self->items == NULL)
    return NULL;

  iter = g_sequence_get_iter_at_pos (self->items, (int) position);
  if (g_sequence_iter_is_end (iter))
    return NULL;

  return g_object_ref (record_at (iter));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = six_record_list_get_item_type;
  iface->get_n_items = six_record_list_get_n_items;
  iface->get_item = six_record_list_get_item;
}

static void
six_record_list_dispose (GObject *object)
{
  SixRecordList *self = (SixRecordList *)object;

  g_clear_pointer (&self->items, g_sequence_free);

  G_OBJECT_CLASS (six_record_list_parent_class)->dispose (object);
}

static void
six_record_list_finalize (GObject *object)
{
  SixRecordList *self = (SixRecordList *)object;

  g_clear_error (&self->error);

  G_OBJECT_CLASS (six_record_list_parent_class)->finalize (object);
}

static void
six_record_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SixRecordList *self = SIX_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      g_value_set_string (value, self->kind != NULL ? self->kind->name : NULL);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_record_list_class_init (SixRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = six_record_list_dispose;
  object_class->finalize = six_record_list_finalize;
  object_class->get_property = six_record_list_get_property;

  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* TRUE until the first load has been spliced in. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_record_list_init (SixRecordList *self)
{
  self->items = g_sequence_new (g_object_unref);
}

const SixKind *
six_record_list_get_kind (SixRecordList *self)
{
  g_return_val_if_fail (SIX_IS_RECORD_LIST (self), NULL);

  return self->kind;
}

gboolean
six_record_list_is_loading (SixRecordList *self)
{
  g_return_val_if_fail (SIX_IS_RECORD_LIST (self), FALSE);

  return self->loading;
}

/* The last load or refresh that failed, or %NULL: the list may then be stale. */
const GError *
six_record_list_get_error (SixRecordList *self)
{
  g_return_val_if_fail (SIX_IS_RECORD_LIST (self), NULL);

  return self->error;
}

/* For views that select a record by id: the records are sorted by id. */
gboolean
six_record_list_find (SixRecordList *self,
                      const char    *id,
                      guint         *position)
{
  guint found;

  g_return_val_if_fail (SIX_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (self, id, &found))
    return FALSE;

  if (position != NULL)
    *position = found;

  return TRUE;
}

/* Returns: (transfer full) (nullable): the snapshot of the record with @id, if listed. */
SixRecord *
six_record_list_lookup (SixRecordList *self,
                        const char    *id)
{
  guint position;

  g_return_val_if_fail (SIX_IS_RECORD_LIST (self), NULL);

  if (id == NULL || !find_position (self, id, &position))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self), position);
}

SixRecordList *
_six_record_list_new (const SixKind *kind)
{
  SixRecordList *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (SIX_TYPE_RECORD_LIST, NULL);
  self->kind = kind;

  return self;
}

void
_six_record_list_set_loading (SixRecordList *self,
                              gboolean       loading)
{
  g_return_if_fail (SIX_IS_RECORD_LIST (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_six_record_list_set_error (SixRecordList *self,
                            const GError  *error)
{
  g_return_if_fail (SIX_IS_RECORD_LIST (self));

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

/* Inserts @record at its place, replaces the snapshot of the same id when its values
 * changed, or removes it when it is a tombstone: one items-changed at most. */
void
_six_record_list_put (SixRecordList *self,
                      SixRecord     *record)
{
  GSequenceIter *iter;
  guint position;
  gboolean found;

  g_return_if_fail (SIX_IS_RECORD_LIST (self));
  g_return_if_fail (SIX_IS_RECORD (record));
  g_return_if_fail (six_record_get_kind (record) == self->kind);

  found = find_position (self, six_record_get_id (record), &position);
  iter = g_sequence_get_iter_at_pos (self->items, (int) position);

  if (six_record_is_deleted (record))
    {
      if (found)
        {
          g_sequence_remove (iter);
          items_changed (self, position, 1, 0);
        }
      return;
    }

  if (found)
    {
      SixRecord *old = record_at (iter);

      /* Only a new value is worth a row rebind; a stamp-only write is not. */
      if (old == record || six_record_equal_values (old, record))
        return;

      g_sequence_set (iter, g_object_ref (record));
      items_changed (self, position, 1, 1);
      return;
    }

  g_sequence_insert_before (iter, g_object_ref (record));
  items_changed (self, position, 0, 1);
}

void
_six_record_list_remove (SixRecordList *self,
                         const char    *id)
{
  guint position;

  g_return_if_fail (SIX_IS_RECORD_LIST (self));
  g_return_if_fail (id != NULL);

  if (!find_position (self, id, &position))
    return;

  g_sequence_remove (g_sequence_get_iter_at_pos (self->items, (int) position));
  items_changed (self, position, 1, 0);
}

/* Walks both id-sorted sequences at once and splices each run of differences, so the
 * snapshots that did not change stay the same objects and views keep selection and scroll.
 * @records: live records sorted by id. */
void
_six_record_list_replace_all (SixRecordList *self,
                              GPtrArray     *records)
{
  GSequenceIter *iter;
  guint n_before;
  guint position = 0;
  guint run_start = 0;
  guint removed = 0;
  guint added = 0;
  guint i = 0;

  g_return_if_fail (SIX_IS_RECORD_LIST (self));
  g_return_if_fail (records != NULL);

  n_before = (guint) g_sequence_get_length (self->items);
  iter = g_sequence_get_begin_iter (self->items);

  while (i < records->len || !g_sequence_iter_is_end (iter))
    {
      SixRecord *next = i < records->len ? g_ptr_array_index (records, i) : NULL;
      SixRecord *old = !g_sequence_iter_is_end (iter) ? record_at (iter) : NULL;
      int cmp;

      if (old == NULL)
        cmp = 1;
      else if (next == NULL)
        cmp = -1;
      else
        cmp = strcmp (six_record_get_id (old), six_record_get_id (next));

      if (cmp == 0 && (old == next || six_record_equal_values (old, next)))
        {
          /* An unchanged record ends the current run. */
          if (removed + added > 0)
            g_list_model_items_changed (G_LIST_MODEL (self), run_start, removed, added);
          removed = added = 0;

          iter = g_sequence_iter_next (iter);
          position++;
          i++;
          continue;
        }

      if (removed + added == 0)
        run_start = position;

      if (cmp < 0)
        {
          GSequenceIter *gone = iter;

          iter = g_sequence_iter_next (iter);
          g_sequence_remove (gone);
          removed++;
        }
      else if (cmp > 0)
        {
          g_sequence_insert_before (iter, g_object_ref (next));
          added++;
          position++;
          i++;
        }
      else
        {
          g_sequence_set (iter, g_object_ref (next));
          iter = g_sequence_iter_next (iter);
          removed++;
          added++;
          position++;
          i++;
        }
    }

  if (removed + added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), run_start, removed, added);

  if (n_before != (guint) g_sequence_get_length (self->items))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
