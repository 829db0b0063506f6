/* six-record.h — an immutable snapshot of one record and the stamps of its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-clock.h"
#include "six-kind.h"

G_BEGIN_DECLS

/* Who last wrote a field, when, with which causal history, and on what authority. */
typedef struct
{
  SixVersionVector *vv;
  SixHlc            hlc;
  char             *source;
} SixFieldStamp;

void six_field_stamp_copy  (SixFieldStamp       *dest,
                            const SixFieldStamp *src);
void six_field_stamp_clear (SixFieldStamp       *stamp);

/* A field this version does not know, from a file of a newer minor version: kept verbatim
 * (its value as JSON text) with its stamp, merged like any other and written out again. */
typedef struct
{
  char          *name;
  char          *json;   /* NULL: the field was cleared */
  SixFieldStamp  stamp;
} SixExtraField;

SixExtraField *six_extra_field_new  (const char          *name,
                                     const char          *json,
                                     const SixFieldStamp *stamp);
void           six_extra_field_free (SixExtraField       *field);

#define SIX_TYPE_RECORD (six_record_get_type ())

G_DECLARE_FINAL_TYPE (SixRecord, six_record, SIX, RECORD, GObject)

SixRecord           *six_record_new            (const SixKind        *kind,
                                                const char           *id,
                                                GVariant * const     *values,
                                                const SixFieldStamp  *stamps);
const SixKind       *six_record_get_kind       (SixRecord            *self);
SixRecord           *six_record_new_full       (const SixKind        *kind,
                                                const char           *id,
                                                GVariant * const     *values,
                                                const SixFieldStamp  *stamps,
                                                GPtrArray            *extras);
SixRecord           *six_record_new_take       (const SixKind        *kind,
                                                const char           *id,
                                                GVariant            **values,
                                                SixFieldStamp        *stamps,
                                                GPtrArray            *extras);
GPtrArray           *six_record_get_extras     (SixRecord            *self);
gboolean             six_record_has_field      (SixRecord            *self,
                                                guint                 nth);
const char          *six_record_get_kind_name  (SixRecord            *self);
const char          *six_record_get_id         (SixRecord            *self);
GVariant            *six_record_get_value      (SixRecord            *self,
                                                const char           *field);
GVariant            *six_record_get_nth_value  (SixRecord            *self,
                                                guint                 nth);
const SixFieldStamp *six_record_get_nth_stamp  (SixRecord            *self,
                                                guint                 nth);
const char          *six_record_get_string     (SixRecord            *self,
                                                const char           *field);
gint64               six_record_get_int        (SixRecord            *self,
                                                const char           *field,
                                                gint64                fallback);
gboolean             six_record_get_boolean    (SixRecord            *self,
                                                const char           *field);
char                *six_record_dup_title      (SixRecord            *self);
SixVisibility        six_record_get_visibility (SixRecord            *self);
gboolean             six_record_is_deleted     (SixRecord            *self);
gboolean             six_record_equal_values   (SixRecord            *a,
                                                SixRecord            *b);
gboolean             six_record_set_has        (SixRecord            *self,
                                                const char           *field,
                                                const char           *item);

GVariant            *six_set_with              (GVariant             *set,
                                                const char           *item,
                                                gboolean              present);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExtraField, six_extra_field_free)

G_END_DECLS
