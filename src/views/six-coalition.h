/* six-coalition.h — Country Coalitions: every coalition at a glance, and one's workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-overview.h"
#include "six-record.h"

G_BEGIN_DECLS

/* One line of the list of coalitions. */
typedef struct
{
  SixRecord *coalition;
  char      *lead_name;
  guint      n_members;
  SixRecord *nearest_obligation;  /* the lead State's open obligation due first, or NULL */
  SixRecord *next_meeting;        /* the first on or after today, or NULL */
  guint      n_open;              /* follow-ups neither done nor cancelled */
  guint      n_overdue;           /* of those, due before today */
} SixCoalitionSummary;

/* A State or organisation in the coalition. */
typedef struct
{
  SixRecord *member;  /* `coalition_member` */
  SixRecord *party;   /* its country or organisation, or NULL when this database lacks it */
  char      *name;
  char      *contact_name;  /* its contact person, or NULL: none named, or kept private */
} SixCoalitionMember;

/* One of the lead State's obligations: its deadline, the time left, its extensions. */
typedef struct
{
  SixRecord           *obligation;
  SixOverviewDeadline *deadline;    /* an open Art. 3 or 4 deadline, or NULL */
  GPtrArray           *extensions;  /* SixRecord `extension_request`, by submission */
} SixCoalitionObligation;

/* A need of the lead State and what answers it. */
typedef struct
{
  SixRecord   *request;
  SixCoverage  coverage;
  GPtrArray   *responses;    /* SixRecord `contribution` answering it, by donor name */
  GPtrArray   *donor_names;  /* char *: each response's donor, in the same order */
  GPtrArray   *sums;         /* SixAmountSum: the responses' amounts per currency */
} SixCoalitionNeed;

/* A contribution made within the coalition that answers none of the lead's requests. */
typedef struct
{
  SixRecord *contribution;
  char      *donor_name;
} SixCoalitionCommitment;

/* A follow-up: what was agreed, who does it, by when. */
typedef struct
{
  SixRecord *activity;
  char      *owner_name;  /* NULL: nobody named */
  gboolean   open;        /* neither done nor cancelled */
  gboolean   overdue;     /* open and due before today */
  GPtrArray *actions;     /* SixRecord `action`: the action-plan actions it serves */
  SixRecord *meeting;     /* the meeting it was agreed at, or NULL */
  SixRecord *request;     /* the request for assistance it serves, or NULL */
} SixCoalitionFollowUp;

#define SIX_TYPE_COALITION_VIEW (six_coalition_view_get_type ())

G_DECLARE_FINAL_TYPE (SixCoalitionView, six_coalition_view, SIX, COALITION_VIEW, GObject)

SixCoalitionView    *six_coalition_view_build           (SixDb            *db,
                                                         const char       *coalition_id,
                                                         const GDate      *today,
                                                         GError          **error);
void                 six_coalition_view_get_today       (SixCoalitionView *self,
                                                         GDate            *today);
GPtrArray           *six_coalition_view_get_summaries   (SixCoalitionView *self);
GListModel          *six_coalition_view_get_coalitions  (SixCoalitionView *self);
const char          *six_coalition_view_get_id          (SixCoalitionView *self);
SixCoalitionSummary *six_coalition_view_get_summary     (SixCoalitionView *self);
SixRecord           *six_coalition_view_get_coalition   (SixCoalitionView *self);
SixRecord           *six_coalition_view_get_lead        (SixCoalitionView *self);
const char          *six_coalition_view_get_lead_name   (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_members     (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_obligations (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_needs       (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_commitments (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_upcoming    (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_past        (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_follow_ups  (SixCoalitionView *self);
GPtrArray           *six_coalition_view_get_notes       (SixCoalitionView *self);
char                *six_coalition_view_dup_attendees   (SixCoalitionView *self,
                                                         SixRecord        *meeting);
SixRecord           *six_coalition_view_find            (SixCoalitionView *self,
                                                         const char       *kind_name,
                                                         const char       *id);

/* What comes next for one coalition. */
typedef struct
{
  SixRecord *next_meeting;  /* the first held on or after today, or NULL */
  guint      n_open;        /* follow-ups neither done nor cancelled */
  guint      n_overdue;     /* of those, due before today */
} SixCoalitionAgenda;

/* The rules every reader of coalitions applies: the overview and the reports too. */
extern const char * const six_activity_closed_statuses[];

gboolean                  six_activity_is_open        (SixRecord   *activity);
GHashTable               *six_coalition_agendas_read  (SixDb       *db,
                                                       const char  *today,
                                                       GError     **error);
const SixCoalitionAgenda *six_coalition_agenda_lookup (GHashTable  *agendas,
                                                       const char  *coalition_id);
char                     *six_coalition_describe_follow_ups (guint  n_open,
                                                             guint  n_overdue);

/* The sections of a coalition's workspace, top to bottom. */
typedef enum
{
  SIX_COALITION_GLANCE,
  SIX_COALITION_OBLIGATIONS,
  SIX_COALITION_NEEDS,
  SIX_COALITION_MEMBERS,
  SIX_COALITION_FOLLOW_UPS,
  SIX_COALITION_UPCOMING,
  SIX_COALITION_PAST,
  SIX_COALITION_NOTES,
  SIX_COALITION_N_SECTIONS
} SixCoalitionSection;

/* six-coalition-facts.c: the workspace as its page shows it */
GListModel               *six_coalition_view_dup_facts (SixCoalitionView    *self,
                                                        SixCoalitionSection  section);
char       *six_coalition_resolve            (SixDb       *db,
                                              const char  *text,
                                              GError     **error);
char       *six_coalition_dup_default_title  (const char  *lead_name);
char       *six_coalition_dup_focus          (SixRecord   *coalition);

G_END_DECLS
