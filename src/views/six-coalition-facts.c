/* six-coalition-facts.c — a coalition's workspace, line by line as its page shows it
 *
 * Each section of the workspace is a list of #SixFact, worded here from the view's records:
 * the page binds its rows to them and adds no words of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalition-facts"

#include "config.h"

#include <glib/gi18n.h>

#include "six-coalition.h"
#include "six-deadline.h"
#include "six-display-name.h"
#include "six-fact.h"
#include "six-labels.h"
#include "six-profile.h"

static void
add (GListStore *facts,
     SixFact    *fact)
{
  g_list_store_append (facts, fact);
  g_object_unref (fact);
}

static void
add_placeholder (GListStore *facts,
                 const char *text)
{
  add (facts, six_fact_new_placeholder (text));
}

/* A line for @record, to edit and remove, its buttons naming it @name. */
static SixFact *
new_record_fact (const char *title,
                 const char *subtitle,
                 SixRecord  *record,
                 const char *name)
{
  SixFact *fact = six_fact_new (title != NULL ? title : "—", subtitle);

  six_fact_set_record (fact, record, TRUE);
  six_fact_set_name (fact, name);

  return fact;
}

/* The lead State, the next meeting, the follow-ups: the coalition at a glance. */
static void
add_glance (SixCoalitionView *view,
            GListStore       *facts)
{
  SixCoalitionSummary *summary = six_coalition_view_get_summary (view);
  GPtrArray *upcoming = six_coalition_view_get_upcoming (view);
  SixRecord *next = upcoming->len > 0 ? upcoming->pdata[0] : NULL;
  g_autofree char *follow_ups = six_coalition_describe_follow_ups (summary->n_open,
                                                                   summary->n_overdue);
  SixFact *fact;

  /* The lead State's profile, one click away. */
  fact = six_fact_new (summary->lead_name, _("Lead State — open its profile"));
  if (six_coalition_view_get_lead (view) != NULL)
    six_fact_set_opens_record (fact, "country",
                               six_record_get_string (summary->coalition, "lead"));
  add (facts, fact);

  if (next != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Next meeting: %s"),
                                                six_record_get_string (next, "title"));
      const char *held_on = six_record_get_string (next, "held_on");
      g_autofree char *when = six_join_details (held_on != NULL ? held_on : _("Date not set"),
                                                six_record_get_string (next, "place"));

      add (facts, six_fact_new (title, when));
    }
  else
    add (facts, six_fact_new (_("No meeting planned"), NULL));

  fact = six_fact_new (follow_ups, NULL);
  if (summary->n_overdue > 0)
    six_fact_set_badge (fact, _("Overdue"), "overdue");
  add (facts, fact);
}

/* The last extension granted, "Extended until 2026-05-01"; a pending request is the
 * deadline's status already. */
static char *
describe_extension (SixCoalitionObligation *obligation)
{
  const char *until;

  for (guint i = obligation->extensions->len; i > 0; i--)
    if ((until = six_record_get_string (obligation->extensions->pdata[i - 1],
                                        "granted_until")) != NULL)
      /* Translators: the deadline an extension granted, "Extended until 2026-05-01" */
      return g_strdup_printf (_("Extended until %s"), until);

  return NULL;
}

/* The lead State's obligations, each opening in its profile. */
static void
add_obligations (SixCoalitionView *view,
                 GListStore       *facts)
{
  GPtrArray *obligations = six_coalition_view_get_obligations (view);
  GDate today;

  six_coalition_view_get_today (view, &today);
  if (obligations->len == 0)
    add_placeholder (facts, _("No obligation under Article 3, 4 or 5 is recorded."));

  for (guint i = 0; i < obligations->len; i++)
    {
      SixCoalitionObligation *obligation = obligations->pdata[i];
      SixRecord *record = obligation->obligation;
      const char *due = six_obligation_get_deadline (record);
      g_autofree char *deadline = due != NULL && six_obligation_is_open (record)
                                  ? g_strdup_printf (_("Deadline %s"), due) : NULL;
      g_autofree char *left = six_deadline_describe (record, obligation->extensions, &today);
      g_autofree char *extension = describe_extension (obligation);
      g_autofree char *subtitle = six_join_details (deadline, left, extension);
      SixFact *fact = six_fact_new (six_record_value_label (record, "article"), subtitle);

      if (six_deadline_assess (record, obligation->extensions, &today) ==
          SIX_DEADLINE_STATE_PASSED)
        six_fact_set_badge (fact, _("Passed"), "overdue");
      six_fact_set_opens_record (fact, "obligation", six_record_get_id (record));
      add (facts, fact);
    }
}

/* A need, how far it is answered, and the contributions answering it folded out. */
static SixFact *
new_need_fact (SixCoalitionNeed *need)
{
  static const char * const styles[] = { "answered", "partly", "unanswered" };
  g_autofree char *title = six_request_dup_short_name (need->request);
  g_autofree char *asked_amount = six_record_dup_amount (need->request);
  g_autofree char *given_amounts = six_amount_sums_describe (need->sums);
  /* Translators: what a request asked for, "Asked 1,000 EUR" */
  g_autofree char *asked = asked_amount != NULL ? g_strdup_printf (_("Asked %s"), asked_amount)
                                                : NULL;
  /* Translators: what the contributions answering a request add up to, per currency */
  g_autofree char *given = given_amounts[0] != '\0'
                           ? g_strdup_printf (_("Given %s"), given_amounts)
                           : need->responses->len > 0
                           ? NULL : g_strdup (_("Nothing given yet"));
  g_autofree char *subtitle = six_join_details (six_record_get_string (need->request,
                                                                       "description"),
                                                asked, given);
  SixFact *fact = six_fact_new (title, subtitle);

  six_fact_set_badge (fact, six_coverage_label (need->coverage), styles[need->coverage]);
  if (need->coverage == SIX_COVERAGE_UNANSWERED)
    six_fact_set_style (fact, "unanswered");

  for (guint r = 0; r < need->responses->len; r++)
    {
      SixRecord *response = need->responses->pdata[r];
      const char *donor = need->donor_names->pdata[r];
      g_autofree char *amount = six_record_dup_amount (response);
      g_autofree char *details = six_join_details (six_record_value_label (response, "status"),
                                                   six_record_value_label (response, "kind"),
                                                   amount);
      g_autoptr(SixFact) answer = new_record_fact (donor, details, response, donor);

      six_fact_add_detail (fact, answer);
    }

  return fact;
}

/* The lead's needs, then what was given within the coalition that answers none of them. */
static void
add_needs (SixCoalitionView *view,
           GListStore       *facts)
{
  GPtrArray *needs = six_coalition_view_get_needs (view);
  GPtrArray *commitments = six_coalition_view_get_commitments (view);

  if (needs->len == 0 && commitments->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No request for assistance from %s is recorded."),
                                               six_coalition_view_get_lead_name (view));

      add_placeholder (facts, text);
    }

  for (guint i = 0; i < needs->len; i++)
    add (facts, new_need_fact (needs->pdata[i]));

  for (guint i = 0; i < commitments->len; i++)
    {
      SixCoalitionCommitment *commitment = commitments->pdata[i];
      SixRecord *contribution = commitment->contribution;
      g_autofree char *amount = six_record_dup_amount (contribution);
      g_autofree char *title = six_join_details (commitment->donor_name,
                                                 six_record_value_label (contribution,
                                                                         "category"));
      g_autofree char *subtitle = six_join_details (six_record_value_label (contribution,
                                                                            "status"),
                                                    six_record_value_label (contribution, "kind"),
                                                    amount,
                                                    six_record_get_string (contribution,
                                                                           "description"));

      add (facts, new_record_fact (title, subtitle, contribution, commitment->donor_name));
    }
}

/* When a member joined and left: "Since 2024-03-01", "2024-03-01 to 2025-06-30". */
static char *
describe_tenure (SixRecord *member)
{
  const char *since = six_record_get_string (member, "since");
  const char *until = six_record_get_string (member, "until");

  if (since != NULL && until != NULL)
    /* Translators: when a coalition member joined and left, "2024-03-01 to 2025-06-30" */
    return g_strdup_printf (_("%s to %s"), since, until);
  if (since != NULL)
    /* Translators: when a coalition member joined, "Since 2024-03-01" */
    return g_strdup_printf (_("Since %s"), since);
  if (until != NULL)
    /* Translators: when a coalition member left, "Until 2025-06-30" */
    return g_strdup_printf (_("Until %s"), until);

  return NULL;
}

/* Each member, its role and tenure; an organisation member's own record edited from it. */
static void
add_members (SixCoalitionView *view,
             GListStore       *facts)
{
  GPtrArray *members = six_coalition_view_get_members (view);

  if (members->len == 0)
    add_placeholder (facts, _("No member has joined yet."));

  for (guint i = 0; i < members->len; i++)
    {
      SixCoalitionMember *member = members->pdata[i];
      gboolean organisation = member->party != NULL &&
                              g_strcmp0 (six_record_get_kind_name (member->party),
                                         "organisation") == 0;
      const char *role = six_record_value_label (member->member, "role");
      const char *kind = organisation ? six_record_value_label (member->party, "kind") : NULL;
      const char *acronym = organisation ? six_record_get_string (member->party, "acronym")
                                         : NULL;
      g_autofree char *tenure = describe_tenure (member->member);
      /* Translators: a coalition member's contact person, "Contact: Samir Haddad" */
      g_autofree char *contact = member->contact_name != NULL
                                 ? g_strdup_printf (_("Contact: %s"), member->contact_name)
                                 : NULL;
      /* "Operator · MAG"; an organisation's kind only where it says more than the role. */
      g_autofree char *subtitle = six_join_details (role,
                                                    g_strcmp0 (kind, role) != 0 ? kind : NULL,
                                                    acronym, tenure, contact);
      SixFact *fact = new_record_fact (member->name, subtitle, member->member, member->name);

      if (organisation)
        {
          g_autofree char *label = g_strdup_printf (_("Edit Organisation %s"), member->name);

          six_fact_set_also_edits (fact, member->party, label);
        }
      add (facts, fact);
    }
}

/* What a follow-up serves and where it came from, after who does it and by when. */
static char *
describe_follow_up (SixCoalitionFollowUp *follow_up)
{
  SixRecord *activity = follow_up->activity;
  const char *due_on = six_record_get_string (activity, "due_on");
  /* Translators: when a follow-up is due, "Due 2026-11-01" */
  g_autofree char *due = due_on != NULL ? g_strdup_printf (_("Due %s"), due_on) : NULL;
  g_autoptr(GString) actions = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *serves = NULL;

  for (guint a = 0; a < follow_up->actions->len; a++)
    {
      g_autofree char *heading = six_action_heading (follow_up->actions->pdata[a]);

      g_string_append_printf (actions, "%s%s", actions->len > 0 ? ", " : "", heading);
    }
  if (follow_up->meeting != NULL)
    /* Translators: the meeting a follow-up was agreed at, "From: Coalition meeting, June" */
    from = g_strdup_printf (_("From: %s"), six_record_get_string (follow_up->meeting, "title"));
  if (follow_up->request != NULL)
    {
      g_autofree char *request = six_request_dup_short_name (follow_up->request);

      /* Translators: the request a follow-up serves, "For: 2018 · Victim assistance" */
      serves = g_strdup_printf (_("For: %s"), request);
    }

  return six_join_details (due, follow_up->owner_name,
                           six_record_value_label (activity, "status"), actions->str, from,
                           serves);
}

/* Follow-ups, ticked done in one click; the overdue ones marked, the closed ones dimmed. */
static void
add_follow_ups (SixCoalitionView *view,
                GListStore       *facts)
{
  GPtrArray *follow_ups = six_coalition_view_get_follow_ups (view);

  if (follow_ups->len == 0)
    add_placeholder (facts, _("Nothing agreed to follow up yet."));

  for (guint i = 0; i < follow_ups->len; i++)
    {
      SixCoalitionFollowUp *follow_up = follow_ups->pdata[i];
      const char *title = six_record_get_string (follow_up->activity, "title");
      g_autofree char *subtitle = describe_follow_up (follow_up);
      SixFact *fact = new_record_fact (title, subtitle, follow_up->activity, title);

      six_fact_set_done (fact, !follow_up->open);
      if (follow_up->overdue)
        {
          six_fact_set_badge (fact, _("Overdue"), "overdue");
          six_fact_set_style (fact, "overdue");
        }
      if (!follow_up->open)
        six_fact_set_style (fact, "dim-label");
      add (facts, fact);
    }
}

/* Meetings: when and where, who attends, the agenda and the minutes, a line each. */
static void
add_meetings (SixCoalitionView *view,
              GPtrArray        *meetings,
              const char       *none,
              GListStore       *facts)
{
  if (meetings->len == 0)
    add_placeholder (facts, none);

  for (guint i = 0; i < meetings->len; i++)
    {
      SixRecord *meeting = meetings->pdata[i];
      const char *title = six_record_get_string (meeting, "title");
      const char *agenda = six_record_get_string (meeting, "agenda");
      const char *outcomes = six_record_get_string (meeting, "outcomes");
      const char *held_on = six_record_get_string (meeting, "held_on");
      g_autofree char *when = six_join_details (held_on != NULL ? held_on : _("Date not set"),
                                                six_record_get_string (meeting, "place"),
                                                six_record_value_label (meeting, "kind"));
      /* Translators: a meeting's agenda, "Agenda: the survey plan" */
      g_autofree char *agenda_line = agenda != NULL ? g_strdup_printf (_("Agenda: %s"), agenda)
                                                    : NULL;
      g_autofree char *attendees = six_coalition_view_dup_attendees (view, meeting);
      /* Translators: the members who attend a meeting, "Attendees: Norway, MAG" */
      g_autofree char *attendees_line = attendees != NULL
                                        ? g_strdup_printf (_("Attendees: %s"), attendees) : NULL;
      /* Translators: a meeting's minutes, "Minutes: the plan was agreed" */
      g_autofree char *minutes_line = outcomes != NULL
                                      ? g_strdup_printf (_("Minutes: %s"), outcomes) : NULL;
      g_autofree char *subtitle = six_join_lines (when, attendees_line, agenda_line,
                                                  minutes_line);
      SixFact *fact = new_record_fact (title, subtitle, meeting, title);

      six_fact_set_subtitle_lines (fact, 5);
      add (facts, fact);
    }
}

static void
add_notes (SixCoalitionView *view,
           GListStore       *facts)
{
  GPtrArray *notes = six_coalition_view_get_notes (view);

  for (guint i = 0; i < notes->len; i++)
    {
      SixRecord *note = notes->pdata[i];
      const char *visibility = six_visibility_to_string (six_record_get_visibility (note));

      add (facts, new_record_fact (six_record_get_string (note, "text"),
                                   six_value_label (NULL, "visibility", visibility), note,
                                   _("Note")));
    }
}

/**
 * six_coalition_view_dup_facts:
 * @section: which of the workspace's sections
 *
 * Returns: (transfer full): the #SixFact lines of @section, in the order a page shows them;
 *   none when the view reads no workspace. A dimmed placeholder line says when a section
 *   that always shows is empty.
 */
GListModel *
six_coalition_view_dup_facts (SixCoalitionView    *self,
                              SixCoalitionSection  section)
{
  GListStore *facts;

  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);
  g_return_val_if_fail (section < SIX_COALITION_N_SECTIONS, NULL);

  facts = g_list_store_new (SIX_TYPE_FACT);
  if (six_coalition_view_get_summary (self) == NULL)
    return G_LIST_MODEL (facts);

  switch (section)
    {
    case SIX_COALITION_GLANCE:
      add_glance (self, facts);
      break;
    case SIX_COALITION_OBLIGATIONS:
      add_obligations (self, facts);
      break;
    case SIX_COALITION_NEEDS:
      add_needs (self, facts);
      break;
    case SIX_COALITION_MEMBERS:
      add_members (self, facts);
      break;
    case SIX_COALITION_FOLLOW_UPS:
      add_follow_ups (self, facts);
      break;
    case SIX_COALITION_UPCOMING:
      add_meetings (self, six_coalition_view_get_upcoming (self), _("No meeting planned."),
                    facts);
      break;
    case SIX_COALITION_PAST:
      add_meetings (self, six_coalition_view_get_past (self), _("No meeting held yet."), facts);
      break;
    case SIX_COALITION_NOTES:
      add_notes (self, facts);
      break;
    case SIX_COALITION_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }

  return G_LIST_MODEL (facts);
}
