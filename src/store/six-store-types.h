/* six-store-types.h — what the store hands out, for every layer: its errors, undoable
 * operations, conflicts and the exchange log; the connection itself stays opaque
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-clock.h"
#include "six-kind.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_STORE_ERROR (six_store_error_quark ())

typedef enum
{
  SIX_STORE_ERROR_FAILED,
  SIX_STORE_ERROR_IO,
  SIX_STORE_ERROR_BUSY,
  SIX_STORE_ERROR_CORRUPT,         /* the integrity check failed, or SQLite found damage */
  SIX_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite, or another program's database */
  SIX_STORE_ERROR_TOO_NEW,         /* written by a newer version of the app */
  SIX_STORE_ERROR_CONSTRAINT,      /* a CHECK, NOT NULL, UNIQUE or foreign key failed */
  SIX_STORE_ERROR_INVALID,         /* a value or reference the model refuses */
  SIX_STORE_ERROR_NOT_FOUND,
  SIX_STORE_ERROR_NOTHING_TO_UNDO,
  SIX_STORE_ERROR_NOTHING_TO_REDO,
} SixStoreError;

typedef struct _SixDb SixDb;

/* One undoable operation: an edit, a delete, an import, an undo. */
typedef struct
{
  gint64  id;
  char   *label;
  gint64  created_at;  /* ms since the epoch */
  guint   n_changes;
  gboolean undone;
} SixOperation;

/* The field index of a conflict on a field this version does not know. */
#define SIX_CONFLICT_EXTRA_FIELD G_MAXUINT

/* A concurrent overwrite kept for review: the value that lost the merge. */
typedef struct
{
  gint64         id;
  const SixKind *kind;
  char          *record_id;
  guint          field;        /* or SIX_CONFLICT_EXTRA_FIELD */
  char          *extra_field;  /* with SIX_CONFLICT_EXTRA_FIELD: the field's name; its values
                                * are strings holding JSON text */
  GVariant      *lost_value;   /* NULL: the field was unset */
  SixFieldStamp  lost_stamp;
  GVariant      *won_value;
  SixFieldStamp  won_stamp;
  gint64         operation;    /* the import or edit that produced it */
  gint64         created_at;
  gboolean       restored;
} SixConflict;

typedef enum
{
  SIX_EXCHANGE_DIRECTION_IMPORT,
  SIX_EXCHANGE_DIRECTION_EXPORT,
} SixExchangeDirection;

typedef struct
{
  gint64                id;
  SixExchangeDirection  direction;
  char                 *export_id;
  char                 *checksum;     /* "sha256:…", or NULL */
  char                 *origin;       /* the replica that wrote the file */
  char                 *origin_name;
  char                 *file_name;
  gint64                at;           /* ms since the epoch */
  char                 *counts;       /* a small JSON object: {"new": 3, "changed": 1, …} */
  gint64                operation;    /* the import's undoable operation, or 0 */
  gboolean              undone;       /* that operation was undone, and is not redone */
} SixExchangeLogEntry;

GQuark      six_store_error_quark        (void);

void        six_operation_free           (SixOperation        *operation);
void        six_conflict_free            (SixConflict         *conflict);
void        six_exchange_log_entry_free  (SixExchangeLogEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixOperation, six_operation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixConflict, six_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExchangeLogEntry, six_exchange_log_entry_free)

G_END_DECLS
