/* test-coalition.c — the coalition view on a small fixture, its figures worked out by hand:
 * the list, members, the lead State's deadlines, needs against commitments, meetings and
 * follow-ups; naming a coalition by its lead; and what "Send to Members" puts in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-coalition.h"
#include "six-fact.h"
#include "six-coalition-item.h"
#include "six-db.h"
#include "six-exchange-writer.h"
#include "six-locate.h"

#include <string.h>

#define LBN_COALITION "c0a11710-0000-4000-8000-000000000001"
#define LAO_COALITION "c0a11710-0000-4000-8000-000000000002"
#define CONTACT "0c0a0000-0000-4000-8000-000000000001"

static void
put (SixDb       *db,
     const char  *kind_name,
     const char  *id,
     const char  *first_field,
     ...)
{
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup (kind_name), id);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  for (; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (g_strcmp0 (field, "year") == 0 || g_strcmp0 (field, "position") == 0)
        six_edit_set_int (edit, field, g_ascii_strtoll (value, NULL, 10));
      else if (g_strcmp0 (field, "actions") == 0 || g_strcmp0 (field, "articles") == 0 ||
               g_strcmp0 (field, "attendees") == 0)
        {
          g_auto(GStrv) items = g_strsplit (value, ",", -1);

          six_edit_set (edit, field, g_variant_new_strv ((const char * const *) items, -1));
        }
      else
        six_edit_set_string (edit, field, value);
    }
  va_end (args);

  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_db_apply_edits (db, "test", edits, &error);
  g_assert_no_error (error);
}

static SixDb *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  SixDb *db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  put (db, "country", "LBN", "name", "Lebanon", "status", "party", NULL);
  put (db, "country", "LAO", "name", "Lao People's Democratic Republic", "status", "party", NULL);
  put (db, "country", "NOR", "name", "Norway", "status", "party", NULL);
  put (db, "organisation", "0a9a0000-0000-4000-8000-000000000001", "name", "Mines Advisory Group",
       "acronym", "MAG", "kind", "operator", NULL);
  put (db, "plan", "lap", "title", "Lausanne Action Plan", NULL);
  put (db, "action", "lap:38", "plan", "lap", "number", "38", "position", "38",
       "title", "Country Coalitions", NULL);

  /* Lebanon: clearance due in 2026-05 with an extension awaiting a decision, stockpiles
   * destroyed, victim assistance (no deadline). */
  put (db, "obligation", "LBN:art4", "country", "LBN", "article", "art4",
       "original_deadline", "2021-05-01", "current_deadline", "2026-05-01", NULL);
  put (db, "extension_request", "LBN:art4:2025", "obligation", "LBN:art4",
       "submitted_on", "2025-03-01", "requested_until", "2031-05-01", "decision", "requested",
       NULL);
  put (db, "obligation", "LBN:art3", "country", "LBN", "article", "art3",
       "original_deadline", "2019-05-01", "status", "completed", "completed_on", "2019-01-01",
       NULL);
  put (db, "obligation", "LBN:art5", "country", "LBN", "article", "art5", NULL);
  put (db, "obligation", "LAO:art4", "country", "LAO", "article", "art4",
       "original_deadline", "2020-08-01", "current_deadline", "2030-08-01", NULL);

  /* The coalition, with Norway and MAG; Lebanon leads. */
  put (db, "coalition", LBN_COALITION, "lead", "LBN", "title", "Country Coalition for Lebanon",
       "status", "active", "established_on", "2024-09-01", "articles", "art4,art5", NULL);
  put (db, "coalition_member", "0e0e0000-0000-4000-8000-000000000001", "coalition",
       LBN_COALITION, "member", "LBN", "role", "lead", NULL);
  put (db, "coalition_member", "0e0e0000-0000-4000-8000-000000000002", "coalition",
       LBN_COALITION, "member", "NOR", "role", "donor", "until", "2027-12-31", NULL);
  /* MAG's contact person: private, as contacts are unless shared. */
  put (db, "contact", CONTACT, "name", "Samir Haddad",
       "affiliation", "0a9a0000-0000-4000-8000-000000000001", NULL);
  put (db, "coalition_member", "0e0e0000-0000-4000-8000-000000000003", "coalition",
       LBN_COALITION, "member", "0a9a0000-0000-4000-8000-000000000001", "role", "operator",
       "since", "2024-09-01", "contact", CONTACT, NULL);
  /* A member kept private leaves no file. */
  put (db, "coalition_member", "0e0e0000-0000-4000-8000-000000000004", "coalition",
       LBN_COALITION, "member", "LAO", "role", "peer", "visibility", "private", NULL);
  put (db, "coalition", LAO_COALITION, "lead", "LAO", "title", "Lao coalition",
       "status", "closed", NULL);

  /* Needs: victim assistance 1,000 EUR (600 EUR and 900.25 USD given: partly), clearance
   * 500 EUR (500 EUR given: answered), risk education (nothing: unanswered), one withdrawn. */
  put (db, "assistance_request", "0b0b0000-0000-4000-8000-000000000001", "country", "LBN",
       "year", "2023", "category", "victim_assistance", "amount", "1000", "currency", "EUR",
       NULL);
  put (db, "assistance_request", "0b0b0000-0000-4000-8000-000000000002", "country", "LBN",
       "year", "2024", "category", "survey_clearance", "amount", "500", "currency", "EUR",
       NULL);
  put (db, "assistance_request", "0b0b0000-0000-4000-8000-000000000003", "country", "LBN",
       "year", "2022", "category", "risk_education", NULL);
  put (db, "assistance_request", "0b0b0000-0000-4000-8000-000000000004", "country", "LBN",
       "year", "2024", "category", "other", "status", "withdrawn", NULL);
  put (db, "contribution", "0c0c0000-0000-4000-8000-000000000001", "donor", "NOR",
       "recipient", "LBN", "category", "victim_assistance", "amount", "600", "currency", "EUR",
       "status", "pledged", "request", "0b0b0000-0000-4000-8000-000000000001", NULL);
  put (db, "contribution", "0c0c0000-0000-4000-8000-000000000002", "donor", "NOR",
       "recipient", "LBN", "category", "victim_assistance", "amount", "900.25",
       "currency", "USD", "status", "committed",
       "request", "0b0b0000-0000-4000-8000-000000000001", NULL);
  put (db, "contribution", "0c0c0000-0000-4000-8000-000000000003",
       "donor", "0a9a0000-0000-4000-8000-000000000001", "recipient", "LBN",
       "category", "survey_clearance", "amount", "500", "currency", "EUR",
       "status", "delivered", "request", "0b0b0000-0000-4000-8000-000000000002", NULL);
  /* Made within the coalition, answering no request. */
  put (db, "contribution", "0c0c0000-0000-4000-8000-000000000004", "donor", "NOR",
       "recipient", "LBN", "category", "national_implementation", "kind", "technical",
       "coalition", LBN_COALITION, NULL);

  /* Meetings: one past, two to come (the nearer is next), one not dated yet. */
  put (db, "meeting", "0d0d0000-0000-4000-8000-000000000001", "title", "Kick-off",
       "held_on", "2026-06-01", "coalition", LBN_COALITION,
       "outcomes", "Norway sends the survey plan", NULL);
  put (db, "meeting", "0d0d0000-0000-4000-8000-000000000002", "title", "Second meeting",
       "held_on", "2027-01-15", "coalition", LBN_COALITION, NULL);
  put (db, "meeting", "0d0d0000-0000-4000-8000-000000000003", "title", "Before the MSP",
       "held_on", "2026-12-20", "coalition", LBN_COALITION, "place", "Geneva",
       "agenda", "Review the survey plan",
       "attendees", "0a9a0000-0000-4000-8000-000000000001,NOR", NULL);
  put (db, "meeting", "0d0d0000-0000-4000-8000-000000000004", "title", "Field visit",
       "coalition", LBN_COALITION, NULL);

  /* Follow-ups: one overdue, one due later, one done, one cancelled. */
  put (db, "activity", "0f0f0000-0000-4000-8000-000000000001", "title", "Send the survey plan",
       "due_on", "2026-11-01", "status", "in_progress", "owner", "NOR",
       "coalition", LBN_COALITION, "actions", "lap:38",
       "meeting", "0d0d0000-0000-4000-8000-000000000001",
       "request", "0b0b0000-0000-4000-8000-000000000001", NULL);
  put (db, "activity", "0f0f0000-0000-4000-8000-000000000002", "title", "Draft the budget",
       "due_on", "2027-02-01", "status", "planned", "coalition", LBN_COALITION, NULL);
  put (db, "activity", "0f0f0000-0000-4000-8000-000000000003", "title", "Book the room",
       "due_on", "2026-10-01", "status", "done", "coalition", LBN_COALITION, NULL);
  put (db, "activity", "0f0f0000-0000-4000-8000-000000000004", "title", "Old idea",
       "due_on", "2026-01-01", "status", "cancelled", "coalition", LBN_COALITION, NULL);

  /* A note on the coalition: private, as notes are unless shared. */
  put (db, "note", "0a0a0000-0000-4000-8000-000000000001", "target", LBN_COALITION,
       "text", "Ask Norway about 2027", NULL);

  return db;
}

static SixCoalitionView *
build (SixDb      *db,
       const char *id)
{
  g_autoptr(GError) error = NULL;
  SixCoalitionView *view;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  view = six_coalition_view_build (db, id, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (view);

  return view;
}

static void
test_list (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = build (db, NULL);
  GPtrArray *summaries = six_coalition_view_get_summaries (view);
  SixCoalitionSummary *lao, *lbn;

  /* Both, closed ones too, by lead State: Lao PDR before Lebanon. */
  g_assert_cmpuint (summaries->len, ==, 2);
  lao = summaries->pdata[0];
  lbn = summaries->pdata[1];
  g_assert_cmpstr (lao->lead_name, ==, "Lao People's Democratic Republic");
  g_assert_cmpstr (six_record_get_string (lao->coalition, "status"), ==, "closed");
  g_assert_cmpuint (lao->n_members, ==, 0);
  g_assert_null (lao->next_meeting);
  g_assert_cmpstr (six_record_get_id (lao->nearest_obligation), ==, "LAO:art4");

  g_assert_cmpstr (lbn->lead_name, ==, "Lebanon");
  g_assert_cmpuint (lbn->n_members, ==, 4);
  g_assert_cmpstr (six_record_get_id (lbn->nearest_obligation), ==, "LBN:art4");
  g_assert_cmpstr (six_record_get_id (lbn->next_meeting), ==,
                   "0d0d0000-0000-4000-8000-000000000003");
  g_assert_cmpuint (lbn->n_open, ==, 2);
  g_assert_cmpuint (lbn->n_overdue, ==, 1);

  /* The list alone reads no workspace. */
  g_assert_null (six_coalition_view_get_id (view));
  g_assert_null (six_coalition_view_get_coalition (view));
  g_assert_cmpuint (six_coalition_view_get_members (view)->len, ==, 0);
  g_assert_cmpuint (six_coalition_view_get_needs (view)->len, ==, 0);
}

/* The list's lines, worded as its rows show them, with what search and filter read. */
static void
test_items (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = build (db, NULL);
  g_autoptr(SixCoalitionView) again = build (db, LBN_COALITION);
  GListModel *items = six_coalition_view_get_coalitions (view);
  g_autoptr(SixCoalitionItem) lao = NULL;
  g_autoptr(SixCoalitionItem) lbn = NULL;
  g_autoptr(SixCoalitionItem) lbn_again = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  g_autofree char *folded = NULL;
  gboolean overdue = TRUE;

  /* One per summary, in the same order. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (g_list_model_get_item_type (items) == SIX_TYPE_COALITION_ITEM);
  lao = g_list_model_get_item (items, 0);
  lbn = g_list_model_get_item (items, 1);

  /* Closed, nobody joined, Lao's clearance deadline, nothing planned. */
  g_object_get (lao, "title", &title, "subtitle", &subtitle, "status-label", &status,
                "overdue", &overdue, NULL);
  g_assert_cmpstr (six_coalition_item_get_id (lao), ==, LAO_COALITION);
  g_assert_cmpstr (title, ==, "Lao coalition");
  g_assert_cmpstr (six_coalition_item_get_lead (lao), ==, "LAO");
  g_assert_cmpstr (six_coalition_item_get_lead_name (lao), ==,
                   "Lao People's Democratic Republic");
  g_assert_cmpstr (six_coalition_item_get_status (lao), ==, "closed");
  g_assert_cmpstr (status, ==, "Closed");
  g_assert_cmpstr (subtitle, ==,
                   "Led by Lao People's Democratic Republic · Closed · 0 members\n"
                   "Deadline 2030-08-01\n"
                   "No meeting planned\n"
                   "0 open follow-ups, 0 overdue");
  g_assert_false (overdue);
  g_assert_cmpstr (six_coalition_item_get_search_key (lao), ==,
                   "lao coalition lao people's democratic republic lao");

  /* Active, four members, Lebanon's clearance deadline, the meeting on 20 December next;
   * of four follow-ups, one done and one cancelled, the one due 1 November is overdue. */
  g_assert_cmpstr (six_coalition_item_get_id (lbn), ==, LBN_COALITION);
  g_assert_cmpstr (six_coalition_item_get_title (lbn), ==, "Country Coalition for Lebanon");
  g_assert_cmpstr (six_coalition_item_get_lead_name (lbn), ==, "Lebanon");
  g_assert_cmpstr (six_coalition_item_get_status (lbn), ==, "active");
  g_assert_cmpstr (six_coalition_item_get_status_label (lbn), ==, "Active");
  g_assert_cmpstr (six_coalition_item_get_subtitle (lbn), ==,
                   "Led by Lebanon · Active · 4 members\n"
                   "Deadline 2026-05-01\n"
                   "Next meeting 2026-12-20\n"
                   "2 open follow-ups, 1 overdue");
  g_assert_true (six_coalition_item_get_overdue (lbn));
  g_assert_cmpstr (six_coalition_item_get_search_key (lbn), ==,
                   "country coalition for lebanon lebanon lbn");

  /* Read again with a workspace, the list is the same: the page keeps its rows. */
  lbn_again = g_list_model_get_item (six_coalition_view_get_coalitions (again), 1);
  g_assert_true (lbn_again != lbn);
  g_assert_true (six_coalition_item_equal (lbn, lbn_again));
  g_assert_false (six_coalition_item_equal (lao, lbn));

  /* Searches are folded as the keys are: accents and case aside. */
  folded = six_coalition_item_fold ("Côte d’Ivoire LIBAN");
  g_assert_cmpstr (folded, ==, "cote d'ivoire liban");
}

static void
test_members_and_deadlines (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = build (db, LBN_COALITION);
  GPtrArray *members = six_coalition_view_get_members (view);
  GPtrArray *obligations = six_coalition_view_get_obligations (view);
  SixCoalitionObligation *art4;

  g_assert_cmpstr (six_coalition_view_get_id (view), ==, LBN_COALITION);
  g_assert_cmpstr (six_coalition_view_get_lead_name (view), ==, "Lebanon");
  g_assert_cmpstr (six_record_get_id (six_coalition_view_get_lead (view)), ==, "LBN");

  /* The lead first, then by role: donor, operator, peer; organisations by name. */
  g_assert_cmpuint (members->len, ==, 4);
  g_assert_cmpstr (((SixCoalitionMember *) members->pdata[0])->name, ==, "Lebanon");
  g_assert_cmpstr (((SixCoalitionMember *) members->pdata[1])->name, ==, "Norway");
  g_assert_cmpstr (((SixCoalitionMember *) members->pdata[2])->name, ==, "Mines Advisory Group");
  g_assert_cmpstr (six_record_get_kind_name (((SixCoalitionMember *) members->pdata[2])->party),
                   ==, "organisation");
  g_assert_cmpstr (six_record_get_string (((SixCoalitionMember *) members->pdata[3])->member,
                                          "role"), ==, "peer");
  /* Since and until, and MAG's contact person by name. */
  g_assert_cmpstr (six_record_get_string (((SixCoalitionMember *) members->pdata[2])->member,
                                          "since"), ==, "2024-09-01");
  g_assert_cmpstr (((SixCoalitionMember *) members->pdata[2])->contact_name, ==, "Samir Haddad");
  g_assert_cmpstr (six_record_get_string (((SixCoalitionMember *) members->pdata[1])->member,
                                          "until"), ==, "2027-12-31");
  g_assert_null (((SixCoalitionMember *) members->pdata[1])->contact_name);

  /* The lead's obligations by article; the open Art. 4 deadline passed 220 days ago with an
   * extension waiting; Art. 3 (completed) and Art. 5 have no deadline entry. */
  g_assert_cmpuint (obligations->len, ==, 3);
  g_assert_cmpstr (six_record_get_id (((SixCoalitionObligation *) obligations->pdata[0])->obligation),
                   ==, "LBN:art3");
  g_assert_null (((SixCoalitionObligation *) obligations->pdata[0])->deadline);
  art4 = obligations->pdata[1];
  g_assert_cmpstr (six_record_get_id (art4->obligation), ==, "LBN:art4");
  g_assert_nonnull (art4->deadline);
  g_assert_cmpstr (art4->deadline->deadline, ==, "2026-05-01");
  g_assert_cmpint (art4->deadline->days_left, ==, -220);
  g_assert_cmpint (art4->deadline->bucket, ==, SIX_DEADLINE_EXTENSION_REQUESTED);
  g_assert_cmpstr (six_record_get_id (art4->deadline->pending_extension), ==, "LBN:art4:2025");
  g_assert_cmpuint (art4->extensions->len, ==, 1);
  g_assert_null (((SixCoalitionObligation *) obligations->pdata[2])->deadline);
}

static SixAmountSum *
sum_at (SixCoalitionNeed *need,
        guint             i)
{
  g_assert_cmpuint (i, <, need->sums->len);

  return need->sums->pdata[i];
}

static void
test_needs (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = build (db, LBN_COALITION);
  GPtrArray *needs = six_coalition_view_get_needs (view);
  GPtrArray *commitments = six_coalition_view_get_commitments (view);
  SixCoalitionNeed *unanswered, *partly, *answered;

  /* The withdrawn request is no need; unanswered first, answered last. */
  g_assert_cmpuint (needs->len, ==, 3);
  unanswered = needs->pdata[0];
  partly = needs->pdata[1];
  answered = needs->pdata[2];

  g_assert_cmpint (unanswered->coverage, ==, SIX_COVERAGE_UNANSWERED);
  g_assert_cmpstr (six_record_get_string (unanswered->request, "category"), ==, "risk_education");
  g_assert_cmpuint (unanswered->responses->len, ==, 0);
  g_assert_cmpuint (unanswered->sums->len, ==, 0);

  /* 600 EUR of 1,000 EUR: the USD cannot be compared, and is summed apart. */
  g_assert_cmpint (partly->coverage, ==, SIX_COVERAGE_PARTLY);
  g_assert_cmpuint (partly->responses->len, ==, 2);
  g_assert_cmpstr (partly->donor_names->pdata[0], ==, "Norway");
  g_assert_cmpuint (partly->sums->len, ==, 2);
  g_assert_cmpstr (sum_at (partly, 0)->currency, ==, "EUR");
  g_assert_cmpint (sum_at (partly, 0)->total, ==, 6000000);
  g_assert_cmpstr (sum_at (partly, 1)->currency, ==, "USD");
  g_assert_cmpint (sum_at (partly, 1)->total, ==, 9002500);

  g_assert_cmpint (answered->coverage, ==, SIX_COVERAGE_ANSWERED);
  g_assert_cmpstr (answered->donor_names->pdata[0], ==, "Mines Advisory Group");

  /* Norway's technical help within the coalition answers no request: a commitment. */
  g_assert_cmpuint (commitments->len, ==, 1);
  g_assert_cmpstr (((SixCoalitionCommitment *) commitments->pdata[0])->donor_name, ==, "Norway");
}

static void
test_meetings_and_follow_ups (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = build (db, LBN_COALITION);
  GPtrArray *upcoming = six_coalition_view_get_upcoming (view);
  GPtrArray *past = six_coalition_view_get_past (view);
  GPtrArray *follow_ups = six_coalition_view_get_follow_ups (view);
  g_autofree char *attendees = NULL;
  SixCoalitionFollowUp *first;

  /* Soonest first, the undated one last; the past, latest first. */
  g_assert_cmpuint (upcoming->len, ==, 3);
  g_assert_cmpstr (six_record_get_string (upcoming->pdata[0], "title"), ==, "Before the MSP");
  /* Who attends, by name, in the members' order: the donor before the operator. */
  attendees = six_coalition_view_dup_attendees (view, upcoming->pdata[0]);
  g_assert_cmpstr (attendees, ==, "Norway, Mines Advisory Group");
  g_assert_null (six_coalition_view_dup_attendees (view, upcoming->pdata[1]));
  g_assert_cmpstr (six_record_get_string (upcoming->pdata[1], "title"), ==, "Second meeting");
  g_assert_cmpstr (six_record_get_string (upcoming->pdata[2], "title"), ==, "Field visit");
  g_assert_cmpuint (past->len, ==, 1);
  g_assert_cmpstr (six_record_get_string (past->pdata[0], "title"), ==, "Kick-off");

  /* Open first, by due date: the overdue one leads, with its owner and action. */
  g_assert_cmpuint (follow_ups->len, ==, 4);
  first = follow_ups->pdata[0];
  g_assert_cmpstr (six_record_get_string (first->activity, "title"), ==, "Send the survey plan");
  g_assert_true (first->open);
  g_assert_true (first->overdue);
  g_assert_cmpstr (first->owner_name, ==, "Norway");
  g_assert_cmpuint (first->actions->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (first->actions->pdata[0]), ==, "lap:38");
  /* Agreed at the kick-off, for the victim-assistance request. */
  g_assert_cmpstr (six_record_get_id (first->meeting), ==, "0d0d0000-0000-4000-8000-000000000001");
  g_assert_cmpstr (six_record_get_id (first->request), ==, "0b0b0000-0000-4000-8000-000000000001");
  g_assert_null (((SixCoalitionFollowUp *) follow_ups->pdata[1])->meeting);
  g_assert_null (((SixCoalitionFollowUp *) follow_ups->pdata[1])->request);

  g_assert_true (((SixCoalitionFollowUp *) follow_ups->pdata[1])->open);
  g_assert_false (((SixCoalitionFollowUp *) follow_ups->pdata[1])->overdue);
  g_assert_null (((SixCoalitionFollowUp *) follow_ups->pdata[1])->owner_name);
  /* Done and cancelled ones are never overdue. */
  for (guint i = 2; i < 4; i++)
    {
      g_assert_false (((SixCoalitionFollowUp *) follow_ups->pdata[i])->open);
      g_assert_false (((SixCoalitionFollowUp *) follow_ups->pdata[i])->overdue);
    }

  g_assert_cmpuint (six_coalition_view_get_notes (view)->len, ==, 1);
  g_assert_nonnull (six_coalition_view_find (view, "activity",
                                             "0f0f0000-0000-4000-8000-000000000002"));
  g_assert_nonnull (six_coalition_view_find (view, "coalition", LBN_COALITION));
  g_assert_null (six_coalition_view_find (view, "activity", LBN_COALITION));
}

/* A deleted coalition reads as the list alone; the list drops it. */
static void
test_deleted (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) view = NULL;
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup ("coalition"), LAO_COALITION);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;

  six_edit_delete (edit);
  g_ptr_array_add (edits, g_steal_pointer (&edit));
  six_db_apply_edits (db, "test", edits, &error);
  g_assert_no_error (error);

  view = build (db, LAO_COALITION);
  g_assert_null (six_coalition_view_get_coalition (view));
  g_assert_cmpuint (six_coalition_view_get_summaries (view)->len, ==, 1);
}

static void
test_resolve (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autofree char *by_id = six_coalition_resolve (db, LBN_COALITION, &error);
  g_autofree char *by_code = NULL;
  g_autofree char *none = NULL;
  g_autofree char *ambiguous = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (by_id, ==, LBN_COALITION);

  by_code = six_coalition_resolve (db, "lbn", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_code, ==, LBN_COALITION);

  none = six_coalition_resolve (db, "NOR", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  /* A second coalition led by Lebanon: its code no longer says which. */
  put (db, "coalition", "c0a11710-0000-4000-8000-000000000003", "lead", "LBN",
       "title", "Another", NULL);
  ambiguous = six_coalition_resolve (db, "LBN", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (ambiguous);
  g_assert_nonnull (strstr (error->message, LBN_COALITION));
}

static void
assert_located (SixDb      *db,
                const char *kind,
                const char *id,
                const char *home_kind,
                const char *home_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found_kind = NULL;
  g_autofree char *found_id = NULL;

  g_assert_true (six_record_locate (db, kind, id, &found_kind, &found_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found_kind, ==, home_kind);
  g_assert_cmpstr (found_id, ==, home_id);
}

/* Search opens each result where it is shown. */
static void
test_locate (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(GError) error = NULL;
  char *kind = NULL, *id = NULL;

  assert_located (db, "coalition", LBN_COALITION, "coalition", LBN_COALITION);
  assert_located (db, "meeting", "0d0d0000-0000-4000-8000-000000000001", "coalition",
                  LBN_COALITION);
  assert_located (db, "activity", "0f0f0000-0000-4000-8000-000000000002", "coalition",
                  LBN_COALITION);
  assert_located (db, "coalition_member", "0e0e0000-0000-4000-8000-000000000002", "coalition",
                  LBN_COALITION);
  assert_located (db, "note", "0a0a0000-0000-4000-8000-000000000001", "coalition",
                  LBN_COALITION);
  assert_located (db, "assistance_request", "0b0b0000-0000-4000-8000-000000000001", "country",
                  "LBN");
  assert_located (db, "extension_request", "LBN:art4:2025", "country", "LBN");
  assert_located (db, "contribution", "0c0c0000-0000-4000-8000-000000000003", "country", "LBN");
  assert_located (db, "action", "lap:38", "action", "lap:38");

  /* A plan, or an organisation with no country, is shown on no page of its own. */
  g_assert_false (six_record_locate (db, "plan", "lap", &kind, &id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (six_record_locate (db, "organisation", "0a9a0000-0000-4000-8000-000000000001",
                                     &kind, &id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (kind);
  g_assert_null (id);
}

static SixRecord *
find (SixExchangeFile *file,
      const char      *kind,
      const char      *id)
{
  GPtrArray *records = six_exchange_file_get_records (file);

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (six_record_get_kind_name (records->pdata[i]), kind) == 0 &&
        g_strcmp0 (six_record_get_id (records->pdata[i]), id) == 0)
      return records->pdata[i];

  return NULL;
}

static gboolean
holds (SixExchangeFile *file,
       const char      *kind,
       const char      *id)
{
  return find (file, kind, id) != NULL;
}

/* "Send to Members": the coalition's scope at the coalition level. */
static void
test_send_to_members (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  SixExportOptions options = { 0 };
  const char *scope_id = NULL;
  GPtrArray *records;

  options.scope = SIX_SCOPE_COALITION;
  options.scope_id = LBN_COALITION;
  options.level = SIX_VISIBILITY_COALITION;
  file = six_exchange_collect (db, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpint (six_exchange_file_get_scope (file, &scope_id), ==, SIX_SCOPE_COALITION);
  g_assert_cmpstr (scope_id, ==, LBN_COALITION);
  g_assert_cmpint (six_exchange_file_get_level (file), ==, SIX_VISIBILITY_COALITION);

  /* The coalition's records, the lead State and its needs, the members' records. */
  g_assert_true (holds (file, "coalition", LBN_COALITION));
  g_assert_true (holds (file, "country", "LBN"));
  g_assert_true (holds (file, "country", "NOR"));
  g_assert_true (holds (file, "organisation", "0a9a0000-0000-4000-8000-000000000001"));
  g_assert_true (holds (file, "coalition_member", "0e0e0000-0000-4000-8000-000000000002"));
  g_assert_true (holds (file, "assistance_request", "0b0b0000-0000-4000-8000-000000000003"));
  g_assert_true (holds (file, "meeting", "0d0d0000-0000-4000-8000-000000000003"));
  g_assert_true (holds (file, "activity", "0f0f0000-0000-4000-8000-000000000001"));
  g_assert_true (holds (file, "contribution", "0c0c0000-0000-4000-8000-000000000004"));

  /* The lead State's profile goes with it: its obligations and their extensions, not
   * another State's. */
  g_assert_true (holds (file, "obligation", "LBN:art4"));
  g_assert_true (holds (file, "obligation", "LBN:art3"));
  g_assert_true (holds (file, "extension_request", "LBN:art4:2025"));
  g_assert_false (holds (file, "obligation", "LAO:art4"));

  /* Nothing private leaves: not the note, not the member kept private. */
  g_assert_false (holds (file, "note", "0a0a0000-0000-4000-8000-000000000001"));
  g_assert_false (holds (file, "coalition_member", "0e0e0000-0000-4000-8000-000000000004"));
  /* MAG's contact person stays home, and its member record no longer names them. */
  g_assert_false (holds (file, "contact", CONTACT));
  g_assert_null (six_record_get_string (find (file, "coalition_member",
                                              "0e0e0000-0000-4000-8000-000000000003"),
                                        "contact"));
  g_assert_cmpstr (six_record_get_string (find (file, "coalition_member",
                                                "0e0e0000-0000-4000-8000-000000000003"),
                                          "since"), ==, "2024-09-01");
  records = six_exchange_file_get_records (file);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpint (six_record_get_visibility (records->pdata[i]), !=, SIX_VISIBILITY_PRIVATE);

  /* The other coalition stays home. */
  g_assert_false (holds (file, "coalition", LAO_COALITION));
}

static SixFact *
nth_fact (GListModel *facts,
          guint       n)
{
  SixFact *fact = g_list_model_get_item (facts, n);

  g_object_unref (fact);  /* the model holds it */

  return fact;
}

static const char *
target_id (GVariant *target)
{
  const char *id;

  g_assert_nonnull (target);
  g_variant_get (target, "(&s&s)", NULL, &id);

  return id;
}

/* The workspace worded line by line: what each section of its page shows and acts on. */
static void
test_facts (void)
{
  g_autoptr(SixDb) db = open_fixture ();
  g_autoptr(SixCoalitionView) list = NULL;
  g_autoptr(SixCoalitionView) view = NULL;
  g_autoptr(GListModel) glance = NULL;
  g_autoptr(GListModel) obligations = NULL;
  g_autoptr(GListModel) needs = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GListModel) past = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) none = NULL;
  SixFact *fact;

  /* A follow-up agreed at a meeting of no coalition (a bilateral a file brought). */
  put (db, "meeting", "0d0d0000-0000-4000-8000-000000000009", "title", "Bilateral in Beirut",
       "held_on", "2026-05-01", NULL);
  put (db, "activity", "0f0f0000-0000-4000-8000-000000000002", "title", "Draft the budget",
       "due_on", "2027-02-01", "status", "planned", "coalition", LBN_COALITION,
       "meeting", "0d0d0000-0000-4000-8000-000000000009", NULL);
  list = build (db, NULL);
  view = build (db, LBN_COALITION);
  glance = six_coalition_view_dup_facts (view, SIX_COALITION_GLANCE);
  obligations = six_coalition_view_dup_facts (view, SIX_COALITION_OBLIGATIONS);
  needs = six_coalition_view_dup_facts (view, SIX_COALITION_NEEDS);
  members = six_coalition_view_dup_facts (view, SIX_COALITION_MEMBERS);
  follow_ups = six_coalition_view_dup_facts (view, SIX_COALITION_FOLLOW_UPS);
  upcoming = six_coalition_view_dup_facts (view, SIX_COALITION_UPCOMING);
  past = six_coalition_view_dup_facts (view, SIX_COALITION_PAST);
  notes = six_coalition_view_dup_facts (view, SIX_COALITION_NOTES);
  none = six_coalition_view_dup_facts (list, SIX_COALITION_GLANCE);

  /* The list alone words no workspace. */
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* At a glance: the lead's profile one click away, the next meeting, the follow-ups. */
  g_assert_cmpuint (g_list_model_get_n_items (glance), ==, 3);
  fact = nth_fact (glance, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Lebanon");
  g_assert_cmpstr (six_fact_get_action_name (fact), ==, "win.open-record");
  g_assert_cmpstr (target_id (six_fact_get_action_target (fact)), ==, "LBN");
  g_assert_cmpstr (six_fact_get_title (nth_fact (glance, 1)), ==, "Next meeting: Before the MSP");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (glance, 1)), ==, "2026-12-20 · Geneva");
  g_assert_cmpstr (six_fact_get_title (nth_fact (glance, 2)), ==,
                   "2 open follow-ups, 1 overdue");
  g_assert_cmpstr (six_fact_get_badge (nth_fact (glance, 2)), ==, "Overdue");

  /* Needs fold out what answers them, the unanswered first; then what was given within the
   * coalition answering none. */
  g_assert_cmpuint (g_list_model_get_n_items (needs), ==, 4);
  fact = nth_fact (needs, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "2022 · Risk education");
  g_assert_cmpstr (six_fact_get_badge (fact), ==, "Unanswered");
  g_assert_cmpstr (six_fact_get_style (fact), ==, "unanswered");
  g_assert_cmpstr (six_fact_get_subtitle (fact), ==, "Nothing given yet");
  g_assert_null (six_fact_get_details (fact));
  fact = nth_fact (needs, 1);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "2023 · Victim assistance");
  g_assert_cmpstr (six_fact_get_badge (fact), ==, "Partly answered");
  g_assert_null (six_fact_get_style (fact));
  g_assert_cmpuint (g_list_model_get_n_items (six_fact_get_details (fact)), ==, 2);
  g_assert_cmpstr (six_fact_get_title (nth_fact (six_fact_get_details (fact), 0)), ==, "Norway");
  g_assert_true (six_fact_get_removable (nth_fact (six_fact_get_details (fact), 0)));
  g_assert_cmpstr (six_fact_get_badge (nth_fact (needs, 2)), ==, "Answered");
  fact = nth_fact (needs, 3);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Norway · National implementation");
  g_assert_cmpstr (target_id (six_fact_get_target (fact)), ==,
                   "0c0c0000-0000-4000-8000-000000000004");

  /* An organisation member edits its own record too (the private member shows here). */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      fact = nth_fact (members, i);
      if (g_strcmp0 (six_fact_get_title (fact), "Mines Advisory Group") == 0)
        {
          g_assert_cmpstr (target_id (six_fact_get_also_target (fact)), ==,
                           "0a9a0000-0000-4000-8000-000000000001");
          g_assert_cmpstr (six_fact_get_also_label (fact), ==,
                           "Edit Organisation Mines Advisory Group");
        }
      else
        g_assert_null (six_fact_get_also_target (fact));
    }

  /* Follow-ups are ticked done; the overdue one is marked, the closed ones dimmed. */
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 4);
  fact = nth_fact (follow_ups, 0);
  g_assert_cmpstr (six_fact_get_title (fact), ==, "Send the survey plan");
  g_assert_true (six_fact_get_checkable (fact));
  g_assert_false (six_fact_get_done (fact));
  g_assert_cmpstr (six_fact_get_style (fact), ==, "overdue");
  fact = nth_fact (follow_ups, 3);
  g_assert_true (six_fact_get_done (fact));
  g_assert_cmpstr (six_fact_get_style (fact), ==, "dim-label");

  /* A follow-up agreed at a meeting of no coalition still says where it came from. */
  g_assert_nonnull (strstr (six_fact_get_subtitle (nth_fact (follow_ups, 1)),
                            "From: Bilateral in Beirut"));

  /* The lead's obligations open in its profile; a deadline passed is marked. */
  g_assert_cmpuint (g_list_model_get_n_items (obligations), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (six_fact_get_action_name (nth_fact (obligations, i)), ==,
                     "win.open-record");
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 3);
  g_assert_cmpint (six_fact_get_subtitle_lines (nth_fact (upcoming, 0)), ==, 5);

  /* A meeting held: its minutes on a line of their own. */
  g_assert_cmpuint (g_list_model_get_n_items (past), ==, 1);
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (past, 0)), ==,
                   "2026-06-01\nMinutes: Norway sends the survey plan");

  /* Notes are named "Note" on their buttons. */
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_cmpstr (six_fact_get_name (nth_fact (notes, 0)), ==, "Note");
  g_assert_cmpstr (six_fact_get_subtitle (nth_fact (notes, 0)), ==, "Private");

  /* Every record a button names is one the workspace finds, the organisation too. */
  g_assert_nonnull (six_coalition_view_find (view, "organisation",
                                             "0a9a0000-0000-4000-8000-000000000001"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/coalition/list", test_list);
  g_test_add_func ("/views/coalition/items", test_items);
  g_test_add_func ("/views/coalition/members-and-deadlines", test_members_and_deadlines);
  g_test_add_func ("/views/coalition/needs", test_needs);
  g_test_add_func ("/views/coalition/meetings-and-follow-ups", test_meetings_and_follow_ups);
  g_test_add_func ("/views/coalition/deleted", test_deleted);
  g_test_add_func ("/views/coalition/resolve", test_resolve);
  g_test_add_func ("/views/coalition/locate", test_locate);
  g_test_add_func ("/views/coalition/send-to-members", test_send_to_members);
  g_test_add_func ("/views/coalition/facts", test_facts);

  return g_test_run ();
}
