/* six-record-form.h — a dialog that creates or edits one record, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-edit.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_RECORD_FORM (six_record_form_get_type ())

G_DECLARE_FINAL_TYPE (SixRecordForm, six_record_form, SIX, RECORD_FORM, AdwWindow)

SixRecordForm *six_record_form_new         (const SixKind      *kind,
                                            SixRecord          *record,
                                            const char * const *fields);
void           six_record_form_preset      (SixRecordForm      *self,
                                            const char         *field,
                                            GVariant           *value);
void           six_record_form_set_choices (SixRecordForm      *self,
                                            const char         *field,
                                            GPtrArray          *ids,
                                            GPtrArray          *labels);
GtkWidget     *six_record_form_get_row     (SixRecordForm      *self,
                                            const char         *field);
GtkWidget     *six_record_form_get_search_row (SixRecordForm   *self,
                                               const char      *field);
void           six_record_form_select      (SixRecordForm      *self,
                                            const char         *field,
                                            const char         *value);
void           six_record_form_add_row_suffix (SixRecordForm   *self,
                                            const char         *field,
                                            GtkWidget          *widget);
gboolean       six_record_form_save        (SixRecordForm      *self);

G_END_DECLS
