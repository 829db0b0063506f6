/* six-property.h — what the view models and pages share to keep their properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean six_property_set_string (gpointer     object,
                                  char       **field,
                                  const char  *value,
                                  GParamSpec  *pspec);

G_END_DECLS
