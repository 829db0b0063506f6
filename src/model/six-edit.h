/* six-edit.h — a requested change to the fields of one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-kind.h"

G_BEGIN_DECLS

/* An edit names a record (or asks for a new one) and the fields to set. The store
 * stamps every field it writes; an edit carries values only, never clocks. */
typedef struct _SixEdit SixEdit;

GType          six_edit_get_type        (void) G_GNUC_CONST;
SixEdit       *six_edit_new             (const SixKind *kind,
                                         const char    *id);
SixEdit       *six_edit_ref             (SixEdit       *self);
void           six_edit_unref           (SixEdit       *self);
const SixKind *six_edit_get_kind        (const SixEdit *self);
const char    *six_edit_get_id          (const SixEdit *self);
void           six_edit_set_id          (SixEdit       *self,
                                         const char    *id);
gboolean       six_edit_is_new          (const SixEdit *self);
void           six_edit_set             (SixEdit       *self,
                                         const char    *field,
                                         GVariant      *value);
void           six_edit_set_string      (SixEdit       *self,
                                         const char    *field,
                                         const char    *value);
void           six_edit_set_int         (SixEdit       *self,
                                         const char    *field,
                                         gint64         value);
void           six_edit_set_boolean     (SixEdit       *self,
                                         const char    *field,
                                         gboolean       value);
void           six_edit_set_source      (SixEdit       *self,
                                         const char    *source);
const char    *six_edit_get_source      (const SixEdit *self);
void           six_edit_delete          (SixEdit       *self);
guint          six_edit_get_n_changes   (const SixEdit *self);
guint          six_edit_get_nth_field   (const SixEdit *self,
                                         guint          nth,
                                         GVariant     **value);
gboolean       six_edit_validate        (const SixEdit *self,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixEdit, six_edit_unref)

G_END_DECLS
