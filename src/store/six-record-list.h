/* six-record-list.h — a live, id-sorted list of record snapshots of one kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-kind.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_RECORD_LIST (six_record_list_get_type ())

G_DECLARE_FINAL_TYPE (SixRecordList, six_record_list, SIX, RECORD_LIST, GObject)

const SixKind *six_record_list_get_kind   (SixRecordList  *self);
gboolean       six_record_list_is_loading (SixRecordList  *self);
const GError  *six_record_list_get_error  (SixRecordList  *self);
gboolean       six_record_list_find       (SixRecordList  *self,
                                           const char     *id,
                                           guint          *position);
SixRecord     *six_record_list_lookup     (SixRecordList  *self,
                                           const char     *id);

/* For SixRepository only: the list is read-only to everyone else. */
SixRecordList *_six_record_list_new         (const SixKind  *kind);
void           _six_record_list_set_loading (SixRecordList  *self,
                                             gboolean        loading);
void           _six_record_list_set_error   (SixRecordList  *self,
                                             const GError   *error);
void           _six_record_list_put         (SixRecordList  *self,
                                             SixRecord      *record);
void           _six_record_list_remove      (SixRecordList  *self,
                                             const char     *id);
void           _six_record_list_replace_all (SixRecordList  *self,
                                             GPtrArray      *records);

G_END_DECLS
