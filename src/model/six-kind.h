/* six-kind.h — the record kinds of the data model and their fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIX_MODEL_ERROR (six_model_error_quark ())

typedef enum
{
  SIX_MODEL_ERROR_UNKNOWN_KIND,
  SIX_MODEL_ERROR_UNKNOWN_FIELD,
  SIX_MODEL_ERROR_INVALID_ID,
  SIX_MODEL_ERROR_INVALID_VALUE,
  SIX_MODEL_ERROR_MISSING_VALUE,
} SixModelError;

typedef enum
{
  SIX_FIELD_TEXT,
  SIX_FIELD_INTEGER,
  SIX_FIELD_BOOLEAN,
  SIX_FIELD_DATE,      /* "YYYY-MM-DD", a real calendar date */
  SIX_FIELD_ENUM,      /* one of the field's values */
  SIX_FIELD_REF,       /* the id of a record of one of the field's target kinds */
  SIX_FIELD_DECIMAL,   /* a non-negative amount, "1250000" or "99.50" */
  SIX_FIELD_CURRENCY,  /* an ISO 4217 code */
  SIX_FIELD_SET,       /* a sorted set of enum values or record ids */
} SixFieldType;

typedef enum
{
  SIX_FIELD_FLAGS_NONE       = 0,
  SIX_FIELD_FLAGS_REQUIRED   = 1 << 0,  /* a record cannot be created without it */
  SIX_FIELD_FLAGS_SEARCHABLE = 1 << 1,  /* indexed for full-text search */
} SixFieldFlags;

typedef enum
{
  SIX_VISIBILITY_PUBLIC,
  SIX_VISIBILITY_COALITION,
  SIX_VISIBILITY_PRIVATE,
} SixVisibility;

typedef enum
{
  SIX_KEY_UUID,     /* user records: a random UUID */
  SIX_KEY_NATURAL,  /* reference records: "LBN", "lap:38", "LBN:art4" */
} SixKeyStyle;

typedef struct
{
  const char         *name;
  SixFieldType        type;
  SixFieldFlags       flags;
  const char * const *values;   /* ENUM and SET of enum: the allowed values */
  const char * const *targets;  /* REF and SET of ids: the kinds it may point to */
} SixField;

typedef struct
{
  const char     *name;        /* also the table name */
  const char     *title_field; /* the field that names a record in lists */
  SixKeyStyle     key;
  SixVisibility   default_visibility;
  const SixField *fields;
  guint           n_fields;
} SixKind;

/* Every kind begins with these two fields, merged like any other. */
#define SIX_FIELD_VISIBILITY 0
#define SIX_FIELD_DELETED    1

/* Largest text value accepted in a field, in bytes. */
#define SIX_TEXT_MAX (64 * 1024)

GQuark              six_model_error_quark        (void);
const SixKind      *six_kind_lookup              (const char      *name);
const SixKind      *six_kind_all                  (guint           *n_kinds);
int                 six_kind_field_index         (const SixKind   *kind,
                                                  const char      *field);
const SixField     *six_kind_get_field           (const SixKind   *kind,
                                                  const char      *field);
const char         *six_visibility_to_string     (SixVisibility    visibility);
gboolean            six_visibility_from_string   (const char      *text,
                                                  SixVisibility   *visibility);
const GVariantType *six_field_type_variant_type  (SixFieldType     type);
gboolean            six_field_validate           (const SixField  *field,
                                                  GVariant        *value,
                                                  GError         **error);
gboolean            six_field_has_value          (const SixField  *field,
                                                  const char      *value);
gboolean            six_id_is_valid              (const char      *id);
gboolean            six_id_is_uuid               (const char      *id);
gboolean            six_date_is_valid            (const char      *text);
gboolean            six_date_parse               (const char      *text,
                                                  GDate           *date);
void                six_date_span                (const GDate     *from,
                                                  const GDate     *to,
                                                  guint           *months,
                                                  guint           *days);
gboolean            six_currency_is_valid        (const char      *code);

extern const char * const six_categories[];

G_END_DECLS
