/* six-labels.h — the words the interface uses for the model's names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "six-record.h"

G_BEGIN_DECLS

const char *six_kind_label            (const char *kind_name);
const char *six_tracking_status_label (const char *status);
const char *six_confidence_label      (const char *confidence);
const char *six_field_label           (const char *field);
const char *six_value_label           (const char *kind_name,
                                       const char *field,
                                       const char *value);
const char *six_record_value_label    (SixRecord  *record,
                                       const char *field);
char       *six_action_heading        (SixRecord  *action);
const char *six_action_get_caption    (SixRecord  *action);

G_END_DECLS
