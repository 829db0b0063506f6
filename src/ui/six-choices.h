/* six-choices.h — what a form's reference may name: live records by the name people read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "six-record-form.h"
#include "six-repository.h"

G_BEGIN_DECLS

char *six_choice_dup_label (SixRecord          *record);
void  six_choices_preload  (SixRepository      *repository);
void  six_choices_collect  (SixRepository      *repository,
                            const char * const *kind_names,
                            GHashTable         *exclude,
                            GPtrArray          *ids,
                            GPtrArray          *labels);
SixRecordForm *six_organisation_form_new (SixRepository *repository,
                                          SixRecord     *organisation);
SixRecordForm *six_contact_form_new      (SixRepository *repository,
                                          SixRecord     *contact);

G_END_DECLS
