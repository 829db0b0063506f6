/* six-property.c — what the view models and pages share to keep their properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-property"

#include "config.h"

#include "six-property.h"

/**
 * six_property_set_string:
 * @field: the string the object owns
 * @pspec: (nullable): the property to notify, or %NULL for a field no property shows
 *
 * Stores a copy of @value, notifying only on a real change.
 *
 * Returns: whether the value changed
 */
gboolean
six_property_set_string (gpointer     object,
                         char       **field,
                         const char  *value,
                         GParamSpec  *pspec)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);

  return TRUE;
}
