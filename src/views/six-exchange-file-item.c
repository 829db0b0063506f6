/* six-exchange-file-item.c — one file received or exported, worded for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-file-item"

#include "config.h"

#include "six-exchange-file-item.h"

struct _SixExchangeFileItem
{
  GObject   parent_instance;

  char     *name;         /* the file's name */
  char     *description;  /* who sent it, when, and what it changed; or when it was written */
  gboolean  exported;
};

G_DEFINE_FINAL_TYPE (SixExchangeFileItem, six_exchange_file_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_EXPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
six_exchange_file_item_finalize (GObject *object)
{
  SixExchangeFileItem *self = (SixExchangeFileItem *) object;

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (six_exchange_file_item_parent_class)->finalize (object);
}

static void
six_exchange_file_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SixExchangeFileItem *self = SIX_EXCHANGE_FILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_EXPORTED:
      g_value_set_boolean (value, self->exported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_exchange_file_item_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SixExchangeFileItem *self = SIX_EXCHANGE_FILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    case PROP_EXPORTED:
      self->exported = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_exchange_file_item_class_init (SixExchangeFileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_exchange_file_item_finalize;
  object_class->get_property = six_exchange_file_item_get_property;
  object_class->set_property = six_exchange_file_item_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Written here and sent, rather than received: a page lists the two apart. */
  properties[PROP_EXPORTED] =
    g_param_spec_boolean ("exported", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_exchange_file_item_init (SixExchangeFileItem *self)
{
}

SixExchangeFileItem *
six_exchange_file_item_new (const char *name,
                            const char *description,
                            gboolean    exported)
{
  return g_object_new (SIX_TYPE_EXCHANGE_FILE_ITEM,
                       "name", name,
                       "description", description,
                       "exported", exported,
                       NULL);
}

const char *
six_exchange_file_item_get_name (SixExchangeFileItem *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE_ITEM (self), NULL);

  return self->name;
}

const char *
six_exchange_file_item_get_description (SixExchangeFileItem *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE_ITEM (self), NULL);

  return self->description;
}

gboolean
six_exchange_file_item_get_exported (SixExchangeFileItem *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE_ITEM (self), FALSE);

  return self->exported;
}
