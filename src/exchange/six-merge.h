/* six-merge.h — the merge planner: what importing records would change, with no writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

/* The field index of a change or conflict on a field this version does not know. */
#define SIX_MERGE_EXTRA_FIELD G_MAXUINT

/* Which rule of the exchange format (§4) decided a field that is written. */
typedef enum
{
  SIX_MERGE_RULE_NEW,                  /* 2: never written here: take the incoming write */
  SIX_MERGE_RULE_INCOMING_NEWER,       /* 3: the incoming vector dominates */
  SIX_MERGE_RULE_CONCURRENT_INCOMING,  /* 5: concurrent, the incoming stamp is higher */
  SIX_MERGE_RULE_CONCURRENT_LOCAL,     /* 5: concurrent, the local stamp is higher: only the
                                        * vector grows */
} SixMergeRule;

/* What a record looks like to the user after the merge. */
typedef enum
{
  SIX_MERGE_RECORD_NEW,        /* not held here, and live after the merge */
  SIX_MERGE_RECORD_CHANGED,    /* held here, and some value changes */
  SIX_MERGE_RECORD_UNCHANGED,  /* no value changes; clocks may still advance, or a tombstone
                                * we did not have arrives */
} SixMergeRecordStatus;

typedef enum
{
  SIX_MERGE_CONFLICT_CONCURRENT,   /* two concurrent writes of one field: the lower stamp lost */
  SIX_MERGE_CONFLICT_EDIT_DELETE,  /* the record was deleted by someone who had not seen an edit;
                                    * restoring the lost value (false) undeletes it */
} SixMergeConflictType;

/* One field write of the plan: the final value and stamp, to be written as they are. */
typedef struct
{
  guint          field;          /* index in the kind's fields, or SIX_MERGE_EXTRA_FIELD */
  const char    *name;           /* the field's name */
  GVariant      *value;          /* the final value, %NULL when cleared; for an unknown field,
                                  * a string holding its JSON text */
  SixFieldStamp  stamp;          /* the final stamp */
  SixMergeRule   rule;
  gboolean       value_changed;  /* %FALSE: only the clock advances */
} SixMergeChange;

typedef struct
{
  SixRecord            *incoming;
  SixRecord            *local;     /* %NULL when not held here */
  SixMergeRecordStatus  status;
  gboolean              deleting;  /* held here live, and a tombstone after the merge */
  GArray               *changes;   /* SixMergeChange: known fields in order, then unknown ones */
  guint                 first_conflict;  /* this record's conflicts, in the plan's conflicts: */
  guint                 n_conflicts;     /* first_conflict up to first_conflict + n_conflicts */
} SixMergeRecord;

/* A value that loses the merge, for the conflict log. */
typedef struct
{
  SixMergeConflictType  type;
  const SixKind        *kind;
  const char           *record_id;
  guint                 field;         /* SIX_FIELD_DELETED for an edit-vs-delete conflict */
  const char           *field_name;
  const char           *edited_field;  /* edit-vs-delete: the field whose edit was not seen */
  GVariant             *lost_value;    /* %NULL: the losing value was a cleared field */
  SixFieldStamp         lost_stamp;    /* edit-vs-delete: the stamp of the unseen edit */
  GVariant             *won_value;
  SixFieldStamp         won_stamp;
  gboolean              local_lost;    /* the value held here before the merge is the one lost */
} SixMergeConflict;

typedef struct
{
  guint n_records;
  guint n_new;
  guint n_changed;
  guint n_unchanged;
  guint n_deleted;
  guint n_conflicts;
  guint n_writes;    /* field writes, clock-only ones included */
} SixMergeCounts;

/* Read-only once built; the lists below new_records borrow from records. */
typedef struct
{
  char           *local_replica;
  GPtrArray      *records;            /* SixMergeRecord, in incoming order */
  GPtrArray      *new_records;
  GPtrArray      *changed_records;
  GPtrArray      *unchanged_records;
  GPtrArray      *deletions;          /* records becoming tombstones */
  GPtrArray      *conflicts;          /* SixMergeConflict */
  SixMergeCounts  counts;
} SixMergePlan;

SixMergePlan *six_merge_plan            (GPtrArray    *local,
                                         GPtrArray    *incoming,
                                         const char   *local_replica);
SixMergePlan *six_merge_plan_new        (const char   *local_replica);
void          six_merge_plan_add        (SixMergePlan *self,
                                         SixRecord    *local,
                                         SixRecord    *incoming);
SixMergePlan *six_merge_plan_ref        (SixMergePlan *self);
void          six_merge_plan_unref      (SixMergePlan *self);
gboolean      six_merge_plan_is_empty   (SixMergePlan *self);

const char   *six_merge_rule_to_string  (SixMergeRule  rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixMergePlan, six_merge_plan_unref)

G_END_DECLS
