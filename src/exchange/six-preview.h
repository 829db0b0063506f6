/* six-preview.h — what importing a file would do, for people: who sent it, what it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-exchange-file.h"
#include "six-import.h"

G_BEGIN_DECLS

/* What happens to one record, in the order a preview lists them. */
typedef enum
{
  SIX_PREVIEW_NEW,
  SIX_PREVIEW_CHANGED,
  SIX_PREVIEW_CONFLICT,
  SIX_PREVIEW_DELETED,
  SIX_PREVIEW_SKIPPED,   /* already seen: the file changes nothing in it */
} SixPreviewAction;

#define SIX_PREVIEW_N_ACTIONS (SIX_PREVIEW_SKIPPED + 1)

/* One field that changes, or that two people edited at once. */
typedef struct
{
  char     *name;       /* the field's name */
  char     *label;      /* its name for people: "Status" */
  GVariant *old_value;  /* the value held here; %NULL when there is none */
  GVariant *new_value;  /* the file's value; %NULL when the file clears it */
  char     *old_text;   /* the values for people: “Party”, “France”; %NULL for none */
  char     *new_text;
  gboolean  conflict;   /* edited here and in the file without either seeing the other */
  gboolean  file_wins;  /* a conflict the file's value wins; ours goes to the conflict log */
} SixPreviewField;

typedef struct
{
  SixPreviewAction  action;
  const SixKind    *kind;
  char             *id;
  char             *title;   /* the record for people: "Lebanon", "Survey and clearance 2018" */
  GPtrArray        *fields;  /* SixPreviewField; none for a record already seen */
} SixPreviewItem;

/* The records of one State, or of none (action plans, organisations abroad). */
typedef struct
{
  char      *state;                         /* its ISO code, or %NULL */
  char      *name;
  GPtrArray *items;                         /* SixPreviewItem, by action, kind and title */
  guint      n_items[SIX_PREVIEW_N_ACTIONS];
} SixPreviewGroup;

typedef struct
{
  char           *file_name;
  char           *sender_replica;
  char           *sender_name;          /* %NULL when the file does not say */
  char           *sender_organisation;
  char           *created_at;           /* as the file states it, UTC */
  SixScopeType    scope;
  char           *scope_id;
  char           *scope_label;          /* "Lebanon", the coalition's title */
  SixVisibility   level;
  SixMergeCounts  counts;
  gboolean        already_imported;
  gboolean        redo;                 /* imported before and undone: importing it again
                                         * brings back what it changed */
  gint64          imported_at;          /* already imported, or redone: when it first was */
  GPtrArray      *groups;               /* SixPreviewGroup, by State name, the rest last */
} SixPreview;

SixPreview *six_preview_new                (SixDb                 *db,
                                            SixExchangeFile       *file,
                                            const SixImportResult *result);
void        six_preview_free               (SixPreview            *self);
char       *six_preview_dup_sender         (SixPreview            *self);
char       *six_preview_dup_description    (SixPreview            *self);
char       *six_preview_dup_redo_note      (SixPreview            *self);
const char *six_preview_action_label       (SixPreviewAction       action);
char       *six_preview_field_describe     (const SixPreviewField *field);
char       *six_preview_to_text            (SixPreview            *self);
char       *six_preview_to_json            (SixPreview            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixPreview, six_preview_free)

G_END_DECLS
