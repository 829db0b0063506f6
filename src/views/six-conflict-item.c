/* six-conflict-item.c — one value a merge replaced, kept for review, worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-conflict-item"

#include "config.h"

#include "six-conflict-item.h"

struct _SixConflictItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;     /* "Lebanon · Status" */
  char    *kept;      /* "“State Party”, by Nadia Haddad on 2026-11-20" */
  char    *replaced;  /* the same, for the value the merge replaced */
};

G_DEFINE_FINAL_TYPE (SixConflictItem, six_conflict_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KEPT,
  PROP_REPLACED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
six_conflict_item_finalize (GObject *object)
{
  SixConflictItem *self = (SixConflictItem *) object;

  g_free (self->title);
  g_free (self->kept);
  g_free (self->replaced);

  G_OBJECT_CLASS (six_conflict_item_parent_class)->finalize (object);
}

static void
six_conflict_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixConflictItem *self = SIX_CONFLICT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KEPT:
      g_value_set_string (value, self->kept);
      break;
    case PROP_REPLACED:
      g_value_set_string (value, self->replaced);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_conflict_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SixConflictItem *self = SIX_CONFLICT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_KEPT:
      self->kept = g_value_dup_string (value);
      break;
    case PROP_REPLACED:
      self->replaced = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_conflict_item_class_init (SixConflictItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_conflict_item_finalize;
  object_class->get_property = six_conflict_item_get_property;
  object_class->set_property = six_conflict_item_set_property;

  /* The conflict's id in the store: what a restore names. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEPT] =
    g_param_spec_string ("kept", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLACED] =
    g_param_spec_string ("replaced", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_conflict_item_init (SixConflictItem *self)
{
}

/**
 * six_conflict_item_new:
 * @title: the record and field: "Lebanon · Status"
 * @kept: the value the merge kept, who wrote it and when
 * @replaced: the value it replaced, who wrote it and when
 */
SixConflictItem *
six_conflict_item_new (gint64      id,
                       const char *title,
                       const char *kept,
                       const char *replaced)
{
  return g_object_new (SIX_TYPE_CONFLICT_ITEM,
                       "id", id,
                       "title", title,
                       "kept", kept,
                       "replaced", replaced,
                       NULL);
}

gint64
six_conflict_item_get_id (SixConflictItem *self)
{
  g_return_val_if_fail (SIX_IS_CONFLICT_ITEM (self), 0);

  return self->id;
}

const char *
six_conflict_item_get_title (SixConflictItem *self)
{
  g_return_val_if_fail (SIX_IS_CONFLICT_ITEM (self), NULL);

  return self->title;
}

const char *
six_conflict_item_get_kept (SixConflictItem *self)
{
  g_return_val_if_fail (SIX_IS_CONFLICT_ITEM (self), NULL);

  return self->kept;
}

const char *
six_conflict_item_get_replaced (SixConflictItem *self)
{
  g_return_val_if_fail (SIX_IS_CONFLICT_ITEM (self), NULL);

  return self->replaced;
}
