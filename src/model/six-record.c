/* six-record.c — an immutable snapshot of one record and the stamps of its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-record"

#include "config.h"

#include "six-record.h"

#include <string.h>

struct _SixRecord
{
  GObject parent_instance;

  /* Owned */
  char           *id;
  GVariant      **values;
  SixFieldStamp  *stamps;
  GPtrArray      *extras;

  /* Borrowed */
  const SixKind  *kind;
};

G_DEFINE_FINAL_TYPE (SixRecord, six_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND_NAME,
  PROP_ID,
  PROP_TITLE,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
six_field_stamp_copy (SixFieldStamp       *dest,
                      const SixFieldStamp *src)
{
  dest->vv = src->vv != NULL ? six_version_vector_ref (src->vv) : NULL;
  dest->hlc = src->hlc;
  dest->source = g_strdup (src->source);
}

void
six_field_stamp_clear (SixFieldStamp *stamp)
{
  g_clear_pointer (&stamp->vv, six_version_vector_unref);
  g_clear_pointer (&stamp->source, g_free);
  stamp->hlc = (SixHlc) { 0, 0, NULL };
}

SixExtraField *
six_extra_field_new (const char          *name,
                     const char          *json,
                     const SixFieldStamp *stamp)
{
  SixExtraField *field = g_new0 (SixExtraField, 1);

  field->name = g_strdup (name);
  field->json = g_strdup (json);
  six_field_stamp_copy (&field->stamp, stamp);

  return field;
}

void
six_extra_field_free (SixExtraField *field)
{
  g_free (field->name);
  g_free (field->json);
  six_field_stamp_clear (&field->stamp);
  g_free (field);
}

static void
six_record_finalize (GObject *object)
{
  SixRecord *self = (SixRecord *)object;

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      g_clear_pointer (&self->values[i], g_variant_unref);
      if (self->stamps != NULL)
        six_field_stamp_clear (&self->stamps[i]);
    }

  g_free (self->values);
  g_free (self->stamps);
  g_clear_pointer (&self->extras, g_ptr_array_unref);
  g_free (self->id);

  G_OBJECT_CLASS (six_record_parent_class)->finalize (object);
}

static void
six_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SixRecord *self = SIX_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      g_value_set_string (value, self->kind->name);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_take_string (value, six_record_dup_title (self));
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, six_record_is_deleted (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_record_class_init (SixRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_record_finalize;
  object_class->get_property = six_record_get_property;

  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_record_init (SixRecord *self)
{
}

/**
 * six_record_new:
 * @kind: the record's kind
 * @id: the record's id
 * @values: (array) (nullable): one value per field of @kind, %NULL where unset
 * @stamps: (array) (nullable): one stamp per field, or %NULL when not loaded
 *
 * Floating values are sunk; the others are referenced.
 */
SixRecord *
six_record_new (const SixKind       *kind,
                const char          *id,
                GVariant * const    *values,
                const SixFieldStamp *stamps)
{
  return six_record_new_full (kind, id, values, stamps, NULL);
}

/**
 * six_record_new_full:
 * @extras: (nullable): #SixExtraField<!-- -->s, sorted by name; referenced, not copied
 *
 * Like six_record_new(), for a record carrying fields this version does not know.
 */
SixRecord *
six_record_new_full (const SixKind       *kind,
                     const char          *id,
                     GVariant * const    *values,
                     const SixFieldStamp *stamps,
                     GPtrArray           *extras)
{
  SixRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (SIX_TYPE_RECORD, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->values = g_new0 (GVariant *, kind->n_fields);

  if (stamps != NULL)
    self->stamps = g_new0 (SixFieldStamp, kind->n_fields);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (values != NULL && values[i] != NULL)
        self->values[i] = g_variant_ref_sink (values[i]);
      if (stamps != NULL)
        six_field_stamp_copy (&self->stamps[i], &stamps[i]);
    }

  if (extras != NULL && extras->len > 0)
    self->extras = g_ptr_array_ref (extras);

  return self;
}

/**
 * six_record_new_take:
 * @values: (transfer full): @kind's n_fields values, none floating, %NULL where unset
 * @stamps: (transfer full) (nullable): as many stamps, or %NULL
 * @extras: (transfer full) (nullable): #SixExtraField<!-- -->s, sorted by name
 *
 * Like six_record_new_full(), adopting the arrays and what they hold instead of copying them:
 * for readers that build a record's values once.
 */
SixRecord *
six_record_new_take (const SixKind  *kind,
                     const char     *id,
                     GVariant      **values,
                     SixFieldStamp  *stamps,
                     GPtrArray      *extras)
{
  SixRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (SIX_TYPE_RECORD, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->values = values;
  self->stamps = stamps;

  if (extras != NULL && extras->len > 0)
    self->extras = extras;
  else if (extras != NULL)
    g_ptr_array_unref (extras);

  return self;
}

/* The unknown fields the record carries, or %NULL when it has none. */
GPtrArray *
six_record_get_extras (SixRecord *self)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  return self->extras;
}

/* Whether the field is part of this snapshot: set, or explicitly cleared with a stamp. A record
 * read from a partial file lacks the fields its writer did not share. */
gboolean
six_record_has_field (SixRecord *self,
                      guint      nth)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (nth < self->kind->n_fields, FALSE);

  if (self->values[nth] != NULL)
    return TRUE;

  return self->stamps != NULL && self->stamps[nth].vv != NULL;
}

const SixKind *
six_record_get_kind (SixRecord *self)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  return self->kind;
}

const char *
six_record_get_kind_name (SixRecord *self)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  return self->kind->name;
}

const char *
six_record_get_id (SixRecord *self)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  return self->id;
}

GVariant *
six_record_get_nth_value (SixRecord *self,
                          guint      nth)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);
  g_return_val_if_fail (nth < self->kind->n_fields, NULL);

  return self->values[nth];
}

/* Returns %NULL when the record was loaded without its stamps. */
const SixFieldStamp *
six_record_get_nth_stamp (SixRecord *self,
                          guint      nth)
{
  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);
  g_return_val_if_fail (nth < self->kind->n_fields, NULL);

  return self->stamps != NULL ? &self->stamps[nth] : NULL;
}

GVariant *
six_record_get_value (SixRecord  *self,
                      const char *field)
{
  int index;

  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  index = six_kind_field_index (self->kind, field);
  g_return_val_if_fail (index >= 0, NULL);

  return self->values[index];
}

const char *
six_record_get_string (SixRecord  *self,
                       const char *field)
{
  GVariant *value = six_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;

  return g_variant_get_string (value, NULL);
}

gint64
six_record_get_int (SixRecord  *self,
                    const char *field,
                    gint64      fallback)
{
  GVariant *value = six_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return fallback;

  return g_variant_get_int64 (value);
}

gboolean
six_record_get_boolean (SixRecord  *self,
                        const char *field)
{
  GVariant *value = six_record_get_value (self, field);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
         g_variant_get_boolean (value);
}

/* The value of the kind's title field as text, or the id when it has none. */
char *
six_record_dup_title (SixRecord *self)
{
  GVariant *value;

  g_return_val_if_fail (SIX_IS_RECORD (self), NULL);

  value = six_record_get_value (self, self->kind->title_field);
  if (value == NULL)
    return g_strdup (self->id);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));

  return g_variant_print (value, FALSE);
}

SixVisibility
six_record_get_visibility (SixRecord *self)
{
  GVariant *value;
  SixVisibility visibility = self->kind->default_visibility;

  g_return_val_if_fail (SIX_IS_RECORD (self), SIX_VISIBILITY_PRIVATE);

  value = self->values[SIX_FIELD_VISIBILITY];
  if (value != NULL)
    six_visibility_from_string (g_variant_get_string (value, NULL), &visibility);

  return visibility;
}

gboolean
six_record_is_deleted (SixRecord *self)
{
  GVariant *value;

  g_return_val_if_fail (SIX_IS_RECORD (self), FALSE);

  value = self->values[SIX_FIELD_DELETED];

  return value != NULL && g_variant_get_boolean (value);
}

/* Same kind, id and values; stamps are not compared. */
gboolean
six_record_equal_values (SixRecord *a,
                         SixRecord *b)
{
  g_return_val_if_fail (SIX_IS_RECORD (a), FALSE);
  g_return_val_if_fail (SIX_IS_RECORD (b), FALSE);

  if (a->kind != b->kind || g_strcmp0 (a->id, b->id) != 0)
    return FALSE;

  for (guint i = 0; i < a->kind->n_fields; i++)
    {
      if ((a->values[i] == NULL) != (b->values[i] == NULL))
        return FALSE;
      if (a->values[i] != NULL && !g_variant_equal (a->values[i], b->values[i]))
        return FALSE;
    }

  return TRUE;
}

/* Whether the set field @field holds @item. */
gboolean
six_record_set_has (SixRecord  *self,
                    const char *field,
                    const char *item)
{
  GVariant *set = six_record_get_value (self, field);
  g_autofree const char **items = NULL;

  g_return_val_if_fail (item != NULL, FALSE);

  if (set == NULL || !g_variant_is_of_type (set, G_VARIANT_TYPE_STRING_ARRAY))
    return FALSE;

  items = g_variant_get_strv (set, NULL);

  return g_strv_contains (items, item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * six_set_with:
 * @set: (nullable): a set value ("as"), or %NULL for the empty set
 * @item: the member to add or remove
 * @present: whether @item is to be in the result
 *
 * Returns: (transfer floating) (nullable): the set, sorted, with @item added or removed as a
 *   set field stores it; %NULL when it ends up empty (a cleared field)
 */
GVariant *
six_set_with (GVariant   *set,
              const char *item,
              gboolean    present)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree const char **old = set != NULL ? g_variant_get_strv (set, NULL) : NULL;

  g_return_val_if_fail (item != NULL, NULL);

  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    if (strcmp (old[i], item) != 0)
      g_ptr_array_add (items, (gpointer) old[i]);
  if (present)
    g_ptr_array_add (items, (gpointer) item);
  if (items->len == 0)
    return NULL;

  g_ptr_array_sort (items, compare_items);

  return g_variant_new_strv ((const char * const *) items->pdata, items->len);
}
